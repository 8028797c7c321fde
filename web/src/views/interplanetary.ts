/**
 * The inner-solar-system view of an interplanetary run (§5.2): the Sun, Earth and Mars at their
 * heliocentric positions (earthXAu … metrics) with their tracks, the Earth–Mars link and its state;
 * beside it the two shells drawn to one scale with the distance between them compressed and
 * labelled; the light time now; the residual, coherence and latency charts with the periods the
 * gap was closed shaded; and what the gap does to the "single cognitive unit", computed from the
 * run (src/report/cognitive-unit.ts). A running run streams; a recorded one replays with a scrubber.
 */
import { api, streamUrl, type RunSummary, type Snapshot, type Update } from "../api.js";
import { LineChart } from "../chart.js";
import { h, fmtTime } from "../dom.js";
import { COLORS } from "../metrics.js";
import { KM_PER_AU, pxPerAu, shellsToScale, times, valueAt, type Series } from "../solar-geometry.js";
import { cognitiveUnit } from "../../../src/report/cognitive-unit.js";
import { metricInfo } from "../../../src/report/metric-table.js";
import { formatSeconds, interplanetaryStats, linkDownPeriods } from "../../../src/report/interplanetary-data.js";

/** GET /api/runs/:id/solar-system (src/server/solar-layout.ts). */
interface SolarLayout {
  epoch: string;
  earth: { radiusKm: number; shellRadiusKm: number; nodes: number; planes: number; gateways: number };
  mars: { radiusKm: number; ringRadiusKm: number; sites: number };
  relays: string[];
  solarExclusionDeg: number;
}

interface Line { name: string; key: string; f?: (v: number) => number }
interface ChartDef { title: string; lines: Line[] }

/**
 * Each chart plots metrics that share one unit; the unit comes from the metric table
 * (src/report/metric-table.ts), as every other chart's does, so the axis cannot disagree with the
 * CLI or the report.
 */
const CHARTS: ChartDef[] = [
  { title: "Earth–Mars clock residual (paper < 100 fs; Theorem 1 < 10 fs)", lines: [{ name: "|residual|", key: "umtResidualS", f: Math.abs }] },
  { title: "Coherence", lines: [{ name: "Earth", key: "coherenceEarth" }, { name: "Mars", key: "coherenceMars" }, { name: "across", key: "coherenceAcross" }, { name: "global", key: "coherenceGlobal" }] },
  { title: "Latency across the gap (paper < 1 ns)", lines: [{ name: "p50", key: "latencyAcrossP50S" }, { name: "p99", key: "latencyAcrossP99S" }] },
  { title: "Latency within the shells", lines: [{ name: "Earth p50", key: "latencyEarthP50S" }, { name: "Earth p99", key: "latencyEarthP99S" }, { name: "Mars p50", key: "latencyMarsP50S" }, { name: "Mars p99", key: "latencyMarsP99S" }] },
  { title: metricInfo("lightTimeS").label, lines: [{ name: "one-way", key: "lightTimeS" }] },
  { title: metricInfo("sunEarthMarsAngleDeg").label, lines: [{ name: "angle", key: "sunEarthMarsAngleDeg" }] },
  { title: metricInfo("gapLinksUp").label, lines: [{ name: "links up", key: "gapLinksUp" }] },
];

/** The unit the chart's metrics share, from the metric table. */
function chartUnit(def: ChartDef): string {
  const units = new Set(def.lines.map((l) => metricInfo(l.key).unit));
  if (units.size !== 1) throw new Error(`chart "${def.title}" mixes units ${[...units].join(", ")}`);
  return [...units][0]!;
}

/** Time axis of a run of days: days since the scenario's epoch. */
const dayLabel = (ns: number) => `day ${(ns / 86_400e9).toFixed(1)}`;

