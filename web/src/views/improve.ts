/**
 * The paper's V3000 and the buildable one (`pqms improve`): every claim the audit finds
 * inconsistent or impossible beside the nearest achievable figure, the ratio and the technology
 * figures that set it. Editing an assumption reruns the derivation on the server
 * (POST /api/improve, milliseconds); figures that moved are marked. The simulations are offered as
 * runs: the buildable scenario at the current assumptions goes to POST /api/runs.
 */
import "./improve.css";
import { api, ApiError } from "../api.js";
import { h, fmt, show } from "../dom.js";

type Value = number | string | boolean;
interface Assumption { name: string; value: Value; unit: string; source: string; range: [Value, Value]; description: string }
interface SetBy { name: string; value: Value; source: string }
interface Change {
  claim: string; section: string; verdict: string; paperValue: number | string; achievable: number | null; unit: string; ratio: number | null;
  basis: string; setBy: SetBy[]; formula: string | null; law: string | null; arithmetic: string[]; reason: string | null;
}
interface Placement { name: string; roundTripS: number; minSeparationM: number; eligible: boolean }
interface Answer { set: Record<string, string>; assumptions: Assumption[]; changes: Change[]; placements: Placement[]; scenario: { path: string; yaml: string } }

/** One input per assumption: a select for a choice, a number field otherwise. */
function assumptionInput(a: Assumption): HTMLInputElement | HTMLSelectElement {
  const id = `a-${a.name}`;
  if (typeof a.value !== "number") {
    return h("select", { id, name: a.name }, ...a.range.map((c) => h("option", { value: String(c), selected: c === a.value }, String(c))));
  }
  return h("input", { type: "text", inputmode: "decimal", id, name: a.name, value: String(a.value), autocomplete: "off", spellcheck: "false" }) as HTMLInputElement;
}

