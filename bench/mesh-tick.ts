/**
 * One physical-mode tick of the resonance mesh (phases + dephasing kicks, mean-field coupling to
 * ring neighbours, renormalisation, ΔE and veto, neighbour RCF) at N = 10^5, d = 12, beside the
 * same tick vectorised in numpy, measured here in the same run. Also the memory the mesh holds.
 *
 * Run: npx tsx bench/mesh-tick.ts [--nodes 100000] [--ticks 20]
 */
import { RandomStream } from "../src/numeric/random/stream.js";
import { ResonanceMesh } from "../src/model/resonance/mesh.js";
import { numberArg as arg, median, runPython } from "./lib.js";

const N = arg("--nodes", 100_000);
const TICKS = arg("--ticks", 20);
const D = 12;
const DT = 1e-10;

function ours(): { tickMs: number; bytes: number; rssMb: number } {
  const before = process.memoryUsage();
  const mesh = ResonanceMesh.init({ nodes: N, dim: D, topology: "ring", degree: 4, gammaPerS: 1e6, kappaPerS: 1e9 }, RandomStream.fromSeed(1, "mesh"));
  const after = process.memoryUsage();
  for (let i = 0; i < 3; i++) mesh.step(DT);
  const ts: number[] = [];
  for (let i = 0; i < TICKS; i++) {
    const t0 = performance.now();
    mesh.step(DT);
    ts.push(performance.now() - t0);
  }
  return { tickMs: median(ts), bytes: after.arrayBuffers - before.arrayBuffers, rssMb: process.memoryUsage().rss / 2 ** 20 };
}

const PY = String.raw`
import numpy as np, time, json
N, D, TICKS, DT = ${N}, ${D}, ${TICKS}, ${DT}
gamma, kappa, deg = 1e6, 1e9, 4
np.random.seed(1)
odos = np.ones(D) / np.sqrt(D)
S = odos + 0.02 * (np.random.randn(N, D) + 1j * np.random.randn(N, D))
S /= np.linalg.norm(S, axis=1, keepdims=True)
omega = 1.519e15 + np.arange(D) * 2 * np.pi * 1e11
tau = 1e-14 * np.random.randn(N)
applied = np.zeros(N)
def tick(S, applied):
    dtau = tau - applied
    phi = -(dtau[:, None] * omega[None, :]) + np.sqrt(gamma * DT) * np.random.randn(N, D)
    S = S * np.exp(1j * phi)
    g = kappa * DT
    out = (1 - g * deg) * S
    for s in (-2, -1, 1, 2):
        J = np.roll(S, s, axis=0)
        ov = np.sum(J.conj() * S, axis=1)
        out += g * (ov / np.abs(ov))[:, None] * J
    S = out / np.linalg.norm(out, axis=1, keepdims=True)
    de = 1 - np.abs(S.sum(axis=1)) ** 2 / D
    bad = np.nonzero(de > 0.05)[0]
    S[bad] = odos
    r = np.mean([np.mean(np.abs(np.sum(S.conj() * np.roll(S, s, axis=0), axis=1)) ** 2) for s in (1, 2)])
    return S, tau.copy(), r
for _ in range(3): S, applied, r = tick(S, applied)
ts = []
for _ in range(TICKS):
    t0 = time.perf_counter(); S, applied, r = tick(S, applied); ts.append(time.perf_counter() - t0)
print(json.dumps({"tickMs": float(np.median(ts)) * 1e3, "numpy": np.__version__}))
`;

function anchor(): { tickMs: number; numpy: string } | null {
  const p = runPython<{ tickMs: number; numpy: string }>(["-c", PY]);
  if (!p.ok) process.stderr.write(`anchor unavailable: ${p.why}\n`);
  return p.ok ? p.value : null;
}

const a = anchor();
const o = ours();
console.log(`Physical-mode tick, N = ${N}, d = ${D}, ring of degree 4, median of ${TICKS} ticks`);
console.log(`  pqms:  ${o.tickMs.toFixed(1)} ms per tick; mesh arrays ${(o.bytes / 2 ** 20).toFixed(1)} MiB, process RSS ${o.rssMb.toFixed(0)} MiB (budget 1 GiB)`);
if (a) console.log(`  numpy ${a.numpy} vectorised tick: ${a.tickMs.toFixed(1)} ms   ratio pqms/numpy = ${(o.tickMs / a.tickMs).toFixed(2)}`);
