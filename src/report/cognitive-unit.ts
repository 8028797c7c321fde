/**
 * §5.2's "single cognitive unit", judged on one interplanetary run: "the effective communication
 * latency between any two nodes is only the local processing time (< 1 ns) — the system behaves
 * as a single … cognitive unit", with UMT "residual drift below 100 fs". We read it as three
 * tests the run can fail: every node can reach every other at every sample, the routed latency
 * between any two nodes stays below the paper's bound, and the Earth–Mars clock residual stays
 * below the paper's bound. With the resonance mesh across the gap two more: coherence across the
 * gap stays at or above θ_crit (§2.1), and the Mars nodes stay in phase with the common time
 * reference before the guardian re-seeds them (ΔE, §2.3). The reading is computed from the run's outcomes (InterplanetaryStats);
 * each test names the assumption it hangs on. Plain data: the report and the dashboard both use it.
 */
import { PAPER_THRESHOLDS } from "../model/guardian/odos-kernel.js";
import { formatSeconds, PAPER_LATENCY_S, PAPER_RESIDUAL_S, THEOREM1_DRIFT_S, type InterplanetaryStats, type Spread } from "./interplanetary-data.js";

/** The bounds the paper sets (§5.2); `--set`-style overrides pass others. */
export interface CognitiveUnitBounds {
  readonly latencyS: number;
  readonly residualS: number;
  /** θ_crit on RCF (§2.1: 0.95) and the ΔE veto threshold (§2.3: 0.05); the paper's when absent. */
  readonly rcfMin?: number;
  readonly deltaEMax?: number;
}

export const PAPER_BOUNDS: CognitiveUnitBounds = { latencyS: PAPER_LATENCY_S, residualS: PAPER_RESIDUAL_S };

/** One test of the reading. `holds` null: the run did not record what the test needs. */
export interface CognitiveUnitTest {
  readonly name: "connected" | "latency" | "one time base" | "coherent across the gap" | "in phase before the guardian";
  readonly claim: string;
  readonly measured: string;
  readonly holds: boolean | null;
  /** What the outcome hangs on. */
  readonly assumption: string;
}

export interface CognitiveUnitReading {
  /** All recorded tests hold (null: none could be made). */
  readonly holds: boolean | null;
  readonly tests: readonly CognitiveUnitTest[];
  /** What the gap does to the "single cognitive unit", in prose, from the run's numbers. */
  readonly paragraph: string;
}

const DAY_NS = 86_400e9;
const days = (ns: number) => Number((ns / DAY_NS).toPrecision(3));
const worst = (...xs: Array<Spread | null>) => {
  const m = xs.filter((x): x is Spread => x !== null).map((x) => x.max);
  return m.length > 0 ? Math.max(...m) : Number.NaN;
};

