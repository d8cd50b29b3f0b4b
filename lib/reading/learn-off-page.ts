/**
 * The background's side of learning. Runs come one at a time (a save during a run asks for one more), each
 * away from every page: in Chromium an offscreen document is opened for the run and closed after it (its
 * worker parses), in Firefox the event page loads the learner when first needed. After a run the learned
 * names' index is rebuilt for pages.
 */
import { browser } from 'wxt/browser';
import type { Message, Response } from '../messages';
import { indexKey } from '../pack-store/keys';
import { importedPackIds } from '../pack-store/stored-list';
import type { LearnRun } from './learn-job';
import { publishLearnedIndex } from './learned-pack';
import { LEARN_REPORT_KEY, type LearnReport } from './learned-keys';

/** The learning host page (entrypoints/learn), opened as an offscreen document in Chromium. */
const LEARN_PAGE = '/learn.html';

interface Offscreen {
  createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
type ChromeGlobal = { chrome?: { offscreen?: Offscreen; runtime?: { getContexts?(f: { contextTypes: string[] }): Promise<unknown[]> } } };

async function importedIndexes(): Promise<string[]> {
  // Every installed pack counts as known, enabled or not: a switched-off pack's names are not new names.
  const keys = (await importedPackIds()).map(indexKey);
  const stored = keys.length > 0 ? await browser.storage.local.get(keys) : {};
  return keys.map((k) => stored[k]).filter((v): v is string => typeof v === 'string');
}

/** Articles per run: a few seconds of parsing, so each run ends well inside a service worker's 30 s idle limit. */
const RUN_LIMIT = 100;

type RunOne = (indexes: string[], limit: number) => Promise<LearnRun>;

/** Where runs happen, as the options page says it. */
const WHERE = import.meta.env.FIREFOX ? "Backstory's event page" : "a worker of Backstory's offscreen document";

/** The numbers so far, for the options page: written after every run, so a long first pass shows its progress. */
async function writeReport(run: LearnRun): Promise<void> {
  const report: LearnReport = { ...run, at: Date.now(), where: WHERE };
  await browser.storage.local.set({ [LEARN_REPORT_KEY]: report });
}

/**
 * Run after run until nothing waits: each run's answer is an event that keeps a service worker (or an event
 * page) alive, and pages get the names learned so far after each run.
 */
async function runAll(runOne: RunOne, indexes: string[]): Promise<LearnRun> {
  const total: LearnRun = { articles: 0, names: 0, ms: 0, more: true };
  while (total.more) {
    const run = await runOne(indexes, RUN_LIMIT);
    total.articles += run.articles;
    total.names += run.names;
    total.ms += run.ms;
    total.more = run.more;
    if (total.more) {
      await publishLearnedIndex();
      await writeReport(total);
    }
  }
  return total;
}

async function inOffscreenDocument(indexes: string[]): Promise<LearnRun> {
  const chrome = (globalThis as ChromeGlobal).chrome;
  const offscreen = chrome?.offscreen;
  if (!offscreen) throw new Error('this browser has no offscreen documents to learn in');
  const open = (await chrome.runtime?.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] })) ?? [];
  if (open.length === 0) {
    await offscreen.createDocument({
      url: LEARN_PAGE,
      reasons: ['WORKERS'],
      justification: 'Finds new names in the reading memory with a language parser, in a worker, away from the pages being read.',
    });
  }
  try {
    return await runAll(async (idx, limit) => {
      const answer = await browser.runtime.sendMessage<Message<'learn-run'>, Response<'learn-run'> | undefined>({ type: 'learn-run', indexes: idx, limit });
      if (!answer?.run) throw new Error(answer?.error ?? 'the learning page did not answer');
      return answer.run;
    }, indexes);
  } finally {
    await offscreen.closeDocument().catch(() => undefined);
  }
}

async function learnOnce(): Promise<LearnRun> {
  const indexes = await importedIndexes();
  let run: LearnRun;
  if (import.meta.env.FIREFOX) {
    const { runLearning } = await import('./learn-host');
    run = await runAll(runLearning, indexes);
  } else {
    run = await inOffscreenDocument(indexes);
  }
  await publishLearnedIndex();
  if (run.articles > 0) await writeReport(run);
  return run;
}

let running: Promise<void> | null = null;
let again = false;

/** Asks for a learning run soon; `report` hears each run's numbers or its error. */
export function learnSoon(report: (run: LearnRun | Error) => void): void {
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      try {
        report(await learnOnce());
      } catch (error) {
        report(error instanceof Error ? error : new Error(String(error)));
      }
    } while (again);
  })().finally(() => {
    running = null;
  });
}
