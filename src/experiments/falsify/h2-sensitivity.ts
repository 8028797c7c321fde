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
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { InputError, PqmsError, requireInt } from "../../errors.js";
import { RandomStream } from "../../numeric/random/index.js";
import { constellationUmt, oscillatorFromAdev, runUmtRounds } from "../../model/umt/index.js";
import { startWorker } from "../../sim/executors/start-worker.js";
import type { SensitivityReply, SensitivityRequest } from "./h2-sensitivity-protocol.js";
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

/** What one point's test gives: the replicates' mean RCF̄, its 95 % CI, the one-sample p, the verdict. */
export interface SensitivitySummary {
  readonly rcfMean: number;
  readonly ci95: readonly [number, number];
  readonly pValue: number;
  readonly holds: boolean;
}

/** One point's test (a pure function of its arguments; the worker threads run this too). */
export function sensitivitySummary(setup: H2Setup, seeds: number, seed: number): SensitivitySummary {
  const x = h2Sample(setup, seeds, seed);
  return { rcfMean: x.ci.mean, ci95: [x.ci.lower, x.ci.upper], pValue: x.one.pValue, holds: x.holds };
}

/** A sweep laid out: its validated sizes and every setup in grid order. */
interface SensitivityPlan {
  readonly nodes: number;
  readonly seeds: number;
  readonly seed: number;
  readonly umtS: number;
  readonly couplings: readonly H2Coupling[];
  readonly setups: readonly H2Setup[];
  readonly keys: readonly string[];
}

function planSensitivity(o: SensitivityOptions): SensitivityPlan {
  const nodes = requireInt(o.nodes ?? SENSITIVITY_NODES_DEFAULT, "nodes", 3, 100_000);
  const seeds = requireInt(o.seeds ?? SENSITIVITY_SEEDS_DEFAULT, "seeds", 2, 1000, "a t-test needs at least 2 replicates");
  const seed = o.seed ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0) throw InputError.of("seed", "a non-negative safe integer", seed);
  const ratios = positiveList(o.kappaOverGamma ?? SENSITIVITY_KAPPA_OVER_GAMMA, "kappaOverGamma");
  if (o.residualsS !== undefined) positiveList(o.residualsS, "residualsS");
  const couplings = o.couplings ?? H2_COUPLINGS;
  const vetoes = o.vetoes ?? [true, false];
  const initials = o.initials ?? H2_INITIAL_STATES;
  const umtS = constellationResidualS(seed);
  const residuals = o.residualsS ?? [...SENSITIVITY_RESIDUALS_S, umtS].sort((a, b) => a - b);
  const total = residuals.length * ratios.length * couplings.length * vetoes.length * initials.length;
  if (total < 1 || total > SENSITIVITY_POINTS_MAX) throw InputError.of("sensitivity grid", `1 … ${SENSITIVITY_POINTS_MAX} points`, total);
  const setups: H2Setup[] = [];
  for (const clockResidualS of residuals) for (const kappaOverGamma of ratios) for (const coupling of couplings) for (const veto of vetoes) for (const initialState of initials) {
    setups.push({ ...H2_PAPER, nodes, clockResidualS, kappaOverGamma, coupling, veto, initialState });
  }
  return { nodes, seeds, seed, umtS, couplings, setups, keys: setups.map((s) => sensitivityKey(s, seeds, seed)) };
}

function pointOf(s: H2Setup, x: SensitivitySummary): SensitivityPoint {
  return {
    clockResidualS: s.clockResidualS, kappaOverGamma: s.kappaOverGamma, coupling: s.coupling, veto: s.veto, initial: s.initialState, nodes: s.nodes,
    rcfMean: x.rcfMean, ci95: x.ci95, pValue: x.pValue, holds: x.holds,
  };
}

/** The paper's stated parameters (N = 100) under each coupling reading. */
function paperSetups(plan: SensitivityPlan): H2Setup[] {
  return plan.couplings.map((coupling) => ({ ...H2_PAPER, coupling }));
}

function paperPoint(s: H2Setup, x: SensitivitySummary): PaperParametersPoint {
  return { coupling: s.coupling, rcfMean: x.rcfMean, ci95: x.ci95, holds: x.holds };
}

/** Run the sweep on this thread (points in grid order: residual slowest, then κ/γ, coupling, veto, initial state). */
export function runH2Sensitivity(o: SensitivityOptions = {}): SensitivityResult {
  const plan = planSensitivity(o);
  const total = plan.setups.length;
  const points: SensitivityPoint[] = [];
  let resumed = 0;
  plan.setups.forEach((setup, i) => {
    const key = plan.keys[i]!;
    const old = o.done?.get(key);
    if (old !== undefined) {
      points.push(old);
      resumed++;
      return;
    }
    const p = pointOf(setup, sensitivitySummary(setup, plan.seeds, plan.seed));
    points.push(p);
    o.onPoint?.(p, key, i, total);
  });
  const paperParameters = paperSetups(plan).map((s) => paperPoint(s, sensitivitySummary(s, plan.seeds, plan.seed)));
  return { points, paperParameters, constellationResidualS: plan.umtS, seeds: plan.seeds, seed: plan.seed, nodes: plan.nodes, resumed };
}

