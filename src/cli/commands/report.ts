/** `pqms report <runId>`: plots (SVG + PNG), parameters and verdicts of a saved run, as HTML or Markdown. */
import type { Command } from "commander";
import { choiceFlag } from "../options.js";
import { printJson } from "../output.js";
import { prepareOutDir } from "../support/out-path.js";
import { openStoreFor, withDbOption } from "../support/store-option.js";
import { reportRun } from "../support/drive.js";

interface ReportOptions {
  format: "html" | "md";
  out?: string;
  db?: string;
  json?: boolean;
}

export function registerReport(program: Command): void {
  const cmd = program
    .command("report")
    .description("write the report of a saved run: plots of coherence, ΔE, vetoes, energy; parameters; verdicts")
    .argument("<runId>", "run id (or a unique prefix)")
    .option("--format <fmt>", "html (self-contained) or md", choiceFlag("--format", ["html", "md"] as const), "html")
    .option("--out <dir>", "output directory (default: <store dir>/reports/<runId>)")
    .option("--json", "print the paths and verdicts as JSON");
  withDbOption(cmd).action((id: string, opts: ReportOptions) => {
    const out = opts.out === undefined ? undefined : prepareOutDir(opts.out); // before any work
    const store = openStoreFor(opts);
    try {
      const r = reportRun(store, id, out, opts.format);
      if (opts.json) printJson({ report: r.path, plots: r.plots.map((p) => ({ name: p.name, svg: p.svgPath, png: p.pngPath })), verdicts: r.verdicts });
      else process.stdout.write(`${r.plots.map((p) => `plot ${p.name}: ${p.pngPath}`).join("\n")}\nreport: ${r.path}\n`);
    } finally {
      store.close();
    }
  });
}
