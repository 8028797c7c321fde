import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { terGammaDim, terGammaAsPrinted, terGammaPerS, dephasingCoherenceFactor, dephasingTimeS, defaultVetoPath, vetoLatencyS } from "./index.js";
import { josephsonEnergyJ, dimFormatJs, dimEquals, DIM } from "../energy/index.js";
import { mesolve, sigmax, sigmay, sigmaz, basis, ket2dm } from "../../quantum/index.js";

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
const ref = JSON.parse(readFileSync(new URL("../../../test/reference/qutip-ter-dephasing.json", import.meta.url), "utf8")) as {
  gammaPerS: number; tlistPs: number[]; sx: number[]; sy: number[]; sz: number[]; energy: number[];
};

describe("§2.3 TER veto γ = (2π/ħ)(ΔE)²/E_J: units", () => {
  it("ΔE dimensionless gives J^-2·s^-1 (not a rate); ΔE in J gives s^-1", () => {
    expect(dimFormatJs(terGammaDim("dimensionless"))).toBe("J^-2·s^-1");
    expect(dimEquals(terGammaDim("energy"), DIM.rate)).toBe(true);
  });
  it("as printed, ΔE = 0.06, E_J(10 µA) = 3.291060e-21 J: 2π/1.054571817e-34 × 0.0036 / 3.291060e-21 = 6.5173e31 J^-2·s^-1", () => {
    expect(rel(terGammaAsPrinted(0.06, 3.291060e-21), (2 * Math.PI / 1.054571817e-34) * 0.0036 / 3.291060e-21)).toBeLessThan(1e-6);
  });
  it("our reading γ = 2π·ΔE²·E_J/ħ = 2π × 0.0036 × 3.291060e-21 / 1.054571817e-34 = 7.0590e11 s^-1; 1/(2γ) = 0.7083 ps", () => {
    const g = terGammaPerS(0.06, josephsonEnergyJ(10e-6));
    expect(rel(g, 7.0590e11)).toBeLessThan(1e-4);
    expect(rel(dephasingTimeS(g), 0.7083e-12)).toBeLessThan(1e-3);
  });
});

describe("§2.3 L = √γ σ_z on a qubit against QuTiP mesolve (test/reference/qutip-ter-dephasing.json)", () => {
  const g = terGammaPerS(0.06, josephsonEnergyJ(10e-6));
  it("uses the same γ as the reference", () => expect(rel(g, ref.gammaPerS)).toBeLessThan(1e-12));
  it("|ρ01(t)| ∝ √(⟨σx⟩² + ⟨σy⟩²) = e^{−2γt} to 1e-8; ⟨σz⟩ and ⟨H⟩ stay 0 (pure dephasing dissipates no energy)", () => {
    ref.tlistPs.forEach((tPs, i) => {
      const coh = Math.hypot(ref.sx[i]!, ref.sy[i]!);
      expect(Math.abs(coh - dephasingCoherenceFactor(g, tPs * 1e-12))).toBeLessThan(1e-8);
      expect(Math.abs(ref.sz[i]!)).toBeLessThan(1e-10);
      expect(Math.abs(ref.energy[i]!)).toBeLessThan(1e-10);
    });
  });
});

describe("veto latency (§2.3 < 1 ps, §6.3 H3 < 1 ns)", () => {
  it("default path: 28.0195 (2e-3·4.2/c) + 20 + 30 + 16 + (32 + 70) + 2.0678 (2π·3.29106e-16/1e-3) ps = 198.087 ps", () => {
    expect(rel(vetoLatencyS(defaultVetoPath()), 198.087e-12)).toBeLessThan(1e-5);
  });
  it("a comparator clocked at §4.1's 100 MHz adds up to 10 ns: arrival at phase 0 → 10.198 ns, at 0.5 → 5.198 ns", () => {
    expect(rel(vetoLatencyS(defaultVetoPath(), { frequencyHz: 100e6, arrivalPhase: 0 }), 10.198087e-9)).toBeLessThan(1e-6);
    expect(rel(vetoLatencyS(defaultVetoPath(), { frequencyHz: 100e6, arrivalPhase: 0.5 }), 5.198087e-9)).toBeLessThan(1e-6);
    expect(() => vetoLatencyS(defaultVetoPath(), { frequencyHz: 100e6, arrivalPhase: 1 })).toThrow(/arrivalPhase/);
  });
});

describe("§2.3 L = √γ σ_z on our own mesolve (src/quantum) against the exact e^{−2γt}", () => {
  it("coherence of |+⟩ follows e^{−2γt} to 1e-9 over 3 ps, populations stay put", () => {
    const gPerPs = terGammaPerS(0.06, josephsonEnergyJ(10e-6)) * 1e-12;
    const plus = basis(2, 0).add(basis(2, 1)).unit();
    const tPs = [0, 0.25, 0.5, 1, 2, 3];
    const r = mesolve(sigmaz().scale(0.5 * 2 * Math.PI * 0.3), ket2dm(plus), tPs, [sigmaz().scale(Math.sqrt(gPerPs))],
      { eOps: [sigmax(), sigmay(), sigmaz()], options: { atol: 1e-12, rtol: 1e-10 } });
    tPs.forEach((t, i) => {
      expect(Math.abs(Math.hypot(r.expect[0]![i]!, r.expect[1]![i]!) - Math.exp(-2 * gPerPs * t))).toBeLessThan(1e-9);
      expect(Math.abs(r.expect[2]![i]!)).toBeLessThan(1e-12);
    });
  });
});
