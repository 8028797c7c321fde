/**
 * Time transfer across the Earth–Mars gap: exact cases (no clock noise: the residual is the
 * ephemeris error's projection on the line of sight over c in predictive mode, and cancels in
 * two-way), then the CSAC through the 2021 solar conjunction.
 */
import { Body, MakeTime } from "astronomy-engine";
import { describe, expect, it } from "vitest";
import { RandomStream } from "../../numeric/random/stream.js";
import { SPEED_OF_LIGHT_M_PER_S } from "../constants.js";
import { areostationarySite, baryPositionM, bodyCentre, siteLightTimeS } from "../orbit/interplanetary.js";
import { gapUmtRun, type GapUmtOptions } from "./interplanetary-umt.js";
import { CSAC_OSCILLATOR, type NormalSource, type OscillatorParams } from "./oscillator.js";

const SILENT: OscillatorParams = { whiteFmS: 0, randomWalkFmPerS: 0, frequencyOffsetStd: 0, driftStdPerS: 0 };

/** Draws from a fixed list, then zeros: lets a test know the ephemeris error vector exactly. */
function listed(values: number[]): NormalSource {
  let k = 0;
  return { normal: () => values[k++] ?? 0 };
}

const BASE: GapUmtOptions = {
  earth: bodyCentre(Body.Earth), mars: areostationarySite(0, 3), start: new Date("2020-10-13T00:00:00Z"),
  durationS: 2 * 86_400, syncIntervalS: 6 * 3600, turnaroundS: 1e-3, mode: "predictive", oscillator: SILENT, ephemerisErrorM: 0,
};

describe("Earth–Mars time transfer", () => {
  it("with silent clocks and an exact ephemeris both modes leave no residual", () => {
    for (const mode of ["predictive", "two-way"] as const) {
      const r = gapUmtRun({ ...BASE, mode }, listed([]));
      expect(r.residualAbsMaxS).toBeLessThan(1e-15);
      expect(Array.from(r.synced).every((s) => s === 1)).toBe(true);
    }
  });

  it("predictive compensation leaves the range error over c; two-way cancels it", () => {
    const sigmaM = 300;
    // Draw order: 2 offsets per clock (4 zeros), then the error vector (1, −2, 0.5)·σ.
    const draws = [0, 0, 0, 0, 1, -2, 0.5];
    const pred = gapUmtRun({ ...BASE, ephemerisErrorM: sigmaM }, listed(draws));
    // Independent: B steers to θ₁ = τ + e_B − e_A − τ̂ with τ̂ − τ = û·δ/c, so it is left at +û·δ/c
    // (û the Earth→Mars line of sight at the last exchange).
    const t1 = MakeTime(BASE.start).AddDays((pred.timesS.length - 1) * BASE.syncIntervalS / 86_400);
    const tau = siteLightTimeS(BASE.earth, BASE.mars, t1);
    const a = baryPositionM(Body.Earth, t1), b = BASE.mars(t1.AddDays(tau / 86_400), new Float64Array(3));
    const u = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!], l = Math.hypot(...u);
    const expected = ((u[0]! * 1 + u[1]! * -2 + u[2]! * 0.5) * sigmaM) / l / SPEED_OF_LIGHT_M_PER_S;
    const last = pred.residualS[pred.residualS.length - 1]!;
    expect(Math.abs(last - expected)).toBeLessThan(1e-3 * Math.abs(expected));
    expect(Math.abs(last)).toBeGreaterThan(1e-7); // ~µs for 300 m: 10⁷ × the paper's 100 fs
    const tw = gapUmtRun({ ...BASE, mode: "two-way", ephemerisErrorM: sigmaM }, listed(draws));
    expect(tw.residualAbsMaxS).toBeLessThan(1e-3 * Math.abs(expected));
  });

  it("through the 2021 solar conjunction the link drops, the Mars clock holds over and the residual grows", () => {
    const rng = RandomStream.fromSeed(11, "gap-umt");
    const r = gapUmtRun({ ...BASE, mars: bodyCentre(Body.Mars), start: new Date("2021-09-20T00:00:00Z"), durationS: 30 * 86_400, syncIntervalS: 86_400, mode: "two-way", oscillator: CSAC_OSCILLATOR, ephemerisErrorM: 300 }, rng);
    const down = Array.from(r.synced).map((s, k) => (s === 0 ? k : -1)).filter((k) => k >= 0);
    expect(down.length).toBeGreaterThan(5);
    const before = Math.abs(r.residualS[0]!);
    const worstDown = Math.max(...down.map((k) => Math.abs(r.residualS[k]!)));
    expect(worstDown).toBeGreaterThan(10 * before);
    expect(r.residualAbsP50S).toBeGreaterThan(100e-15); // the CSAC over a day is far above 100 fs
  });

  it("frequency steering removes a constant frequency offset that time steering leaves growing over each interval", () => {
    // y_A = +1e-10, y_B = −1e-10, no noise: time-only steering leaves (y_B − y_A)·(hold-over) ≈ −2e-10 × ~4 h
    // before every exchange; with g = 1 the rate learns y_B − y_A from two exchanges and the residual collapses
    // (to y_A·τ in one-way mode).
    const osc: OscillatorParams = { ...SILENT, frequencyOffsetStd: 1e-10 };
    for (const mode of ["predictive", "two-way"] as const) {
      const o = { ...BASE, mode, oscillator: osc, syncIntervalS: 4 * 3600 };
      const timeOnly = gapUmtRun(o, listed([1, 0, -1, 0]));
      const last0 = timeOnly.residualS[timeOnly.residualS.length - 1]!;
      const tau = timeOnly.lightTimeS[timeOnly.lightTimeS.length - 1]!;
      // Both modes measure the offset as of t2 = t1 + τ; the drift from then to the next sample stays,
      // and one-way adds A's own drift over τ (A's stamp is τ old): −y_A·τ.
      const expected0 = -2e-10 * (o.syncIntervalS - tau) - (mode === "predictive" ? 1e-10 * tau : 0);
      expect(Math.abs(last0 - expected0)).toBeLessThan(1e-3 * Math.abs(expected0));
      const steered = gapUmtRun({ ...o, frequencyGain: 1 }, listed([1, 0, -1, 0]));
      // One-way compares B at t2 with A's stamp from t1: A's own drift over τ, y_A·τ, stays (two-way cancels it).
      const floor = mode === "predictive" ? 1e-10 * tau : 0;
      expect(Math.abs(Math.abs(steered.residualS[steered.residualS.length - 1]!) - floor)).toBeLessThan(1e-3 * Math.abs(last0));
    }
    expect(() => gapUmtRun({ ...BASE, frequencyGain: 2 }, listed([]))).toThrow(/frequencyGain/);
  });

  it("rejects bad inputs by name", () => {
    expect(() => gapUmtRun({ ...BASE, durationS: 200 * 86_400 }, listed([]))).toThrow(/durationS/);
    expect(() => gapUmtRun({ ...BASE, syncIntervalS: 0 }, listed([]))).toThrow(/syncIntervalS/);
    expect(() => gapUmtRun({ ...BASE, mode: "two-way", syncIntervalS: 600 }, listed([]))).toThrow(/syncIntervalS/);
    expect(() => gapUmtRun({ ...BASE, ephemerisErrorM: -1 }, listed([]))).toThrow(/ephemerisErrorM/);
  });
});
