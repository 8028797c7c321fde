/**
 * The constellation view: an orthographic 3-D view of the shell (Canvas 2D, no library), nodes
 * coloured by state (their own ΔE = 1 − RCF to ODOS relative to the threshold, vetoed, failed),
 * nodes inside an active CME region haloed, +Grid links, the five SMCs (directions true,
 * distances compressed logarithmically: they sit 6–220 Earth radii out; the Raft leader gold,
 * crashed ones grey) and CME regions as they spread. Per frame: one projection pass over typed arrays, then one path
 * per colour bucket, so 10^4 nodes cost a few milliseconds.
 */
import type { Layout } from "./api.js";

export const STATE_OK = 0;
export const STATE_VETO = 1;
export const STATE_FAILED = 2;
const EARTH_KM = 6371;
const BUCKETS = ["#2fbf71", "#9ccc3c", "#e6c229", "#f08a24", "#e5383b", "#8d99ae"] as const;

export interface CmeRegion { centerNode: number; radiusKm: number }

export class Globe {
  readonly el: HTMLCanvasElement;
  private pos = new Float32Array(0);
  private links = new Int32Array(0);
  private smcs: Array<{ name: string; x: number; y: number; z: number }> = [];
  private px = new Float32Array(0);
  private py = new Float32Array(0);
  private front = new Uint8Array(0);
  /** Node state: STATE_* codes. */
  state = new Uint8Array(0);
  /** ΔE of each node relative to the threshold (0 … ≥ 1). */
  level = new Float32Array(0);
  /** 1 where the node lies in an active CME region (drawn with a halo). */
  storm = new Uint8Array(0);
  cmes: CmeRegion[] = [];
  /** Index of the SMC leading Raft (−1: none known) and the SMCs down. */
  leader = -1;
  smcDown = new Set<number>();
  showLinks = true;
  playing = true;
  private angle = 0.6;
  private readonly tilt = 0.45;
  private radiusKm = 7000;
  private lastMs = 0;
  private frames = 0;
  private raf = 0;

  constructor() {
    this.el = document.createElement("canvas");
    this.el.className = "globe";
    this.el.tabIndex = 0;
    this.el.setAttribute("role", "img");
    this.el.setAttribute("aria-label", "Constellation view: nodes coloured by state; arrow keys turn the view, space pauses");
    this.el.addEventListener("keydown", (e) => {
      if (e.key === "ArrowLeft") this.angle -= 0.1;
      else if (e.key === "ArrowRight") this.angle += 0.1;
      else if (e.key === " ") this.playing = !this.playing;
      else return;
      e.preventDefault();
    });
  }

  setLayout(l: Layout): void {
    const n = l.nodes;
    this.pos = Float32Array.from(l.positionsKm);
    this.links = Int32Array.from(l.links);
    this.px = new Float32Array(n);
    this.py = new Float32Array(n);
    this.front = new Uint8Array(n);
    this.state = new Uint8Array(n);
    this.level = new Float32Array(n);
    this.storm = new Uint8Array(n);
    let r = 0;
    for (let i = 0; i < n; i++) r = Math.max(r, Math.hypot(this.pos[3 * i]!, this.pos[3 * i + 1]!, this.pos[3 * i + 2]!));
    this.radiusKm = r;
    this.smcs = l.smcs.map((s) => {
      const [x = 0, y = 0, z = 0] = s.positionKm;
      const d = Math.hypot(x, y, z);
      const k = (r * (1.25 + 0.25 * Math.log10(d / r))) / d;
      return { name: s.name, x: x * k, y: y * k, z: z * k };
    });
    this.showLinks = this.links.length <= 40_000;
  }

  start(): void {
    const loop = (ms: number) => {
      if (this.playing && this.lastMs > 0) this.angle += Math.min(0.05, (ms - this.lastMs) * 0.00015);
      this.lastMs = ms;
      this.frames++;
      this.draw();
      this.raf = requestAnimationFrame(loop);
    };
    this.raf = requestAnimationFrame(loop);
  }

  stop(): void {
    cancelAnimationFrame(this.raf);
  }