function tests(s: InterplanetaryStats, b: CognitiveUnitBounds): CognitiveUnitTest[] {
  const L = s.latencyS;
  const acrossWorst = worst(L.across.p99.linked, L.across.p99.cutOff);
  const shellWorst = worst(L.earth.p99.linked, L.earth.p99.cutOff, L.mars.p99.linked, L.mars.p99.cutOff);
  const latencyWorst = Math.max(Number.isFinite(acrossWorst) ? acrossWorst : -Infinity, Number.isFinite(shellWorst) ? shellWorst : -Infinity);
  const unreachable = s.linkDownNs > 0 || s.acrossReachableMin < 1;
  const res = s.residualAllS;
  return [
    {
      name: "connected", claim: "every node reaches every other node throughout",
      measured: s.linkDown.length === 0 && !(s.acrossReachableMin < 1)
        ? `the Earth–Mars gap stayed open at all ${s.samples} samples`
        : `the gap closed ${s.linkDown.length} time(s), ${days(s.linkDownNs)} days in all (${pct(s.linkDownNs, s.endNs - s.startNs)} of the run); fewest Earth–Mars pairs with a route: ${fraction(s.acrossReachableMin)}`,
      holds: !unreachable,
      assumption: "a link is down when the Sun, Earth or Mars occults it or it passes inside the solar exclusion angle (the scenario's link settings); relays, where the scenario has them, count as paths",
    },
    {
      name: "latency", claim: `routed latency between any two nodes < ${formatSeconds(b.latencyS)}`,
      measured: Number.isFinite(latencyWorst)
        ? `worst per-sample p99: across the gap ${formatSeconds(acrossWorst)}, within a shell ${formatSeconds(shellWorst)}`
        : "no latency recorded",
      holds: Number.isFinite(latencyWorst) ? latencyWorst < b.latencyS : null,
      assumption: "latency = light-time along the shortest usable route over the run's link graph (sampled node pairs each sample) plus the scenario's processing time per hop",
    },
    {
      name: "one time base", claim: `Earth–Mars clock residual < ${formatSeconds(b.residualS)}`,
      measured: res === null ? "no residual recorded" : `|residual| median ${formatSeconds(res.median)}, p99 ${formatSeconds(res.p99)}, max ${formatSeconds(res.max)}`,
      holds: res === null ? null : res.p99 < b.residualS,
      assumption: "the scenario's Earth–Mars time transfer (two-way, or predicted from the ephemeris), its ephemeris error and clocks; the Mars clock holds over while the gap is closed",
    },
  ];
}

/** The mesh's two tests, made only when the run recorded what the Mars guardian saw (`guardian`). */
function meshTests(s: InterplanetaryStats, b: CognitiveUnitBounds): CognitiveUnitTest[] {
  const g = s.guardian;
  if (g === undefined) return [];
  const rcfMin = b.rcfMin ?? PAPER_THRESHOLDS.rcfMin;
  const deltaEMax = b.deltaEMax ?? PAPER_THRESHOLDS.deltaEMax;
  const across = [s.coherence.across.linked, s.coherence.across.cutOff].filter((x): x is Spread => x !== null);
  const acrossMin = Math.min(...across.map((x) => x.min));
  return [
    {
      name: "coherent across the gap", claim: `coherence across the gap ≥ θ_crit = ${rcfMin} at every sample (§2.1)`,
      measured: across.length === 0 ? "no coherence recorded" : `minimum ${Number(acrossMin.toPrecision(4))}; the Mars guardian re-seeded nodes ${g.vetoesMars} times`,
      holds: across.length === 0 ? null : acrossMin >= rcfMin,
      assumption: "coherence as the cross-gap coupling sees it: each side's nodes against the other side's state one light-time late, 0 while the gap is closed; the coupling rate κ_gap is a twin input (interplanetary.mesh)",
    },
    {
      name: "in phase before the guardian", claim: `Mars nodes' ΔE against the common time reference ≤ ${deltaEMax} before any veto (§2.3), median over samples`,
      measured: `median ΔE ${Number(g.deltaEMars.median.toPrecision(3))}, max ${Number(g.deltaEMars.max.toPrecision(3))}`,
      holds: g.deltaEMars.median <= deltaEMax,
      assumption: "ΔE at each tick's first inner mesh step, after the residual's phase change and the cross-gap pull: coherence the guardian restores by re-seeding is not coherence the clocks keep",
    },
  ];
}

function pct(part: number, whole: number): string {
  return whole > 0 ? `${Number(((100 * part) / whole).toPrecision(3))} %` : "n/a";
}

function fraction(x: number): string {
  return Number.isFinite(x) ? `${Number((100 * x).toPrecision(3))} %` : "not recorded";
}

/** Whether the run behaves as one cognitive unit, test by test, and the paragraph that says so. */
export function cognitiveUnit(s: InterplanetaryStats, bounds: CognitiveUnitBounds = PAPER_BOUNDS): CognitiveUnitReading {
  const t = [...tests(s, bounds), ...meshTests(s, bounds)];
  const made = t.filter((x) => x.holds !== null);
  const holds = made.length === 0 ? null : made.every((x) => x.holds === true);
  return { holds, tests: t, paragraph: paragraph(s, t, holds, bounds) };
}

