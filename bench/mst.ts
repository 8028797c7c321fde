/**
 * Prim's MST on a dense N×N matrix (N = 2000: 2·10^6 edges; Euclidean distances of random
 * points in the unit square) — pqms' primDense, primRows with the row computed on the fly, and
 * scipy.sparse.csgraph.minimum_spanning_tree on the SAME matrix (passed through a temporary
 * file), measured in the same run, with the ratio and the two total weights.
 *
 * Run: npx tsx bench/mst.ts [--n 2000] [--reps 7]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { primDense, primRows } from "../src/numeric/graph/index.js";
import { RandomStream } from "../src/numeric/random/index.js";
import { numberArg as arg, runPython, timeMedian } from "./lib.js";

const N = arg("--n", 2000);
const REPS = arg("--reps", 7);

const time = (f: () => void): number => timeMedian(f, REPS).wallMs;

const pts = RandomStream.fromSeed(2026, "bench/mst").uniformInto(new Float64Array(2 * N));
const W = new Float64Array(N * N);
for (let i = 0; i < N; i++) {
  for (let j = 0; j < N; j++) W[i * N + j] = Math.hypot(pts[2 * i]! - pts[2 * j]!, pts[2 * i + 1]! - pts[2 * j + 1]!);
}

let denseTotal = 0;
const denseMs = time(() => {
  denseTotal = primDense(W, N, { checkSymmetric: false }).totalWeight;
});
let rowsTotal = 0;
const rowsMs = time(() => {
  rowsTotal = primRows(N, (i, cand, count, out) => {
    const xi = pts[2 * i]!, yi = pts[2 * i + 1]!;
    for (let k = 0; k < count; k++) {
      const j = cand[k]!;
      const dx = xi - pts[2 * j]!, dy = yi - pts[2 * j + 1]!;
      out[k] = Math.sqrt(dx * dx + dy * dy);
    }
  }).totalWeight;
});

const dir = mkdtempSync(join(tmpdir(), "pqms-bench-mst-"));
writeFileSync(join(dir, "W.bin"), W);
const PY = String.raw`
import json, sys, time
import numpy as np, scipy
from scipy.sparse.csgraph import minimum_spanning_tree
d, n, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
W = np.fromfile(d + "/W.bin", dtype="<f8").reshape(n, n)
minimum_spanning_tree(W)
ts = []
for _ in range(reps):
    t = time.perf_counter(); T = minimum_spanning_tree(W); ts.append(time.perf_counter() - t)
print(json.dumps({"ms": float(np.median(ts)) * 1e3, "total": float(T.sum()), "edges": int(T.nnz), "scipy": scipy.__version__}))
`;
const py = runPython<{ ms: number; total: number; edges: number; scipy: string }>(["-c", PY, dir, String(N), String(REPS)]);
rmSync(dir, { recursive: true, force: true });
console.log(`MST, complete graph N = ${N} (Euclidean distances), medians of ${REPS} runs`);
if (!py.ok) {
  console.log(`ours primDense ${denseMs.toFixed(1)} ms, primRows (on the fly) ${rowsMs.toFixed(1)} ms (scipy not available: ${py.why})`);
} else {
  const ref = py.value;
  console.log(`scipy ${ref.scipy} minimum_spanning_tree (dense input): ${ref.ms.toFixed(1)} ms, total ${ref.total}`);
  console.log(`ours primDense: ${denseMs.toFixed(1)} ms, ratio ours/scipy ${(denseMs / ref.ms).toFixed(2)}, total ${denseTotal} (|Δ|/total ${(Math.abs(denseTotal - ref.total) / ref.total).toExponential(1)})`);
  console.log(`ours primRows (weights on the fly, O(N) memory): ${rowsMs.toFixed(1)} ms, ratio ours/scipy ${(rowsMs / ref.ms).toFixed(2)}, total ${rowsTotal}`);
}
