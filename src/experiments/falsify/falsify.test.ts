/**
 * §6's hypotheses on the twin: each verdict is computed and comes out both ways with one
 * assumption changed (κ = 0; UMT residual 1 ns; I_c × 10; the comparator at 100 MHz); H1's bound is
 * checked against the closed form; the flip search against a predicate whose flip is known.
 */
import { describe, it, expect } from "vitest";
import {
  runH1, runH2, runH3, runFalsify, h2Sample, readoutFrame, searchFlip, applyOverrides, H2_ASSUMPTIONS, H2_PAPER,
  FLIP_LOG_RATIO, SIMULATION_CANNOT_SUPPORT, welchGreater, type AssumptionSpec,
} from "./index.js";
import { allocStates } from "../../model/resonance/node-states.js";
import { writeProjector } from "../../model/resonance/density-mesh.js";
import { exactCoherence } from "../../model/resonance/coherence.js";
import { RandomStream } from "../../numeric/random/index.js";
import { densityMstRcf, densityPairNullMean, densityReadoutFrame } from "./h2-density.js";
import { InputError } from "../../errors.js";

const EV = 1.602176634e-19;
const HBAR = 6.62607015e-34 / (2 * Math.PI);
const VERDICTS = ["refuted", "conditional", "not testable in software"];

describe("H1 (§6.1): not testable in software", () => {
  const h = runH1();
  it("the §2.2 formula at the paper's inputs and its largest value for any float64 RCF < 1, from the closed form", () => {
    // P = (1 eV/10⁴)·ln(1/(1−RCF))·10¹⁰/s; ln(1/(1 − (1 − 2⁻⁵³))) = 53·ln 2.
    expect(h.formulaW).toBeCloseTo((EV / 1e4) * Math.log(1 / 0.003) * 1e10, 24);
    expect(h.formulaMaxW / ((EV / 1e4) * 53 * Math.LN2 * 1e10) - 1).toBeLessThan(1e-12);
    expect(h.formulaMaxW).toBeLessThan(5.2);
    // 5.2 W needs ln(1/(1−RCF)) = 5.2/(1.602e-13 W) = 3.2455e13, i.e. log10(1 − RCF) = −1.4095e13.
    expect(h.log10OneMinusRcfAtCriterion / (-(5.2 / ((EV / 1e4) * 1e10)) / Math.LN10) - 1).toBeLessThan(1e-12);
  });
  it("verdict 'not testable in software', no t-test, §4.1's 4.8 W beside it, every flipsAt null over its range", () => {
    expect(h.verdict).toBe("not testable in software");
    expect(h.pValue).toBeUndefined();
    expect(h.statistic).toBeUndefined();
    expect(h.tableNodePowerW).toBe(4.8);
    expect(h.abstractFormulaW).toBeCloseTo((HBAR * (EV / HBAR) ** 2 / 1e4) * Math.log(1000 / 3), 6);
    expect(h.assumptions.map((a) => a.name)).toEqual(["photonEnergyEv", "finesse", "opsPerS", "rcf"]);
    for (const a of h.assumptions) {
      expect(a.flipsAt).toBeNull();
      expect(a.search.steps.length).toBeGreaterThanOrEqual(2);
      expect(a.search.steps.every((s) => s.holds)).toBe(true);
    }
  });
});

