/**
 * `Qobj`: a quantum object (ket, bra, operator or superoperator) with QuTiP's tensor dims.
 *
 * The data is always a complex CSR matrix (like QuTiP 4's `fast_csr_matrix`): operators such as
 * `destroy(15) ⊗ qeye(15)` and Liouvillians stay sparse, and `full()` gives a dense copy where a
 * dense algorithm (eigendecomposition, expm) needs one. Objects are immutable: every operation
 * returns a new `Qobj`.
 *
 * dims follow QuTiP: an operator on C²⊗C² has dims `[[2, 2], [2, 2]]`, a ket `[[2, 2], [1, 1]]`,
 * a bra `[[1, 1], [2, 2]]`; a superoperator acting on such operators has dims
 * `[[2, 2, 2, 2], [2, 2, 2, 2]]` (the operator dims flattened, column-stacking order).
 */
import { DimensionError, InputError } from "../errors.js";
import type { CMatrix, CsrMatrix } from "../numeric/complex/index.js";
import { csrAdd, csrAdjoint, csrFromDense, csrIdentity, csrMatmul, csrScale, csrToDense } from "../numeric/complex/index.js";
import { eighDense, expmDense } from "./linalg.js";

/** A complex number. */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

/** A real or complex scalar. */
export type Scalar = number | Complex;

/** The kind of a quantum object. */
export type QobjType = "ket" | "bra" | "oper" | "super";

/** Tensor-product dims: `[rowFactors, colFactors]`. */
export type Dims = readonly [readonly number[], readonly number[]];

const prod = (xs: readonly number[]): number => xs.reduce((a, b) => a * b, 1);

/** Split a scalar into (re, im), rejecting non-finite values. */
export function scalarParts(c: Scalar, path: string): [number, number] {
  const [re, im] = typeof c === "number" ? [c, 0] : [c?.re, c?.im];
  if (typeof re !== "number" || typeof im !== "number" || !Number.isFinite(re) || !Number.isFinite(im)) {
    throw InputError.of(path, "a finite real number or {re, im}", c);
  }
  return [re, im];
}

function inferType(dims: Dims): QobjType {
  const [r, c] = dims;
  if (c.every((d) => d === 1) && !r.every((d) => d === 1)) return "ket";
  if (r.every((d) => d === 1) && !c.every((d) => d === 1)) return "bra";
  return "oper";
}

function checkDims(dims: Dims, rows: number, cols: number): void {
  if (!Array.isArray(dims) || dims.length !== 2 || !dims.every((d) => Array.isArray(d) && d.length > 0 && d.every((x) => Number.isInteger(x) && x >= 1))) {
    throw InputError.of("dims", "[[row factors…], [column factors…]] of positive integers", dims);
  }
  if (prod(dims[0]) !== rows || prod(dims[1]) !== cols) {
    throw new DimensionError("Qobj dims", `factors multiplying to the shape ${rows}x${cols}`, JSON.stringify(dims));
  }
}

function checkFinite(A: CsrMatrix): void {
  checkFiniteArray(A.data);
}

function checkFiniteArray(d: Float64Array): void {
  for (let k = 0; k < d.length; k++) {
    if (!Number.isFinite(d[k]!)) throw InputError.of(`Qobj data entry ${k >> 1}`, "a finite complex number", d[k]);
  }
}

/** An immutable quantum object: sparse complex data plus tensor dims and a type. */
export class Qobj {
  readonly data: CsrMatrix;
  readonly dims: Dims;
  readonly type: QobjType;
  private denseCache: CMatrix | null = null;
  private hermCache: boolean | null = null;

