/**
 * The numpy anchor of the mesh tick benchmarks (bench/mesh-tick.ts, bench/mesh-shard.ts): one
 * physical-mode tick (phases + dephasing kicks, mean-field coupling to ring neighbours of degree 4,
 * renormalisation, ΔE and veto, neighbour RCF), vectorised, timed by /usr/bin/python3.
 */
import { runPython } from "./lib.js";

/** Median numpy tick time, ms, and numpy's version; null (reason on stderr) without python/numpy. */
export function numpyMeshTick(nodes: number, dim: number, ticks: number, dtS: number): { tickMs: number; numpy: string } | null {
  const py = String.raw`
import numpy as np, time, json
N, D, TICKS, DT = ${nodes}, ${dim}, ${ticks}, ${dtS}
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
  const p = runPython<{ tickMs: number; numpy: string }>(["-c", py]);
  if (!p.ok) process.stderr.write(`anchor unavailable: ${p.why}\n`);
  return p.ok ? p.value : null;
}
