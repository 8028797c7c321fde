/** The data of "The paper's V3000 and the buildable one" (src/report/improve-report.ts renders it). */
import { sci } from "../experiments/audit/compare.js";
import { techAssumptions, type Technology } from "../experiments/improve/assumptions.js";
import * as D from "../experiments/improve/derive.js";
import type { ImproveResult } from "../experiments/improve/improve.js";
import type { ImproveReportData } from "./improve-report.js";
import type { LinePanel } from "./plot.js";

function logspace(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => lo * (hi / lo) ** (i / (n - 1)));
}

function span(f: (t: Technology) => number, t: Technology, name: keyof Technology, lo: number | string, hi: number | string): string {
  const base = f(t);
  const a = f({ ...t, [name]: lo });
  const b = f({ ...t, [name]: hi });
  return a === base && b === base ? "—" : `${sci(a)} … ${sci(b)}`;
}

/** Energy per operation against temperature (three read-out errors), failover against the controllers' least separation, UMT residual against the sync interval. */
export function improvePlots(t: Technology): LinePanel[] {
  const temps = Array.from({ length: 41 }, (_, i) => 1 + (i * 399) / 40);
  const energy: LinePanel = {
    title: "Energy per operation against temperature", xLabel: "operating temperature, K", yLabel: "J per operation", yLog: true,
    series: [
      ...[1e-3, 1e-6, 1e-9].map((e) => ({ name: `read-out error ${sci(e)}`, x: temps, y: temps.map((T) => D.energyPerOp({ ...t, readoutError: e, operatingTemperatureK: T }).value) })),
      { name: "Landauer k_B·T·ln 2", x: temps, y: temps.map((T) => D.landauerJ(T)) },
    ],
  };
  const seps = logspace(1e5, 2e7, 30);
  const ps = D.placements(t);
  const flat = (name: string) => ({ name, x: seps.map((s) => s / 1e3), y: seps.map(() => ps.find((p) => p.name.startsWith(name))!.roundTripS) });
  const failover: LinePanel = {
    title: "Raft failover (least quorum round trip) against placement", xLabel: "least separation between controllers, km", yLabel: "s", yLog: true,
    series: [
      { name: "GEO cluster of 5", x: seps.map((s) => s / 1e3), y: seps.map((s) => D.placements({ ...t, controllerMinSeparationM: s }).find((p) => p.name.startsWith("GEO cluster"))!.roundTripS) },
      flat("GEO ring"), flat("MEO ring"), flat("paper"),
    ],
  };
  const taus = logspace(1e-3, 1e3, 31);
  const umt: LinePanel = {
    title: "UMT residual against the sync interval", xLabel: "log10(sync interval / s)", yLabel: "s", yLog: true,
    series: [1e-11, 1e-12, 1e-13].map((a) => ({ name: `σ_y = ${sci(a)}`, x: taus.map((x) => Math.log10(x)), y: taus.map((x) => D.umtResidualS({ ...t, clockAllanDeviation: a, syncIntervalS: x }).value) })),
  };
  return [energy, failover, umt];
}

/** The failover world's measured figures beside the derived ones, as rows of the simulations table. */
function twinRows(w: NonNullable<ImproveResult["twin"]>): string[][] {
  const dist = (x: { median: number; p99: number; count: number }) => `median ${sci(x.median)}, p99 ${sci(x.p99)} (n = ${x.count})`;
  return [
    ["s32-failover on the failover world, buildable placement", sci(w.paper.leaderFailoverS), dist(w.simulated.leaderFailoverS), "s", `simulated; derived bound ${sci(w.derived.leaderFailoverS)} s; ${w.simulated.safetyViolations} safety violations`],
    ["s32-reload on the failover world, in-plane neighbour", sci(w.paper.reloadS), dist(w.simulated.reloadS), "s", `simulated; derived ${sci(w.derived.reloadS)} s without detection; unrecoverable nodes ${w.simulated.unrecoverableNodes}`],
  ];
}

