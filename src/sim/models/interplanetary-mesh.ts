/**
 * The coherence phase of the interplanetary run: the resonance mesh across both planets
 * (model/resonance/gap-mesh.ts) stepped once per tick with the tick's Earth–Mars light-time, gap
 * state and UMT residual, its metrics added on sample ticks (`coherenceEarth`, `coherenceMars`,
 * `coherenceAcross`, `coherenceGlobal`, docs/MODEL.md "The mesh across the gap"), its whole state
 * (both shells and the emission history) in the run's checkpoints.
 *
 * Each shell's node physics is the single-shell mesh's (`meshParamsOf`: the scenario's mesh, umt,
 * odos and veto sections) on a ring of `mesh.neighbours` (fewer when the shell is small); node
 * counts come from the sites: Earth satellites × `nodesPerEarthSite`, areostationary sites ×
 * `nodesPerMarsSite`.
 */
import { InputError } from "../../errors.js";
import type { RandomStream } from "../../numeric/random/stream.js";
import { GapMesh, type GapMeshParams, type GapMeshSnapshot, type GapTickInput } from "../../model/resonance/gap-mesh.js";
import type { MeshParams } from "../../model/resonance/mesh-params.js";
import { StateReader } from "../checkpoint.js";
import type { StateValue } from "../model.js";
import type { InterplanetaryMeshSection } from "../scenario/interplanetary-mesh-section.js";
import type { Scenario } from "../scenario/index.js";
import type { StreamSet } from "../streams.js";
import { meshParamsOf, readMeshSnapshot } from "./resonance-mesh.js";

/** What the coherence phase needs of the run besides the scenario's mesh physics. */
export interface GapMeshSetup {
  readonly section: InterplanetaryMeshSection;
  /** Earth-shell satellites and areostationary sites. */
  readonly earthSites: number;
  readonly marsSites: number;
  /** The run's tick, s (sizes the emission history). */
  readonly tickS: number;
  /** Longest Earth–Mars light-time, s. */
  readonly lightTimeMaxS: number;
}

/** Largest even ring degree ≤ `wanted` that N nodes admit (N − 1 neighbours at most). */
function ringDegree(nodes: number, wanted: number): number {
  const most = nodes - 1 - ((nodes - 1) % 2);
  return Math.max(2, Math.min(wanted, most));
}

/** The gap mesh's parameters from the scenario's mesh physics and the sites. */
export function gapMeshParamsOf(sc: Scenario, s: GapMeshSetup): GapMeshParams {
  const base: MeshParams = meshParamsOf(sc);
  const nE = s.earthSites * s.section.nodesPerEarthSite;
  const nM = s.marsSites * s.section.nodesPerMarsSite;
  if (nE < 3) throw InputError.of("interplanetary.mesh.nodesPerEarthSite", `at least 3 Earth resonance nodes in all (${s.earthSites} satellites × nodesPerEarthSite)`, s.section.nodesPerEarthSite);
  if (nM < 3) throw InputError.of("interplanetary.mesh.nodesPerMarsSite", `at least 3 Mars resonance nodes in all (${s.marsSites} sites × nodesPerMarsSite)`, s.section.nodesPerMarsSite);
  const shell = (nodes: number): MeshParams => ({ ...base, nodes, topology: "ring", clusterSize: nodes, degree: ringDegree(nodes, base.degree) });
  return {
    earth: shell(nE), mars: shell(nM),
    kappaGapPerS: s.section.kappaGapPerS, settleSteps: s.section.settleSteps,
    lightTimeMaxS: s.lightTimeMaxS, tickMinS: s.tickS,
  };
}

/** The resonance mesh across the gap as one phase of the interplanetary model. */
export class InterplanetaryMeshPhase {
  /** Vetoes since the last sample, and since the start, per shell (Earth, Mars). */
  private vetoes = [0, 0];
  private vetoesTotal = [0, 0];

  private constructor(readonly mesh: GapMesh) {}

  /** Draw both shells: Earth from stream "interplanetary-mesh/earth", Mars from ".../mars". */
  static init(sc: Scenario, setup: GapMeshSetup, streams: StreamSet<RandomStream>): InterplanetaryMeshPhase {
    const p = gapMeshParamsOf(sc, setup);
    return new InterplanetaryMeshPhase(GapMesh.init(p, streams.get("interplanetary-mesh/earth"), streams.get("interplanetary-mesh/mars")));
  }

