/**
 * A small streaming line chart of one metric on a canvas: one or more series over simulated
 * time, redrawn at most once per animation frame, device-pixel sharp, with an optional cursor
 * (the time scrubber). A chart whose values have all been equal so far is folded to one line,
 * "constant: value unit", and unfolds by itself the moment a value differs (or on a click).
 */
import { fmtTime } from "./dom.js";
import { formatValue, niceAxis } from "./ticks.js";

export interface SeriesStyle { name: string; color: string; dashed?: boolean }

/** "Label [unit]", the shared metric table's way of titling a metric. */
export function chartTitle(label: string, unit: string): string {
  return unit === "" ? label : `${label} [${unit}]`;
}

export class LineChart {
  /** A `<details>`: open while the values vary, folded while they are constant. */
  readonly el: HTMLDetailsElement;
  /** Called when the chart folds (constant) or unfolds (values differ). */
  onFold: ((constant: boolean) => void) | undefined;
  private readonly canvas: HTMLCanvasElement;
  private readonly valueEl: HTMLElement;
  private readonly data = new Map<string, { t: number[]; v: number[]; style: SeriesStyle }>();
  private cursorNs: number | undefined;
  private shaded: ReadonlyArray<readonly [number, number]> = [];
  private pending = false;
  /** The first finite value seen, and whether any later one differs from it. */
  private ref: number | undefined;
  private varies = false;
  /** The fold state last applied (undefined: none yet), so a reader's own click is kept. */
  private shownConstant: boolean | undefined;

  /** @param timeLabel  how the time axis' ends are written (default: simulated time in ns … s). */
  constructor(readonly label: string, readonly unit: string, styles: SeriesStyle[], private readonly timeLabel: (ns: number) => string = fmtTime) {
    const title = chartTitle(label, unit);
    this.canvas = document.createElement("canvas");
    this.canvas.setAttribute("role", "img");
    this.canvas.setAttribute("aria-label", `${title} over simulated time`);
    this.valueEl = document.createElement("span");
    this.valueEl.className = "chart-value";
    const head = document.createElement("summary");
    head.className = "chart-head";
    const h = document.createElement("h4");
    h.textContent = title;
    head.append(h, this.valueEl);
    this.el = document.createElement("details");
    this.el.className = "chart";
    this.el.append(head, this.canvas);
    for (const s of styles) this.data.set(s.name, { t: [], v: [], style: s });
    new ResizeObserver(() => this.redraw()).observe(this.canvas);
    this.syncFold();
  }

  /** True while every finite value of every series equals the first (or there is none yet). */
  get constant(): boolean {
    return !this.varies;
  }

  /** Replace a series. */
  set(name: string, t: number[], v: number[]): void {
    const d = this.data.get(name);
    if (!d) return;
    d.t = t.slice();
    d.v = v.slice();
    this.ref = undefined;
    this.varies = false;
    for (const s of this.data.values()) for (const x of s.v) this.see(x);
    this.syncFold();
    this.redraw();
  }

  /** Append points to a series. */
  push(name: string, t: number, v: number): void {
    const d = this.data.get(name);
    if (!d) return;
    d.t.push(t);
    d.v.push(v);
    this.see(v);
    this.syncFold();
    this.redraw();
  }

  /** Shade time ranges [fromNs, toNs] (e.g. periods a link is down). */
  bands(ranges: ReadonlyArray<readonly [number, number]>): void {
    this.shaded = ranges;
    this.el.dataset.bands = String(ranges.length);
    this.redraw();
  }

  cursor(tNs: number | undefined): void {
    this.cursorNs = tNs;
    this.redraw();
  }

  redraw(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  private see(v: number): void {
    if (!Number.isFinite(v)) return;
    if (this.ref === undefined) this.ref = v;
    else if (v !== this.ref) this.varies = true;
  }

  /** Fold or unfold on a change of constancy only; a reader's click stays until then. */
  private syncFold(): void {
    const c = this.constant;
    if (c) this.valueEl.textContent = this.ref === undefined ? "no value yet" : `constant: ${formatValue(this.ref, this.unit)}`;
    if (c === this.shownConstant) return;
    this.shownConstant = c;
    this.el.open = !c;
    this.el.classList.toggle("constant", c);
    this.onFold?.(c);
  }

  private valueAt(d: { t: number[]; v: number[] }, tNs: number | undefined): number | undefined {
    if (d.t.length === 0) return undefined;
    if (tNs === undefined) return d.v[d.v.length - 1];
    let lo = 0;
    let hi = d.t.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (d.t[mid]! <= tNs) lo = mid;
      else hi = mid - 1;
    }
    return d.v[lo];
  }

