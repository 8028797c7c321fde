// mesolve against exact values: the reference cavity (QuTiP + scipy expm_multiply,
// test/reference/qutip-cavity.json), the untruncated analytic cavity formula, damped-oscillator
// decay, Rabi oscillation, QuTiP's time-dependent driven qubit and sesolve
// (test/reference/qutip-quantum.json), and the invariants of a density matrix (Hermitian, unit trace).
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { InputError, SolverError } from "../errors.js";
import { mesolve } from "./mesolve.js";
import { Qobj } from "./qobj.js";
import { destroy, num, qeye, sigmam, sigmax, sigmay, sigmaz } from "./operators.js";
import { basis, coherent, fockDm, thermalDm } from "./states.js";
import { entropyVn } from "./metrics.js";
import { expect as expectation } from "./expect.js";
import { cavity, cavityAnalytic } from "./__tests__/cavity.js";
import { loadReference, maxDiff, qobjFromRows, type CRows } from "./__tests__/fixtures.js";

interface CavityRef {
  cases: Array<{ N: number; exact: { n_a: Record<string, number>; n_b: Record<string, number>; entropy_vn_nats_t100: number } }>;
}
interface QRef {
  mesolve_td_qubit: { tlist: number[]; H0: CRows; H1: CRows; omega_drive: number; gamma: number; sz: number[]; sx: number[]; sy: number[] };
  sesolve_qutrit: { H: CRows; psi0: CRows; tlist: number[]; final: CRows };
}
const cavityRef = loadReference<CavityRef>("qutip-cavity.json");
const qref = loadReference<QRef>("qutip-quantum.json");
const tlist = Array.from({ length: 1001 }, (_, i) => i / 10);

describe("mesolve: reference two-mode cavity", () => {
  for (const N of [5, 10]) {
    it(`matches the exact n_a, n_b at t = 10, 50, 100 to 1e-7 and the entropy at t = 100 to 1e-8 (N = ${N})`, () => {
      const c = cavity(N);
      const exact = cavityRef.cases.find((k) => k.N === N)?.exact;
      expect(exact).toBeDefined();
      const r = mesolve(c.H, c.psi0, tlist, c.cOps, { eOps: [c.na, c.nb], options: { atol: 1e-10, rtol: 1e-10 } });
      for (const t of [10, 50, 100]) {
        expect(Math.abs((r.expect[0]?.[t * 10] as number) - (exact?.n_a[`t=${t}`] as number))).toBeLessThan(1e-7);
        expect(Math.abs((r.expect[1]?.[t * 10] as number) - (exact?.n_b[`t=${t}`] as number))).toBeLessThan(1e-7);
      }
      expect(Math.abs(entropyVn(r.finalState) - (exact?.entropy_vn_nats_t100 as number))).toBeLessThan(1e-8);
      expect(r.stats.mode).toBe("dm");
      expect(r.stats.nUnknowns).toBeLessThan(r.stats.nUnknownsFull);
    });
  }

  it("at QuTiP's default tolerances is within 1e-6 of the exact values (QuTiP's own error is ~2e-6)", () => {
    const c = cavity(10);
    const exact = cavityRef.cases.find((k) => k.N === 10)?.exact;
    const r = mesolve(c.H, c.psi0, tlist, c.cOps, { eOps: [c.na, c.nb] });
    for (const t of [10, 50, 100]) expect(Math.abs((r.expect[0]?.[t * 10] as number) - (exact?.n_a[`t=${t}`] as number))).toBeLessThan(1e-6);
  });

  it("follows the untruncated analytic formula n_a = n_th(1−e^{−κt}) + e^{−κt}cos²(gt) at N = 10", () => {
    const c = cavity(10);
    const r = mesolve(c.H, c.psi0, tlist, c.cOps, { eOps: [c.na, c.nb], options: { atol: 1e-10, rtol: 1e-10 } });
    for (let i = 0; i <= 1000; i += 50) {
      const { na, nb } = cavityAnalytic(tlist[i]!);
      // truncation at N = 10 costs ~1e-7 (the thermal tail above 9 photons)
      expect(Math.abs((r.expect[0]?.[i] as number) - na)).toBeLessThan(2e-7);
      expect(Math.abs((r.expect[1]?.[i] as number) - nb)).toBeLessThan(2e-7);
    }
  });

  it("gives the same answer with the exact speed-ups (block reduction, rotating frame) switched off", () => {
    const c = cavity(4);
    const ts = tlist.slice(0, 201);
    const o = { atol: 1e-11, rtol: 1e-11 };
    const fast = mesolve(c.H, c.psi0, ts, c.cOps, { eOps: [c.na], options: o });
    const plain = mesolve(c.H, c.psi0, ts, c.cOps, { eOps: [c.na], options: { ...o, blockReduce: false, rotatingFrame: false } });
    expect(plain.stats.nUnknowns).toBe(256);
    expect(plain.stats.rotatingFrame).toBe(false);
    ts.forEach((_, i) => expect(Math.abs((fast.expect[0]?.[i] as number) - (plain.expect[0]?.[i] as number))).toBeLessThan(1e-9));
    expect(fast.finalState.sub(plain.finalState).norm()).toBeLessThan(1e-9);
  });
});

