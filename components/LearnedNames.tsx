import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { LearnedChoice } from '../lib/reading/learned-db';
import type { LearnedRow } from '../lib/reading/reading-schema';
import type { LearnReport } from '../lib/reading/learned-keys';
import { i18n } from '../lib/i18n/t';
import { formatCount, uiLocale } from '../lib/i18n/ui-locale';
import { typeName } from '../lib/pack-format/type-labels';

export interface MergeTarget {
  key: string;
  name: string;
}

const STATUS = { new: 'learned.statusNew', kept: 'learned.statusKept', dismissed: 'learned.statusDismissed', merged: 'learned.statusMerged' } as const satisfies Record<LearnedRow['status'], string>;

function LearnedName(props: { row: LearnedRow; targets: MergeTarget[]; choose: (key: string, choice: LearnedChoice) => void }): JSX.Element {
  const { row, choose } = props;
  const [editing, setEditing] = useState<'rename' | 'merge' | null>(null);
  const [text, setText] = useState('');
  const shown = row.renamed ?? row.name;
  const id = `learned-${row.key.replace(/[^a-z0-9]+/g, '-')}`;
  const submit = (event: Event): void => {
    event.preventDefault();
    if (editing === 'rename' && text.trim() !== '') choose(row.key, { kind: 'rename', name: text });
    if (editing === 'merge') {
      const target = props.targets.find((t) => t.name.toLowerCase() === text.trim().toLowerCase());
      if (target) choose(row.key, { kind: 'merge', into: target.key, intoName: target.name });
      else return;
    }
    setEditing(null);
  };
  const where = row.status === 'dismissed' ? i18n.t('learned.neverAgain') : i18n.t('learned.seen', { articles: formatCount(row.articles), sites: formatCount(row.sites) });
  return (
    <li>
      <span>
        {shown} ({typeName(row.type)}, {row.status === 'merged' && row.mergedName ? i18n.t('learned.mergedInto', { name: row.mergedName }) : i18n.t(STATUS[row.status])}): {where}
      </span>{' '}
      {row.status === 'dismissed' ? (
        <button type="button" onClick={() => choose(row.key, { kind: 'restore' })} aria-label={i18n.t('learned.learnAgain', { name: shown })}>{i18n.t('learned.undo')}</button>
      ) : (
        <>
          {row.status !== 'kept' && <button type="button" onClick={() => choose(row.key, { kind: 'keep' })} aria-label={i18n.t('learned.keepName', { name: shown })}>{i18n.t('learned.keep')}</button>}{' '}
          <button type="button" onClick={() => { setEditing('rename'); setText(shown); }} aria-label={i18n.t('learned.renameName', { name: shown })}>{i18n.t('learned.rename')}</button>{' '}
          <button type="button" onClick={() => { setEditing('merge'); setText(''); }} aria-label={i18n.t('learned.mergeName', { name: shown })}>{i18n.t('learned.merge')}</button>{' '}
          <button type="button" onClick={() => choose(row.key, { kind: 'dismiss' })} aria-label={i18n.t('learned.dismissName', { name: shown })}>{i18n.t('learned.dismiss')}</button>
        </>
      )}
      {editing && (
        <form class="inline-form" onSubmit={submit}>
          <label for={id}>{editing === 'rename' ? i18n.t('learned.newName', { name: shown }) : i18n.t('learned.mergeInto', { name: shown })}</label>
          <input id={id} value={text} list={editing === 'merge' ? 'merge-targets' : undefined} onInput={(e) => setText(e.currentTarget.value)} autocomplete="off" />
          <button type="submit">{editing === 'rename' ? i18n.t('learned.rename') : i18n.t('learned.mergeButton')}</button>{' '}
          <button type="button" onClick={() => setEditing(null)}>{i18n.t('learned.cancel')}</button>
        </form>
      )}
    </li>
  );
}

/** Names learned from reading, with the reader's choices: keep, rename, merge into a known entity, dismiss. */
export function LearnedNames(props: { rows: LearnedRow[]; targets: MergeTarget[]; lastRun: LearnReport | null; choose: (key: string, choice: LearnedChoice) => void }): JSX.Element {
  const run = props.lastRun;
  return (
    <div class="learned">
      <h3 id="h-learned">{i18n.t('learned.title')}</h3>
      <p class="note">{i18n.t('learned.explain')}</p>
      {run && (
        <p class="note" id="learn-report">
          {i18n.t(run.more ? 'learned.running' : 'learned.last', run.articles, [formatCount(run.articles)], {
            time: run.ms < 1000 ? `${formatCount(Math.round(run.ms))} ms` : `${(run.ms / 1000).toLocaleString(uiLocale(), { maximumFractionDigits: 1 })} s`,
            where: run.where,
            at: new Date(run.at).toLocaleString(uiLocale()),
          })}
        </p>
      )}
      {props.rows.length === 0 ? (
        <p class="note">{i18n.t('learned.none')}</p>
      ) : (
        <ul aria-labelledby="h-learned">
          {props.rows.map((row) => <LearnedName key={row.key} row={row} targets={props.targets} choose={props.choose} />)}
        </ul>
      )}
      <datalist id="merge-targets">
        {props.targets.map((t) => <option key={t.key} value={t.name} />)}
      </datalist>
    </div>
  );
}