describe("flip search", () => {
  type S = { x: number; mode: string };
  const spec: AssumptionSpec<S> = {
    name: "x", unit: "1", source: "twin", description: "test", scale: "log", range: [1, 100],
    get: (s) => s.x, set: (s, v) => ({ ...s, x: v as number }), parse: Number,
  };
  it("bisects a log range to within the stated ratio of a known flip, on either side of the value", () => {
    for (const [x, flip] of [[10, 3.7], [2, 41], [1, 5.5]] as const) {
      const a = searchFlip(spec, { x, mode: "a" }, x < flip, (s) => s.x < flip);
      const [hold, fail] = a.search.bracket!;
      expect(hold).toBeLessThan(flip);
      expect(fail).toBeGreaterThanOrEqual(flip);
      expect(fail / hold).toBeLessThanOrEqual(FLIP_LOG_RATIO);
      expect(a.flipsAt as number).toBeGreaterThan(hold);
      // The shown steps are the evaluations made, with their outcomes.
      for (const st of a.search.steps) expect(st.holds).toBe((st.value as number) < flip);
    }
  });
  it("null when nothing in the range changes the outcome; each reading tried for a choice", () => {
    expect(searchFlip(spec, { x: 10, mode: "a" }, true, () => true).flipsAt).toBeNull();
    const choice: AssumptionSpec<S> = { ...spec, name: "mode", scale: "choice", range: ["a", "b"], get: (s) => s.mode, set: (s, v) => ({ ...s, mode: v as string }) };
    expect(searchFlip(choice, { x: 1, mode: "a" }, true, (s) => s.mode === "a").flipsAt).toBe("b");
    expect(searchFlip(choice, { x: 1, mode: "a" }, true, () => true).flipsAt).toBeNull();
  });
});

describe("H2 (§6.2) on the twin", () => {
  it("read-out frame: two flat states whose clocks differ by Δτ have RCF = sin²(dx/2)/(d² sin²(x/2)), x = Δω·Δτ (Fejér kernel)", () => {
    const d = 12;
    const s = allocStates(2, d);
    for (let k = 0; k < 2 * d; k++) s.data[2 * k] = 1 / Math.sqrt(d);
    const dOmega = 2 * Math.PI * 100e9;
    const omega = Float64Array.from({ length: d }, (_, k) => 1.5e15 + k * dOmega);
    const dTau = 300e-15;
    const r = readoutFrame(s, omega, Float64Array.of(0, dTau));
    let re = 0;
    let im = 0;
    for (let k = 0; k < d; k++) {
      re += r.data[2 * k]! * r.data[2 * (d + k)]! + r.data[2 * k + 1]! * r.data[2 * (d + k) + 1]!;
      im += r.data[2 * k]! * r.data[2 * (d + k) + 1]! - r.data[2 * k + 1]! * r.data[2 * (d + k)]!;
    }
    const x = dOmega * dTau;
    expect(re * re + im * im).toBeCloseTo(Math.sin((d * x) / 2) ** 2 / (d * d * Math.sin(x / 2) ** 2), 12);
  });
  it("conditional at the paper's parameters; refuted with κ = 0; refuted with the UMT residual at 1 ns", () => {
    const o = { replicates: 3, seed: 7, searchFlips: false };
    const paper = runH2(o);
    expect(paper.verdict).toBe("conditional");
    expect(paper.measuredMean).toBeGreaterThan(0.995);
    expect(paper.nullPairMean).toBeCloseTo(1 / 12, 2);
    expect(paper.nullMean).toBeGreaterThan(paper.nullPairMean);
    const noCoupling = runH2({ ...o, set: { kappaPerS: "0" } });
    expect(noCoupling.verdict).toBe("refuted");
    expect(noCoupling.measuredMean).toBeLessThan(0.995);
    const slowClocks = runH2({ ...o, set: { clockResidualS: "1e-9" } });
    expect(slowClocks.verdict).toBe("refuted");
    expect(slowClocks.setup.clockResidualS).toBe(1e-9);
  });
  it("a mesh collapsed onto one basis mode (meanField, γ = κ, veto off) has RCF̄ = 1, but so has its null: the paper's test against uncorrelated phases fails it", () => {
    const x = h2Sample({ ...H2_PAPER, nodes: 30, clockResidualS: 1e-12, kappaOverGamma: 1, veto: false }, 3, 1);
    expect(x.ci.mean).toBeCloseTo(1, 12);
    expect(x.nullPair).toBeCloseTo(1, 12); // Σ_k |a_ik|²|a_jk|² = 1: every node in the same single mode
    for (const v of x.nullSample) expect(v).toBeCloseTo(1, 12);
    expect(x.welch.pValue).toBeGreaterThan(0.01);
    expect(x.holds).toBe(false);
  });
  it("Welch on two constant samples: equal values are no evidence (p = 1), a constant gap is (p = 0)", () => {
    expect(welchGreater([1, 1, 1], [1, 1, 1]).pValue).toBe(1);
    expect(welchGreater([1, 1, 1], [0.5, 0.5]).pValue).toBe(0);
    expect(welchGreater([0.5, 0.5], [1, 1]).pValue).toBe(1);
  });
  it("the residual's flip point: the twin holds just below the bracket and fails just above it", () => {
    const setup = { ...H2_PAPER, nodes: 30 };
    const holds = (s: typeof setup) => h2Sample(s, 2, 3).holds;
    const a = searchFlip(H2_ASSUMPTIONS[0]!, setup, holds(setup), holds);
    expect(a.name).toBe("clockResidualS");
    expect(a.flipsAt).not.toBeNull();
    const [hold, fail] = a.search.bracket!;
    expect(holds({ ...setup, clockResidualS: hold })).toBe(true);
    expect(holds({ ...setup, clockResidualS: fail })).toBe(false);
    expect(a.flipsAt as number).toBeGreaterThan(10e-15);
    expect(a.flipsAt as number).toBeLessThan(1e-9);
  });
});

