import { readFileSync, writeFileSync } from 'node:fs';
type L = { key: string; id: string; text: string; before: string; after: string };
const load = (f: string): Record<string, L[]> => JSON.parse(readFileSync(`/tmp/scratch/judge/${f}.json`, 'utf8'));
const old = load('old'), neu = load('new'), all = load('newall');
const rows: string[] = [];
for (const page of Object.keys(old).sort()) {
  const map = new Map<string, { m: L; f: string }>();
  const add = (list: L[] = [], flag: string) => { for (const m of list) { const e = map.get(m.key) ?? { m, f: '' }; if (!e.f.includes(flag)) e.f += flag; map.set(m.key, e); } };
  add(old[page], 'o'); add(all[page], 'a'); add(neu[page], 'r');
  for (const [k, e] of map) rows.push(`${page}\t${k}\t${e.f}\t${e.m.id}\t${e.m.before} [[${e.m.text}]] ${e.m.after}`);
}
writeFileSync('/tmp/scratch/judge/sheet.tsv', rows.join('\n') + '\n');
console.log(rows.length);
