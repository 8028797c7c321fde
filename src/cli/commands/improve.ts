/** `pqms improve`: the nearest buildable V3000 for every claim the audit finds inconsistent or impossible. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { applyTechOverrides, runImprove, TECH_NAMES, TECHNOLOGY_DEFAULT, type Change, type ImproveResult } from "../../experiments/improve/index.js";
import { writeImproveReport } from "../../report/improve-report.js";
import { improveReportData } from "../../report/improve-report-data.js";
import { sci } from "../../experiments/audit/compare.js";
import { InputError } from "../../errors.js";
import { printJson } from "../output.js";
import { checkOutFile, prepareOutDir, writeOutFile } from "../support/out-path.js";

interface ImproveFlags {
  set: Record<string, string>;
  json?: boolean;
  out: string;
  scenario: string;
}

/** `--set name=value`, repeatable. */
function collectSet(raw: string, prev: Record<string, string>): Record<string, string> {
  const eq = raw.indexOf("=");
  if (eq <= 0 || eq === raw.length - 1) throw InputError.of("--set", "name=value (e.g. detectorEfficiency=0.5)", raw);
  const name = raw.slice(0, eq).trim();
  if (Object.hasOwn(prev, name)) throw InputError.of(`--set ${name}`, "each assumption set once", raw);
  return { ...prev, [name]: raw.slice(eq + 1).trim() };
}

function show(x: number | string | null): string {
  return x === null ? "—" : typeof x === "number" ? sci(x) : x;
}

function line(c: Change): string {
  return `${c.claim.padEnd(26)} ${show(c.paperValue).slice(0, 16).padEnd(17)} ${show(c.achievable).slice(0, 16).padEnd(17)} ${show(c.ratio).padEnd(11)} ${c.basis.padEnd(8)} ${c.unit}`;
}

/** The failover world on the buildable placement, measured beside derived. */
function twinText(w: NonNullable<ImproveResult["twin"]>): string {
  const s = w.settings;
  const d = (x: { median: number; p99: number; count: number }) => `median ${sci(x.median)} s, p99 ${sci(x.p99)} s, n = ${x.count}`;
  return [
    `failover world on the buildable placement (${w.placement}; ${s.nodes} nodes in ${s.planes} planes, ${s.durationS} s, seed ${s.seed}; election timeout ${sci(s.electionTimeoutS)} s = ${sci(s.electionTimeoutS / s.largestRoundTripS)} × the largest round trip; reload from the in-plane neighbour, detection after ${sci(s.detectTimeoutS)} s):`,
    `  leader failover: simulated ${d(w.simulated.leaderFailoverS)}; derived ${sci(w.derived.leaderFailoverS)} s; paper ${sci(w.paper.leaderFailoverS)} s`,
    `  reload:          simulated ${d(w.simulated.reloadS)}; derived ${sci(w.derived.reloadS)} s (light and transfer, no detection); paper ${sci(w.paper.reloadS)} s`,
    `  Raft safety violations ${w.simulated.safetyViolations}, unrecoverable nodes ${w.simulated.unrecoverableNodes}, events ${w.simulated.events}, fingerprint ${w.simulated.fingerprint}`,
  ].join("\n");
}

export function registerImprove(program: Command): void {
  program
    .command("improve")
    .description("the nearest buildable V3000: for every inconsistent or impossible claim, the figure today's components allow, the technology figures it rests on, and the scenario")
    .option("--set <name=value>", `override a technology assumption (repeatable): ${TECH_NAMES.join(", ")}`, collectSet, {})
    .option("--json", "print { assumptions, changes, placements, scenario, hypotheses, simulations } as JSON")
    .option("--out <dir>", "directory for improve.html, improve.json and the plots", "./pqms-out/improve")
    .option("--scenario <file>", "where to write the buildable scenario", "scenarios/v3000-buildable.yaml")
    .action((f: ImproveFlags) => {
      const dir = prepareOutDir(f.out); // a bad --out or --scenario fails before the work
      const scenarioFile = checkOutFile(f.scenario, "--scenario");
      const r = runImprove({ set: f.set });
      writeFileSync(join(dir, "improve.json"), `${JSON.stringify(r, null, 2)}\n`);
      const report = writeImproveReport(improveReportData(r, applyTechOverrides(TECHNOLOGY_DEFAULT, f.set)), dir);
      writeOutFile(scenarioFile, r.scenario.yaml, "--scenario");
      if (f.json) return printJson({ ...r, scenario: { ...r.scenario, path: f.scenario } });
      process.stdout.write(`${"claim".padEnd(26)} ${"paper".padEnd(17)} ${"achievable".padEnd(17)} ${"ratio".padEnd(11)} ${"basis".padEnd(8)} unit\n`);
      for (const c of r.changes) process.stdout.write(`${line(c)}\n`);
      process.stdout.write(`\nplacements (least Raft quorum round trip):\n${r.placements.map((p) => `  ${p.name}: ${sci(p.roundTripS)} s${p.eligible ? "" : " (controllers closer than the least separation)"}`).join("\n")}\n`);
      if (r.twin) process.stdout.write(`\n${twinText(r.twin)}\n`);
      for (const c of r.simulations) process.stdout.write(`\n${c.claim} at the buildable UMT residual: ${c.verdict} (paper ${show(c.paperValue)}, twin ${show(c.recomputed)} ${c.unit})\n`);
      for (const h of r.hypotheses) process.stdout.write(`\n${h.id} on the buildable parameters: ${h.verdict} — ${h.reason}\n`);
      process.stdout.write(`\nscenario: ${f.scenario}\nreport: ${report.html}, ${join(dir, "improve.json")}\n`);
    });
}
