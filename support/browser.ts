/**
 * Launches Chromium with the built extension (Playwright), and the helpers the browser tests share:
 * the extension id, popup and options pages as tabs, hovering text, and reading the card out of its
 * closed shadow root through the DevTools protocol (the page itself cannot).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import type { PageEntity } from '../lib/messages';
import { WORLD_INDEX_PATH, WORLD_VERSION_KEY } from '../lib/pack-store/world-indexes';
import { poll } from './poll';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install -y chromium; elsewhere: any Chromium build) ' +
        'or set CHROMIUM_PATH to its executable. Google Chrome 137+ does not load unpacked extensions from the command line.',
    );
  }
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  /** The first-run page the extension opened on install, when launched with `keepWelcome`. */
  welcome: Page | null;
  /** Errors and warnings logged by extension code (content script, pages, worker). */
  extensionErrors: string[];
  /** Console lines from the content script, in order. */
  logs: string[];
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export async function launchExtension(options: { userDataDir?: string; headless?: boolean; pageScripts?: boolean; netLog?: string; diagnostics?: boolean; display?: string; keepWelcome?: boolean; extensionDir?: string; uiLanguage?: string } = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`${extensionDir} is missing: run npm run build first`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? options.display === undefined,
    viewport: { width: 1280, height: 800 },
    javaScriptEnabled: options.pageScripts ?? true,
    // The browser's own language (its UI and the extension's messages) comes from the environment on Linux.
    ...(options.display || options.uiLanguage
      ? { env: { ...process.env, ...(options.display ? { DISPLAY: options.display } : {}), ...(options.uiLanguage ? { LANGUAGE: options.uiLanguage, LANG: `${options.uiLanguage}.UTF-8` } : {}) } }
      : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.uiLanguage ? [`--lang=${options.uiLanguage}`] : []),
      ...(options.netLog ? [`--log-net-log=${options.netLog}`, '--net-log-capture-mode=Default'] : []),
    ],
  });
  // Nothing leaves the machine: real pages' own third-party requests are refused at once.
  await context.route(/^https?:\/\/(?!(?:127\.0\.0\.1|localhost)[:/])/, (route) => route.abort('blockedbyclient'));
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  // A fresh profile: the extension was just installed, so it opens its first-run page.
  const fresh = await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await api.storage.local.get('settings')).settings === undefined;
  });
  // Tests and benchmarks read Backstory's timings from the console, which it writes only with diagnostics on.
  // Only into a fresh profile, and with no timestamp, so any settings a test writes win.
  if (fresh && (options.diagnostics ?? true)) {
    await worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      await api.storage.local.set({ settings: { version: 5, diagnostics: true } });
    });
  }
  // On install the background copies the World pack's indexes into storage, which makes every open page
  // rescan (about a second after start here). A test opening its page before that would race the rescan:
  // a fresh extension is returned once that copy is in (builds from before the World pack have none to copy).
  if (fresh && existsSync(join(extensionDir, WORLD_INDEX_PATH))) await worldIndexesInstalled(worker);
  const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
  let welcome: Page | null = null;
  if (fresh) {
    // A tab the extension opens may show about:blank first; look until it has navigated.
    for (let waited = 0; welcome === null && waited < 10_000; waited += 100) {
      welcome = context.pages().find((p) => p.url() === welcomeUrl) ?? null;
      if (welcome === null) await new Promise((r) => setTimeout(r, 100));
    }
    if (!options.keepWelcome) {
      await welcome?.close();
      welcome = null;
    }
  }
  const extensionErrors: string[] = [];
  const logs: string[] = [];
  const watch = (page: Page): void => {
    page.on('console', (msg) => {
      const where = msg.location().url;
      const fromExtension = where.startsWith(`chrome-extension://${extensionId}`) || msg.text().includes('[Backstory]');
      if (fromExtension) logs.push(msg.text());
      if (fromExtension && (msg.type() === 'error' || msg.type() === 'warning')) extensionErrors.push(`${msg.type()}: ${msg.text()} (${where})`);
    });
    page.on('pageerror', (error) => {
      if ((error.stack ?? '').includes(`chrome-extension://${extensionId}`)) extensionErrors.push(`pageerror: ${error.message}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    welcome,
    extensionErrors,
    logs,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function worldIndexesInstalled(worker: Worker, timeoutMs = 20_000): Promise<void> {
  const storedVersion = (): Promise<unknown> => worker.evaluate(async (key) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await api.storage.local.get(key))[key];
  }, WORLD_VERSION_KEY);
  const version = await poll(storedVersion, (v) => typeof v === 'string', timeoutMs);
  if (typeof version !== 'string') throw new Error(`the extension did not install the World pack's indexes (${WORLD_VERSION_KEY}) within ${timeoutMs / 1000} s of starting`);
}

/** Opens a new tab at `url`; with `minHighlights`, waits until the content script painted that many. */
export async function openPage(browser: ExtensionBrowser, url: string, minHighlights = 0): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  if (minHighlights > 0) await waitForHighlights(page, minHighlights);
  return page;
}

/** Waits until the content script registered its highlights (or the timeout passes). */
export async function waitForHighlights(page: Page, min = 1, timeout = 10_000): Promise<number> {
  await page.waitForFunction(
    (n) => {
      let total = 0;
      CSS.highlights.forEach((h, name) => {
        if (name.startsWith('backstory-') && name !== 'backstory-active') total += h.size;
      });
      return total >= n;
    },
    min,
    { timeout },
  );
  return highlightCount(page);
}

export function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let total = 0;
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('backstory-') && name !== 'backstory-active') total += h.size;
    });
    return total;
  });
}