  /** Frames drawn per second over `ms` milliseconds of wall time. */
  async measureFps(ms = 2000): Promise<number> {
    const f0 = this.frames;
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, ms));
    return ((this.frames - f0) * 1000) / (performance.now() - t0);
  }

  private draw(): void {
    const c = this.el;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth, hgt = c.clientHeight;
    if (w === 0 || hgt === 0) return;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(hgt * dpr)) { c.width = Math.round(w * dpr); c.height = Math.round(hgt * dpr); }
    const g = c.getContext("2d") as CanvasRenderingContext2D;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.fillStyle = "#0b1020";
    g.fillRect(0, 0, w, hgt);
    const scale = (Math.min(w, hgt) / 2 / (this.radiusKm * 1.9));
    const cx = w / 2, cy = hgt / 2;
    const ca = Math.cos(this.angle), sa = Math.sin(this.angle), ct = Math.cos(this.tilt), st = Math.sin(this.tilt);
    // Earth
    const er = EARTH_KM * scale;
    const grad = g.createRadialGradient(cx - er * 0.3, cy - er * 0.3, er * 0.1, cx, cy, er);
    grad.addColorStop(0, "#2b5d9b"); grad.addColorStop(1, "#0f2748");
    g.fillStyle = grad;
    g.beginPath(); g.arc(cx, cy, er, 0, 2 * Math.PI); g.fill();
    // Project: rotate about z by angle, then tilt about x; depth = y'' (towards the viewer > 0).
    const n = this.front.length, pos = this.pos, px = this.px, py = this.py, front = this.front;
    for (let i = 0; i < n; i++) {
      const x = pos[3 * i]!, y = pos[3 * i + 1]!, z = pos[3 * i + 2]!;
      const x1 = x * ca - y * sa, y1 = x * sa + y * ca;
      const y2 = y1 * ct - z * st, z2 = y1 * st + z * ct;
      px[i] = cx + x1 * scale;
      py[i] = cy - z2 * scale;
      // Hidden when behind the Earth's disc.
      front[i] = y2 > 0 || x1 * x1 + z2 * z2 > EARTH_KM * EARTH_KM ? 1 : 0;
    }
    if (this.showLinks) {
      g.strokeStyle = "rgba(120,170,255,0.18)";
      g.lineWidth = 0.6;
      g.beginPath();
      const L = this.links;
      for (let k = 0; k < L.length; k += 2) {
        const a = L[k]!, b = L[k + 1]!;
        if (front[a] === 0 || front[b] === 0) continue;
        g.moveTo(px[a]!, py[a]!);
        g.lineTo(px[b]!, py[b]!);
      }
      g.stroke();
    }
    const storm = this.storm;
    g.fillStyle = "rgba(255,150,50,0.30)";
    g.beginPath();
    const hr = n > 5000 ? 3 : 5;
    for (let i = 0; i < n; i++) {
      if (storm[i] !== 1 || front[i] === 0) continue;
      g.moveTo(px[i]! + hr, py[i]!);
      g.arc(px[i]!, py[i]!, hr, 0, 2 * Math.PI);
    }
    g.fill();
    for (const cme of this.cmes) {
      const i = cme.centerNode;
      if (i >= n) continue;
      g.fillStyle = "rgba(255,90,60,0.22)";
      g.beginPath(); g.arc(px[i]!, py[i]!, Math.max(4, cme.radiusKm * scale), 0, 2 * Math.PI); g.fill();
    }
    const size = n > 5000 ? 1.6 : n > 1000 ? 2.2 : 3;
    for (let b = 0; b < BUCKETS.length; b++) {
      g.fillStyle = BUCKETS[b] as string;
      g.beginPath();
      for (let i = 0; i < n; i++) {
        if (front[i] === 0 || this.bucket(i) !== b) continue;
        g.rect(px[i]! - size / 2, py[i]! - size / 2, size, size);
      }
      g.fill();
    }
    g.font = "11px system-ui, sans-serif";
    this.smcs.forEach((s, k) => {
      const x1 = s.x * ca - s.y * sa, y1 = s.x * sa + s.y * ca;
      const z2 = y1 * st + s.z * ct;
      const X = cx + x1 * scale, Y = cy - z2 * scale;
      const down = this.smcDown.has(k), lead = this.leader === k;
      const r = lead ? 9 : 6;
      g.fillStyle = down ? "#6c757d" : lead ? "#ffd166" : "#c77dff";
      g.beginPath(); g.moveTo(X, Y - r); g.lineTo(X + r, Y); g.lineTo(X, Y + r); g.lineTo(X - r, Y); g.fill();
      g.fillStyle = lead ? "#ffe8a3" : "#e0d0ff";
      g.fillText(`${s.name}${lead ? " (leader)" : down ? " (down)" : ""}`, X + r + 2, Y + 4);
    });
  }

  private bucket(i: number): number {
    const s = this.state[i];
    if (s === STATE_FAILED) return 5;
    if (s === STATE_VETO) return 4;
    const l = this.level[i]!;
    return l < 0.25 ? 0 : l < 0.5 ? 1 : l < 0.75 ? 2 : 3;
  }
}
