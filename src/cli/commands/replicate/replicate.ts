/**
 * `pqms replicate <appendix>`: run an appendix's code from the paper literally (paper mode) and
 * set its output beside the paper's. One subcommand per appendix, registered below.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import {
  APPENDIX_A_STEPS_MAX, appendixAFigure, explainAppendixA, replicateAppendixA,
} from "../../../experiments/replicate/appendix-a.js";
import { intFlag } from "../../options.js";
import { registerReplicateAppendixDF } from "./appendix-d-f.js";
import { printJson } from "../../output.js";

export function registerReplicate(program: Command): Command {
  const replicate = program
    .command("replicate")
    .description("run one of the paper's appendix programs literally (paper mode) and compare with what the paper says it prints");
  registerAppendixA(replicate);
  registerReplicateAppendixDF(replicate);
  return replicate;
}

interface AppendixAFlags {
  steps: number;
  nodes: number;
  dim: number;
  seed: number;
  json?: boolean;
  out: string;
}

function registerAppendixA(replicate: Command): void {
  replicate
    .command("appendix-a")
    .description("Appendix A (v3000_simulator.py): the same random draws as numpy, its veto and for…else loop; figure as PNG and SVG")
    .option("--steps <K>", `steps of DT = 1 ps (1..${APPENDIX_A_STEPS_MAX}; the paper's T_MAX/DT = 10^12 cannot run)`, intFlag("--steps", 1, APPENDIX_A_STEPS_MAX, "one history value per step; the paper's 10^12 steps cannot run"), 10)
    .option("--nodes <N>", "NUM_NODES (≥ 2: the RCF loop needs a pair)", intFlag("--nodes", 2, 10_000_000, "a coherence needs at least one pair of nodes"), 1000)
    .option("--dim <D>", "DIM, modes per node", intFlag("--dim", 2, 4096, "with d = 1 every overlap is 1; the paper uses 12"), 12)
    .option("--seed <S>", "np.random.seed (0 ≤ S < 2^32)", intFlag("--seed", 0, 0xffffffff, "numpy's np.random.seed takes 0 ≤ seed < 2^32"), 42)
    .option("--json", "print the result as JSON")
    .option("--out <DIR>", "where the figure goes", "./pqms-out/appendix-a")
    .action((flags: AppendixAFlags) => {
      const r = replicateAppendixA({ steps: flags.steps, nodes: flags.nodes, dim: flags.dim, seed: flags.seed });
      const fig = appendixAFigure(r);
      const dir = resolve(flags.out);
      mkdirSync(dir, { recursive: true });
      const svgPath = join(dir, "v3000_simulation.svg");
      const pngPath = join(dir, "v3000_simulation.png");
      writeFileSync(svgPath, fig.svg);
      writeFileSync(pngPath, fig.png);
      if (flags.json) {
        const { analysis: _analysis, ...json } = r;
        printJson(json);
        return;
      }
      process.stdout.write(`${explainAppendixA(r)}\n\nFigure (global RCF and average ΔE over time): ${pngPath}\n                                                   ${svgPath}\n`);
    });
}
