/** Run history: every run in the store (CLI and dashboard alike); open one, or compare two. */
import { api, type RunSummary, type Series } from "../api.js";
import { ChartBoard } from "../chart-board.js";
import { chartTitle } from "../chart.js";
import { h, fmt, fmtTime } from "../dom.js";
import { chartGroups, COLORS } from "../metrics.js";
import { formatValue } from "../ticks.js";
import { metricInfo } from "../../../src/report/metric-table.js";

export async function historyView(main: HTMLElement): Promise<() => void> {
  const { runs } = await api<{ runs: RunSummary[] }>("/api/runs");
  const chosen = new Set<string>();
  const cmpBtn = h("button", { type: "button", id: "compare", class: "primary", disabled: true }, "Compare selected (2)");
  cmpBtn.addEventListener("click", () => { location.hash = `#/compare/${[...chosen].join("/")}`; });
  const rows = runs.map((r) => {
    const box = h("input", { type: "checkbox", "aria-label": `select ${r.id} for comparison` }) as HTMLInputElement;
    box.addEventListener("change", () => {
      if (box.checked) chosen.add(r.id); else chosen.delete(r.id);
      cmpBtn.disabled = chosen.size !== 2;
    });
    return h("tr", {}, h("td", {}, box), h("td", {}, h("a", { href: `#/live/${r.id}` }, r.id)), h("td", {}, r.name), h("td", {}, `${r.status}${r.live ? " (live)" : ""}`),
      h("td", {}, String(r.seed)), h("td", {}, String(r.nodes)), h("td", {}, `${fmtTime(r.simTNs)} / ${fmtTime(r.durationNs)}`), h("td", {}, new Date(r.createdAt).toLocaleString()));
  });
  main.replaceChildren(h("section", { class: "panel" }, h("h2", {}, "Run history"),
    h("p", { class: "muted" }, `${runs.length} runs in the store (the same store the CLI uses: \`pqms runs list\`).`),
    h("div", { class: "controls" }, cmpBtn),
    h("div", { class: "table-wrap" }, h("table", { id: "runs" }, h("thead", {}, h("tr", {}, ...["", "run", "scenario", "status", "seed", "nodes", "simulated", "created"].map((t) => h("th", { scope: "col" }, t)))), h("tbody", {}, ...rows)))));
  return () => undefined;
}

export async function compareView(main: HTMLElement, a: string, b: string): Promise<() => void> {
  const [ra, rb, ma, mb] = await Promise.all([
    api<RunSummary & { eventCounts: Record<string, number>; scenario: unknown }>(`/api/runs/${a}`), api<RunSummary & { eventCounts: Record<string, number>; scenario: unknown }>(`/api/runs/${b}`),
    api<{ metrics: Record<string, Series> }>(`/api/runs/${a}/metrics`), api<{ metrics: Record<string, Series> }>(`/api/runs/${b}/metrics`),
  ]);
  const last = (s: Series | undefined) => (s && s.value.length ? s.value[s.value.length - 1] : undefined);
  // In the metric table's group order, as the charts below.
  const names = chartGroups([...new Set([...Object.keys(ma.metrics), ...Object.keys(mb.metrics)])]).flatMap((g) => g.charts.map((c) => c.key));
  const row = (label: string, x: string, y: string) => h("tr", { class: x === y ? "" : "differs" }, h("th", { scope: "row" }, label), h("td", {}, x), h("td", {}, y));
  const table = h("table", { class: "compare" }, h("thead", {}, h("tr", {}, h("th", {}), h("th", { scope: "col" }, `A: ${ra.id}`), h("th", { scope: "col" }, `B: ${rb.id}`))),
    h("tbody", {},
      row("scenario", ra.name, rb.name), row("seed", String(ra.seed), String(rb.seed)), row("nodes", String(ra.nodes), String(rb.nodes)), row("status", ra.status, rb.status),
      row("fingerprint", ra.fingerprint ?? "—", rb.fingerprint ?? "—"), row("wall time", `${fmt(ra.wallS)} s`, `${fmt(rb.wallS)} s`),
      ...names.map((n) => {
        const { label, unit } = metricInfo(n);
        return row(`final: ${chartTitle(label, unit)}`, formatValue(last(ma.metrics[n]), unit), formatValue(last(mb.metrics[n]), unit));
      }),
      row("events", JSON.stringify(ra.eventCounts), JSON.stringify(rb.eventCounts))));
  const board = new ChartBoard(() => [{ name: "A", color: COLORS[0]! }, { name: "B", color: COLORS[1]!, dashed: true }]);
  for (const [spec, c] of board.ensure(names)) {
    const sa = ma.metrics[spec.key], sb = mb.metrics[spec.key];
    if (sa) c.set("A", sa.tNs, sa.value);
    if (sb) c.set("B", sb.tNs, sb.value);
  }
  main.replaceChildren(h("section", { class: "panel" }, h("h2", {}, "Compare runs"), h("p", { class: "muted" }, "A solid, B dashed; rows that differ are marked."), h("div", { class: "table-wrap" }, table)),
    h("section", { class: "panel" }, board.el));
  return () => undefined;
}
