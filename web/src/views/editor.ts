/**
 * Scenario editor: a form generated from the scenario's JSON Schema (one fieldset per section,
 * inputs typed and bounded by the schema, checked as you type), the same scenario as raw YAML,
 * validation by the server (cross-field rules; the CLI's path/expected/got messages shown beside
 * the field they name), and "Start run".
 */
import { parse, stringify } from "yaml";
import { api, ApiError } from "../api.js";
import { h } from "../dom.js";

interface Prop { type?: string; enum?: string[]; minimum?: number; maximum?: number; exclusiveMinimum?: number; description?: string; default?: unknown; properties?: Record<string, Prop> }
interface Example { name: string; description: string; nodes: number; text: string }

type Obj = Record<string, unknown>;

function localIssue(p: Prop, raw: string): string | undefined {
  if (raw === "") return undefined;
  if (p.type === "integer" || p.type === "number") {
    const x = Number(raw);
    if (!Number.isFinite(x)) return `expected a number, got "${raw}"`;
    if (p.type === "integer" && !Number.isInteger(x)) return `expected an integer, got ${raw}`;
    if (p.minimum !== undefined && x < p.minimum) return `expected ≥ ${p.minimum}, got ${raw}`;
    if (p.exclusiveMinimum !== undefined && x <= p.exclusiveMinimum) return `expected > ${p.exclusiveMinimum}, got ${raw}`;
    if (p.maximum !== undefined && x > p.maximum) return `expected ≤ ${p.maximum}, got ${raw}`;
  }
  return undefined;
}

