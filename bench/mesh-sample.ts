/**
 * The planetary mesh's hierarchical coherence sample (N = 10^5, d = 12, clusters of 150, 16
 * blocks, as scenarios/planetary-1e5.yaml) on the mesh executor's threads: the sample's wall time
 * and each thread's CPU time on 1 and 2 threads, beside two anchors measured in the same run —
 * the single-thread sample (`hierarchicalCoherence` on the main thread, fresh arrays each time;
 * and again with the cluster trees by `PrimRange`'s scalar overlaps, as before they ran on the
 * SIMD kernel), and numpy + scipy computing the same sample (cluster MSTs by scipy
 * `minimum_spanning_tree`, the K·N backbone overlaps as complex matrix products of 16 clusters at a time, the backbone
 * MST by scipy) on the same states. Every pqms variant must give the same RCF̄ bit for bit (checked
 * here); numpy's agrees to rounding. The backbone alone is timed too, as now (the minima inside
 * the SIMD kernel) beside the same run's row-by-row pass it replaced (identical weights, checked).
 *
 * Per-thread CPU is read from /proc/self/task/<tid>/stat (Linux; 10 ms ticks): "main" is this
 * thread, "others" the busiest other thread (the mesh's worker while it runs a part).
 *
 * Run: npx tsx bench/mesh-sample.ts [--nodes 100000] [--reps 3] [--threads 2]
 */
import { readdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RandomStream } from "../src/numeric/random/stream.js";
import { backboneWeights, clusterCount, clusterTrees, hierarchicalCoherence, hierarchicalTree, hierarchicalWork } from "../src/model/resonance/coherence-hierarchical.js";
import { ResonanceMesh } from "../src/model/resonance/mesh.js";
import { type BlockExecutor, SequentialBlocks } from "../src/model/resonance/mesh-blocks.js";
import { RcfRows } from "../src/model/resonance/rcf-simd.js";
import { ThreadedBlocks } from "../src/sim/executors/mesh-shard.js";
import { median, numberArg as arg, runPython } from "./lib.js";

const N = arg("--nodes", 100_000);
const REPS = arg("--reps", 3);
const THREADS = arg("--threads", 2);
const D = 12;
const SIZE = 150;
const BLOCKS = 16;

/** CPU seconds of every thread of this process, by thread id (utime + stime at 100 ticks/s). */
function threadCpu(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync("/proc/self/task")) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(tid), (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}

interface Timing {
  wallS: number;
  mainCpuS: number;
  otherCpuS: number;
  processCpuS: number;
  globalRcf: number;
}

/** One timed call of `f` (wall, CPU of this thread, of the busiest other one, of the process). */
function timeOnce(f: () => number): Timing {
  const c0 = threadCpu();
  const p0 = process.cpuUsage();
  const t0 = performance.now();
  const globalRcf = f();
  const wallS = (performance.now() - t0) / 1000;
  const p = process.cpuUsage(p0);
  const c1 = threadCpu();
  let mainCpuS = 0;
  let otherCpuS = 0;
  for (const [tid, s] of c1) {
    const d = s - (c0.get(tid) ?? 0);
    if (tid === process.pid) mainCpuS = d;
    else otherCpuS = Math.max(otherCpuS, d);
  }
  return { wallS, mainCpuS, otherCpuS, processCpuS: (p.user + p.system) / 1e6, globalRcf };
}

/** Medians of each figure over the runs. */
function medians(runs: readonly Timing[]): Timing {
  const med = (k: keyof Timing) => median(runs.map((r) => r[k]));
  return { wallS: med("wallS"), mainCpuS: med("mainCpuS"), otherCpuS: med("otherCpuS"), processCpuS: med("processCpuS"), globalRcf: runs[0]!.globalRcf };
}

