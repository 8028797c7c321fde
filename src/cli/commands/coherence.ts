/** `pqms coherence`: global coherence (§2.1) of N random node states, exact or hierarchical. */
import type { Command } from "commander";
import { EXACT_NODES_MAX, runCoherence } from "../../experiments/coherence/coherence.js";
import { THREADS_MAX } from "../../experiments/coherence/coherence-parallel.js";
import { choiceFlag, intFlag } from "../options.js";
import { printJson } from "../output.js";

interface CoherenceFlags {
  nodes: number;
  dim: number;
  seed: number;
  rng: "numpy" | "stream";
  method: "exact" | "hierarchical";
  threads: number;
  clusterSize: number;
  json?: boolean;
}

export function registerCoherence(program: Command): void {
  program
    .command("coherence")
    .description("global coherence (§2.1: mean RCF over the MST of 1 − RCF) of N random d-dimensional states")
    .option("--nodes <N>", `number of nodes (exact: ≤ ${EXACT_NODES_MAX})`, intFlag("--nodes", 2, 10_000_000, "a coherence needs at least one pair of nodes"), 1000)
    .option("--dim <D>", "modes per node", intFlag("--dim", 2, 4096, "with d = 1 every overlap is 1; the paper uses 12 and 192"), 12)
    .option("--seed <S>", "seed (0 ≤ S < 2^32)", intFlag("--seed", 0, 0xffffffff, "seeds are unsigned 32-bit, as numpy's np.random.seed takes them"), 42)
    .option("--rng <kind>", "numpy: Appendix A's random_ket draws (checkable with scipy); stream: pqms Haar kets", choiceFlag("--rng", ["numpy", "stream"] as const), "stream")
    .option("--method <m>", "exact (MST certified from nearest lists, Prim fallback) or hierarchical (cluster tree + certified interval)", choiceFlag("--method", ["exact", "hierarchical"] as const), "exact")
    .option("--threads <T>", "worker threads (same result for any count)", intFlag("--threads", 1, THREADS_MAX), 1)
    .option("--cluster-size <C>", "nodes per cluster for the hierarchical method (§3.2: 100–200)", intFlag("--cluster-size", 2, 10_000), 150)
    .option("--json", "print the result as JSON")
    .action(async (f: CoherenceFlags) => {
      const r = await runCoherence({ nodes: f.nodes, dim: f.dim, seed: f.seed, rng: f.rng, method: f.method, threads: f.threads, clusterSize: f.clusterSize });
      if (f.json) return printJson(r);
      const interval = r.method === "hierarchical" ? `certified interval: ${r.lower.toFixed(9)} ≤ exact RCF̄ ≤ ${r.upper.toFixed(9)}\n` : "";
      process.stdout.write(
        `global coherence (${r.method}, N = ${r.nodes}, d = ${r.dim}): RCF̄ = ${r.globalRcf.toFixed(9)} over ${r.edges} tree edges\n` + interval +
        `tree dissonance Σ(1 − RCF) = ${r.mstWeight.toFixed(6)}; computed in ${r.wallS.toFixed(3)} s\n` +
        `(independent random states have E[RCF] = 1/d = ${(1 / r.dim).toFixed(6)} per pair; the MST picks the most similar pairs)\n`,
      );
    });
}
