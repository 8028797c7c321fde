/**
 * A 10^6-node mesh (ten times the paper's §5.1 cluster), d = 12: build, coupling step and memory,
 * beside the numpy tick at the same size (bench/mesh-scale.lib.ts).
 *
 * Run: npx tsx bench/mesh-1e6.ts [--steps 3]
 */
import { numberArg as arg } from "./lib.js";
import { meshAtScale } from "./mesh-scale.lib.js";

await meshAtScale({ nodes: arg("--nodes", 1_000_000), dim: 12, steps: arg("--steps", 3), anchorTicks: 2 });
