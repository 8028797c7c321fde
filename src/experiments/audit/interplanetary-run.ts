/**
 * The short run of the Earth–Mars twin (`model: interplanetary`, sim/models/interplanetary.ts) the
 * §5.2 claims read beside their arithmetic: 30 days across the 2028 Mars solar conjunction
 * (astronomy-engine: 2028-03-21), a 100-satellite Earth shell (4 deep-space gateways), a 3-site
 * areostationary Mars ring, every other setting the scenario's default (two-way time transfer,
 * CSAC clocks, the cited ephemeris error and solar exclusion). Its series are read by the same
 * code as the run report (report/interplanetary-data.ts). Memoised: the four claims share one run.
 */
import { executeRun } from "../../sim/executors/index.js";
import { resolveScenario, type Scenario } from "../../sim/scenario/index.js";
import { interplanetaryStats, type InterplanetaryStats } from "../../report/interplanetary-data.js";

/** What the audit's twin run varies: the window, the tick and the clock comparison it uses. */
export interface TwinRunInputs {
  readonly epoch: string;
  readonly days: number;
  readonly tickS: number;
  readonly seed: number;
}

export const AUDIT_TWIN_RUN: TwinRunInputs = { epoch: "2028-03-08T00:00:00Z", days: 30, tickS: 6 * 3600, seed: 1 };

export interface TwinRun {
  readonly scenario: Scenario;
  readonly stats: InterplanetaryStats;
  /** One line naming the run, for the claims' simulation text. */
  readonly label: string;
}

/** The audit's scenario for `i`. */
export function twinScenario(i: TwinRunInputs): Scenario {
  return resolveScenario({
    name: "audit-interplanetary", model: "interplanetary",
    run: { seed: i.seed, durationS: i.days * 86_400, tickS: i.tickS, sampleEveryS: i.tickS, checkpointEveryS: i.days * 86_400 },
    interplanetary: { epoch: i.epoch, earth: { nodes: 100, planes: 10, gateways: 4 }, mars: { areostationary: 3 }, latency: { earthSources: 4 } },
  }, "audit");
}

const cache = new Map<string, TwinRun>();

/** Run (once per inputs) the twin and read its series. */
export function interplanetaryTwinRun(i: TwinRunInputs = AUDIT_TWIN_RUN): TwinRun {
  const key = JSON.stringify(i);
  const hit = cache.get(key);
  if (hit) return hit;
  const scenario = twinScenario(i);
  const series = new Map<string, { tNs: number[]; value: number[] }>();
  for (const s of executeRun(scenario).samples) { // the in-memory run every executor uses
    for (const [k, v] of Object.entries(s.metrics)) {
      let e = series.get(k);
      if (e === undefined) series.set(k, (e = { tNs: [], value: [] }));
      e.tNs.push(s.tNs);
      e.value.push(v);
    }
  }
  const stats = interplanetaryStats(series);
  if (stats === null) throw new Error("pqms internal assertion: the interplanetary model recorded no gapLinkUp series");
  const ip = scenario.interplanetary!;
  const label = `Earth–Mars twin, ${i.days} days from ${i.epoch.slice(0, 10)} every ${i.tickS / 3600} h (seed ${i.seed}): ${ip.earth.nodes}-satellite Earth shell, ${ip.mars.areostationary} areostationary Mars sites, ${ip.umt.mode} time transfer, ${ip.umt.clock} clocks, ephemeris error ${ip.umt.ephemerisErrorM} m, solar exclusion ${ip.links.solarExclusionDeg}°`;
  const out = { scenario, stats, label };
  cache.set(key, out);
  return out;
}
