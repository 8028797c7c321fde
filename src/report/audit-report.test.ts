/** Reports: self-contained HTML (no scripts, no external links), every claim and hypothesis present, plots inline. */
import { describe, it, expect } from "vitest";
import { auditHtml, auditMarkdown } from "./audit-report.js";
import { falsifyHtml, hypothesisPlot, type FalsifyReportHypothesis } from "./falsify-report.js";

const claim = { id: "x-1", section: "§9", claim: "a < b", inputs: { a: 1 }, paperValue: 2, recomputed: 8, unit: "W", verdict: "inconsistent", basis: "derived", comparison: { paper: 2, recomputed: 8, relation: "equal", relTol: 0.1, evidence: "arithmetic" }, factor: 4, law: null, why: null, simulation: null, arithmetic: ["8 / 2 = 4"], explanation: "Four times off." };
const hyp: FalsifyReportHypothesis = {
  id: "H9", section: "§6.9", hypothesis: "h", criterion: "x < 1", measured: [0.2, 0.3, 0.25], measuredMean: 0.25, unit: "s", ci95: { lower: 0.1, upper: 0.4 },
  statistic: { name: "t", value: -10, df: 2 }, pValue: 0.001, replicates: 3, seed: 1, verdict: "supported", reason: "r <b>", wouldTest: "w", criterionValue: 1, arithmetic: ["a"],
};

describe("reports", () => {
  it("audit: claim, arithmetic and factor appear; HTML escapes and has no script", () => {
    const md = auditMarkdown({ claims: [claim], tally: { inconsistent: 1 } });
    expect(md).toContain("8 / 2 = 4");
    expect(md).toContain("inconsistent (×4)");
    expect(md).toContain("derived from arithmetic: recomputed 8 = paper within 0.1 (relative), paper 2");
    const html = auditHtml({ claims: [claim], tally: { inconsistent: 1 } });
    expect(html).toContain("a &lt; b");
    expect(html).not.toMatch(/<script|src="http/);
  });
  it("falsify: the plot is inline SVG with the criterion line", () => {
    const svg = hypothesisPlot(hyp);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("criterion 1");
    const html = falsifyHtml([hyp], [svg]);
    expect(html).toContain("<svg");
    expect(html).toContain("r &lt;b&gt;");
  });
});
