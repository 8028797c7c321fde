import { describe, it, expect } from "vitest";
import { renderLineChart, renderSubplots, svgToPng } from "./plot.js";
import { inspectPng } from "./png.js";
import { InputError } from "../errors.js";

const x = Array.from({ length: 120 }, (_, i) => i);
const rcf = Float64Array.from(x, (i) => 1 / 12 + 0.01 * Math.sin(i / 7));

describe("renderLineChart", () => {
  it("puts the title, axis labels and series names in the SVG", () => {
    const { svg } = renderLineChart({
      title: "Global coherence", xLabel: "time (s)", yLabel: "RCF",
      series: [{ name: "global RCF", x, y: rcf }, { name: "ODOS threshold", x, y: x.map(() => 0.95) }],
    });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('width="800"');
    expect(svg).toContain('height="450"');
    for (const text of ["Global coherence", "time (s)", "RCF", "global RCF", "ODOS threshold"]) expect(svg).toContain(text);
  });

  it("renders a PNG of the requested size that decodes", () => {
    const { svg } = renderLineChart({ title: "t", xLabel: "x", yLabel: "y", width: 640, height: 360, series: [{ name: "s", x, y: rcf }] });
    const png = svgToPng(svg);
    expect(inspectPng(png)).toMatchObject({ width: 640, height: 360 });
    expect(inspectPng(svgToPng(svg, { width: 1280 }))).toMatchObject({ width: 1280, height: 720 });
  });

  it("rejects bad data with the path of the offending value", () => {
    const panel = { title: "t", xLabel: "x", yLabel: "y" };
    expect(() => renderLineChart({ ...panel, series: [{ name: "s", x: [0, 1], y: [0] }] })).toThrow(/series\[0\]\.y: expected length 2/);
    expect(() => renderLineChart({ ...panel, series: [{ name: "s", x: [0, 1], y: [0, Number.NaN] }] })).toThrow(/series\[0\]\.y\[1\]: expected a finite number, got NaN/);
    expect(() => renderLineChart({ ...panel, yLog: true, series: [{ name: "s", x: [0, 1], y: [1, 0] }] })).toThrow(/log axis/);
    expect(() => renderLineChart({ ...panel, series: [] })).toThrow(InputError);
    expect(() => renderLineChart({ ...panel, width: 0, series: [{ name: "s", x: [0], y: [0] }] })).toThrow(/width/);
  });
});

describe("renderSubplots", () => {
  it("places two panels side by side in one image (the paper's Appendix A figure has two)", () => {
    const { svg } = renderSubplots({
      title: "Appendix A", width: 1200, height: 450,
      panels: [
        { title: "Global RCF", xLabel: "step", yLabel: "RCF", series: [{ name: "RCF", x, y: rcf }] },
        { title: "Average ΔE", xLabel: "step", yLabel: "ΔE", yLog: true, series: [{ name: "mean ΔE", x, y: x.map(() => 0.9) }] },
      ],
    });
    for (const text of ["Appendix A", "Global RCF", "Average ΔE", "mean ΔE"]) expect(svg).toContain(text);
    expect(inspectPng(svgToPng(svg))).toMatchObject({ width: 1200, height: 450 });
  });
});

describe("shaded bands", () => {
  it("draws one shaded area per range and names them once in the legend; refuses a reversed range", () => {
    const panel = { title: "t", xLabel: "x", yLabel: "y", series: [{ name: "s", x, y: rcf }] };
    const { svg } = renderLineChart({ ...panel, bands: { name: "links down", ranges: [[10, 20], [50, 70]] } });
    expect(svg.match(/<polygon [^>]*fill-opacity="0.16"/g)).toHaveLength(2);
    expect(svg.split("links down").length - 1).toBe(1);
    expect(() => renderLineChart({ ...panel, bands: { name: "b", ranges: [[5, 1]] } })).toThrow(/bands\.ranges\[0\]: expected finite \[from, to\] with from ≤ to/);
  });
});
