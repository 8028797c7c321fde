// steadystate against QuTiP's direct solver (test/reference/qutip-cavity.json, to 1e-9) and
// a driven damped qubit (test/reference/qutip-quantum.json); liouvillian against QuTiP's matrix.
import { describe, it, expect } from "vitest";
import { InputError, SolverError } from "../errors.js";
import { steadystate } from "./steadystate.js";
import { liouvillian, spost, spre, lindbladDissipator } from "./superop.js";
import { destroy, num, sigmam, sigmax, sigmaz } from "./operators.js";
import { expect as expectation } from "./expect.js";
import { entropyVn, purity } from "./metrics.js";
import { cavity } from "./__tests__/cavity.js";
import { loadReference, maxDiff, qobjFromRows, type CRows } from "./__tests__/fixtures.js";

interface CavityRef { steadystate: Record<string, { n_a: number; n_b: number; entropy_vn_nats: number; purity: number }> }
interface QRef {
  liouvillian_qubit: { H: CRows; c: CRows[]; L: CRows };
  steadystate_qubit: { rho: CRows };
}
const cref = loadReference<CavityRef>("qutip-cavity.json");
const qref = loadReference<QRef>("qutip-quantum.json");

describe("liouvillian", () => {
  it("is QuTiP's column-stacking superoperator", () => {
    const q = qref.liouvillian_qubit;
    const L = liouvillian(qobjFromRows(q.H), q.c.map((c) => qobjFromRows(c)));
    expect(L.type).toBe("super");
    expect(L.dims).toEqual([[2, 2], [2, 2]]);
    expect(maxDiff(L, q.L)).toBeLessThan(1e-15);
  });

  it("agrees with spre/spost built by Kronecker products: −i(spre(H) − spost(H)) + D[c]", () => {
    const H = sigmax().scale(0.4).add(sigmaz());
    const c = sigmam().scale(0.3);
    const L = liouvillian(H, [c]);
    const viaKron = spre(H).sub(spost(H)).scale({ re: 0, im: -1 }).add(lindbladDissipator(c));
    const diff = L.sub(viaKron).data.data;
    expect(Math.max(...Array.from(diff, Math.abs))).toBeLessThan(1e-15);
    expect(() => liouvillian(null, [])).toThrow(InputError);
  });
});

describe("steadystate", () => {
  for (const N of [5, 10]) {
    for (const method of ["direct", "iterative"] as const) {
      it(`matches QuTiP's cavity steady state to 1e-9 (N = ${N}, ${method})`, () => {
        const c = cavity(N);
        const ref = cref.steadystate[`N=${N}`];
        expect(ref).toBeDefined();
        const rho = steadystate(c.H, c.cOps, { method });
        expect(rho.isHerm).toBe(true);
        expect(Math.abs(rho.tr() - 1)).toBeLessThan(1e-13);
        expect(Math.abs(expectation(c.na, rho) - (ref?.n_a as number))).toBeLessThan(1e-9);
        expect(Math.abs(expectation(c.nb, rho) - (ref?.n_b as number))).toBeLessThan(1e-9);
        expect(Math.abs(entropyVn(rho) - (ref?.entropy_vn_nats as number))).toBeLessThan(1e-9);
        expect(Math.abs(purity(rho) - (ref?.purity as number))).toBeLessThan(1e-9);
      });
    }
  }

  it("matches QuTiP for a driven damped qubit with dephasing", () => {
    const q = qref.liouvillian_qubit;
    const rho = steadystate(qobjFromRows(q.H), q.c.map((c) => qobjFromRows(c)));
    expect(maxDiff(rho, qref.steadystate_qubit.rho)).toBeLessThan(1e-12);
  });

  it("gives the thermal occupation n_th for a damped oscillator (exact: ⟨n⟩ = n_th)", () => {
    const N = 30, k = 0.2, nTh = 0.4;
    const a = destroy(N);
    const rho = steadystate(num(N), [a.scale(Math.sqrt(k * (1 + nTh))), a.dag().scale(Math.sqrt(k * nTh))]);
    // truncated geometric distribution: tail (n/(1+n))^30 ≈ 1e-11
    expect(Math.abs(expectation(num(N), rho) - nTh)).toBeLessThan(1e-9);
  });

  it("refuses a non-unique steady state and bad input", () => {
    // dephasing only: every population is its own invariant block
    expect(() => steadystate(sigmaz(), [sigmaz()])).toThrow(SolverError);
    expect(() => steadystate(sigmaz(), [sigmaz()])).toThrow(/not unique/);
    expect(() => steadystate(sigmaz(), [])).toThrow(InputError);
    expect(() => steadystate(destroy(2), [sigmam()])).toThrow(/Hermitian/);
    expect(() => steadystate(sigmaz(), [destroy(3)])).toThrow(InputError);
    expect(() => steadystate(sigmaz(), [sigmam()], { method: "lu" as "direct" })).toThrow(InputError);
  });
});