  /**
   * @param data CSR or dense complex matrix (shape rows × cols).
   * @param dims tensor dims; default `[[rows], [cols]]`.
   * @param type `'super'` for superoperators; otherwise inferred from dims (ket, bra, oper).
   */
  constructor(data: CsrMatrix | CMatrix, dims?: Dims, type?: QobjType) {
    if (!("rowPtr" in data)) checkFiniteArray(data.data); // before csrFromDense, which drops NaN silently
    const csr = "rowPtr" in data ? data : csrFromDense(data);
    const d: Dims = dims ?? [[csr.rows], [csr.cols]];
    checkDims(d, csr.rows, csr.cols);
    checkFinite(csr);
    this.data = csr;
    this.dims = [d[0].slice(), d[1].slice()];
    this.type = type ?? inferType(d);
    if (type !== undefined && type !== "super" && type !== inferType(d)) {
      throw InputError.of("type", `'${inferType(d)}' for dims ${JSON.stringify(d)}`, type);
    }
  }

  /** Build an object from nested rows of numbers or [re, im] pairs (like `Qobj([[0,1],[1,0]])`). */
  static fromRows(rows: ReadonlyArray<ReadonlyArray<number | readonly [number, number]>>, dims?: Dims): Qobj {
    const r = rows.length;
    const c = rows[0]?.length ?? 0;
    if (r === 0 || c === 0) throw InputError.of("rows", "a non-empty rectangular array", rows);
    const data = new Float64Array(2 * r * c);
    rows.forEach((row, i) => {
      if (row.length !== c) throw new DimensionError(`rows[${i}]`, `length ${c}`, `length ${row.length}`);
      row.forEach((v, j) => {
        const [re, im] = typeof v === "number" ? [v, 0] : v;
        data[2 * (i * c + j)] = re;
        data[2 * (i * c + j) + 1] = im;
      });
    });
    return new Qobj({ rows: r, cols: c, data }, dims);
  }

  /** (rows, cols). */
  get shape(): [number, number] {
    return [this.data.rows, this.data.cols];
  }

  get isKet(): boolean { return this.type === "ket"; }
  get isBra(): boolean { return this.type === "bra"; }
  get isOper(): boolean { return this.type === "oper"; }
  get isSuper(): boolean { return this.type === "super"; }

  /** Hermitian within 1e-12 per entry (QuTiP's `isherm` convention). */
  get isHerm(): boolean {
    if (this.hermCache === null) {
      const A = this.data;
      if (A.rows !== A.cols) this.hermCache = false;
      else {
        const D = csrAdd(A, csrAdjoint(A), 1, 0, -1, 0);
        let ok = true;
        for (let k = 0; k < D.data.length / 2 && ok; k++) ok = Math.hypot(D.data[2 * k]!, D.data[2 * k + 1]!) <= 1e-12;
        this.hermCache = ok && (this.dims[0].join() === this.dims[1].join() || this.type === "super");
      }
    }
    return this.hermCache;
  }

  /** Dense copy of the data (row-major, interleaved). */
  full(): CMatrix {
    if (this.denseCache === null) this.denseCache = csrToDense(this.data);
    return { rows: this.denseCache.rows, cols: this.denseCache.cols, data: this.denseCache.data.slice() };
  }

  /** Dense view used internally (not copied; never mutate). */
  dense(): CMatrix {
    if (this.denseCache === null) this.denseCache = csrToDense(this.data);
    return this.denseCache;
  }

  /** Hermitian conjugate A†. */
  dag(): Qobj {
    const t = this.type === "ket" ? "bra" : this.type === "bra" ? "ket" : this.type;
    return new Qobj(csrAdjoint(this.data), [this.dims[1], this.dims[0]], t === "super" ? "super" : undefined);
  }

  /** A + B; a scalar B adds B·I (operators only). */
  add(B: Qobj | Scalar): Qobj {
    if (!(B instanceof Qobj)) {
      const [re, im] = scalarParts(B, "add: B");
      if (this.data.rows !== this.data.cols) throw new DimensionError("add: scalar + non-square Qobj", "a square operator", `shape ${this.shape.join("x")}`);
      return this.withData(csrAdd(this.data, csrIdentity(this.data.rows), 1, 0, re, im));
    }
    this.requireSameDims(B, "add");
    return this.withData(csrAdd(this.data, B.data));
  }

