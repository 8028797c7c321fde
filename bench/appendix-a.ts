/**
 * Appendix A step at N = 1000, d = 12: our literal replica (numpy's legacy random stream, bit for
 * bit) beside a numpy-vectorised version of the same step, both measured here in the same run. The
 * anchor draws exactly the literal Python's numbers in its order (per node randn(d) real parts then
 * randn(d) imaginary parts, i.e. randn(n, 2, d) in one call; re-seeds first, then the walk), and the
 * bench checks that its first steps' avg RCF and avg ΔE equal ours to 1e-12 before timing. Also shows how much of our step is the
 * random-number generation alone (48 000 legacy Gaussians per step: N·2d for the re-seeds and
 * N·2d for the random walk).
 *
 * Run: npx tsx bench/appendix-a.ts [--steps 200]
 */
import { spawnSync } from "node:child_process";
import { NumpyRandomState } from "../src/numeric/random/mt19937.js";
import { AppendixASimulator } from "../src/model/resonance/appendix-a.js";
import { startMtPipeline } from "../src/sim/executors/mt19937-pipeline.js";

/** Step wall and CPU medians (ms), randn-only median, and (avgRcf, avgΔE, vetoes) of the first steps. */
type Ours = { stepMs: number; stepCpuMs: number; rngMs: number; check: number[][] };

const STEPS = Number(process.argv[process.argv.indexOf("--steps") + 1] ?? 200) || 200;
const N = 1000;
const D = 12;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const CHECK_STEPS = 3;

/** Our step; `pipelined`: MT19937 blocks twisted ahead on a worker thread (same draws). */
function ours(pipelined: boolean): Ours {
  const state = new NumpyRandomState(42);
  const pipe = pipelined ? startMtPipeline(state) : null;
  const sim = new AppendixASimulator(N, D, state);
  const check: number[][] = [];
  for (let i = 0; i < 20; i++) {
    const r = sim.step();
    if (i < CHECK_STEPS) check.push([r.avgRcf, r.avgDeltaE, r.vetoes]);
  }
  const ts: number[] = [];
  const cs: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    sim.step();
    ts.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cs.push((c.user + c.system) / 1000);
  }
  const rng = new NumpyRandomState(1);
  const rngPipe = pipelined ? startMtPipeline(rng) : null;
  const buf = new Float64Array(4 * N * D);
  const rs: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    const t0 = performance.now();
    rng.randnInto(buf);
    rs.push(performance.now() - t0);
  }
  pipe?.close();
  rngPipe?.close();
  return { stepMs: median(ts), stepCpuMs: median(cs), rngMs: median(rs), check };
}

const PY = String.raw`
import numpy as np, time, json, sys
N, D, STEPS = ${N}, ${D}, ${STEPS}
def kets(n):
    # n consecutive random_ket draws: per node randn(D) real parts, then randn(D) imaginary parts
    Z = np.random.randn(n, 2, D)
    return Z[:, 0] + 1j * Z[:, 1]
np.random.seed(42)
S = kets(N)
S /= np.linalg.norm(S, axis=1, keepdims=True)
ii, jj = zip(*[(i, j) for i in range(0, N, 100) for j in range(i + 1, N, 100)])
ii, jj = np.array(ii), np.array(jj)
odos = np.ones(D) / np.sqrt(D)
k = np.arange(D)
def step(s, S):
    C = S * np.exp(2j * np.pi * 1e-14 * (s * 1e-12) * k)[None, :]
    avg_rcf = (np.abs(np.sum(C[ii].conj() * C[jj], axis=1)) ** 2).mean()
    de = 1 - np.abs(C @ odos) ** 2
    avg_de = de.mean()
    veto = de > 0.05
    nv = int(veto.sum())
    if nv:
        R = kets(nv)
        S[veto] = R / np.linalg.norm(R, axis=1, keepdims=True) * 0.1
    S = S + 0.001 * kets(N)
    S /= np.linalg.norm(S, axis=1, keepdims=True)
    return S, [float(avg_rcf), float(avg_de), nv]
check = []
for s in range(20):
    S, r = step(s, S)
    if s < ${CHECK_STEPS}: check.append(r)
ts, cs = [], []
for s in range(20, 20 + STEPS):
    c0 = time.process_time(); t0 = time.perf_counter(); S, _ = step(s, S); ts.append(time.perf_counter() - t0); cs.append(time.process_time() - c0)
r = []
for s in range(STEPS):
    t0 = time.perf_counter(); np.random.randn(4 * N * D); r.append(time.perf_counter() - t0)
print(json.dumps({"stepMs": float(np.median(ts)) * 1e3, "stepCpuMs": float(np.median(cs)) * 1e3, "rngMs": float(np.median(r)) * 1e3, "check": check, "numpy": np.__version__}))
`;

