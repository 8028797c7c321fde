import { describe, it, expect } from "vitest";
import { replicateAppendixF, explainAppendixF, physicalAppendixF, explainPhysicalAppendixF } from "./appendix-f.js";

describe("replicate appendix-f ", () => {
  it("JSON shape of the issue: trajectory points with t, coherence, temperatureMk, entropy, dissonance, status; alerts; stabilised", () => {
    const r = JSON.parse(JSON.stringify(replicateAppendixF({ steps: 20, seed: 42 }))) as Record<string, unknown>;
    const p = (r.trajectory as Record<string, unknown>[])[0]!;
    expect(Object.keys(p).sort()).toEqual(["coherence", "dissonance", "entropy", "status", "t", "temperatureMk"]);
    expect(r.alerts).toEqual([{ t: 17, kind: "thermo" }, { t: 18, kind: "thermo" }, { t: 19, kind: "thermo" }]);
    expect(r.stabilised).toBe(false);
  });
  it("the report shows the script's claim and contradicts it", () => {
    const text = explainAppendixF(replicateAppendixF({ steps: 20, seed: 42 }));
    expect(text).toContain("[SYSTEM] Simulation complete. Resonance stabilized.");
    expect(text).toContain("NOT STABILISED: entropy slope 0.0400 per step");
    expect(text).toContain("CRITICAL from T=017");
  });
  it("--steps 10: no step is CRITICAL yet, but the entropy trend says NOT STABILISED", () => {
    const text = explainAppendixF(replicateAppendixF({ steps: 10, seed: 42 }));
    expect(text).toContain("Verdict: NOT STABILISED: entropy slope 0.0400 per step");
    expect(text).not.toContain("CRITICAL from");
  });
  it("rejects bad steps", () => {
    expect(() => replicateAppendixF({ steps: 0, seed: 1 })).toThrow(/steps/);
  });
});

describe("replicate appendix-f --physical", () => {
  it("reports the step it stabilises at", () => {
    const text = explainPhysicalAppendixF(physicalAppendixF(20));
    expect(text).toContain("STABILISED from T=013");
  });
});
