import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { NEXT_MENTION_COMMAND } from '../lib/extension/shortcut';
import { isMessage, sendToTab } from '../lib/messages';
import { loadSettings, writeSettings } from '../lib/settings/store';
import { withMuted } from '../lib/settings/muting';

export default defineBackground({
  type: 'module',
  main() {
    // The first-run page, once, on install (not on updates or browser restarts).
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
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
      if (isMessage(message, 'open-options')) {
        const hash = String(message.hash).replace(/[^A-Za-z0-9=%._/-]/g, '').slice(0, 300);
        void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${hash}`) });
        return Promise.resolve({ ok: true });
      }
      return undefined;
    });

    browser.commands.onCommand.addListener((command) => {
      if (command !== NEXT_MENTION_COMMAND) return;
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
        if (tab?.id !== undefined) sendToTab(tab.id, { type: 'next-mention' }).catch(() => undefined);
      });
    });
  },
});
