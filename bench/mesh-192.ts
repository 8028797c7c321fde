/**
 * 192-dimensional nodes (§2.1) at the paper's scale (§5.1: 10^5 nodes), ket mode: coupling step,
 * one hierarchical coherence sample, one checkpoint through the SQLite run store and back, peak
 * memory, beside the numpy tick at the same N and d (bench/mesh-scale.lib.ts).
 *
 * Run: npx tsx bench/mesh-192.ts [--nodes 100000] [--steps 2] [--coherence 0: skip the sample]
 *      [--checkpoint-formats text,binary]
 */
import { numberArg as arg } from "./lib.js";
import { meshAtScale } from "./mesh-scale.lib.js";

await meshAtScale({ nodes: arg("--nodes", 100_000), dim: 192, steps: arg("--steps", 2), coherence: arg("--coherence", 1) !== 0, checkpoint: true, anchorTicks: 2 });
