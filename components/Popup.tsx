import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ENTITY_TYPES } from '../lib/pack-format/types';
import { TYPE_GROUP, TYPE_NAME } from '../lib/pack-format/type-labels';
import type { PageEntity } from '../lib/messages';
import { entityKey } from '../lib/pack-format/entity-key';
import type { Settings } from '../lib/settings/schema';
import { isActiveOn, siteOn, withSite } from '../lib/settings/sites';
import { ShortcutNote } from './ShortcutNote';
import { Toggle } from './Toggle';
import type { ShortcutInfo } from '../lib/extension/shortcut';

export type LookedUp = Omit<PageEntity, 'count'>;

export interface PopupProps {
  settings: Settings;
  /** The page's answer; null when Backstory is not running in the tab (then `notHere` says why). */
  page: { host: string; entities: PageEntity[] } | null;
  notHere: string;
  onChange: (next: Settings) => void;
  onReveal: (entity: PageEntity) => void;
  /** Every installed pack's entities matching a name (asked of the page, which holds the packs). */
  lookUp: (query: string) => Promise<LookedUp[]>;
  onShow: (entity: LookedUp) => void;
  onOpenOptions: () => void;
  shortcut: ShortcutInfo | null;
}


/** Case- and accent-insensitive, so "toiu" finds "Țoiu". */
function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function Popup(props: PopupProps): JSX.Element {
  const { settings, page } = props;
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState('');
  const [lookup, setLookup] = useState('');
  const [found, setFound] = useState<LookedUp[] | null>(null);
  useEffect(() => setBusy(false), [page]);
  useEffect(() => {
    if (lookup.trim() === '') {
      setFound(null);
      return;
    }
    let current = true;
    void props.lookUp(lookup).then((list) => {
      if (current) setFound(list);
    });
    return () => {
      current = false;
    };
  }, [lookup]);
  const wanted = foldForSearch(query.trim());
  const shown = (page?.entities ?? []).filter((e) => wanted === '' || foldForSearch(e.name).includes(wanted));
  const grouped = ENTITY_TYPES.map((type) => ({ type, items: shown.filter((e) => e.type === type) })).filter((g) => g.items.length > 0);
  const total = page?.entities.length ?? 0;
  return (
    <main class="popup">
      <header class="bar">
        <h1>Backstory</h1>
        <Toggle label="Backstory on" checked={settings.enabled} onChange={(on) => props.onChange({ ...settings, enabled: on })} />
      </header>
      {page === null ? (
        <p class="note" role="status" id="not-here">{props.notHere}</p>
      ) : (
        <>
          <div class="row">
            <Toggle
              label={`On ${page.host}`}
              checked={siteOn(settings, page.host)}
              disabled={!settings.enabled}
              onChange={(on) => {
                setBusy(true);
                props.onChange(withSite(settings, page.host, on));
              }}
            />
          </div>
          <section aria-labelledby="found-heading" aria-busy={busy}>
            <h2 id="found-heading">On this page</h2>
            {!isActiveOn(settings, page.host) ? (
              <p class="note">Backstory is off here.</p>
            ) : total === 0 ? (
              <p class="note">No known people, places or ideas on this page.</p>
            ) : (
              <>
              <div class="filter">
                <label for="filter">Filter the {total} found</label>
                <input id="filter" type="search" value={query} placeholder="Name" autocomplete="off"
                  onInput={(e) => setQuery(e.currentTarget.value)} />
              </div>
              {grouped.length === 0 && <p class="note" role="status">Nothing on this page matches "{query}".</p>}
              {grouped.map((g) => (
                <div class="group" key={g.type}>
                  <h3>{TYPE_GROUP[g.type]}</h3>
                  <ul>
                    {g.items.map((e) => (
                      <li key={entityKey(e.packId, e.id)}>
                        <button type="button" class="entity" onClick={() => props.onReveal(e)} data-entity={e.id}>
                          <span class="name">{e.name}</span>
                          <span class="count" aria-label={`${e.count} mention${e.count === 1 ? '' : 's'}`}>{e.count}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              <p class="note">Click a name again for its next mention.</p>
              </>
            )}
          </section>
          {isActiveOn(settings, page.host) && (
            <section aria-labelledby="lookup-heading">
              <h2 id="lookup-heading">Look up</h2>
              <div class="filter">
                <label for="lookup">Any name Backstory knows, in every pack</label>
                <input id="lookup" type="search" value={lookup} placeholder="Name or alias" autocomplete="off"
                  onInput={(e) => setLookup(e.currentTarget.value)} />
              </div>
              {found !== null && found.length === 0 && <p class="note" role="status">No entity is called "{lookup}".</p>}
              {found !== null && found.length > 0 && (
                <ul class="lookup" aria-label="Look-up results">
                  {found.map((e) => (
                    <li key={entityKey(e.packId, e.id)}>
                      <button type="button" class="entity" onClick={() => props.onShow(e)} data-entity={e.id}>
                        <span class="name">{e.name}</span>
                        <span class="count">{TYPE_NAME[e.type]}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </>
      )}
      <section aria-labelledby="reading-heading" class="reading">
        <h2 id="reading-heading">Your reading</h2>
        <Toggle label="Remember what I read" checked={settings.readingMemory} onChange={(on) => props.onChange({ ...settings, readingMemory: on })} />
        <p class="note">
          Cards then show what you read about the same names elsewhere. Kept only on this computer, never in private windows;
          details and "Forget everything" are in the options.
        </p>
      </section>
      <footer>
        <ShortcutNote info={props.shortcut} id="shortcut" />
        <button type="button" class="link" onClick={props.onOpenOptions}>
          Options
        </button>
      </footer>
    </main>
  );
}
