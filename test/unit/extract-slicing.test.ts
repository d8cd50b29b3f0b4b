import { describe, expect, test } from 'vitest';
import { TextCollector } from '../../lib/spot/extract';
import { scanDocument } from '../../lib/spot/scan-document';
import { LOADED, parse } from './helpers';

describe('work is sliced by characters, not by nodes', () => {
  test('one 1 MB text node comes in bounded chunks, cut after sentences, and every mention in it is found', () => {
    const sentence = 'Romania and NATO met again in Bucharest. ';
    const doc = parse('<p></p>');
    const p = doc.querySelector('p') as HTMLElement;
    p.append(doc.createTextNode(sentence.repeat(Math.ceil(1_000_000 / sentence.length))));
    const collector = new TextCollector(doc.body);
    const sizes: number[] = [];
    for (let chunk = collector.next(4_000); chunk; chunk = collector.next(4_000)) {
      sizes.push(chunk.text.length);
      expect(chunk.text.startsWith('Romania')).toBe(true);
    }
    expect(sizes.length).toBeGreaterThan(50);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(16_000);
    const mentions = scanDocument(doc.body, [LOADED]);
    const romania = mentions.filter((m) => m.entity.id === 'romania');
    expect(romania).toHaveLength(Math.ceil(1_000_000 / sentence.length));
    const text = p.firstChild as Text;
    for (const m of romania.slice(-3)) expect(text.data.slice(m.start.offset, m.end.offset)).toBe('Romania');
  });

  test('50,000 spans in one div come in bounded chunks, cut between words', () => {
    const doc = parse('<div></div>');
    const div = doc.querySelector('div') as HTMLElement;
    for (let i = 0; i < 50_000; i++) {
      const span = doc.createElement('span');
      span.textContent = i % 2 === 0 ? 'Romania ' : 'word ';
      div.append(span);
    }
    const collector = new TextCollector(doc.body);
    let chunks = 0;
    let largest = 0;
    for (let chunk = collector.next(4_000); chunk; chunk = collector.next(4_000)) {
      chunks++;
      largest = Math.max(largest, chunk.text.length);
      expect(chunk.text.endsWith(' ')).toBe(true);
    }
    expect(chunks).toBeGreaterThan(10);
    expect(largest).toBeLessThanOrEqual(32_000);
  });
});

describe('a walk that reads nothing still yields', () => {
  test('thousands of excluded blocks before the first text: the slice ends with an empty chunk, and the walk goes on from there', () => {
    const doc = parse(`${'<nav><a href="/">Romania</a></nav>'.repeat(5_000)}<p>Romania and NATO.</p>`);
    const collector = new TextCollector(doc.body);
    let asked = 0;
    const yieldNow = (): boolean => {
      asked++;
      return true;
    };
    const first = collector.next(4_000, yieldNow);
    expect(first?.nodes).toHaveLength(0);
    expect(asked).toBe(1);
    let empty = 1;
    let chunk = collector.next(4_000, yieldNow);
    while (chunk && chunk.nodes.length === 0) {
      empty++;
      chunk = collector.next(4_000, yieldNow);
    }
    expect(empty).toBeGreaterThan(100);
    expect(chunk?.text).toBe('Romania and NATO.');
  });
});
