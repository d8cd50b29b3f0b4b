/**
 * The review report (`npm run kb -- --report FILE.html`): the entities by type with counts, descriptions and a
 * sample sentence, and every rejected candidate with its reason, so a person can curate with
 * corpus/entities overrides and reject.txt. Static HTML; all corpus text is escaped.
 */
import type { ReduceReport } from '../../lib/kb/reduce';
import type { Problem } from './sources';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function reportHtml(title: string, report: ReduceReport, problems: readonly Problem[]): string {
  const byType = new Map<string, ReduceReport['entities']>();
  for (const e of report.entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
  const rows: string[] = [];
  rows.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}: review</title>`);
  rows.push('<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;width:100%;margin-bottom:2em}td,th{border-bottom:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}td.n{text-align:right}</style></head><body>');
  rows.push(`<h1>${escape(title)}</h1><p>${report.documents} documents, ${report.sentences} sentences, ${report.entities.length} mined entities; ${report.unparsed} documents in languages compromise does not parse (matched, not mined); ${report.cutSentences} over-long sentences cut to fit a card.</p>`);
  for (const [type, list] of [...byType].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    rows.push(`<h2>${escape(type)} (${list.length})</h2><table><tr><th>name</th><th>id</th><th>mentions</th><th>documents</th><th>description</th><th>sample sentence</th></tr>`);
    for (const e of [...list].sort((a, b) => b.mentions - a.mentions)) rows.push(`<tr><td>${escape(e.name)}</td><td>${escape(e.id)}</td><td class="n">${e.mentions}</td><td class="n">${e.documents}</td><td>${escape(e.description)}</td><td>${escape(e.sample)}</td></tr>`);
    rows.push('</table>');
  }
  rows.push('<h2>Rejected candidates</h2>');
  for (const [reason, list] of report.rejected) {
    rows.push(`<h3>${escape(reason)} (${list.length})</h3><table><tr><th>name</th><th>mentions</th></tr>`);
    for (const r of [...list].sort((a, b) => b.mentions - a.mentions).slice(0, 500)) rows.push(`<tr><td>${escape(r.name)}</td><td class="n">${r.mentions}</td></tr>`);
    rows.push('</table>');
  }
  if (problems.length > 0) {
    rows.push(`<h2>Skipped input (${problems.length})</h2><table><tr><th>where</th><th>why</th></tr>`);
    for (const p of problems) rows.push(`<tr><td>${escape(p.where)}</td><td>${escape(p.reason)}</td></tr>`);
    rows.push('</table>');
  }
  rows.push('</body></html>');
  return `${rows.join('\n')}\n`;
}