  /** One tick; on sample ticks the coherence metrics go into `metrics`. */
  step(input: GapTickInput, sample: boolean, metrics: Record<string, number>): void {
    const m = this.mesh.step(input);
    this.vetoes[0]! += m.vetoesEarth;
    this.vetoes[1]! += m.vetoesMars;
    if (!sample) return;
    this.vetoesTotal[0]! += this.vetoes[0]!;
    this.vetoesTotal[1]! += this.vetoes[1]!;
    metrics.coherenceEarth = m.coherenceEarth;
    metrics.coherenceMars = m.coherenceMars;
    // Before any state has crossed (the first light-time of the run) there is nothing to be coherent with: no figure.
    if (m.crossedEver) metrics.coherenceAcross = m.coherenceAcross;
    metrics.coherenceAcrossInstant = m.coherenceAcrossInstant;
    metrics.coherenceGlobal = m.coherenceGlobal;
    metrics.gapDirectionsCoupled = m.gapDirectionsCoupled;
    metrics.meshVetoesEarth = this.vetoes[0]!;
    metrics.meshVetoesMars = this.vetoes[1]!;
    metrics.meshVetoesEarthTotal = this.vetoesTotal[0]!;
    metrics.meshVetoesMarsTotal = this.vetoesTotal[1]!;
    this.vetoes = [0, 0];
    metrics.deltaEEarthMean = m.deltaEEarthMean;
    metrics.deltaEMarsMean = m.deltaEMarsMean;
  }

  snapshot(): StateValue {
    const s = this.mesh.snapshot();
    return { ...s, earth: { ...s.earth }, mars: { ...s.mars }, vetoes: [...this.vetoes], vetoesTotal: [...this.vetoesTotal] } as StateValue;
  }

  /** Restore from a checkpoint's saved value (read field by field; lengths checked). */
  restore(state: StateValue, path: string): void {
    const r = new StateReader(state, path);
    const { earth, mars } = this.mesh;
    const snap: GapMeshSnapshot = {
      timeS: r.num("timeS"), started: r.bool("started"),
      earth: readMeshSnapshot(r.obj("earth"), earth.params.nodes, earth.params.dim),
      mars: readMeshSnapshot(r.obj("mars"), mars.params.nodes, mars.params.dim),
      earthClockBaseS: r.typed("earthClockBaseS", Float64Array, earth.params.nodes),
      marsClockBaseS: r.typed("marsClockBaseS", Float64Array, mars.params.nodes),
      historyTimesS: r.typed("historyTimesS", Float64Array), historyEarth: r.typed("historyEarth", Float64Array), historyMars: r.typed("historyMars", Float64Array),
      historyHead: r.int("historyHead"), historyCount: r.int("historyCount"),
      historyEvictedS: r.num("historyEvictedS"), historyEvicted: r.bool("historyEvicted"), crossedEver: r.bool("crossedEver"),
    };
    const counts = (key: string): number[] => r.arr(key, 2).map((v, k) => {
      if (!Number.isSafeInteger(v) || (v as number) < 0) throw r.fail(`${path}.${key}[${k}]`, "a count ≥ 0", v);
      return v as number;
    });
    const vetoes = counts("vetoes");
    const vetoesTotal = counts("vetoesTotal");
    this.mesh.restore(snap);
    this.vetoes = vetoes;
    this.vetoesTotal = vetoesTotal;
  }
}

/** Median and minimum of a coherence series. */
export interface CoherenceSpread {
  readonly median: number;
  readonly min: number;
}

/** The run summary's `coherence`: each series' median and minimum over the samples, and the guardian's vetoes per shell. */
export interface CoherenceSummary {
  readonly earth: CoherenceSpread;
  readonly mars: CoherenceSpread;
  /** As the cross-gap coupling sees it (0 while the gap is closed). */
  readonly across: CoherenceSpread;
  /** Simultaneous Earth–Mars pairs (what no node can observe in time). */
  readonly acrossInstant: CoherenceSpread;
  readonly global: CoherenceSpread;
  /** Median ΔE the guardian saw on each shell at the start of a tick. */
  readonly deltaEMedian: { readonly earth: number; readonly mars: number };
  /** ODOS vetoes over the run (sampled ticks' running totals), per shell. */
  readonly vetoes: { readonly earth: number; readonly mars: number };
}

/** Median (nearest rank) and minimum of the finite values of `xs`; null when none. */
function spread(xs: readonly number[]): CoherenceSpread | null {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return { median: v[Math.min(v.length - 1, Math.floor(0.5 * v.length))]!, min: v[0]! };
}

/**
 * The summary from the recorded series (`series(name)`: the sample values of a metric, in time
 * order); null when the mesh did not run (no coherence series).
 */
export function coherenceSummary(series: (name: string) => readonly number[]): CoherenceSummary | null {
  const e = spread(series("coherenceEarth"));
  const m = spread(series("coherenceMars"));
  const a = spread(series("coherenceAcross"));
  const ai = spread(series("coherenceAcrossInstant"));
  const g = spread(series("coherenceGlobal"));
  if (!e || !m || !a || !ai || !g) return null;
  const last = (name: string) => series(name).at(-1) ?? 0;
  return {
    earth: e, mars: m, across: a, acrossInstant: ai, global: g,
    deltaEMedian: { earth: spread(series("deltaEEarthMean"))?.median ?? 0, mars: spread(series("deltaEMarsMean"))?.median ?? 0 },
    vetoes: { earth: last("meshVetoesEarthTotal"), mars: last("meshVetoesMarsTotal") },
  };
}
