import { describe, expect, test } from 'vitest';
import { ids, spot, spotHtml } from './helpers';

describe('word boundaries', () => {
  test.each(['eunuchs', 'unaware', 'usable', 'dronewall', 'Romanians?', 'NATOish', 'Kyivstar', 'subEU', 'ISISx'])('nothing inside "%s"', (word) => {
    const found = spot(`A word: ${word} here.`).filter(([, text]) => text !== 'Romanians');
    expect(found).toEqual([]);
  });
  test('digits are word characters too', () => {
    expect(spot('EU2 and 2EU and H-1Bs')).toEqual([]);
  });
  test('a mention at the very start and end of the text', () => {
    expect(ids(spot('NATO'))).toEqual(['nato']);
    expect(ids(spot('Romania'))).toEqual(['romania']);
  });
});

describe('case', () => {
  test('case-sensitive acronyms match only as written', () => {
    expect(ids(spot('The US and the EU met at the UN; ISIS attacked.'))).toEqual(['united-states', 'european-union', 'united-nations', 'isis']);
    expect(spot('Let us go, said the eu un isis fan.')).toEqual([]);
    expect(spot('Us and Eu and Un')).toEqual([]);
  });
  test('names match in title case, all caps and house styles', () => {
    expect(ids(spot('Nato allies; NATO members; ROMANIA WINS; Romania'))).toEqual(['nato', 'nato', 'romania', 'romania']);
  });
  test('a lowercase common word never matches a proper name', () => {
    expect(spot('He played the trump card, sipped a poland spring and will polish the floor in new york.')).toEqual([]);
  });
  test('concepts written in lowercase match in any case', () => {
    expect(ids(spot('The drone wall; the Drone Wall; the DRONE WALL.'))).toEqual(['drone-wall', 'drone-wall', 'drone-wall']);
  });
});

describe('folding', () => {
  test('comma-below, cedilla and plain spellings of Țoiu', () => {
    for (const name of ['Oana Țoiu', 'Oana Ţoiu', 'Oana Toiu']) expect(spot(`${name} said`)).toEqual([['oana-toiu', name]]);
  });
  test('diacritics fold both ways', () => {
    expect(ids(spot('Mihail Kogălniceanu Air Base and Mihail Kogalniceanu Air Base'))).toEqual(['mihail-kogalniceanu-air-base', 'mihail-kogalniceanu-air-base']);
    expect(ids(spot('Kaïs Saïed, then Kais Saied'))).toEqual(['kais-saied', 'kais-saied']);
  });
  test('curly and straight apostrophes and quotes', () => {
    expect(spot('NATO’s eastern flank')).toEqual([['nato-eastern-flank', 'NATO’s eastern flank']]);
    expect(spot("NATO's eastern flank")).toEqual([['nato-eastern-flank', "NATO's eastern flank"]]);
    expect(ids(spot('a “drone wall” and a "drone wall"'))).toEqual(['drone-wall', 'drone-wall']);
  });
  test('hyphen, non-breaking hyphen and en dash', () => {
    expect(ids(spot('H-1B, H\u20111B and H\u20131B visas'))).toEqual(['h-1b-visa', 'h-1b-visa', 'h-1b-visa']);
    expect(ids(spot('a drone\u2011wall'))).toEqual(['drone-wall']);
  });
  test('any whitespace, including no-break space and line breaks', () => {
    expect(spot('New\u00a0York and New \n  York and Bondi\u2009Beach').map(([id]) => id)).toEqual(['new-york', 'new-york', 'bondi-beach']);
  });
  test('dotted and undotted abbreviations the entity lists', () => {
    expect(ids(spot('U.S. troops and US troops and U.S.A. and USA'))).toEqual(['united-states', 'united-states', 'united-states', 'united-states']);
    expect(ids(spot('the U.N. said and the E.U. said'))).toEqual(['united-nations', 'european-union']);
  });
});

describe('possessives and compounds', () => {
  test.each([
    ["Romania's army", 'romania', 'Romania'],
    ['NATO’s plan', 'nato', 'NATO'],
    ["the EU's wall", 'european-union', 'EU'],
    ['a U.S.-brokered deal', 'united-states', 'U.S.'],
    ['a NATO-led force', 'nato', 'NATO'],
  ])('%s', (text, id, written) => {
    expect(spot(text)).toEqual([[id, written]]);
  });
  test('Russia-Ukraine is two mentions', () => {
    expect(spot('the Russia-Ukraine war')).toEqual([['russia', 'Russia'], ['ukraine', 'Ukraine']]);
  });
});

describe('longest match wins, no overlaps', () => {
  test('UN General Assembly is not the United Nations', () => {
    expect(spot('at the UN General Assembly')).toEqual([['un-general-assembly', 'UN General Assembly']]);
    expect(spot('at the U.N. General Assembly')).toEqual([['un-general-assembly', 'U.N. General Assembly']]);
  });
  test('European Union is one mention', () => {
    expect(spot('the European Union said')).toEqual([['european-union', 'European Union']]);
  });
  test('New York City over New York', () => {
    expect(spot('in New York City')).toEqual([['new-york', 'New York City']]);
  });
});

