/**
 * Are `mesh.substeps` coupling steps per 1 ns tick physically needed, or could a stable integrator
 * take the tick in one step? An accuracy study on the planetary scenario's mesh (clusters of 150,
 * ring degree 4 and backbone degree 6, d = 12, κ = 10⁹ s⁻¹, γ = 10⁶ s⁻¹, starts around ODOS with
 * 10 fs clock errors): the stationary neighbour decoherence 1 − RCF_nb and ⟨ΔE⟩ (means over the
 * second half of the run) against the step, the anchor being the same mesh at the finest step.
 *
 * Rows: `ResonanceMesh` (explicit coupling step, the dephasing kicks of each step before it) at
 * 7 … 100 sub-steps per ns (6 is the stability limit at degree 6); and an exponential integrator for the coupling, exp(−κΔt·L_u) by a
 * Chebyshev series (L_u the phase-aligned graph Laplacian, frozen over the step; stable for any
 * Δt), one step per ns. The fast neighbour-difference modes relax in 1/(κ·degree) ≈ 0.2 ns while
 * the kicks arrive all through the tick, so one kick per ns followed by an exact relaxation
 * leaves them far too quiet: accuracy needs the sub-steps, not stability alone.
 *
 * Run: npx tsx bench/mesh-substeps.ts [--nodes 1500] [--ns 30]
 */
import { RandomStream } from "../src/numeric/random/stream.js";
import { ResonanceMesh } from "../src/model/resonance/mesh.js";
import type { Neighbours } from "../src/model/resonance/topology.js";
import { numberArg as arg } from "./lib.js";

const N = arg("--nodes", 1500);
const NS = arg("--ns", 30);
const D = 12;
const KAPPA = 1e9;
const GAMMA = 1e6;
const TICK_S = 1e-9;

interface Stationary { decoherence: number; deltaE: number; wallS: number }

function mesh(): ResonanceMesh {
  return ResonanceMesh.init({ nodes: N, dim: D, topology: "clusters", clusterSize: 150, degree: 4, gammaPerS: GAMMA, kappaPerS: KAPPA }, RandomStream.fromSeed(42, "mesh"));
}

/** The product's mesh at `substeps` explicit steps per ns. */
function explicit(substeps: number): Stationary {
  const m = mesh();
  const t0 = performance.now();
  let dec = 0;
  let de = 0;
  let n = 0;
  for (let t = 1; t <= NS; t++) {
    let last;
    for (let s = 0; s < substeps; s++) last = m.step(TICK_S / substeps, s === substeps - 1);
    if (t > NS / 2) {
      dec += 1 - last!.metrics.rcfNeighbourMean;
      de += last!.metrics.deltaEMean;
      n++;
    }
  }
  return { decoherence: dec / n, deltaE: de / n, wallS: (performance.now() - t0) / 1e3 };
}

/** e^{−z} I_k(z) (modified Bessel function of the first kind, scaled), by its series. */
function besselScaled(k: number, z: number): number {
  let term = Math.exp(-z);
  for (let j = 1; j <= k; j++) term *= z / 2 / j;
  let sum = 0;
  for (let m = 0; m < 500 && term > 1e-300; m++) {
    sum += term;
    term *= (z / 2) ** 2 / ((m + 1) * (m + 1 + k));
    if (term < 1e-17 * sum) break;
  }
  return sum;
}

/** y = −L_u x: Σ_j u_ij x_j − deg_i x_i, u_ij the unit phase factors on the edges. */
function minusLaplacian(nb: Neighbours, ur: Float64Array, ui: Float64Array, x: Float64Array, y: Float64Array): void {
  const d2 = 2 * D;
  for (let i = 0; i < N; i++) {
    const o = i * d2;
    const deg = nb.rowPtr[i + 1]! - nb.rowPtr[i]!;
    for (let q = 0; q < d2; q++) y[o + q] = -deg * x[o + q]!;
    for (let p = nb.rowPtr[i]!; p < nb.rowPtr[i + 1]!; p++) {
      const oj = nb.colIdx[p]! * d2;
      for (let q = 0; q < d2; q += 2) {
        y[o + q] = y[o + q]! + ur[p]! * x[oj + q]! - ui[p]! * x[oj + q + 1]!;
        y[o + q + 1] = y[o + q + 1]! + ur[p]! * x[oj + q + 1]! + ui[p]! * x[oj + q]!;
      }
    }
  }
}

