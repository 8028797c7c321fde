/**
 * Audit and falsification: the claims table (filters by verdict and section, each row opens its
 * arithmetic), and §6's H1–H3 run on demand with their replicate distributions.
 */
import { api } from "../api.js";
import { h, fmt, show } from "../dom.js";

interface Claim { id: string; section: string; claim: string; paperValue: number | string; recomputed: number | string | null; unit: string; verdict: string; basis?: string; comparison?: { paper: number | string; recomputed: number | string; relation: string; relTol: number; evidence: string } | null; factor?: number | null; law?: string; why?: string | null; simulation?: string; arithmetic: string[]; explanation: string; twin?: { verdict: string; factor: number | null; simulation: string; arithmetic: string[] } | null }
interface Assumption { name: string; value: number | string | boolean; unit: string; source: string; range: [number | string | boolean, number | string | boolean]; flipsAt: number | string | boolean | null; search: { method: string; steps: Array<{ value: number | string | boolean; holds: boolean }> } }
interface Hyp { id: string; section: string; hypothesis: string; criterion: string; measured?: number[]; measuredMean: number; unit: string; ci95?: { lower: number; upper: number }; statistic?: { name: string; value: number; df: number }; pValue?: number; replicates: number; verdict: string; reason: string; criterionValue: number; assumptions?: Assumption[] }

