/**
 * The dashboard's chart axes (web/src/ticks.ts) and chart groups (web/src/metrics.ts). Axis
 * labels must never be cut off or collide: each label has exactly the digits its step needs,
 * RCF sitting at 0.9999999… still gets distinct labels with the leading "0.", and seconds and
 * joules carry an SI prefix. Expected labels are worked out by hand from the step rule
 * (1, 2 or 5 × 10^k, about `count` intervals).
 */
import { describe, expect, it } from "vitest";
import { formatValue, niceAxis, niceStep, tickLabels } from "../../web/src/ticks.js";
import { chartGroups } from "../../web/src/metrics.js";
import { METRICS, METRIC_GROUPS } from "../../src/report/metric-table.js";

describe("chart axes", () => {
  it("steps are 1, 2 or 5 × 10^k", () => {
    expect(niceStep(1, 3)).toBeCloseTo(0.5, 15); // 0.333 → 5 × 10^-1 (3.33 ≥ 3.16)
    expect(niceStep(1, 5)).toBeCloseTo(0.2, 15);
    expect(niceStep(7e-4, 3)).toBeCloseTo(2e-4, 19); // 2.33e-4 → 2 × 10^-4
    expect(niceStep(90, 10)).toBe(10); // 9 → 10
  });

  it("RCF near 1: distinct labels, leading 0, only the digits the step needs", () => {
    const a = niceAxis(0.99999990, 0.99999999, "", 3);
    // span 9e-8 / 3 = 3e-8 → step 2e-8 (3 < 3.16), but 0.99999990 … 1.00000000 is then 5
    // intervals, more than count + 1 = 4: the next step, 5e-8, gives 2.
    expect(a.labels).toEqual(["0.99999990", "0.99999995", "1.00000000"]);
    expect(a.lo).toBeLessThanOrEqual(0.99999990);
    expect(a.hi).toBeGreaterThanOrEqual(0.99999999);
    expect(new Set(a.labels).size).toBe(a.labels.length);
    for (const l of a.labels) expect(l).toMatch(/^\d/); // never ".703978754"
  });

  it("seconds and joules get an SI prefix, counts no unit, fs its own", () => {
    expect(niceAxis(0, 7e-4, "s", 3).labels).toEqual(["0 µs", "200 µs", "400 µs", "600 µs", "800 µs"]);
    expect(niceAxis(0, 3, "count", 3).labels).toEqual(["0", "1", "2", "3"]);
    expect(niceAxis(0.5, 2.5, "fs", 2).labels).toEqual(["0 fs", "1 fs", "2 fs", "3 fs"]);
    expect(tickLabels([0, 2e-9, 4e-9], 2e-9, "J")).toEqual(["0.0 nJ", "2.0 nJ", "4.0 nJ"].map((s) => s.replace(".0", "")));
    expect(niceAxis(1e6, 3e6, "", 2).labels).toEqual(["1e+6", "2e+6", "3e+6"]);
  });

  it("a flat series is widened around its value, no −0", () => {
    const a = niceAxis(0, 0, "count", 3);
    expect(a.lo).toBeLessThan(0);
    expect(a.hi).toBeGreaterThan(0);
    expect(a.labels).toContain("0");
    expect(a.labels.some((l) => l.startsWith("-0"))).toBe(false);
    expect(() => niceAxis(Number.NaN, 1, "")).toThrow(/finite/);
  });

  it("values carry their unit", () => {
    expect(formatValue(0, "count")).toBe("0 count");
    expect(formatValue(3.2e-4, "s")).toBe("320 µs");
    expect(formatValue(0.25, "J")).toBe("250 mJ");
    expect(formatValue(1178.2, "s")).toBe("1178 s"); // seconds take no prefix above 1: not "1.178 ks"
    expect(formatValue(2500.5, "J")).toBe("2.501 kJ");
    expect(niceAxis(1100, 1300, "s", 2).labels).toEqual(["1100 s", "1200 s", "1300 s"]);
    expect(formatValue(0.99999981234, "")).toBe("0.999999812"); // 1 − v = 1.9e-7: two digits of the gap
    expect(formatValue(Number.NaN, "s")).toBe("—");
  });
});

describe("chart groups", () => {
  it("one chart per metric, grouped and ordered as the metric table", () => {
    const names = ["vetoEnergyJ", "globalRcf", "commitLatencyLastS", "vetoes", "vetoesTotal", "deltaEMean"];
    const groups = chartGroups(names);
    expect(groups.map((g) => g.group)).toEqual(METRIC_GROUPS.filter((g) => ["coherence", "ethics / veto", "control plane", "energy"].includes(g)));
    const veto = groups.find((g) => g.group === "ethics / veto")!;
    expect(veto.charts.map((c) => c.key)).toEqual(["deltaEMean", "vetoes", "vetoesTotal"]);
    const latency = groups.flatMap((g) => g.charts).find((c) => c.key === "commitLatencyLastS")!;
    expect(latency.label).toBe(METRICS.commitLatencyLastS!.label);
    expect(latency.unit).toBe("s");
    expect(groups.flatMap((g) => g.charts)).toHaveLength(names.length);
  });
});
