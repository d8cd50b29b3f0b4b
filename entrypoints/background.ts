import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { detect } from 'tinyld/light';
import { NEXT_MENTION_COMMAND } from '../lib/extension/shortcut';
import { isMessage, sendToTab } from '../lib/messages';
import { loadSettings, writeSettings } from '../lib/settings/store';
import { withMuted } from '../lib/settings/muting';
import { entityDetails, listedEntityNames } from '../lib/pack-store/details-source';
import { migrateLegacyPacks } from '../lib/pack-store/migrate-packs';
import { installWorldIndexes, WORLD_INDEX_PATH } from '../lib/pack-store/world-indexes';
import { WORLD_INDEX_VERSION } from '../lib/pack-store/bundled-world';
import { entityKey } from '../lib/pack-format/entity-key';
import { learnedDetails, readingFor, saveReading } from '../lib/reading/reading-service';
import { learnSoon } from '../lib/reading/learn-off-page';
import { hasPendingArticles } from '../lib/reading/learned-db';
import type { LearnRun } from '../lib/reading/learn-job';
import { LEARNED_PACK_ID } from '../lib/reading/learned-keys';
import { changesPacks, PackMatcher } from '../lib/pack-store/pack-matcher';
import { isLanguageCode } from '../lib/pack-format/language-code';

function reportLearning(run: LearnRun | Error): void {
  if (run instanceof Error) console.warn(`Backstory: learning names from your reading failed: ${run.message}`);
  // Only when the diagnostics switch is on, like the page's timing lines.
  else void loadSettings().then((s) => s.diagnostics && console.info(`Backstory: read ${run.articles} articles for names, found ${run.names}, in ${run.ms.toFixed(0)} ms off the page`));
}

export default defineBackground({
  type: 'module',
  main() {
    // The first-run page, once, on install (not on updates or browser restarts).
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    });
    // Packs stored by version 0.1 move to the current layout (on update, and on any start that finds some left).
    const migrated = migrateLegacyPacks().catch((error: unknown) => ({ moved: [], failed: [{ id: '*', reason: String(error) }] }));
    void migrated.then(({ failed }) => {
      for (const f of failed) console.warn(`Backstory: pack "${f.id}" stays in the old layout: ${f.reason}`);
    });
    // Pages read the World pack's index for their language from storage.local: put this build's there.
    installWorldIndexes(browser.storage.local, WORLD_INDEX_VERSION, async () => (await fetch(browser.runtime.getURL(WORLD_INDEX_PATH as '/'))).json()).catch((error: unknown) =>
      console.warn(`Backstory: the World pack could not be installed for pages: ${error instanceof Error ? error.message : String(error)}`),
    );
    // Pages are matched here, each pack decoded once per start and again after any change to it.
    const matcher = new PackMatcher((keys) => browser.storage.local.get(keys));
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && Object.keys(changes).some(changesPacks)) matcher.forget();
    });
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      if (isMessage(message, 'page-count') && sender.tab?.id !== undefined) {
        const count = Math.max(0, Math.min(9999, Math.floor(Number(message.count) || 0)));
        const tabId = sender.tab.id;
        return loadSettings().then(async ({ showBadge }) => {
          await browser.action.setBadgeText({ tabId, text: showBadge && count > 0 ? String(count) : '' });
          await browser.action.setBadgeBackgroundColor({ tabId, color: '#0b57d0' });
          return { ok: true };
        });
      }
      if (isMessage(message, 'set-muted') && typeof message.key === 'string') {
        const { key, muted } = message;
        return loadSettings().then(async (settings) => {
          const next = withMuted(settings, key.slice(0, 300), muted === true);
          if (next !== settings) await writeSettings(next);
          return { ok: true };
        });
      }
      if (isMessage(message, 'entity-details') && typeof message.packId === 'string' && typeof message.id === 'string') {
        const { packId, id } = message;
        if (packId === LEARNED_PACK_ID) return learnedDetails(id.slice(0, 200), sender);
        // After the migration, so a pack moved at this start is found in its new place.
        const details = migrated
          .then(() => entityDetails(packId, id, async () => (await loadSettings()).disabledPacks))
          .then((found) => ({ details: found }), (error: unknown) => ({ details: null, error: error instanceof Error ? error.message : String(error) }));
        return Promise.all([details, readingFor(entityKey(packId, id), sender)]).then(([answer, youRead]) => (youRead ? { ...answer, youRead } : answer));
      }
      if (isMessage(message, 'match-text')) {
        return migrated
          .then(() => matcher.match(message))
          .catch((error: unknown) => ({ heads: [], matches: [], seen: {}, failed: [], labels: {}, error: error instanceof Error ? error.message : String(error) }));
      }
      if (isMessage(message, 'look-up-packs')) return migrated.then(() => matcher.lookUp(message.packs, message.query, message.language)).then((entities) => ({ entities }));
      if (isMessage(message, 'entity-names')) return migrated.then(() => listedEntityNames(message.entities)).then((names) => ({ names }));
      if (isMessage(message, 'detect-language')) {
        const language = detect(String(message.sample).slice(0, 2_000));
        return Promise.resolve({ language: isLanguageCode(language) ? language : null });
      }
      if (isMessage(message, 'reading-save')) {
        return saveReading(message.article, sender).then((saved) => {
          if (saved.ok) learnSoon(reportLearning);
          return saved;
        });
      }
      if (isMessage(message, 'open-options')) {
        const hash = String(message.hash).replace(/[^A-Za-z0-9=%._/-]/g, '').slice(0, 300);
        void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${hash}`) });
        return Promise.resolve({ ok: true });
      }
      return undefined;
    });

    // A run cut short (the browser closed, the worker stopped mid-run) left its articles queued: go on with them
    // whenever the background starts, if reading memory is on.
    void loadSettings()
      .then((s) => s.readingMemory && hasPendingArticles())
      .then((waiting) => waiting && learnSoon(reportLearning))
      .catch(() => undefined);

    browser.commands.onCommand.addListener((command) => {
      if (command !== NEXT_MENTION_COMMAND) return;
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
        if (tab?.id !== undefined) sendToTab(tab.id, { type: 'next-mention' }).catch(() => undefined);
      });
    });
  },
});
