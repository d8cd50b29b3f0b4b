import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { LearnedChoice } from '../lib/reading/learned-db';
import type { LearnedRow } from '../lib/reading/reading-schema';
import type { LearnReport } from '../lib/reading/learned-keys';

export interface MergeTarget {
  key: string;
  name: string;
}

const STATUS: Record<LearnedRow['status'], string> = { new: 'new', kept: 'kept', dismissed: 'dismissed', merged: 'merged' };

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
  const where = row.status === 'dismissed' ? 'dismissed: never learned again' : `${row.articles} article${row.articles === 1 ? '' : 's'} on ${row.sites} site${row.sites === 1 ? '' : 's'}`;
  return (
    <li>
      <span>
        {shown} ({row.type}, {STATUS[row.status]}{row.status === 'merged' && row.mergedName ? ` into ${row.mergedName}` : ''}): {where}
      </span>{' '}
      {row.status === 'dismissed' ? (
        <button type="button" onClick={() => choose(row.key, { kind: 'restore' })} aria-label={`Learn ${shown} again`}>Undo</button>
      ) : (
        <>
          {row.status !== 'kept' && <button type="button" onClick={() => choose(row.key, { kind: 'keep' })} aria-label={`Keep ${shown}`}>Keep</button>}{' '}
          <button type="button" onClick={() => { setEditing('rename'); setText(shown); }} aria-label={`Rename ${shown}`}>Rename</button>{' '}
          <button type="button" onClick={() => { setEditing('merge'); setText(''); }} aria-label={`Merge ${shown} into another entity`}>Merge…</button>{' '}
          <button type="button" onClick={() => choose(row.key, { kind: 'dismiss' })} aria-label={`Dismiss ${shown}`}>Dismiss</button>
        </>
      )}
      {editing && (
        <form class="inline-form" onSubmit={submit}>
          <label for={id}>{editing === 'rename' ? `New name for ${shown}` : `Merge ${shown} into`}</label>
          <input id={id} value={text} list={editing === 'merge' ? 'merge-targets' : undefined} onInput={(e) => setText(e.currentTarget.value)} autocomplete="off" />
          <button type="submit">{editing === 'rename' ? 'Rename' : 'Merge'}</button>{' '}
          <button type="button" onClick={() => setEditing(null)}>Cancel</button>
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
      <h3 id="h-learned">Names learned from your reading</h3>
      <p class="note">
        A name no knowledge pack knows becomes a learned name once you have read it in two articles from two different sites. It is
        found on this computer, away from the pages you read, and highlighted with a dashed line. Dismissed names are never learned
        again.
      </p>
      {run && (
        <p class="note" id="learn-report">
          {run.more ? 'Reading for names now, so far:' : 'Last read for names:'} {run.articles} article{run.articles === 1 ? '' : 's'} in {run.ms < 1000 ? `${Math.round(run.ms)} ms` : `${(run.ms / 1000).toFixed(1)} s`}, in {run.where}, not on the
          pages you read ({new Date(run.at).toLocaleString()}).
        </p>
      )}
      {props.rows.length === 0 ? (
        <p class="note">No learned names yet.</p>
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
