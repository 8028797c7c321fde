/**
 * The interplanetary section of a run report (§5.2): the Earth–Mars clock residual, coherence
 * within each shell, across the gap and global, and routed latency within the shells and across,
 * each against time with the periods the gap was closed shaded and the paper's bounds (100 fs,
 * Theorem 1's 10 fs, < 1 ns) drawn beside them; the geometry (light time, Sun–Earth–Mars angle,
 * usable links); a table of the figures while linked and while cut off; and what the gap does to
 * the "single cognitive unit", computed from the run (cognitive-unit.ts).
 */
import { cognitiveUnit, PAPER_BOUNDS, type CognitiveUnitReading } from "./cognitive-unit.js";
import { escapeHtml, mdCell } from "./html-escape.js";
import {
  formatSeconds, interplanetaryStats, PAPER_LATENCY_S, PAPER_RESIDUAL_S, THEOREM1_DRIFT_S,
  type InterplanetaryStats, type MetricSeries, type Split,
} from "./interplanetary-data.js";
import type { LinePanel, LineSeries, PanelBands } from "./plot.js";
import type { Verdict } from "./verdicts.js";

/** One figure of the section: a file name, a title and its panels (one column). */
export interface InterplanetaryFigure {
  readonly name: string;
  readonly title: string;
  readonly panels: readonly LinePanel[];
}

export interface InterplanetarySection {
  readonly stats: InterplanetaryStats;
  readonly reading: CognitiveUnitReading;
  readonly figures: readonly InterplanetaryFigure[];
  readonly verdicts: readonly Verdict[];
}

/** The time axis of a run lasting `spanNs`: days for runs of days, else hours or seconds. */
export function interplanetaryTimeUnit(spanNs: number): { label: string; perNs: number } {
  if (spanNs >= 2 * 86_400e9) return { label: "days", perNs: 1 / 86_400e9 };
  if (spanNs >= 2 * 3600e9) return { label: "h", perNs: 1 / 3600e9 };
  return { label: "s", perNs: 1e-9 };
}

type Transform = (v: number) => number;

function fromMetric(metrics: MetricSeries, key: string, name: string, perNs: number, f: Transform = (v) => v, positive = false): LineSeries[] {
  const m = metrics.get(key);
  if (!m) return [];
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < m.tNs.length; i++) {
    const v = f(m.value[i]!);
    // NaN marks "no route this sample"; a log axis also drops exact zeros (the text says so).
    if (!Number.isFinite(v) || (positive && v <= 0)) continue;
    x.push(m.tNs[i]! * perNs);
    y.push(v);
  }
  return x.length > 0 ? [{ name, x, y }] : [];
}

function hline(name: string, y: number, x0: number, x1: number): LineSeries {
  return { name, x: [x0, x1], y: [y, y] };
}

/** The figures of the section (only those whose metrics the run recorded). */
export function interplanetaryFigures(metrics: MetricSeries, stats: InterplanetaryStats): InterplanetaryFigure[] {
  const unit = interplanetaryTimeUnit(stats.endNs - stats.startNs);
  const xLabel = `time since the scenario's epoch (${unit.label})`;
  const x0 = stats.startNs * unit.perNs;
  const x1 = stats.endNs * unit.perNs;
  const bands: PanelBands = { name: "Earth–Mars links down", ranges: stats.linkDown.map((p) => [p.startNs * unit.perNs, p.endNs * unit.perNs] as const) };
  const s = (key: string, name: string, f?: Transform, positive = false) => fromMetric(metrics, key, name, unit.perNs, f, positive);
  const figures: InterplanetaryFigure[] = [];
  const residual = s("umtResidualS", "|Earth–Mars clock residual|", Math.abs, true);
  if (residual.length > 0) {
    figures.push({ name: "interplanetary-residual", title: "Unified time across the gap (§5.2, Theorem 1)", panels: [{
      title: "Earth–Mars UMT residual", xLabel, yLabel: "|residual| (s)", yLog: true, bands,
      series: [...residual, hline("paper: < 100 fs (§5.2)", PAPER_RESIDUAL_S, x0, x1), hline("Theorem 1: < 10 fs (§2.1)", THEOREM1_DRIFT_S, x0, x1)],
    }] });
  }
  const coherence = [
    ...s("coherenceEarth", "Earth shell"), ...s("coherenceMars", "Mars shell"), ...s("coherenceAcross", "across the gap"), ...s("coherenceGlobal", "global"),
  ];
  if (coherence.length > 0) {
    figures.push({ name: "interplanetary-coherence", title: "Coherence within each shell, across the gap, global", panels: [{ title: "Coherence", xLabel, yLabel: "coherence", bands, series: coherence }] });
  }
  const latency = [
    ...s("latencyEarthP50S", "Earth shell p50", undefined, true), ...s("latencyEarthP99S", "Earth shell p99", undefined, true),
    ...s("latencyMarsP50S", "Mars shell p50", undefined, true), ...s("latencyMarsP99S", "Mars shell p99", undefined, true),
    ...s("latencyAcrossP50S", "across p50", undefined, true), ...s("latencyAcrossP99S", "across p99", undefined, true),
  ];
  if (latency.length > 0) {
    figures.push({ name: "interplanetary-latency", title: "Routed latency between node pairs (§5.2: < 1 ns)", panels: [{
      title: "End-to-end latency over sampled pairs", xLabel, yLabel: "latency (s)", yLog: true, bands,
      series: [...latency, hline("paper: < 1 ns (§5.2)", PAPER_LATENCY_S, x0, x1)],
    }] });
  }
  const geometry: LinePanel[] = [];
  const lt = s("lightTimeS", "Earth–Mars one-way light time", (v) => v / 60);
  if (lt.length > 0) geometry.push({ title: "Light time (centre to centre)", xLabel, yLabel: "light time (min)", bands, series: lt });
  const links = [...s("sunEarthMarsAngleDeg", "Sun–Earth–Mars angle (deg)"), ...s("gapLinksUp", "usable interplanetary links")];
  if (links.length > 0) geometry.push({ title: "Solar conjunction and link state", xLabel, yLabel: "degrees / links", bands, series: links });
  if (geometry.length > 0) figures.push({ name: "interplanetary-geometry", title: "Earth–Mars geometry and links", panels: geometry });
  return figures;
}

