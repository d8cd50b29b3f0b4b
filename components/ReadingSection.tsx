import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { READING_CAP_MB, READING_RETENTION_DAYS, type Settings } from '../lib/settings/schema';
import { formatPackDate } from '../lib/pack-format/news-groups';
import type { LearnedChoice } from '../lib/reading/learned-db';
import type { LearnedRow } from '../lib/reading/reading-schema';
import type { LearnReport } from '../lib/reading/learned-keys';
import { LearnedNames, type MergeTarget } from './LearnedNames';
import { i18n } from '../lib/i18n/t';
import { formatCount, uiLocale } from '../lib/i18n/ui-locale';

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

const size = (bytes: number): string =>
  bytes < 1_048_576 ? `${formatCount(Math.ceil(bytes / 1024))} KB` : `${(bytes / 1_048_576).toLocaleString(uiLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;

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
      <h2 id="h-reading">{i18n.t('reading.title')}</h2>
      <label class="choice">
        <input type="checkbox" checked={s.readingMemory} onChange={(e) => set('readingMemory', e.currentTarget.checked)} />
        {i18n.t('reading.remember')}
      </label>
      <p class="note">{i18n.t('reading.explain')}</p>
      <div class="field">
        <label for="reading-retention">{i18n.t('reading.keepFor')}</label>
        <select id="reading-retention" value={String(s.readingRetentionDays)} onChange={(e) => set('readingRetentionDays', Number(e.currentTarget.value) as Settings['readingRetentionDays'])}>
          {READING_RETENTION_DAYS.map((d) => <option key={d} value={String(d)}>{d === 0 ? i18n.t('reading.untilDeleted') : d === 365 ? i18n.t('reading.aYear') : i18n.t('reading.days', { days: formatCount(d) })}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="reading-cap">{i18n.t('reading.cap')}</label>
        <select id="reading-cap" value={String(s.readingCapMB)} onChange={(e) => set('readingCapMB', Number(e.currentTarget.value) as Settings['readingCapMB'])}>
          {READING_CAP_MB.map((mb) => <option key={mb} value={String(mb)}>{mb === 0 ? i18n.t('reading.noLimit') : `${formatCount(mb)} MB`}</option>)}
        </select>
      </div>
      {props.siteList((v) => set('readingExcludedSites', v))}
      <p class="note" id="reading-stats" aria-live="polite">
        {view === null
          ? i18n.t('reading.reading')
          : i18n.t('reading.kept', view.articles, [formatCount(view.articles)], { entities: formatCount(view.entities), sentences: formatCount(view.sentences), size: size(view.bytes) })}
        {view?.message ? ` ${view.message}` : ''}
      </p>
      {view?.error && <p class="error" role="alert">{view.error}</p>}
      {view && <LearnedNames rows={view.learned} targets={props.mergeTargets} lastRun={view.lastRun} choose={actions.onLearned} />}
      {view && view.byEntity.length > 0 && (
        <div class="reading-lists">
          <div class="filter">
            <label for="reading-filter">{i18n.t('reading.find')}</label>
            <input id="reading-filter" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} autocomplete="off" />
          </div>
          <ul aria-label={i18n.t('reading.names')}>
            {entities.slice(0, SHOWN_ENTITIES).map((e) => (
              <li key={e.entity}>
                <span>{i18n.t('reading.articlesOf', e.articles, [formatCount(e.articles)], { name: props.entityName(e.entity) })}</span>{' '}
                <button type="button" onClick={() => actions.onForgetEntity(e.entity)} aria-label={i18n.t('reading.forgetAbout', { name: props.entityName(e.entity) })}>{i18n.t('reading.forget')}</button>
              </li>
            ))}
          </ul>
          <h3>{i18n.t('reading.newest')}</h3>
          <ul aria-label={i18n.t('reading.articles')}>
            {view.recent.map((a) => (
              <li key={a.url}>
                <a href={a.url} target="_blank" rel="noopener noreferrer">{a.title || a.url}</a>
                <span> · {a.site} · {formatPackDate(a.published || new Date(a.visited).toISOString().slice(0, 10))}</span>{' '}
                <button type="button" onClick={() => actions.onDeleteArticle(a.url)} aria-label={i18n.t('reading.deleteArticle', { title: a.title || a.url })}>{i18n.t('reading.delete')}</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="row">
        <button type="button" onClick={actions.onExport}>{i18n.t('reading.export')}</button>{' '}
        <label class="file-button">
          {i18n.t('reading.import')}
          <input type="file" id="reading-file" accept=".json,application/json" onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) actions.onImport(file);
            e.currentTarget.value = '';
          }} />
        </label>{' '}
        <button type="button" onClick={actions.onForgetAll}>{i18n.t('reading.forgetAll')}</button>
      </div>
    </section>
  );
}
