/**
 * Dense complex matrix kernels on interleaved row-major `Float64Array` (see `types.ts`).
 *
 * Every function that takes `out` writes the result there, returns it, allocates nothing,
 * and throws `DimensionError` on a shape mismatch or when `out` aliases an input the kernel
 * reads after writing (matmul, matvec, adjoint, kron). Elementwise kernels may work in place.
 */
import { DimensionError, InputError, requireInt } from "../../errors.js";
import { checkMat, checkNoAlias, checkOut, checkVec } from "./check.js";
import type { CMatrix } from "./types.js";

/** A rows×cols matrix of zeros. */
export function cmatZeros(rows: number, cols: number): CMatrix {
  requireInt(rows, "rows", 0);
  requireInt(cols, "cols", 0);
  return { rows, cols, data: new Float64Array(2 * rows * cols) };
}

/** The n×n identity. */
export function cmatIdentity(n: number): CMatrix {
  const I = cmatZeros(n, n);
  for (let i = 0; i < n; i++) I.data[2 * (i * n + i)] = 1;
  return I;
}

/**
 * A matrix from nested rows; each entry is a real number or a `[re, im]` pair.
 * Throws InputError on ragged rows or non-finite entries.
 */
export function cmatFromRows(rows: ReadonlyArray<ReadonlyArray<readonly [number, number] | number>>): CMatrix {
  if (!Array.isArray(rows)) throw InputError.of("rows", "an array of rows", rows);
  const r = rows.length;
  const c = r === 0 ? 0 : (rows[0]?.length ?? 0);
  const A = cmatZeros(r, c);
  for (let i = 0; i < r; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== c) throw InputError.of(`rows[${i}]`, `a row of length ${c}`, row);
    for (let j = 0; j < c; j++) {
      const v = row[j];
      const re = typeof v === "number" ? v : Array.isArray(v) ? v[0] : NaN;
      const im = typeof v === "number" ? 0 : Array.isArray(v) && v.length === 2 ? v[1] : NaN;
      if (!Number.isFinite(re) || !Number.isFinite(im)) throw InputError.of(`rows[${i}][${j}]`, "a finite number or a [re, im] pair of finite numbers", v);
      A.data[2 * (i * c + j)] = re as number;
      A.data[2 * (i * c + j) + 1] = im as number;
    }
  }
  return A;
}

/** A deep copy. */
export function cmatClone(A: CMatrix): CMatrix {
  checkMat("A", A);
  return { rows: A.rows, cols: A.cols, data: A.data.slice() };
}

