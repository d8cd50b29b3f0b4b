import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { READING_CAP_MB, READING_RETENTION_DAYS, type Settings } from '../lib/settings/schema';
import { formatPackDate } from '../lib/pack-format/news-groups';
import type { LearnedChoice } from '../lib/reading/learned-db';
import type { LearnedRow } from '../lib/reading/reading-schema';
import type { LearnReport } from '../lib/reading/learned-keys';
import { LearnedNames, type MergeTarget } from './LearnedNames';

/** What the options page shows of reading memory: counts, the entities it mentions, the newest articles. */
export interface ReadingView {
  articles: number;
  entities: number;
  sentences: number;
  bytes: number;
  byEntity: Array<{ entity: string; articles: number }>;
  recent: Array<{ url: string; title: string; site: string; published: string; visited: number }>;
  learned: LearnedRow[];
  lastRun: LearnReport | null;
  message: string;
  error: string;
}

export interface ReadingActions {
  onForgetAll: () => void;
  onForgetEntity: (entity: string) => void;
  onDeleteArticle: (url: string) => void;
  onExport: () => void;
  onImport: (file: File) => void;
  onLearned: (key: string, choice: LearnedChoice) => void;
}

const SHOWN_ENTITIES = 50;

const size = (bytes: number): string => (bytes < 1_048_576 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`);

export function ReadingSection(props: {
  settings: Settings;
  set: <K extends keyof Settings>(key: K, value: Settings[K]) => void;
  view: ReadingView | null;
  actions: ReadingActions;
  entityName: (key: string) => string;
  mergeTargets: MergeTarget[];
  siteList: (onChange: (sites: string[]) => void) => JSX.Element;
}): JSX.Element {
  const { settings: s, set, view, actions } = props;
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const entities = (view?.byEntity ?? []).filter((e) => q === '' || props.entityName(e.entity).toLowerCase().includes(q));
  return (
    <section aria-labelledby="h-reading" id="reading">
      <h2 id="h-reading">Your reading</h2>
      <label class="choice">
        <input type="checkbox" checked={s.readingMemory} onChange={(e) => set('readingMemory', e.currentTarget.checked)} />
        Remember what I read: on cards, show what I read about the same people and places in other articles
      </label>
      <p class="note">
        Off by default. When on, after you have stayed on an article for 15 seconds with its tab in view, Backstory keeps the
        sentences of it that mention people, places and ideas it knows, with the article's title, site, link and date. Nothing
        else about the page or you is kept. It stays in this browser on this computer (never synced, never sent anywhere), and
        nothing is kept in private windows or on the sites listed below.
      </p>
      <div class="field">
        <label for="reading-retention">Keep what I read for</label>
        <select id="reading-retention" value={String(s.readingRetentionDays)} onChange={(e) => set('readingRetentionDays', Number(e.currentTarget.value) as Settings['readingRetentionDays'])}>
          {READING_RETENTION_DAYS.map((d) => <option key={d} value={String(d)}>{d === 0 ? 'Until I delete it' : d === 365 ? 'A year' : `${d} days`}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="reading-cap">Use at most (the oldest articles go first)</label>
        <select id="reading-cap" value={String(s.readingCapMB)} onChange={(e) => set('readingCapMB', Number(e.currentTarget.value) as Settings['readingCapMB'])}>
          {READING_CAP_MB.map((mb) => <option key={mb} value={String(mb)}>{mb === 0 ? 'No limit' : `${mb} MB`}</option>)}
        </select>
      </div>
      {props.siteList((v) => set('readingExcludedSites', v))}
      <p class="note" id="reading-stats" aria-live="polite">
        {view === null
          ? 'Reading what is kept…'
          : `Kept now: ${view.articles} article${view.articles === 1 ? '' : 's'} mentioning ${view.entities} people, places and ideas (${view.sentences} sentences, ${size(view.bytes)}).`}
        {view?.message ? ` ${view.message}` : ''}
      </p>
      {view?.error && <p class="error" role="alert">{view.error}</p>}
      {view && <LearnedNames rows={view.learned} targets={props.mergeTargets} lastRun={view.lastRun} choose={actions.onLearned} />}
      {view && view.byEntity.length > 0 && (
        <div class="reading-lists">
          <div class="filter">
            <label for="reading-filter">Find a name in your reading</label>
            <input id="reading-filter" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} autocomplete="off" />
          </div>
          <ul aria-label="Names in your reading">
            {entities.slice(0, SHOWN_ENTITIES).map((e) => (
              <li key={e.entity}>
                <span>{props.entityName(e.entity)}: {e.articles} article{e.articles === 1 ? '' : 's'}</span>{' '}
                <button type="button" onClick={() => actions.onForgetEntity(e.entity)} aria-label={`Forget everything about ${props.entityName(e.entity)}`}>Forget</button>
              </li>
            ))}
          </ul>
          <h3>Newest articles</h3>
          <ul aria-label="Articles you read">
            {view.recent.map((a) => (
              <li key={a.url}>
                <a href={a.url} target="_blank" rel="noopener noreferrer">{a.title || a.url}</a>
                <span> · {a.site} · {formatPackDate(a.published || new Date(a.visited).toISOString().slice(0, 10))}</span>{' '}
                <button type="button" onClick={() => actions.onDeleteArticle(a.url)} aria-label={`Delete ${a.title || a.url}`}>Delete</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="row">
        <button type="button" onClick={actions.onExport}>Export my reading</button>{' '}
        <label class="file-button">
          Import reading…
          <input type="file" id="reading-file" accept=".json,application/json" onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) actions.onImport(file);
            e.currentTarget.value = '';
          }} />
        </label>{' '}
        <button type="button" onClick={actions.onForgetAll}>Forget everything I read</button>
      </div>
    </section>
  );
}
