/**
 * mesolve and steadystate on open systems whose Liouvillian has a single block, so no exact
 * block reduction applies (src/quantum/open-models.ts; the same models in bench/open_models.py):
 * a transverse-field Ising chain with local damping, a driven Kerr oscillator and a driven
 * Jaynes–Cummings model. Our median wall time beside QuTiP 4.7's median at its default
 * tolerances (atol 1e-8, rtol 1e-6; steadystate 'direct') measured in the same run
 * (bench/qutip_open_systems.py via /usr/bin/python3), the ratio, and the largest error of the
 * expectation values: mesolve against scipy's expm_multiply on the Liouvillian (independent of
 * both solvers), steadystate against QuTiP's.
 *
 * Run: npx tsx bench/open-systems.ts [--reps 5] [--large] [--steadystate]
 *   --large adds the 8-qubit chain; --steadystate runs the steadystate cases alone (QuTiP's
 *   mesolve on the Kerr oscillator takes over a minute), with 41 repeats of the short ones on
 *   both sides so the medians of these few-millisecond solves are steady on a loaded machine.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect as expectation } from "../src/quantum/expect.js";
import { mesolve } from "../src/quantum/mesolve.js";
import { drivenJaynesCummings, isingChain, kerrOscillator, type OpenModel } from "../src/quantum/open-models.js";
import { steadystate } from "../src/quantum/steadystate.js";
import { numberArg, runPython, timeMedian, warmUp } from "./lib.js";

const REPS = numberArg("--reps", 5);
const LARGE = process.argv.includes("--large");
const STEADY_ONLY = process.argv.includes("--steadystate");
/** Repeats of the short steadystate solves (Kerr, Jaynes–Cummings), both sides. */
const SHORT_REPEATS = STEADY_ONLY ? 41 : 3;
const MODELS: Record<string, (n: number) => OpenModel> = { ising: isingChain, kerr: kerrOscillator, jc: drivenJaynesCummings };
const LABEL: Record<string, string> = { ising: "Ising chain, qubits", kerr: "Kerr oscillator, N", jc: "Jaynes-Cummings, N" };

interface MeCase { model: string; size: number; T: number; nt: number; repeats: number }
interface SsCase { model: string; size: number; repeats: number }
const meCases: MeCase[] = STEADY_ONLY ? [] : [
  { model: "ising", size: 6, T: 10, nt: 201, repeats: 3 },
  { model: "ising", size: 7, T: 10, nt: 201, repeats: 1 },
  ...(LARGE ? [{ model: "ising", size: 8, T: 10, nt: 201, repeats: 1 }] : []),
  { model: "kerr", size: 40, T: 20, nt: 201, repeats: 1 },
  { model: "jc", size: 15, T: 20, nt: 201, repeats: 1 },
];
const ssCases: SsCase[] = [
  { model: "ising", size: 5, repeats: 1 },
  ...(LARGE ? [{ model: "ising", size: 6, repeats: 1 }] : []),
  { model: "kerr", size: 40, repeats: SHORT_REPEATS },
  { model: "jc", size: 15, repeats: SHORT_REPEATS },
];

const here = dirname(fileURLToPath(import.meta.url));
const py = runPython<{ qutip: string; mesolve: Array<MeCase & { median_s: number; cpu_median_s: number; expect: number[][]; exact: number[][] }>; steadystate: Array<SsCase & { median_s: number; cpu_median_s: number; expect: number[] }> }>(
  [join(here, "qutip_open_systems.py"), JSON.stringify({ mesolve: meCases, steadystate: ssCases })],
);
if (!py.ok) {
  process.stderr.write(`QuTiP anchor failed (is /usr/bin/python3 with qutip installed?): ${py.why}\n`);
  process.exit(1);
}
const anchor = py.value;

/** Median wall and CPU seconds of `reps` runs after at least 0.5 s of warm-up (`warmUp`), with the last run's value. */
function timed<T>(f: () => T, reps: number): { value: T; s: number; cpu: number } {
  let value: T | undefined;
  const run = (): void => {
    value = f();
  };
  warmUp(run);
  const t = timeMedian(run, reps, 0);
  return { value: value as T, s: t.wallMs / 1000, cpu: t.cpuMs / 1000 };
}

const maxErr = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number =>
  Math.max(...a.flatMap((row, k) => row.map((x, i) => Math.abs(x - (b[k]![i]!)))));

if (anchor.mesolve.length > 0) console.log(`mesolve, QuTiP ${anchor.qutip} defaults (atol 1e-8, rtol 1e-6) measured in this run; errors: max |Δ<e>| over all output times vs scipy expm_multiply`);
if (anchor.mesolve.length > 0) console.log("model                     unknowns  ours median  QuTiP median  ratio   CPU ratio  our err    QuTiP err  steps (evals)");
for (const c of anchor.mesolve) {
  const m = MODELS[c.model]!(c.size);
  const tlist = Array.from({ length: c.nt }, (_, i) => (i * c.T) / (c.nt - 1));
  const reps = c.size >= 7 && c.model === "ising" ? Math.min(REPS, 2) : REPS;
  const { value: r, s, cpu } = timed(() => mesolve(m.H, m.psi0, tlist, m.cOps, { eOps: m.eOps }), reps);
  console.log(
    `${`${LABEL[c.model]} ${c.size}`.padEnd(25)} ${String(r.stats.nUnknowns).padEnd(9)} ${`${s.toFixed(4)} s`.padEnd(12)} ${`${c.median_s.toFixed(4)} s`.padEnd(13)} ` +
    `${(s / c.median_s).toFixed(3).padEnd(7)} ${(cpu / c.cpu_median_s).toFixed(3).padEnd(10)} ${maxErr(r.expect, c.exact).toExponential(2).padEnd(10)} ${maxErr(c.expect, c.exact).toExponential(2).padEnd(10)} ${r.stats.nSteps} (${r.stats.nEvals})`,
  );
}
console.log(`\nsteadystate, QuTiP ${anchor.qutip} 'direct' measured in this run; error: max |Δ<e>| vs QuTiP's steady state`);
console.log("model                     ours median  QuTiP median  ratio   CPU ratio  |Δ<e>| vs QuTiP");
for (const c of anchor.steadystate) {
  const m = MODELS[c.model]!(c.size);
  const reps = c.model === "ising" ? Math.min(REPS, 2) : Math.max(REPS, SHORT_REPEATS);
  const { value: rho, s, cpu } = timed(() => steadystate(m.H, m.cOps), reps);
  const err = Math.max(...m.eOps.map((e, k) => Math.abs(expectation(e, rho) - c.expect[k]!)));
  console.log(`${`${LABEL[c.model]} ${c.size}`.padEnd(25)} ${`${s.toFixed(4)} s`.padEnd(12)} ${`${c.median_s.toFixed(4)} s`.padEnd(13)} ${(s / c.median_s).toFixed(3).padEnd(7)} ${(cpu / c.cpu_median_s).toFixed(3).padEnd(10)} ${err.toExponential(2)}`);
}
console.log("ratio = ours / QuTiP wall medians (below 1: faster); CPU ratio = the same for process CPU time, the steadier figure on a shared machine.");
console.log("No block reduction applies: each Liouvillian is one block. Ours carries the upper triangle of the Hermitian rho (exact).");
