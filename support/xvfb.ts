/**
 * Real key presses for the browser tests: an X server of our own (Xvfb) with a headed browser in it, and
 * xdotool sending key events through X, the way a keyboard does. DevTools and WebDriver key events go to the
 * page and never reach the browser's own shortcut handling, so they cannot prove that a command is bound.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';

export interface XDisplay {
  /** ":N", for the DISPLAY variable. */
  name: string;
  /** Focuses the first visible window of this X class ("chromium", "firefox") and presses `keys` ("alt+shift+k"). */
  press(windowClass: string, keys: string): void;
  close(): void;
}

function has(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function canPressRealKeys(): boolean {
  return has('Xvfb') && has('xdotool');
}

export async function startXvfb(): Promise<XDisplay> {
  // -displayfd picks a free display number and writes it to the given descriptor.
  const child: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000);
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(text.trim());
      }
    });
    child.on('exit', (code) => reject(new Error(`Xvfb exited (${String(code)})`)));
  });
  const name = `:${number}`;
  const env = { ...process.env, DISPLAY: name };
  return {
    name,
    press(windowClass, keys) {
      execFileSync('xdotool', ['search', '--sync', '--onlyvisible', '--class', windowClass, 'windowfocus', '--sync'], { env, timeout: 10_000 });
      execFileSync('xdotool', ['key', '--clearmodifiers', keys], { env, timeout: 10_000 });
    },
    close() {
      child.kill();
    },
  };
}
