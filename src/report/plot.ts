/**
 * Line charts as standalone SVG (ECharts, rendered server-side) and PNG (resvg).
 *
 * No browser, no DOM, no network: ECharts' SSR mode builds the SVG string directly and resvg
 * rasterises it with a system font. One chart per call (`renderLineChart`) or several panels in
 * one image (`renderSubplots`, e.g. the paper's Appendix A figure: global RCF beside mean ΔE).
 */
import * as echarts from "echarts";
import { Resvg } from "@resvg/resvg-js";
import { InputError, describeValue } from "../errors.js";

/** One named curve: `x[i]`, `y[i]` are the i-th point (same length, finite numbers). */
export interface LineSeries {
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

/** One panel: a title, axis labels and its curves. */
export interface LinePanel {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly LineSeries[];
  /** Logarithmic y axis (every y must then be > 0). */
  readonly yLog?: boolean;
  /** Shaded x ranges (e.g. periods a link is down), named once in the legend. */
  readonly bands?: PanelBands;
}

/** Shaded x ranges of a panel: `[from, to]` pairs in x units, and their legend name. */
export interface PanelBands {
  readonly name: string;
  readonly ranges: ReadonlyArray<readonly [number, number]>;
}

/** Image size in pixels. */
export interface PlotSize {
  /** Width in px, default 800. */
  readonly width?: number;
  /** Height in px, default 450. */
  readonly height?: number;
}

/** A rendered chart. */
export interface RenderedChart {
  readonly svg: string;
}

/** Several panels in one image, laid out on a grid of `columns` columns. */
export interface SubplotSpec extends PlotSize {
  /** Overall title above all panels (optional). */
  readonly title?: string;
  readonly panels: readonly LinePanel[];
  /** Panels per row, default: all in one row. */
  readonly columns?: number;
}

/** Font stack: DejaVu/Liberation are on Debian; resvg falls back to any system sans-serif. */
const FONT_FAMILY = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
/** More points than this per series are down-sampled by ECharts' LTTB (keeps peaks). */
const SAMPLING_THRESHOLD = 2000;
const SIZE_MAX_PX = 8192;

/**
 * Render one line chart to SVG.
 *
 * @param spec  title, axis labels, series (x/y arrays of equal length), optional log y axis,
 *              width/height in px (defaults 800 × 450).
 * @returns `{ svg }`, a standalone SVG document (white background, no script).
 * @throws InputError on empty/mismatched/non-finite data or a bad size.
 */
export function renderLineChart(spec: LinePanel & PlotSize): RenderedChart {
  return renderSubplots({ panels: [spec], columns: 1, width: spec.width, height: spec.height });
}

/**
 * Render several line-chart panels side by side (or on a grid) into one SVG.
 *
 * @param spec  panels, `columns` per row (default all in one row), overall width/height in px.
 */
export function renderSubplots(spec: SubplotSpec): RenderedChart {
  const width = checkSize(spec.width ?? 800, "width");
  const height = checkSize(spec.height ?? 450, "height");
  if (spec.panels.length === 0) throw InputError.of("panels", "at least one panel", spec.panels);
  spec.panels.forEach((p, i) => checkPanel(p, `panels[${i}]`));
  const columns = spec.columns ?? spec.panels.length;
  if (!Number.isInteger(columns) || columns < 1) throw InputError.of("columns", "an integer ≥ 1", columns);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(buildOption(spec, columns, width, height));
    return { svg: chart.renderToSVGString() };
  } finally {
    chart.dispose();
  }
}

/**
 * Rasterise an SVG to PNG with resvg, using the system fonts.
 *
 * @param svg    an SVG document (e.g. from `renderLineChart`).
 * @param opts.width  output width in px (height follows the aspect ratio); default: the SVG's own.
 * @returns the PNG file bytes.
 */
