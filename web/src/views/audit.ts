/**
 * Audit and falsification: the claims table (filters by verdict and section, each row opens its
 * arithmetic), and §6's H1–H3 run on demand with their replicate distributions.
 */
import { api } from "../api.js";
import { h, fmt } from "../dom.js";

interface Claim { id: string; section: string; claim: string; paperValue: number | string; recomputed: number | string | null; unit: string; verdict: string; basis?: string; comparison?: { paper: number | string; recomputed: number | string; relation: string; relTol: number; evidence: string } | null; factor?: number | null; law?: string; why?: string | null; simulation?: string; arithmetic: string[]; explanation: string }
interface Hyp { id: string; section: string; hypothesis: string; criterion: string; measured: number[]; measuredMean: number; unit: string; ci95: { lower: number; upper: number }; statistic: { name: string; value: number; df: number }; pValue: number; replicates: number; verdict: string; reason: string; criterionValue: number }

const show = (v: number | string | null): string => (typeof v === "number" ? fmt(v) : v ?? "—");

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
        c.simulation ? h("p", {}, h("strong", {}, "Simulation: "), c.simulation) : null,
        c.comparison ? h("p", {}, h("strong", {}, "Derived from: "), `${c.comparison.evidence}, recomputed ${show(c.comparison.recomputed)} ${c.comparison.relation === "equal" ? `= paper ${show(c.comparison.paper)} within ${c.comparison.relTol}` : `${c.comparison.relation === "below" ? "≤" : "≥"} paper ${show(c.comparison.paper)}`}`) : null,
        h("pre", {}, c.arithmetic.join("\n"))));
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
  runBtn.addEventListener("click", async () => {
    runBtn.disabled = true;
    out.textContent = "running…";
    try {
      const r = await api<{ hypotheses: Hyp[] }>("/api/falsify", { method: "POST", body: { hypotheses: boxes.filter((b) => b.checked).map((b) => b.value), replicates: Number(reps.value) } });
      out.replaceChildren(...r.hypotheses.map(hypCard));
    } catch (e) {
      out.textContent = (e as Error).message;
    } finally {
      runBtn.disabled = false;
    }
  });

  main.replaceChildren(
    h("section", { class: "panel" }, h("h2", {}, "Claims audit"),
      h("div", { class: "controls" }, verdictSel, sectionSel, search, fullBtn), tally, h("div", { class: "table-wrap" }, table)),
    h("section", { class: "panel" }, h("h2", {}, "Falsification (§6: H1–H3)"),
      h("div", { class: "controls" }, ...boxes.flatMap((b) => [h("label", { for: b.id }, b, ` ${b.value}`)]), h("label", { for: "replicates" }, "replicates "), reps, runBtn), out));
  await load(true);
  return () => undefined;
}

/** One hypothesis: verdict, statistics, and its replicates as a strip plot against the criterion. */
function hypCard(x: Hyp): HTMLElement {
  const w = 320, hh = 70;
  const all = [...x.measured, x.criterionValue, x.ci95.lower, x.ci95.upper].filter(Number.isFinite);
  let lo = Math.min(...all), hi = Math.max(...all);
  if (hi === lo) { lo -= 1; hi += 1; }
  const X = (v: number) => 10 + ((v - lo) / (hi - lo)) * (w - 20);
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${w} ${hh}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${x.id}: ${x.measured.length} replicates, mean ${fmt(x.measuredMean)} ${x.unit}, criterion ${fmt(x.criterionValue)}`);
  const add = (tag: string, attrs: Record<string, string | number>) => { const e = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v)); svg.append(e); return e; };
  add("rect", { x: X(x.ci95.lower), y: 20, width: Math.max(1, X(x.ci95.upper) - X(x.ci95.lower)), height: 24, fill: "rgba(58,134,255,0.2)" });
  x.measured.forEach((v, i) => add("circle", { cx: X(v), cy: 26 + (i % 5) * 3, r: 3, fill: "#3a86ff" }));
  add("line", { x1: X(x.criterionValue), x2: X(x.criterionValue), y1: 10, y2: 54, stroke: "#e5383b", "stroke-width": 2 });
  const t1 = add("text", { x: 10, y: 66, "font-size": 10, fill: "currentColor" }); t1.textContent = fmt(lo);
  const t2 = add("text", { x: w - 10, y: 66, "font-size": 10, "text-anchor": "end", fill: "currentColor" }); t2.textContent = fmt(hi);
  return h("article", { class: `hyp v-${x.verdict.replace(/\s+/g, "-")}` },
    h("h3", {}, `${x.id} (${x.section}): ${x.verdict.toUpperCase()}`), h("p", {}, x.hypothesis), h("p", { class: "muted" }, `criterion: ${x.criterion}`),
    svg as unknown as HTMLElement,
    h("p", {}, `mean ${fmt(x.measuredMean)} ${x.unit}, 95% CI ${fmt(x.ci95.lower)}–${fmt(x.ci95.upper)}, ${x.statistic.name} = ${fmt(x.statistic.value)}, p = ${fmt(x.pValue, 2)}, n = ${x.replicates}`),
    h("p", {}, x.reason));
}