export async function auditView(main: HTMLElement): Promise<() => void> {
  const verdictSel = h("select", { id: "f-verdict" }, h("option", { value: "" }, "all verdicts"));
  const sectionSel = h("select", { id: "f-section" }, h("option", { value: "" }, "all sections"));
  const search = h("input", { type: "search", id: "f-text", placeholder: "search claims", "aria-label": "Search claims" }) as HTMLInputElement;
  const fullBtn = h("button", { type: "button" }, "Include simulation claims");
  const tally = h("p", { id: "audit-tally", class: "muted" }, "loading…");
  const tbody = h("tbody");
  const table = h("table", { class: "claims", id: "claims" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "claim"), h("th", { scope: "col" }, "section"), h("th", { scope: "col" }, "paper"), h("th", { scope: "col" }, "recomputed"), h("th", { scope: "col" }, "verdict"))), tbody);
  let claims: Claim[] = [];

  const render = () => {
    const v = verdictSel.value, s = sectionSel.value, q = search.value.toLowerCase();
    tbody.replaceChildren();
    for (const c of claims) {
      if ((v && c.verdict !== v) || (s && c.section !== s) || (q && !`${c.id} ${c.claim}`.toLowerCase().includes(q))) continue;
      const detail = h("tr", { class: "detail", hidden: true }, h("td", { colspan: "5" },
        h("p", {}, c.claim), h("p", {}, c.explanation),
        c.law ? h("p", {}, h("strong", {}, "Law: "), c.law) : null,
        c.why ? h("p", {}, h("strong", {}, "Why untestable: "), c.why) : null,
        c.twin ? h("p", { class: "twin" }, h("strong", {}, "Twin run, beside the arithmetic: "), h("span", { class: `verdict v-${c.twin.verdict.replace(/\s+/g, "-")}` }, c.twin.factor ? `${c.twin.verdict} ×${fmt(c.twin.factor, 3)}` : c.twin.verdict), " ", c.twin.simulation)
          : c.simulation ? h("p", {}, h("strong", {}, "Simulation: "), c.simulation) : null,
        c.comparison ? h("p", {}, h("strong", {}, "Derived from: "), `${c.comparison.evidence}, recomputed ${show(c.comparison.recomputed)} ${c.comparison.relation === "equal" ? `= paper ${show(c.comparison.paper)} within ${c.comparison.relTol}` : `${c.comparison.relation === "below" ? "≤" : "≥"} paper ${show(c.comparison.paper)}`}`) : null,
        h("pre", {}, [...c.arithmetic, ...(c.twin ? ["— the twin:", ...c.twin.arithmetic] : [])].join("\n"))));
      const btn = h("button", { type: "button", class: "link", "aria-expanded": "false" }, c.id);
      btn.addEventListener("click", () => { detail.hidden = !detail.hidden; btn.setAttribute("aria-expanded", String(!detail.hidden)); });
      const verdict = c.factor ? `${c.verdict} ×${fmt(c.factor, 3)}` : c.verdict;
      tbody.append(h("tr", {}, h("td", {}, btn), h("td", {}, c.section), h("td", {}, `${show(c.paperValue)} ${c.unit}`), h("td", {}, `${show(c.recomputed)} ${c.unit}`),
        h("td", {}, h("span", { class: `verdict v-${c.verdict.replace(/\s+/g, "-")}` }, verdict))), detail);
    }
  };
  const load = async (quick: boolean) => {
    tally.textContent = quick ? "loading…" : "recomputing the simulation claims (a few seconds)…";
    const a = await api<{ claims: Claim[]; tally: Record<string, number> }>(`/api/audit?quick=${quick}`);
    claims = a.claims;
    const keep = (sel: HTMLSelectElement, values: string[], label: string) => {
      const cur = sel.value;
      sel.replaceChildren(h("option", { value: "" }, label), ...values.map((x) => h("option", { value: x, selected: x === cur }, x)));
    };
    keep(verdictSel, [...new Set(claims.map((c) => c.verdict))].sort(), "all verdicts");
    keep(sectionSel, [...new Set(claims.map((c) => c.section))].sort(), "all sections");
    tally.textContent = `${claims.length} claims${quick ? " (instant ones; simulation claims not included)" : ""}: ${Object.entries(a.tally).map(([k, v]) => `${k} ${v}`).join(", ")}`;
    render();
  };
  for (const el of [verdictSel, sectionSel]) el.addEventListener("change", render);
  search.addEventListener("input", render);
  fullBtn.addEventListener("click", () => { fullBtn.disabled = true; void load(false); });

  // Falsification
  const boxes = ["H1", "H2", "H3"].map((id) => h("input", { type: "checkbox", id: `h-${id}`, value: id, checked: true }) as HTMLInputElement);
  const reps = h("input", { type: "number", id: "replicates", min: "2", max: "1000", value: "10" }) as HTMLInputElement;
  const runBtn = h("button", { type: "button", id: "run-falsify", class: "primary" }, "Run H1–H3");
  const out = h("div", { id: "falsify-out", class: "hyps", "aria-live": "polite" });
  // The line every falsify output opens with (the server sends the same text with each answer).
  const caveat = h("p", { class: "caveat", id: "falsify-caveat" }, "A simulation of a paper's own equations can refute a claim or show what it hangs on; it cannot support a claim about hardware.");
  runBtn.addEventListener("click", async () => {
    runBtn.disabled = true;
    out.textContent = "running…";
    try {
      const r = await api<{ caveat: string; hypotheses: Hyp[] }>("/api/falsify", { method: "POST", body: { hypotheses: boxes.filter((b) => b.checked).map((b) => b.value), replicates: Number(reps.value) } });
      caveat.textContent = r.caveat;
      out.replaceChildren(...r.hypotheses.map(hypCard));
    } catch (e) {
      out.textContent = (e as Error).message;
    } finally {
      runBtn.disabled = false;
    }
  });

  // H2's sensitivity sweep, drawn as one heatmap per (coupling, veto, initial state).
  const sensBtn = h("button", { type: "button", id: "run-sensitivity" }, "H2 sensitivity");
  const sensOut = h("div", { id: "sensitivity-out", class: "sens", "aria-live": "polite" });
  sensBtn.addEventListener("click", async () => {
    sensBtn.disabled = true;
    sensOut.textContent = "sweeping 360 points (half a minute or more)…";
    try {
      const r = await api<Sensitivity>("/api/falsify/h2-sensitivity", { method: "POST", body: {} });
      sensOut.replaceChildren(...sensitivityView(r));
    } catch (e) {
      sensOut.textContent = (e as Error).message;
    } finally {
      sensBtn.disabled = false;
    }
  });

  main.replaceChildren(
    h("section", { class: "panel" }, h("h2", {}, "Claims audit"),
      h("div", { class: "controls" }, verdictSel, sectionSel, search, fullBtn), tally, h("div", { class: "table-wrap" }, table)),
    h("section", { class: "panel" }, h("h2", {}, "Falsification (§6: H1–H3)"), caveat,
      h("div", { class: "controls" }, ...boxes.flatMap((b) => [h("label", { for: b.id }, b, ` ${b.value}`)]), h("label", { for: "replicates" }, "replicates "), reps, runBtn, sensBtn), out, sensOut));
  await load(true);
  return () => undefined;
}

