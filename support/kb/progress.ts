/** Progress of a long build on stderr: a bar with a rate and an ETA on a terminal, a plain line per 10 % elsewhere. */
export class Progress {
  private readonly started = performance.now();
  private lastDraw = 0;
  private lastDecile = -1;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number): void {
    const now = performance.now();
    const fraction = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const elapsed = (now - this.started) / 1000;
    const rate = elapsed > 0 ? done / 1024 / 1024 / elapsed : 0;
    const eta = fraction > 0 ? elapsed * (1 / fraction - 1) : NaN;
    const text = `${this.label} ${(fraction * 100).toFixed(0).padStart(3)}%  ${rate.toFixed(2)} MB/s  ETA ${Number.isFinite(eta) ? `${Math.ceil(eta)} s` : '?'}`;
    if (this.stream.isTTY) {
      if (now - this.lastDraw < 100 && fraction < 1) return;
      this.lastDraw = now;
      const width = 24;
      const bar = '█'.repeat(Math.round(fraction * width)).padEnd(width, '░');
      this.stream.write(`\r${bar} ${text}\u001b[K`);
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile > this.lastDecile) {
      this.lastDecile = decile;
      this.stream.write(`${text}\n`);
    }
  }

  done(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