  /** A − B; a scalar B subtracts B·I. */
  sub(B: Qobj | Scalar): Qobj {
    if (!(B instanceof Qobj)) {
      const [re, im] = scalarParts(B, "sub: B");
      return this.add({ re: -re, im: -im });
    }
    this.requireSameDims(B, "sub");
    return this.withData(csrAdd(this.data, B.data, 1, 0, -1, 0));
  }

  /** Matrix product A·B (QuTiP's `A * B`); a scalar B scales. */
  mul(B: Qobj | Scalar): Qobj {
    if (!(B instanceof Qobj)) return this.scale(B);
    if (this.dims[1].join() !== B.dims[0].join()) {
      throw new DimensionError("mul: A·B", `B with row dims ${JSON.stringify(this.dims[1])} (A's column dims)`, `row dims ${JSON.stringify(B.dims[0])}`);
    }
    const dims: Dims = [this.dims[0], B.dims[1]];
    const isSuper = this.type === "super" && B.type === "super";
    return new Qobj(csrMatmul(this.data, B.data), dims, isSuper ? "super" : undefined);
  }

  /** c·A for a real or complex scalar c. */
  scale(c: Scalar): Qobj {
    const [re, im] = scalarParts(c, "scale: c");
    return this.withData(csrScale(this.data, re, im));
  }

  /** Trace as a complex number. */
  trComplex(): Complex {
    this.requireSquare("tr");
    const A = this.data;
    let re = 0, im = 0;
    for (let i = 0; i < A.rows; i++) {
      for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) {
        if (A.colIdx[p] === i) { re += A.data[2 * p]!; im += A.data[2 * p + 1]!; }
      }
    }
    return { re, im };
  }

  /**
   * Trace, real. Throws when the imaginary part is not negligible (use `trComplex()` for
   * non-Hermitian operators), so a complex trace is never silently truncated.
   */
  tr(): number {
    const { re, im } = this.trComplex();
    if (Math.abs(im) > 1e-12 * Math.max(1, Math.abs(re))) {
      throw InputError.of("tr", "an operator with a real trace (use trComplex() for a complex one)", `~${re} + ${im}i`);
    }
    return re;
  }

  /** Norm: the trace norm Tr√(A†A) for operators (QuTiP's default), the 2-norm for kets and bras. */
  norm(): number {
    if (this.type === "ket" || this.type === "bra") {
      let s = 0;
      for (let k = 0; k < this.data.data.length; k++) s += this.data.data[k]! ** 2;
      return Math.sqrt(s);
    }
    if (this.type === "super") throw InputError.of("norm", "a ket, bra or operator", "~a superoperator");
    const AdA = this.dag().mul(this);
    const { values } = eighDense(AdA.dense());
    let s = 0;
    for (let k = 0; k < values.length; k++) s += Math.sqrt(Math.max(values[k]!, 0));
    return s;
  }

  /** The object divided by its norm. */
  unit(): Qobj {
    const n = this.norm();
    if (!(n > 0)) throw InputError.of("unit", "an object with a non-zero norm", n);
    return this.scale(1 / n);
  }

  /** Matrix exponential e^A of a square operator (dense Padé 13, scaling and squaring). */
  expm(): Qobj {
    this.requireSquare("expm");
    return this.withData(csrFromDense(expmDense(this.dense())));
  }

  /**
   * Eigenvalues (ascending) and eigenvectors (kets) of a Hermitian operator.
   * @throws InputError when the operator is not Hermitian.
   */
  eigenstates(): { values: Float64Array; states: Qobj[] } {
    this.requireHerm("eigenstates");
    const { values, vectors } = eighDense(this.dense());
    const n = values.length;
    const states: Qobj[] = [];
    for (let k = 0; k < n; k++) {
      const v = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        v[2 * i] = vectors.data[2 * (i * n + k)]!;
        v[2 * i + 1] = vectors.data[2 * (i * n + k) + 1]!;
      }
      states.push(new Qobj({ rows: n, cols: 1, data: v }, [this.dims[0], this.dims[0].map(() => 1)]));
    }
    return { values, states };
  }

  /** Eigenvalues (ascending) of a Hermitian operator. */
  eigenenergies(): Float64Array {
    this.requireHerm("eigenenergies");
    return eighDense(this.dense(), false).values;
  }

  /** Partial trace keeping the subsystems `sel` (indices into dims[0]); a ket is traced as |ψ⟩⟨ψ|. */
  ptrace(sel: number | readonly number[]): Qobj {
    return ptraceImpl(this, sel);
  }

  /** Same dims and type, new data. */
  private withData(d: CsrMatrix): Qobj {
    return new Qobj(d, this.dims, this.type === "super" ? "super" : undefined);
  }

  private requireSameDims(B: Qobj, op: string): void {
    if (this.dims[0].join() !== B.dims[0].join() || this.dims[1].join() !== B.dims[1].join()) {
      throw new DimensionError(`${op}: operands`, `equal dims ${JSON.stringify(this.dims)}`, JSON.stringify(B.dims));
    }
  }

  /** @internal */
  requireSquare(op: string): void {
    if (this.data.rows !== this.data.cols) throw new DimensionError(`${op}: Qobj`, "a square operator", `shape ${this.shape.join("x")}`);
  }

  /** @internal */
  requireHerm(op: string): void {
    this.requireSquare(op);
    if (!this.isHerm) throw InputError.of(op, "a Hermitian operator", "~a non-Hermitian operator");
  }
}

