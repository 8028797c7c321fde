/** `pqms falsify [H1|H2|H3|all]`: §6's falsification protocol on the twin, and H2's sensitivity sweep. */
import { existsSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import {
  ASSUMPTION_NAMES, HYPOTHESIS_IDS, REPLICATES_DEFAULT, REPLICATES_MAX, SENSITIVITY_NODES_DEFAULT, SENSITIVITY_SEEDS_DEFAULT,
  SENSITIVITY_THREADS_MAX, SIMULATION_CANNOT_SUPPORT, defaultSensitivityThreads, runFalsify, runH2SensitivityParallel, type HypothesisId, type HypothesisResult, type SensitivityPoint, type SensitivityResult,
} from "../../experiments/falsify/index.js";
import { writeFalsifyReport, writeSensitivityReport } from "../../report/falsify-report.js";
import { InputError } from "../../errors.js";
import { intFlag } from "../options.js";
import { printJson } from "../output.js";
import { prepareOutDir } from "../support/out-path.js";

interface FalsifyFlags {
  replicates: number;
  seed: number;
  set: Record<string, string>;
  search: boolean;
  json?: boolean;
  out: string;
  sensitivity?: boolean;
  nodes: number;
  seeds: number;
  resume?: boolean;
  residuals?: number[];
  kappaOverGamma?: number[];
  threads?: number;
}

/** A comma-separated list of positive numbers (`--residuals 1e-14,1e-12`). */
function listFlag(flag: string): (raw: string) => number[] {
  return (raw: string) => {
    const xs = raw.split(",").map((t) => t.trim());
    const out = xs.map(Number);
    if (xs.length === 0 || xs.length > 100 || xs.some((t) => t === "") || !out.every((x) => Number.isFinite(x) && x > 0)) {
      throw InputError.of(flag, "a comma-separated list of 1–100 numbers > 0", raw);
    }
    return out;
  };
}

function parseWhich(raw: string): HypothesisId[] {
  const u = raw.toUpperCase();
  if (u === "ALL") return [...HYPOTHESIS_IDS];
  if ((HYPOTHESIS_IDS as readonly string[]).includes(u)) return [u as HypothesisId];
  throw InputError.of("hypothesis", "H1, H2, H3 or all", raw);
}

/** `--set name=value`, repeatable. */
function collectSet(raw: string, prev: Record<string, string>): Record<string, string> {
  const eq = raw.indexOf("=");
  if (eq <= 0 || eq === raw.length - 1) throw InputError.of("--set", "name=value (e.g. clockResidualS=1e-9)", raw);
  const name = raw.slice(0, eq).trim();
  if (Object.hasOwn(prev, name)) throw InputError.of(`--set ${name}`, "each assumption set once", raw);
  return { ...prev, [name]: raw.slice(eq + 1).trim() };
}

function fmt(x: number): string {
  const a = Math.abs(x);
  return x !== 0 && (a >= 1e5 || a < 1e-3) ? x.toExponential(4) : String(Number(x.toPrecision(6)));
}

function printHypothesis(h: HypothesisResult): void {
  const stats = h.statistic && h.ci95 && h.pValue !== undefined
    ? `  measured mean ${h.measuredMean.toExponential(4)} ${h.unit}, 95% CI ${h.ci95.lower.toExponential(4)}–${h.ci95.upper.toExponential(4)}, ${h.statistic.name} = ${h.statistic.value.toExponential(3)}, p = ${h.pValue.toExponential(2)}, n = ${h.replicates}\n`
    : `  ${h.unit}: ${h.measuredMean.toExponential(4)} (a formula, no replicates, no test)\n`;
  const lines = h.assumptions.map((a) => `    ${a.name} = ${typeof a.value === "number" ? fmt(a.value) : String(a.value)} ${a.unit} [${a.source}], range ${String(a.range[0])} … ${String(a.range[1])}: flipsAt ${a.flipsAt === null ? "null" : typeof a.flipsAt === "number" ? fmt(a.flipsAt) : String(a.flipsAt)} (${a.search.method}, ${a.search.steps.length} evaluations)`);
  process.stdout.write(`${h.id} (${h.section}) ${h.hypothesis}\n  criterion: ${h.criterion}\n${stats}  verdict: ${h.verdict.toUpperCase()} — ${h.reason}\n  hangs on:\n${lines.join("\n")}\n  would test it: ${h.wouldTest}\n\n`);
}

/** Points stored by an earlier run of the sweep in `file` (one JSON line { key, point } each). */
function loadDone(file: string): Map<string, SensitivityPoint> {
  const done = new Map<string, SensitivityPoint>();
  if (!existsSync(file)) return done;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    try {
      const r = JSON.parse(line) as { key: string; point: SensitivityPoint };
      done.set(r.key, r.point);
    } catch {
      // A line cut short by a kill: everything before it stands, this point is run again.
    }
  }
  return done;
}