/** Most worker threads one sweep starts. */
export const SENSITIVITY_THREADS_MAX = 64;

/** Default thread count: the cores this process may use, at most SENSITIVITY_THREADS_MAX. */
export function defaultSensitivityThreads(): number {
  return Math.max(1, Math.min(SENSITIVITY_THREADS_MAX, availableParallelism()));
}

/**
 * Run the sweep on `threads` worker threads: the points not in `done` (and the paper's parameters)
 * are dealt to the first idle thread, each finished point goes to `onPoint` as it arrives (so an
 * interrupted sweep resumes from what was stored), and the result lists the points in grid order
 * whatever order they finished in, so it is the same for any thread count (and equals
 * `runH2Sensitivity`). With one thread, or nothing left to run, no thread is started.
 */
export async function runH2SensitivityParallel(o: SensitivityOptions & { readonly threads?: number } = {}): Promise<SensitivityResult> {
  const threads = o.threads ?? defaultSensitivityThreads();
  if (!Number.isInteger(threads) || threads < 1 || threads > SENSITIVITY_THREADS_MAX) {
    throw InputError.of("threads", `an integer in [1, ${SENSITIVITY_THREADS_MAX}]`, threads);
  }
  const plan = planSensitivity(o);
  const total = plan.setups.length;
  const paper = paperSetups(plan);
  const points: (SensitivityPoint | undefined)[] = plan.keys.map((k) => o.done?.get(k));
  const resumed = points.filter((p) => p !== undefined).length;
  // Tasks: the grid points still to run, then the paper's parameters (index total + c).
  const todo: number[] = [];
  points.forEach((p, i) => { if (p === undefined) todo.push(i); });
  paper.forEach((_, c) => todo.push(total + c));
  const paperOut: (PaperParametersPoint | undefined)[] = paper.map(() => undefined);
  const setupOf = (t: number): H2Setup => (t < total ? plan.setups[t]! : paper[t - total]!);
  const finish = (t: number, x: SensitivitySummary): void => {
    if (t >= total) {
      paperOut[t - total] = paperPoint(paper[t - total]!, x);
      return;
    }
    const p = pointOf(plan.setups[t]!, x);
    points[t] = p;
    o.onPoint?.(p, plan.keys[t]!, t, total);
  };
  const t = Math.min(threads, todo.length);
  if (t <= 1) {
    for (const task of todo) finish(task, sensitivitySummary(setupOf(task), plan.seeds, plan.seed));
  } else {
    await dealToWorkers(todo, t, (task) => ({ task, setup: setupOf(task), seeds: plan.seeds, seed: plan.seed }), finish);
  }
  return {
    points: points.map((p) => p!), paperParameters: paperOut.map((p) => p!),
    constellationResidualS: plan.umtS, seeds: plan.seeds, seed: plan.seed, nodes: plan.nodes, resumed,
  };
}

/** Hand `tasks` to `threads` workers, one at a time each, until all are answered; the first failure stops them all. */
async function dealToWorkers(
  tasks: readonly number[], threads: number, request: (task: number) => SensitivityRequest, finish: (task: number, x: SensitivitySummary) => void,
): Promise<void> {
  const workers: Worker[] = [];
  let next = 0;
  try {
    await new Promise<void>((resolveAll, rejectAll) => {
      let answered = 0;
      let failed = false;
      const fail = (e: unknown): void => {
        if (failed) return;
        failed = true;
        rejectAll(e instanceof Error ? e : new Error(String(e)));
      };
      const give = (w: Worker): void => {
        if (next < tasks.length) w.postMessage(request(tasks[next++]!));
      };
      for (let i = 0; i < threads; i++) {
        const w = startWorker(import.meta.url, "./h2-sensitivity-worker", null);
        workers.push(w);
        w.on("message", (r: SensitivityReply) => {
          if (failed) return;
          if (!r.ok) return fail(new PqmsError(`H2 sensitivity point ${r.task} failed: ${r.message}`, "E_RUN", 3));
          try {
            finish(r.task, r.summary);
          } catch (e) {
            return fail(e);
          }
          if (++answered === tasks.length) return resolveAll();
          give(w);
        });
        w.on("error", fail);
        w.on("exit", (code) => { if (answered < tasks.length) fail(new PqmsError(`an H2 sensitivity worker thread stopped (exit ${code}) before the sweep ended`, "E_RUN", 3)); });
        give(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
