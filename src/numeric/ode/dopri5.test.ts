// DOPRI5 against exact solutions (Hairer–Nørsett–Wanner §II.5): decay, harmonic oscillator,
// error scaling with tolerance, dense output between steps, and the maxSteps failure.
import { describe, it, expect } from "vitest";
import { Dopri5, dopri5 } from "./dopri5.js";
import { InputError, SolverError } from "../../errors.js";

const decay = (k: number) => (_t: number, y: Float64Array, dy: Float64Array): void => {
  dy[0] = -k * y[0]!;
};
const oscillator = (w: number) => (_t: number, y: Float64Array, dy: Float64Array): void => {
  dy[0] = y[1]!;
  dy[1] = -w * w * y[0]!;
};

describe("dopri5", () => {
  it("integrates exponential decay y' = -k y to the exact e^{-kt} at every output time", () => {
    const ts = Array.from({ length: 51 }, (_, i) => i * 0.2);
    const { ys, stats } = dopri5(decay(1.3), 0, Float64Array.of(2), ts, { atol: 1e-12, rtol: 1e-12 });
    expect(ys).toHaveLength(51);
    ts.forEach((t, i) => expect(Math.abs((ys[i]?.[0] as number) - 2 * Math.exp(-1.3 * t))).toBeLessThan(1e-10));
    expect(stats.nAccepted + stats.nRejected).toBe(stats.nSteps);
    expect(stats.nEvals).toBeGreaterThanOrEqual(6 * stats.nSteps + 1);
  });

  it("follows the harmonic oscillator x = cos ωt, v = -ω sin ωt over 20 periods at tight tolerance", () => {
    const w = 2.5;
    const ts = Array.from({ length: 1001 }, (_, i) => (i * 20 * 2 * Math.PI) / w / 1000);
    const { ys } = dopri5(oscillator(w), 0, Float64Array.of(1, 0), ts, { atol: 1e-12, rtol: 1e-12 });
    let errMax = 0;
    ts.forEach((t, i) => {
      const y = ys[i] as Float64Array;
      errMax = Math.max(errMax, Math.abs(y[0]! - Math.cos(w * t)), Math.abs(y[1]! + w * Math.sin(w * t)) / w);
    });
    expect(errMax).toBeLessThan(1e-9);
  });

  it("hits output times by dense interpolation, not by shortening steps", () => {
    const dense = Array.from({ length: 2001 }, (_, i) => i * 0.005);
    const a = dopri5(oscillator(1), 0, Float64Array.of(1, 0), dense, { rtol: 1e-6, atol: 1e-9 });
    const b = dopri5(oscillator(1), 0, Float64Array.of(1, 0), [10], { rtol: 1e-6, atol: 1e-9 });
    expect(a.stats.nSteps).toBe(b.stats.nSteps);
    // interpolant is 4th order: still close to the exact solution between steps
    dense.forEach((t, i) => expect(Math.abs((a.ys[i]?.[0] as number) - Math.cos(t))).toBeLessThan(1e-5));
  });

  it("has a global error that falls with the tolerance (5th-order method: about tol^(5/5) … tol^(4/5))", () => {
    const errAt = (tol: number): number => {
      const { ys } = dopri5(oscillator(1), 0, Float64Array.of(1, 0), [30], { atol: tol, rtol: tol });
      return Math.abs((ys[0]?.[0] as number) - Math.cos(30));
    };
    const e6 = errAt(1e-6), e9 = errAt(1e-9);
    expect(e9).toBeLessThan(e6 / 100);
    expect(e6).toBeLessThan(1e-4);
  });

  it("respects maxStep", () => {
    const { stats } = dopri5(decay(0), 0, Float64Array.of(1), [10], { maxStep: 0.5 });
    expect(stats.nAccepted).toBeGreaterThanOrEqual(20);
  });

  it("reports an output at t0 as the initial state itself", () => {
    const { ys } = dopri5(decay(1), 0, Float64Array.of(3), [0, 1]);
    expect(ys[0]?.[0]).toBe(3);
  });

  it("fails with a SolverError naming the time reached, the target and the fix when maxSteps runs out", () => {
    let err: unknown;
    try {
      dopri5(oscillator(50), 0, Float64Array.of(1, 0), [100], { maxSteps: 20, atol: 1e-10, rtol: 1e-10 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SolverError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/reached t = [0-9.e-]+ of the target t = 100/);
    expect(msg).toMatch(/maxSteps/);
    expect(msg).toMatch(/loosen/);
  });

  it("rejects bad inputs with InputError", () => {
    const s = new Dopri5(decay(1), 1);
    const out = (): void => undefined;
    expect(() => s.solve(0, Float64Array.of(1), [1, 1], out)).toThrow(InputError);
    expect(() => s.solve(0, Float64Array.of(1), [-1], out)).toThrow(InputError);
    expect(() => s.solve(0, Float64Array.of(NaN), [1], out)).toThrow(InputError);
    expect(() => s.solve(0, Float64Array.of(1, 2), [1], out)).toThrow(InputError);
    expect(() => s.solve(0, Float64Array.of(1), [1], out, { rtol: -1 })).toThrow(InputError);
    expect(() => s.solve(0, Float64Array.of(1), [Infinity], out)).toThrow(InputError);
  });
});
