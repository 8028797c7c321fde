/**
 * H2's sensitivity (§6.2): the same test as `runH2` over a grid of what it hangs on — the UMT
 * residual (10 fs … 1 ns, plus what our UMT model of a 100-satellite shell reaches after a sync
 * round), κ/γ (1 … 10⁴), the coupling reading, the veto on and off, and the initial states
 * (ODOS + noise, Haar-random). A point holds when RCF̄ > 0.995 at p < 0.01 (one-sample t against
 * 0.995 and Welch against the null of uncorrelated phases, as in `runH2`). `paperParameters`
 * gives the paper's stated parameters at N = 100 under each coupling reading.
 *
 * Every point is a pure function of (its setup, seeds, seed): points already computed (from an
 * earlier, interrupted sweep) are passed in `done` and skipped, so a sweep resumes where it stopped
 * and ends with the same numbers.
 */
import { InputError, requireInt } from "../../errors.js";
import { RandomStream } from "../../numeric/random/index.js";
import { constellationUmt, oscillatorFromAdev, runUmtRounds } from "../../model/umt/index.js";
import { H2_COUPLINGS, H2_INITIAL_STATES, H2_NODES, H2_PAPER, h2Sample, type H2Coupling, type H2InitialState, type H2Setup } from "./h2.js";

/** One point of the sweep (the `--json` shape). */
export interface SensitivityPoint {
  readonly clockResidualS: number;
  readonly kappaOverGamma: number;
  readonly coupling: H2Coupling;
  readonly veto: boolean;
  readonly initial: H2InitialState;
  readonly nodes: number;
  readonly rcfMean: number;
  readonly ci95: readonly [number, number];
  readonly pValue: number;
  readonly holds: boolean;
}

export interface PaperParametersPoint {
  readonly coupling: H2Coupling;
  readonly rcfMean: number;
  readonly ci95: readonly [number, number];
  readonly holds: boolean;
}

export interface SensitivityResult {
  readonly points: readonly SensitivityPoint[];
  readonly paperParameters: readonly PaperParametersPoint[];
  /** RMS residual our UMT model (model/umt) reaches on a 100-satellite shell just after a sync round, s. */
  readonly constellationResidualS: number;
  readonly seeds: number;
  readonly seed: number;
  readonly nodes: number;
  /** How many points were taken from `done` instead of run. */
  readonly resumed: number;
}

export interface SensitivityOptions {
  /** Nodes per point (default 30: a small N keeps the default sweep short; §6.2's 100 with --nodes 100). */
  readonly nodes?: number;
  /** Replicates per point (default 3). */
  readonly seeds?: number;
  readonly seed?: number;
  readonly residualsS?: readonly number[];
  readonly kappaOverGamma?: readonly number[];
  readonly couplings?: readonly H2Coupling[];
  readonly vetoes?: readonly boolean[];
  readonly initials?: readonly H2InitialState[];
  /** Points already computed, by `sensitivityKey`. */
  readonly done?: ReadonlyMap<string, SensitivityPoint>;
  /** Told each point as soon as it is computed (to store it). */
  readonly onPoint?: (p: SensitivityPoint, key: string, index: number, total: number) => void;
}

export const SENSITIVITY_RESIDUALS_S: readonly number[] = [10e-15, 100e-15, 1e-12, 100e-12, 1e-9];
export const SENSITIVITY_KAPPA_OVER_GAMMA: readonly number[] = [1, 10, 100, 1e3, 1e4];
export const SENSITIVITY_NODES_DEFAULT = 30;
export const SENSITIVITY_SEEDS_DEFAULT = 3;
/** Most points one sweep may ask for. */
export const SENSITIVITY_POINTS_MAX = 20_000;

/**
 * The RMS clock residual our UMT model reaches on a Walker shell of 100 satellites (10 planes,
 * 550 km, 53°; CSAC clocks, 1 s two-way sync rounds over the +Grid ISLs, 1 ps timestamps, 2 cm
 * ephemeris error; the scenario defaults), just after the 20th round: the best case of the hold-over.
 */