type Anchor = Ours & { numpy: string };

function anchor(): Anchor | null {
  const p = spawnSync("/usr/bin/python3", ["-c", PY], { encoding: "utf8" });
  if (p.status !== 0) {
    process.stderr.write(`anchor unavailable (/usr/bin/python3 with numpy): ${p.stderr}\n`);
    return null;
  }
  return JSON.parse(p.stdout) as Anchor;
}

/** Ours runs in a child process per round; 3 rounds alternating with the anchor, best median kept (the machine is shared). */
function child(pipelined: boolean): Ours {
  const args = [...process.execArgv, process.argv[1]!, "--only", "--steps", String(STEPS), ...(pipelined ? ["--pipelined"] : [])];
  const p = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (p.status !== 0) throw new Error(`bench child failed: ${p.stderr}`);
  return JSON.parse(p.stdout) as Ours;
}

if (process.argv.includes("--only")) process.stdout.write(JSON.stringify(ours(process.argv.includes("--pipelined"))));
else {
  let a: Anchor | null = null;
  let o: Ours | null = null;
  let op: Ours | null = null;
  const best = <T extends Ours>(x: T | null, y: T): T =>
    x === null ? y : { ...y, stepMs: Math.min(x.stepMs, y.stepMs), stepCpuMs: Math.min(x.stepCpuMs, y.stepCpuMs), rngMs: Math.min(x.rngMs, y.rngMs) };
  for (let round = 0; round < 3; round++) {
    const an = anchor();
    if (an) a = best(a, an);
    o = best(o, child(false));
    op = best(op, child(true));
  }
  if (o === null || op === null) throw new Error("no measurement");
  console.log(`Appendix A step, N = ${N}, d = ${D}, median of ${STEPS} steps, best of 3 rounds (every node vetoed: 48 000 Gaussians per step)`);
  console.log(`  pqms (literal; numpy's stream bit for bit): ${o.stepMs.toFixed(3)} ms wall, ${o.stepCpuMs.toFixed(3)} ms CPU   of which 48 000 legacy randn: ${o.rngMs.toFixed(3)} ms`);
  console.log(`  pqms, MT19937 twist on a worker thread:      ${op.stepMs.toFixed(3)} ms wall, ${op.stepCpuMs.toFixed(3)} ms CPU (both threads)   randn: ${op.rngMs.toFixed(3)} ms`);
  if (a) {
    let dev = 0;
    for (let s = 0; s < CHECK_STEPS; s++) for (let q = 0; q < 3; q++) dev = Math.max(dev, Math.abs(o.check[s]![q]! - a.check[s]![q]!));
    console.log(`  numpy ${a.numpy} vectorised step:            ${a.stepMs.toFixed(3)} ms wall, ${a.stepCpuMs.toFixed(3)} ms CPU   of which 48 000 legacy randn: ${a.rngMs.toFixed(3)} ms`);
    console.log(`  same draws and results: first ${CHECK_STEPS} steps' avg RCF, avg ΔE, vetoes differ by at most ${dev.toExponential(1)} ${dev <= 1e-12 ? "(ok)" : "(MISMATCH: the anchor is not the same step)"}`);
    console.log(`  ratio pqms/numpy: step ${(o.stepMs / a.stepMs).toFixed(2)}× wall, ${(o.stepCpuMs / a.stepCpuMs).toFixed(2)}× CPU; randn ${(o.rngMs / a.rngMs).toFixed(2)}×`);
    console.log(`  ratio pipelined/numpy: step ${(op.stepMs / a.stepMs).toFixed(2)}× wall, ${(op.stepCpuMs / a.stepCpuMs).toFixed(2)}× CPU; randn ${(op.rngMs / a.rngMs).toFixed(2)}×`);
    for (let s = 0; s < CHECK_STEPS; s++) for (let q = 0; q < 3; q++) if (op.check[s]![q] !== o.check[s]![q]) console.log("  PIPELINED MISMATCH");
  }
}
