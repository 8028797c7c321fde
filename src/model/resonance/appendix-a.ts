/**
 * The paper's Appendix A simulator (`v3000_simulator.py`), replicated literally as a pure state
 * machine ("paper mode"). Every quirk of the Python is kept, because the point is to reproduce
 * its numbers exactly and then explain them:
 *
 * - initial states: `random_ket(DIM)` per node, i.e. `randn(d)` real parts then `randn(d)`
 *   imaginary parts, normalised;
 * - per step t = step·DT: `U = diag(exp(2πi·UMT_DRIFT·t·k))` is applied to copies of the states
 *   (`corrected_states`); the stored states are never rotated;
 * - RCF is averaged over the subsample i ∈ range(0, N, 100), j ∈ range(i+1, N, 100) (so j runs
 *   over i+1, i+101, …: 55 pairs at N = 1000);
 * - ΔE = 1 − |⟨ψ|ODOS⟩|² of each corrected state, ODOS = (1,…,1)/√d;
 * - veto loop: EVERY node with ΔE > 0.05 counts one veto and is re-seeded with
 *   `random_ket(DIM) * 0.1` (norm 0.1, not normalised);
 * - Python's `for … else`: the loop never `break`s, so its `else` (the "normal evolution" random
 *   walk ψ ← (ψ + 0.001·(randn(d) + i·randn(d)))/‖…‖ for all nodes) runs on every step, after the
 *   vetoes, for every node including the ones just re-seeded.
 *
 * Randomness comes only from the passed-in numpy-compatible generator, drawn in the Python's order.
 */
import { assert } from "../../errors.js";
import { checkPopulation } from "./node-states.js";
import { deltaENode, DELTA_E_THRESHOLD } from "./odos.js";
import { rcfPair } from "./rcf.js";

/** Appendix A's `UMT_DRIFT` (relative clock drift, "10 fs"). */
export const APPENDIX_A_UMT_DRIFT = 1e-14;
/** Appendix A's `DT`, s (1 ps). */
export const APPENDIX_A_DT_S = 1e-12;
/** Appendix A's `T_MAX`, s: T_MAX/DT = 10^12 steps. */
export const APPENDIX_A_T_MAX_S = 1.0;
/** Appendix A's subsampling stride of the RCF loop (`range(0, NUM_NODES, 100)`). */
export const APPENDIX_A_RCF_STRIDE = 100;
/** Appendix A's random-walk amplitude (`0.001 * noise`). */
export const APPENDIX_A_WALK = 0.001;
/** Appendix A's re-seed scale after a veto (`random_ket(DIM) * 0.1`). */
export const APPENDIX_A_RESEED_SCALE = 0.1;

/** A source of standard normal draws in numpy's legacy `randn` order (e.g. `NumpyRandomState`). */
export interface NormalSource {
  /** Fill `out` with consecutive standard normal draws, as `np.random.randn(out.length)` would. */
  randnInto(out: Float64Array): unknown;
}

/** What one step of the Appendix A loop produced. */
export interface AppendixAStep {
  /** `avg_rcf`: mean RCF over the subsampled pairs. */
  readonly avgRcf: number;
  /** `avg_delta_e`: mean ΔE over all nodes (before the veto). */
  readonly avgDeltaE: number;
  /** Vetoes counted in this step. */
  readonly vetoes: number;
}

/** The Appendix A loop as a state machine: construct (draws the initial states), then `step()`. */
export class AppendixASimulator {
  readonly nodes: number;
  readonly dim: number;
  /** The stored states (`states` in the Python), interleaved re/im, node-major. */
  readonly states: Float64Array;
  private readonly corrected: Float64Array;
  private readonly deltaE: Float64Array;
  private readonly noise: Float64Array;
  private readonly phaseRe: Float64Array;
  private readonly phaseIm: Float64Array;
  private readonly rng: NormalSource;
  private stepIndex = 0;

  constructor(nodes: number, dim: number, rng: NormalSource) {
    checkPopulation(nodes, dim, "appendixA");
    this.nodes = nodes;
    this.dim = dim;
    this.rng = rng;
    this.states = new Float64Array(2 * nodes * dim);
    this.corrected = new Float64Array(2 * nodes * dim);
    this.deltaE = new Float64Array(nodes);
    // Room for one step's draws: up to N re-seeds then N random-walk kicks, 2d normals each.
    this.noise = new Float64Array(4 * nodes * dim);
    this.phaseRe = new Float64Array(dim);
    this.phaseIm = new Float64Array(dim);
    for (let i = 0; i < nodes; i++) this.randomKetInto(i, 1);
  }

  /** Steps taken so far. */
  get steps(): number {
    return this.stepIndex;
  }

  /** One pass of the Python's main loop body at t = step·DT. */
  step(): AppendixAStep {
    const t = this.stepIndex * APPENDIX_A_DT_S;
    this.applyUmt(t);
    const avgRcf = this.subsampledRcf();
    const avgDeltaE = this.computeDeltaE();
    // One bulk draw per step in the Python's order: the re-seeds (node order), then the walk.
    const vetoes = this.countVetoes();
    const d2 = 2 * this.dim;
    const draws = this.noise.subarray(0, (vetoes + this.nodes) * d2);
    this.rng.randnInto(draws);
    this.reseed(draws);
    this.randomWalk(draws, vetoes * d2);
    this.stepIndex++;
    return { avgRcf, avgDeltaE, vetoes };
  }

