/**
 * A saved web page as a DOM for tools and tests (happy-dom): with a URL, so relative links resolve, and
 * with no script run and nothing fetched (stylesheets, scripts, frames), so a page cannot reach the network.
 */
import { Window } from 'happy-dom';

export interface SavedPage {
  doc: Document;
  close: () => void;
}

export function parseSavedPage(html: string, url = 'https://saved-page.invalid/'): SavedPage {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableErrorCapturing: false,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { doc, close: () => void window.happyDOM.close() };
}