  private draw(): void {
    const c = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth;
    const hgt = c.clientHeight;
    if (w === 0 || hgt === 0) return; // folded: drawn when opened (the ResizeObserver fires)
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(hgt * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(hgt * dpr);
    }
    const g = c.getContext("2d") as CanvasRenderingContext2D;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, hgt);
    let t0 = Infinity, t1 = -Infinity, v0 = Infinity, v1 = -Infinity;
    for (const d of this.data.values()) {
      for (let i = 0; i < d.t.length; i++) {
        const v = d.v[i]!;
        if (!Number.isFinite(v)) continue;
        t0 = Math.min(t0, d.t[i]!); t1 = Math.max(t1, d.t[i]!);
        v0 = Math.min(v0, v); v1 = Math.max(v1, v);
      }
    }
    const padR = 8, padT = 8, padB = 20;
    g.font = "11px system-ui, sans-serif";
    g.fillStyle = getComputedStyle(document.body).getPropertyValue("--muted") || "#888";
    if (!Number.isFinite(t0)) {
      g.fillText("waiting for samples…", 8, hgt / 2);
      if (!this.constant) this.valueEl.textContent = "";
      return;
    }
    if (t1 === t0) t1 = t0 + 1;
    const ph = hgt - padT - padB;
    const axis = niceAxis(v0, v1, this.unit, ph >= 120 ? 4 : 3);
    // The y labels set the left margin: none is ever cut off, however many digits it needs.
    const padL = Math.ceil(Math.max(...axis.labels.map((s) => g.measureText(s).width))) + 10;
    const pw = Math.max(1, w - padL - padR);
    const x = (t: number) => padL + ((t - t0) / (t1 - t0)) * pw;
    const y = (v: number) => padT + (1 - (v - axis.lo) / (axis.hi - axis.lo)) * ph;
    g.strokeStyle = "rgba(128,128,128,0.35)";
    g.lineWidth = 1;
    g.beginPath();
    for (const t of axis.ticks) { const yy = Math.round(y(t)) + 0.5; g.moveTo(padL, yy); g.lineTo(padL + pw, yy); }
    g.stroke();
    g.fillStyle = "rgba(214, 40, 40, 0.16)";
    for (const [a, b] of this.shaded) {
      const xa = Math.max(padL, x(a)), xb = Math.min(padL + pw, x(b));
      if (xb > xa) g.fillRect(xa, padT, xb - xa, ph);
    }
    g.fillStyle = getComputedStyle(document.body).getPropertyValue("--muted") || "#888";
    g.textAlign = "right";
    g.textBaseline = "middle";
    axis.ticks.forEach((t, i) => g.fillText(axis.labels[i]!, padL - 6, Math.min(padT + ph, Math.max(padT + 5, y(t)))));
    g.textBaseline = "alphabetic";
    g.textAlign = "left";
    g.fillText(this.timeLabel(t0), padL, hgt - 5);
    g.textAlign = "right";
    g.fillText(this.timeLabel(t1), padL + pw, hgt - 5);
    c.dataset.yTicks = axis.labels.join("|");
    for (const d of this.data.values()) {
      g.strokeStyle = d.style.color;
      g.lineWidth = 1.5;
      g.setLineDash(d.style.dashed ? [5, 3] : []);
      g.beginPath();
      let pen = false;
      for (let i = 0; i < d.t.length; i++) {
        const v = d.v[i]!;
        if (!Number.isFinite(v)) { pen = false; continue; }
        const px = x(d.t[i]!), py = y(v);
        if (pen) g.lineTo(px, py); else g.moveTo(px, py);
        pen = true;
      }
      g.stroke();
    }
    g.setLineDash([]);
    if (this.cursorNs !== undefined) {
      g.strokeStyle = "#e0a100";
      g.beginPath(); g.moveTo(x(this.cursorNs), padT); g.lineTo(x(this.cursorNs), padT + ph); g.stroke();
    }
    if (!this.constant) this.valueEl.textContent = [...this.data.values()].map((d) => formatValue(this.valueAt(d, this.cursorNs), this.unit)).join(" | ");
  }
}
