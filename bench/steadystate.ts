/**
 * steadystate of the reference two-mode cavity at N = 15 (and 10): our median wall time for the
 * direct and iterative methods beside QuTiP 4.7's direct `steadystate` measured in the same run
 * (bench/qutip_steadystate.py via /usr/bin/python3), the ratio, and the accuracy of both against
 * the untruncated thermal value ⟨n⟩ = n_th = 0.1 (truncation at N = 15 leaves ~1e-15) and against
 * each other (n_a, n_b, entropy, purity).
 *
 * Run: npx tsx bench/steadystate.ts [--reps 5]
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { steadystate } from "../src/quantum/steadystate.js";
import { expect as expectation } from "../src/quantum/expect.js";
import { entropyVn, purity } from "../src/quantum/metrics.js";
import { REFERENCE_CAVITY as CAVITY, twoModeCavity as cavity } from "../src/quantum/two-mode-cavity.js";
import { median, numberArg, runPython } from "./lib.js";

const REPS = numberArg("--reps", 5);

interface QCase { N: number; method: string; median_s: number; n_a: number; n_b: number; entropy: number; purity: number }
const cases = [{ N: 10, method: "direct", repeats: 3 }, { N: 15, method: "direct", repeats: 3 }];
const here = dirname(fileURLToPath(import.meta.url));
const py = runPython<{ qutip: string; cases: QCase[] }>([join(here, "qutip_steadystate.py"), JSON.stringify(cases)]);
if (!py.ok) {
  process.stderr.write(`QuTiP anchor failed (is /usr/bin/python3 with qutip installed?): ${py.why}\n`);
  process.exit(1);
}
const anchor = py.value;

console.log(`steadystate, two-mode cavity; QuTiP ${anchor.qutip} direct measured in this run; exact untruncated <n> = ${CAVITY.nTh}`);
console.log("N   ours method  ours median  QuTiP median  ratio   |n_a-0.1| ours  QuTiP      |Δ| vs QuTiP: n_a, entropy, purity");
for (const q of anchor.cases) {
  const m = cavity(q.N);
  for (const method of ["direct", "iterative"] as const) {
    steadystate(m.H, m.cOps, { method }); // warm-up (JIT)
    const walls: number[] = [];
    let rho = steadystate(m.H, m.cOps, { method });
    for (let k = 0; k < REPS; k++) {
      const t0 = performance.now();
      rho = steadystate(m.H, m.cOps, { method });
      walls.push((performance.now() - t0) / 1000);
    }
    const ours = median(walls);
    const na = expectation(m.na, rho);
    const d = [Math.abs(na - q.n_a), Math.abs(entropyVn(rho) - q.entropy), Math.abs(purity(rho) - q.purity)].map((x) => x.toExponential(1)).join(", ");
    console.log(
      `${String(q.N).padEnd(3)} ${method.padEnd(12)} ${`${ours.toFixed(4)} s`.padEnd(12)} ${`${q.median_s.toFixed(4)} s`.padEnd(13)} ` +
      `${(ours / q.median_s).toFixed(3).padEnd(7)} ${Math.abs(na - CAVITY.nTh).toExponential(2).padEnd(15)} ${Math.abs(q.n_a - CAVITY.nTh).toExponential(2).padEnd(10)} ${d}`,
    );
  }
}
console.log("ratio = ours / QuTiP direct (below 1: faster). Ours solves only the Liouvillian block holding the populations (exact).");