describe("H3 (§6.3) on the twin", () => {
  const o = { replicates: 10, seed: 3, searchFlips: false };
  it("conditional at the paper's parameters, asynchronous comparator: ΔE = 0.06 vetoed, E_diss = (h/2e)·I_c within ±25 %", () => {
    const h = runH3(o);
    expect(h.verdict).toBe("conditional");
    expect(h.vetoed).toBe(10);
    for (const e of h.energy.measured) expect(Math.abs(e / ((6.62607015e-34 / (2 * EV)) * 10e-6) - 1)).toBeLessThan(0.25);
  });
  it("refuted with I_c × 10 (E_diss ≈ 2.07e-19 J, not below 2e-19 J), with the comparator at 100 MHz, and with the threshold above 0.06", () => {
    const ic = runH3({ ...o, set: { criticalCurrentA: "100e-6" } });
    expect(ic.verdict).toBe("refuted");
    // (h/2e)·100 µA = 2.07e-19 J: the mean sits at the bound, so "< 2e-19 J at p < 0.01" fails.
    expect(Math.abs(ic.energy.measuredMean / ((6.62607015e-34 / (2 * EV)) * 100e-6) - 1)).toBeLessThan(0.1);
    expect(ic.energy.pValue).toBeGreaterThan(0.01);
    const clocked = runH3({ ...o, set: { comparatorClockHz: "1e8" } });
    expect(clocked.verdict).toBe("refuted");
    expect(clocked.latency.measuredMean).toBeGreaterThan(1.1e-9);
    const threshold = runH3({ ...o, set: { deltaEThreshold: "0.07" } });
    expect(threshold.verdict).toBe("refuted");
    expect(threshold.vetoed).toBe(0);
  });
  it("the I_c flip point lies where (h/2e)·I_c crosses 2e-19 J, ±15 % (the replicates spread I_c by 5 %)", () => {
    const h = runH3({ replicates: 10, seed: 3 });
    const ic = h.assumptions.find((a) => a.name === "criticalCurrentA")!;
    const exact = 2e-19 / (6.62607015e-34 / (2 * EV));
    expect(Math.abs((ic.flipsAt as number) / exact - 1)).toBeLessThan(0.15);
    const th = h.assumptions.find((a) => a.name === "deltaEThreshold")!;
    expect(Math.abs((th.flipsAt as number) - 0.06)).toBeLessThan(1e-3);
  });
});

