// Qobj algebra, dims and partial trace; ptrace checked against QuTiP (test/reference/qutip-quantum.json).
import { describe, it, expect } from "vitest";
import { DimensionError, InputError } from "../errors.js";
import { Qobj } from "./qobj.js";
import { destroy, qeye, sigmax, sigmay, sigmaz } from "./operators.js";
import { basis } from "./states.js";
import { tensor } from "./tensor.js";
import { loadReference, maxDiff, qobjFromRows, type CRows } from "./__tests__/fixtures.js";

interface Ref { ptrace: { M: CRows; dims: number[]; sel: Record<string, CRows> } }
const ref = loadReference<Ref>("qutip-quantum.json");

describe("Qobj", () => {
  it("infers QuTiP types and dims for kets, bras, operators and tensor products", () => {
    const k = tensor(basis(2, 0), basis(3, 1));
    expect(k.type).toBe("ket");
    expect(k.dims).toEqual([[2, 3], [1, 1]]);
    expect(k.dag().type).toBe("bra");
    expect(k.dag().dims).toEqual([[1, 1], [2, 3]]);
    const op = tensor(sigmax(), qeye(3));
    expect(op.type).toBe("oper");
    expect(op.dims).toEqual([[2, 3], [2, 3]]);
    expect(op.shape).toEqual([6, 6]);
  });

  it("multiplies, adds and scales like matrices: σx σy = iσz, σx + σx = 2σx", () => {
    const d = sigmax().mul(sigmay()).sub(sigmaz().scale({ re: 0, im: 1 }));
    expect(d.norm()).toBeLessThan(1e-15);
    expect(sigmax().add(sigmax()).sub(sigmax().scale(2)).norm()).toBe(0);
    expect(sigmaz().add(1).tr()).toBe(2); // scalar adds c·I
  });

  it("takes traces, norms (trace norm for operators, 2-norm for kets) and unit()", () => {
    expect(qeye(5).tr()).toBe(5);
    expect(sigmaz().norm()).toBeCloseTo(2, 14);
    const k = basis(3, 0).add(basis(3, 2)).scale(3);
    expect(k.norm()).toBeCloseTo(3 * Math.SQRT2, 14);
    expect(k.unit().norm()).toBeCloseTo(1, 14);
    expect(() => destroy(3).mul(basis(3, 1)).dag().mul(qeye(3)).tr()).toThrow(DimensionError); // a bra is not square
    expect(() => Qobj.fromRows([[0, [0, 1]], [0, 0]]).tr()).not.toThrow(); // zero trace is real
    expect(() => Qobj.fromRows([[[0, 1], 0], [0, 0]]).tr()).toThrow(InputError);
  });

  it("has eigenstates that reconstruct the operator (H = Σ λ_k |k⟩⟨k|)", () => {
    const H = tensor(sigmax(), sigmaz()).add(tensor(sigmay(), sigmay()).scale(0.3));
    const { values, states } = H.eigenstates();
    let R = H.scale(0);
    states.forEach((s, k) => { R = R.add(s.mul(s.dag()).scale(values[k]!)); });
    expect(R.sub(H).norm()).toBeLessThan(1e-13);
  });

  it("partial-traces like QuTiP (qubit ⊗ qutrit ⊗ qubit, non-Hermitian input)", () => {
    const dims = ref.ptrace.dims;
    const M = qobjFromRows(ref.ptrace.M, [dims, dims]);
    for (const [key, rows] of Object.entries(ref.ptrace.sel)) {
      const sel = key.split(",").map(Number);
      expect(maxDiff(M.ptrace(sel), rows)).toBeLessThan(1e-12);
    }
  });

  it("expm of −iθσx/2 is the rotation cos(θ/2) − i sin(θ/2) σx", () => {
    const U = sigmax().scale({ re: 0, im: -0.35 }).expm();
    const expected = qeye(2).scale(Math.cos(0.35)).add(sigmax().scale({ re: 0, im: -Math.sin(0.35) }));
    expect(U.sub(expected).norm()).toBeLessThan(1e-14);
  });

  it("rejects mismatched dims, non-finite data and non-Hermitian input to eigenstates", () => {
    expect(() => qeye(2).add(qeye(3))).toThrow(DimensionError);
    expect(() => qeye(2).mul(basis(3, 0))).toThrow(DimensionError);
    expect(() => Qobj.fromRows([[NaN]])).toThrow(InputError);
    expect(() => destroy(3).eigenstates()).toThrow(InputError);
    expect(() => new Qobj({ rows: 2, cols: 2, data: new Float64Array(8) }, [[3], [2]])).toThrow(DimensionError);
    expect(() => qeye(2).ptrace(1)).toThrow(InputError);
  });
});
