/**
 * Exact global coherence (§2.1: mean RCF over the MST of 1 − RCF) at N = 10^4, d = 12: pqms'
 * exact method (nearest lists + Borůvka, 1 and 2 threads) and Prim with RCF rows on the fly
 * (1 thread) beside numpy (full RCF matrix) + scipy `minimum_spanning_tree` on the SAME states
 * (numpy's random_ket draws, seed 1), measured here in the same run; the RCF̄ values must agree.
 * Also the hierarchical method's time and its certified interval, which must hold the exact value.
 * At N = 10^5 (`--nodes 100000 --no-anchor --no-prim`: scipy would need an 80 GB matrix) it is the
 * paper-scale figure: 5·10^9 overlaps.
 *
 * Run: npx tsx bench/coherence.ts [--nodes 10000] [--no-anchor] [--no-prim]
 */
import { drawStates, coherenceOf } from "../src/experiments/coherence/coherence.js";
import { exactCoherenceParallel } from "../src/experiments/coherence/coherence-parallel.js";
import { numberArg as arg, runPython } from "./lib.js";

const N = arg("--nodes", 10_000);
const D = arg("--dim", 12);
const SEED = 1;

const PY = String.raw`
import numpy as np, time, json, scipy
from scipy.sparse.csgraph import minimum_spanning_tree
N, D = ${N}, ${D}
np.random.seed(${SEED})
S = np.empty((N, D), dtype=complex)
for i in range(N):
    v = np.random.randn(D) + 1j * np.random.randn(D)
    S[i] = v / np.linalg.norm(v)
t0 = time.perf_counter()
rcf = np.abs(S.conj() @ S.T) ** 2
w = 1.0 - rcf
np.fill_diagonal(w, 0.0)
t = minimum_spanning_tree(w).tocoo()
g = float(rcf[t.row, t.col].mean())
sec = time.perf_counter() - t0
print(json.dumps({"seconds": sec, "globalRcf": g, "numpy": np.__version__, "scipy": scipy.__version__}))
`;

function anchor(): { seconds: number; globalRcf: number; numpy: string; scipy: string } | null {
  if (process.argv.includes("--no-anchor")) return null;
  const p = runPython<{ seconds: number; globalRcf: number; numpy: string; scipy: string }>(["-c", PY]);
  if (!p.ok) process.stderr.write(`anchor unavailable: ${p.why}\n`);
  return p.ok ? p.value : null;
}

async function main(): Promise<void> {
  const a = anchor();
  const rows: string[] = [];
  let exact1 = Number.NaN;
  let exactRcf = Number.NaN;
  for (const threads of [1, 2]) {
    const states = drawStates({ nodes: N, dim: D, seed: SEED, rng: "numpy", method: "exact", threads });
    const t0 = performance.now();
    const r = await coherenceOf(states, { method: "exact", threads });
    const s = (performance.now() - t0) / 1000;
    if (threads === 1) {
      exact1 = s;
      exactRcf = r.globalRcf;
    } else if (r.globalRcf !== exactRcf) throw new Error("1 and 2 threads disagree");
    rows.push(`  pqms exact (nearest lists + Borůvka), ${threads} thread${threads > 1 ? "s" : " "}:  ${s.toFixed(3)} s   RCF̄ = ${r.globalRcf.toFixed(12)}`);
  }
  if (!process.argv.includes("--no-prim")) {
    const states = drawStates({ nodes: N, dim: D, seed: SEED, rng: "numpy", method: "exact", threads: 1 });
    const t0 = performance.now();
    const p = await exactCoherenceParallel(states, 1);
    const s = (performance.now() - t0) / 1000;
    rows.push(`  pqms Prim (the former exact method), 1 thread:  ${s.toFixed(3)} s   RCF̄ = ${p.globalRcf.toFixed(12)} (|Δ| = ${Math.abs(p.globalRcf - exactRcf).toExponential(1)})`);
  }
  const states = drawStates({ nodes: N, dim: D, seed: SEED, rng: "numpy", method: "hierarchical", threads: 2 });
  const t0 = performance.now();
  const h = await coherenceOf(states, { method: "hierarchical", threads: 2, clusterSize: 150 });
  const hs = (performance.now() - t0) / 1000;
  if (!(h.lower <= exactRcf && exactRcf <= h.upper)) throw new Error(`the interval [${h.lower}, ${h.upper}] misses the exact ${exactRcf}`);
  console.log(`Exact global coherence, N = ${N}, d = ${D}, numpy random_ket states (seed ${SEED})`);
  for (const r of rows) console.log(r);
  console.log(`  pqms hierarchical (clusters of 150), 2 threads: ${hs.toFixed(3)} s   certified ${h.lower.toFixed(12)} ≤ RCF̄ ≤ ${h.upper.toFixed(12)} (width ${(h.upper - h.lower).toExponential(2)}; holds the exact value)`);
  if (a) {
    console.log(`  numpy ${a.numpy} RCF matrix + scipy ${a.scipy} minimum_spanning_tree: ${a.seconds.toFixed(3)} s   RCF̄ = ${a.globalRcf.toFixed(12)} (|Δ| = ${Math.abs(a.globalRcf - exactRcf).toExponential(1)})`);
    console.log(`  ratio pqms(1 thread)/scipy = ${(exact1 / a.seconds).toFixed(3)} (target ≤ 0.25)`);
  }
}

await main();
