/**
 * Random draws, 10^6 at a time: pqms' NumpyRandomState (randn, random_sample) beside numpy's
 * legacy np.random.randn / random_sample measured in the same run, with the ratio; the first
 * values and a SHA-256 of the 10^6 randn draws are compared (bit-for-bit replication). Also the
 * native RandomStream (xoshiro256**, ziggurat) for scale.
 *
 * Run: npx tsx bench/random.ts [--reps 9]
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { NumpyRandomState, RandomStream } from "../src/numeric/random/index.js";

const argReps = process.argv.indexOf("--reps");
const REPS = argReps > 0 ? Number(process.argv[argReps + 1]) : 9;
const N = 1_000_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall and CPU medians, ms (CPU time is steadier on the shared machine). */
interface Timing { wall: number; cpu: number }

function time(f: () => void): Timing {
  for (let k = 0; k < 3; k++) f();
  const ts: number[] = [];
  const cs: number[] = [];
  for (let k = 0; k < REPS; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cs.push((c.user + c.system) / 1000);
  }
  return { wall: median(ts), cpu: median(cs) };
}

const fmt = (t: Timing): string => `${t.wall.toFixed(1)} ms wall / ${t.cpu.toFixed(1)} ms CPU`;
const ratio = (a: Timing, b: Timing): string => `${(a.wall / b.wall).toFixed(2)} wall, ${(a.cpu / b.cpu).toFixed(2)} CPU`;

const out = new Float64Array(N);
const np = new NumpyRandomState(42);
const randnMs = time(() => np.randnInto(out));
const sampleMs = time(() => np.randomSampleInto(out));
const stream = RandomStream.fromSeed(42, "bench");
const normalMs = time(() => stream.normalInto(out));
const uniformMs = time(() => stream.uniformInto(out));
const sha = createHash("sha256").update(new Uint8Array(new NumpyRandomState(42).randnInto(out).buffer)).digest("hex");

const PY = String.raw`
import hashlib, json, sys, time
import numpy as np
n, reps = int(sys.argv[1]), int(sys.argv[2])
def med(f):
    f()
    ts, cs = [], []
    for _ in range(reps):
        c = time.process_time(); t = time.perf_counter(); f(); ts.append(time.perf_counter() - t); cs.append(time.process_time() - c)
    return {"wall": float(np.median(ts)) * 1e3, "cpu": float(np.median(cs)) * 1e3}
np.random.seed(42)
randn = med(lambda: np.random.randn(n))
sample = med(lambda: np.random.random_sample(n))
np.random.seed(42)
sha = hashlib.sha256(np.random.randn(n).astype("<f8").tobytes()).hexdigest()
print(json.dumps({"randnMs": randn, "sampleMs": sample, "sha": sha, "numpy": np.__version__}))
`;
const py = spawnSync("/usr/bin/python3", ["-c", PY, String(N), String(REPS)], { encoding: "utf8" });
console.log(`10^6 draws, medians of ${REPS} runs`);
if (py.status !== 0) {
  console.log(`ours NumpyRandomState randn ${fmt(randnMs)}, random_sample ${fmt(sampleMs)} (numpy not available: ${py.stderr.trim().split("\n").pop()})`);
} else {
  const ref = JSON.parse(py.stdout) as { randnMs: Timing; sampleMs: Timing; sha: string; numpy: string };
  console.log(`numpy ${ref.numpy}: randn ${fmt(ref.randnMs)}, random_sample ${fmt(ref.sampleMs)}`);
  console.log(`ours NumpyRandomState.randnInto: ${fmt(randnMs)}, ratio ours/numpy ${ratio(randnMs, ref.randnMs)}; 10^6 draws bit-identical: ${sha === ref.sha ? "yes" : "NO"}`);
  console.log(`ours NumpyRandomState.randomSampleInto: ${fmt(sampleMs)}, ratio ours/numpy ${ratio(sampleMs, ref.sampleMs)}`);
}
console.log(`ours RandomStream (xoshiro256**): normalInto ${fmt(normalMs)}, uniformInto ${fmt(uniformMs)}`);
