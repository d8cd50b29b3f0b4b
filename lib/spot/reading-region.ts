/**
 * Which parts of a page a reader reads. The article body, its headline and dek, captions, tables, quotes and
 * reader comments are in; the chrome around them (teaser lists, related and most-read rails, ads, bylines,
 * credits, print and licence notes, cookie and newsletter boxes, section labels) is out. The body is found
 * the way Firefox Reader View's Readability finds it: paragraphs score their parent and grandparent, and class
 * and id words and link density adjust the score. With no clear article (a section front, a list page) the
 * whole page is read but for chrome. One pass over the paragraphs and links: linear in the page's size.
 */
import { isUpperCode, isWordCode } from './fold';
import { textLengthUpTo, textUpTo } from '../dom/bounded-text';
import { closestWhere, contains, firstChild, follows, getAttribute, isElement, isText, localName, nextSibling, parentElement, queryFirst, queryList, textContent } from '../dom/safe-dom';

export interface ReadingRegion {
  /** The article: the best-scoring container, widened to its `article`/`main` when it has one. Null: none. */
  root: Element | null;
  /** The page's headline block when it sits outside the article (its `h1` and the header around it). */
  headline: Element | null;
  /** True when the element and everything inside it are not read. */
  excludes(element: Element): boolean;
}