async function runSensitivity(f: FalsifyFlags): Promise<void> {
  const dir = prepareOutDir(f.out); // a bad --out fails before the sweep
  const file = join(dir, "h2-sensitivity.points.jsonl");
  const done = f.resume ? loadDone(file) : new Map<string, SensitivityPoint>();
  if (!f.resume) writeFileSync(file, "");
  const progress = !f.json && process.stderr.isTTY;
  let finished = 0;
  const res: SensitivityResult = await runH2SensitivityParallel({
    nodes: f.nodes, seeds: f.seeds, seed: f.seed, done, threads: f.threads ?? defaultSensitivityThreads(),
    ...(f.residuals ? { residualsS: f.residuals } : {}), ...(f.kappaOverGamma ? { kappaOverGamma: f.kappaOverGamma } : {}),
    onPoint: (p, key, _i, total) => {
      appendFileSync(file, `${JSON.stringify({ key, point: p })}\n`);
      finished++;
      if (progress) process.stderr.write(`\r  ${finished} points run of the grid's ${total}`);
    },
  });
  if (progress) process.stderr.write("\n");
  const paths = writeSensitivityReport(res, dir);
  if (f.json) return printJson({ caveat: SIMULATION_CANNOT_SUPPORT, ...res });
  const held = res.points.filter((p) => p.holds).length;
  process.stdout.write(`${SIMULATION_CANNOT_SUPPORT}\n\nH2 sensitivity: ${held} of ${res.points.length} points hold (RCF̄ > 0.995 at p < 0.01), N = ${res.nodes}, ${res.seeds} seeds per point` +
    `${res.resumed > 0 ? `, ${res.resumed} taken from ${file}` : ""}\n` +
    `our UMT model of a 100-satellite shell reaches ${res.constellationResidualS.toExponential(3)} s RMS after a sync round\n` +
    `paper's parameters (N = 100): ${res.paperParameters.map((p) => `${p.coupling} RCF̄ = ${p.rcfMean.toFixed(6)} ${p.holds ? "holds" : "fails"}`).join("; ")}\n` +
    `report: ${paths.md}, ${paths.html}\n`);
}

export function registerFalsify(program: Command): void {
  program
    .command("falsify")
    .description("run §6's hypotheses H1–H3 on the twin: verdicts (refuted / conditional / not testable in software), the assumptions each hangs on with flip points, report")
    .argument("[hypothesis]", "H1 | H2 | H3 | all", "all")
    .option("--replicates <n>", "independent replicates (§6: n = 10)", intFlag("--replicates", 2, REPLICATES_MAX, "a t-test needs at least 2"), REPLICATES_DEFAULT)
    .option("--seed <S>", "seed of the replicates", intFlag("--seed", 0, Number.MAX_SAFE_INTEGER), 1)
    .option("--set <name=value>", `override an assumption (repeatable); H1: ${ASSUMPTION_NAMES.H1.join(", ")}; H2: ${ASSUMPTION_NAMES.H2.join(", ")}; H3: ${ASSUMPTION_NAMES.H3.join(", ")}`, collectSet, {})
    .option("--no-search", "skip the search for each assumption's flip point (flipsAt null, method \"not searched\")")
    .option("--sensitivity", "H2 only: sweep residual × κ/γ × coupling × veto × initial state; heatmap report")
    .option("--nodes <n>", "--sensitivity: nodes per point", intFlag("--nodes", 3, 100_000), SENSITIVITY_NODES_DEFAULT)
    .option("--seeds <n>", "--sensitivity: replicates per point", intFlag("--seeds", 2, 1000, "a t-test needs at least 2"), SENSITIVITY_SEEDS_DEFAULT)
    .option("--residuals <list>", "--sensitivity: UMT residuals, s, comma-separated (default 1e-14,1e-13,1e-12,1e-10,1e-9 and the UMT model's)", listFlag("--residuals"))
    .option("--kappa-over-gamma <list>", "--sensitivity: κ/γ values, comma-separated (default 1,10,100,1000,10000)", listFlag("--kappa-over-gamma"))
    .option("--threads <n>", "--sensitivity: worker threads the points are dealt to (default: the cores, at most the points; same result for any count)", intFlag("--threads", 1, SENSITIVITY_THREADS_MAX))
    .option("--resume", "--sensitivity: keep the points already in <out>/h2-sensitivity.points.jsonl and run only the rest")
    .option("--json", "print { caveat, hypotheses: [...] } (or the sweep) as JSON")
    .option("--out <dir>", "directory for falsify.md, falsify.html, falsify.json and the plots", "./pqms-out/falsify")
    .action(async (which: string, f: FalsifyFlags) => {
      const ids = parseWhich(which);
      if (f.sensitivity) {
        if (ids.length !== 1 || ids[0] !== "H2") throw InputError.of("--sensitivity", "hypothesis H2 (the sweep is over H2's assumptions)", which);
        if (Object.keys(f.set).length > 0) throw InputError.of("--set", "no overrides with --sensitivity (the sweep sets them)", Object.keys(f.set).join(", "));
        return await runSensitivity(f);
      }
      const out = prepareOutDir(f.out); // a bad --out fails before the replicates run
      const hs = runFalsify(ids, { replicates: f.replicates, seed: f.seed, set: f.set, searchFlips: f.search });
      const paths = writeFalsifyReport(hs, out);
      if (f.json) return printJson({ caveat: SIMULATION_CANNOT_SUPPORT, hypotheses: hs });
      process.stdout.write(`${SIMULATION_CANNOT_SUPPORT}\n\n`);
      for (const h of hs) printHypothesis(h);
      process.stdout.write(`report: ${paths.md}, ${paths.html}\n`);
    });
}