describe("verdicts and overrides", () => {
  it("every verdict is one of the three; none is 'supported'", () => {
    for (const h of runFalsify(["H1", "H3"], { replicates: 3, searchFlips: false })) expect(VERDICTS).toContain(h.verdict);
    expect(SIMULATION_CANNOT_SUPPORT).toMatch(/cannot support a claim about hardware/);
  });
  it("unknown names and bad values are typed errors naming the assumption", () => {
    expect(() => runH2({ set: { kappa: "1" } })).toThrow(InputError);
    expect(() => runH2({ set: { kappa: "1" } })).toThrow(/clockResidualS/);
    expect(() => runH3({ set: { criticalCurrentA: "-1" } })).toThrow(/--set criticalCurrentA/);
    expect(() => runH2({ set: { coupling: "quantum" } })).toThrow(/meanField, jump/);
    expect(() => runFalsify(["H1"], { set: { kappaPerS: "0" } })).toThrow(InputError);
    expect(() => applyOverrides(H2_ASSUMPTIONS, H2_PAPER, { veto: "maybe" }, "H2")).toThrow(/true, false/);
  });
  it("rejects fewer than 2 replicates and a negative seed", () => {
    expect(() => runFalsify(["H3"], { replicates: 1 })).toThrow(InputError);
    expect(() => runH3({ seed: -1 })).toThrow(InputError);
  });
});

describe("H2 on density matrices (Appendix B's equation taken literally)", () => {
  it("the density measurement on pure projectors equals the ket measurement: read-out frame, MST RCF̄ and pair null", () => {
    const n = 9, d = 5;
    const rng = RandomStream.fromSeed(4, "test");
    const kets = allocStates(n, d);
    for (let i = 0; i < n; i++) {
      let norm = 0;
      for (let k = 0; k < 2 * d; k++) { kets.data[2 * i * d + k] = (k % 2 === 0 ? 1 : 0) + 0.3 * rng.normal(); norm += kets.data[2 * i * d + k]! ** 2; }
      for (let k = 0; k < 2 * d; k++) kets.data[2 * i * d + k]! /= Math.sqrt(norm);
    }
    const omega = Float64Array.from({ length: d }, (_, k) => 1e15 + k * 2 * Math.PI * 100e9);
    const tau = Float64Array.from({ length: n }, () => 1e-12 * rng.normal());
    const rho = new Float64Array(n * 2 * d * d);
    for (let i = 0; i < n; i++) writeProjector(rho, 2 * d * d * i, kets.data.subarray(2 * d * i, 2 * d * (i + 1)), d);
    const framedKets = readoutFrame(kets, omega, tau);
    const framedRho = densityReadoutFrame(rho, n, d, omega, tau);
    const projected = new Float64Array(rho.length);
    for (let i = 0; i < n; i++) writeProjector(projected, 2 * d * d * i, framedKets.data.subarray(2 * d * i, 2 * d * (i + 1)), d);
    for (let e = 0; e < rho.length; e++) expect(framedRho[e]).toBeCloseTo(projected[e]!, 13);
    expect(densityMstRcf(framedRho, n, d)).toBeCloseTo(exactCoherence(framedKets).globalRcf, 12);
    let pair = 0, pairs = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++, pairs++) for (let k = 0; k < d; k++) {
      pair += (kets.data[2 * (i * d + k)]! ** 2 + kets.data[2 * (i * d + k) + 1]! ** 2) * (kets.data[2 * (j * d + k)]! ** 2 + kets.data[2 * (j * d + k) + 1]! ** 2);
    }
    expect(densityPairNullMean(rho, n, d)).toBeCloseTo(pair / pairs, 13);
  });
  it("at the paper's parameters the density reading misses 0.995 where meanField meets it: the coupling reading flips H2", () => {
    const dens = runH2({ replicates: 3, seed: 7, searchFlips: false, set: { coupling: "density" } });
    expect(dens.verdict).toBe("refuted");
    expect(dens.measuredMean).toBeLessThan(0.995);
    expect(dens.measuredMean).toBeGreaterThan(0.5);
  });
});
