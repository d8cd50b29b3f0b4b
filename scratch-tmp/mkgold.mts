import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
const rows = readFileSync('/tmp/scratch/judge/sheet.tsv', 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
const verdicts = JSON.parse(execFileSync('python3', ['-c', 'exec(open("/tmp/scratch/judge/verdicts.py").read()); import json; print(json.dumps({k: list(x) for k, x in v.items()}))']).toString()) as Record<string, [string, string]>;
const path = 'test/fixtures/gold/real-pages.gold.json';
const gold: Record<string, Record<string, unknown>> = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
let missing = 0;
rows.forEach((r, i) => {
  const v = verdicts[String(i + 1)];
  const [page, key, , id, ctx] = r as [string, string, string, string, string];
  if (!v) { missing++; console.log('no verdict for row', i + 1); return; }
  const text = /\[\[(.*)\]\]/.exec(ctx)?.[1] ?? '';
  (gold[page] ??= {})[key] = { id, text, verdict: v[0], reason: v[1], context: ctx.trim() };
});
writeFileSync(path, JSON.stringify(gold, null, 1) + '\n');
console.log('rows', rows.length, 'missing', missing);