function paragraph(s: InterplanetaryStats, t: readonly CognitiveUnitTest[], holds: boolean | null, b: CognitiveUnitBounds): string {
  const out: string[] = [];
  const lt = s.lightTimeS;
  out.push(`Over ${days(s.endNs - s.startNs)} days${lt ? `, the Earth–Mars light time ran from ${formatSeconds(lt.min)} to ${formatSeconds(lt.max)}` : ""}.`);
  const across = s.latencyS.across.p50.linked;
  if (across) {
    const earth = s.latencyS.earth.p50.linked;
    const mars = s.latencyS.mars.p50.linked;
    out.push(`Routed across the gap, a message took ${formatSeconds(across.median)} (median while linked), ${fmtRatio(across.median / b.latencyS)} the paper's ${formatSeconds(b.latencyS)}; a question asked across the gap is answered no sooner than ${formatSeconds(2 * across.median)} later${earth || mars ? `. Within the Earth shell the median was ${earth ? formatSeconds(earth.median) : "not recorded"}, within the Mars shell ${mars ? formatSeconds(mars.median) : "not recorded"}` : ""}.`);
  }
  if (s.linkDown.length > 0) {
    const angle = Number.isFinite(s.minSunAngleDeg) ? `, with the Sun–Earth–Mars angle down to ${Number(s.minSunAngleDeg.toPrecision(3))}°` : "";
    out.push(`The interplanetary links were down ${s.linkDown.length} time(s), ${days(s.linkDownNs)} days in all (${pct(s.linkDownNs, s.endNs - s.startNs)} of the run)${angle}: for those days no message crossed, and the Earth and Mars shells ran as two meshes with no common state.`);
  } else if (Number.isFinite(s.minSunAngleDeg)) {
    out.push(`The interplanetary links stayed up throughout (smallest Sun–Earth–Mars angle ${Number(s.minSunAngleDeg.toPrecision(3))}°).`);
  }
  const r = s.residualS;
  if (r.linked || r.cutOff) {
    const parts = [];
    if (r.linked) parts.push(`${formatSeconds(r.linked.median)} median while linked`);
    if (r.cutOff) parts.push(`${formatSeconds(r.cutOff.median)} median and ${formatSeconds(r.cutOff.max)} at worst while cut off`);
    out.push(`The Earth–Mars clock residual was ${parts.join(", ")}; the paper states < ${formatSeconds(b.residualS)}, and Theorem 1 needs < ${formatSeconds(THEOREM1_DRIFT_S)} for global coherence to stay within 1 %.`);
  }
  const c = s.coherence.across;
  if (c.linked || c.cutOff) {
    out.push(`Coherence across the gap was ${c.linked ? c.linked.median.toPrecision(6) : "n/a"} (median) while linked and ${c.cutOff ? c.cutOff.median.toPrecision(6) : "n/a"} while cut off.`);
    const g = s.guardian;
    if (g !== undefined && g.vetoesMars > 0) {
      out.push(`Before the guardian acted the Mars nodes' ΔE had median ${Number(g.deltaEMars.median.toPrecision(3))}: the residual turns each mode's phase against the common time reference, and the guardian re-seeded Mars nodes ${g.vetoesMars} times, so the coherence after it is the guardian's work, not the clocks'.`);
    }
  }
  const failed = t.filter((x) => x.holds === false).map((x) => `${x.name} (${x.claim}: ${x.measured})`);
  if (holds === true) out.push("On this run the system passes every test of a single cognitive unit the twin can make.");
  else if (holds === false) out.push(`On this run the system is not a single cognitive unit: it fails ${failed.join("; ")}.`);
  else out.push("The run recorded none of the figures the tests need.");
  return out.join(" ");
}

function fmtRatio(x: number): string {
  if (!Number.isFinite(x)) return "n/a";
  return x >= 1 ? `${x.toExponential(2)} times` : `${x.toPrecision(3)} of`;
}