function splitText(x: Split, f: (v: number) => string): [string, string] {
  const one = (s: Split["linked"]) => (s === null ? "—" : `${f(s.median)} (p99 ${f(s.p99)})`);
  return [one(x.linked), one(x.cutOff)];
}

/** The verdicts this run gives on §5.2's figures: residual < 100 fs, Theorem 1's 10 fs, latency < 1 ns, one cognitive unit. */
export function interplanetaryVerdicts(stats: InterplanetaryStats, reading: CognitiveUnitReading): Verdict[] {
  const res = stats.residualAllS;
  const lat = reading.tests.find((t) => t.name === "latency")!;
  const outcome = (h: boolean | null) => (h === null ? "not applicable" : h ? "holds" : "fails");
  return [
    {
      claim: "Residual drift across Earth–Mars below 100 fs", section: "§5.2", expected: `< ${formatSeconds(PAPER_RESIDUAL_S)}`,
      measured: res === null ? "n/a" : `|residual| p99 ${formatSeconds(res.p99)}`, outcome: outcome(res === null ? null : res.p99 < PAPER_RESIDUAL_S),
      note: "p99 over every sample, linked or cut off",
    },
    {
      claim: "Theorem 1's precondition: relative drift below 10 fs", section: "§2.1", expected: `< ${formatSeconds(THEOREM1_DRIFT_S)}`,
      measured: res === null ? "n/a" : `|residual| p99 ${formatSeconds(res.p99)}`, outcome: outcome(res === null ? null : res.p99 < THEOREM1_DRIFT_S),
    },
    { claim: "Latency between any two nodes < 1 ns", section: "§5.2", expected: `< ${formatSeconds(PAPER_BOUNDS.latencyS)}`, measured: lat.measured, outcome: outcome(lat.holds), note: lat.assumption },
    {
      claim: "The system behaves as a single cognitive unit", section: "§5.2", expected: "connected, < 1 ns between any two nodes, residual < 100 fs",
      measured: reading.tests.map((t) => `${t.name}: ${t.holds === null ? "n/a" : t.holds ? "yes" : "no"}`).join("; "), outcome: outcome(reading.holds),
    },
  ];
}

/** The section for a run's metrics, or null when the run is not an interplanetary one. */
export function interplanetarySection(metrics: MetricSeries): InterplanetarySection | null {
  const stats = interplanetaryStats(metrics);
  if (stats === null) return null;
  const reading = cognitiveUnit(stats);
  return { stats, reading, figures: interplanetaryFigures(metrics, stats), verdicts: interplanetaryVerdicts(stats, reading) };
}

