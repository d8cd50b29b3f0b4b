import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Card } from '../../components/Card';
import cardCss from '../../components/card.css?inline';
import { sendToBackground, type Message } from '../../lib/messages';
import { createLogger } from '../../lib/log';
import { loadActivePacks } from '../../lib/pack-store/page-packs';
import { canRunOn } from '../../lib/content/page-support';

import { PageSession } from '../../lib/content/page-session';
import { loadSettings, watchSettings } from '../../lib/settings/store';
import { PACK_INDEX_PREFIX, PACK_LIST_KEY } from '../../lib/pack-store/keys';
import { LEARNED_INDEX_KEY } from '../../lib/reading/learned-keys';
import { readingOnHere } from '../../lib/reading/reading-scope';
import { declaredLanguage, languageSample, pageLanguage, rememberDetectedLanguage } from '../../lib/spot/page-language';
import { WORLD_VERSION_KEY } from '../../lib/pack-store/world-indexes';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would otherwise announce the script to the page with window.postMessage.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const startedAt = performance.now();
    if (!canRunOn(document)) return;
    let settings = await loadSettings();
    // A page that does not say its language has it guessed from its text, once, in the background.
    if (declaredLanguage(document) === null) {
      const sample = languageSample(document);
      if (sample.length >= 40) {
        const answer = await sendToBackground({ type: 'detect-language', sample }).catch(() => null);
        rememberDetectedLanguage(document, answer?.language ?? null);
      }
    }
    const log = createLogger(() => settings.diagnostics);
    const alive = (): boolean => ctx.isValid;
    const send = (message: Message): void => {
      if (alive()) sendToBackground(message).catch(() => undefined);
    };
    const session = new PageSession({
      win: window,
      signal: ctx.signal,
      settings,
      loadPacks: (settings) => loadActivePacks(settings, log, sendToBackground, readingOnHere(settings, location.host, browser.extension.inIncognitoContext), pageLanguage(document)),
      cardCss,
      renderCard: (mount, props) => render(props ? <Card {...props} /> : null, mount),
      send,
      fetchDetails: async (packId, id) => {
        if (!alive()) throw new Error('Backstory was updated or removed: reload the page');
        const answer = await sendToBackground({ type: 'entity-details', packId, id });
        if (answer.error) throw new Error(answer.error);
        return answer.details && answer.youRead ? { ...answer.details, youRead: answer.youRead } : answer.details;
      },
      log,
      startedAt,
      inPrivate: browser.extension.inIncognitoContext,
    });
    // An orphaned script (extension reloaded or removed) sees runtime.id go; reading it wakes nothing.
    ctx.setInterval(() => void ctx.isInvalid, 1000);
    ctx.addEventListener(window, 'wxt:locationchange', () => session.navigated());
    watchSettings((next) => {
      settings = next;
      void session.settingsChanged(next);
    }, ctx.signal);
    const onStorage = (changes: Record<string, unknown>, area: string): void => {
      if (area === 'local' && Object.keys(changes).some((k) => k === PACK_LIST_KEY || k === LEARNED_INDEX_KEY || k.startsWith(PACK_INDEX_PREFIX) || k === WORLD_VERSION_KEY)) void session.packsChanged();
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
    const onMessage = (message: unknown, sender: { id?: string }): Promise<unknown> | undefined =>
      // Only the extension itself can message a content script; ignore anything else defensively.
      sender.id === browser.runtime.id ? session.answer(message) : undefined;
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    await session.start();
  },
});
