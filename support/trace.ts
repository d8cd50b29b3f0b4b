/**
 * What a content script costs a page, counted from outside with a Chromium trace: every CPU-profile sample
 * whose stack runs through the content script's code (evaluation, callbacks, timers, promise continuations),
 * plus the compile events for its file, on any thread of the page. Nothing is taken from the script's own
 * log, so a design that moves work elsewhere (or forgets to count it) cannot look cheaper than it is.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: { data?: Record<string, unknown> & { url?: string; cpuProfile?: CpuProfileChunk; timeDeltas?: number[] } };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string };
}

interface CpuProfileChunk {
  nodes?: ProfileNode[];
  samples?: number[];
}

export interface ScriptCost {
  /** All main-thread time attributed to the script, ms. */
  totalMs: number;
  /** Of it: compiling the script's file, ms. */
  compileMs: number;
  /** Sampled time by the function on top of the stack (a native call such as "(garbage collector)" or a layout shows as itself), ms. */
  byFunction: Map<string, number>;
}

const CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'];

/** The events of a Chromium trace in `categories` recorded while `run` runs. */
export async function recordTrace(page: Page, categories: readonly string[], run: () => Promise<void>): Promise<TraceEvent[]> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (payload) => {
    events.push(...(payload.value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', { traceConfig: { includedCategories: [...categories], recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  await run();
  await session.send('Tracing.end');
  await complete;
  await session.detach();
  return events;
}

/** Traces `run` (which should load a page and let it settle) and returns what scripts at `urlPrefix` cost. */
export async function traceScriptCost(page: Page, urlPrefix: string, run: () => Promise<void>): Promise<ScriptCost> {
  return costOf(await recordTrace(page, CATEGORIES, run), urlPrefix);
}

function costOf(events: readonly TraceEvent[], urlPrefix: string): ScriptCost {
  const ours = (url: unknown): boolean => typeof url === 'string' && url.startsWith(urlPrefix);
  // Samples: per profile, nodes arrive in chunks with their parents; a sample is ours when any frame is.
  const nodes = new Map<string, Map<number, ProfileNode>>();
  const verdict = new Map<string, Map<number, boolean>>();
  let sampledUs = 0;
  const byFunction = new Map<string, number>();
  const isOurs = (profile: string, id: number): boolean => {
    const cache = verdict.get(profile) ?? new Map<number, boolean>();
    verdict.set(profile, cache);
    const known = cache.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(profile)?.get(id);
    const result = node ? ours(node.callFrame.url) || (node.parent !== undefined && isOurs(profile, node.parent)) : false;
    cache.set(id, result);
    return result;
  };
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const profile = `${e.pid}:${e.id ?? ''}`;
    const chunk = e.args?.data?.cpuProfile;
    const deltas = e.args?.data?.timeDeltas ?? [];
    const map = nodes.get(profile) ?? new Map<number, ProfileNode>();
    nodes.set(profile, map);
    for (const n of chunk?.nodes ?? []) map.set(n.id, n);
    const samples = chunk?.samples ?? [];
    // Each sample stands for the interval until the next one (the delta stored with the next sample).
    for (let i = 0; i < samples.length; i++) {
      const next = deltas[i + 1] ?? 0;
      if (next > 0 && next < 50_000 && isOurs(profile, samples[i] as number)) {
        sampledUs += next;
        const top = map.get(samples[i] as number)?.callFrame.functionName || '(anonymous)';
        byFunction.set(top, (byFunction.get(top) ?? 0) + next / 1000);
      }
    }
  }
  // Compiling the file happens before any of its frames run, so no sample names it: count those events.
  let compileUs = 0;
  for (const e of events) {
    if (e.ph === 'X' && (e.name === 'v8.compile' || e.name === 'V8.CompileCode' || e.name === 'v8.compileModule') && ours(e.args?.data?.url)) compileUs += e.dur ?? 0;
  }
  return { totalMs: (sampledUs + compileUs) / 1000, compileMs: compileUs / 1000, byFunction };
}
