/**
 * Heatmaps rendered server-side with ECharts to a standalone SVG: panels on a grid, categorical
 * axes, each cell coloured by a yes/no outcome and labelled with its value (H2's sensitivity:
 * residual × κ/γ, green where the criterion holds).
 */
import * as echarts from "echarts";
import { InputError } from "../errors.js";

export interface HeatmapCell {
  /** Column index into `xLabels`. */
  readonly x: number;
  /** Row index into `yLabels`. */
  readonly y: number;
  readonly holds: boolean;
  /** Text drawn in the cell. */
  readonly label: string;
}

export interface HeatmapPanel {
  readonly title: string;
  readonly xLabels: readonly string[];
  readonly yLabels: readonly string[];
  readonly cells: readonly HeatmapCell[];
}

export interface HeatmapSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly panels: readonly HeatmapPanel[];
  /** Panels per row (default 2). */
  readonly columns?: number;
  /** Width of one panel, px (default 560); height follows the number of rows. */
  readonly panelWidthPx?: number;
}

const HOLDS_COLOUR = "#3a9d5d";
const FAILS_COLOUR = "#d0473c";
const PANELS_MAX = 64;

function checkPanel(p: HeatmapPanel, path: string): void {
  if (p.xLabels.length === 0 || p.yLabels.length === 0) throw InputError.of(path, "at least one row and one column", p);
  p.cells.forEach((c, i) => {
    if (!Number.isInteger(c.x) || c.x < 0 || c.x >= p.xLabels.length) throw InputError.of(`${path}.cells[${i}].x`, `an integer in [0, ${p.xLabels.length - 1}]`, c.x);
    if (!Number.isInteger(c.y) || c.y < 0 || c.y >= p.yLabels.length) throw InputError.of(`${path}.cells[${i}].y`, `an integer in [0, ${p.yLabels.length - 1}]`, c.y);
  });
}

/** Render the panels; returns `{ svg }` (white background, no script). */
export function renderHeatmaps(spec: HeatmapSpec): { svg: string } {
  if (spec.panels.length === 0 || spec.panels.length > PANELS_MAX) throw InputError.of("panels", `1 … ${PANELS_MAX} panels`, spec.panels.length);
  spec.panels.forEach((p, i) => checkPanel(p, `panels[${i}]`));
  const columns = spec.columns ?? 2;
  if (!Number.isInteger(columns) || columns < 1) throw InputError.of("columns", "an integer ≥ 1", columns);
  const panelW = spec.panelWidthPx ?? 560;
  const panelH = 150 + 28 * Math.max(...spec.panels.map((p) => p.yLabels.length));
  const rows = Math.ceil(spec.panels.length / columns);
  const headPx = 60;
  const width = columns * panelW;
  const height = headPx + rows * panelH;
  const titles: object[] = [{ text: spec.title, left: "center", top: 8, textStyle: { fontSize: 14 } }];
  const grids: object[] = [];
  const xAxes: object[] = [];
  const yAxes: object[] = [];
  const series: object[] = [];
  spec.panels.forEach((p, i) => {
    const left = (i % columns) * panelW + 80;
    const top = headPx + Math.floor(i / columns) * panelH + 40;
    const w = panelW - 110;
    const h = panelH - 110;
    titles.push({ text: p.title, left: left + w / 2, top: top - 28, textAlign: "center", textStyle: { fontSize: 12 } });
    grids.push({ left, top, width: w, height: h });
    xAxes.push({ type: "category", gridIndex: i, data: p.xLabels, name: spec.xLabel, nameLocation: "middle", nameGap: 40, axisLabel: { fontSize: 9, rotate: 20 } });
    yAxes.push({ type: "category", gridIndex: i, data: p.yLabels, name: spec.yLabel, nameLocation: "middle", nameGap: 50, axisLabel: { fontSize: 9 } });
    series.push({
      type: "heatmap", xAxisIndex: i, yAxisIndex: i,
      data: p.cells.map((c) => ({ value: [c.x, c.y, c.holds ? 1 : 0], label: { show: true, formatter: c.label, fontSize: 8, color: "#fff" } })),
      itemStyle: { borderColor: "#fff", borderWidth: 1 },
    });
  });
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    // ECharts draws a heatmap only through a visualMap: two pieces, 1 = holds, 0 = fails.
    const visualMap = {
      type: "piecewise", dimension: 2, orient: "horizontal", left: "center", top: 30, seriesIndex: series.map((_, i) => i),
      pieces: [{ value: 1, label: "criterion met", color: HOLDS_COLOUR }, { value: 0, label: "not met", color: FAILS_COLOUR }],
    };
    chart.setOption({ animation: false, backgroundColor: "#ffffff", title: titles, grid: grids, xAxis: xAxes, yAxis: yAxes, visualMap, series });
    return { svg: chart.renderToSVGString() };
  } finally {
    chart.dispose();
  }
}
