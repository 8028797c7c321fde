import { describe, it, expect } from "vitest";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeRunReport, REPORT_PLOT_WIDTH, REPORT_PLOT_HEIGHT, timeUnit, type RunReportInput } from "./run-report.js";
import { verdictsFor } from "./verdicts.js";
import { METRICS, metricTitle } from "./metric-table.js";
import { escapeHtml as esc } from "./html-escape.js";
import { inspectPng } from "./png.js";
import { resolveScenario } from "../sim/scenario/index.js";

const scenario = resolveScenario({ name: "report-test", run: { durationS: 1e-7, sampleEveryS: 1e-8 } });
const t = Array.from({ length: 10 }, (_, i) => (i + 1) * 10);
const series = (f: (i: number) => number) => ({ tNs: t, value: t.map((_, i) => f(i)) });
const input: RunReportInput = {
  runId: "run-test0001", status: "done", scenario, codeVersion: "0.1.0", fingerprint: "00112233aabbccdd", createdAt: "2026-01-01T00:00:00Z", wallS: 1.25,
  metrics: new Map([
    ["globalRcf", series((i) => 0.999 - i * 1e-5)], ["rcfNeighbourMean", series(() => 0.998)], ["clockErrorRmsFs", series(() => 10)],
    ["deltaEMean", series((i) => 0.001 * i)], ["deltaEMax", series((i) => 0.002 * i)],
    ["vetoes", series((i) => i % 3)], ["vetoesTotal", series((i) => i)], ["vetoEnergyJ", series(() => 2e-20)], ["vetoEnergyTotalJ", series((i) => 2e-20 * i)],
  ]),
  eventCounts: { veto: 9 },
};

describe("writeRunReport", () => {
  it("writes each plot as SVG and a PNG of the expected size that decodes", () => {
    const dir = mkdtempSync(join(tmpdir(), "pqms-report-"));
    const r = writeRunReport(input, dir, "html");
    expect(r.plots.map((p) => p.name)).toEqual(["coherence", "delta-e", "vetoes"]);
    for (const p of r.plots) {
      expect(readFileSync(p.svgPath, "utf8")).toMatch(/^<svg/);
      expect(inspectPng(readFileSync(p.pngPath))).toMatchObject({ width: REPORT_PLOT_WIDTH, height: REPORT_PLOT_HEIGHT });
    }
  });

  it("writes a self-contained HTML page holding every plot inline, the parameters and the verdicts", () => {
    const dir = mkdtempSync(join(tmpdir(), "pqms-report-"));
    const r = writeRunReport(input, dir, "html");
    const html = readFileSync(r.path, "utf8");
    for (const name of ["coherence", "delta-e", "vetoes"]) expect(html).toMatch(new RegExp(`<figure id="plot-${name}">\\s*<svg`));
    // Series and final values named by the metric table, axes with its units.
    for (const text of [METRICS.deltaEMean!.label, METRICS.vetoesTotal!.label, "energy [J]", "vetoes [count]", "RMS clock error [fs]"]) expect(html).toContain(esc(text));
    for (const p of r.plots) expect(p.svg).not.toMatch(/globalRcf|deltaE(Mean|Max)|vetoesTotal|vetoEnergy|clockErrorRmsFs/); // no raw key in a plot
    // Final values: the last sample, labelled and unitised (vetoesTotal's last is 9; veto energy 9 × 2e-20 J).
    expect(html).toContain(`<tr><td>${esc(metricTitle("vetoesTotal"))}</td><td>9 count</td><td><code>vetoesTotal</code></td></tr>`);
    expect(html).toContain("<td>1.8e-19 J</td>");
    for (const text of ["Global RCF (MST mean)", "Veto energy", "run-test0001", "00112233aabbccdd", "mesh.gammaPerS", "odos.deltaEThreshold", "Theorem 2", "§6.2"]) expect(html).toContain(text);
    // No network: no scripts, stylesheets, or remote images.
    expect(html).not.toMatch(/<script|<link|src="https?:|url\(https?:/);
    // Inlined SVGs do not share clip-path ids.
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("writes Markdown linking the PNGs", () => {
    const dir = mkdtempSync(join(tmpdir(), "pqms-report-"));
    const r = writeRunReport(input, dir, "md");
    const md = readFileSync(r.path, "utf8");
    expect(md).toContain("![Global coherence (§2.1)](coherence.png)");
    expect(existsSync(join(dir, "coherence.png"))).toBe(true);
  });

  it("chooses a readable time unit", () => {
    expect(timeUnit(200).label).toBe("ns");
    expect(timeUnit(1e6).label).toBe("µs");
    expect(timeUnit(5e9).label).toBe("ms");
  });
});

describe("verdictsFor", () => {
  it("sets Theorem 2's 1/(1 + γ/κ) beside the measured neighbour RCF (Appendix B)", () => {
    // γ/κ = 1e-3 ⇒ RCF = 1/1.001 = 0.999000999…
    const v = verdictsFor(scenario, new Map([["rcfNeighbourMean", [0.5, 1 / 1.001]]]))[0]!;
    expect(v.expected).toContain("0.999001");
    expect(v.outcome).toBe("holds");
    expect(verdictsFor(scenario, new Map([["rcfNeighbourMean", [0.9999]]]))[0]!.outcome).toBe("fails");
  });
  it("judges §6.2's 0.995 and Appendix A's ΔE < 0.02 on the run's numbers", () => {
    const v = verdictsFor(scenario, new Map([["globalRcf", [0.99, 0.994]], ["deltaEMean", [0.01, 0.02]]]));
    expect(v.find((x) => x.section === "§6.2")?.outcome).toBe("fails"); // 0.994 is not > 0.995
    expect(v.find((x) => x.claim.includes("0.02"))?.outcome).toBe("holds"); // mean 0.015 < 0.02
    const w = verdictsFor(scenario, new Map([["globalRcf", [0.996]], ["deltaEMean", [0.01, 0.03]]]));
    expect(w.find((x) => x.section === "§6.2")?.outcome).toBe("holds");
    expect(w.find((x) => x.claim.includes("0.02"))?.outcome).toBe("fails"); // mean 0.02 is not < 0.02
  });
});