export function svgToPng(svg: string, opts: { width?: number } = {}): Buffer {
  const fitTo = opts.width === undefined ? { mode: "original" as const } : { mode: "width" as const, value: checkSize(opts.width, "width") };
  const resvg = new Resvg(svg, {
    fitTo,
    background: "#ffffff",
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}

function checkSize(px: number, path: string): number {
  if (!Number.isInteger(px) || px < 16 || px > SIZE_MAX_PX) throw InputError.of(path, `an integer in [16, ${SIZE_MAX_PX}] px`, px);
  return px;
}

function checkPanel(panel: LinePanel, path: string): void {
  if (panel.series.length === 0) throw InputError.of(`${path}.series`, "at least one series", panel.series);
  panel.series.forEach((s, i) => {
    const where = `${path}.series[${i}]`;
    if (s.x.length !== s.y.length) throw InputError.of(`${where}.y`, `length ${s.x.length} (as x)`, `~length ${s.y.length}`);
    for (let j = 0; j < s.x.length; j++) {
      const x = s.x[j]!;
      const y = s.y[j]!;
      if (!Number.isFinite(x)) throw InputError.of(`${where}.x[${j}]`, "a finite number", x);
      if (!Number.isFinite(y)) throw InputError.of(`${where}.y[${j}]`, "a finite number", y);
      if (panel.yLog === true && y <= 0) throw InputError.of(`${where}.y[${j}]`, "a number > 0 (log axis)", `~${describeValue(y)}`);
    }
  });
  panel.bands?.ranges.forEach(([a, b], i) => {
    if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) throw InputError.of(`${path}.bands.ranges[${i}]`, "finite [from, to] with from ≤ to", [a, b]);
  });
}

/** Tick labels short enough for the margin: exponent form for very large or small magnitudes. */
export function tickLabel(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return v.toExponential(2).replace(/\.?0+e/, "e");
  return String(Number(v.toPrecision(7)));
}

function points(s: LineSeries): Array<[number, number]> {
  const out = new Array<[number, number]>(s.x.length);
  for (let j = 0; j < s.x.length; j++) out[j] = [s.x[j]!, s.y[j]!];
  return out;
}

interface Cell {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Pixel boxes of each panel's plotting area on a `columns`-wide grid. */
function layout(count: number, columns: number, width: number, height: number, titled: boolean): Cell[] {
  const rows = Math.ceil(count / columns);
  const headPx = titled ? 36 : 0;
  const cellW = width / columns;
  const cellH = (height - headPx) / rows;
  const cells: Cell[] = [];
  for (let i = 0; i < count; i++) {
    const c = i % columns;
    const r = Math.floor(i / columns);
    // Room for the panel title + legend above, axis name and ticks left and below.
    cells.push({ left: c * cellW + 70, top: headPx + r * cellH + 60, width: cellW - 100, height: cellH - 115 });
  }
  return cells;
}

const BAND_COLOR = "rgba(214, 40, 40, 0.16)";

/** An empty series that carries the panel's shaded ranges (ECharts draws mark areas per series). */
function bandSeries(bands: PanelBands, axis: number): object {
  return {
    type: "line", name: bands.name, xAxisIndex: axis, yAxisIndex: axis, data: [], legendIcon: "rect", itemStyle: { color: BAND_COLOR }, lineStyle: { width: 0 },
    markArea: { silent: true, itemStyle: { color: BAND_COLOR }, data: bands.ranges.map(([a, b]) => [{ xAxis: a }, { xAxis: b }]) },
  };
}

function buildOption(spec: SubplotSpec, columns: number, width: number, height: number): echarts.EChartsCoreOption {
  const cells = layout(spec.panels.length, columns, width, height, spec.title !== undefined);
  const titles: object[] = [];
  const legends: object[] = [];
  const grids: object[] = [];
  const xAxes: object[] = [];
  const yAxes: object[] = [];
  const series: object[] = [];
  if (spec.title !== undefined) titles.push({ text: spec.title, left: "center", top: 6, textStyle: { fontSize: 16 } });
  spec.panels.forEach((panel, i) => {
    const cell = cells[i] as Cell;
    const centreX = cell.left + cell.width / 2;
    titles.push({ text: panel.title, left: centreX, top: cell.top - 55, textAlign: "center", textStyle: { fontSize: 14 } });
    const bandNames = panel.bands !== undefined && panel.bands.ranges.length > 0 ? [panel.bands.name] : [];
    legends.push({ data: [...panel.series.map((s) => s.name), ...bandNames], left: cell.left, width: cell.width, top: cell.top - 30, itemGap: 28 });
    grids.push({ left: cell.left, top: cell.top, width: cell.width, height: cell.height, containLabel: false });
    xAxes.push({ type: "value", gridIndex: i, name: panel.xLabel, nameLocation: "middle", nameGap: 28, min: "dataMin", max: "dataMax", axisLabel: { formatter: tickLabel } });
    yAxes.push({ type: panel.yLog === true ? "log" : "value", gridIndex: i, name: panel.yLabel, nameLocation: "middle", nameGap: 55, scale: true, axisLabel: { formatter: tickLabel } });
    for (const s of panel.series) {
      series.push({
        type: "line", name: s.name, xAxisIndex: i, yAxisIndex: i, data: points(s), showSymbol: s.x.length <= 50,
        sampling: s.x.length > SAMPLING_THRESHOLD ? "lttb" : undefined, lineStyle: { width: 1.5 },
      });
    }
    if (bandNames.length > 0) series.push(bandSeries(panel.bands!, i));
  });
  return {
    animation: false, backgroundColor: "#ffffff", textStyle: { fontFamily: FONT_FAMILY },
    title: titles, legend: legends, grid: grids, xAxis: xAxes, yAxis: yAxes, series,
  };
}
