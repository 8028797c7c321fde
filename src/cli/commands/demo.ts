/**
 * `pqms demo`: the reference two-mode cavity on the quantum core (mesolve, entropy, steady
 * state), printed beside QuTiP's exact values (test/reference/qutip-cavity.json, shipped in the package).
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { entropyVn, expect as expectation, mesolve, purity, steadystate } from "../../quantum/index.js";
import { REFERENCE_CAVITY, twoModeCavity } from "../../quantum/two-mode-cavity.js";
import { PqmsError } from "../../errors.js";
import { packagePath } from "../../package-root.js";
import { intFlag } from "../options.js";
import { printJson } from "../output.js";

interface Reference {
  cases: Array<{ N: number; exact: { n_a: Record<string, number>; n_b: Record<string, number>; entropy_vn_nats_t100: number } }>;
  steadystate: Record<string, { n_a: number; n_b: number; entropy_vn_nats: number; purity: number }>;
}

interface Row { quantity: string; pqms: number; qutip: number | null }

/** Where the QuTiP reference ships: package.json "files" lists it, so it is there when installed. */
export const DEMO_REFERENCE = "test/reference/qutip-cavity.json";

/** QuTiP's values for the demo cavity; a missing or unreadable file is a broken install, said as such. */
function loadReference(): Reference {
  const path = packagePath(DEMO_REFERENCE);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new PqmsError(`pqms demo: cannot read the QuTiP reference ${path} (${(e as Error).message}); the package ships it as ${DEMO_REFERENCE}, reinstall pqms`, "E_INSTALL", 1);
  }
  try {
    return JSON.parse(text) as Reference;
  } catch (e) {
    throw new PqmsError(`pqms demo: the QuTiP reference ${path} is not JSON (${(e as Error).message}); reinstall pqms`, "E_INSTALL", 1);
  }
}

function runDemo(N: number): { rows: Row[]; wallS: { mesolve: number; steadystate: number }; steps: number; unknowns: string } {
  const ref = loadReference();
  const exact = ref.cases.find((c) => c.N === N)?.exact ?? null;
  const ss = ref.steadystate[`N=${N}`] ?? null;
  const m = twoModeCavity(N);
  const tlist = Array.from({ length: 1001 }, (_, i) => i / 10);
  const t0 = performance.now();
  const r = mesolve(m.H, m.psi0, tlist, m.cOps, { eOps: [m.na, m.nb], options: { atol: 1e-10, rtol: 1e-10 } });
  const t1 = performance.now();
  const rho = steadystate(m.H, m.cOps);
  const t2 = performance.now();
  const rows: Row[] = [];
  for (const t of [10, 50, 100]) {
    rows.push({ quantity: `<n_a>(t=${t})`, pqms: r.expect[0]?.[t * 10] as number, qutip: exact?.n_a[`t=${t}`] ?? null });
    rows.push({ quantity: `<n_b>(t=${t})`, pqms: r.expect[1]?.[t * 10] as number, qutip: exact?.n_b[`t=${t}`] ?? null });
  }
  rows.push({ quantity: "S_vN(rho(100)) [nats]", pqms: entropyVn(r.finalState), qutip: exact?.entropy_vn_nats_t100 ?? null });
  rows.push({ quantity: "steady <n_a>", pqms: expectation(m.na, rho), qutip: ss?.n_a ?? null });
  rows.push({ quantity: "steady <n_b>", pqms: expectation(m.nb, rho), qutip: ss?.n_b ?? null });
  rows.push({ quantity: "steady S_vN [nats]", pqms: entropyVn(rho), qutip: ss?.entropy_vn_nats ?? null });
  rows.push({ quantity: "steady purity", pqms: purity(rho), qutip: ss?.purity ?? null });
  return { rows, wallS: { mesolve: (t1 - t0) / 1000, steadystate: (t2 - t1) / 1000 }, steps: r.stats.nSteps, unknowns: `${r.stats.nUnknowns} of ${r.stats.nUnknownsFull}` };
}

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("run the reference two-mode cavity on the quantum core and compare with QuTiP")
    .option("--n <N>", "levels per mode (QuTiP reference values exist for 5 and 10)", intFlag("--n", 2, 20, "levels per cavity mode"), 10)
    .option("--json", "print JSON instead of a table")
    .action((opts: { n: number; json?: boolean }) => {
      const out = runDemo(opts.n);
      if (opts.json) {
        printJson({ N: opts.n, params: REFERENCE_CAVITY, ...out });
        return;
      }
      const { omega, g, kappa, nTh } = REFERENCE_CAVITY;
      const lines = [
        `pqms demo: two-mode cavity, N = ${opts.n} levels per mode, ω = ${omega}, g = ${g}, κ = ${kappa}, n_th = ${nTh}, |1,0⟩ at t = 0`,
        `mesolve: 1001 output times on [0, 100], atol = rtol = 1e-10; reference: QuTiP 4.7 / scipy expm_multiply (${DEMO_REFERENCE})`,
        "",
        `${"quantity".padEnd(24)}${"pqms".padEnd(22)}${"QuTiP exact".padEnd(22)}|difference|`,
      ];
      for (const r of out.rows) {
        const q = r.qutip === null ? "(no reference)" : r.qutip.toPrecision(15);
        const d = r.qutip === null ? "" : Math.abs(r.pqms - r.qutip).toExponential(1);
        lines.push(`${r.quantity.padEnd(24)}${r.pqms.toPrecision(15).padEnd(22)}${q.padEnd(22)}${d}`);
      }
      lines.push("", `wall time: mesolve ${out.wallS.mesolve.toFixed(3)} s (${out.steps} steps, ${out.unknowns} unknowns evolved), steadystate ${out.wallS.steadystate.toFixed(3)} s`);
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