/** out = A·B (A: m×k, B: k×n, out: m×n, not aliasing A or B). Row-major i-k-j loop. */
export function cmatmul(out: CMatrix, A: CMatrix, B: CMatrix): CMatrix {
  checkMat("A", A);
  checkMat("B", B);
  if (A.cols !== B.rows) throw new DimensionError("cmatmul: B.rows", `A.cols = ${A.cols}`, `${B.rows}`);
  checkOut("cmatmul: out", out, A.rows, B.cols);
  checkNoAlias("cmatmul: out", out.data, A.data, "A");
  checkNoAlias("cmatmul: out", out.data, B.data, "B");
  const m = A.rows;
  const k = A.cols;
  const n = B.cols;
  const a = A.data;
  const b = B.data;
  const o = out.data;
  o.fill(0);
  for (let i = 0; i < m; i++) {
    const oRow = 2 * i * n;
    const aRow = 2 * i * k;
    let p = 0;
    // Four, then two rows of B per pass over the output row: fewer loads and stores of out.
    for (; p + 3 < k; p += 4) {
      const a0 = aRow + 2 * p;
      const ar = a[a0]!;
      const ai = a[a0 + 1]!;
      const cr = a[a0 + 2]!;
      const ci = a[a0 + 3]!;
      const er = a[a0 + 4]!;
      const ei = a[a0 + 5]!;
      const gr = a[a0 + 6]!;
      const gi = a[a0 + 7]!;
      if (ar === 0 && ai === 0 && cr === 0 && ci === 0 && er === 0 && ei === 0 && gr === 0 && gi === 0) continue;
      const bRow = 2 * p * n;
      const dRow = bRow + 2 * n;
      const fRow = dRow + 2 * n;
      const hRow = fRow + 2 * n;
      for (let j = 0; j < 2 * n; j += 2) {
        const br = b[bRow + j]!;
        const bi = b[bRow + j + 1]!;
        const dr = b[dRow + j]!;
        const di = b[dRow + j + 1]!;
        const fr = b[fRow + j]!;
        const fi = b[fRow + j + 1]!;
        const hr = b[hRow + j]!;
        const hi = b[hRow + j + 1]!;
        o[oRow + j] = o[oRow + j]! + ar * br - ai * bi + cr * dr - ci * di + er * fr - ei * fi + gr * hr - gi * hi;
        o[oRow + j + 1] = o[oRow + j + 1]! + ar * bi + ai * br + cr * di + ci * dr + er * fi + ei * fr + gr * hi + gi * hr;
      }
    }
    for (; p + 1 < k; p += 2) {
      const ar = a[aRow + 2 * p]!;
      const ai = a[aRow + 2 * p + 1]!;
      const cr = a[aRow + 2 * p + 2]!;
      const ci = a[aRow + 2 * p + 3]!;
      if (ar === 0 && ai === 0 && cr === 0 && ci === 0) continue;
      const bRow = 2 * p * n;
      const dRow = bRow + 2 * n;
      for (let j = 0; j < 2 * n; j += 2) {
        const br = b[bRow + j]!;
        const bi = b[bRow + j + 1]!;
        const dr = b[dRow + j]!;
        const di = b[dRow + j + 1]!;
        o[oRow + j] = o[oRow + j]! + ar * br - ai * bi + cr * dr - ci * di;
        o[oRow + j + 1] = o[oRow + j + 1]! + ar * bi + ai * br + cr * di + ci * dr;
      }
    }
    for (; p < k; p++) {
      const ar = a[aRow + 2 * p]!;
      const ai = a[aRow + 2 * p + 1]!;
      const bRow = 2 * p * n;
      for (let j = 0; j < 2 * n; j += 2) {
        const br = b[bRow + j]!;
        const bi = b[bRow + j + 1]!;
        o[oRow + j] = o[oRow + j]! + ar * br - ai * bi;
        o[oRow + j + 1] = o[oRow + j + 1]! + ar * bi + ai * br;
      }
    }
  }
  return out;
}

/** out = A·x (A: m×n, x: n complex entries, out: m complex entries, not aliasing x). */
export function cmatvec(out: Float64Array, A: CMatrix, x: Float64Array): Float64Array {
  checkMat("A", A);
  checkVec("cmatvec: x", x, A.cols);
  checkVec("cmatvec: out", out, A.rows);
  checkNoAlias("cmatvec: out", out, x, "x");
  checkNoAlias("cmatvec: out", out, A.data, "A");
  const n = A.cols;
  const a = A.data;
  for (let i = 0; i < A.rows; i++) {
    let sr = 0;
    let si = 0;
    const row = 2 * i * n;
    for (let j = 0; j < 2 * n; j += 2) {
      const ar = a[row + j]!;
      const ai = a[row + j + 1]!;
      const xr = x[j]!;
      const xi = x[j + 1]!;
      sr += ar * xr - ai * xi;
      si += ar * xi + ai * xr;
    }
    out[2 * i] = sr;
    out[2 * i + 1] = si;
  }
  return out;
}

function checkSameShape(what: string, out: CMatrix, A: CMatrix, B: CMatrix): void {
  checkMat("A", A);
  checkMat("B", B);
  if (A.rows !== B.rows || A.cols !== B.cols) throw new DimensionError(`${what}: B`, `${A.rows}x${A.cols} like A`, `${B.rows}x${B.cols}`);
  checkOut(`${what}: out`, out, A.rows, A.cols);
}

/** out = A + B (same shapes; in place allowed). */
export function cmatAdd(out: CMatrix, A: CMatrix, B: CMatrix): CMatrix {
  checkSameShape("cmatAdd", out, A, B);
  const o = out.data;
  const a = A.data;
  const b = B.data;
  for (let k = 0; k < o.length; k++) o[k] = a[k]! + b[k]!;
  return out;
}

/** out = A + (re + i·im)·B (same shapes; in place allowed). */
export function cmatAxpy(out: CMatrix, A: CMatrix, B: CMatrix, re: number, im: number): CMatrix {
  checkSameShape("cmatAxpy", out, A, B);
  const o = out.data;
  const a = A.data;
  const b = B.data;
  for (let k = 0; k < o.length; k += 2) {
    const br = b[k]!;
    const bi = b[k + 1]!;
    o[k] = a[k]! + re * br - im * bi;
    o[k + 1] = a[k + 1]! + re * bi + im * br;
  }
  return out;
}

