import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { AppendixASimulator } from "./appendix-a.js";

// Appendix A's v3000_simulator.py run by numpy 1.24.2 (10 steps, seed 42, N = 1000, d = 12).
const ref = JSON.parse(readFileSync(new URL("../../../test/reference/numpy-appendix-a.json", import.meta.url), "utf8")) as {
  steps: number; final_avg_rcf: number; total_veto_events: number; final_avg_delta_e: number;
  rcf_history: number[]; delta_e_history: number[];
};

describe("Appendix A simulator (paper mode)", () => {
  it("reproduces numpy's run of v3000_simulator.py number for number (seed 42, 10 steps)", () => {
    const sim = new AppendixASimulator(1000, 12, new NumpyRandomState(42));
    let vetoes = 0;
    for (let s = 0; s < ref.steps; s++) {
      const r = sim.step();
      vetoes += r.vetoes;
      expect(Math.abs(r.avgRcf - ref.rcf_history[s]!)).toBeLessThan(1e-12);
      expect(Math.abs(r.avgDeltaE - ref.delta_e_history[s]!)).toBeLessThan(1e-12);
    }
    expect(vetoes).toBe(ref.total_veto_events);
  });

  it("keeps the stored states normalised after each step (the for…else random walk always runs)", () => {
    const sim = new AppendixASimulator(50, 12, new NumpyRandomState(1));
    sim.step();
    for (let i = 0; i < 50; i++) {
      let n = 0;
      for (let k = 0; k < 24; k++) n += sim.states[24 * i + k]! ** 2;
      expect(n).toBeCloseTo(1, 12);
    }
  });

  it("rejects a population too small for one RCF pair before drawing anything", () => {
    expect(() => new AppendixASimulator(1, 12, new NumpyRandomState(1))).toThrow(/nodes.*at least one pair/);
    expect(() => new AppendixASimulator(10, 1, new NumpyRandomState(1))).toThrow(/dim/);
  });
});