describe("mesolve: exact solutions", () => {
  it("damped oscillator: ⟨n⟩(t) = n0 e^{−κt} + n_th(1 − e^{−κt})", () => {
    const N = 25, kappa = 0.3, nTh = 0.2, n0 = 3;
    const a = destroy(N);
    const cOps = [a.scale(Math.sqrt(kappa * (1 + nTh))), a.dag().scale(Math.sqrt(kappa * nTh))];
    const ts = Array.from({ length: 41 }, (_, i) => i * 0.5);
    const r = mesolve(num(N).scale(2.0), fockDm(N, n0), ts, cOps, { eOps: [num(N)], options: { atol: 1e-11, rtol: 1e-11 } });
    ts.forEach((t, i) => {
      const e = Math.exp(-kappa * t);
      expect(Math.abs((r.expect[0]?.[i] as number) - (n0 * e + nTh * (1 - e)))).toBeLessThan(1e-8);
    });
  });

  it("damped coherent state: ⟨a⟩ = α e^{−(iω + κ/2)t}, ⟨n⟩ = |α|² e^{−κt} (every block populated, rotating frame active)", () => {
    const N = 30, w = 2, kappa = 0.1;
    const alpha = { re: 1.2, im: -0.6 };
    const a = destroy(N);
    const ts = Array.from({ length: 51 }, (_, i) => i * 0.4);
    const r = mesolve(num(N).scale(w), coherent(N, alpha), ts, [a.scale(Math.sqrt(kappa))], { eOps: [a, num(N)], options: { atol: 1e-11, rtol: 1e-11 } });
    expect(r.stats.rotatingFrame).toBe(true);
    expect(r.stats.nUnknowns).toBe(N * N);
    ts.forEach((t, i) => {
      const damp = Math.exp(-kappa * t / 2), c = Math.cos(w * t), s = Math.sin(w * t);
      expect(Math.abs((r.expect[0]?.[i] as number) - damp * (alpha.re * c + alpha.im * s))).toBeLessThan(1e-8);
      expect(Math.abs((r.expectIm[0]?.[i] as number) - damp * (alpha.im * c - alpha.re * s))).toBeLessThan(1e-8);
      expect(Math.abs((r.expect[1]?.[i] as number) - 1.8 * Math.exp(-kappa * t))).toBeLessThan(1e-8);
    });
  });

  it("chains: evolving to t1 then from the final state to t2 equals one run to t2", () => {
    const c = cavity(4);
    const o = { atol: 1e-11, rtol: 1e-11 };
    const one = mesolve(c.H, c.psi0, [0, 20], c.cOps, { eOps: [c.na], options: o });
    const first = mesolve(c.H, c.psi0, [0, 7], c.cOps, { options: o });
    const second = mesolve(c.H, first.finalState, [7, 20], c.cOps, { eOps: [c.na], options: o });
    expect(Math.abs((second.expect[0]?.[1] as number) - (one.expect[0]?.[1] as number))).toBeLessThan(1e-9);
  });

  it("Rabi oscillation of a driven qubit: ⟨σz⟩ = cos Ωt (ket, Schrödinger) and the same as a density matrix", () => {
    const Om = 1.7;
    const ts = Array.from({ length: 101 }, (_, i) => i * 0.1);
    const H = sigmax().scale(Om / 2);
    const ket = mesolve(H, basis(2, 0), ts, [], { eOps: [sigmaz(), sigmay()], options: { atol: 1e-12, rtol: 1e-12 } });
    const dm = mesolve(H, fockDm(2, 0), ts, [sigmam().scale(0)], { eOps: [sigmaz()], options: { atol: 1e-12, rtol: 1e-12 } });
    expect(ket.stats.mode).toBe("ket");
    expect(dm.stats.mode).toBe("dm");
    ts.forEach((t, i) => {
      expect(Math.abs((ket.expect[0]?.[i] as number) - Math.cos(Om * t))).toBeLessThan(1e-10);
      expect(Math.abs((ket.expect[1]?.[i] as number) + Math.sin(Om * t))).toBeLessThan(1e-10);
      expect(Math.abs((dm.expect[0]?.[i] as number) - Math.cos(Om * t))).toBeLessThan(1e-10);
    });
    expect(ket.finalState.type).toBe("ket");
  });

  it("detuned Rabi oscillation: ⟨σz⟩ = 1 − 2(Ω/W)² sin²(Wt/2), W = √(Ω² + Δ²) (rotating frame with cross-frequency coupling)", () => {
    const Om = 0.9, De = 2.3, W = Math.hypot(Om, De);
    const ts = Array.from({ length: 81 }, (_, i) => i * 0.25);
    const H = sigmaz().scale(De / 2).add(sigmax().scale(Om / 2));
    for (const rho0 of [basis(2, 0), fockDm(2, 0)]) {
      const r = mesolve(H, rho0, ts, rho0.isKet ? [] : [sigmam().scale(0)], { eOps: [sigmaz()], options: { atol: 1e-12, rtol: 1e-12 } });
      expect(r.stats.rotatingFrame).toBe(true);
      ts.forEach((t, i) => expect(Math.abs((r.expect[0]?.[i] as number) - (1 - 2 * (Om / W) ** 2 * Math.sin((W * t) / 2) ** 2))).toBeLessThan(1e-10));
    }
  });

  it("a time-dependent drive in QuTiP's list form matches QuTiP (atol = rtol = 1e-12)", () => {
    const q = qref.mesolve_td_qubit;
    const H0 = qobjFromRows(q.H0), H1 = qobjFromRows(q.H1);
    const r = mesolve([H0, [H1, (t: number) => Math.cos(q.omega_drive * t)]], basis(2, 0), q.tlist, [sigmam().scale(Math.sqrt(q.gamma))],
      { eOps: [sigmaz(), sigmax(), sigmay()], options: { atol: 1e-12, rtol: 1e-12 } });
    q.tlist.forEach((_, i) => {
      expect(Math.abs((r.expect[0]?.[i] as number) - q.sz[i]!)).toBeLessThan(1e-8);
      expect(Math.abs((r.expect[1]?.[i] as number) - q.sx[i]!)).toBeLessThan(1e-8);
      expect(Math.abs((r.expect[2]?.[i] as number) - q.sy[i]!)).toBeLessThan(1e-8);
    });
  });

  it("evolves a ket without collapse operators like QuTiP's sesolve, storing states when no eOps are given", () => {
    const q = qref.sesolve_qutrit;
    const r = mesolve(qobjFromRows(q.H), qobjFromRows(q.psi0), q.tlist, [], { options: { atol: 1e-12, rtol: 1e-12 } });
    expect(r.states).toHaveLength(q.tlist.length);
    expect(maxDiff(r.finalState, q.final)).toBeLessThan(1e-9);
    expect(r.expect).toEqual([]);
  });
});