const PY = String.raw`
import numpy as np, time, json, sys, scipy
from scipy.sparse.csgraph import minimum_spanning_tree
N, D, C = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
raw = np.fromfile(sys.argv[1], dtype=np.float64).reshape(N, D, 2)
S = raw[:, :, 0] + 1j * raw[:, :, 1]
def sample():
    K = -(-N // C)
    fr, to = [], []
    t0 = time.perf_counter()
    for c in range(K):
        lo, hi = c * C, min(N, (c + 1) * C)
        if hi - lo < 2: continue
        B = S[lo:hi]
        w = 1.0 - np.abs(B.conj() @ B.T) ** 2
        np.fill_diagonal(w, 0.0)
        t = minimum_spanning_tree(np.maximum(w, 1e-300) * (1 - np.eye(hi - lo))).tocoo()
        fr.extend(t.row + lo); to.extend(t.col + lo)
    t1 = time.perf_counter()
    Rc = S[0:N:C].conj()
    Wc = np.full((K, K), np.inf); E = np.zeros((K, K), dtype=np.int64)
    G = 16  # clusters per product: K x 2400 overlaps at a time
    for b0 in range(0, K, G):
        b1 = min(K, b0 + G)
        W = 1.0 - np.abs(Rc @ S[b0 * C:min(N, b1 * C)].T) ** 2
        for b in range(b0, b1):
            lo, hi = b * C - b0 * C, min(N, (b + 1) * C) - b0 * C
            j = np.argmin(W[:, lo:hi], axis=1)
            Wc[:, b] = W[np.arange(K), j + lo]; E[:, b] = j + b * C
    np.fill_diagonal(Wc, np.inf)
    t2 = time.perf_counter()
    sym = np.minimum(Wc, Wc.T)
    t = minimum_spanning_tree(np.where(np.isfinite(sym), np.maximum(sym, 1e-300), 0.0)).tocoo()
    for a, b in zip(t.row, t.col):
        if Wc[a, b] <= Wc[b, a]: fr.append(a * C); to.append(E[a, b])
        else: fr.append(E[b, a]); to.append(b * C)
    fr, to = np.array(fr), np.array(to)
    g = float(np.mean(np.abs(np.sum(S[fr].conj() * S[to], axis=1)) ** 2))
    t3 = time.perf_counter()
    return t3 - t0, t2 - t1, g, len(fr)
sample()
runs = [sample() for _ in range(${REPS})]
runs.sort()
m = runs[len(runs) // 2]
bb = sorted(r[1] for r in runs)[len(runs) // 2]
print(json.dumps({"seconds": m[0], "backboneSeconds": bb, "globalRcf": m[2], "edges": m[3], "numpy": np.__version__, "scipy": scipy.__version__}))
`;

const mesh = ResonanceMesh.init(
  { nodes: N, dim: D, topology: "clusters", clusterSize: SIZE, degree: 4, gammaPerS: 1e6, kappaPerS: 1e9 },
  RandomStream.fromSeed(42, "mesh"), undefined, { blocks: BLOCKS, shared: true },
);
for (let i = 0; i < 2; i++) mesh.step(1e-10);
const states = mesh.nodeStates;

type Anchor = { seconds: number; backboneSeconds: number; globalRcf: number; edges: number; numpy: string; scipy: string };

