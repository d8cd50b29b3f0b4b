import type { JSX } from 'preact';
import type { CardActions, CardModel } from '../lib/content/card-model';
import type { EntityMap, EntitySentence } from '../lib/pack-format/types';
import { formatPackDate, type NewsGroup } from '../lib/pack-format/news-groups';
import type { YouRead } from '../lib/reading/reading-db';
import { typeName } from '../lib/pack-format/type-labels';
import { factLabel } from '../lib/i18n/fact-label';
import { newsKind } from '../lib/i18n/news-kind';
import { i18n } from '../lib/i18n/t';
import { Rich, slots } from './Rich';
import { formatCount, uiLocale } from '../lib/i18n/ui-locale';

export type CardProps = CardModel & CardActions;


/** The card is inside someone else's page: it acts only on real user input, never on synthetic events. */
function trusted(action: () => void): (e: Event) => void {
  return (e) => {
    if (e.isTrusted) action();
  };
}
const MAX_RELATED = 8;

function Sentence({ sentence }: { sentence: EntitySentence }): JSX.Element {
  const parts: Array<JSX.Element | string> = [];
  let at = 0;
  for (const [start, end] of [...sentence.marks].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    parts.push(sentence.text.slice(at, start));
    parts.push(<mark key={start}>{sentence.text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(sentence.text.slice(at));
  return <q dir="auto">{parts}</q>;
}

function NewsSource({ group }: { group: NewsGroup }): JSX.Element {
  const label = newsKind(group);
  const where = [group.site, group.date].filter(Boolean).join(' · ');
  return (
    <div class="source" dir="auto">
      {group.title ? (
        group.url ? (
          <a href={group.url} target="_blank" rel="noopener noreferrer" class="doc-title">{group.title}</a>
        ) : (
          <span class="doc-title">{group.title}</span>
        )
      ) : (
        group.url ? <a href={group.url} target="_blank" rel="noopener noreferrer">{label}</a> : label
      )}
      {where && <span>{group.title || label ? ' · ' : ''}{where}</span>}
    </div>
  );
}

/** A locator map drawn at build time (the pack's path data), as inline SVG with its text alternative. */
function LocatorMap({ map }: { map: EntityMap }): JSX.Element {
  return (
    <figure class="map">
      <svg viewBox={map.viewBox} role="img" aria-label={map.alt} focusable="false">
        <path class="land" d={map.land} />
        {map.focus && <path class="focus" d={map.focus} />}
        {map.dot && <circle class="dot" cx={map.dot[0]} cy={map.dot[1]} r={2.6} />}
      </svg>
    </figure>
  );
}

/** "You read": sentences about this entity from other articles the reader read, newest first. */
function YouReadSection({ name, youRead }: { name: string; youRead: YouRead }): JSX.Element {
  const { articles, items } = youRead;
  return (
    <section aria-label={i18n.t('card.youRead')} class="you-read">
      <h3>{i18n.t('card.youRead')}</h3>
      <p class="you-read-count" dir="auto">{i18n.t('card.youReadCount', articles, [formatCount(articles)], { name })}</p>
      <ul class="news">
        {items.map((item, i) => {
          const where = [item.site, formatPackDate(item.date)].filter(Boolean).join(' · ');
          return (
            <li key={i}>
              <q dir="auto">{item.text}</q>
              <div class="source" dir="auto">
                <a href={item.url} target="_blank" rel="noopener noreferrer" class="doc-title">{item.title || item.url}</a>
                {where && <span> · {where}</span>}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function MutedNotice(props: CardProps): JSX.Element {
  return (
    <div class={props.dark ? 'card dark notice' : 'card notice'} lang={uiLocale()} role="dialog" aria-labelledby="backstory-name" aria-describedby="backstory-summary" tabIndex={-1}>
      <div class="head">
        <div class="title">
          <h2 class="name" id="backstory-name" dir="auto">{i18n.t('card.muted', { name: props.name })}</h2>
        </div>
        <div class="tools">
          <button type="button" class="icon" onClick={trusted(props.onClose)} aria-label={i18n.t('card.close')} title={i18n.t('card.closeTitle')}>×</button>
        </div>
      </div>
      <p class="summary" id="backstory-summary">{i18n.t('card.mutedText')}</p>
      <div class="actions">
        <button type="button" class="undo" onClick={trusted(props.onUndoMute)}>{i18n.t('card.undo')}</button>
        <button type="button" onClick={trusted(props.onManageMuted)}>{i18n.t('card.manageMuted')}</button>
      </div>
    </div>
  );
}

export function Card(props: CardProps): JSX.Element {
  const { onPage } = props;
  if (props.muted) return <MutedNotice {...props} />;
  return (
    <div class={props.dark ? 'card dark' : 'card'} lang={uiLocale()} role="dialog" aria-labelledby="backstory-name" aria-describedby="backstory-summary" tabIndex={-1}>
      <div class="head">
        {props.canGoBack && (
          <button type="button" class="icon" onClick={trusted(props.onBack)} aria-label={i18n.t('card.back')} title={i18n.t('card.backTitle')}>
            ←
          </button>
        )}
        <div class="title">
          <h2 class="name" id="backstory-name" dir="auto">{props.name}</h2>
          <div class="type">{typeName(props.type)}</div>
        </div>
        <div class="tools">
          <button type="button" class="icon" aria-pressed={props.pinned} onClick={trusted(props.onPin)} title={props.pinned ? i18n.t('card.unpinTitle') : i18n.t('card.pinTitle')}>
            <svg aria-hidden="true" viewBox="0 0 16 16" width="1em" height="1em">
              <path fill="currentColor" d="M10.5 1.5 14.5 5.5 13 6l-2.5 2.5.5 3-1 1-2.6-2.6L3.5 14.8l-.3-.3 4.9-4.9L5.5 7l1-1 3 .5L12 4z" />
            </svg>
            <span class="sr">{i18n.t('card.pin')}</span>
          </button>
          <button type="button" class="icon" onClick={trusted(props.onClose)} aria-label={i18n.t('card.close')} title={i18n.t('card.closeTitle')}>
            ×
          </button>
        </div>
      </div>
      <p class="summary" id="backstory-summary" dir="auto" aria-busy={props.details === 'loading'}>
        {props.asOf && <span class="as-of">{i18n.t('card.asOf', { date: props.asOf })}</span>}
        {props.details === 'loading'
          ? i18n.t('card.loading')
          : props.details === 'failed'
            ? i18n.t('card.failed', { error: props.detailsError })
            : props.summary || i18n.t('card.noSummary')}
      </p>
      {props.url && (
        <p class="more">
          <a href={props.url} target="_blank" rel="noopener noreferrer">
            {props.urlSite ? i18n.t('card.readMoreOn', { name: props.name, site: props.urlSite }) : i18n.t('card.readMore', { name: props.name })}
          </a>
        </p>
      )}
      {props.map && <LocatorMap map={props.map} />}
      {props.facts.length > 0 && (
        <dl class="facts">
          {props.facts.map((f) => [<dt key={`t${f.label}`}>{factLabel(f.label)}</dt>, <dd key={`d${f.label}`}>{f.value}</dd>])}
        </dl>
      )}
      {props.news.length > 0 && (
        <section aria-label={i18n.t('card.inTheNews')}>
          <h3>{i18n.t('card.inTheNews')}</h3>
          <ul class="news">
            {props.news.map((group, g) => (
              <li key={g}>
                {group.quotes.map((q, i) => <Sentence key={i} sentence={q} />)}
                <NewsSource group={group} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.youRead && props.youRead.items.length > 0 && <YouReadSection name={props.name} youRead={props.youRead} />}
      {props.related.length > 0 && (
        <section aria-label={i18n.t('card.related')}>
          <h3>{i18n.t('card.related')}</h3>
          <div class="related">
            {props.related.slice(0, MAX_RELATED).map((r) => (
              <button type="button" key={r.id} onClick={trusted(() => props.onRelated(r.id))} title={i18n.t('card.relatedTitle', { type: typeName(r.type) })}>
                {r.name}
              </button>
            ))}
          </div>
        </section>
      )}
      {/* Header and footer stay in view while the card scrolls: its actions never scroll away. */}
      <div class="foot">
        <section aria-label={i18n.t('card.onThisPage')} class="onpage">
          <span>
            {onPage.count === 0
              ? i18n.t('card.notMentioned')
              : onPage.index >= 0
                ? i18n.t('card.mentionOf', { index: formatCount(onPage.index + 1), count: formatCount(onPage.count) })
                : i18n.t('card.mentions', onPage.count, [formatCount(onPage.count)])}
          </span>
          {onPage.count > 0 && (
            <>
              <button type="button" onClick={trusted(() => props.onStep(-1))} aria-label={i18n.t('card.previousLabel')}>
                {i18n.t('card.previous')}
              </button>
              <button type="button" onClick={trusted(() => props.onStep(1))} aria-label={i18n.t('card.nextLabel')}>
                {i18n.t('card.next')}
              </button>
            </>
          )}
        </section>
        <p class="keys">
          <Rich
            text={i18n.t('card.keys', slots('n', 'shift', 'N', 'p', 'c', 'esc'))}
            parts={{ n: <kbd>n</kbd>, shift: <kbd>Shift</kbd>, N: <kbd>N</kbd>, p: <kbd>p</kbd>, c: <kbd>c</kbd>, esc: <kbd>Esc</kbd> }}
          />
        </p>
        <div class="provenance">
          <span>{props.provenance}</span>
          <span class="actions">
            <button type="button" class="copy" onClick={trusted(props.onCopy)} title={i18n.t('card.copyTitle')}>
              {i18n.t('card.copy')}
            </button>
            <button type="button" onClick={trusted(props.onMute)} title={i18n.t('card.muteTitle')}>
              {i18n.t('card.mute')}
            </button>
          </span>
        </div>
        <p class="status" role="status">{props.status}</p>
      </div>
    </div>
  );
}
