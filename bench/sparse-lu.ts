/**
 * Sparse direct solve of the steady-state system of the two-mode cavity Liouvillian (N = 15,
 * dimension 50625) restricted to its equal-excitation block (2255 unknowns; the steady state
 * lives there), with the trace condition in row 0: our `sparseLuSolve` (RCM + frontal LU)
 * beside scipy.sparse.linalg.splu (SuperLU, MMD on AᵀA+A ordering) on the same matrix, built by
 * QuTiP 4.7 in the same run and passed through a temporary file.
 *
 * Run: npx tsx bench/sparse-lu.ts [--reps 7]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csrMatvec } from "../src/numeric/complex/csr.js";
import type { CsrMatrix } from "../src/numeric/complex/types.js";
import { sparseLuFactor, sparseLuSolve } from "../src/numeric/sparse/sparse-lu.js";
import { numberArg, runPython, timeMedian } from "./lib.js";

const REPS = numberArg("--reps", 7);

const PY = String.raw`
import json, sys, time
import numpy as np, scipy, scipy.sparse as sp, scipy.sparse.linalg as spla, qutip as qt
d, reps = sys.argv[1], int(sys.argv[2])
N, om, g, ka, nth = 15, 1.0, 0.1, 0.05, 0.1
a = qt.tensor(qt.destroy(N), qt.qeye(N)); b = qt.tensor(qt.qeye(N), qt.destroy(N))
H = om * (a.dag() * a + b.dag() * b) + g * (a.dag() * b + a * b.dag())
c = [np.sqrt(ka * (1 + nth)) * a, np.sqrt(ka * nth) * a.dag(), np.sqrt(ka * (1 + nth)) * b, np.sqrt(ka * nth) * b.dag()]
L = qt.liouvillian(H, c).data.tocsr()
K = np.array([i // N + i % N for i in range(N * N)])
idx = np.array([j * N * N + i for j in range(N * N) for i in range(N * N) if K[i] == K[j]])
B = L[idx][:, idx].tolil()
B[0, :] = np.array([1.0 if (i % (N * N)) == (i // (N * N)) else 0.0 for i in idx])
B = B.tocsr(); B.sort_indices()
rhs = np.zeros(B.shape[0], complex); rhs[0] = 1
ts, cs = [], []
for _ in range(reps):
    t = time.perf_counter(); c = time.process_time(); x = spla.splu(B.tocsc()).solve(rhs); cs.append(time.process_time() - c); ts.append(time.perf_counter() - t)
B.indptr.astype("<i4").tofile(d + "/p.bin"); B.indices.astype("<i4").tofile(d + "/i.bin")
B.data.astype("<c16").view("<f8").tofile(d + "/v.bin"); x.astype("<c16").view("<f8").tofile(d + "/x.bin")
print(json.dumps({"n": B.shape[0], "fullDim": L.shape[0], "fullNnz": int(L.nnz), "nnz": int(B.nnz), "ms": float(np.median(ts)) * 1e3, "cpuMs": float(np.median(cs)) * 1e3,
                  "res": float(np.abs(B @ x - rhs).max()), "scipy": scipy.__version__, "qutip": qt.__version__}))
`;

const dir = mkdtempSync(join(tmpdir(), "pqms-bench-slu-"));
const py = runPython<{ n: number; fullDim: number; fullNnz: number; nnz: number; ms: number; cpuMs: number; res: number; scipy: string; qutip: string }>(["-c", PY, dir, String(REPS)]);
if (!py.ok) {
  console.log(`sparse-lu: needs /usr/bin/python3 with numpy, scipy, qutip (${py.why})`);
} else {
  const ref = py.value;
  const f64 = (name: string): Float64Array => new Float64Array(readFileSync(join(dir, name)).buffer.slice(0));
  const i32 = (name: string): Int32Array => new Int32Array(readFileSync(join(dir, name)).buffer.slice(0));
  const A: CsrMatrix = { rows: ref.n, cols: ref.n, rowPtr: i32("p.bin"), colIdx: i32("i.bin"), data: f64("v.bin") };
  const xRef = f64("x.bin");
  const b = new Float64Array(2 * ref.n);
  b[0] = 1;
  let x: Float64Array = new Float64Array(0);
  const { wallMs: ms, cpuMs } = timeMedian(() => { x = sparseLuSolve(A, b); }, REPS);
  const r = csrMatvec(new Float64Array(2 * ref.n), A, x);
  let res = 0;
  let dx = 0;
  r.forEach((v, k) => { res = Math.max(res, Math.abs(v - b[k]!)); });
  x.forEach((v, k) => { dx = Math.max(dx, Math.abs(v - xRef[k]!)); });
  const nnzLU = sparseLuFactor(A).nnzFactors;
  console.log(`cavity Liouvillian N=15: full ${ref.fullDim} (nnz ${ref.fullNnz}); equal-excitation block ${ref.n} unknowns, nnz ${ref.nnz} (QuTiP ${ref.qutip}, scipy ${ref.scipy})`);
  console.log(`factor+solve, medians of ${REPS}: ours ${ms.toFixed(1)} ms wall / ${cpuMs.toFixed(1)} ms CPU (nnz L+U ${nnzLU}, max residual ${res.toExponential(2)}), scipy splu ${ref.ms.toFixed(1)} / ${ref.cpuMs.toFixed(1)} ms (max residual ${ref.res.toExponential(2)}), ratio ours/scipy ${(ms / ref.ms).toFixed(2)} wall, ${(cpuMs / ref.cpuMs).toFixed(2)} CPU; max |x − x_scipy| ${dx.toExponential(2)}`);
}
rmSync(dir, { recursive: true, force: true });
