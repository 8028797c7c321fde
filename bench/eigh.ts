/**
 * Hermitian eigendecomposition 225×225 (values + vectors; the two-mode cavity at N = 15 has
 * dimension 225) and expm 100×100: our median beside numpy.linalg.eigh / scipy.linalg.expm
 * measured in the same run on the same matrices (passed through a temporary file), with the
 * ratio and the largest eigenvalue / entry difference as an accuracy check.
 *
 * Run: npx tsx bench/eigh.ts [--reps 15]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CMatrix } from "../src/numeric/complex/types.js";
import { eigh } from "../src/numeric/linalg/eigh.js";
import { expm } from "../src/numeric/linalg/expm.js";
import { numberArg, runPython, timeMedian, warmUp } from "./lib.js";

const REPS = numberArg("--reps", 15);

/** Deterministic test matrix entries (xorshift), uniform in [-1, 1]. */
function filler(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s / 4294967296) * 2 - 1;
  };
}

function hermitian(n: number, seed: number): CMatrix {
  const r = filler(seed);
  const d = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) {
    d[2 * (i * n + i)] = r();
    for (let j = 0; j < i; j++) {
      const re = r();
      const im = r();
      d[2 * (i * n + j)] = re;
      d[2 * (i * n + j) + 1] = im;
      d[2 * (j * n + i)] = re;
      d[2 * (j * n + i) + 1] = -im;
    }
  }
  return { rows: n, cols: n, data: d };
}

function general(n: number, seed: number, norm1: number): CMatrix {
  const r = filler(seed);
  const d = Float64Array.from({ length: 2 * n * n }, () => r());
  // Scale to the requested 1-norm so the run exercises Padé 13 with a few squarings.
  const col = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) col[j] = col[j]! + Math.hypot(d[2 * (i * n + j)]!, d[2 * (i * n + j) + 1]!);
  const s = norm1 / Math.max(...col);
  return { rows: n, cols: n, data: d.map((x) => x * s) };
}

/** Median wall and CPU milliseconds (CPU time is the steadier figure on a shared machine). */
function time(f: () => void): { wall: number; cpu: number } {
  warmUp(f);
  const t = timeMedian(f, REPS, 0);
  return { wall: t.wallMs, cpu: t.cpuMs };
}

const H = hermitian(225, 20240502);
const E = general(100, 777, 20);
const dir = mkdtempSync(join(tmpdir(), "pqms-bench-eigh-"));
writeFileSync(join(dir, "H.bin"), H.data);
writeFileSync(join(dir, "E.bin"), E.data);

let values: Float64Array = new Float64Array(0);
let expE: CMatrix = E;
const eighMs = time(() => {
  values = eigh(H).values;
});
const expmMs = time(() => {
  expE = expm(E);
});

const PY = String.raw`
import json, sys, time
import numpy as np, scipy.linalg
d = sys.argv[1]; reps = int(sys.argv[2])
H = np.fromfile(d + "/H.bin", dtype="<f8").view(np.complex128).reshape(225, 225)
E = np.fromfile(d + "/E.bin", dtype="<f8").view(np.complex128).reshape(100, 100)
def med(f):
    for _ in range(3): f()
    ts, cs = [], []
    for _ in range(reps):
        t = time.perf_counter(); c = time.process_time(); f(); cs.append(time.process_time() - c); ts.append(time.perf_counter() - t)
    return {"wall": float(np.median(ts)) * 1e3, "cpu": float(np.median(cs)) * 1e3}
w = np.linalg.eigh(H)[0]
X = scipy.linalg.expm(E)
X.view("<f8").tofile(d + "/X.bin")
print(json.dumps({"eighMs": med(lambda: np.linalg.eigh(H)), "expmMs": med(lambda: scipy.linalg.expm(E)), "values": w.tolist(),
                  "numpy": np.__version__, "scipy": scipy.__version__}))
`;
type T = { wall: number; cpu: number };
const py = runPython<{ eighMs: T; expmMs: T; values: number[]; numpy: string; scipy: string }>(["-c", PY, dir, String(REPS)]);
if (!py.ok) {
  console.log(`eigh 225x225 (values+vectors): ours ${eighMs.wall.toFixed(2)} ms (numpy not available: ${py.why})`);
  console.log(`expm 100x100: ours ${expmMs.wall.toFixed(2)} ms`);
} else {
  const ref = py.value;
  const show = (ours: T, anchor: T, name: string): string =>
    `ours ${ours.wall.toFixed(2)} ms wall / ${ours.cpu.toFixed(2)} ms CPU, ${name} ${anchor.wall.toFixed(2)} / ${anchor.cpu.toFixed(2)} ms, ratio ours/${name.split(".")[0]} ${(ours.wall / anchor.wall).toFixed(2)} wall, ${(ours.cpu / anchor.cpu).toFixed(2)} CPU`;
  const { readFileSync } = await import("node:fs");
  const X = new Float64Array(readFileSync(join(dir, "X.bin")).buffer.slice(0));
  let dv = 0;
  ref.values.forEach((v, k) => { dv = Math.max(dv, Math.abs(v - values[k]!)); });
  let dx = 0;
  let sx = 0;
  X.forEach((v, k) => {
    dx = Math.max(dx, Math.abs(v - expE.data[k]!));
    sx = Math.max(sx, Math.abs(v));
  });
  console.log(`numpy ${ref.numpy}, scipy ${ref.scipy}; medians of ${REPS} runs`);
  console.log(`eigh 225x225 (values+vectors): ${show(eighMs, ref.eighMs, "numpy.linalg.eigh")}; max |Δλ| ${dv.toExponential(2)}`);
  console.log(`expm 100x100 (‖A‖₁ = 20): ${show(expmMs, ref.expmMs, "scipy.linalg.expm")}; max |Δ|/max|e^A| ${(dx / sx).toExponential(2)}`);
}
rmSync(dir, { recursive: true, force: true });
