import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ENTITY_TYPES } from '../lib/pack-format/types';
import { typeGroup, typeName } from '../lib/pack-format/type-labels';
import { formatCount } from '../lib/i18n/ui-locale';
import { i18n } from '../lib/i18n/t';
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
        <Toggle label={i18n.t('popup.on')} checked={settings.enabled} onChange={(on) => props.onChange({ ...settings, enabled: on })} />
      </header>
      {page === null ? (
        <p class="note" role="status" id="not-here">{props.notHere}</p>
      ) : (
        <>
          <div class="row">
            <Toggle
              label={i18n.t('popup.onSite', { host: page.host })}
              checked={siteOn(settings, page.host)}
              disabled={!settings.enabled}
              onChange={(on) => {
                setBusy(true);
                props.onChange(withSite(settings, page.host, on));
              }}
            />
          </div>
          <section aria-labelledby="found-heading" aria-busy={busy}>
            <h2 id="found-heading">{i18n.t('popup.onThisPage')}</h2>
            {!isActiveOn(settings, page.host) ? (
              <p class="note">{i18n.t('popup.offHere')}</p>
            ) : total === 0 ? (
              <p class="note">{i18n.t('popup.nothingFound')}</p>
            ) : (
              <>
              <div class="filter">
                <label for="filter">{i18n.t('popup.filterLabel', { count: formatCount(total) })}</label>
                <input id="filter" type="search" value={query} placeholder={i18n.t('popup.filterPlaceholder')} autocomplete="off"
                  onInput={(e) => setQuery(e.currentTarget.value)} />
              </div>
              {grouped.length === 0 && <p class="note" role="status">{i18n.t('popup.noMatch', { query })}</p>}
              {grouped.map((g) => (
                <div class="group" key={g.type}>
                  <h3>{typeGroup(g.type)}</h3>
                  <ul>
                    {g.items.map((e) => (
                      <li key={entityKey(e.packId, e.id)}>
                        <button type="button" class="entity" onClick={() => props.onReveal(e)} data-entity={e.id}>
                          <span class="name">{e.name}</span>
                          <span class="count" aria-label={i18n.t('popup.mentions', e.count, [formatCount(e.count)])}>{formatCount(e.count)}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              <p class="note">{i18n.t('popup.clickAgain')}</p>
              </>
            )}
          </section>
          {isActiveOn(settings, page.host) && (
            <section aria-labelledby="lookup-heading">
              <h2 id="lookup-heading">{i18n.t('popup.lookUp')}</h2>
              <div class="filter">
                <label for="lookup">{i18n.t('popup.lookUpLabel')}</label>
                <input id="lookup" type="search" value={lookup} placeholder={i18n.t('popup.lookUpPlaceholder')} autocomplete="off"
                  onInput={(e) => setLookup(e.currentTarget.value)} />
              </div>
              {found !== null && found.length === 0 && <p class="note" role="status">{i18n.t('popup.noEntity', { query: lookup })}</p>}
              {found !== null && found.length > 0 && (
                <ul class="lookup" aria-label={i18n.t('popup.lookUpResults')}>
                  {found.map((e) => (
                    <li key={entityKey(e.packId, e.id)}>
                      <button type="button" class="entity" onClick={() => props.onShow(e)} data-entity={e.id}>
                        <span class="name">{e.name}</span>
                        <span class="count">{typeName(e.type)}</span>
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
        <h2 id="reading-heading">{i18n.t('popup.yourReading')}</h2>
        <Toggle label={i18n.t('popup.remember')} checked={settings.readingMemory} onChange={(on) => props.onChange({ ...settings, readingMemory: on })} />
        <p class="note">{i18n.t('popup.rememberNote')}</p>
      </section>
      <footer>
        <ShortcutNote info={props.shortcut} id="shortcut" />
        <button type="button" class="link" onClick={props.onOpenOptions}>
          {i18n.t('popup.options')}
        </button>
      </footer>
    </main>
  );
}
