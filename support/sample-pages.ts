/**
 * News pages made from the corpus for the demo and the browser tests: the seed article as a readable page,
 * with site chrome around it (navigation, a header, a footer, a search box) like a real news site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitCorpusFile, type CorpusDocument } from '../lib/kb/corpus';
import type { ReadArticle } from '../lib/reading/reading-record';

const SEED = 'corpus/seed/000_ceb50e61d9251dbe.txt';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function seedDocuments(root = process.cwd()): CorpusDocument[] {
  const text = readFileSync(join(root, SEED), 'utf8');
  return splitCorpusFile({ name: '000_ceb50e61d9251dbe.txt', text, fallbackDate: '2025-12' });
}

export function seedArticlePage(root = process.cwd()): string {
  const docs = seedDocuments(root);
  const article = docs.find((d) => d.kind === 'article');
  if (!article) throw new Error(`${SEED} holds no article`);
  const headlines = docs.filter((d) => d.kind === 'headline');
  const paragraphs = article.body.split('\n').map((p) => `      <p>${escapeHtml(p)}</p>`).join('\n');
  const more = headlines.map((h) => `        <li><a href="#${h.id}">${escapeHtml(h.title)}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Romania to build defensive drones with Ukraine | The Daily Sample</title>
  <style>
    body { font: 18px/1.6 Georgia, serif; margin: 0; color: #222; background: #fdfdfb; }
    .site-header, .site-footer { background: #1d2b3a; color: #fff; padding: 12px 24px; font-family: sans-serif; }
    .site-header nav a { color: #fff; margin-right: 16px; }
    main { display: flex; gap: 40px; max-width: 1100px; margin: 24px auto; padding: 0 24px; }
    article { flex: 3; }
    aside { flex: 1; font-family: sans-serif; font-size: 15px; }
    h1 { font-size: 32px; line-height: 1.2; }
    .byline { color: #666; font-family: sans-serif; font-size: 14px; }
  </style>
</head>
<body>
  <header class="site-header">
    <strong>The Daily Sample</strong>
    <nav><a href="#">World</a><a href="#">NATO</a><a href="#">Ukraine</a><a href="#">Romania</a></nav>
    <form role="search"><input name="q" value="NATO Romania" aria-label="Search"> <button>Search NATO</button></form>
  </header>
  <main>
    <article>
      <header>
        <h1>Romania to build defensive drones with Ukraine as NATO's eastern flank braces</h1>
        <p class="byline">December 2025 · World news</p>
      </header>
${paragraphs}
    </article>
    <aside>
      <h2>More news</h2>
      <ul>
${more}
      </ul>
    </aside>
  </main>
  <footer class="site-footer">© The Daily Sample · About NATO coverage · Contact</footer>
</body>
</html>
`;
}

/**
 * A short article the reading-region model recognises as one: a headline, the given first paragraph, and
 * paragraphs of body text after it (for reading memory's tests and benchmark).
 */
export function shortArticlePage(title: string, firstParagraph: string): string {
  const filler = 'Officials said the talks, which began on Monday, covered air defence, drones, supply lines and the budget for next year, and would go on.';
  return `<!doctype html><html lang="en"><head><title>${escapeHtml(title)}</title></head><body><header><nav><a href="/">Home</a></nav></header>
<main><article><h1>${escapeHtml(title)}</h1>${[firstParagraph, filler, filler, filler, filler, filler].map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</article></main></body></html>`;
}

/** An article as a reading file holds it, read `daysAgo` days ago, with one sentence about NATO (retention and import tests). */
export function oldReadArticle(url: string, n: number, daysAgo: number): ReadArticle {
  return {
    url,
    title: `Old story ${n}`,
    site: new URL(url).host.split(':')[0] ?? '',
    published: '',
    visited: Date.now() - daysAgo * 86_400_000,
    sentences: [{ text: `NATO story number ${n}.`, entities: ['backstory-news/nato'] }],
  };
}

function languageArticle(lang: string, title: string, paragraphs: string[]): string {
  const filler = paragraphs[paragraphs.length - 1] as string;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body><header><nav><a href="/">Accueil</a></nav></header>
<main><article><h1>${title}</h1>${[...paragraphs, filler, filler, filler].map((p) => `<p>${p}</p>`).join('')}</article></main></body></html>`;
}

const FRENCH = languageArticle('fr', 'Accord sur la défense', [
  "La Roumanie et l'Allemagne ont signé un accord mardi ; le Brésil et le Japon ont salué la décision de l'OTAN.",
  'Les ministres réunis à Varsovie ont parlé de défense aérienne, de drones et du budget de l\'année prochaine.',
  "The English name Germany is not French, and Spain neither.",
  'Les négociations, ouvertes lundi, devaient se poursuivre toute la semaine dans la capitale.',
]);
const SPANISH = languageArticle('es', 'Acuerdo de defensa', [
  'Alemania y Brasil firmaron el martes un acuerdo; Japón y Marruecos celebraron la decisión.',
  'La palabra francesa Allemagne no es española.',
  'Las negociaciones, abiertas el lunes, debían continuar durante toda la semana en la capital.',
]);
const ENGLISH = languageArticle('en', 'Allies meet', [
  'Romania hosted the talks of NATO allies, and ministers from Germany and Brazil flew in for the day.',
  'Officials said the talks, which began on Monday, covered air defence, drones and the budget for next year.',
]);

/** Short articles in French, Spanish and English that name countries (the World pack's tests and demo). */
export const WORLD_PAGES = { fr: FRENCH, es: SPANISH, en: ENGLISH };
