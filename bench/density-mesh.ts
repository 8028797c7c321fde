/**
 * One tick of the density-matrix mesh (`mesh.coupling: density`, density-mesh.ts: exact local
 * half steps, two coupling sweeps, ΔE, veto test, Tr(ρ_iρ_j) over edges) on a ring of degree 4,
 * d = 12, beside the same tick vectorised in numpy on an (N, d, d) complex array, measured here in
 * the same run. The anchor is timed by /usr/bin/python3 (OpenBLAS settings as the environment has
 * them; docs say to unset OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE for anchor runs).
 *
 * Run: npx tsx bench/density-mesh.ts [--nodes 20000] [--ticks 10]
 */
import { RandomStream } from "../src/numeric/random/stream.js";
import { ResonanceMesh } from "../src/model/resonance/mesh.js";
import { numberArg as arg, runPython, timeMedian } from "./lib.js";

const N = arg("--nodes", 20_000);
const TICKS = arg("--ticks", 10);
const D = 12;
const DT = 1e-10;

function numpyDensityTick(): { tickMs: number; numpy: string } | null {
  const py = String.raw`
import numpy as np, time, json
N, D, TICKS, DT = ${N}, ${D}, ${TICKS}, ${DT}
gamma, kappa, deg = 1e6, 1e9, 4
np.random.seed(1)
odos = np.ones(D) / np.sqrt(D)
psi = odos + 0.02 * (np.random.randn(N, D) + 1j * np.random.randn(N, D))
psi /= np.linalg.norm(psi, axis=1, keepdims=True)
R = psi[:, :, None] * psi[:, None, :].conj()
det = 1e7 * np.random.randn(N, D)
off = 1 - np.eye(D)
def local(R, h):
    u = np.exp(-1j * det * h)
    f = u[:, :, None] * u[:, None, :].conj() * (np.exp(-gamma * h) * off + np.eye(D))
    return R * f
def lap(X):
    return sum(np.roll(X, s, axis=0) for s in (-2, -1, 1, 2)) - deg * X
def tick(R):
    R = local(R, DT / 2)
    g = kappa * DT
    Y = R + 0.5 * g * lap(R)
    R = R + g * lap(Y)
    R = local(R, DT / 2)
    de = 1 - np.real(R.sum(axis=(1, 2))) / D
    bad = de > 0.05
    r = np.mean([np.mean(np.real(np.sum(R * np.roll(R, s, axis=0).conj(), axis=(1, 2)))) for s in (1, 2)])
    return R, bad.sum(), r
for _ in range(2): R, nb, r = tick(R)
ts = []
for _ in range(TICKS):
    t0 = time.perf_counter(); R, nb, r = tick(R); ts.append(time.perf_counter() - t0)
print(json.dumps({"tickMs": float(np.median(ts)) * 1e3, "numpy": np.__version__}))
`;
  const p = runPython<{ tickMs: number; numpy: string }>(["-c", py]);
  if (!p.ok) process.stderr.write(`anchor unavailable: ${p.why}\n`);
  return p.ok ? p.value : null;
}

function ours(): { tickMs: number; cpuMs: number } {
  const mesh = ResonanceMesh.init({ nodes: N, dim: D, topology: "ring", degree: 4, gammaPerS: 1e6, kappaPerS: 1e9, detuningStdRadS: 1e7, coupling: "density" }, RandomStream.fromSeed(1, "mesh"));
  const t = timeMedian(() => mesh.step(DT), TICKS, 2);
  return { tickMs: t.wallMs, cpuMs: t.cpuMs };
}

const a = numpyDensityTick();
const o = ours();
console.log(`Density-matrix tick, N = ${N}, d = ${D} (${((16 * N * D * D) / 2 ** 20).toFixed(0)} MiB a state array), ring of degree 4, median of ${TICKS} ticks`);
console.log(`  pqms:  ${o.tickMs.toFixed(1)} ms per tick (CPU ${o.cpuMs.toFixed(1)} ms)`);
if (a) console.log(`  numpy ${a.numpy} vectorised tick: ${a.tickMs.toFixed(1)} ms   ratio pqms/numpy = ${(o.tickMs / a.tickMs).toFixed(2)}`);
