import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { seedArticlePage } from '../../support/sample-pages';

const ARTICLE_ENTITIES = [
  'romania', 'ukraine', 'european-union', 'nato', 'oana-toiu', 'reuters', 'kyiv', 'eastern-europe', 'russia',
  'nato-eastern-flank', 'un-general-assembly', 'new-york', 'estonia', 'poland', 'moscow', 'volodymyr-zelensky',
  'united-nations', 'drone-wall', 'united-states', 'middle-east', 'mihail-kogalniceanu-air-base',
];

function scan(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'scripts/scan.ts', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-scan-'));
  const page = join(dir, 'seed.html');
  writeFileSync(page, seedArticlePage());

  test('finds every required entity the seed article mentions, one JSON object per line in document order', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/scan.ts', page], { encoding: 'utf8' });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string });
    const ids = new Set(lines.map((l) => l.id));
    for (const id of ARTICLE_ENTITIES) expect(ids, id).toContain(id);
    expect(lines[0]).toMatchObject({ id: 'romania', text: 'Romania' });
    expect(lines.find((l) => l.id === 'oana-toiu' && l.text === 'Toiu')).toBeDefined();
  });

  test('plain text files work too', () => {
    const txt = join(dir, 'a.txt');
    writeFileSync(txt, 'The EU and NATO met in Kyiv.\nNew\nYork');
    expect(scan([txt]).stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['european-union', 'nato', 'kyiv']);
  });

  test('another pack with --pack', () => {
    const pack = join(dir, 'small.json');
    execFileSync('npx', ['tsx', 'scripts/kb.ts', '--corpus', 'test/fixtures/corpus-small', '--out', pack], { encoding: 'utf8' });
    const txt = join(dir, 'b.txt');
    writeFileSync(txt, 'Mayor Elena Marisova visited Romania.');
    expect(scan([txt, '--pack', pack]).stdout.trim()).toBe('{"id":"elena-marisova","text":"Elena Marisova","type":"person","pack":"corpus-small"}');
  });

  test('a missing file or pack gives a clear message and a non-zero exit', () => {
    const missing = scan([join(dir, 'nope.html')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/scan: cannot read file .*nope\.html: ENOENT/);
    const badPack = join(dir, 'bad.json');
    writeFileSync(badPack, '{"format":"backstory-pack"');
    const r = scan([page, '--pack', badPack]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/bad\.json: not valid JSON/);
    expect(scan([]).stderr).toMatch(/usage: npm run scan/);
  });
});
