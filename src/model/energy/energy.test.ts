/**
 * The energy formulas against hand calculations written out here (CODATA 2018 exact values:
 * h = 6.62607015e-34 J·s, e = 1.602176634e-19 C, k_B = 1.380649e-23 J/K; ħ = 1.054571817e-34 J·s,
 * Φ0 = 2.067833848e-15 Wb as published). Tolerances are relative, set by the digits carried by hand.
 */
import { describe, it, expect } from "vitest";
import {
  rcfLogFactor, flipEnergyJ, angularFrequencyRadPerS, nodePowerW, totalPowerW, abstractNodePowerW,
  abstractNodePowerDim, powerPerThroughputDim, thermalEnergyJ, landauerBoundJ, phaseSlipEnergyJ,
  josephsonEnergyJ, josephsonTimeS, recomputeCorollary, PAPER_FOOTPRINT, improvementFactor, footprintImplied,
  nodeCostEur, constellationCostEur, PAPER_BOM, solarPowerMaxW, DIM, dimEquals, dimFormat, dimFormatJs,
} from "./index.js";
import { InputError } from "../../errors.js";

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe("§2.2 E_flip and the corollary", () => {
  it("ln(1/(1−0.997)) = ln(1000/3) = 3·ln10 − ln3 = 6.907755279 − 1.098612289 = 5.809142990 (paper: ≈ 5.8)", () => {
    expect(rel(rcfLogFactor(0.997), 5.809142990)).toBeLessThan(1e-9);
  });
  it("E_flip(1 eV, 𝓕 = 1e4, 0.997) = 5.809142990e-4 eV = 5.809142990e-4 × 1.602176634e-19 J = 9.3072732e-23 J", () => {
    const eV = 1.602176634e-19;
    expect(rel(flipEnergyJ(eV, 1e4, 0.997), 9.3072732e-23)).toBeLessThan(1e-7);
    expect(rel(flipEnergyJ(eV, 1e4, 0.997) / eV, 5.809142990e-4)).toBeLessThan(1e-9);
  });
  it("k_B·300 K = 4.141947e-21 J = 0.0258520 eV, so k_BT / E_flip = 4.141947e-21 / 9.3072732e-23 = 44.502, not 10^4", () => {
    const c = recomputeCorollary();
    expect(rel(c.thermalEnergyJ, 4.141947e-21)).toBeLessThan(1e-7);
    expect(rel(c.thermalEnergyEv, 0.0258520)).toBeLessThan(1e-5);
    expect(rel(c.thermalOverFlip, 44.502)).toBeLessThan(1e-4);
    expect(c.thermalOverFlip).toBeLessThan(c.paper.thermalOverFlip / 100);
  });
  it("Landauer k_B·T·ln2 at 300 K = 4.141947e-21 × 0.6931472 = 2.870979e-21 J; 30.85 × E_flip", () => {
    expect(rel(landauerBoundJ(300), 2.870979e-21)).toBeLessThan(1e-6);
    expect(rel(recomputeCorollary().landauerOverFlip, 2.870979e-21 / 9.3072732e-23)).toBeLessThan(1e-6);
  });
  it("rejects RCF outside (0, 1) and non-positive finesse with a typed error", () => {
    expect(() => rcfLogFactor(1)).toThrow(InputError);
    expect(() => rcfLogFactor(Number.NaN)).toThrow(/rcf/);
    expect(() => flipEnergyJ(1e-19, 0, 0.5)).toThrow(/finesse/);
  });
});

describe("§2.2 P_node, P_total and the abstract's P_node", () => {
  it("P_node at 1e10 ops/s (H1's rate) = 9.3072732e-23 J × 1e10 /s = 9.3072732e-13 W; 10^5 nodes: 9.3072732e-8 W", () => {
    expect(rel(nodePowerW(9.3072732e-23, 1e10), 9.3072732e-13)).toBeLessThan(1e-12);
    expect(rel(totalPowerW(1e5, 1.602176634e-19, 1e4, 1e10, 0.997), 9.3072732e-8)).toBeLessThan(1e-7);
  });
  it("ω0 for ħω0 = 1 eV: 1.602176634e-19 / 1.054571817e-34 = 1.5192674e15 rad/s", () => {
    expect(rel(angularFrequencyRadPerS(1.602176634e-19), 1.5192674e15)).toBeLessThan(1e-7);
  });
  it("abstract: ħω0²/𝓕·ln = (1 eV)·ω0/𝓕·ln = 1.602176634e-19 × 1.5192674e15 / 1e4 × 5.809143 = 1.414024e-7 W", () => {
    expect(rel(abstractNodePowerW(1.5192674474e15, 1e4, 0.997), 1.414024e-7)).toBeLessThan(1e-6);
  });
  it("abstract's formula has dimension J·s·s⁻² = kg·m²·s⁻³ = W, not W/(TFLOP/s) = J", () => {
    expect(dimEquals(abstractNodePowerDim(), DIM.watt)).toBe(true);
    expect(dimFormat(abstractNodePowerDim())).toBe("kg·m^2·s^-3");
    expect(dimEquals(powerPerThroughputDim(), DIM.joule)).toBe(true);
    expect(dimEquals(abstractNodePowerDim(), powerPerThroughputDim())).toBe(false);
    expect(dimFormatJs(abstractNodePowerDim())).toBe("J·s^-1");
  });
});

