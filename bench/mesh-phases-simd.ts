/**
 * The mesh's phase step (per live node and mode: one normal, cos and sin of φ, a complex rotation)
 * at N = 10^5, d = 12, one thread: the JavaScript step (`applyPhases`) and the WebAssembly kernel
 * (mesh-phases-simd.ts, bound on the mesh's arena as a thread binds it: the stream's words copied
 * in and out around the call), on the same states from the same stream position (the results are
 * checked identical bit for bit), beside numpy's vectorised phase step measured in the same run.
 * Two cases: the steady tick (dτ = 0: φ is the dephasing kick, |φ| ≪ π/4) and a first tick
 * (dτ = τ ~ 10 fs: ω·dτ ~ 15 rad, every φ through the argument reduction).
 * CPU time (process.cpuUsage) beside wall time: on a shared machine the CPU figure is the steadier.
 * It also prints how many draws of a run the kernel left to JavaScript (calls of its imported normal()).
 *
 * Run: npx tsx bench/mesh-phases-simd.ts [--nodes 100000] [--reps 7]
 */
import { applyPhases, STREAM_SLOT } from "../src/model/resonance/mesh-blocks.js";
import { ResonanceMesh } from "../src/model/resonance/mesh.js";
import { meshPhasesKernel } from "../src/model/resonance/mesh-phases-simd.js";
import { RandomStream } from "../src/numeric/random/stream.js";
import { numberArg as arg, median, runPython } from "./lib.js";

const N = arg("--nodes", 100_000);
const REPS = arg("--reps", 7);
const D = 12;
const DT = 1e-10;
const GAMMA = 1e6;

function numpyPhases(): { steadyMs: number; firstMs: number; numpy: string } | null {
  const py = String.raw`
import numpy as np, time, json
N, D, REPS, DT, GAMMA = ${N}, ${D}, ${REPS}, ${DT}, ${GAMMA}
np.random.seed(1)
S = (np.random.randn(N, D) + 1j * np.random.randn(N, D)) / np.sqrt(2 * D)
omega = 1.519e15 + np.arange(D) * 2 * np.pi * 1e11
det = np.zeros((N, D))
tau = 1e-14 * np.random.randn(N)
def step(S, dtau):
    phi = -(det * DT) - dtau[:, None] * omega[None, :] + np.sqrt(GAMMA * DT) * np.random.randn(N, D)
    return S * np.exp(1j * phi)
out = {"numpy": np.__version__}
for name, dtau in (("steadyMs", np.zeros(N)), ("firstMs", tau)):
    for _ in range(2): step(S, dtau)
    ts = []
    for _ in range(REPS):
        t0 = time.process_time(); step(S, dtau); ts.append(time.process_time() - t0)
    out[name] = float(np.median(ts)) * 1e3
print(json.dumps(out))
`;
  const p = runPython<{ steadyMs: number; firstMs: number; numpy: string }>(["-c", py]);
  if (!p.ok) process.stderr.write(`anchor unavailable: ${p.why}\n`);
  return p.ok ? p.value : null;
}

function cpuMs(f: () => void): { cpu: number; wall: number } {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  f();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1e3, wall: performance.now() - w0 };
}

const mesh = ResonanceMesh.init({ nodes: N, dim: D, gammaPerS: GAMMA, kappaPerS: 1e9 }, RandomStream.fromSeed(42, "mesh"));
const buf = mesh.buffers;
if (mesh.arena === undefined || !meshPhasesKernel.available()) {
  process.stderr.write("mesh-phases-simd: no WebAssembly arena here\n");
  process.exit(1);
}
const stream = mesh.blockRandom[0] as RandomStream;
const words = buf.streamWords;
/** Calls of the imported normal() (the draws the kernel leaves to JavaScript: the ziggurat's base-layer tail). */
let imported = 0;
const k = meshPhasesKernel.instantiateOn(mesh.arena.memory, {
  normal: (b: number) => {
    imported++;
    stream.setStateWords(words, STREAM_SLOT * b);
    const x = stream.normal();
    stream.stateWords(words, STREAM_SLOT * b);
    return x;
  },
  sin: Math.sin,
  cos: Math.cos,
});
const s = buf.states[0];
const kernel = () => {
  stream.stateWords(words, 0);
  k.phases(0, N, D, DT, Math.sqrt(GAMMA * DT), 0, s.byteOffset, buf.detuningRadS.byteOffset, buf.clockErrorS.byteOffset,
    buf.appliedClockErrorS.byteOffset, buf.omegaRadS.byteOffset, buf.failed.byteOffset, words.byteOffset, buf.zigX.byteOffset, buf.zigRatio.byteOffset,
    buf.clockRate.byteOffset, 0);
  stream.setStateWords(words, 0);
};
const javascript = () => applyPhases(buf, 0, N, s, stream, DT);

const s0 = s.slice();
const tau0 = buf.clockErrorS.slice();
const snapshot = new Int32Array(STREAM_SLOT);

/** Medians of REPS runs of each, every run from the same states and stream position; whether the two agree bit for bit. */
function compare(first: boolean): { js: { cpu: number; wall: number }; wasm: { cpu: number; wall: number }; same: boolean; imports: number } {
  stream.stateWords(snapshot);
  const reset = () => {
    s.set(s0);
    buf.appliedClockErrorS.set(first ? new Float64Array(N) : tau0);
    stream.setStateWords(snapshot);
  };
  const js: Array<{ cpu: number; wall: number }> = [];
  const wasm: Array<{ cpu: number; wall: number }> = [];
  let same = true;
  for (let r = 0; r < REPS + 1; r++) {
    reset();
    const a = cpuMs(javascript);
    const sj = s.slice();
    reset();
    imported = 0;
    const b = cpuMs(kernel);
    same &&= s.every((v, i) => Object.is(v, sj[i]));
    // The first round warms both up.
    if (r > 0) {
      js.push(a);
      wasm.push(b);
    }
  }
  const med = (xs: Array<{ cpu: number; wall: number }>) => ({ cpu: median(xs.map((x) => x.cpu)), wall: median(xs.map((x) => x.wall)) });
  return { js: med(js), wasm: med(wasm), same, imports: imported };
}

const anchor = numpyPhases();
console.log(`Mesh phase step, N = ${N}, d = ${D}, one thread, median of ${REPS} (CPU ms, wall in brackets)`);
for (const first of [false, true]) {
  const r = compare(first);
  const np = anchor === null ? undefined : first ? anchor.firstMs : anchor.steadyMs;
  console.log(`  ${first ? "first tick (dτ = τ, ω·dτ ~ 15 rad)" : "steady tick (dτ = 0, dephasing kick only)"}; identical: ${r.same}; ${N * D} normals, ${r.imports} left to JavaScript`);
  console.log(`    WebAssembly kernel:    ${r.wasm.cpu.toFixed(1)} ms (${r.wasm.wall.toFixed(1)})`);
  console.log(`    JavaScript applyPhases: ${r.js.cpu.toFixed(1)} ms (${r.js.wall.toFixed(1)})   ratio kernel/JS = ${(r.wasm.cpu / r.js.cpu).toFixed(2)}`);
  if (np !== undefined) console.log(`    numpy ${anchor!.numpy} vectorised:   ${np.toFixed(1)} ms CPU   ratio kernel/numpy = ${(r.wasm.cpu / np).toFixed(2)}, JS/numpy = ${(r.js.cpu / np).toFixed(2)}`);
}