export async function improveView(main: HTMLElement): Promise<() => void> {
  const first = await api<Answer>("/api/improve");
  const defaults = new Map(first.assumptions.map((a) => [a.name, String(a.value)]));
  const status = h("p", { id: "improve-status", class: "muted", "aria-live": "polite" }, `${first.changes.length} claims the audit finds inconsistent or impossible, at the default assumptions.`);
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const errors = new Map<string, HTMLElement>();
  const items = first.assumptions.map((a) => {
    const input = assumptionInput(a);
    const err = h("small", { id: `a-${a.name}-err`, class: "field-error" });
    inputs.set(a.name, input);
    errors.set(a.name, err);
    return h("div", { class: "assumption", id: `assumption-${a.name}` },
      h("label", { for: input.id }, a.name), input,
      h("small", {}, `${a.description} · ${a.unit} · range ${show(a.range[0] as number | string)} … ${show(a.range[1] as number | string)}`),
      h("small", {}, a.source), err);
  });
  const resetBtn = h("button", { type: "button", id: "improve-reset" }, "Reset to defaults");
  const runBtn = h("button", { type: "button", id: "improve-run", class: "primary" }, "Run the buildable scenario");
  const runNote = h("p", { class: "muted" }, "The simulations (the mesh at the derived UMT residual and veto junction, the failover world) run as a run of the buildable scenario at these assumptions; it opens in the live view.");
  const tbody = h("tbody", { id: "improve-rows" });
  const placements = h("ul", { id: "improve-placements" });

  let current: Answer = first;
  let previous = new Map(first.changes.map((c) => [c.claim, c.achievable]));

  const render = (a: Answer) => {
    tbody.replaceChildren();
    for (const c of a.changes) {
      const moved = previous.get(c.claim) !== c.achievable;
      const detail = h("tr", { class: "detail", hidden: true }, h("td", { colspan: "6" },
        c.formula ? h("p", {}, h("strong", {}, "Formula: "), c.formula) : null,
        c.law ? h("p", {}, h("strong", {}, "Law: "), c.law) : null,
        c.reason ? h("p", {}, h("strong", {}, "Why: "), c.reason) : null,
        c.setBy.length ? h("ul", { class: "assumptions" }, ...c.setBy.map((s) => h("li", {}, `${s.name} = ${show(s.value as number | string)} — ${s.source}`))) : null,
        h("pre", {}, c.arithmetic.join("\n"))));
      const btn = h("button", { type: "button", class: "link", "aria-expanded": "false" }, c.claim);
      btn.addEventListener("click", () => { detail.hidden = !detail.hidden; btn.setAttribute("aria-expanded", String(!detail.hidden)); });
      tbody.append(h("tr", { class: moved ? "moved" : undefined, "data-claim": c.claim },
        h("td", {}, btn, h("div", { class: "basis" }, `${c.section} · ${c.verdict}`)),
        h("td", { class: typeof c.paperValue === "number" ? "num paper" : "paper" }, show(c.paperValue)),
        h("td", { class: "num achievable" }, show(c.achievable)),
        h("td", {}, c.unit),
        h("td", { class: "num ratio" }, show(c.ratio)),
        h("td", { class: "set-by" }, c.setBy.length ? c.setBy.map((s) => s.name).join(", ") : h("span", { class: "basis" }, c.basis))), detail);
    }
    placements.replaceChildren(...a.placements.map((p) => h("li", {}, `${p.name}: ${fmt(p.roundTripS)} s (closest pair ${fmt(p.minSeparationM / 1e3)} km${p.eligible ? "" : ", closer than the least separation"})`)));
    for (const [name, input] of inputs) input.closest(".assumption")?.classList.toggle("changed", name in a.set);
  };

  const chosen = (): Record<string, string> => {
    const set: Record<string, string> = {};
    for (const [name, input] of inputs) if (input.value.trim() !== defaults.get(name)) set[name] = input.value.trim();
    return set;
  };

  let seq = 0;
  const derive = async () => {
    const mine = ++seq;
    const set = chosen();
    for (const e of errors.values()) e.textContent = "";
    status.textContent = "deriving…";
    try {
      const a = await api<Answer>("/api/improve", { method: "POST", body: { set } });
      if (mine !== seq) return; // a newer edit is on its way
      previous = new Map(current.changes.map((c) => [c.claim, c.achievable]));
      current = a;
      render(a);
      const n = a.changes.filter((c) => previous.get(c.claim) !== c.achievable).length;
      status.textContent = `${Object.keys(set).length} assumption(s) set; ${n} figure(s) moved.`;
      runBtn.disabled = false;
    } catch (e) {
      if (mine !== seq) return;
      const issues = e instanceof ApiError ? e.issues : [];
      for (const i of issues) {
        const err = errors.get(i.path.replace(/^body\.set\./, ""));
        if (err) err.textContent = `expected ${i.expected}, got ${i.got}`;
      }
      status.textContent = (e as Error).message;
      runBtn.disabled = true; // the scenario would not match the fields
    }
  };

  for (const input of inputs.values()) input.addEventListener("change", () => void derive());
  resetBtn.addEventListener("click", () => {
    for (const [name, input] of inputs) input.value = defaults.get(name)!;
    void derive();
  });
  runBtn.addEventListener("click", async () => {
    runBtn.disabled = true;
    try {
      const r = await api<{ runId: string }>("/api/runs", { method: "POST", body: { scenario: current.scenario.yaml } });
      location.hash = `#/live/${r.runId}`;
    } catch (e) {
      status.textContent = (e as Error).message;
      runBtn.disabled = false;
    }
  });

  render(first);
  main.replaceChildren(
    h("section", { class: "panel" }, h("h2", {}, "The paper's V3000 and the buildable one"),
      h("p", {}, "For every claim the audit finds inconsistent or physically impossible: the paper's figure, the nearest figure today's components and physics allow, their ratio, and the technology figures that set it. Each figure is derived on the server from the technology assumptions beside it; change one and the dependent figures move."),
      status, h("div", { class: "controls" }, resetBtn, runBtn), runNote),
    h("div", { class: "improve-grid" },
      h("section", { class: "panel", "aria-labelledby": "assumptions-h" }, h("h2", { id: "assumptions-h" }, "Technology assumptions"), h("div", { class: "assumption-list" }, ...items)),
      h("section", { class: "panel", "aria-labelledby": "changes-h" }, h("h2", { id: "changes-h" }, "Claim by claim"),
        h("div", { class: "table-wrap" }, h("table", { class: "claims", id: "improve-table" },
          h("thead", {}, h("tr", {}, ...["claim", "paper", "achievable", "unit", "ratio", "set by"].map((x) => h("th", { scope: "col" }, x)))), tbody)),
        h("h3", {}, "Controller placements (least Raft quorum round trip)"), placements)),
  );
  return () => { seq += 1; };
}
