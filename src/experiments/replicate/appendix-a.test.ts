import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { inspectPng } from "../../report/png.js";
import { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { startMtPipeline } from "../../sim/executors/mt19937-pipeline.js";
import { appendixAFigure, explainAppendixA, replicateAppendixA } from "./appendix-a.js";

// numpy 1.24.2 running the paper's Appendix A code for 10 steps with seed 42.
const ref = JSON.parse(readFileSync(new URL("../../../test/reference/numpy-appendix-a.json", import.meta.url), "utf8")) as {
  final_avg_rcf: number; total_veto_events: number; final_avg_delta_e: number; rcf_history: number[]; delta_e_history: number[];
  paper_expected_output: { final_avg_rcf: number; total_veto_events: number };
};

describe("replicate appendix-a (paper mode)", () => {
  const r = replicateAppendixA({ steps: 10, nodes: 1000, dim: 12, seed: 42 });

  it("prints numpy's numbers: final RCF, vetoes, final ΔE and both histories to 1e-12", () => {
    expect(Math.abs(r.finalAvgRcf - ref.final_avg_rcf)).toBeLessThan(1e-12);
    expect(r.totalVetoEvents).toBe(ref.total_veto_events);
    expect(Math.abs(r.finalAvgDeltaE - ref.final_avg_delta_e)).toBeLessThan(1e-12);
    r.rcfHistory.forEach((x, i) => expect(Math.abs(x - ref.rcf_history[i]!)).toBeLessThan(1e-12));
    r.deltaEHistory.forEach((x, i) => expect(Math.abs(x - ref.delta_e_history[i]!)).toBeLessThan(1e-12));
  });

  it("quotes the paper's expected output (Appendix A) as the paper's claim", () => {
    expect(r.paperExpected).toEqual({ finalAvgRcf: ref.paper_expected_output.final_avg_rcf, totalVetoEvents: ref.paper_expected_output.total_veto_events });
  });

  it("explains the gap with computed numbers: 1/d, N·steps vetoes, UMT invariance, 10^12 steps", () => {
    const a = r.analysis;
    expect(a.pairsPerStep).toBe(55); // Σ_{m=1}^{10} m for i in range(0,1000,100), j in range(i+1,1000,100)
    expect(a.rcfRandomExpected).toBeCloseTo(1 / 12, 15);
    expect(a.vetoesIfAll).toBe(10_000);
    expect(a.umtRcfChangeMax).toBeLessThan(1e-14);
    expect(a.paperSteps).toBe(1e12);
    const text = explainAppendixA(r);
    expect(text).toContain("0.083333");
    expect(text).toContain("0.998342");
    expect(text).toMatch(/N·steps = 10000; measured 10000/);
  });

  it("draws the paper's two-panel figure as SVG and a decodable PNG", () => {
    const fig = appendixAFigure(r);
    expect(fig.svg).toContain("Global Coherence over Time");
    expect(fig.svg).toContain("Ethical Dissonance Evolution");
    const info = inspectPng(fig.png);
    expect(info.width).toBe(1500);
    expect(info.height).toBe(750);
  });

  it("rejects bad input before any work, naming the limit", () => {
    expect(() => replicateAppendixA({ steps: 0, nodes: 1000, dim: 12, seed: 42 })).toThrow(/steps.*10\^12/);
    expect(() => replicateAppendixA({ steps: 1e12, nodes: 1000, dim: 12, seed: 42 })).toThrow(/steps/);
    expect(() => replicateAppendixA({ steps: 10, nodes: 1, dim: 12, seed: 42 })).toThrow(/nodes/);
    expect(() => replicateAppendixA({ steps: 10, nodes: 1000, dim: 12, seed: -1 })).toThrow(/seed.*2\^32/);
    expect(() => replicateAppendixA({ steps: 10, nodes: 1000, dim: 12, seed: 1.5 })).toThrow(/seed/);
    expect(() => replicateAppendixA({ steps: 10, nodes: 5_000_000, dim: 12, seed: 1 })).toThrow(/1 GiB/);
  });
});

describe("replicate appendix-a with MT19937 twisted on a worker thread", () => {
  it("the ring-backed state draws the same 10^5 randn values bit for bit as the in-thread one", () => {
    const local = new NumpyRandomState(42);
    const ringed = new NumpyRandomState(42);
    const x = new Float64Array(100_000);
    local.randnInto(x.subarray(0, 7)); // start mid-block and with a cached Gaussian
    local.randnInto(x.subarray(7));
    const y = new Float64Array(100_000);
    ringed.randnInto(y.subarray(0, 7));
    const pipe = startMtPipeline(ringed, 4); // a small ring: the producer fills it and waits many times
    try {
      expect(ringed.usesBlockSource).toBe(true);
      ringed.randnInto(y.subarray(7));
      expect(ringed.getState()).toEqual(local.getState());
    } finally {
      pipe.close();
    }
    let differ = 0;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) differ++;
    expect(differ).toBe(0);
    // After close the state twists in-thread again and stays in step.
    expect(ringed.usesBlockSource).toBe(false);
    expect(ringed.randn()).toBe(local.randn());
    expect(ringed.randomSample()).toBe(local.randomSample());
  });

  it("prints numpy's numbers (test/reference/numpy-appendix-a.json) to 1e-12 with the pipelined stream", () => {
    const p = replicateAppendixA({ steps: 10, nodes: 1000, dim: 12, seed: 42, pipeline: true });
    expect(Math.abs(p.finalAvgRcf - ref.final_avg_rcf)).toBeLessThan(1e-12);
    expect(p.totalVetoEvents).toBe(ref.total_veto_events);
    expect(Math.abs(p.finalAvgDeltaE - ref.final_avg_delta_e)).toBeLessThan(1e-12);
    p.rcfHistory.forEach((x, i) => expect(Math.abs(x - ref.rcf_history[i]!)).toBeLessThan(1e-12));
    p.deltaEHistory.forEach((x, i) => expect(Math.abs(x - ref.delta_e_history[i]!)).toBeLessThan(1e-12));
  });

  it("rejects a pipeline option that is not true, false or \"auto\"", () => {
    expect(() => replicateAppendixA({ steps: 10, nodes: 1000, dim: 12, seed: 42, pipeline: "yes" as never })).toThrow(/pipeline/);
  });
});
