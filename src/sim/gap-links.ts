/**
 * Links between a handful of interplanetary sites (the Raft controllers), sampled on a time grid
 * from the ephemerides: for every ordered pair (a, b) and grid time t_k = k·stepS, the light-time
 * of a signal leaving a at t_k (the light-time equation, `siteLightTimeS`) and whether the link is
 * up (`linkState`: occultation by the Sun, Earth or Mars, solar exclusion).
 *
 * Between grid times the light-time is interpolated linearly: the chord's error is a·T²/8 for a
 * relative acceleration a over a step T, ≈ 1 ms for the planets (a ≈ 6 mm/s²) at T = 6 h, and
 * ≲ 20 ms for a synchronous ring site turning with its planet, far below one Raft tick; the link keeps
 * the state of the grid time before it, so a down period is resolved to one step (`stepS` is an
 * input). Samples are computed lazily, on first use, and are a pure function of the sites, the
 * epoch and the options, so a restored run recomputes them and gets the same numbers.
 */
import type { AstroTime } from "astronomy-engine";
import { assert, InputError } from "../errors.js";
import { linkState, siteLightTimeS, type LinkBlock, type LinkOptions, type SitePosition } from "../model/orbit/interplanetary.js";

const NS_PER_S = 1e9;

/** The sampled link table of `sites`, starting at `epoch`. */
export class GapLinkTable {
  private readonly n: number;
  /** Per grid time k: n·n light-times, s (diagonal 0). */
  private readonly lightTimeS: Float64Array[] = [];
  /** Per grid time k: n·n cause codes, 0 = up (see `CAUSES`). */
  private readonly blocked: Uint8Array[] = [];
  private readonly stepNs: number;

  /**
   * @param sites    site positions (barycentric EQJ, m)
   * @param epoch    time of t = 0
   * @param stepS    grid step, s (> 0)
   * @param options  link options (solar exclusion angle, atmosphere margin)
   */
  constructor(private readonly sites: readonly SitePosition[], private readonly epoch: AstroTime, readonly stepS: number, private readonly options: LinkOptions = {}) {
    if (!(stepS > 0 && Number.isFinite(stepS) && Math.round(stepS * NS_PER_S) >= 1)) throw InputError.of("geometryStepS", "a finite step ≥ 1 ns", stepS);
    assert(sites.length >= 1, "link table of no sites");
    this.n = sites.length;
    this.stepNs = Math.round(stepS * NS_PER_S);
  }

  /** One-way light-time a → b for a signal leaving a at `tNs` (since the epoch), integer ns. */
  lightTimeNs(a: number, b: number, tNs: number): number {
    if (a === b) return 0;
    const k = Math.floor(tNs / this.stepNs);
    const f = (tNs - k * this.stepNs) / this.stepNs;
    const i = a * this.n + b;
    const t0 = this.sample(k).lt[i]!;
    const t1 = this.sample(k + 1).lt[i]!;
    return Math.round((t0 + f * (t1 - t0)) * NS_PER_S);
  }

  /** Why a → b is down at `tNs`, or null when it is up. */
  blockedBy(a: number, b: number, tNs: number): LinkBlock {
    if (a === b) return null;
    return CAUSES[this.sample(Math.floor(tNs / this.stepNs)).blocked[a * this.n + b]!]!;
  }

  private sample(k: number): { lt: Float64Array; blocked: Uint8Array } {
    assert(Number.isSafeInteger(k) && k >= 0 && k <= this.lightTimeS.length + 1e6, `link sample ${k}`);
    while (this.lightTimeS.length <= k) this.compute(this.lightTimeS.length);
    return { lt: this.lightTimeS[k]!, blocked: this.blocked[k]! };
  }

  private compute(k: number): void {
    const n = this.n;
    const time = this.epoch.AddDays((k * this.stepS) / 86_400);
    const lt = new Float64Array(n * n);
    const blocked = new Uint8Array(n * n);
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const st = linkState(this.sites[a]!, this.sites[b]!, time, this.options);
        lt[a * n + b] = st.lightTimeS;
        lt[b * n + a] = siteLightTimeS(this.sites[b]!, this.sites[a]!, time);
        // The blocking geometry is the same ray traced both ways (to within the light-time's
        // v/c asymmetry): one state per pair keeps the link symmetric.
        const code = CAUSES.indexOf(st.blockedBy);
        blocked[a * n + b] = code;
        blocked[b * n + a] = code;
      }
    }
    this.lightTimeS.push(lt);
    this.blocked.push(blocked);
  }
}

/** Cause codes of the table, index = code. */
const CAUSES: readonly LinkBlock[] = [null, "sun-exclusion", "sun", "earth", "mars"];
