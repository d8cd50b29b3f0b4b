import type { JSX } from 'preact';
import type { ShortcutInfo } from '../lib/extension/shortcut';
import { DEFAULT_COLORS } from '../lib/settings/schema';
import { ShortcutNote } from './ShortcutNote';
import { i18n } from '../lib/i18n/t';
import { formatCount } from '../lib/i18n/ui-locale';
import { Rich, slots } from './Rich';

export interface WelcomeProps {
  shortcut: ShortcutInfo | null;
  /** The bundled packs ("Backstory news, December 2025" with 53 entries, "World" with 811). */
  bundled: Array<{ name: string; entities: number }>;
  onOpenOptions: () => void;
}

/** The first-run page: what Backstory does, how to use it, and what it keeps. Opened once, on install. */
export function Welcome(props: WelcomeProps): JSX.Element {
  return (
    <main class="welcome">
      <header>
        <img src="/icons/96.png" width="48" height="48" alt="" />
        <h1>{i18n.t('welcome.title')}</h1>
      </header>
      <p class="lead">{i18n.t('welcome.lead')}</p>
      <p class="example" aria-label={i18n.t('welcome.exampleLabel')}>
        <span class="mark" style={{ textDecorationColor: DEFAULT_COLORS.country }}>Romania</span> is building drones with <span class="mark" style={{ textDecorationColor: DEFAULT_COLORS.country }}>Ukraine</span> for{' '}
        <span class="mark" style={{ textDecorationColor: DEFAULT_COLORS.organization }}>NATO</span>'s eastern flank, Foreign Minister <span class="mark" style={{ textDecorationColor: DEFAULT_COLORS.person }}>Oana Țoiu</span> said.
      </p>

      <section aria-labelledby="w-use">
        <h2 id="w-use">{i18n.t('welcome.use')}</h2>
        <ul>
          <li><Rich text={i18n.t('welcome.hover', slots('hover'))} parts={{ hover: <strong>{i18n.t('welcome.hoverWord')}</strong> }} /></li>
          <li><Rich text={i18n.t('welcome.pin', slots('pin', 'p', 'esc'))} parts={{ pin: <strong>{i18n.t('welcome.pinWord')}</strong>, p: <kbd>p</kbd>, esc: <kbd>Esc</kbd> }} /></li>
          <li><Rich text={i18n.t('welcome.inside', slots('n', 'shift', 'N', 'c'))} parts={{ n: <kbd>n</kbd>, shift: <kbd>Shift</kbd>, N: <kbd>N</kbd>, c: <kbd>c</kbd> }} /></li>
          <li>{i18n.t('welcome.toolbar')}</li>
        </ul>
        <ShortcutNote info={props.shortcut} id="shortcut" />
      </section>

      <section aria-labelledby="w-private">
        <h2 id="w-private">{i18n.t('welcome.private')}</h2>
        <ul>
          <li>{i18n.t('welcome.everything')}</li>
          <li>{i18n.t('welcome.keeps')}</li>
          <li>{i18n.t('welcome.notKept')}</li>
        </ul>
      </section>

      <section aria-labelledby="w-knows">
        <h2 id="w-knows">{i18n.t('welcome.knows')}</h2>
        <p>
          <Rich
            text={i18n.t('welcome.knowsText', { ...slots('packs'), count: formatCount(props.bundled.reduce((n, p) => n + p.entities, 0)) })}
            parts={{ packs: props.bundled.map((p, i) => <>{i > 0 && i18n.t('welcome.and')}<em>{p.name}</em></>) }}
          />
        </p>
      </section>

      <p>
        <button type="button" onClick={props.onOpenOptions}>{i18n.t('welcome.openOptions')}</button>
      </p>
    </main>
  );
}
