/**
 * WXT's content-script context, minus its page-visible handshake. WXT announces each start with a
 * CustomEvent on `document` (named after the extension id, which in Firefox every page knows) and stops
 * on hearing one from "another instance": a page could detect Backstory, and switch it off by dispatching
 * the same event. No event a page can hear or send may start or stop Backstory, so this context announces
 * nothing and listens to nothing; an orphaned script (extension reloaded or removed) ends itself by seeing
 * `runtime.id` disappear (`isInvalid`). wxt.config.ts makes WXT's content-script wrapper use this class.
 */
import { ContentScriptContext as WxtContentScriptContext } from 'wxt/utils/content-script-context';

export class ContentScriptContext extends WxtContentScriptContext {
  override stopOldScripts(): void {
    // Nothing is announced to the page.
  }

  override listenForNewerScripts(): void {
    // Nothing from the page is listened to.
  }
}