/** Rows of the linked / cut-off table: [figure, while linked, while cut off]. */
export function interplanetaryRows(s: InterplanetaryStats): Array<[string, string, string]> {
  const fs = (v: number) => formatSeconds(v);
  const c = (v: number) => v.toPrecision(6);
  return [
    ["|Earth–Mars clock residual| (paper < 100 fs; Theorem 1 < 10 fs)", ...splitText(s.residualS, fs)],
    ["latency within the Earth shell, p50 (paper < 1 ns)", ...splitText(s.latencyS.earth.p50, fs)],
    ["latency within the Mars shell, p50", ...splitText(s.latencyS.mars.p50, fs)],
    ["latency across the gap, p50", ...splitText(s.latencyS.across.p50, fs)],
    ["latency across the gap, p99", ...splitText(s.latencyS.across.p99, fs)],
    ["coherence, Earth shell", ...splitText(s.coherence.earth, c)],
    ["coherence, Mars shell", ...splitText(s.coherence.mars, c)],
    ["coherence across the gap", ...splitText(s.coherence.across, c)],
    ["coherence, global", ...splitText(s.coherence.global, c)],
  ];
}

/** Link-down periods as rows: [start, end, length, smallest Sun–Earth–Mars angle]. */
function periodRows(s: InterplanetaryStats): Array<[string, string, string, string]> {
  const d = (ns: number) => `day ${Number((ns / 86_400e9).toPrecision(4))}`;
  return s.linkDown.map((p) => [d(p.startNs), p.open ? `${d(p.endNs)} (run ended)` : d(p.endNs), formatSeconds((p.endNs - p.startNs) * 1e-9), Number.isFinite(p.minSunAngleDeg) ? `${p.minSunAngleDeg.toFixed(2)}°` : "n/a"]);
}

/** The section as HTML (figures are inserted by the caller where `figuresHtml` goes). */
export function interplanetaryHtml(sec: InterplanetarySection, figuresHtml: string): string {
  const esc = escapeHtml;
  const rows = interplanetaryRows(sec.stats).map(([k, a, b]) => `<tr><td>${esc(k)}</td><td>${esc(a)}</td><td>${esc(b)}</td></tr>`).join("\n");
  const periods = periodRows(sec.stats);
  const tests = sec.reading.tests.map((t) => `<tr><td>${esc(t.name)}</td><td>${esc(t.claim)}</td><td>${esc(t.measured)}</td><td><b>${t.holds === null ? "n/a" : t.holds ? "holds" : "fails"}</b></td><td><small>${esc(t.assumption)}</small></td></tr>`).join("\n");
  return `<section id="interplanetary">
<h2>Interplanetary mesh (§5.2)</h2>
<p id="cognitive-unit">${esc(sec.reading.paragraph)}</p>
<h3>A single cognitive unit? The tests</h3>
<table><tr><th>test</th><th>paper</th><th>measured</th><th>outcome</th><th>hangs on</th></tr>
${tests}</table>
<h3>Linked and cut off</h3>
<table><tr><th>figure</th><th>while linked: median (p99)</th><th>while cut off: median (p99)</th></tr>
${rows}</table>
<h3>Periods with the Earth–Mars links down</h3>
${periods.length === 0 ? "<p>None: the gap stayed open throughout the run.</p>" : `<table><tr><th>from</th><th>to</th><th>length</th><th>smallest Sun–Earth–Mars angle</th></tr>\n${periods.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("\n")}</table>`}
${figuresHtml}
</section>`;
}

/** The section as Markdown, linking the figures' PNGs. */
export function interplanetaryMarkdown(sec: InterplanetarySection): string[] {
  const periods = periodRows(sec.stats);
  return [
    "## Interplanetary mesh (§5.2)", "", sec.reading.paragraph, "",
    "| test | paper | measured | outcome | hangs on |", "| --- | --- | --- | --- | --- |",
    ...sec.reading.tests.map((t) => `| ${t.name} | ${mdCell(t.claim)} | ${mdCell(t.measured)} | **${t.holds === null ? "n/a" : t.holds ? "holds" : "fails"}** | ${mdCell(t.assumption)} |`), "",
    "| figure | while linked: median (p99) | while cut off: median (p99) |", "| --- | --- | --- |",
    ...interplanetaryRows(sec.stats).map(([k, a, b]) => `| ${mdCell(k)} | ${mdCell(a)} | ${mdCell(b)} |`), "",
    ...(periods.length === 0 ? ["Earth–Mars links: up throughout the run.", ""]
      : ["| links down from | to | length | smallest Sun–Earth–Mars angle |", "| --- | --- | --- | --- |", ...periods.map((r) => `| ${r.join(" | ")} |`), ""]),
    ...sec.figures.flatMap((f) => [`![${f.title}](${f.name}.png)`, ""]),
  ];
}
