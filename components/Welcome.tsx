import type { JSX } from 'preact';
import type { ShortcutInfo } from '../lib/extension/shortcut';
import { DEFAULT_COLORS } from '../lib/settings/schema';
import { ShortcutNote } from './ShortcutNote';

export interface WelcomeProps {
  shortcut: ShortcutInfo | null;
  /** What the bundled knowledge covers ("Backstory news, December 2025", 53 entries). */
  bundled: { name: string; entities: number };
  onOpenOptions: () => void;
}

/** The first-run page: what Backstory does, how to use it, and what it keeps. Opened once, on install. */
export function Welcome(props: WelcomeProps): JSX.Element {
  return (
    <main class="welcome">
      <header>
        <img src="/icons/96.png" width="48" height="48" alt="" />
        <h1>Welcome to Backstory</h1>
      </header>
      <p class="lead">
        While you read the news, Backstory quietly marks the people, countries, organizations, places and ideas it knows.
        Point at one and a card tells you who or what it is, what the news it was built from says about it, and what it relates to.
      </p>
      <p class="example" aria-label="An example of marked text">
        <span class="mark" style={{ textDecorationColor: DEFAULT_COLORS.country }}>Romania</span> is building drones with <span class="mark" style={{ textDecorationColor: DEFAULT_COLORS.country }}>Ukraine</span> for{' '}
        <span class="mark" style={{ textDecorationColor: DEFAULT_COLORS.organization }}>NATO</span>'s eastern flank, Foreign Minister <span class="mark" style={{ textDecorationColor: DEFAULT_COLORS.person }}>Oana Țoiu</span> said.
      </p>

      <section aria-labelledby="w-use">
        <h2 id="w-use">How to use it</h2>
        <ul>
          <li><strong>Hover</strong> a marked name for a moment: its card opens. Move away and it closes.</li>
          <li><strong>Pin</strong> a card (the pin button, or <kbd>p</kbd>) to keep it open while you read; other names still open their own card over it, and the pinned one comes back. <kbd>Esc</kbd> or × closes it.</li>
          <li>Inside a card: <kbd>n</kbd> and <kbd>Shift</kbd>+<kbd>N</kbd> step through the name's mentions on the page, <kbd>c</kbd> copies it with a quote and its source, and Mute stops marking it anywhere (with Undo).</li>
          <li>The toolbar button lists what was found on the page, looks up any name Backstory knows, and switches it off for the site you are on.</li>
        </ul>
        <ShortcutNote info={props.shortcut} id="shortcut" />
      </section>

      <section aria-labelledby="w-private">
        <h2 id="w-private">What stays on your machine</h2>
        <ul>
          <li>Everything. Backstory makes no network requests: no server, no account, no analytics.</li>
          <li>It keeps your settings (in the browser's extension storage, synced only if your browser syncs extension settings) and any knowledge packs you import (on this device only).</li>
          <li>It does not keep what you read: pages are scanned where they are, in your browser, and forgotten when you leave them.</li>
        </ul>
      </section>

      <section aria-labelledby="w-knows">
        <h2 id="w-knows">What it knows</h2>
        <p>
          It comes with <em>{props.bundled.name}</em> ({props.bundled.entities} people, places and ideas). You can build your own knowledge pack
          from any folder of news text and import it on the options page.
        </p>
      </section>

      <p>
        <button type="button" onClick={props.onOpenOptions}>Open Backstory's options</button>
      </p>
    </main>
  );
}
