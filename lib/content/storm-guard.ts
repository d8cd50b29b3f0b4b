/**
 * Pages that rewrite their text endlessly (tickers, clocks, animations done with text) would keep the scanner
 * busy. Past a number of rescans in one second, rescans are spaced out for a while.
 */
export const STORM_FLUSHES_PER_SECOND = 30;
export const STORM_INTERVAL_MS = 1_000;
export const STORM_COOLDOWN_MS = 10_000;

export class StormGuard {
  private times: number[] = [];
  private until = 0;

  /** Notes a rescan at `now`; true when this one started a storm. */
  note(now: number): boolean {
    this.times.push(now);
    while (this.times.length > 0 && (this.times[0] as number) < now - 1000) this.times.shift();
    if (this.times.length > STORM_FLUSHES_PER_SECOND && now >= this.until) {
      this.until = now + STORM_COOLDOWN_MS;
      return true;
    }
    return false;
  }

  /** How long to wait before the next rescan. */
  delay(now: number): number {
    return now < this.until ? STORM_INTERVAL_MS : 0;
  }
}