interface SensPoint { clockResidualS: number; kappaOverGamma: number; coupling: string; veto: boolean; initial: string; rcfMean: number; holds: boolean }
interface Sensitivity { caveat: string; points: SensPoint[]; paperParameters: Array<{ coupling: string; rcfMean: number; holds: boolean }>; constellationResidualS: number; nodes: number; seeds: number }

/** The sweep: a summary line and one residual × κ/γ heatmap per (coupling, veto, initial state); green = RCF̄ > 0.995 at p < 0.01. */
function sensitivityView(r: Sensitivity): HTMLElement[] {
  const residuals = [...new Set(r.points.map((p) => p.clockResidualS))].sort((a, b) => a - b);
  const ratios = [...new Set(r.points.map((p) => p.kappaOverGamma))].sort((a, b) => b - a);
  const groups = new Map<string, SensPoint[]>();
  for (const p of r.points) {
    const k = `${p.coupling}, veto ${p.veto ? "on" : "off"}, ${p.initial === "odos" ? "ODOS + noise" : "Haar"}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  const ns = "http://www.w3.org/2000/svg";
  const cw = 44, ch = 18, left = 44, top = 4;
  const panels = [...groups].map(([title, ps]) => {
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", `0 0 ${left + cw * residuals.length + 4} ${top + ch * ratios.length + 30}`);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", `${title}: ${ps.filter((p) => p.holds).length} of ${ps.length} cells hold`);
    const add = (tag: string, attrs: Record<string, string | number>, text?: string) => { const e = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v)); if (text !== undefined) e.textContent = text; svg.append(e); return e; };
    for (const p of ps) {
      const x = left + cw * residuals.indexOf(p.clockResidualS), y = top + ch * ratios.indexOf(p.kappaOverGamma);
      add("rect", { x, y, width: cw - 1, height: ch - 1, fill: p.holds ? "#3a9d5d" : "#d0473c" });
      add("text", { x: x + cw / 2, y: y + ch / 2 + 3, "font-size": 8, "text-anchor": "middle", fill: "#fff" }, p.rcfMean.toFixed(4));
    }
    ratios.forEach((k, i) => add("text", { x: left - 4, y: top + ch * i + ch / 2 + 3, "font-size": 8, "text-anchor": "end", fill: "currentColor" }, fmt(k)));
    residuals.forEach((t, i) => add("text", { x: left + cw * i + cw / 2, y: top + ch * ratios.length + 10, "font-size": 7, "text-anchor": "middle", fill: "currentColor" }, `${fmt(t * 1e12)} ps${t === r.constellationResidualS ? "*" : ""}`));
    add("text", { x: left, y: top + ch * ratios.length + 24, "font-size": 8, fill: "currentColor" }, "UMT residual →   (κ/γ ↑)");
    return h("figure", {}, h("figcaption", {}, title), svg as unknown as HTMLElement);
  });
  const held = r.points.filter((p) => p.holds).length;
  return [
    h("p", { class: "caveat" }, r.caveat),
    h("p", {}, `${held} of ${r.points.length} points hold (RCF̄ > 0.995 at p < 0.01), N = ${r.nodes}, ${r.seeds} seeds each. * = what our UMT model of a 100-satellite shell reaches (${fmt(r.constellationResidualS * 1e12)} ps). ` +
      `Paper's parameters (N = 100): ${r.paperParameters.map((p) => `${p.coupling} ${p.rcfMean.toFixed(6)} ${p.holds ? "holds" : "fails"}`).join("; ")}.`),
    h("div", { class: "hyps" }, ...panels),
  ];
}