describe("§4.2 E_diss = ħ/(2e)·I_c·Δφ and the Josephson scales", () => {
  it("I_c = 10 µA, Δφ = 2π: ħ/(2e)·I_c·2π = Φ0·I_c = 2.067833848e-15 × 1e-5 = 2.067833848e-20 J (paper: ≈ 2e-20 J)", () => {
    expect(rel(phaseSlipEnergyJ(10e-6, 2 * Math.PI), 2.067833848e-20)).toBeLessThan(1e-9);
  });
  it("E_diss / k_B·300 K = 2.067833848e-20 / 4.141947e-21 = 4.99 > 1: above, not below, one thermal fluctuation", () => {
    expect(rel(phaseSlipEnergyJ(10e-6, 2 * Math.PI) / thermalEnergyJ(300), 4.99243)).toBeLessThan(1e-5);
  });
  it("E_J = Φ0·I_c/2π = 2.067833848e-20/6.283185307 = 3.291060e-21 J; τ_J at I_c·R_N = 1 mV = 3.291060e-16/1e-3 = 3.291e-13 s", () => {
    expect(rel(josephsonEnergyJ(10e-6), 3.291060e-21)).toBeLessThan(1e-6);
    expect(rel(josephsonTimeS(10e-6, 100), 3.291060e-13)).toBeLessThan(1e-6);
  });
});

describe("§5.1 comparison table", () => {
  it("stated factors: 1500/150 = 10, 200/0.05 = 4000, 0.5/0.01 = 50, 100/5 = 20", () => {
    const f = PAPER_FOOTPRINT.map(improvementFactor);
    expect(f).toEqual([10, 4000, 50, 20].map((x, i) => expect.closeTo(x, 9 - i)));
    expect(PAPER_FOOTPRINT.map((r) => r.statedFactor)).toEqual([10, 4000, 50, 20]);
  });
  it("at 1e15 ops/s = 1000 TFLOPS: 1.5e9 W/1000 = 1.5e6 W/TFLOPS (legacy), 1.5e8/1000 = 1.5e5 (V3000); 150 MW/1e5 = 1500 W per node; 0.05 × 1000 = 50 W total", () => {
    const x = footprintImplied();
    expect(x.capacityTflops).toBe(1000);
    expect(rel(x.legacyWPerTflops, 1.5e6)).toBeLessThan(1e-12);
    expect(rel(x.v3000WPerTflops, 1.5e5)).toBeLessThan(1e-12);
    expect(rel(x.v3000PowerPerNodeW, 1500)).toBeLessThan(1e-12);
    expect(rel(x.v3000PowerFromPerTflopsW, 50)).toBeLessThan(1e-12);
    expect(x.totalPowerRatio).not.toBeCloseTo(x.perTflopsRatio, 0);
  });
});

describe("§3.1 bill of materials and solar panels", () => {
  it("line totals: 80000+15000+12000+40000+25000+15000 = 187000 €; unit prices: 80000+15000+12000+4×40000+25000+15000 = 307000 €", () => {
    expect(nodeCostEur(PAPER_BOM, "line-total")).toBe(187_000);
    expect(nodeCostEur(PAPER_BOM, "unit-price")).toBe(307_000);
  });
  it("10^5 nodes × 187000 € = 1.87e10 € (paper: ≈ 18.7 billion €)", () => {
    expect(constellationCostEur(1e5, 187_000)).toBe(1.87e10);
    expect(() => constellationCostEur(0, 1)).toThrow(/nodes/);
  });
  it("0.8 m² at 1360.8 W/m² and 100 % efficiency = 1088.64 W < 2000 W claimed", () => {
    expect(solarPowerMaxW(0.8)).toBeCloseTo(1088.64, 9);
    expect(() => solarPowerMaxW(0.8, 1.2)).toThrow(/efficiency/);
  });
});