/** Partial trace; see `Qobj.ptrace`. */
function ptraceImpl(q: Qobj, selIn: number | readonly number[]): Qobj {
  const rho = q.type === "ket" ? q.mul(q.dag()) : q;
  if (rho.type !== "oper" || rho.dims[0].join() !== rho.dims[1].join()) {
    throw InputError.of("ptrace", "a ket or a square operator with equal row and column dims", `~a ${q.type} with dims ${JSON.stringify(q.dims)}`);
  }
  const dims = rho.dims[0];
  const nSub = dims.length;
  const sel = [...new Set(typeof selIn === "number" ? [selIn] : selIn)].sort((a, b) => a - b);
  if (sel.length === 0 || sel.some((s) => !Number.isInteger(s) || s < 0 || s >= nSub)) {
    throw InputError.of("ptrace: sel", `subsystem indices in [0, ${nSub - 1}]`, selIn);
  }
  // strides of the row-major multi-index (first factor is most significant, like np.kron)
  const strides = dims.map((_, k) => prod(dims.slice(k + 1)));
  const keepDims = sel.map((s) => dims[s]!);
  const keepStrides = sel.map((_, k) => prod(keepDims.slice(k + 1)));
  const restOf = (idx: number): [number, number] => {
    let keep = 0, rest = 0;
    for (let k = 0, j = 0; k < nSub; k++) {
      const digit = Math.floor(idx / strides[k]!) % dims[k]!;
      if (sel[j] === k) { keep += digit * keepStrides[j]!; j++; } else rest = rest * dims[k]! + digit;
    }
    return [keep, rest];
  };
  const dKeep = prod(keepDims);
  const n = rho.data.rows;
  const keepIdx = new Int32Array(n), restIdx = new Int32Array(n);
  for (let i = 0; i < n; i++) { const [a, b] = restOf(i); keepIdx[i] = a; restIdx[i] = b; }
  const out = new Float64Array(2 * dKeep * dKeep);
  const A = rho.data;
  for (let i = 0; i < n; i++) {
    for (let p = A.rowPtr[i]!; p < A.rowPtr[i + 1]!; p++) {
      const j = A.colIdx[p]!;
      if (restIdx[i] !== restIdx[j]) continue;
      const o = 2 * (keepIdx[i]! * dKeep + keepIdx[j]!);
      out[o] = out[o]! + A.data[2 * p]!;
      out[o + 1] = out[o + 1]! + A.data[2 * p + 1]!;
    }
  }
  return new Qobj({ rows: dKeep, cols: dKeep, data: out }, [keepDims, keepDims]);
}