export async function editorView(main: HTMLElement): Promise<() => void> {
  const [schema, ex] = await Promise.all([api<Prop>("/api/scenarios/schema"), api<{ default: string; examples: Example[] }>("/api/scenarios")]);
  let scenario: Obj = parse(ex.examples.find((e) => e.name === ex.default)?.text ?? "{}") as Obj;
  const select = h("select", { id: "example" }, ...ex.examples.map((e) => h("option", { value: e.name, selected: e.name === ex.default }, `${e.name} (${e.nodes} nodes)`)));
  const form = h("form", { class: "scenario-form", novalidate: true });
  const yamlArea = h("textarea", { id: "yaml", rows: "22", spellcheck: "false", "aria-label": "Scenario YAML" }) as HTMLTextAreaElement;
  const msg = h("div", { id: "validation", role: "status", "aria-live": "polite" });
  const startBtn = h("button", { type: "button", id: "start-run", class: "primary" }, "Start run");
  const fieldErr = new Map<string, HTMLElement>();

  const get = (path: string[]): unknown => path.reduce<unknown>((o, k) => (o as Obj | undefined)?.[k], scenario);
  const set = (path: string[], v: unknown) => {
    let o = scenario;
    for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Obj;
    const last = path[path.length - 1] as string;
    if (v === undefined) delete o[last]; else o[last] = v;
  };

  const buildForm = () => {
    fieldErr.clear();
    const sections: HTMLElement[] = [];
    const top: HTMLElement[] = [];
    for (const [key, p] of Object.entries(schema.properties ?? {})) {
      if (p.type === "object" && p.properties) {
        const fs = h("fieldset", {}, h("legend", {}, key));
        for (const [k2, p2] of Object.entries(p.properties)) fs.append(field([key, k2], p2));
        sections.push(fs);
      } else top.push(field([key], p));
    }
    form.replaceChildren(h("fieldset", {}, h("legend", {}, "scenario"), ...top), ...sections);
  };

  const field = (path: string[], p: Prop): HTMLElement => {
    const id = `f-${path.join("-")}`;
    const cur = get(path);
    const err = h("span", { class: "field-error", id: `${id}-err`, "aria-live": "polite" });
    fieldErr.set(path.join("."), err);
    let input: HTMLInputElement | HTMLSelectElement;
    if (p.enum) {
      input = h("select", { id }, ...p.enum.map((v) => h("option", { value: v, selected: v === (cur ?? p.default) }, v)));
    } else if (p.type === "boolean") {
      input = h("input", { id, type: "checkbox", checked: (cur ?? p.default) === true }) as HTMLInputElement;
    } else {
      input = h("input", { id, type: "text", inputmode: p.type === "string" ? undefined : "decimal", value: cur === undefined ? "" : String(cur), placeholder: p.default === undefined ? "" : String(p.default), "aria-describedby": `${id}-err` }) as HTMLInputElement;
    }
    input.addEventListener("input", () => {
      let v: unknown;
      if (input instanceof HTMLInputElement && input.type === "checkbox") v = input.checked;
      else if (input.value === "") v = undefined;
      else v = p.type === "integer" || p.type === "number" ? (Number.isFinite(Number(input.value)) ? Number(input.value) : input.value) : input.value;
      const local = input instanceof HTMLInputElement && input.type !== "checkbox" ? localIssue(p, input.value) : undefined;
      err.textContent = local ?? "";
      input.setAttribute("aria-invalid", String(local !== undefined));
      set(path, v);
      yamlArea.value = stringify(scenario);
      scheduleValidate();
    });
    return h("div", { class: "field" }, h("label", { for: id, title: p.description ?? "" }, path[path.length - 1] as string), input, err,
      p.description ? h("small", { class: "muted" }, p.description) : null);
  };

  let timer = 0;
  const scheduleValidate = () => { window.clearTimeout(timer); timer = window.setTimeout(() => void validate(), 300); };
  const validate = async (): Promise<boolean> => {
    for (const e of fieldErr.values()) if (!e.textContent?.startsWith("expected")) e.textContent = "";
    try {
      await api("/api/scenarios/validate", { method: "POST", body: { scenario: yamlArea.value } });
      msg.className = "ok";
      msg.textContent = "✓ valid scenario";
      return true;
    } catch (e) {
      const err = e as ApiError;
      msg.className = "bad";
      msg.replaceChildren(h("strong", {}, "✗ "), ...(err.issues.length ? err.issues.map((i) => h("div", {}, `${i.path}: expected ${i.expected}, got ${i.got}`)) : [err.message]));
      for (const i of err.issues) { const el = fieldErr.get(i.path); if (el) el.textContent = `expected ${i.expected}, got ${i.got}`; }
      return false;
    }
  };

  select.addEventListener("change", () => {
    scenario = parse(ex.examples.find((e) => e.name === select.value)?.text ?? "{}") as Obj;
    yamlArea.value = ex.examples.find((e) => e.name === select.value)?.text ?? "";
    buildForm();
    void validate();
  });
  yamlArea.addEventListener("input", () => {
    try { scenario = (parse(yamlArea.value) ?? {}) as Obj; buildForm(); } catch { /* the server names the YAML error */ }
    scheduleValidate();
  });
  startBtn.addEventListener("click", async () => {
    startBtn.disabled = true;
    try {
      if (!(await validate())) return;
      const r = await api<{ runId: string }>("/api/runs", { method: "POST", body: { scenario: yamlArea.value } });
      location.hash = `#/live/${r.runId}`;
    } catch (e) {
      msg.className = "bad";
      msg.textContent = (e as Error).message;
    } finally {
      startBtn.disabled = false;
    }
  });

  yamlArea.value = ex.examples.find((e) => e.name === ex.default)?.text ?? "";
  buildForm();
  const formTab = h("button", { type: "button", role: "tab", "aria-selected": "true", id: "tab-form" }, "Form");
  const yamlTab = h("button", { type: "button", role: "tab", "aria-selected": "false", id: "tab-yaml" }, "YAML");
  const yamlWrap = h("div", { hidden: true }, yamlArea);
  const showTab = (yaml: boolean) => {
    formTab.setAttribute("aria-selected", String(!yaml)); yamlTab.setAttribute("aria-selected", String(yaml));
    form.hidden = yaml; yamlWrap.hidden = !yaml;
  };
  formTab.addEventListener("click", () => showTab(false));
  yamlTab.addEventListener("click", () => showTab(true));
  main.replaceChildren(h("section", { class: "panel" },
    h("h2", {}, "Scenario"),
    h("div", { class: "controls" }, h("label", { for: "example" }, "Example "), select, startBtn),
    msg,
    h("div", { role: "tablist", class: "tabs" }, formTab, yamlTab),
    form, yamlWrap));
  void validate();
  return () => window.clearTimeout(timer);
}
