/**
 * State metrics with QuTiP's conventions: fidelity, the paper's RCF, von Neumann entropy,
 * purity and trace distance.
 */
import { DimensionError, InputError, requireFinite } from "../errors.js";
import { Qobj } from "./qobj.js";
import { eighDense } from "./linalg.js";
import { ket2dm } from "./states.js";

function requireState(q: Qobj, path: string): void {
  if (!(q instanceof Qobj) || (q.type !== "ket" && q.type !== "oper")) {
    throw InputError.of(path, "a ket or a density matrix", q instanceof Qobj ? `~a ${q.type}` : q);
  }
  if (q.type === "oper") q.requireHerm(path);
}

function requireSameSpace(a: Qobj, b: Qobj, what: string): void {
  if (a.dims[0].join() !== b.dims[0].join()) {
    throw new DimensionError(what, `states on the same space ${JSON.stringify(a.dims[0])}`, JSON.stringify(b.dims[0]));
  }
}

const asDm = (q: Qobj): Qobj => (q.type === "ket" ? ket2dm(q) : q);

/** ⟨a|b⟩ for two kets. */
function overlap(a: Qobj, b: Qobj): [number, number] {
  const x = a.dense().data, y = b.dense().data;
  let re = 0, im = 0;
  for (let i = 0; i < x.length; i += 2) {
    const ar = x[i]!, ai = -x[i + 1]!, br = y[i]!, bi = y[i + 1]!;
    re += ar * br - ai * bi; im += ar * bi + ai * br;
  }
  return [re, im];
}

/** Hermitian matrix square root √A with negative eigenvalues (rounding) clamped at 0. */
function sqrtmPsd(A: Qobj): Qobj {
  const { values, vectors } = eighDense(A.dense());
  const n = values.length;
  const out = new Float64Array(2 * n * n);
  const v = vectors.data;
  for (let k = 0; k < n; k++) {
    const s = Math.sqrt(Math.max(values[k]!, 0));
    if (s === 0) continue;
    for (let i = 0; i < n; i++) {
      const ur = (v[2 * (i * n + k)]!) * s, ui = (v[2 * (i * n + k) + 1]!) * s;
      for (let j = 0; j < n; j++) {
        const wr = v[2 * (j * n + k)]!, wi = -(v[2 * (j * n + k) + 1]!);
        out[2 * (i * n + j)] = (out[2 * (i * n + j)]!) + ur * wr - ui * wi;
        out[2 * (i * n + j) + 1] = (out[2 * (i * n + j) + 1]!) + ur * wi + ui * wr;
      }
    }
  }
  return new Qobj({ rows: n, cols: n, data: out }, A.dims);
}

/**
 * Fidelity F(A, B) = Tr √(√A B √A) (QuTiP's convention, not squared): |⟨a|b⟩| for two kets,
 * √⟨a|B|a⟩ for a ket and a density matrix.
 */
export function fidelity(A: Qobj, B: Qobj): number {
  requireState(A, "fidelity: A");
  requireState(B, "fidelity: B");
  requireSameSpace(A, B, "fidelity: A and B");
  if (A.type === "ket" && B.type === "ket") return Math.hypot(...overlap(A, B));
  if (A.type === "ket" || B.type === "ket") {
    const [k, r] = A.type === "ket" ? [A, B] : [B, A];
    const x = k.dag().mul(r).mul(k).trComplex().re;
    return Math.sqrt(Math.max(x, 0));
  }
  const s = sqrtmPsd(A);
  const M = s.mul(B).mul(s);
  const h = M.add(M.dag()).scale(0.5); // symmetrise rounding before the Hermitian eigensolver
  const ev = eighDense(h.dense(), false).values;
  let f = 0;
  for (let k = 0; k < ev.length; k++) if (ev[k]! > 0) f += Math.sqrt(ev[k]!);
  return f;
}

/**
 * Resonant coherence fidelity of the paper (§2.1): RCF = |⟨ψ|φ⟩|² for two kets; for a ket and a
 * density matrix, ⟨ψ|ρ|ψ⟩ (the same quantity for ρ = |φ⟩⟨φ|).
 */
export function rcf(psi: Qobj, phi: Qobj): number {
  requireState(psi, "rcf: psi");
  requireState(phi, "rcf: phi");
  requireSameSpace(psi, phi, "rcf: psi and phi");
  if (psi.type === "ket" && phi.type === "ket") {
    const [re, im] = overlap(psi, phi);
    return re * re + im * im;
  }
  if (psi.type === "oper" && phi.type === "oper") throw InputError.of("rcf", "at least one ket (|⟨ψ|φ⟩|² or ⟨ψ|ρ|ψ⟩)", "~two density matrices");
  const [k, r] = psi.type === "ket" ? [psi, phi] : [phi, psi];
  return k.dag().mul(r).mul(k).trComplex().re;
}

/**
 * Von Neumann entropy S = −Σ λ log λ over the eigenvalues of ρ, in nats by default (`base` e);
 * eigenvalues are clamped at 0 (rounding) and zeros skipped. A ket has entropy 0.
 */
export function entropyVn(rho: Qobj, base: number = Math.E): number {
  requireState(rho, "entropyVn: rho");
  requireFinite(base, "entropyVn: base");
  if (!(base > 0) || base === 1) throw InputError.of("entropyVn: base", "a logarithm base > 0 and ≠ 1", base);
  const ev = eighDense(asDm(rho).dense(), false).values;
  let s = 0;
  for (let k = 0; k < ev.length; k++) {
    const l = Math.max(ev[k]!, 0);
    if (l > 0) s -= l * Math.log(l);
  }
  return s / Math.log(base);
}

/** Purity Tr ρ² (1 for pure states, 1/d for the maximally mixed state). */
export function purity(rho: Qobj): number {
  requireState(rho, "purity: rho");
  const r = asDm(rho).dense();
  let s = 0; // Tr ρ² = Σ_ij |ρ_ij|² for Hermitian ρ
  for (let k = 0; k < r.data.length; k++) s += r.data[k]! ** 2;
  return s;
}

/** Trace distance ½ Tr|A − B| = ½ Σ |eigenvalues of A − B|. */
export function tracedist(A: Qobj, B: Qobj): number {
  requireState(A, "tracedist: A");
  requireState(B, "tracedist: B");
  requireSameSpace(A, B, "tracedist: A and B");
  const D = asDm(A).sub(asDm(B));
  const ev = eighDense(D.dense(), false).values;
  let s = 0;
  for (let k = 0; k < ev.length; k++) s += Math.abs(ev[k]!);
  return s / 2;
}
