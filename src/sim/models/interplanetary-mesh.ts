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
  private constructor(readonly mesh: GapMesh) {}

  /** Draw both shells: Earth from stream "interplanetary-mesh/earth", Mars from ".../mars". */
  static init(sc: Scenario, setup: GapMeshSetup, streams: StreamSet<RandomStream>): InterplanetaryMeshPhase {
    const p = gapMeshParamsOf(sc, setup);
    return new InterplanetaryMeshPhase(GapMesh.init(p, streams.get("interplanetary-mesh/earth"), streams.get("interplanetary-mesh/mars")));
  }

  /** One tick; on sample ticks the coherence metrics go into `metrics`. */
  step(input: GapTickInput, sample: boolean, metrics: Record<string, number>): void {
    const m = this.mesh.step(input);
    if (!sample) return;
    metrics.coherenceEarth = m.coherenceEarth;
    metrics.coherenceMars = m.coherenceMars;
    metrics.coherenceAcross = m.coherenceAcross;
    metrics.coherenceAcrossInstant = m.coherenceAcrossInstant;
    metrics.coherenceGlobal = m.coherenceGlobal;
    metrics.gapDirectionsCoupled = m.gapDirectionsCoupled;
    metrics.meshVetoesEarth = m.vetoesEarth;
    metrics.meshVetoesMars = m.vetoesMars;
    metrics.deltaEEarthMean = m.deltaEEarthMean;
    metrics.deltaEMarsMean = m.deltaEMarsMean;
  }

  snapshot(): StateValue {
    const s = this.mesh.snapshot();
    return { ...s, earth: { ...s.earth }, mars: { ...s.mars } } as StateValue;
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
      historyEvictedS: r.num("historyEvictedS"), historyEvicted: r.bool("historyEvicted"),
    };
    this.mesh.restore(snap);
  }
}

/** The run summary's `coherence`: median and minimum of each coherence series over the samples. */
export interface CoherenceSummary {
  readonly earth: { readonly median: number; readonly min: number };
  readonly mars: { readonly median: number; readonly min: number };
  readonly across: { readonly median: number; readonly min: number };
  readonly global: { readonly median: number; readonly min: number };
}

/** Median (nearest rank) and minimum of the finite values of `xs`; NaN-free: null when none. */
function medianMin(xs: readonly number[]): { median: number; min: number } | null {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return { median: v[Math.min(v.length - 1, Math.floor(0.5 * v.length))]!, min: v[0]! };
}

/** The summary from the recorded series (each an array of sample values); null when the mesh did not run. */
export function coherenceSummary(series: Readonly<Record<string, readonly number[] | undefined>>): CoherenceSummary | null {
  const e = medianMin(series.coherenceEarth ?? []);
  const m = medianMin(series.coherenceMars ?? []);
  const a = medianMin(series.coherenceAcross ?? []);
  const g = medianMin(series.coherenceGlobal ?? []);
  if (!e || !m || !a || !g) return null;
  return { earth: e, mars: m, across: a, global: g };
}
