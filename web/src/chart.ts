/**
 * A small streaming line chart on a canvas: several series over simulated time, redrawn at most
 * once per animation frame, device-pixel sharp, with an optional cursor (the time scrubber).
 */
import { fmt, fmtTime } from "./dom.js";

export interface SeriesStyle { name: string; color: string; dashed?: boolean }

export class LineChart {
  readonly el: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly valueEl: HTMLElement;
  private readonly data = new Map<string, { t: number[]; v: number[]; style: SeriesStyle }>();
  private cursorNs: number | undefined;
  private shaded: ReadonlyArray<readonly [number, number]> = [];
  private pending = false;

  /** @param timeLabel  how the time axis' ends are written (default: simulated time in ns … s). */
  constructor(readonly title: string, readonly unit: string, styles: SeriesStyle[], private readonly timeLabel: (ns: number) => string = fmtTime) {
    this.canvas = document.createElement("canvas");
    this.canvas.setAttribute("role", "img");
    this.canvas.setAttribute("aria-label", `${title} over simulated time`);
    this.valueEl = document.createElement("span");
    this.valueEl.className = "chart-value";
    const head = document.createElement("div");
    head.className = "chart-head";
    const h = document.createElement("h3");
    h.textContent = unit ? `${title} (${unit})` : title;
    head.append(h, this.valueEl);
    this.el = document.createElement("figure");
    this.el.className = "chart";
    this.el.append(head, this.canvas);
    for (const s of styles) this.data.set(s.name, { t: [], v: [], style: s });
    new ResizeObserver(() => this.redraw()).observe(this.canvas);
  }

  /** Replace a series. */
  set(name: string, t: number[], v: number[]): void {
    const d = this.data.get(name);
    if (!d) return;
    d.t = t.slice();
    d.v = v.slice();
    this.redraw();
  }

  /** Append points to a series. */
  push(name: string, t: number, v: number): void {
    const d = this.data.get(name);
    if (!d) return;
    d.t.push(t);
    d.v.push(v);
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
    if (w === 0 || hgt === 0) return;
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
    const padL = 72, padR = 8, padT = 6, padB = 20;
    const pw = w - padL - padR, ph = hgt - padT - padB;
    g.font = "11px system-ui, sans-serif";
    g.fillStyle = getComputedStyle(document.body).getPropertyValue("--muted") || "#888";
    if (!Number.isFinite(t0)) {
      g.fillText("waiting for samples…", padL, padT + ph / 2);
      this.valueEl.textContent = "";
      return;
    }
    if (v1 === v0) { v0 -= Math.abs(v0) * 0.01 || 1; v1 += Math.abs(v1) * 0.01 || 1; }
    if (t1 === t0) t1 = t0 + 1;
    const x = (t: number) => padL + ((t - t0) / (t1 - t0)) * pw;
    const y = (v: number) => padT + (1 - (v - v0) / (v1 - v0)) * ph;
    g.strokeStyle = "rgba(128,128,128,0.35)";
    g.lineWidth = 1;
    g.beginPath();
    for (let k = 0; k <= 2; k++) { const yy = padT + (k * ph) / 2; g.moveTo(padL, yy); g.lineTo(padL + pw, yy); }
    g.stroke();
    g.fillStyle = "rgba(214, 40, 40, 0.16)";
    for (const [a, b] of this.shaded) {
      const xa = Math.max(padL, x(a)), xb = Math.min(padL + pw, x(b));
      if (xb > xa) g.fillRect(xa, padT, xb - xa, ph);
    }
    g.fillStyle = getComputedStyle(document.body).getPropertyValue("--muted") || "#888";
    g.textAlign = "right";
    // Enough digits that the three labels differ (RCF sits at 0.9999…).
    const digits = Math.min(10, Math.max(3, Math.ceil(Math.log10(Math.max(Math.abs(v0), Math.abs(v1)) / (v1 - v0))) + 2));
    g.fillText(fmt(v1, digits), padL - 4, padT + 9);
    g.fillText(fmt((v0 + v1) / 2, digits), padL - 4, padT + ph / 2 + 4);
    g.fillText(fmt(v0, digits), padL - 4, padT + ph);
    g.textAlign = "left";
    g.fillText(this.timeLabel(t0), padL, hgt - 5);
    g.textAlign = "right";
    g.fillText(this.timeLabel(t1), padL + pw, hgt - 5);
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
    this.valueEl.textContent = [...this.data.values()].map((d) => fmt(this.valueAt(d, this.cursorNs))).join(" | ");
  }
}