/** out = (re + i·im)·A (same shape; in place allowed). */
export function cmatScale(out: CMatrix, A: CMatrix, re: number, im: number): CMatrix {
  checkMat("A", A);
  checkOut("cmatScale: out", out, A.rows, A.cols);
  const o = out.data;
  const a = A.data;
  for (let k = 0; k < o.length; k += 2) {
    const ar = a[k]!;
    const ai = a[k + 1]!;
    o[k] = re * ar - im * ai;
    o[k + 1] = re * ai + im * ar;
  }
  return out;
}

/** out = A† (conjugate transpose; out: cols×rows, not aliasing A). */
export function cadjoint(out: CMatrix, A: CMatrix): CMatrix {
  checkMat("A", A);
  checkOut("cadjoint: out", out, A.cols, A.rows);
  checkNoAlias("cadjoint: out", out.data, A.data, "A");
  const m = A.rows;
  const n = A.cols;
  const a = A.data;
  const o = out.data;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      o[2 * (j * m + i)] = a[2 * (i * n + j)]!;
      o[2 * (j * m + i) + 1] = -(a[2 * (i * n + j) + 1]!);
    }
  }
  return out;
}

/** out = A ⊗ B (Kronecker product; out: (ra·rb)×(ca·cb), not aliasing A or B). */
export function ckron(out: CMatrix, A: CMatrix, B: CMatrix): CMatrix {
  checkMat("A", A);
  checkMat("B", B);
  checkOut("ckron: out", out, A.rows * B.rows, A.cols * B.cols);
  checkNoAlias("ckron: out", out.data, A.data, "A");
  checkNoAlias("ckron: out", out.data, B.data, "B");
  const { rows: ra, cols: ca } = A;
  const { rows: rb, cols: cb } = B;
  const nc = ca * cb;
  const a = A.data;
  const b = B.data;
  const o = out.data;
  for (let i = 0; i < ra; i++) {
    for (let j = 0; j < ca; j++) {
      const ar = a[2 * (i * ca + j)]!;
      const ai = a[2 * (i * ca + j) + 1]!;
      for (let k = 0; k < rb; k++) {
        const oBase = 2 * ((i * rb + k) * nc + j * cb);
        const bBase = 2 * k * cb;
        for (let l = 0; l < 2 * cb; l += 2) {
          const br = b[bBase + l]!;
          const bi = b[bBase + l + 1]!;
          o[oBase + l] = ar * br - ai * bi;
          o[oBase + l + 1] = ar * bi + ai * br;
        }
      }
    }
  }
  return out;
}

/** Trace of a square matrix, as `[re, im]`. */
export function ctrace(A: CMatrix): [number, number] {
  checkMat("A", A);
  if (A.rows !== A.cols) throw new DimensionError("ctrace: A", "a square matrix", `${A.rows}x${A.cols}`);
  let re = 0;
  let im = 0;
  for (let i = 0; i < A.rows; i++) {
    re += A.data[2 * (i * A.cols + i)]!;
    im += A.data[2 * (i * A.cols + i) + 1]!;
  }
  return [re, im];
}

/** Frobenius norm sqrt(Σ|A_ij|²), scaled to avoid overflow/underflow. */
export function cmatNormFro(A: CMatrix): number {
  checkMat("A", A);
  const a = A.data;
  let scale = 0;
  for (let k = 0; k < a.length; k++) scale = Math.max(scale, Math.abs(a[k]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let k = 0; k < a.length; k++) {
    const v = a[k]! / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}

/**
 * True when A is square and |A_ij − conj(A_ji)| ≤ tol for all i, j (absolute tolerance on each
 * entry, the convention of QuTiP's `isherm`; default 1e-12). A non-finite entry gives false.
 */
export function isHermitian(A: CMatrix, tol = 1e-12): boolean {
  checkMat("A", A);
  if (!(tol >= 0)) throw InputError.of("tol", "a number ≥ 0", tol);
  if (A.rows !== A.cols) return false;
  const n = A.rows;
  const a = A.data;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const dr = (a[2 * (i * n + j)]!) - (a[2 * (j * n + i)]!);
      const di = (a[2 * (i * n + j) + 1]!) + (a[2 * (j * n + i) + 1]!);
      // `!(x <= tol)` is also true for NaN, so non-finite entries never pass.
      if (!(Math.hypot(dr, di) <= tol)) return false;
    }
  }
  return true;
}
