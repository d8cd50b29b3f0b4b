// @vitest-environment node
// The build runs in Node, with worker threads loaded from file URLs.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { KnowledgePack } from '../../lib/pack-format/types';
import { validatePack } from '../../lib/pack-format/validate';
import { dateInText, splitCorpusFile } from '../../lib/kb/corpus';
import { runKb, DEFAULT_OUT } from '../../support/kb-run';

const REQUIRED = [
  'romania', 'ukraine', 'russia', 'estonia', 'poland', 'belarus', 'syria', 'israel', 'iran', 'tunisia', 'bolivia',
  'united-states', 'european-union', 'nato', 'united-nations', 'un-general-assembly', 'reuters', 'us-department-of-justice',
  'international-stabilization-force', 'isis', 'boeing', 'kyiv', 'moscow', 'new-york', 'berlin', 'palmyra', 'sydney',
  'hong-kong', 'gaza', 'california', 'eastern-europe', 'middle-east', 'bondi-beach', 'mihail-kogalniceanu-air-base',
  'oana-toiu', 'volodymyr-zelensky', 'donald-trump', 'jeffrey-epstein', 'james-comey', 'luis-arce', 'narges-mohammadi',
  'kais-saied', 'maria-kalesnikava', 'viktar-babaryka', 'jimmy-lai', 'drone-wall', 'nato-eastern-flank', 'h-1b-visa',
  'hanukkah', 'nobel-peace-prize', 'air-force-one',
];

const tmp = (): string => mkdtempSync(join(tmpdir(), 'backstory-kb-'));

async function build(args: string[] = []): Promise<{ pack: KnowledgePack; text: string; report: string }> {
  const out = join(tmp(), 'pack.json');
  const report = await runKb([...args, '--out', out]);
  const text = readFileSync(out, 'utf8');
  return { pack: JSON.parse(text) as KnowledgePack, text, report };
}

describe('npm run kb on the bundled corpus', () => {
  let first: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    first = await build();
  });

  test('is deterministic, and the committed pack is exactly what the build makes', async () => {
    expect((await build()).text).toBe(first.text);
    expect(readFileSync(DEFAULT_OUT, 'utf8')).toBe(first.text);
  });

  test('splits the seed into one article (untitled: its text has no headline) and 17 headlines with ids, titles, dates and a source', () => {
    const { documents } = first.pack;
    expect(documents.filter((d) => d.kind === 'article')).toHaveLength(1);
    expect(documents.filter((d) => d.kind === 'headline')).toHaveLength(17);
    expect(new Set(documents.map((d) => d.id)).size).toBe(18);
    expect(documents.find((d) => d.kind === 'article')?.title).toBe('');
    for (const d of documents) {
      if (d.kind === 'headline') expect(d.title.length).toBeGreaterThan(10);
      expect(d.date).toBe('2025-12');
      expect(d.source).toBe('000_ceb50e61d9251dbe.txt');
    }
  });

  test('the bundled pack validates', () => {
    expect(() => validatePack(JSON.parse(first.text), 'bundled')).not.toThrow();
  });

  test('every required entity is present with at least one corpus sentence', () => {
    const byId = new Map(first.pack.entities.map((e) => [e.id, e]));
    for (const id of REQUIRED) {
      const entity = byId.get(id);
      expect(entity, id).toBeDefined();
      expect(entity?.sentences.length, id).toBeGreaterThan(0);
      expect(entity?.summary.length, id).toBeGreaterThan(20);
    }
  });

  test('sentences carry the mention offsets and the document they come from', () => {
    const drone = first.pack.entities.find((e) => e.id === 'drone-wall');
    const sentence = drone?.sentences[0];
    expect(sentence?.text).toContain('“drone wall”');
    const [start, end] = sentence?.marks[0] ?? [0, 0];
    expect(sentence?.text.slice(start, end)).toBe('drone wall');
    expect(first.pack.documents.some((d) => d.id === sentence?.doc)).toBe(true);
  });

  test('relations are symmetric with equal weights', () => {
    const byId = new Map(first.pack.entities.map((e) => [e.id, e]));
    let relations = 0;
    for (const e of first.pack.entities) {
      for (const r of e.related) {
        relations++;
        expect(byId.get(r.id)?.related.find((x) => x.id === e.id)?.weight, `${e.id} <-> ${r.id}`).toBe(r.weight);
      }
    }
    expect(relations).toBeGreaterThan(50);
  });

  test('headlines are listed for the entities they mention', () => {
    const lai = first.pack.entities.find((e) => e.id === 'jimmy-lai');
    expect(lai?.headlines).toHaveLength(1);
  });

  test('reports what compromise found that no entry covers', () => {
    expect(first.report).toMatch(/names compromise found that no entry covers/);
    expect(first.report).toMatch(/never mentions: none/);
  });
});

