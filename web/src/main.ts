/** The dashboard's router: #/editor, #/live/<run>, #/audit, #/improve, #/history, #/compare/<a>/<b>. */
import "./style.css";
import { h } from "./dom.js";
import { editorView } from "./views/editor.js";
import { liveView, constellationView } from "./views/live.js";
import { auditView } from "./views/audit.js";
import { interplanetaryView } from "./views/interplanetary.js";
import { api } from "./api.js";
import { historyView, compareView } from "./views/history.js";
import { improveView } from "./views/improve.js";

const main = document.getElementById("main") as HTMLElement;
let cleanup: () => void = () => undefined;

/** The model a run drives (its scenario's `model`): an interplanetary run gets the inner-solar-system view. */
async function modelOf(runId: string): Promise<string> {
  return (await api<{ scenario: { model?: string } }>(`/api/runs/${runId}`)).scenario.model ?? "resonance-mesh";
}

async function route(): Promise<void> {
  cleanup();
  cleanup = () => undefined;
  const [name = "editor", ...args] = location.hash.replace(/^#\/?/, "").split("/").filter(Boolean);
  for (const a of document.querySelectorAll<HTMLAnchorElement>("nav a")) {
    const on = a.dataset.route === name || (name === "compare" && a.dataset.route === "history");
    if (on) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
  document.body.dataset.view = name;
  try {
    if (name === "live" && args[0] !== undefined && (await modelOf(args[0])) === "interplanetary") cleanup = await interplanetaryView(main, args[0]);
    else if (name === "live") cleanup = await liveView(main, args[0]);
    else if (name === "constellation") cleanup = await constellationView(main, args[0]);
    else if (name === "audit") cleanup = await auditView(main);
    else if (name === "improve") cleanup = await improveView(main);
    else if (name === "history") cleanup = await historyView(main);
    else if (name === "compare" && args[0] && args[1]) cleanup = await compareView(main, args[0], args[1]);
    else cleanup = await editorView(main);
  } catch (e) {
    main.replaceChildren(h("section", { class: "panel bad" }, h("h2", {}, "Error"), h("p", {}, (e as Error).message)));
  }
}

window.addEventListener("hashchange", () => void route());
void route();