const NS = "http://www.w3.org/2000/svg";
function s(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const W = 820, H = 400, SUN_BOX = 390, SHELL_X0 = 410;

export async function interplanetaryView(main: HTMLElement, runId: string): Promise<() => void> {
  const layout = await api<SolarLayout>(`/api/runs/${runId}/solar-system`);
  const status = h("p", { class: "status", "aria-live": "polite" }, "connecting…");
  const tEl = h("span", { id: "ip-time" }, "—");
  const lightEl = h("p", { id: "ip-light-time", class: "ip-now" }, "—");
  const linkEl = h("p", { id: "ip-link-state", class: "ip-now" }, "—");
  const scrub = h("input", { type: "range", min: "0", max: "1000", value: "1000", "aria-label": "Time scrubber" }) as HTMLInputElement;
  const svg = s("svg", { id: "solar-view", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Inner solar system: Sun, Earth, Mars and the two shells" }) as SVGSVGElement;
  const chartsEl = h("div", { class: "charts" });
  const unitEl = h("p", { id: "ip-cognitive-unit" }, "—");
  const testsEl = h("ul", { id: "ip-tests", class: "assumptions" });
  main.replaceChildren(
    h("section", { class: "panel" },
      h("h2", {}, "Run ", h("code", {}, runId), " — Earth and Mars in one twin (§5.2)"), status,
      h("p", { class: "muted" }, tEl),
      h("div", { class: "controls" }, scrub)),
    h("section", { class: "panel", "aria-label": "Inner solar system" }, h("h2", {}, "Inner solar system"), svg, lightEl, linkEl),
    h("section", { class: "panel", "aria-label": "Charts" }, h("h2", {}, "Against time (red: Earth–Mars links down)"), chartsEl),
    h("section", { class: "panel", "aria-label": "Single cognitive unit" }, h("h2", {}, "A single cognitive unit? (§5.2)"), unitEl, testsEl),
  );

  const series = new Map<string, Series>();
  // A chart appears once the run has recorded one of its metrics (coherence needs the mesh across the gap).
  const charts: Array<{ def: ChartDef; chart: LineChart }> = [];
  const ensureCharts = () => {
    let added = false;
    for (const def of CHARTS) {
      if (charts.some((c) => c.def === def) || !def.lines.some((l) => series.has(l.key))) continue;
      const chart = new LineChart(def.title, chartUnit(def), def.lines.map((l, i) => ({ name: l.name, color: COLORS[i % COLORS.length]!, dashed: i > 0 })), dayLabel);
      charts.push({ def, chart });
      added = true;
    }
    // Called on every streamed update: the DOM is touched only when a chart is new.
    if (!added) return;
    charts.sort((a, b) => CHARTS.indexOf(a.def) - CHARTS.indexOf(b.def));
    chartsEl.replaceChildren(...charts.map((c) => c.chart.el));
  };
  let tNs = 0;
  let cursorNs: number | undefined;
  const epochMs = Date.parse(layout.epoch);

  const refreshCharts = () => {
    ensureCharts();
    for (const { def, chart } of charts) {
      for (const l of def.lines) {
        const m = series.get(l.key);
        if (m) chart.set(l.name, m.tNs, l.f ? m.value.map(l.f) : m.value);
      }
    }
    const up = series.get("gapLinkUp");
    const periods = up ? linkDownPeriods(up) : [];
    const bands = periods.map((p) => [p.startNs, p.endNs] as const);
    for (const { chart } of charts) chart.bands(bands);
    document.body.dataset.linkDownPeriods = String(periods.length);
  };
  const refreshReading = () => {
    const stats = interplanetaryStats(series);
    if (stats === null) return;
    const r = cognitiveUnit(stats);
    unitEl.textContent = r.paragraph;
    testsEl.replaceChildren(...r.tests.map((t) => h("li", {}, h("b", {}, `${t.name}: ${t.holds === null ? "n/a" : t.holds ? "holds" : "fails"}`), ` — ${t.claim}; measured ${t.measured}. Hangs on: ${t.assumption}.`)));
  };
  const draw = (at: number) => {
    drawSolarSystem(svg, layout, series, at);
    const lt = valueAt(series.get("lightTimeS"), at);
    const up = valueAt(series.get("gapLinkUp"), at);
    const nUp = valueAt(series.get("gapLinksUp"), at);
    const angle = valueAt(series.get("sunEarthMarsAngleDeg"), at);
    lightEl.textContent = `One-way light time Earth–Mars now: ${formatSeconds(lt)} (round trip ${formatSeconds(2 * lt)})`;
    linkEl.textContent = Number.isNaN(up) ? "Earth–Mars links: no sample yet"
      : up >= 0.5 ? `Earth–Mars links: up (${nUp} usable) · Sun–Earth–Mars angle ${angle.toFixed(2)}°`
        : `Earth–Mars links: down · Sun–Earth–Mars angle ${angle.toFixed(2)}° (solar exclusion ${layout.solarExclusionDeg}°): solar conjunction, no path across the gap`;
    linkEl.className = `ip-now ${up >= 0.5 ? "ok" : "bad"}`;
    const day = at / 86_400e9;
    tEl.textContent = `day ${day.toFixed(2)} · ${new Date(epochMs + at / 1e6).toISOString().slice(0, 16).replace("T", " ")} UTC · ${fmtTime(at)} since the epoch`;
    for (const { chart } of charts) chart.cursor(cursorNs);
  };

  const es = new EventSource(streamUrl(`/api/runs/${runId}/stream`));
  let run: RunSummary | undefined;
  es.addEventListener("snapshot", (m) => {
    const snap = JSON.parse((m as MessageEvent).data as string) as Snapshot;
    run = snap.run;
    tNs = snap.tNs;
    for (const [k, v] of Object.entries(snap.metrics)) series.set(k, { tNs: v.tNs.slice(), value: v.value.map((x) => (x === null ? Number.NaN : x)) });
    status.textContent = `${snap.run.name} · seed ${snap.run.seed} · Earth shell ${layout.earth.nodes} nodes, Mars ring ${layout.mars.sites} sites · ${snap.run.status}${snap.run.live ? " (live)" : ""}`;
    refreshCharts(); refreshReading(); draw(lastT());
  });
  es.addEventListener("update", (m) => {
    const u = JSON.parse((m as MessageEvent).data as string) as Update;
    tNs = u.tNs;
    for (const smp of u.samples) {
      for (const [k, v] of Object.entries(smp.metrics)) {
        let sr = series.get(k);
        if (!sr) series.set(k, (sr = { tNs: [], value: [] }));
        sr.tNs.push(smp.tNs); sr.value.push(v);
      }
    }
    refreshCharts(); refreshReading();
    if (cursorNs === undefined) draw(lastT());
  });
  es.addEventListener("end", (m) => {
    const st = (JSON.parse((m as MessageEvent).data as string) as { status: string }).status;
    status.textContent = `${run?.name ?? runId} · ${st}`;
    es.close();
    document.body.dataset.runEnded = st;
  });
  const lastT = () => { const up = series.get("gapLinkUp"); return up && up.tNs.length > 0 ? up.tNs[up.tNs.length - 1]! : tNs; };
  scrub.addEventListener("input", () => {
    const up = series.get("gapLinkUp");
    const t0 = up?.tNs[0] ?? 0;
    cursorNs = t0 + (Number(scrub.value) / 1000) * (lastT() - t0);
    draw(cursorNs);
  });
  return () => es.close();
}

/** Redraw the SVG for time `at`: the heliocentric view on the left, the shells to scale on the right. */
function drawSolarSystem(svg: SVGSVGElement, layout: SolarLayout, series: Map<string, Series>, at: number): void {
  const ex = series.get("earthXAu"), ey = series.get("earthYAu"), mx = series.get("marsXAu"), my = series.get("marsYAu");
  const E = [valueAt(ex, at), valueAt(ey, at)] as const;
  const M = [valueAt(mx, at), valueAt(my, at)] as const;
  const up = valueAt(series.get("gapLinkUp"), at) >= 0.5;
  const linkClass = up ? "ip-link up" : "ip-link down";
  const kids: SVGElement[] = [];
  // Heliocentric, ecliptic x–y; bodies are markers, not to scale.
  let maxAu = 1.7;
  for (const a of [ex, ey, mx, my]) for (const v of a?.value ?? []) if (Number.isFinite(v)) maxAu = Math.max(maxAu, Math.abs(v));
  const cx = SUN_BOX / 2, cy = H / 2 + 8, k = pxPerAu(maxAu, SUN_BOX / 2 - 12);
  const px = (x: number, y: number) => [cx + x * k, cy - y * k] as const;
  kids.push(s("text", { x: 8, y: 16, class: "ip-caption" }, "Heliocentric ecliptic (au); bodies not to scale"));
  kids.push(s("circle", { cx, cy, r: k, class: "ip-orbit" }), s("text", { x: cx + k * 0.71 + 3, y: cy - k * 0.71, class: "ip-small" }, "1 au"));
  const track = (xs?: Series, ys?: Series) => {
    if (!xs || !ys) return "";
    const pts: string[] = [];
    for (let i = 0; i < xs.tNs.length && i < ys.tNs.length; i++) {
      const [a, b] = px(xs.value[i]!, ys.value[i]!);
      if (Number.isFinite(a) && Number.isFinite(b)) pts.push(`${a.toFixed(1)},${b.toFixed(1)}`);
    }
    return pts.join(" ");
  };
  kids.push(s("polyline", { points: track(ex, ey), class: "ip-track earth" }), s("polyline", { points: track(mx, my), class: "ip-track mars" }));
  kids.push(s("circle", { cx, cy, r: 9, class: "ip-sun" }), s("text", { x: cx + 12, y: cy + 4, id: "ip-label-sun" }, "Sun"));
  if (E.every(Number.isFinite) && M.every(Number.isFinite)) {
    const [e1, e2] = px(E[0], E[1]);
    const [m1, m2] = px(M[0], M[1]);
    kids.push(s("line", { x1: e1, y1: e2, x2: m1, y2: m2, class: linkClass }));
    kids.push(s("circle", { cx: e1, cy: e2, r: 6, class: "ip-earth" }), s("text", { x: e1 + 9, y: e2 - 6, id: "ip-label-earth" }, "Earth"));
    kids.push(s("circle", { cx: m1, cy: m2, r: 5, class: "ip-mars" }), s("text", { x: m1 + 8, y: m2 - 6, id: "ip-label-mars" }, "Mars"));
  }
  kids.push(...shells(layout, E, M, up));
  svg.replaceChildren(...kids);
}

/** The two shells at one km scale, the distance between them compressed and labelled. */
function shells(layout: SolarLayout, E: readonly [number, number], M: readonly [number, number], up: boolean): SVGElement[] {
  const distKm = Math.hypot(E[0] - M[0], E[1] - M[1]) * KM_PER_AU;
  const g = shellsToScale({ earthRadiusKm: layout.earth.radiusKm, earthShellKm: layout.earth.shellRadiusKm, marsRadiusKm: layout.mars.radiusKm, marsRingKm: layout.mars.ringRadiusKm },
    distKm, W - SHELL_X0, 95);
  const x0 = SHELL_X0, cy = H / 2 + 20;
  const ex = x0 + g.earthX, mx = x0 + g.marsX;
  const out: SVGElement[] = [s("text", { x: x0, y: 16, class: "ip-caption" }, `The two shells to one scale (1 px = ${Math.round(g.kmPerPx)} km)`)];
  out.push(s("circle", { cx: ex, cy, r: g.earthBodyPx, class: "ip-earth body" }), s("circle", { cx: ex, cy, r: g.earthShellPx, class: "ip-shell" }));
  out.push(s("circle", { cx: mx, cy, r: g.marsBodyPx, class: "ip-mars body" }), s("circle", { cx: mx, cy, r: g.marsRingPx, class: "ip-shell" }));
  for (let i = 0; i < layout.mars.sites; i++) {
    const a = (2 * Math.PI * i) / layout.mars.sites;
    out.push(s("circle", { cx: mx + g.marsRingPx * Math.cos(a), cy: cy - g.marsRingPx * Math.sin(a), r: 3, class: "ip-site" }));
  }
  // The gap: a link from Earth's shell to the Mars ring, broken in the middle where the distance is compressed.
  const a = ex + g.earthShellPx, b = mx - g.marsRingPx, mid = (a + b) / 2;
  out.push(s("line", { x1: a, y1: cy, x2: mid - 6, y2: cy, class: up ? "ip-link up" : "ip-link down" }), s("line", { x1: mid + 6, y1: cy, x2: b, y2: cy, class: up ? "ip-link up" : "ip-link down" }));
  out.push(s("path", { d: `M${mid - 9},${cy + 8} l6,-16 M${mid + 3},${cy + 8} l6,-16`, class: "ip-break" }));
  out.push(s("text", { x: ex, y: cy + g.earthShellPx + 18, "text-anchor": "middle", id: "ip-label-earth-shell" }, `Earth shell: ${layout.earth.nodes} nodes, ${Math.round(layout.earth.shellRadiusKm - layout.earth.radiusKm)} km up`));
  out.push(s("text", { x: W - 4, y: cy + g.marsRingPx + 18, "text-anchor": "end", id: "ip-label-mars-ring" }, `Mars ring: ${layout.mars.sites} areostationary sites, r = ${Math.round(layout.mars.ringRadiusKm).toLocaleString("en")} km`));
  out.push(s("text", { x: mid, y: cy - 70, "text-anchor": "middle", id: "ip-label-distance" },
    Number.isFinite(distKm) ? `Earth–Mars ${(distKm / KM_PER_AU).toFixed(3)} au = ${times(distKm)} km` : "Earth–Mars: no sample yet"));
  out.push(s("text", { x: mid, y: cy - 52, "text-anchor": "middle", class: "ip-small", id: "ip-label-compressed" }, `distance compressed ${times(g.compression)}×`));
  out.push(s("text", { x: mid, y: cy + 26, "text-anchor": "middle", class: up ? "ip-state up" : "ip-state down", id: "ip-label-link" }, up ? "link up" : "link down"));
  return out;
}
