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
import { BLOCK_CAUSES } from "../model/orbit/interplanetary-network.js";

const NS_PER_S = 1e9;

/** A site with a key that names it uniquely (e.g. its scenario spec as JSON). */
export interface KeyedSite {
  readonly key: string;
  readonly position: SitePosition;
}

/** One unordered pair's samples: light-time a → b, b → a (s) and the cause code, per grid time. */
interface PairSeries {
  readonly ab: number[];
  readonly ba: number[];
  readonly blocked: number[];
}

/**
 * Pair series already computed, shared by every table in the process (a pure memo: the samples
 * depend only on the key, so sharing changes no number; runs of clusters that share sites, as a
 * sweep over cluster layouts does, compute each pair once). Bounded: the oldest key goes first.
 */
const SERIES = new Map<string, PairSeries>();
const SERIES_MAX = 256;

/** The sampled link table of `sites`, starting at `epoch`. */
export class GapLinkTable {
  private readonly n: number;
  private readonly pairs: PairSeries[][];
  private readonly stepNs: number;

  /**
   * @param sites    sites with their keys (positions barycentric EQJ, m)
   * @param epoch    time of t = 0
   * @param stepS    grid step, s (> 0)
   * @param options  link options (solar exclusion angle, atmosphere margin)
   */
  constructor(private readonly sites: readonly KeyedSite[], private readonly epoch: AstroTime, readonly stepS: number, private readonly options: LinkOptions = {}) {
    if (!(stepS > 0 && Number.isFinite(stepS) && Math.round(stepS * NS_PER_S) >= 1)) throw InputError.of("geometryStepS", "a finite step ≥ 1 ns", stepS);
    assert(sites.length >= 1, "link table of no sites");
    this.n = sites.length;
    this.stepNs = Math.round(stepS * NS_PER_S);
    const tail = `@${epoch.tt}/${stepS}/${options.solarExclusionDeg ?? ""}/${options.atmosphereMarginM ?? ""}`;
    this.pairs = sites.map((a, i) => sites.map((b, j) => (i < j ? seriesFor(`${a.key}|${b.key}${tail}`) : { ab: [], ba: [], blocked: [] })));
  }

  /** One-way light-time a → b for a signal leaving a at `tNs` (since the epoch), integer ns. */
  lightTimeNs(a: number, b: number, tNs: number): number {
    if (a === b) return 0;
    const k = Math.floor(tNs / this.stepNs);
    const f = (tNs - k * this.stepNs) / this.stepNs;
    const s = this.series(a, b, k + 1);
    const lt = a < b ? s.ab : s.ba;
    const t0 = lt[k]!;
    return Math.round((t0 + f * (lt[k + 1]! - t0)) * NS_PER_S);
  }

  /** Why a → b is down at `tNs`, or null when it is up. */
  blockedBy(a: number, b: number, tNs: number): LinkBlock {
    if (a === b) return null;
    const k = Math.floor(tNs / this.stepNs);
    return BLOCK_CAUSES[this.series(a, b, k).blocked[k]!]!;
  }

  /** The pair's series, computed up to grid time k. */
  private series(a: number, b: number, k: number): PairSeries {
    assert(Number.isSafeInteger(k) && k >= 0, `link sample ${k}`);
    const lo = Math.min(a, b), hi = Math.max(a, b);
    const s = this.pairs[lo]![hi]!;
    while (s.blocked.length <= k) this.compute(lo, hi, s.blocked.length, s);
    return s;
  }

  private compute(a: number, b: number, k: number, s: PairSeries): void {
    const time = this.epoch.AddDays((k * this.stepS) / 86_400);
    const st = linkState(this.sites[a]!.position, this.sites[b]!.position, time, this.options);
    s.ab.push(st.lightTimeS);
    s.ba.push(siteLightTimeS(this.sites[b]!.position, this.sites[a]!.position, time));
    // The blocking geometry is the same ray traced both ways (to within the light-time's v/c
    // asymmetry): one state per pair keeps the link symmetric.
    s.blocked.push(BLOCK_CAUSES.indexOf(st.blockedBy));
  }
}

function seriesFor(key: string): PairSeries {
  let s = SERIES.get(key);
  if (s === undefined) {
    if (SERIES.size >= SERIES_MAX) SERIES.delete(SERIES.keys().next().value!);
    s = { ab: [], ba: [], blocked: [] };
    SERIES.set(key, s);
  }
  return s;
}
