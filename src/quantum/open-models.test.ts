// mesolve and steadystate on open systems whose Liouvillian is a single block (no conserved
// quantity: the block reduction drops nothing), against test/reference/qutip-open-models.json:
// expectation values from scipy's expm_multiply on QuTiP's Liouvillian and from qutip.mesolve at
// its default tolerances, and qutip.steadystate's density matrix (QuTiP 4.7.1, scipy 1.10.1).
import { describe, it, expect } from "vitest";
import { InputError } from "../errors.js";
import { mesolve } from "./mesolve.js";
import { steadystate } from "./steadystate.js";
import { expect as expectation } from "./expect.js";
import { drivenJaynesCummings, isingChain, kerrOscillator, type OpenModel } from "./open-models.js";
import { loadReference, maxDiff, type CRows } from "./__tests__/fixtures.js";

interface Ref {
  mesolve: Array<{ model: string; size: number; times: number[]; exact: number[][]; qutip_default: number[][] }>;
  steadystate: Array<{ model: string; size: number; expect: number[]; rho: CRows }>;
}
const ref = loadReference<Ref>("qutip-open-models.json");
const MODELS: Record<string, (n: number) => OpenModel> = { ising: isingChain, kerr: kerrOscillator, jc: drivenJaynesCummings };

const maxErr = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number =>
  Math.max(...b.flatMap((row, k) => row.map((x, i) => Math.abs(a[k]![i]! - x))));

describe("mesolve without symmetry", () => {
  for (const c of ref.mesolve) {
    it(`${c.model} ${c.size}: within 1e-6 of expm_multiply and of QuTiP at the default tolerances, within 1e-8 at tight ones`, () => {
      const m = MODELS[c.model]!(c.size);
      const r = mesolve(m.H, m.psi0, c.times, m.cOps, { eOps: m.eOps });
      // One block: nothing is dropped, and only the upper triangle of ρ is integrated.
      expect(r.stats.nUnknowns).toBe(r.stats.nUnknownsFull);
      expect(r.stats.hermitianHalf).toBe(true);
      expect(r.stats.nIntegrated).toBe((m.H.data.rows * (m.H.data.rows + 1)) / 2);
      expect(maxErr(r.expect, c.exact)).toBeLessThan(1e-6);
      expect(maxErr(r.expect, c.qutip_default)).toBeLessThan(1e-6);
      const tight = mesolve(m.H, m.psi0, c.times, m.cOps, { eOps: m.eOps, options: { atol: 1e-11, rtol: 1e-10 } });
      expect(maxErr(tight.expect, c.exact)).toBeLessThan(1e-8);
    });
  }

  it("gives the same answer with the full vectorised ρ as with its upper triangle (driven Jaynes–Cummings, N = 6)", () => {
    const m = drivenJaynesCummings(6);
    const t = [0, 1, 2, 5];
    const half = mesolve(m.H, m.psi0, t, m.cOps, { eOps: m.eOps, options: { atol: 1e-12, rtol: 1e-11 } });
    const full = mesolve(m.H, m.psi0, t, m.cOps, { eOps: m.eOps, options: { atol: 1e-12, rtol: 1e-11, hermitianHalf: false } });
    expect(full.stats.hermitianHalf).toBe(false);
    expect(maxErr(half.expect, full.expect)).toBeLessThan(1e-9);
    // The rebuilt state is exactly Hermitian.
    const rho = half.finalState.full();
    const n = rho.rows;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        expect(rho.data[2 * (i * n + j)]).toBe(rho.data[2 * (j * n + i)]);
        if (i !== j) expect(rho.data[2 * (i * n + j) + 1]).toBe(-rho.data[2 * (j * n + i) + 1]!);
      }
    }
  });

  it("keeps the upper triangle with a time-dependent Hamiltonian term (same answer as the full ρ)", () => {
    const m = kerrOscillator(8);
    const drive = m.eOps[1]!.scale(2); // a + a†
    const H = [m.H, [drive, (t: number) => 0.3 * Math.cos(0.7 * t)] as const] as const;
    const t = [0, 2, 4];
    const half = mesolve(H, m.psi0, t, m.cOps, { eOps: m.eOps, options: { atol: 1e-12, rtol: 1e-11 } });
    const full = mesolve(H, m.psi0, t, m.cOps, { eOps: m.eOps, options: { atol: 1e-12, rtol: 1e-11, hermitianHalf: false, rotatingFrame: false } });
    expect(half.stats.hermitianHalf).toBe(true);
    expect(maxErr(half.expect, full.expect)).toBeLessThan(1e-9);
  });
});

describe("steadystate without symmetry", () => {
  for (const c of ref.steadystate) {
    it(`${c.model} ${c.size}: QuTiP's steady state to 1e-8 (expectation values to 1e-9)`, () => {
      const m = MODELS[c.model]!(c.size);
      for (const method of ["direct", "iterative"] as const) {
        const rho = steadystate(m.H, m.cOps, { method });
        expect(maxDiff(rho, c.rho)).toBeLessThan(1e-8);
        m.eOps.forEach((e, k) => expect(Math.abs(expectation(e, rho) - c.expect[k]!)).toBeLessThan(1e-9));
      }
    });
  }
});

describe("open models", () => {
  it("refuse bad sizes and parameters with a typed error", () => {
    expect(() => isingChain(1)).toThrow(InputError);
    expect(() => kerrOscillator(40.5)).toThrow(InputError);
    expect(() => drivenJaynesCummings(5, { dc: 0, da: 0, g: Number.NaN, E: 0, kappa: 0, gamma: 0 })).toThrow(InputError);
  });
});