/** The highlighted texts, read from the page's highlight registry as a page script would. */
export function highlightedTexts(page: Page): Promise<Array<{ type: string; text: string }>> {
  return page.evaluate(() => {
    const out: Array<{ type: string; text: string }> = [];
    CSS.highlights.forEach((h, name) => {
      if (!name.startsWith('backstory-') || name === 'backstory-active') return;
      for (const r of h) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push({ type: name.slice('backstory-'.length), text: range.toString() });
      }
    });
    return out;
  });
}

/** Moves the mouse onto the middle of the first visible occurrence of `text` and waits out the dwell. */
export async function hoverText(page: Page, text: string, options: { occurrence?: number; dwellMs?: number } = {}): Promise<void> {
  const box = await page.evaluate(
    ({ text, occurrence }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let at = (node as Text).data.indexOf(text);
        while (at >= 0) {
          if (seen++ === occurrence) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
            const rect = range.getClientRects()[0];
            return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
          }
          at = (node as Text).data.indexOf(text, at + 1);
        }
      }
      return null;
    },
    { text, occurrence: options.occurrence ?? 0 },
  );
  if (!box) throw new Error(`"${text}" is not on the page`);
  await page.mouse.move(box.x - 40, box.y + 60);
  await page.mouse.move(box.x, box.y, { steps: 4 });
  await page.waitForTimeout(options.dwellMs ?? 550);
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export interface CardButton {
  text: string;
  label: string;
  pressed: string;
  backendNodeId: number;
}

export interface CardView {
  open: boolean;
  role: string;
  labelledName: string;
  name: string;
  text: string;
  marks: string[];
  buttons: CardButton[];
  /** The locator map's text alternative, or '' when the card has no map. */
  map: string;
  /** Something in it is aria-busy: its details have not arrived from the background yet. */
  busy: boolean;
}

function attr(node: CdpNode, name: string): string {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1] ?? '';
  return '';
}

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.localName === 'style') return '';
  return (node.children ?? []).map(textOf).join(node.localName === 'li' || node.localName === 'p' ? ' ' : '');
}

