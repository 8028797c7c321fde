/**
 * `pqms replicate appendix-d` and `pqms replicate appendix-f`: registered on the `replicate`
 * command that replicate.ts creates (`registerReplicateAppendixDF(replicateCmd)`).
 */
import type { Command } from "commander";
import { explainAppendixD, replicateAppendixD } from "../../../experiments/replicate/appendix-d.js";
import { explainAppendixF, explainPhysicalAppendixF, physicalAppendixF, replicateAppendixF } from "../../../experiments/replicate/appendix-f.js";
import { intFlag } from "../../options.js";
import { printJson } from "../../output.js";

const seedFlag = intFlag("--seed", 0, 0xffffffff, "numpy's np.random.seed takes 0 ≤ seed < 2^32");

export function registerReplicateAppendixDF(replicate: Command): void {
  replicate
    .command("appendix-d")
    .description("Appendix D (resource optimizer): the printed classes replayed on numpy's draws beside an optimal allocator; the listing's defects")
    .option("--seed <S>", "np.random.seed for unit parameters and tasks (0 ≤ S < 2^32)", seedFlag, 42)
    .option("--json", "print the result as JSON")
    .action((flags: { seed: number; json?: boolean }) => {
      const r = replicateAppendixD({ seed: flags.seed });
      if (flags.json) printJson(r);
      else process.stdout.write(`${explainAppendixD(r)}\n`);
    });
  replicate
    .command("appendix-f")
    .description("Appendix F (unified machine): the closed loop replayed on numpy's draws, and whether it really stabilised")
    .option("--steps <N>", "cycles of the loop (1..1000000; the paper runs 20)", intFlag("--steps", 1, 1_000_000, "physical mode takes at most 10000"), 20)
    .option("--seed <S>", "np.random.seed (the published script is unseeded; 0 ≤ S < 2^32)", seedFlag, 42)
    .option("--json", "print { trajectory, alerts, stabilised, … } as JSON")
    .option("--physical", "physical mode instead: two coupled cavity modes on mesolve (--seed unused: no randomness)")
    .action((flags: { steps: number; seed: number; json?: boolean; physical?: boolean }) => {
      if (flags.physical) {
        const p = physicalAppendixF(flags.steps);
        if (flags.json) printJson(p);
        else process.stdout.write(`${explainPhysicalAppendixF(p)}\n`);
        return;
      }
      const r = replicateAppendixF({ steps: flags.steps, seed: flags.seed });
      if (flags.json) printJson(r);
      else process.stdout.write(`${explainAppendixF(r)}\n`);
    });
}
