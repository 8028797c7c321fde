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
  return s[Math.floor(s.length / 2)] as number;
}

function time(f: () => void): number {
  f();
  const ts: number[] = [];
  for (let k = 0; k < REPS; k++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

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
    ts = []
    for _ in range(reps):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    return float(np.median(ts)) * 1e3
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
  console.log(`ours NumpyRandomState randn ${randnMs.toFixed(1)} ms, random_sample ${sampleMs.toFixed(1)} ms (numpy not available: ${py.stderr.trim().split("\n").pop()})`);
} else {
  const ref = JSON.parse(py.stdout) as { randnMs: number; sampleMs: number; sha: string; numpy: string };
  console.log(`numpy ${ref.numpy}: randn ${ref.randnMs.toFixed(1)} ms, random_sample ${ref.sampleMs.toFixed(1)} ms`);
  console.log(`ours NumpyRandomState.randnInto: ${randnMs.toFixed(1)} ms, ratio ours/numpy ${(randnMs / ref.randnMs).toFixed(2)}; 10^6 draws bit-identical: ${sha === ref.sha ? "yes" : "NO"}`);
  console.log(`ours NumpyRandomState.randomSampleInto: ${sampleMs.toFixed(1)} ms, ratio ours/numpy ${(sampleMs / ref.sampleMs).toFixed(2)}`);
}
console.log(`ours RandomStream (xoshiro256**): normalInto ${normalMs.toFixed(1)} ms, uniformInto ${uniformMs.toFixed(1)} ms`);
