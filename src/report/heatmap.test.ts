/** Heatmaps (H2's sensitivity): one SVG, every cell's label present, bad indices are typed errors. */
import { describe, it, expect } from "vitest";
import { renderHeatmaps } from "./heatmap.js";
import { InputError } from "../errors.js";

describe("renderHeatmaps", () => {
  const panel = { title: "meanField <veto>", xLabels: ["1e-14", "1e-9"], yLabels: ["1", "1000"], cells: [
    { x: 0, y: 0, holds: false, label: "0.9871" }, { x: 1, y: 0, holds: false, label: "0.9012" },
    { x: 0, y: 1, holds: true, label: "0.9998" }, { x: 1, y: 1, holds: false, label: "0.9274" },
  ] };
  it("draws every panel and cell label into a standalone SVG with both legend pieces", () => {
    const { svg } = renderHeatmaps({ title: "H2", xLabel: "residual, s", yLabel: "κ/γ", panels: [panel, { ...panel, title: "jump" }] });
    expect(svg).toMatch(/^<svg/);
    for (const l of ["0.9871", "0.9012", "0.9998", "0.9274", "criterion met", "not met", "jump", "meanField &lt;veto&gt;"]) expect(svg).toContain(l);
    expect(svg).not.toMatch(/<script/);
  });
  it("rejects a cell outside its panel and an empty panel list", () => {
    expect(() => renderHeatmaps({ title: "t", xLabel: "x", yLabel: "y", panels: [{ ...panel, cells: [{ x: 2, y: 0, holds: true, label: "" }] }] })).toThrow(InputError);
    expect(() => renderHeatmaps({ title: "t", xLabel: "x", yLabel: "y", panels: [] })).toThrow(InputError);
  });
});
