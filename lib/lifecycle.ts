/** Owners for work that must stop: one signal that aborts when any of its parents does. */
export function joinSignals(...signals: AbortSignal[]): AbortSignal {
  const any = (AbortSignal as { any?: (s: AbortSignal[]) => AbortSignal }).any;
  if (typeof any === 'function') return any.call(AbortSignal, signals);
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true, signal: controller.signal });
  }
  return controller.signal;
}

/** A child lifetime: aborted by `dispose()` or by its parent, whichever comes first. */
export class Lifetime {
  private readonly controller = new AbortController();
  readonly signal: AbortSignal;

  constructor(parent: AbortSignal) {
    this.signal = joinSignals(parent, this.controller.signal);
  }

  get ended(): boolean {
    return this.signal.aborted;
  }

  dispose(): void {
    this.controller.abort();
  }
}
