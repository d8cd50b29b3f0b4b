/**
 * Drives Firefox ESR over WebDriver BiDi (Playwright cannot drive ESR 153): starts it headless with a fresh
 * profile, installs the built Firefox extension as a temporary add-on, and offers the few commands the
 * tests need. The extension's internal UUID is fixed through the profile so its pages have a known URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { poll } from './poll';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
export const GECKO_ID = 'backstory@backstory.invalid';
export const EXTENSION_UUID = '6f1c2a9e-0b7d-4c3e-9a51-2d8e4f6b7c10';

export function firefoxPath(): string | null {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p)) ?? null;
}

interface BidiResponse {
  id?: number;
  type: 'success' | 'error' | 'event';
  result?: unknown;
  error?: string;
  message?: string;
  method?: string;
  params?: unknown;
}

export interface Firefox {
  context: string;
  /** The first-run tab, an extension page (with `keepWelcome`): where tests run extension-page code. */
  welcome: string | undefined;
  send<T = unknown>(method: string, params: object): Promise<T>;
  evaluate<T = unknown>(expression: string, context?: string): Promise<T>;
  navigate(url: string, context?: string): Promise<void>;
  newTab(): Promise<string>;
  /** Opens a private window (only with `allowPrivate`) and returns its tab, ready to navigate. */
  privateTab(): Promise<string>;
  pointerMove(x: number, y: number, context?: string): Promise<void>;
  press(key: string, context?: string): Promise<void>;
  screenshot(path: string, context?: string): Promise<void>;
  close(): Promise<void>;
}

const KEYS: Record<string, string> = { Escape: '\uE00C', Tab: '\uE004', Enter: '\uE007' };

/**
 * With `allowPrivate`, the reader has allowed Backstory in private windows (about:addons → "Run in Private
 * Windows"): the same permission is granted before the install, from the browser's own privileged scope, which
 * WebDriver BiDi reaches only when Firefox starts with system access.
 */