function walk(node: CdpNode, visit: (n: CdpNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
  for (const root of node.shadowRoots ?? []) walk(root, visit);
}

const sessions = new WeakMap<Page, CDPSession>();
async function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** Reads the card through DevTools (which sees closed shadow roots), the way a screen reader's tree would. */
export async function readCard(page: Page): Promise<CardView> {
  const session = await cdp(page);
  const doc: { root: unknown } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  const root = doc.root as CdpNode;
  let dialog: CdpNode | null = null;
  walk(root, (n) => {
    if (!dialog && attr(n, 'role') === 'dialog' && attr(n, 'class').startsWith('card')) dialog = n;
  });
  const found = dialog as CdpNode | null;
  if (!found) return { open: false, role: '', labelledName: '', name: '', text: '', marks: [], buttons: [], map: '', busy: false };
  const buttons: CardButton[] = [];
  const marks: string[] = [];
  let name = '';
  let map = '';
  let busy = false;
  walk(found, (n) => {
    if (attr(n, 'aria-busy') === 'true') busy = true;
    if (n.localName === 'svg' && attr(n, 'role') === 'img' && (n.children ?? []).some((c) => c.localName === 'path')) map = attr(n, 'aria-label');
    if (n.localName === 'button') buttons.push({ text: textOf(n).trim(), label: attr(n, 'aria-label') || textOf(n).trim(), pressed: attr(n, 'aria-pressed'), backendNodeId: n.backendNodeId });
    if (n.localName === 'mark') marks.push(textOf(n));
    if (attr(n, 'id') === attr(found, 'aria-labelledby')) name = textOf(n);
  });
  return { open: true, role: attr(found, 'role'), labelledName: name, name, text: textOf(found), marks, buttons, map, busy };
}

/**
 * The open card once its details have arrived (nothing in it aria-busy). They come from the background after
 * the card opens: later on a loaded machine, or when a pack must be read first. Throws when they never come.
 */
export async function readCardWithDetails(page: Page, timeoutMs = 5_000): Promise<CardView> {
  const card = await poll(() => readCard(page), (c) => c.open && !c.busy, timeoutMs);
  if (!card.open || card.busy) throw new Error(card.open ? `the card's details did not arrive within ${timeoutMs} ms` : `no card opened within ${timeoutMs} ms`);
  return card;
}

/** The open card's markup, read through DevTools (for checks such as axe in a page of its own). */
export async function cardHtml(page: Page): Promise<string> {
  const session = await cdp(page);
  const doc: { root: unknown } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  let dialog: CdpNode | null = null;
  walk(doc.root as CdpNode, (n) => {
    if (!dialog && attr(n, 'role') === 'dialog' && attr(n, 'class').startsWith('card')) dialog = n;
  });
  const found = dialog as CdpNode | null;
  if (!found) throw new Error('no card is open');
  const reply: { outerHTML: string } = await session.send('DOM.getOuterHTML', { backendNodeId: found.backendNodeId });
  // eslint-disable-next-line no-restricted-properties -- a DevTools reply field read by a test, not a DOM property the extension renders
  return reply.outerHTML;
}

/** The centre of a card button, in viewport coordinates. */
export async function cardButtonPoint(page: Page, label: string | RegExp, options: { scroll?: boolean } = {}): Promise<{ x: number; y: number }> {
  const card = await readCard(page);
  const button = card.buttons.find((b) => (typeof label === 'string' ? b.label === label || b.text === label : label.test(b.label) || label.test(b.text)));
  if (!button) throw new Error(`no card button ${String(label)}; buttons: ${card.buttons.map((b) => b.label).join(', ')}`);
  const session = await cdp(page);
  // As a reader would: scroll the card (not the page) until the button shows.
  if (options.scroll ?? true) await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId });
  const box: { model: { content: number[] } } = await session.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId });
  const [x1, y1, , , x3, y3] = box.model.content as [number, number, number, number, number, number];
  return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
}

/** Clicks a card button with a real (trusted) mouse click at its position. */
export async function clickCardButton(page: Page, label: string | RegExp): Promise<void> {
  const { x, y } = await cardButtonPoint(page, label);
  await page.mouse.move(x, y, { steps: 3 });
  await page.mouse.click(x, y);
}

export async function openExtensionPage(browser: ExtensionBrowser, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** The tab id of a page, asked from the extension's service worker. */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  // Without the tabs permission the worker cannot see URLs, so bring the page to the front and ask for it.
  await page.bringToFront();
  const id = await browser.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error(`no tab for ${page.url()}`);
  return id;
}

/**
 * What the popup asks a page when it opens (the entities found there, with their counts), asked from the
 * service worker as the popup asks, and timed there.
 */
export async function pageEntitiesOf(browser: ExtensionBrowser, tabId: number): Promise<{ ms: number; entities: PageEntity[] }> {
  return browser.worker.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object): Promise<{ entities: PageEntity[] }> } } }).chrome;
    const asked = performance.now();
    const reply = await api.tabs.sendMessage(id, { type: 'get-page-entities' });
    return { ms: performance.now() - asked, entities: reply.entities };
  }, tabId);
}

/** Opens the popup as a tab that reports on `target` (the toolbar popup reports on the active tab). */
export async function openPopupFor(browser: ExtensionBrowser, target: Page): Promise<Page> {
  const tabId = await tabIdOf(browser, target);
  return openExtensionPage(browser, `popup.html?tab=${tabId}`);
}
