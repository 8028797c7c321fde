/**
 * A run's report written from the store into `<store dir>/reports/<runId>` with its files
 * recorded as artifacts: the same files and names as `pqms run` / `pqms report` write.
 */
import { dirname, join, resolve } from "node:path";
import { writeRunReport, type RunReport } from "../report/run-report.js";
import type { RunStore } from "../store/run-store.js";

/** Directory holding the store's reports; artifacts are served only from inside it. */
export function reportsRoot(store: RunStore): string {
  return store.path === ":memory:" ? resolve("pqms-reports") : join(dirname(resolve(store.path)), "reports");
}

export function writeReportFor(store: RunStore, runId: string): RunReport {
  const run = store.getRun(runId);
  const report = writeRunReport({
    runId: run.id, status: run.status, scenario: run.scenario, codeVersion: run.codeVersion, fingerprint: run.fingerprint,
    createdAt: run.createdAt, wallS: run.wallS, metrics: store.metrics(run.id), eventCounts: store.eventCounts(run.id),
  }, join(reportsRoot(store), run.id), "html");
  store.addArtifact(run.id, { name: "report.html", mediaType: "text/html", path: report.path });
  for (const p of report.plots) {
    store.addArtifact(run.id, { name: `${p.name}.svg`, mediaType: "image/svg+xml", path: p.svgPath });
    store.addArtifact(run.id, { name: `${p.name}.png`, mediaType: "image/png", path: p.pngPath });
  }
  return report;
}
