// Metrics against QuTiP 4.7 (test/reference/qutip-quantum.json): fidelity (Tr√(√ρσ√ρ), not
// squared), trace distance, von Neumann entropy, purity, expect; RCF is the paper's |⟨ψ|φ⟩|² (§2.1).
import { describe, it, expect } from "vitest";
import { InputError } from "../errors.js";
import { entropyVn, fidelity, purity, rcf, tracedist } from "./metrics.js";
import { expect as expectation, expectComplex } from "./expect.js";
import { basis, ket2dm, thermalDm } from "./states.js";
import { qeye } from "./operators.js";
import { loadReference, qobjFromRows, type CRows } from "./__tests__/fixtures.js";

interface Ref {
  metrics: {
    A: CRows; B: CRows; psi: CRows; phi: CRows; op: CRows;
    fidelity_AB: number; fidelity_psiB: number; fidelity_psiB_exact: number; fidelity_psiphi: number; tracedist_AB: number;
    entropy_A_e: number; entropy_A_2: number; purity_A: number; expect_op_A: number; expect_op_psi: number; rcf_psiphi: number;
  };
}
const m = loadReference<Ref>("qutip-quantum.json").metrics;
const A = qobjFromRows(m.A), B = qobjFromRows(m.B), psi = qobjFromRows(m.psi), phi = qobjFromRows(m.phi), op = qobjFromRows(m.op);

describe("metrics", () => {
  it("match QuTiP", () => {
    expect(Math.abs(fidelity(A, B) - m.fidelity_AB)).toBeLessThan(1e-12);
    // QuTiP's own dm-dm value carries ~1e-8 from √ of a rank-1 matrix; the ket path is exact
    expect(Math.abs(fidelity(ket2dm(psi), B) - m.fidelity_psiB)).toBeLessThan(3e-8);
    expect(Math.abs(fidelity(psi, B) - m.fidelity_psiB_exact)).toBeLessThan(1e-14);
    expect(Math.abs(fidelity(B, psi) - m.fidelity_psiB_exact)).toBeLessThan(1e-14);
    expect(Math.abs(fidelity(psi, phi) - m.fidelity_psiphi)).toBeLessThan(1e-14);
    expect(Math.abs(tracedist(A, B) - m.tracedist_AB)).toBeLessThan(1e-13);
    expect(Math.abs(entropyVn(A) - m.entropy_A_e)).toBeLessThan(1e-13);
    expect(Math.abs(entropyVn(A, 2) - m.entropy_A_2)).toBeLessThan(1e-13);
    expect(Math.abs(purity(A) - m.purity_A)).toBeLessThan(1e-14);
    expect(Math.abs(expectation(op, A) - m.expect_op_A)).toBeLessThan(1e-14);
    expect(Math.abs(expectation(op, psi) - m.expect_op_psi)).toBeLessThan(1e-14);
    expect(Math.abs(rcf(psi, phi) - m.rcf_psiphi)).toBeLessThan(1e-15);
    expect(Math.abs(rcf(psi, ket2dm(phi)) - m.rcf_psiphi)).toBeLessThan(1e-14);
  });

  it("give the textbook values on simple states", () => {
    expect(entropyVn(qeye(4).scale(0.25))).toBeCloseTo(Math.log(4), 14);
    expect(entropyVn(qeye(4).scale(0.25), 2)).toBeCloseTo(2, 14);
    expect(entropyVn(basis(3, 1))).toBe(0);
    const n = 0.3; // thermal entropy (n+1)ln(n+1) − n ln n, truncation negligible at N = 60
    expect(entropyVn(thermalDm(60, n))).toBeCloseTo((n + 1) * Math.log(n + 1) - n * Math.log(n), 12);
    expect(purity(qeye(5).scale(0.2))).toBeCloseTo(0.2, 15);
    expect(fidelity(A, A)).toBeCloseTo(1, 7); // √ of the smallest eigenvalues limits this to ~1e-8
    expect(tracedist(basis(2, 0), basis(2, 1))).toBeCloseTo(1, 15);
    expect(rcf(basis(2, 0), basis(2, 0).add(basis(2, 1)).unit())).toBeCloseTo(0.5, 15);
  });

  it("reject non-states, mismatched spaces and complex expectation through expect()", () => {
    expect(() => entropyVn(basis(3, 0).dag())).toThrow(InputError);
    expect(() => fidelity(A, basis(3, 0))).toThrow();
    expect(() => entropyVn(A, 1)).toThrow(InputError);
    expect(() => expectation(qobjFromRows([[[0, 0], [1, 0]], [[0, 0], [0, 0]]]), basis(2, 0))).toThrow(/expectComplex/);
    expect(expectComplex(qobjFromRows([[[0, 0], [1, 0]], [[0, 0], [0, 0]]]), basis(2, 1).add(basis(2, 0)).unit()).re).toBeCloseTo(0.5, 15);
  });
});