export async function launchFirefox(options: { display?: string; prefs?: Array<[string, string | number | boolean]>; keepWelcome?: boolean; allowPrivate?: boolean } = {}): Promise<Firefox> {
  const binary = firefoxPath();
  if (!binary) throw new Error('Firefox ESR is not installed (Debian/Ubuntu: sudo apt-get install -y firefox-esr), or set FIREFOX_PATH');
  const profile = mkdtempSync(join(tmpdir(), 'backstory-firefox-'));
  const prefs = [
    ['extensions.webextensions.uuids', JSON.stringify({ [GECKO_ID]: EXTENSION_UUID })],
    ['browser.shell.checkDefaultBrowser', false],
    ['datareporting.policy.dataSubmissionEnabled', false],
    ['toolkit.telemetry.reportingpolicy.firstRun', false],
    ['app.update.enabled', false],
    ['browser.startup.homepage_override.mstone', 'ignore'],
    ['network.proxy.type', 0],
    ['extensions.autoDisableScopes', 0],
    ['ui.prefersReducedMotion', 1],
    ...(options.prefs ?? []),
  ];
  writeFileSync(join(profile, 'user.js'), prefs.map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
  const child: ChildProcess = spawn(binary, [...(options.display ? [] : ['--headless']), '--remote-debugging-port=0', ...(options.allowPrivate ? ['--remote-allow-system-access'] : []), '--profile', profile, '--no-remote', '--width=1280', '--height=800'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display } } : {}),
  });
  /** Stops this Firefox if it still runs and removes its profile: after close(), and after a failed launch. */
  const discard = (): void => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };
  // Whatever fails after the spawn (no BiDi, the add-on refused, no first-run page), the Firefox started here is
  // discarded: a failed launch must not leave a browser running under the next tests.
  try {
    const url = await new Promise<string>((resolvePromise, reject) => {
      let buffer = '';
      const timer = setTimeout(() => reject(new Error(`Firefox did not start: ${buffer.slice(-500)}`)), 30_000);
      child.stderr?.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const match = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(buffer);
        if (match?.[1]) {
          clearTimeout(timer);
          resolvePromise(match[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`Firefox exited (${String(code)}): ${buffer.slice(-500)}`)));
    });
    const ws = new WebSocket(`${url}/session`);
    await new Promise<void>((ok, fail) => {
      ws.once('open', () => ok());
      ws.once('error', fail);
    });
    let nextId = 1;
    const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as BidiResponse;
      if (msg.id === undefined) return;
      const waiter = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.type === 'error') waiter?.fail(new Error(`${msg.error ?? 'error'}: ${msg.message ?? ''}`));
      else waiter?.ok(msg.result);
    });
    const send = <T>(method: string, params: object): Promise<T> =>
      new Promise<T>((ok, fail) => {
        const id = nextId++;
        pending.set(id, { ok: ok as (v: unknown) => void, fail });
        ws.send(JSON.stringify({ id, method, params }));
      });

    await send('session.new', { capabilities: {} });
    const before = await send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', {});
    const context = before.contexts[0]?.context;
    if (!context) throw new Error('Firefox has no browsing context');
    const inBrowserScope = async (expression: string): Promise<void> => {
      const tree = await send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const chrome = tree.contexts[0]?.context;
      if (!chrome) throw new Error('Firefox: no browser window to run privileged code in (started without system access?)');
      const r = await send<{ type: string; exceptionDetails?: { text: string } }>('script.evaluate', { expression, target: { context: chrome }, awaitPromise: true });
      if (r.type === 'exception') throw new Error(`Firefox: privileged code failed: ${r.exceptionDetails?.text ?? ''}`);
    };
    if (options.allowPrivate) {
      await inBrowserScope(`ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs').ExtensionPermissions.add(${JSON.stringify(GECKO_ID)}, { permissions: ['internal:privateBrowsingAllowed'], origins: [] })`);
    }
    await send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_EXTENSION_DIR } });
    // Installing opens the first-run page in a new tab; the tests drive the first tab, so close it (once seen).
    const welcomeUrl = `moz-extension://${EXTENSION_UUID}/welcome.html`;
    let welcome: string | undefined;
    for (let waited = 0; welcome === undefined && waited < 10_000; waited += 100) {
      const tree = await send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', {});
      welcome = tree.contexts.find((c) => c.url === welcomeUrl)?.context;
      if (welcome === undefined) await new Promise((r) => setTimeout(r, 100));
    }
    if (welcome === undefined) throw new Error('Firefox: the first-run page did not open on install');
    if (!options.keepWelcome) await send('browsingContext.close', { context: welcome });
    await send('browsingContext.activate', { context });

    const ff: Firefox = {
      context,
      welcome: options.keepWelcome ? welcome : undefined,
      send,
      async evaluate<T>(expression: string, ctx = context): Promise<T> {
        const r = await send<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>('script.evaluate', {
          expression,
          target: { context: ctx },
          awaitPromise: true,
          resultOwnership: 'none',
          serializationOptions: { maxObjectDepth: 5 },
        });
        if (r.type === 'exception') throw new Error(`evaluate failed: ${r.exceptionDetails?.text ?? ''}`);
        return deserialize(r.result) as T;
      },
      async navigate(target: string, ctx = context): Promise<void> {
        await send('browsingContext.navigate', { context: ctx, url: target, wait: 'complete' });
      },
      async newTab(): Promise<string> {
        const r = await send<{ context: string }>('browsingContext.create', { type: 'tab' });
        return r.context;
      },
      async privateTab(): Promise<string> {
        if (!options.allowPrivate) throw new Error('privateTab() needs launchFirefox({ allowPrivate: true })');
        const known = new Set((await send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', {})).contexts.map((c) => c.context));
        await inBrowserScope(`void OpenBrowserWindow({ private: true })`);
        const tab = await poll(
          async () => (await send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', {})).contexts.find((c) => !known.has(c.context) && c.url === 'about:privatebrowsing')?.context ?? '',
          (found) => found !== '',
          10_000,
        );
        if (!tab) throw new Error('Firefox: no private window opened');
        // Navigating while its start page still loads aborts the navigation.
        await poll(() => ff.evaluate<string>('document.readyState', tab).catch(() => ''), (state) => state === 'complete', 10_000);
        return tab;
      },
      async pointerMove(x: number, y: number, ctx = context): Promise<void> {
        await send('input.performActions', {
          context: ctx,
          actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 50 }] }],
        });
      },
      async press(key: string, ctx = context): Promise<void> {
        const value = KEYS[key] ?? key;
        await send('input.performActions', { context: ctx, actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }] });
      },
      async screenshot(path: string, ctx = context): Promise<void> {
        const r = await send<{ data: string }>('browsingContext.captureScreenshot', { context: ctx });
        writeFileSync(path, Buffer.from(r.data, 'base64'));
      },
      async close(): Promise<void> {
        await send('browser.close', {}).catch(() => undefined);
        ws.close();
        await new Promise((r) => setTimeout(r, 300));
        discard();
      },
    };
    return ff;
  } catch (error) {
    discard();
    throw error;
  }
}

interface RemoteValue {
  type: string;
  value?: unknown;
}

function deserialize(v: RemoteValue | undefined): unknown {
  if (!v) return undefined;
  switch (v.type) {
    case 'undefined':
    case 'null':
      return null;
    case 'string':
    case 'number':
    case 'boolean':
      return v.value;
    case 'array':
      return (v.value as RemoteValue[]).map(deserialize);
    case 'object':
      return Object.fromEntries((v.value as Array<[string | RemoteValue, RemoteValue]>).map(([k, val]) => [typeof k === 'string' ? k : String(deserialize(k)), deserialize(val)]));
    default:
      return v.value;
  }
}