export function constellationResidualS(seed: number): number {
  const net = constellationUmt({
    shell: { total: H2_NODES, planes: 10, phasing: 1, inclinationDeg: 53, altitudeKm: 550 },
    epoch: new Date("2026-02-21T00:00:00Z"), // wall-clock-ok: a fixed epoch, parsed
    oscillator: oscillatorFromAdev(3e-10, 1, 1e-11, 1000, 5e-11, 9e-10),
    sync: { syncIntervalS: 1, timestampJitterS: 1e-12, turnaroundS: 1e-6, frequencyGain: 0.5, lightTimeCompensation: true },
    ephemerisErrorM: 0.02,
  }, RandomStream.fromSeed(seed, "falsify", "h2", "umt"));
  return runUmtRounds(net, 20).after.rms;
}

/** The identity of a point's result: its setup, replicates and seed. */
export function sensitivityKey(s: H2Setup, seeds: number, seed: number): string {
  return JSON.stringify([s.nodes, s.clockResidualS, s.kappaOverGamma, s.kappaPerS, s.coupling, s.veto, s.initialState, seeds, seed]);
}

function positiveList(xs: readonly number[], path: string): readonly number[] {
  if (xs.length === 0) throw InputError.of(path, "at least one value", xs);
  xs.forEach((x, i) => { if (!Number.isFinite(x) || x <= 0) throw InputError.of(`${path}[${i}]`, "a finite number > 0", x); });
  return xs;
}

/** Run the sweep (points in grid order: residual slowest, then κ/γ, coupling, veto, initial state). */
export function runH2Sensitivity(o: SensitivityOptions = {}): SensitivityResult {
  const nodes = requireInt(o.nodes ?? SENSITIVITY_NODES_DEFAULT, "nodes", 3, 100_000);
  const seeds = requireInt(o.seeds ?? SENSITIVITY_SEEDS_DEFAULT, "seeds", 2, 1000, "a t-test needs at least 2 replicates");
  const seed = o.seed ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0) throw InputError.of("seed", "a non-negative safe integer", seed);
  const umtS = constellationResidualS(seed);
  const residuals = positiveList(o.residualsS ?? [...SENSITIVITY_RESIDUALS_S, umtS].sort((a, b) => a - b), "residualsS");
  const ratios = positiveList(o.kappaOverGamma ?? SENSITIVITY_KAPPA_OVER_GAMMA, "kappaOverGamma");
  const couplings = o.couplings ?? H2_COUPLINGS;
  const vetoes = o.vetoes ?? [true, false];
  const initials = o.initials ?? H2_INITIAL_STATES;
  const total = residuals.length * ratios.length * couplings.length * vetoes.length * initials.length;
  if (total < 1 || total > SENSITIVITY_POINTS_MAX) throw InputError.of("sensitivity grid", `1 … ${SENSITIVITY_POINTS_MAX} points`, total);
  const points: SensitivityPoint[] = [];
  let resumed = 0;
  for (const clockResidualS of residuals) for (const kappaOverGamma of ratios) for (const coupling of couplings) for (const veto of vetoes) for (const initial of initials) {
    const setup: H2Setup = { ...H2_PAPER, nodes, clockResidualS, kappaOverGamma, coupling, veto, initialState: initial };
    const key = sensitivityKey(setup, seeds, seed);
    const old = o.done?.get(key);
    if (old !== undefined) {
      points.push(old);
      resumed++;
      continue;
    }
    const x = h2Sample(setup, seeds, seed);
    const p: SensitivityPoint = {
      clockResidualS, kappaOverGamma, coupling, veto, initial, nodes,
      rcfMean: x.ci.mean, ci95: [x.ci.lower, x.ci.upper], pValue: x.one.pValue, holds: x.holds,
    };
    points.push(p);
    o.onPoint?.(p, key, points.length - 1, total);
  }
  const paperParameters = couplings.map((coupling) => {
    const x = h2Sample({ ...H2_PAPER, coupling }, seeds, seed);
    return { coupling, rcfMean: x.ci.mean, ci95: [x.ci.lower, x.ci.upper] as const, holds: x.holds };
  });
  return { points, paperParameters, constellationResidualS: umtS, seeds, seed, nodes, resumed };
}
