import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { Card, type CardProps } from '../../components/Card';
import { groupNews } from '../../lib/pack-format/news-groups';

const noop = (): void => undefined;

function props(over: Partial<CardProps> = {}): CardProps {
  return {
    name: 'Drone wall', type: 'concept', details: 'ready', detailsError: '', summary: 'A layered defence.', url: '', urlSite: '', facts: [{ label: 'Proposed', value: '2025' }], map: null,
    news: groupNews([{ doc: 'd1', text: 'The EU backed a “drone wall” plan.', marks: [[17, 27]] }],
      new Map([['d1', { id: 'd1', title: 'Romania builds drones', kind: 'article', date: '2025-12', source: 'seed.txt' }]]), 3),
    asOf: '', muted: false, status: '', youRead: null,
    related: [{ id: 'european-union', name: 'European Union', type: 'organization' }],
    onPage: { count: 2, index: 0 }, provenance: 'Backstory news · corpus 2025-12', dark: false, pinned: false, canGoBack: false,
    onPin: noop, onClose: noop, onBack: noop, onRelated: noop, onStep: noop, onMute: noop, onUndoMute: noop, onManageMuted: noop, onCopy: noop,
    ...over,
  };
}

function mount(p: CardProps): HTMLElement {
  const root = document.createElement('div');
  render(<Card {...p} />, root);
  return root;
}

describe('the card', () => {
  test('"You read" lists what the reader read about it elsewhere, with links, and how many articles', () => {
    const youRead = { articles: 4, items: [{ url: 'https://a.example/nato-summit', title: 'NATO summit ends', site: 'A News', date: '2026-11-20', text: 'NATO leaders met in The Hague.' }] };
    const root = mount(props({ name: 'NATO', youRead }));
    const section = root.querySelector('section[aria-label="You read"]');
    expect(section?.textContent).toContain('4 articles you read mention NATO');
    expect(section?.querySelector('q')?.textContent).toBe('NATO leaders met in The Hague.');
    const link = section?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://a.example/nato-summit');
    expect(link?.textContent).toBe('NATO summit ends');
    expect(section?.textContent).toContain('A News · 20 Nov 2026');
    expect(mount(props()).querySelector('section[aria-label="You read"]')).toBeNull();
  });

  test('is a dialog named by the entity, with the mention marked in its sentence and the source and date', () => {
    const root = mount(props());
    const dialog = root.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-labelledby')).toBe('backstory-name');
    expect(root.querySelector('#backstory-name')?.textContent).toBe('Drone wall');
    expect(root.querySelector('mark')?.textContent).toBe('drone wall');
    expect(root.querySelector('.source')?.textContent).toBe('Romania builds drones · Dec 2025');
    expect(root.textContent).toContain('Mention 1 of 2');
  });

  test('says it is loading until the details arrive, and why when they cannot be read', () => {
    const loading = mount(props({ details: 'loading', summary: '', facts: [], news: [], related: [] }));
    expect(loading.querySelector('#backstory-summary')?.textContent).toBe('Loading…');
    expect(loading.querySelector('#backstory-summary')?.getAttribute('aria-busy')).toBe('true');
    expect(loading.querySelector('h2')?.textContent).toBe('Drone wall');
    const failed = mount(props({ details: 'failed', detailsError: 'the store is damaged', summary: '', facts: [], news: [], related: [] }));
    expect(failed.querySelector('#backstory-summary')?.textContent).toBe('The details could not be read: the store is damaged.');
  });

  test('renders pack text only as text, however it looks', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const root = mount(props({ name: hostile, summary: hostile, facts: [{ label: hostile, value: hostile }] }));
    expect(root.querySelectorAll('img, script')).toHaveLength(0);
    expect(root.querySelector('#backstory-name')?.textContent).toBe(hostile);
  });

  test('a link for more opens in a new tab without an opener; none when the pack has no URL', () => {
    const link = mount(props({ url: 'https://example.org/drone-wall' })).querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org/drone-wall');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(mount(props()).querySelector('a')).toBeNull();
  });

  test('buttons act only on trusted events: a scripted click does nothing', () => {
    let closed = 0;
    const root = mount(props({ onClose: () => closed++ }));
    (root.querySelector('button[aria-label="Close"]') as HTMLButtonElement).click();
    expect(closed).toBe(0);
  });
});