  /** `random_ket(DIM)` into node i (construction): randn(d) real parts, then randn(d) imaginary parts. */
  private randomKetInto(i: number, scale: number): void {
    const buf = this.noise.subarray(0, 2 * this.dim);
    this.rng.randnInto(buf);
    this.ketFrom(buf, 0, i, scale);
  }

  /** Node i ← (normalised ket of the 2d draws at `z[at…]`: d real parts then d imaginary) · scale. */
  private ketFrom(z: Float64Array, at: number, i: number, scale: number): void {
    const d = this.dim;
    const s = this.states;
    const o = 2 * i * d;
    // Interleave and sum |ψ_k|² in normaliseNode's order (re_0, im_0, re_1, …) in one pass.
    let sq = 0;
    for (let k = 0; k < d; k++) {
      const re = z[at + k]!;
      const im = z[at + d + k]!;
      s[o + 2 * k] = re;
      s[o + 2 * k + 1] = im;
      sq += re * re;
      sq += im * im;
    }
    const norm = Math.sqrt(sq);
    // (x / ‖x‖) · scale, the Python's order of operations.
    for (let k = o; k < o + 2 * d; k++) s[k] = (s[k]! / norm) * scale;
  }

  /** corrected_states = [U_umt @ s for s in states], U_umt = diag(exp(2πi·UMT_DRIFT·t·k)). */
  private applyUmt(t: number): void {
    const d = this.dim;
    // Same association as the Python: ((2πi · UMT_DRIFT) · t) · k.
    const w = 2 * Math.PI * APPENDIX_A_UMT_DRIFT * t;
    for (let k = 0; k < d; k++) {
      const x = w * k;
      this.phaseRe[k] = Math.cos(x);
      this.phaseIm[k] = Math.sin(x);
    }
    const s = this.states;
    const c = this.corrected;
    const pr = this.phaseRe;
    const pi = this.phaseIm;
    for (let i = 0; i < this.nodes; i++) {
      const o = 2 * i * d;
      for (let k = 0; k < d; k++) {
        const re = s[o + 2 * k]!;
        const im = s[o + 2 * k + 1]!;
        const ur = pr[k]!;
        const ui = pi[k]!;
        c[o + 2 * k] = ur * re - ui * im;
        c[o + 2 * k + 1] = ur * im + ui * re;
      }
    }
  }

  /** mean of rcf(corrected[i], corrected[j]) for i in range(0,N,100), j in range(i+1,N,100). */
  private subsampledRcf(): number {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < this.nodes; i += APPENDIX_A_RCF_STRIDE) {
      for (let j = i + 1; j < this.nodes; j += APPENDIX_A_RCF_STRIDE) {
        sum += rcfPair(this.corrected, this.dim, i, j);
        count++;
      }
    }
    assert(count > 0, "Appendix A needs N ≥ 2 for at least one RCF pair");
    return sum / count;
  }

  private computeDeltaE(): number {
    let sum = 0;
    for (let i = 0; i < this.nodes; i++) {
      const de = deltaENode(this.corrected, this.dim, i);
      this.deltaE[i] = de;
      sum += de;
    }
    return sum / this.nodes;
  }

  /** Vetoes this step: every node with ΔE > 0.05 (the loop never breaks). */
  private countVetoes(): number {
    let vetoes = 0;
    for (let i = 0; i < this.nodes; i++) if (this.deltaE[i]! > DELTA_E_THRESHOLD) vetoes++;
    return vetoes;
  }

  /** Every vetoed node, in node order, ← random_ket(DIM)·0.1 from the next 2d draws. */
  private reseed(z: Float64Array): void {
    const d2 = 2 * this.dim;
    let at = 0;
    for (let i = 0; i < this.nodes; i++) {
      if (this.deltaE[i]! > DELTA_E_THRESHOLD) {
        this.ketFrom(z, at, i, APPENDIX_A_RESEED_SCALE);
        at += d2;
      }
    }
  }

  /** The `for … else` branch: ψ_i ← (ψ_i + 0.001·noise)/‖…‖ for every node, in node order. */
  private randomWalk(z: Float64Array, at: number): void {
    const d = this.dim;
    const s = this.states;
    for (let i = 0; i < this.nodes; i++) {
      const o = 2 * i * d;
      const zo = at + o;
      // noise = randn(d) + 1j*randn(d): this node's 2d draws are d real parts then d imaginary.
      let sq = 0;
      for (let k = 0; k < d; k++) {
        const re = s[o + 2 * k]! + APPENDIX_A_WALK * z[zo + k]!;
        const im = s[o + 2 * k + 1]! + APPENDIX_A_WALK * z[zo + d + k]!;
        s[o + 2 * k] = re;
        s[o + 2 * k + 1] = im;
        sq += re * re;
        sq += im * im;
      }
      // ψ / ‖ψ‖ with the sum taken in normaliseNode's order (re_0, im_0, re_1, …).
      const norm = Math.sqrt(sq);
      for (let k = o; k < o + 2 * d; k++) s[k] = s[k]! / norm;
    }
  }
}
