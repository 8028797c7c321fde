/**
 * mesolve on the reference two-mode cavity (test/reference/qutip-cavity.json; N = 5, 10, 15;
 * 1001 output times on [0, 100]) at QuTiP's default tolerances (atol 1e-8, rtol 1e-6) and tight
 * ones (1e-10, 1e-10): our median wall time beside QuTiP 4.7's median measured in the same run
 * (bench/qutip_mesolve.py via /usr/bin/python3), the ratio, and both solvers' largest error in
 * ⟨n_a⟩, ⟨n_b⟩ at t = 10, 50, 100 against "exact" values that the python script computes with
 * scipy's expm_multiply (independent of pqms).
 *
 * Run: npx tsx bench/mesolve.ts [--reps 5] [--quick]   (--quick: N = 5, 10 only)
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mesolve } from "../src/quantum/mesolve.js";
import { twoModeCavity as cavity } from "../src/quantum/two-mode-cavity.js";
import { numberArg as arg, median, runPython } from "./lib.js";

const REPS = arg("--reps", 5);
const QUICK = process.argv.includes("--quick");
const TLIST = Array.from({ length: 1001 }, (_, i) => i / 10);
const T_CHECK = [10, 50, 100];

interface Case { N: number; atol: number; rtol: number; repeats: number }
interface QutipCase extends Case {
  median_s: number;
  n_a: Record<string, number>;
  n_b: Record<string, number>;
  exact: { n_a: Record<string, number>; n_b: Record<string, number> };
}

const tolerances = [{ atol: 1e-8, rtol: 1e-6 }, { atol: 1e-10, rtol: 1e-10 }];
const sizes = QUICK ? [5, 10] : [5, 10, 15];
// QuTiP takes seconds per run at N = 15; fewer repeats there keep the benchmark under a few minutes.
const cases: Case[] = sizes.flatMap((N) => tolerances.map((t) => ({ N, ...t, repeats: N === 15 ? (t.rtol < 1e-8 ? 1 : 2) : N === 10 ? 3 : 5 })));

const here = dirname(fileURLToPath(import.meta.url));
const py = runPython<{ qutip: string; cases: QutipCase[] }>([join(here, "qutip_mesolve.py"), JSON.stringify(cases)]);
if (!py.ok) {
  process.stderr.write(`QuTiP anchor failed (is /usr/bin/python3 with qutip installed?): ${py.why}\n`);
  process.exit(1);
}
const anchor = py.value;

function errMax(na: Record<string, number>, nb: Record<string, number>, exact: QutipCase["exact"]): number {
  return Math.max(...T_CHECK.flatMap((t) => [Math.abs(na[`t=${t}`]! - exact.n_a[`t=${t}`]!), Math.abs(nb[`t=${t}`]! - exact.n_b[`t=${t}`]!)]));
}

console.log(`mesolve, two-mode cavity, 1001 output times, t in [0, 100]; QuTiP ${anchor.qutip} measured in this run`);
console.log("N   atol/rtol      ours median   QuTiP median   ratio   our err     QuTiP err   steps (evals)  unknowns");
for (const c of anchor.cases) {
  const m = cavity(c.N);
  const run = (): ReturnType<typeof mesolve> => mesolve(m.H, m.psi0, TLIST, m.cOps, { eOps: [m.na, m.nb], options: { atol: c.atol, rtol: c.rtol } });
  run(); // warm-up (JIT)
  const walls: number[] = [];
  let r = run();
  for (let k = 0; k < REPS; k++) {
    const t0 = performance.now();
    r = run();
    walls.push((performance.now() - t0) / 1000);
  }
  const pick = (series: number[]): Record<string, number> => Object.fromEntries(T_CHECK.map((t) => [`t=${t}`, series[t * 10]!]));
  const ours = median(walls);
  const ourErr = errMax(pick(r.expect[0] as number[]), pick(r.expect[1] as number[]), c.exact);
  const qErr = errMax(c.n_a, c.n_b, c.exact);
  console.log(
    `${String(c.N).padEnd(3)} ${`${c.atol.toExponential(0)}/${c.rtol.toExponential(0)}`.padEnd(14)} ${`${ours.toFixed(4)} s`.padEnd(13)} ${`${c.median_s.toFixed(4)} s`.padEnd(14)} ` +
    `${(ours / c.median_s).toFixed(3).padEnd(7)} ${ourErr.toExponential(2).padEnd(11)} ${qErr.toExponential(2).padEnd(11)} ` +
    `${`${r.stats.nSteps} (${r.stats.nEvals})`.padEnd(14)} ${r.stats.nUnknowns}/${r.stats.nUnknownsFull}`,
  );
}
console.log("ratio = ours / QuTiP (below 1: faster). Errors: max |Δ| of <n_a>, <n_b> at t = 10, 50, 100 vs scipy expm_multiply.");
console.log("Ours integrates only the Liouvillian block holding rho(0) (exact), in the rotating frame of Im diag L (exact).");
