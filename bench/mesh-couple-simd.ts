/**
 * The mesh's mean-field coupling step (with ΔE) and its edge pass, JavaScript against the
 * WebAssembly SIMD kernels on the arena (mesh-couple-simd.ts), on the planetary mesh (N = 10^5,
 * d = 12, clusters of 150, ring degree 4 plus the backbone, κ = 10⁹ s⁻¹, one 0.1 ns sub-step, 16
 * blocks run one after the other on one thread), after a few real steps so the states are the
 * run's. Both paths write the same arrays; the bench checks they agree bit for bit. Anchor: the same
 * coupling step + ΔE and the same edge pass vectorised in numpy on the same neighbour lists
 * (gathered through a padded N × max-degree table), timed by /usr/bin/python3 in the same run.
 * Medians of CPU time (process.cpuUsage; Python's process_time) beside wall time.
 *
 * Run: npx tsx bench/mesh-couple-simd.ts [--nodes 100000] [--reps 15]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { coupleMeanField, KET_NODES, measureDeltaE, overlapEdges } from "../src/model/resonance/mesh-blocks.js";
import { bindMeshCouple, meshCoupleKernel } from "../src/model/resonance/mesh-couple-simd.js";
import { ResonanceMesh } from "../src/model/resonance/mesh.js";
import { RandomStream } from "../src/numeric/random/stream.js";
import { numberArg as arg, runPython, timeMedian } from "./lib.js";

const N = arg("--nodes", 100_000);
const REPS = arg("--reps", 15);
const D = 12;
const BLOCKS = 16;
const KAPPA = 1e9;
const DT = 1e-10;

const mesh = ResonanceMesh.init({ nodes: N, dim: D, topology: "clusters", clusterSize: 150, degree: 4, gammaPerS: 1e6, kappaPerS: KAPPA }, RandomStream.fromSeed(42, "mesh"), undefined, { blocks: BLOCKS });
if (!mesh.arena || !meshCoupleKernel.available()) {
  process.stderr.write("WebAssembly SIMD or the shared arena is unavailable here: nothing to compare\n");
  process.exit(1);
}
for (let t = 0; t < 5; t++) mesh.step(DT);
const m = mesh.buffers;
const kernels = bindMeshCouple(meshCoupleKernel.instantiateOn(mesh.arena.memory), mesh.buffers);
const s = m.states[mesh.currentBuffer]!;
const out = m.states[1 - mesh.currentBuffer]!;

const jsCouple = () => {
  for (let b = 0; b < BLOCKS; b++) {
    coupleMeanField(m, m.bounds[b]!, m.bounds[b + 1]!, s, out, DT);
    measureDeltaE(m, b, m.bounds[b]!, m.bounds[b + 1]!, out, KET_NODES);
  }
};
const simdCouple = () => {
  for (let b = 0; b < BLOCKS; b++) kernels.coupleMeanField(b, m.bounds[b]!, m.bounds[b + 1]!, s, out, DT);
};
const jsEdges = () => {
  for (let b = 0; b < BLOCKS; b++) overlapEdges(m, b, m.bounds[b]!, m.bounds[b + 1]!, s, KET_NODES);
};
const simdEdges = () => {
  for (let b = 0; b < BLOCKS; b++) kernels.overlapEdges(b, m.bounds[b]!, m.bounds[b + 1]!, s);
};

/** Whether `a` then `b` leave the same bytes in `out`, `deltaE` and the partials. */
function identical(a: () => void, b: () => void): boolean {
  a();
  const x = [out.slice(), m.deltaE.slice(), m.partials.slice()];
  b();
  const y = [out, m.deltaE, m.partials];
  return x.every((arr, k) => arr.every((v, i) => Object.is(v, y[k]![i])));
}

interface Anchor { numpy: string; coupleCpuMs: number; coupleWallMs: number; edgesCpuMs: number; edgesWallMs: number }