describe("mesolve: invariants and bad input", () => {
  it("keeps ρ Hermitian with unit trace (random Hermitian H, random collapse operators, random ρ0)", () => {
    const entry = fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }));
    const mat = fc.array(entry, { minLength: 9, maxLength: 9 });
    fc.assert(fc.property(mat, mat, mat, (h, c, r) => {
      const M = (e: Array<[number, number]>): Qobj => Qobj.fromRows([0, 1, 2].map((i) => [0, 1, 2].map((j) => e[3 * i + j] as [number, number])));
      const Hr = M(h), R = M(r);
      const H = Hr.add(Hr.dag());
      const rho0 = R.mul(R.dag()).add(qeye(3).scale(0.01));
      const rho = rho0.scale(1 / rho0.tr());
      const res = mesolve(H, rho, [0, 0.5, 1, 2], [M(c).scale(0.5)], { options: { storeStates: true } });
      for (const s of res.states ?? []) {
        if (s.sub(s.dag()).norm() > 1e-6) return false;
        if (Math.abs(s.tr() - 1) > 1e-6) return false;
      }
      return true;
    }), { numRuns: 25, seed: 20240601 });
  });

  it("reports progress once per output time and stores states on request", () => {
    const calls: number[] = [];
    const r = mesolve(sigmax(), fockDm(2, 0), [0, 1, 2], [], { eOps: [sigmaz()], options: { progress: (d) => calls.push(d), storeStates: true } });
    expect(calls).toEqual([1, 2, 3]);
    expect(r.states).toHaveLength(3);
    expect(expectation(sigmaz(), r.states?.[0] as Qobj)).toBe(1);
  });

  it("rejects a bad tlist, mismatched dims, a non-Hermitian H and an exhausted step budget", () => {
    const H = sigmax();
    expect(() => mesolve(H, basis(2, 0), [])).toThrow(InputError);
    expect(() => mesolve(H, basis(2, 0), [0, 1, 1])).toThrow(/strictly increasing/);
    expect(() => mesolve(H, basis(2, 0), [0, NaN])).toThrow(InputError);
    expect(() => mesolve(H, basis(3, 0), [0, 1])).toThrow(/dims/);
    expect(() => mesolve(destroy(2), basis(2, 0), [0, 1])).toThrow(/Hermitian/);
    expect(() => mesolve(H, thermalDm(2, 1), [0, 1], [destroy(3)])).toThrow(/cOps\[0\]/);
    expect(() => mesolve(H.scale(100), basis(2, 0), [0, 100], [], { options: { maxSteps: 10 } })).toThrow(SolverError);
    expect(() => mesolve(H.scale(100), basis(2, 0), [0, 100], [], { options: { maxSteps: 10 } })).toThrow(/raise options.maxSteps/);
  });
});
