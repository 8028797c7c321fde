/** `pqms falsify [H1|H2|H3|all]`: §6's falsification protocol on the twin. */
import type { Command } from "commander";
import { HYPOTHESIS_IDS, REPLICATES_DEFAULT, REPLICATES_MAX, runFalsify, type HypothesisId } from "../../experiments/falsify/index.js";
import { writeFalsifyReport } from "../../report/falsify-report.js";
import { InputError } from "../../errors.js";
import { intFlag } from "../options.js";
import { printJson } from "../output.js";

interface FalsifyFlags {
  replicates: number;
  seed: number;
  json?: boolean;
  out: string;
}

function parseWhich(raw: string): HypothesisId[] {
  const u = raw.toUpperCase();
  if (u === "ALL") return [...HYPOTHESIS_IDS];
  if ((HYPOTHESIS_IDS as readonly string[]).includes(u)) return [u as HypothesisId];
  throw InputError.of("hypothesis", "H1, H2, H3 or all", raw);
}

export function registerFalsify(program: Command): void {
  program
    .command("falsify")
    .description("run §6's hypotheses H1–H3 on the twin: replicates, t-tests, verdicts, report")
    .argument("[hypothesis]", "H1 | H2 | H3 | all", "all")
    .option("--replicates <n>", "independent replicates (§6: n = 10)", intFlag("--replicates", 2, REPLICATES_MAX, "a t-test needs at least 2"), REPLICATES_DEFAULT)
    .option("--seed <S>", "seed of the replicates", intFlag("--seed", 0, Number.MAX_SAFE_INTEGER), 1)
    .option("--json", "print { hypotheses: [...] } as JSON")
    .option("--out <dir>", "directory for falsify.md, falsify.html, falsify.json and the plots", "./pqms-out/falsify")
    .action((which: string, f: FalsifyFlags) => {
      const hs = runFalsify(parseWhich(which), { replicates: f.replicates, seed: f.seed });
      const paths = writeFalsifyReport(hs, f.out);
      if (f.json) return printJson({ hypotheses: hs });
      for (const h of hs) {
        process.stdout.write(`${h.id} (${h.section}) ${h.hypothesis}\n  criterion: ${h.criterion}\n  measured mean ${h.measuredMean.toExponential(4)} ${h.unit}, 95% CI ${h.ci95.lower.toExponential(4)}–${h.ci95.upper.toExponential(4)}, ` +
          `${h.statistic.name} = ${h.statistic.value.toExponential(3)}, p = ${h.pValue.toExponential(2)}, n = ${h.replicates}\n  verdict: ${h.verdict.toUpperCase()} — ${h.reason}\n  would test it: ${h.wouldTest}\n\n`);
      }
      process.stdout.write(`report: ${paths.md}, ${paths.html}\n`);
    });
}
