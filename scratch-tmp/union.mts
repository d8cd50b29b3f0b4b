import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
const dir = '/tmp/scratch/judge';
const pages = readdirSync(dir).filter((f) => f.endsWith('.old.jsonl')).map((f) => f.replace('.old.jsonl', ''));
type M = { id: string; text: string; before: string; after: string };
const read = (f: string): M[] => readFileSync(`${dir}/${f}`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as M);
const key = (m: M): string => `${m.id}|${m.text}|${m.before.slice(-25)}|${m.after.slice(0, 25)}`;
const rows: string[] = [];
for (const p of pages.sort()) {
  const old = read(`${p}.old.jsonl`), all = read(`${p}.all.jsonl`), reg = read(`${p}.region.jsonl`);
  const seen = new Map<string, { m: M; o: number; a: number; r: number }>();
  const add = (list: M[], f: 'o' | 'a' | 'r') => { for (const m of list) { const k = key(m); const e = seen.get(k) ?? { m, o: 0, a: 0, r: 0 }; e[f]++; seen.set(k, e); } };
  add(old, 'o'); add(all, 'a'); add(reg, 'r');
  let i = 0;
  for (const [k, e] of seen) rows.push(`${p}\t${i++}\t${e.o}${e.a}${e.r}\t${e.m.id}\t${e.m.before.slice(-40)} [[${e.m.text}]] ${e.m.after.slice(0, 40)}`);
}
writeFileSync(`${dir}/union.tsv`, rows.join('\n') + '\n');
console.log(rows.length);