describe('corpus splitting', () => {
  test('reads explicit dates from the text', () => {
    expect(dateInText('It reopened on 12 March 2026 after')).toBe('2026-03-12');
    expect(dateInText('On December 15, 2025, the')).toBe('2025-12-15');
    expect(dateInText('no date here 2025')).toBe('');
  });
  test('markdown: a heading is the title, syntax is stripped', () => {
    const [doc] = splitCorpusFile({ name: 'a.md', text: '# Big news\n\nSome **bold** [link](http://x) text.', fallbackDate: '' });
    expect(doc?.title).toBe('Big news');
    expect(doc?.body).toBe('Some bold link text.');
  });
});

describe('your own corpus', () => {
  test('builds a pack from a folder of news files without curated entries', async () => {
    const { pack } = await build(['--corpus', 'test/fixtures/corpus-small']);
    expect(() => validatePack(pack, 'own')).not.toThrow();
    expect(pack.documents).toHaveLength(2);
    expect(pack.documents.find((d) => d.source === 'ferry-line.txt')?.date).toBe('2026-03-12');
    const names = pack.entities.map((e) => e.name);
    expect(names).toContain('Elena Marisova');
    const mayor = pack.entities.find((e) => e.name === 'Elena Marisova');
    expect(mayor?.type).toBe('person');
    expect(mayor?.sentences.length).toBeGreaterThanOrEqual(2);
    // "Mayor Elena Marisova said…": the title before the name describes her, with the sentence it came from.
    expect(mayor?.summary).toBe('Mayor');
    expect(mayor?.facts[0]?.value).toMatch(/^“Mayor Elena Marisova said the Harbour Authority had checked every pier\.”/);
    expect(mayor?.related.length).toBeGreaterThan(0);
  });
});

function writeJson(dir: string, name: string, value: unknown): void {
  writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
}

describe('bad input stops the build with a specific error and writes nothing', () => {
  const good = { id: 'valdria', name: 'Valdria', type: 'city', summary: 'A port city.' };
  const cases: Array<[string, unknown, RegExp]> = [
    ['missing field', { id: 'valdria', name: 'Valdria', type: 'city' }, /bad\.json: entity "valdria": missing field "summary"/],
    ['unknown field', { ...good, colour: 'red' }, /bad\.json: entity "valdria": unknown field "colour"/],
    ['unknown type', { ...good, type: 'planet' }, /bad\.json: entity "valdria", field "type": must be one of/],
    ['alias claimed twice', [good, { id: 'valdria-port', name: 'Port', type: 'place', summary: 'A port.', aliases: ['Valdria'] }], /entity "valdria-port", field "aliases\[0\]": alias "Valdria" is already claimed by entity "valdria"/],
    ['not JSON', '{ "id": ', /bad\.json: file: is not valid JSON/],
    ['javascript: URL', { ...good, url: 'javascript:alert(1)' }, /field "url": only http and https links are allowed/],
  ];
  test.each(cases)('%s', async (_, entity, message) => {
    const dir = tmp();
    mkdirSync(join(dir, 'entities'));
    writeJson(join(dir, 'entities'), 'bad.json', entity);
    const out = join(dir, 'pack.json');
    writeFileSync(out, 'previous pack');
    await expect(runKb(['--corpus', 'test/fixtures/corpus-small', '--entities', join(dir, 'entities'), '--out', out])).rejects.toThrow(message);
    expect(readFileSync(out, 'utf8')).toBe('previous pack');
  });

  test('a missing corpus folder is named', async () => {
    await expect(runKb(['--corpus', '/nonexistent/corpus', '--out', join(tmp(), 'x.json')])).rejects.toThrow(/cannot read folder \/nonexistent\/corpus: ENOENT/);
  });
});
