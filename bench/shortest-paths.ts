/**
 * Dijkstra from 16 sources over a +Grid graph like the Earth shell's (P planes × S slots, each
 * node linked to its in-plane neighbours and the same slot in the neighbouring planes; weights
 * uniform in [1, 2) ms, ~5 % of links down) — pqms' ShortestPaths and
 * scipy.sparse.csgraph.dijkstra on the SAME graph (passed through a temporary file), measured in
 * the same run, with the ratio and the largest difference in distance.
 *
 * Run: npx tsx bench/shortest-paths.ts [--planes 100] [--slots 100] [--reps 7]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ShortestPaths } from "../src/numeric/graph/index.js";
import { plusGridLinks } from "../src/model/orbit/isl.js";
import { RandomStream } from "../src/numeric/random/index.js";
import { numberArg as arg, runPython, timeMedian } from "./lib.js";

const P = arg("--planes", 100);
const S = arg("--slots", 100);
const REPS = arg("--reps", 7);
const N = P * S;
const SOURCES = 16;

const links = plusGridLinks(P, S);
const L = links.length / 2;
const rng = RandomStream.fromSeed(2028, "bench/shortest-paths");
const w = new Float64Array(L);
for (let l = 0; l < L; l++) w[l] = rng.uniform() < 0.05 ? Infinity : 1e-3 * (1 + rng.uniform());
// CSR with both directions of every link.
const offsets = new Int32Array(N + 1);
for (let k = 0; k < 2 * L; k++) offsets[links[k]! + 1]!++;
for (let u = 0; u < N; u++) offsets[u + 1] = offsets[u + 1]! + offsets[u]!;
const targets = new Int32Array(2 * L), weights = new Float64Array(2 * L);
const fill = offsets.slice(0, N);
for (let l = 0; l < L; l++) {
  const a = links[2 * l]!, b = links[2 * l + 1]!;
  targets[fill[a]!] = b; weights[fill[a]!++] = w[l]!;
  targets[fill[b]!] = a; weights[fill[b]!++] = w[l]!;
}
const sources = Array.from({ length: SOURCES }, (_, j) => Math.floor((j * N) / SOURCES));
const sp = new ShortestPaths(N, targets.length);
const dist = new Float64Array(SOURCES * N);
const ms = timeMedian(() => {
  for (let j = 0; j < SOURCES; j++) sp.run(offsets, targets, weights, sources[j]!, dist.subarray(j * N, (j + 1) * N));
}, REPS).wallMs;

const dir = mkdtempSync(join(tmpdir(), "pqms-bench-sp-"));
const up = Array.from({ length: L }, (_, l) => l).filter((l) => w[l]! < Infinity);
writeFileSync(join(dir, "a.bin"), Int32Array.from(up, (l) => links[2 * l]!));
writeFileSync(join(dir, "b.bin"), Int32Array.from(up, (l) => links[2 * l + 1]!));
writeFileSync(join(dir, "w.bin"), Float64Array.from(up, (l) => w[l]!));
writeFileSync(join(dir, "s.bin"), Int32Array.from(sources));
const PY = String.raw`
import json, sys, time
import numpy as np, scipy
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
d, n, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
a = np.fromfile(d + "/a.bin", dtype="<i4"); b = np.fromfile(d + "/b.bin", dtype="<i4")
w = np.fromfile(d + "/w.bin", dtype="<f8"); s = np.fromfile(d + "/s.bin", dtype="<i4")
m = csr_matrix((np.concatenate([w, w]), (np.concatenate([a, b]), np.concatenate([b, a]))), shape=(n, n))
D = dijkstra(m, directed=True, indices=s)
ts = []
for _ in range(reps):
    t = time.perf_counter(); D = dijkstra(m, directed=True, indices=s); ts.append(time.perf_counter() - t)
D.astype("<f8").tofile(d + "/D.bin")
print(json.dumps({"ms": float(np.median(ts)) * 1e3, "scipy": scipy.__version__}))
`;
const py = runPython<{ ms: number; scipy: string }>(["-c", PY, dir, String(N), String(REPS)]);
console.log(`Dijkstra, +Grid ${P}×${S} = ${N} nodes, ${L} links (~5 % down), ${SOURCES} sources; medians of ${REPS} runs`);
if (!py.ok) {
  console.log(`ours ShortestPaths ${ms.toFixed(1)} ms (scipy not available: ${py.why})`);
} else {
  const ref = new Float64Array(readFileSync(join(dir, "D.bin")).buffer.slice(0));
  let maxRel = 0;
  for (let k = 0; k < ref.length; k++) if (Number.isFinite(ref[k]!) && ref[k]! > 0) maxRel = Math.max(maxRel, Math.abs(dist[k]! - ref[k]!) / ref[k]!);
  const reachBoth = ref.every((x, k) => Number.isFinite(x) === Number.isFinite(dist[k]!));
  console.log(`scipy ${py.value.scipy} csgraph.dijkstra: ${py.value.ms.toFixed(1)} ms`);
  console.log(`ours ShortestPaths: ${ms.toFixed(1)} ms, ratio ours/scipy ${(ms / py.value.ms).toFixed(2)}, max |Δd|/d ${maxRel.toExponential(1)}, same reachable set: ${reachBoth}`);
}
rmSync(dir, { recursive: true, force: true });