/** What a hypothesis' verdict hangs on: each assumption, its source and the value where the verdict flips. */
function assumptionList(x: Hyp): HTMLElement {
  const v = (a: number | string | boolean | null) => (a === null ? "null" : typeof a === "number" ? fmt(a) : String(a));
  return h("ul", { class: "assumptions" }, ...(x.assumptions ?? []).map((a) =>
    h("li", {}, `${a.name} = ${v(a.value)} ${a.unit} (${a.source}; range ${v(a.range[0])} … ${v(a.range[1])}): flips at ${v(a.flipsAt)}`,
      h("span", { class: "muted" }, ` — ${a.search.method}, ${a.search.steps.length} evaluations`))));
}

/** One hypothesis: verdict, statistics, its replicates as a strip plot against the criterion, and what it hangs on. */
function hypCard(x: Hyp): HTMLElement {
  const head = [h("h3", {}, `${x.id} (${x.section}): ${x.verdict.toUpperCase()}`), h("p", {}, x.hypothesis), h("p", { class: "muted" }, `criterion: ${x.criterion}`)];
  if (x.measured === undefined || x.ci95 === undefined || x.statistic === undefined || x.pValue === undefined) {
    return h("article", { class: `hyp v-${x.verdict.replace(/\s+/g, "-")}` }, ...head,
      h("p", {}, `${x.unit}: ${fmt(x.measuredMean)} (a closed-form formula: no replicates, no test)`), h("p", {}, x.reason), assumptionList(x));
  }
  const ci = x.ci95;
  const w = 320, hh = 70;
  const all = [...x.measured, x.criterionValue, ci.lower, ci.upper].filter(Number.isFinite);
  let lo = Math.min(...all), hi = Math.max(...all);
  if (hi === lo) { lo -= 1; hi += 1; }
  const X = (v: number) => 10 + ((v - lo) / (hi - lo)) * (w - 20);
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${w} ${hh}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${x.id}: ${x.measured.length} replicates, mean ${fmt(x.measuredMean)} ${x.unit}, criterion ${fmt(x.criterionValue)}`);
  const add = (tag: string, attrs: Record<string, string | number>) => { const e = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v)); svg.append(e); return e; };
  add("rect", { x: X(ci.lower), y: 20, width: Math.max(1, X(ci.upper) - X(ci.lower)), height: 24, fill: "rgba(58,134,255,0.2)" });
  x.measured.forEach((v, i) => add("circle", { cx: X(v), cy: 26 + (i % 5) * 3, r: 3, fill: "#3a86ff" }));
  add("line", { x1: X(x.criterionValue), x2: X(x.criterionValue), y1: 10, y2: 54, stroke: "#e5383b", "stroke-width": 2 });
  const t1 = add("text", { x: 10, y: 66, "font-size": 10, fill: "currentColor" }); t1.textContent = fmt(lo);
  const t2 = add("text", { x: w - 10, y: 66, "font-size": 10, "text-anchor": "end", fill: "currentColor" }); t2.textContent = fmt(hi);
  return h("article", { class: `hyp v-${x.verdict.replace(/\s+/g, "-")}` }, ...head,
    svg as unknown as HTMLElement,
    h("p", {}, `mean ${fmt(x.measuredMean)} ${x.unit}, 95% CI ${fmt(ci.lower)}–${fmt(ci.upper)}, ${x.statistic.name} = ${fmt(x.statistic.value)}, p = ${fmt(x.pValue, 2)}, n = ${x.replicates}`),
    h("p", {}, x.reason), assumptionList(x));
}