/** Class and id words of chrome: lists, rails, ads, credits, boxes that are not the article. */
const CHROME_WORDS = /(?:^|[^a-z])(?:related|trending|most-?(?:read|popular|viewed|shared|watched)|popular|recommend(?:ed|ations?)?|sponsor(?:ed)?|promo(?:tion)?s?|taboola|outbrain|newsletters?|subscri(?:be|ption)|cookies?|consent|gdpr|byline|bylines|author(?:s|-?bio|-?info)?|contributors?|credits?|copyright|licen[cs]e|share|sharing|social|tags|breadcrumbs?|kicker|eyebrow|rubric|advert(?:isement)?s?|ads?|ad-?slot|dfp|paywall|sign-?up|read-?more|more-?(?:stories|news|from)|teasers?|rail|sidebar|masthead|skip-?link|visually-?hidden|sr-?only|screen-?reader-?text|print-?(?:edition|info|note)|references|reflist|refbegin|footnotes|navbox|catlinks|sponsorship)(?:$|[^a-z])/i;
/** Chrome words that sites run into other words ("storytimestamp", "cnnStorySource", "articleByline"). */
const CHROME_FRAGMENTS = /byline|dateline|timestamp|datestamp|storysource|copyright|newsletter|taboola|outbrain|sponsor|breadcrumb|mostread|most-read|mostpopular|recommended|related-?(?:stories|articles|links|content|posts)/i;
/** Class and id words of article bodies (Readability's positive words; camelCase names too: "articleContent"). */
const BODY_WORDS = /article|body|content|entry|main|page|post|text|story|blog/i;
/** Class and id words of reader comments, which are read even outside the article. */
const COMMENT_WORDS = /(?:^|[^a-z])comments?(?:$|[^a-z])/i;
/** Where sites put reader comments: ids and whole class words only, which browsers match fast. */
const COMMENT_SECTIONS = '#comments, #comment-section, #disqus_thread, #respond, .comments, .comment-list, .comments-area, .commentlist';
const CHROME_ROLES = new Set(['complementary', 'navigation', 'banner', 'contentinfo', 'search', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar']);
/**
 * Short blocks that are credits, bylines, print and licence notes, teasers, rather than the story. No Unicode
 * classes anywhere: a `\p{L}` pattern costs a fresh page 1-4 ms to compile, more than every test it runs.
 * The patterns that ask for capitals and letters read the text's case shape instead (caseShape below).
 */
const BOILERPLATE = new RegExp([
  /^\s*(?:photo(?:graph)?|image|picture|video|graphic|illustration|credit|source|foto|fuente|quelle)s?\s*(?:by)?\s*[:：|]/.source,
  /all rights reserved|©|\(c\) \d{4}|copyright \d{4}/.source,
  /a version of this (?:article|story) (?:appears|appeared) in print/.source,
  /(?:contributed|additional) reporting|reporting by|editing by|written by/.source,
  /^\s*(?:read|see|watch) (?:more|also)\s*[:：]/.source,
  /^\s*(?:sign up|subscribe)\b/.source,
  /\bsponsored by\b|\bpaid (?:post|content|partner)\b|^\s*advertisement\s*$/.source,
  /\bfirst published\b/.source,
  /^\s*\([^()]{2,60}\)\s*$/.source,
].join('|'), 'i');
/** What the case-shape patterns need a text to start with: most short blocks are spared the shaping. */
const SHAPED_LEAD = /^\s*(?:published|updated|analysis|opinion|commentary|interview|reporting|by\s)/i;
/** Over case shapes: "Published 3 March", "Updated: Mar 3"; "Analysis: Jane Doe, Reuters". */
const SHAPED_BOILERPLATE = /^\s*(?:published|updated)\s*:?\s*(?:\d|[a-z]+ \d)|^\s*(?:analysis|opinion|commentary|interview|reporting)\s*:\s*[a-z][a-z]+ [a-z][a-z-]+\s*,/i;
/** Over case shapes: "By Jane Doe", "By Jane Doe and John Roe, Reuters"; not a sentence that starts with "By". */
const SHAPED_BYLINE = /^\s*[Bb]y\s+[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,3}(?:\s*(?:,|and|&|\||·|—|-)\s*[A-Z][A-Za-z.'’ -]*)*\s*$/;

/**
 * The text with every letter outside ASCII written as an ASCII letter of its case ("Zoë Łoś" becomes
 * "Zoa Aoa"), so plain patterns can ask for capitals and letters. Word characters that are not ASCII count as
 * letters (digits in other scripts and combining marks too: "José" written with a combining accent is a name).
 */
export function caseShape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code >= 0x80 && isWordCode(code) ? (isUpperCode(code) ? 'A' : 'a') : text.charAt(i);
  }
  return out;
}

function isBoilerplate(text: string): boolean {
  if (BOILERPLATE.test(text)) return true;
  if (!SHAPED_LEAD.test(text)) return false;
  const shape = caseShape(text);
  return SHAPED_BOILERPLATE.test(shape) || SHAPED_BYLINE.test(shape);
}

/** Leaf-like blocks where a credit or a note sits; a wrapper's text is never read whole for this. */
const BOILERPLATE_TAGS = new Set(['p', 'li', 'figcaption', 'small', 'span', 'cite', 'address', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BOILERPLATE_MAX = 300;
/** Blocks whose text is this much link text are teaser lists. */
const LINK_DENSITY = 0.5;
const LINK_CHARS_MIN = 40;
/** Below this score no container stands out as the article. */
const MIN_ARTICLE_SCORE = 20;
const MIN_PARAGRAPH = 25;
/** An article found in paragraphs shorter than this makes the search look at divs used as paragraphs too. */
const MIN_ARTICLE_CHARS = 1_500;
const HEADLINE_BLOCK_MAX = 800;
const TOP_CANDIDATES = 8;
const MAX_SCORED_PARAGRAPHS = 1_500;
const MAX_LINKS = 500;
/** Links read to judge a candidate's link density: enough to tell a teaser list from an article. */
const CANDIDATE_LINKS = 150;
const LINK_DEPTH = 5;
const MAX_COMMENT_SECTIONS = 4;
const MAX_HEADINGS = 10;
const MAX_CLIMBS = 3;
const MAX_CAPTIONS = 20;
const CLIMB_RATIO = 1.1;

function words(element: Element): string {
  return `${getAttribute(element, 'class') ?? ''} ${getAttribute(element, 'id') ?? ''}`;
}

const BLOCK_CHILDREN = new Set(['div', 'p', 'section', 'article', 'ul', 'ol', 'table', 'blockquote', 'pre', 'figure', 'header', 'footer', 'nav', 'aside', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'main']);

/**
 * A div with no block element inside and text of its own (not only in links or spans): a paragraph in all
 * but name. Most divs wrap other elements and are rejected on their first child, without reading any text.
 */
function isTextDiv(div: Element): boolean {
  let ownText = 0;
  for (let node = firstChild(div); node; node = nextSibling(node)) {
    if (isElement(node)) {
      if (BLOCK_CHILDREN.has(localName(node))) return false;
    } else if (isText(node)) {
      ownText += node.data.length;
    }
  }
  return ownText >= MIN_PARAGRAPH;
}

/** Microdata and link relations that mark a byline or a publisher credit: `rel="author"`, `itemprop="author"`. */
function creditMarkup(element: Element): boolean {
  const rel = getAttribute(element, 'rel');
  if (rel !== null && /(?:^|\s)author(?:\s|$)/i.test(rel)) return true;
  const prop = getAttribute(element, 'itemprop');
  return prop !== null && /(?:^|\s)(?:author|creator|publisher|copyrightHolder|contributor)(?:\s|$)/i.test(prop);
}

function chromeRole(element: Element): boolean {
  const role = getAttribute(element, 'role');
  return role !== null && CHROME_ROLES.has(role.trim().toLowerCase());
}

interface Candidate {
  element: Element;
  score: number;
  /** Text of the scored paragraphs under it: its size without reading its whole text. */
  chars: number;
}

/**
 * Readability's paragraph scores on parents and grandparents, then class words and link density. Only the
 * first MAX_SCORED_PARAGRAPHS paragraphs vote: enough to find the article, and the cost stays bounded on a
 * 5 MB page.
 */
function bestContainer(doc: Document, divsToo: boolean): Candidate | null {
  const scores = new Map<Element, Candidate>();
  const vote = (element: Element, score: number, chars: number): void => {
    const c = scores.get(element);
    if (c) {
      c.score += score;
      c.chars += chars;
    } else {
      scores.set(element, { element, score, chars });
    }
  };
  let voted = 0;
  // Paragraphs and, when asked, divs used as paragraphs (no block inside: Readability's "div to p").
  const paragraphs = queryList(doc, divsToo ? 'p, pre, div' : 'p, pre');
  for (let i = 0; i < paragraphs.length && voted < MAX_SCORED_PARAGRAPHS; i++) {
    const p = paragraphs[i] as Element;
    if (localName(p) === 'div' && !isTextDiv(p)) continue;
    const text = textContent(p);
    if (text.length < MIN_PARAGRAPH) continue;
    voted++;
    const score = 1 + (text.match(/[,，、]/g)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
    const parent = parentElement(p);
    if (!parent) continue;
    vote(parent, score, text.length);
    const grand = parentElement(parent);
    if (grand) vote(grand, score / 2, text.length);
  }
  // Class words and link density only for the strongest few.
  const ranked = [...scores.values()].filter((c) => localName(c.element) !== 'body' && localName(c.element) !== 'html').sort((a, b) => b.score - a.score).slice(0, TOP_CANDIDATES);
  let best: Candidate | null = null;
  let bestScore = MIN_ARTICLE_SCORE;
  for (const candidate of ranked) {
    const { element } = candidate;
    const tag = localName(element);
    let score = candidate.score;
    const w = words(element);
    if (BODY_WORDS.test(w)) score *= 1.25;
    if (CHROME_WORDS.test(w) || COMMENT_WORDS.test(w) || chromeRole(element) || tag === 'aside' || tag === 'nav' || tag === 'footer') score *= 0.2;
    if (tag === 'article' || getAttribute(element, 'itemprop') === 'articleBody') score *= 1.2;
    if (score <= bestScore) continue;
    let linked = 0;
    for (const a of queryFirst(element, 'a', CANDIDATE_LINKS)) linked += textContent(a).length;
    score *= 1 - Math.min(1, linked / (candidate.chars + linked));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  // An article split over sibling blocks (a "read more" group after the first paragraphs): the parent that
  // holds clearly more of the paragraph text is the article.
  for (let climbs = 0; best && climbs < MAX_CLIMBS; climbs++) {
    const parent = parentElement(best.element);
    const up = parent ? scores.get(parent) : undefined;
    if (!up || up.chars < best.chars * CLIMB_RATIO || localName(up.element) === 'body') break;
    best = up;
  }
  return best;
}

export function findReadingRegion(doc: Document): ReadingRegion {
  // Most articles are written in paragraphs; only when they give no article of some length are divs read too.
  const fromParagraphs = bestContainer(doc, false);
  const best = fromParagraphs && fromParagraphs.chars >= MIN_ARTICLE_CHARS ? fromParagraphs : bestContainer(doc, true) ?? fromParagraphs;
  const body = best?.element ?? null;
  // The article's own landmark holds its headline, dek and captions: read all of it (minus its chrome).
  const root = body ? closestWhere(body, (el) => localName(el) === 'article' || localName(el) === 'main' || getAttribute(el, 'role') === 'main') ?? body : null;
  // The headline: an h1 inside the article, else the last h1 before it (a site logo may be an h1 too).
  let h1: Element | null = null;
  for (const candidate of queryFirst(doc, 'h1', MAX_HEADINGS)) {
    if (!root) break;
    if (contains(root, candidate)) {
      h1 = null;
      break;
    }
    if (follows(candidate, root)) h1 = candidate;
  }
  let headline: Element | null = null;
  if (root && h1) {
    const around = parentElement(h1);
    headline = around && localName(around) !== 'body' && textContent(around).length <= HEADLINE_BLOCK_MAX ? around : h1;
  }
  // Link text per element inside the article, summed from each link up a few levels: teaser lists found
  // without reading any container's whole text.
  const linkChars = new Map<Element, number>();
  if (root) {
    for (const a of queryFirst(root, 'a', MAX_LINKS)) {
      const n = textContent(a).length;
      let el = parentElement(a);
      for (let depth = 0; el && depth < LINK_DEPTH && el !== root; depth++, el = parentElement(el)) linkChars.set(el, (linkChars.get(el) ?? 0) + n);
    }
  }
  const rootText = best?.chars ?? 0;

  // Pages repeat a few class names over thousands of elements: each distinct one is judged once.
  const chromeNames = new Map<string, boolean>();
  const isChromeName = (w: string): boolean => {
    let verdict = chromeNames.get(w);
    if (verdict === undefined) {
      verdict = w.length > 1 && (CHROME_WORDS.test(w) || CHROME_FRAGMENTS.test(w)) && !COMMENT_WORDS.test(w);
      chromeNames.set(w, verdict);
    }
    return verdict;
  };

  const isChrome = (element: Element): boolean => {
    const tag = localName(element);
    if (tag === 'aside' || chromeRole(element) || creditMarkup(element)) return true;
    // (The article's own ancestors never get here: a wrapper named "has-sidebar" around it is not chrome.)
    if (isChromeName(words(element))) return true;
    const linked = linkChars.get(element);
    if (linked !== undefined && linked >= LINK_CHARS_MIN) {
      // A teaser list: more than LINK_DENSITY of its text is links, and it is smaller than half the article.
      // Its text is counted only up to the larger size either allows (nested containers each ask).
      const bound = Math.min(linked / LINK_DENSITY, rootText / 2);
      const all = textLengthUpTo(element, bound);
      if (all > 0 && all < bound) return true;
    }
    // A paragraph of the story is longer than any credit: its text is read no further than a credit's length.
    if (BOILERPLATE_TAGS.has(tag)) {
      const text = textUpTo(element, BOILERPLATE_MAX);
      if (text !== null && isBoilerplate(text)) return true;
    }
    return false;
  };

  // Reader comments are read even outside the article: the outermost elements named for them.
  const comments: Element[] = [];
  if (root) {
    for (const el of queryFirst(doc, COMMENT_SECTIONS, MAX_COMMENT_SECTIONS * 4)) {
      if (comments.length >= MAX_COMMENT_SECTIONS) break;
      if (!COMMENT_WORDS.test(words(el)) || contains(root, el) || contains(el, root) || comments.some((c) => contains(c, el))) continue;
      if (queryFirst(el, 'p', 2).length >= 2) comments.push(el);
    }
  }
  // Captions of the lead picture often sit just outside the article's text block: beside it, in its parent.
  const captions: Element[] = [];
  const around = root ? parentElement(root) : null;
  if (around && localName(around) !== 'body' && localName(around) !== 'html') {
    for (const el of queryFirst(around, 'figure, figcaption, [class*="caption" i]', MAX_CAPTIONS)) {
      if (root && !contains(root, el) && !captions.some((c) => contains(c, el))) captions.push(el);
    }
  }
  const kept = [root, headline, ...comments, ...captions].filter((el): el is Element => el !== null);

  return {
    root,
    headline,
    excludes(element) {
      // The article, its headline block, comment sections, and the elements that lead down to them.
      if (kept.some((k) => k === element || contains(element, k))) return false;
      // Outside what is kept all is out, chrome or not: only what is inside is judged.
      if (root !== null && !kept.some((k) => contains(k, element))) return true;
      return isChrome(element);
    },
  };
}