export function improveReportData(r: ImproveResult, t: Technology): ImproveReportData {
  const paper = (id: string) => {
    const c = r.changes.find((x) => x.claim === id);
    return c === undefined ? "—" : typeof c.paperValue === "number" ? sci(c.paperValue) : c.paperValue;
  };
  const node = D.nodePowerW(t).value;
  const per = D.wPerTflop(t).value;
  const adv = D.advantageOverLegacy(t).value;
  const table51 = {
    head: ["quantity", "paper's V3000", "buildable V3000", "legacy baseline", "unit"],
    rows: [
      ["power per node", paper("s51-node-power"), sci(node), "—", "W"],
      [`total power (${sci(t.nodes)} nodes)`, paper("s22-total-power"), sci(node * t.nodes), "—", "W"],
      ["power per TFLOP/s", paper("s51-v3000-per-tflop"), sci(per), sci(t.legacyWPerTflop), "W per TFLOP/s"],
      ["legacy ÷ V3000", paper("s51-ten-thousand-fold"), sci(adv), "1", "×"],
    ],
    note: `Honest ratio: the buildable node at ${sci(t.opsPerNodePerS)} operations per second draws ${sci(node)} W, so it is ${adv >= 1 ? `${sci(adv)} times more` : `${sci(1 / adv)} times less`} efficient per operation than the legacy baseline (${sci(t.legacyWPerTflop)} W per TFLOP/s). Its power is set by lasers, control electronics and cooling, not by the read-out's photons.`,
  };
  const num = techAssumptions(t).filter((a) => typeof a.value === "number");
  const ranges = {
    head: ["assumption", "value", "range", "node power, W", "legacy ÷ buildable", "UMT residual, s", "failover, s", "veto, s"],
    rows: num.map((a) => {
      const [lo, hi] = a.range as readonly [number, number];
      return [`${a.name} [${a.source}]`, sci(a.value as number), `${sci(lo)} … ${sci(hi)}`,
        span((x) => D.nodePowerW(x).value, t, a.name, lo, hi), span((x) => D.advantageOverLegacy(x).value, t, a.name, lo, hi),
        span((x) => D.umtResidualS(x).value, t, a.name, lo, hi), span((x) => D.failoverS(x).value, t, a.name, lo, hi), span((x) => D.vetoLatencyS(x).value, t, a.name, lo, hi)];
    }),
  };
  return {
    changes: r.changes, table51, ranges,
    hypotheses: r.hypotheses.map((h) => ({ id: h.id, verdict: h.verdict, reason: h.reason })),
    simulations: [
      ...r.simulations.map((c) => [c.claim, typeof c.paperValue === "number" ? sci(c.paperValue) : c.paperValue, c.recomputed === null ? "—" : typeof c.recomputed === "number" ? sci(c.recomputed) : c.recomputed, c.unit, c.verdict]),
      ...(r.twin ? twinRows(r.twin) : []),
    ],
    plots: r.coherence.length > 0 ? [...improvePlots(t), {
      title: "Coherence the mesh keeps against the UMT residual (H2 on the twin, 3 replicates a point)", xLabel: "log10(UMT residual / s)", yLabel: "mean RCF",
      series: [{ name: "H2 RCF̄", x: r.coherence.map((c) => Math.log10(c.residualS)), y: r.coherence.map((c) => c.rcfMean) }],
    }] : improvePlots(t),
    notes: [
      "For every claim the audit finds inconsistent or physically impossible: the paper's figure, the nearest figure today's components and physics allow, their ratio, and the technology figures (from the literature, or ours) it rests on. `pqms improve --set name=value` moves them.",
      "Where nothing physical reaches the paper's figure (the vacuum as an energy source or sink) the term is kept at zero; no replacement physics is assumed.",
      ...(r.twin ? [`The failover world (the \`pqms failover\` machinery) ran on the buildable placement, ${r.twin.placement}: ${r.twin.settings.nodes} nodes, ${r.twin.settings.durationS} s, Raft's election timeout ${sci(r.twin.settings.electionTimeoutS)} s (${sci(r.twin.settings.electionTimeoutS / r.twin.settings.largestRoundTripS)} × the largest controller round trip), each failed node reloaded from its in-plane neighbour after ${sci(r.twin.settings.detectTimeoutS)} s of silence. The derived failover is the light-time bound; the simulated one adds the election timeout a follower waits before it may stand.`] : []),
      "Not yet shown: the coherence from H2's full sensitivity map (the plot below runs H2 along the residual only). The dashboard's #/improve page reruns this derivation as assumptions change (docs/DASHBOARD.md).",
    ],
  };
}