/** numpy + scipy on the same states (written to a file it reads), or null (why on stderr). */
function numpyAnchor(): Anchor | null {
  const dir = mkdtempSync(join(tmpdir(), "pqms-bench-"));
  try {
    const file = join(dir, "states.f64");
    writeFileSync(file, new Uint8Array(states.data.buffer, states.data.byteOffset, 2 * N * D * 8));
    const a = runPython<Anchor>(["-c", PY, file, String(N), String(D), String(SIZE)]);
    if (!a.ok) process.stderr.write(`numpy anchor unavailable: ${a.why}\n`);
    return a.ok ? a.value : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const anchor = numpyAnchor();
// The variants take turns within each repetition (the machine's load drifts): the sample as it
// was, the mesh's sample on the sequential executor, and on the threaded one (same mesh, same states).
const sequential = new SequentialBlocks(mesh.buffers, mesh.blockRandom);
const ex = ThreadedBlocks.attach(mesh, THREADS);
const threaded: BlockExecutor = ex;
const K = clusterCount(N, SIZE);
const variants: Array<() => number> = [
  () => hierarchicalCoherence(mesh.nodeStates, SIZE).globalRcf,
  () => {
    // The cluster trees as before: PrimRange's scalar overlaps on the fly (the backbone as now).
    const w = hierarchicalWork(N, SIZE);
    clusterTrees(mesh.nodeStates, SIZE, 0, K, w, false);
    backboneWeights(mesh.nodeStates, SIZE, 0, K, w);
    return hierarchicalTree(mesh.nodeStates, SIZE, w).globalRcf;
  },
  () => {
    mesh.setExecutor(sequential);
    return mesh.hierarchicalCoherence(SIZE).globalRcf;
  },
  () => {
    mesh.setExecutor(threaded);
    return mesh.hierarchicalCoherence(SIZE).globalRcf;
  },
];
// The backbone alone (the K·N overlaps, one thread): as now (`RcfRows.lightest`, the minima in
// the kernel) and as before (one `rowUnrolled` call per representative and cluster, the minimum in JS).
const rowKernel = RcfRows.create(mesh.nodeStates.data, D, N, SIZE)!;
const backboneNow = hierarchicalWork(N, SIZE);
const backboneBefore = hierarchicalWork(N, SIZE);
function rowByRowBackbone(w: typeof backboneBefore): void {
  for (let b = 0; b < K; b++) {
    const lo = b * SIZE;
    const hi = Math.min(N, lo + SIZE);
    for (let a = 0; a < K; a++) {
      let x = Number.POSITIVE_INFINITY;
      let j = -1;
      if (a !== b) {
        const rcf = rowKernel.rowUnrolled(a * SIZE, lo, hi);
        for (let v = lo; v < hi; v++) {
          const y = 1 - rcf[v - lo]!;
          if (y < x) {
            x = y;
            j = v;
          }
        }
      }
      w.weight[a * K + b] = x;
      w.endpoint[a * K + b] = j;
    }
  }
}
variants.push(
  () => {
    backboneWeights(mesh.nodeStates, SIZE, 0, K, backboneNow);
    return 0;
  },
  () => {
    rowByRowBackbone(backboneBefore);
    return 0;
  },
);
const runs: Timing[][] = variants.map(() => []);
for (let r = -1; r < REPS; r++) variants.forEach((f, v) => { const t = timeOnce(f); if (r >= 0) runs[v]!.push(t); }); // r = −1: warm-up
await ex.close();
const [before, scalarTrees, one, many, bbNow, bbBefore] = runs.map(medians) as [Timing, Timing, Timing, Timing, Timing, Timing];
if (!backboneNow.weight.every((x, i) => Object.is(x, backboneBefore.weight[i])) || !backboneNow.endpoint.every((x, i) => x === backboneBefore.endpoint[i])) {
  throw new Error("the backbone's weights or endpoints differ between the kernel minima and the row-by-row pass");
}

for (const r of [scalarTrees, one, many]) if (!Object.is(r.globalRcf, before.globalRcf)) throw new Error(`RCF̄ ${r.globalRcf} differs from the single-thread sample's ${before.globalRcf}`);
const row = (what: string, t: Timing) =>
  `  ${what}: ${t.wallS.toFixed(3)} s wall; CPU main ${t.mainCpuS.toFixed(2)} s, busiest other thread ${t.otherCpuS.toFixed(2)} s, process ${t.processCpuS.toFixed(2)} s`;
console.log(`Hierarchical coherence sample, N = ${N}, d = ${D}, clusters of ${SIZE} (K = ${K}), ${BLOCKS} blocks, median of ${REPS}, the variants taking turns; load ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]}`);
console.log(row("anchor: single-thread sample (main thread, fresh arrays)", before));
console.log(row("  the same with the cluster trees by PrimRange's scalar overlaps (as before the SIMD cluster trees)", scalarTrees));
console.log(row("pqms mesh sample, sequential executor (1 thread, scratch reused)", one));
console.log(row(`pqms mesh sample on the executor's ${THREADS} threads`, many));
console.log(row("backbone alone (K·N overlaps, 1 thread), minima in the kernel (RcfRows.lightest)", bbNow));
console.log(row("  anchor: the same backbone row by row (rowUnrolled per representative and cluster, minimum in JS; as before)", bbBefore));
console.log(`  backbone weights and endpoints identical bit for bit; ratio now/before = ${(bbNow.mainCpuS / bbBefore.mainCpuS).toFixed(2)} (CPU), ${(bbNow.wallS / bbBefore.wallS).toFixed(2)} (wall)`);
console.log(`  RCF̄ = ${before.globalRcf} (identical bit for bit in all four)   speed-up ${THREADS} threads vs anchor: ${(before.wallS / many.wallS).toFixed(2)}× wall; ratio pqms(${THREADS} threads)/anchor = ${(many.wallS / before.wallS).toFixed(2)}`);
if (anchor) {
  console.log(`  numpy ${anchor.numpy} + scipy ${anchor.scipy}, same sample on the same states: ${anchor.seconds.toFixed(3)} s (its K·N backbone overlaps alone: ${anchor.backboneSeconds.toFixed(3)} s)   RCF̄ = ${anchor.globalRcf} (|Δ| = ${Math.abs(anchor.globalRcf - before.globalRcf).toExponential(1)})`);
  console.log(`  ratio pqms(${THREADS} threads)/numpy = ${(many.wallS / anchor.seconds).toFixed(2)} (wall)`);
}
