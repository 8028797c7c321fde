/** §5.2: the effective latency between any two nodes across the inner solar system is < 1 ns. */
import type { Claim } from "../claim.js";
import { EARTH_MARS_MIN_M, lightTimeS } from "../distances.js";
import { below, lawBound, sci } from "../compare.js";
import { interplanetaryTwinRun } from "../interplanetary-run.js";
import { cognitiveUnit } from "../../../report/cognitive-unit.js";
import { formatSeconds } from "../../../report/interplanetary-data.js";

export const s52Latency: Claim<{ latencyS: number; earthMarsMinM: number }> = {
  id: "s52-latency",
  section: "§5.2",
  claim: "With 10⁵ nodes distributed across the inner solar system, the effective communication latency between any two nodes is only the local processing time (<1 ns)",
  inputs: { latencyS: 1e-9, earthMarsMinM: EARTH_MARS_MIN_M },
  paperValue: 1e-9,
  unit: "s",
  recompute(i) {
    const t = lightTimeS(i.earthMarsMinM);
    return {
      recomputed: t,
      comparison: lawBound(i.latencyS, t, "at least", "special relativity: information travels no faster than light (entanglement cannot carry signals: no-communication theorem)"),
      arithmetic: [`Earth–Mars at closest: ${sci(i.earthMarsMinM)} m / c = ${sci(t)} s = ${sci(t / i.latencyS)} × ${sci(i.latencyS)} s`, `in ${sci(i.latencyS)} s light travels ${sci(299_792_458 * i.latencyS)} m`],
      explanation: { holds: "The latency is possible at this distance.", fails: "Two nodes 30 cm apart already need 1 ns; Earth and Mars need at least three minutes." },
    };
  },
  twin(i) {
    const { stats: s, label } = interplanetaryTwinRun();
    const across = s.latencyS.across.p50.linked;
    if (across === null) throw new Error("pqms internal assertion: the audit's twin run never had the Earth–Mars gap open");
    const earth = s.latencyS.earth.p50.linked;
    const unit = cognitiveUnit(s, { latencyS: i.latencyS, residualS: 100e-15 });
    return {
      comparison: below(i.latencyS, across.median, "simulation"),
      simulation: `${label}: routed Earth–Mars latency ${formatSeconds(across.median)} median while linked (${sci(across.median / i.latencyS)} × ${sci(i.latencyS)} s); the gap closed ${s.linkDown.length} time(s) for ${sci((s.linkDownNs / 86_400e9), 3)} days with no route at all; single cognitive unit: ${unit.holds === true ? "yes" : "no"}`,
      arithmetic: [
        `routed latency Earth → Mars, per-sample median over sampled pairs: median ${sci(across.median)} s, p99 ${sci(s.latencyS.across.p99.linked?.max ?? Number.NaN)} s at worst, over ${across.count} linked samples`,
        `within the Earth shell: median ${earth === null ? "n/a" : `${sci(earth.median)} s`}; Earth–Mars light time over the run ${sci(s.lightTimeS?.min ?? Number.NaN)}–${sci(s.lightTimeS?.max ?? Number.NaN)} s`,
        ...unit.tests.map((t) => `${t.name}: ${t.holds === null ? "n/a" : t.holds ? "holds" : "fails"} — ${t.measured}`),
      ],
    };
  },
};