/** One exponential step of Δt = 1 ns per tick on the same mesh's states, phases and kicks. */
function exponential(): Stationary {
  const m = mesh();
  const nb = m.neighbours;
  const s = m.nodeStates.data;
  const rng = RandomStream.fromSeed(7, "kicks");
  const d2 = 2 * D;
  let degMax = 0;
  for (let i = 0; i < N; i++) degMax = Math.max(degMax, nb.rowPtr[i + 1]! - nb.rowPtr[i]!);
  // Spectrum of κΔt·L_u in [0, X], X = 2κΔt·deg_max; Chebyshev series of e^{−x} there to 1e-10.
  const z = KAPPA * TICK_S * degMax;
  const coef: number[] = [];
  for (let k = 0; k < 200; k++) {
    coef.push((k === 0 ? 1 : 2) * (k % 2 === 0 ? 1 : -1) * besselScaled(k, z));
    if (k > 2 && Math.abs(coef[k]!) < 1e-10) break;
  }
  const omega = m.buffers.omegaRadS;
  const tau = m.buffers.clockErrorS;
  const len = N * d2;
  const ur = new Float64Array(nb.colIdx.length);
  const ui = new Float64Array(nb.colIdx.length);
  let t0v = new Float64Array(len);
  let t1v = new Float64Array(len);
  let t2v = new Float64Array(len);
  const y = new Float64Array(len);
  const acc = new Float64Array(len);
  // A = (2/X)·κΔt·L_u − 1 = −(1/z)·(−L_u)·κΔt − 1 maps the spectrum onto [−1, 1].
  const applyA = (x: Float64Array, out: Float64Array) => {
    minusLaplacian(nb, ur, ui, x, y);
    const a = -(KAPPA * TICK_S) / z;
    for (let q = 0; q < len; q++) out[q] = a * y[q]! - x[q]!;
  };
  const t0 = performance.now();
  let dec = 0;
  let de = 0;
  let n = 0;
  const sigma = Math.sqrt(GAMMA * TICK_S);
  for (let t = 1; t <= NS; t++) {
    // Phases: the clock reference (first tick only: static clock errors) and one dephasing kick.
    for (let i = 0; i < N; i++) {
      for (let k = 0; k < D; k++) {
        const phi = (t === 1 ? -omega[k]! * tau[i]! : 0) + sigma * rng.normal();
        const c = Math.cos(phi);
        const sn = Math.sin(phi);
        const o = i * d2 + 2 * k;
        const re = s[o]!;
        const im = s[o + 1]!;
        s[o] = c * re - sn * im;
        s[o + 1] = c * im + sn * re;
      }
    }
    for (let i = 0; i < N; i++) {
      for (let p = nb.rowPtr[i]!; p < nb.rowPtr[i + 1]!; p++) {
        const oj = nb.colIdx[p]! * d2;
        let re = 0;
        let im = 0;
        for (let q = 0; q < d2; q += 2) {
          re += s[oj + q]! * s[i * d2 + q]! + s[oj + q + 1]! * s[i * d2 + q + 1]!;
          im += s[oj + q]! * s[i * d2 + q + 1]! - s[oj + q + 1]! * s[i * d2 + q]!;
        }
        const a = Math.sqrt(re * re + im * im);
        ur[p] = a > 0 ? re / a : 1;
        ui[p] = a > 0 ? im / a : 0;
      }
    }
    t0v.set(s);
    for (let q = 0; q < len; q++) acc[q] = coef[0]! * t0v[q]!;
    applyA(t0v, t1v);
    for (let q = 0; q < len; q++) acc[q] = acc[q]! + coef[1]! * t1v[q]!;
    for (let k = 2; k < coef.length; k++) {
      applyA(t1v, t2v);
      for (let q = 0; q < len; q++) {
        t2v[q] = 2 * t2v[q]! - t0v[q]!;
        acc[q] = acc[q]! + coef[k]! * t2v[q]!;
      }
      [t0v, t1v, t2v] = [t1v, t2v, t0v];
    }
    s.set(acc);
    for (let i = 0; i < N; i++) {
      let n2 = 0;
      for (let q = i * d2; q < (i + 1) * d2; q++) n2 += s[q]! * s[q]!;
      const f = 1 / Math.sqrt(n2);
      for (let q = i * d2; q < (i + 1) * d2; q++) s[q] = s[q]! * f;
    }
    if (t > NS / 2) {
      let r = 0;
      let e = 0;
      let deSum = 0;
      for (let i = 0; i < N; i++) {
        for (let p = nb.rowPtr[i]!; p < nb.rowPtr[i + 1]!; p++) {
          const j = nb.colIdx[p]!;
          if (j <= i) continue;
          let re = 0;
          let im = 0;
          for (let q = 0; q < d2; q += 2) {
            re += s[i * d2 + q]! * s[j * d2 + q]! + s[i * d2 + q + 1]! * s[j * d2 + q + 1]!;
            im += s[i * d2 + q]! * s[j * d2 + q + 1]! - s[i * d2 + q + 1]! * s[j * d2 + q]!;
          }
          r += re * re + im * im;
          e++;
        }
        let sr = 0;
        let si = 0;
        for (let k = 0; k < D; k++) {
          sr += s[i * d2 + 2 * k]!;
          si += s[i * d2 + 2 * k + 1]!;
        }
        deSum += 1 - (sr * sr + si * si) / D;
      }
      dec += 1 - r / e;
      de += deSum / N;
      n++;
    }
  }
  return { decoherence: dec / n, deltaE: de / n, wallS: (performance.now() - t0) / 1e3 };
}

const steps = [7, 10, 20, 40, 100];
const rows = steps.map((s) => ({ name: `explicit, ${s} sub-steps per ns`, ...explicit(s) }));
const ref = rows[rows.length - 1]!;
rows.push({ name: "exponential (Chebyshev), 1 step per ns", ...exponential() });
console.log(`Coupling step and accuracy: N = ${N}, d = ${D}, clusters of 150, κ = ${KAPPA} /s, γ = ${GAMMA} /s, ${NS} ns, means over the last ${NS / 2} ns`);
console.log(`  anchor: the same mesh at ${steps[steps.length - 1]} sub-steps per ns`);
for (const r of rows) {
  console.log(`  ${r.name.padEnd(42)} 1 − RCF_nb ${r.decoherence.toExponential(3)} (× ${(r.decoherence / ref.decoherence).toFixed(2)} the anchor's)   ⟨ΔE⟩ ${r.deltaE.toExponential(3)} (× ${(r.deltaE / ref.deltaE).toFixed(2)})   ${r.wallS.toFixed(1)} s`);
}