describe('short forms', () => {
  test('a surname alone needs the full name earlier on the page', () => {
    expect(spot('Toiu said, Lai said, Arce said.')).toEqual([]);
    expect(ids(spot('Oana Toiu spoke. Later Toiu said more.'))).toEqual(['oana-toiu', 'oana-toiu']);
    expect(ids(spot('Jimmy Lai was tried. Lai denied it.'))).toEqual(['jimmy-lai', 'jimmy-lai']);
    expect(ids(spot('Luis Arce was detained; Arce denied it.'))).toEqual(['luis-arce', 'luis-arce']);
  });
  test('the full name must come first', () => {
    expect(ids(spot('Toiu said it. Oana Toiu is the minister.'))).toEqual(['oana-toiu']);
  });
  test('the earlier full name may be in another block', () => {
    expect(ids(spotHtml('<h1>Oana Țoiu in Kyiv</h1><p>Țoiu said</p>'))).toEqual(['oana-toiu', 'kyiv', 'oana-toiu']);
  });
});

describe('demonyms', () => {
  test('capitalised demonyms link to their country; a setting turns them off', () => {
    expect(spot('Polish jets and Romanian troops')).toEqual([['poland', 'Polish'], ['romania', 'Romanian']]);
    expect(spot('Polish jets and Romanian troops', { demonyms: false })).toEqual([]);
  });
});

describe('inline and block boundaries', () => {
  test('text split across inline elements is one mention', () => {
    expect(spotHtml('<p>the Mihail <em>Kogălniceanu</em> Air Base</p>')).toEqual([['mihail-kogalniceanu-air-base', 'Mihail Kogălniceanu Air Base']]);
    expect(spotHtml('<p>said <a href="#">Oana</a> <b>Țoiu</b>.</p>')).toEqual([['oana-toiu', 'Oana Țoiu']]);
  });
  test.each([
    ['<p>New</p><p>York</p>'],
    ['<h2>New</h2>York'],
    ['<ul><li>New</li><li>York</li></ul>'],
    ['<table><tr><td>New</td><td>York</td></tr></table>'],
    ['<p>New<br>York</p>'],
    ['<div>New</div><div>York</div>'],
  ])('block boundaries separate text: %s', (html) => {
    expect(spotHtml(html).filter(([id]) => id === 'new-york')).toEqual([]);
  });
});

describe('never scanned', () => {
  test.each([
    ['script', '<script>var s = "NATO";</script>'],
    ['style', '<style>/* NATO */</style>'],
    ['noscript', '<noscript>NATO</noscript>'],
    ['template', '<template><p>NATO</p></template>'],
    ['textarea', '<textarea>NATO</textarea>'],
    ['input', '<input value="NATO">'],
    ['select', '<select><option>NATO</option></select>'],
    ['button', '<button>NATO</button>'],
    ['contenteditable', '<div contenteditable="true"><p>NATO</p></div>'],
    ['contenteditable (empty value)', '<div contenteditable><p>NATO</p></div>'],
    ['code', '<p>run <code>NATO</code></p>'],
    ['pre', '<pre>NATO</pre>'],
    ['svg', '<svg><text>NATO</text></svg>'],
    ['math', '<math><mi>NATO</mi></math>'],
    ['iframe', '<iframe srcdoc="<p>NATO</p>">NATO</iframe>'],
    ['hidden', '<p hidden>NATO</p>'],
    ['aria-hidden', '<div aria-hidden="true"><p>NATO</p></div>'],
    ['display:none', '<div style="display: none"><p>NATO</p></div>'],
    ['visibility:hidden', '<div style="color:red; visibility:hidden"><p>NATO</p></div>'],
    ['nav', '<nav><a>NATO</a></nav>'],
    ['role=navigation', '<div role="navigation">NATO</div>'],
    ['page header', '<header>NATO</header>'],
    ['page footer', '<footer>NATO</footer>'],
    ['role=banner', '<div role="banner">NATO</div>'],
    ['role=contentinfo', '<div role="contentinfo">NATO</div>'],
    ['our own UI', '<div id="backstory-own-host"><p>NATO</p></div>'],
  ])('%s', (_, html) => {
    expect(spotHtml(`${html}<p>Romania</p>`)).toEqual([['romania', 'Romania']]);
  });
  test('an article, main or role=main is scanned whole, its own header and footer included', () => {
    expect(ids(spotHtml('<article><header><h1>NATO</h1></header><p>Romania</p><footer>Kyiv</footer></article>'))).toEqual(['nato', 'romania', 'kyiv']);
    expect(ids(spotHtml('<main><header>NATO</header></main>'))).toEqual(['nato']);
    expect(ids(spotHtml('<div role="main"><header>NATO</header></div>'))).toEqual(['nato']);
  });
});

describe('stop phrases', () => {
  test('a longer name that is about something else hides the entity inside it', () => {
    expect(spot('The Washington Post reported that Washington agreed.')).toEqual([['washington-dc', 'Washington']]);
    expect(spot('The New York Times and New York City')).toEqual([['new-york', 'New York City']]);
    expect(ids(spot('the Berlin Wall fell in Berlin'))).toEqual(['berlin']);
  });
});

describe('acronyms in shouted text', () => {
  test('an acronym between other all-caps words is not trusted', () => {
    expect(spot('LET US KNOW WHAT IS NEXT')).toEqual([]);
    expect(spot('PLEASE EU SEE')).toEqual([]);
  });
  test('an acronym next to ordinary words, or starting a headline, still matches', () => {
    expect(ids(spot('The US said so.'))).toEqual(['united-states']);
    expect(ids(spot('US TROOPS LEAVE SYRIA'))).toEqual(['united-states', 'syria']);
    expect(ids(spot('Talks with the EU. NATO TO MEET'))).toEqual(['european-union', 'nato']);
  });
});
