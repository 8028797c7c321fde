/**
 * The run views' charts, one per metric, in the metric table's groups (coherence, ethics / veto,
 * control plane, energy, clocks). In each group the charts that vary sit in a grid; the constant
 * ones are folded into one-line entries below it, and move up when they start to vary.
 */
import { METRIC_GROUPS, type MetricGroup } from "../../src/report/metric-table.js";
import { LineChart, type SeriesStyle } from "./chart.js";
import { h } from "./dom.js";
import { chartGroups, type ChartSpec } from "./metrics.js";

interface GroupBox { readonly section: HTMLElement; readonly grid: HTMLElement; readonly folded: HTMLElement; readonly keys: string[] }

export class ChartBoard {
  readonly el = h("div", { class: "chart-board" });
  private readonly charts = new Map<string, LineChart>();
  private readonly groups = new Map<MetricGroup, GroupBox>();

  /** `styles(spec)`: the series of each chart (the metric itself live; runs A and B in a comparison). */
  constructor(private readonly styles: (spec: ChartSpec) => SeriesStyle[]) {}

  /** Charts for any of `names` not drawn yet; returns the new ones. */
  ensure(names: readonly string[]): Array<[ChartSpec, LineChart]> {
    const made: Array<[ChartSpec, LineChart]> = [];
    // Called on every streamed update: nothing to do (and no DOM touched) unless a metric is new.
    if (names.every((k) => this.charts.has(k))) return made;
    // Group over every metric charted so far as well as the new ones, so a call that names only
    // some metrics never drops a group's other charts from its key list.
    for (const g of chartGroups([...new Set([...this.charts.keys(), ...names])])) {
      if (g.charts.every((spec) => this.charts.has(spec.key))) continue;
      const box = this.group(g.group);
      for (const spec of g.charts) {
        if (this.charts.has(spec.key)) continue;
        const c = new LineChart(spec.label, spec.unit, this.styles(spec));
        c.el.dataset.metric = spec.key;
        this.charts.set(spec.key, c);
        c.onFold = () => this.place(box);
        made.push([spec, c]);
      }
      // Every chart of the group now exists: the group's keys, in the table's order, set once.
      box.keys.splice(0, box.keys.length, ...g.charts.map((s) => s.key));
      this.place(box);
    }
    return made;
  }

  get(key: string): LineChart | undefined {
    return this.charts.get(key);
  }

  all(): IterableIterator<LineChart> {
    return this.charts.values();
  }

  private group(group: MetricGroup): GroupBox {
    const have = this.groups.get(group);
    if (have) return have;
    const id = `charts-${group.replace(/[^a-z]+/g, "-")}`;
    const grid = h("div", { class: "charts" });
    const folded = h("div", { class: "charts-constant" });
    const section = h("section", { class: "chart-group", id, "aria-labelledby": `${id}-h` },
      h("h3", { id: `${id}-h` }, group[0]!.toUpperCase() + group.slice(1)), grid, folded);
    const box = { section, grid, folded, keys: [] };
    this.groups.set(group, box);
    // Sections in the table's group order.
    const after = METRIC_GROUPS.slice(METRIC_GROUPS.indexOf(group) + 1).map((g) => this.groups.get(g)?.section).find((s) => s !== undefined);
    this.el.insertBefore(section, after ?? null);
    return box;
  }

  /** Varying charts in the grid, constant ones folded below, each in the table's order. */
  private place(box: GroupBox): void {
    const charts = box.keys.map((k) => this.charts.get(k)!);
    box.grid.replaceChildren(...charts.filter((c) => !c.constant).map((c) => c.el));
    box.folded.replaceChildren(...charts.filter((c) => c.constant).map((c) => c.el));
  }
}
