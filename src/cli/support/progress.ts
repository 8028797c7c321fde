/**
 * Progress of a run on stderr: a bar with ETA when stderr is a terminal, plain lines every few
 * seconds otherwise (logs, CI). The wall clock is read here, in the CLI, never in sim/.
 */
const BAR_WIDTH = 30;
const LINE_EVERY_MS = 5000;
const BAR_EVERY_MS = 200;

function formatS(s: number): string {
  if (!Number.isFinite(s)) return "?";
  if (s < 60) return `${s.toFixed(0)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
}

export class Progress {
  private readonly t0 = performance.now();
  private lastMs = -Infinity;
  private readonly tty = process.stderr.isTTY === true;

  constructor(private readonly label: string, private readonly startNs: number, private readonly endNs: number) {}

  /** Report that simulated time `tNs` is reached. */
  update(tNs: number, force = false): void {
    const now = performance.now();
    if (!force && now - this.lastMs < (this.tty ? BAR_EVERY_MS : LINE_EVERY_MS)) return;
    this.lastMs = now;
    const frac = this.endNs > 0 ? tNs / this.endNs : 1;
    const done = (tNs - this.startNs) / Math.max(1, this.endNs - this.startNs);
    const elapsedS = (now - this.t0) / 1000;
    const etaS = done > 0 ? (elapsedS * (1 - done)) / done : Number.NaN;
    const pct = `${(100 * frac).toFixed(1).padStart(5)}%`;
    const sim = `t = ${(tNs * 1e-9).toExponential(3)} s of ${(this.endNs * 1e-9).toExponential(3)} s`;
    if (this.tty) {
      const filled = Math.round(BAR_WIDTH * frac);
      process.stderr.write(`\r${this.label} [${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${pct} ${sim}  elapsed ${formatS(elapsedS)}  ETA ${formatS(etaS)} `);
    } else {
      process.stderr.write(`${this.label}: ${pct} ${sim}, elapsed ${formatS(elapsedS)}, ETA ${formatS(etaS)}\n`);
    }
  }

  /** End the bar line. */
  end(): void {
    if (this.tty) process.stderr.write("\n");
  }

  get elapsedS(): number {
    return (performance.now() - this.t0) / 1000;
  }
}