/** The numpy coupling step + ΔE and edge pass on the same neighbour lists and states. */
function anchor(): Anchor | null {
  const dir = mkdtempSync(join(tmpdir(), "pqms-mesh-couple-"));
  try {
    const { rowPtr, colIdx } = m.neighbours;
    writeFileSync(join(dir, "rowptr.bin"), new Uint8Array(rowPtr.slice().buffer));
    writeFileSync(join(dir, "colidx.bin"), new Uint8Array(colIdx.slice().buffer));
    writeFileSync(join(dir, "states.bin"), new Uint8Array(s.slice().buffer));
    const py = String.raw`
import numpy as np, time, json, sys
d, N, D, G, REPS = sys.argv[1], ${N}, ${D}, ${KAPPA * DT}, ${REPS}
rp = np.fromfile(d + "/rowptr.bin", dtype=np.int32)
ci = np.fromfile(d + "/colidx.bin", dtype=np.int32)
S = np.fromfile(d + "/states.bin", dtype=np.float64).view(np.complex128).reshape(N, D)
deg = np.diff(rp)
W = int(deg.max())
nbr = np.zeros((N, W), dtype=np.int64); mask = np.zeros((N, W), dtype=bool)
for c in range(W):
    has = deg > c
    nbr[has, c] = ci[rp[:-1][has] + c]; mask[has, c] = True
rows = np.repeat(np.arange(N), deg)
keep = ci > rows
ei, ej = rows[keep], ci[keep].astype(np.int64)
def couple(S):
    out = (1 - G * deg)[:, None] * S
    for c in range(W):
        J = S[nbr[:, c]]
        ov = np.einsum("ij,ij->i", J.conj(), S)
        a = np.abs(ov)
        coef = np.where(mask[:, c], np.where(a > 0, G * ov / np.where(a > 0, a, 1), G), 0)
        out += coef[:, None] * J
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    de = 1 - np.abs(out.sum(axis=1)) ** 2 / D
    return out, de.sum(), de.max()
def edges(S):
    ov = np.einsum("ij,ij->i", S[ei].conj(), S[ej])
    return float(np.sum(ov.real ** 2 + ov.imag ** 2))
def med(f):
    f(S)
    cs, ws = [], []
    for _ in range(REPS):
        c0 = time.process_time(); w0 = time.perf_counter(); f(S)
        ws.append(time.perf_counter() - w0); cs.append(time.process_time() - c0)
    return float(np.median(cs)) * 1e3, float(np.median(ws)) * 1e3
cc, cw = med(couple)
ec, ew = med(edges)
print(json.dumps({"numpy": np.__version__, "coupleCpuMs": cc, "coupleWallMs": cw, "edgesCpuMs": ec, "edgesWallMs": ew}))
`;
    const p = runPython<Anchor>(["-c", py, dir]);
    if (!p.ok) process.stderr.write(`anchor unavailable: ${p.why}\n`);
    return p.ok ? p.value : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sameCouple = identical(jsCouple, simdCouple);
const sameEdges = identical(jsEdges, simdEdges);
const a = anchor();
const jc = timeMedian(jsCouple, REPS);
const sc = timeMedian(simdCouple, REPS);
const je = timeMedian(jsEdges, REPS);
const se = timeMedian(simdEdges, REPS);
const edgeCount = m.partials.filter((_, k) => k % 5 === 4).reduce((x, y) => x + y, 0);

const ms = (t: { cpuMs: number; wallMs: number }) => `${t.cpuMs.toFixed(1)} ms CPU (${t.wallMs.toFixed(1)} wall)`;
console.log(`Mesh coupling step + ΔE and edge pass, N = ${N}, d = ${D}, clusters of 150 (${edgeCount} live edges), ${BLOCKS} blocks on 1 thread, median of ${REPS}`);
console.log(`  coupling + ΔE  JS ${ms(jc)}   SIMD ${ms(sc)}   SIMD/JS = ${(sc.cpuMs / jc.cpuMs).toFixed(2)} CPU   identical bit for bit: ${sameCouple ? "yes" : "NO"}`);
console.log(`  edge pass      JS ${ms(je)}   SIMD ${ms(se)}   SIMD/JS = ${(se.cpuMs / je.cpuMs).toFixed(2)} CPU   identical bit for bit: ${sameEdges ? "yes" : "NO"}`);
if (a) {
  console.log(`  numpy ${a.numpy}: coupling + ΔE ${a.coupleCpuMs.toFixed(1)} ms CPU (${a.coupleWallMs.toFixed(1)} wall), edge pass ${a.edgesCpuMs.toFixed(1)} ms CPU (${a.edgesWallMs.toFixed(1)} wall)`);
  console.log(`  ratio SIMD/numpy (CPU): coupling + ΔE ${(sc.cpuMs / a.coupleCpuMs).toFixed(2)}, edge pass ${(se.cpuMs / a.edgesCpuMs).toFixed(2)}; JS/numpy: ${(jc.cpuMs / a.coupleCpuMs).toFixed(2)}, ${(je.cpuMs / a.edgesCpuMs).toFixed(2)}`);
}
if (!sameCouple || !sameEdges) process.exitCode = 1;
