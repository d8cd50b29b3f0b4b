/** A small flag parser for the project's scripts: `--name value` pairs and positional arguments. */
export interface ParsedArgs {
  flags: Map<string, string>;
  positional: string[];
}

/** `switches` are flags without a value (`--context`); they are set to "true". */
export function parseArgs(argv: readonly string[], known: readonly string[], switches: readonly string[] = []): ParsedArgs {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (switches.includes(name)) {
      flags.set(name, 'true');
      continue;
    }
    if (!known.includes(name)) throw new Error(`unknown option ${arg} (known: ${[...known, ...switches].map((k) => `--${k}`).join(', ')})`);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
    flags.set(name, value);
  }
  return { flags, positional };
}
