import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Card } from '../../components/Card';
import cardCss from '../../components/card.css?inline';
import { isMessage, type Message, type Response } from '../../lib/messages';
import { BackstoryPage } from '../../lib/page/backstory-page';
import { highlightSupported } from '../../lib/page/painter';
import { loadActivePacks } from '../../lib/packs/store';
import type { LoadedPack } from '../../lib/spot/scan';
import { isActiveOn } from '../../lib/settings/schema';
import { loadSettings, watchSettings } from '../../lib/settings/store';

const log = (message: string, level: 'info' | 'debug' = 'info'): void => console[level](`[Backstory] ${message}`);

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would otherwise announce the script to the page with window.postMessage.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const idleAt = performance.now();
    if (!highlightSupported(window)) return;
    const lifetime = new AbortController();
    ctx.onInvalidated(() => lifetime.abort());
    const alive = (): boolean => !lifetime.signal.aborted && browser.runtime?.id !== undefined;
    let page: BackstoryPage | null = null;
    let settings = await loadSettings();
    const host = location.host;

    const stop = (): void => {
      page?.dispose();
      page = null;
    };
    lifetime.signal.addEventListener('abort', stop, { once: true });

    // When the extension is reloaded or removed, this script is orphaned: runtime.id disappears. Checking it
    // is a property read, no message, so the service worker is never woken for it.
    const orphanCheck = setInterval(() => {
      if (browser.runtime?.id === undefined) lifetime.abort();
    }, 1000);
    lifetime.signal.addEventListener('abort', () => clearInterval(orphanCheck), { once: true });

    const send = (message: Message): void => {
      if (alive()) browser.runtime.sendMessage(message).catch(() => undefined);
    };

    // Packs are read from storage only when they or the set switched off change, not on every setting.
    let packs: LoadedPack[] | null = null;
    let packsFor = '';
    const sync = async (reload: boolean, packsChanged = false): Promise<void> => {
      if (!isActiveOn(settings, host)) {
        stop();
        send({ type: 'page-count', count: 0 });
        return;
      }
      const wanted = JSON.stringify(settings.disabledPacks);
      const reloadPacks = packs === null || packsChanged || wanted !== packsFor;
      if (reloadPacks) {
        packs = await loadActivePacks(settings, log);
        packsFor = wanted;
      }
      if (!alive() || packs === null) return;
      if (page && !reload) {
        await page.update(settings, reloadPacks ? packs : undefined);
        return;
      }
      stop();
      page = new BackstoryPage({
        doc: document,
        packs,
        settings,
        cardCss,
        renderCard: (mount, props) => render(props ? <Card {...props} /> : null, mount),
        signal: lifetime.signal,
        onEntityCount: (count) => send({ type: 'page-count', count }),
        openOptions: (hash) => send({ type: 'open-options', hash }),
        log,
      });
      // Timings count from document idle (this script's start), settings and pack loading included.
      const since = performance.now() - idleAt;
      const t = await page.start();
      const first = t.firstHighlightMs < 0 ? -1 : t.firstHighlightMs + since;
      console.debug(
        `[Backstory] first highlights ${first.toFixed(1)} ms, all ${(t.allHighlightsMs + since).toFixed(1)} ms, longest slice ${t.longestSliceMs.toFixed(1)} ms, work ${t.totalWorkMs.toFixed(1)} ms`,
      );
    };

    watchSettings((next) => {
      settings = next;
      void sync(false);
    }, lifetime.signal);
    browser.storage.onChanged.addListener(onPacksChanged);
    lifetime.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onPacksChanged), { once: true });
    function onPacksChanged(changes: Record<string, unknown>, area: string): void {
      if (area === 'local' && 'packs' in changes) void sync(false, true);
    }

    browser.runtime.onMessage.addListener(onMessage);
    lifetime.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
    function onMessage(message: unknown, sender: { id?: string; tab?: unknown }): Promise<unknown> | undefined {
      // Only the extension itself can message a content script; ignore anything else defensively.
      if (sender.id !== browser.runtime.id) return undefined;
      if (isMessage(message, 'get-page-entities')) {
        const reply: Response<'get-page-entities'> = { active: page !== null, host, entities: page?.entities() ?? [] };
        return Promise.resolve(reply);
      }
      if (isMessage(message, 'reveal-entity')) {
        return Promise.resolve({ ok: page?.reveal(message.packId, message.id) ?? false });
      }
      if (isMessage(message, 'next-mention')) {
        return Promise.resolve({ ok: page?.nextMention() ?? false });
      }
      return undefined;
    }

    await sync(true);
  },
});
