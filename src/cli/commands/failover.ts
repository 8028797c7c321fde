/**
 * `pqms failover [scenario | faults.json] [--seed S] [--json]`: the §3.2 failover experiment (five SMCs on
 * Raft with light-time delays, a 10^4-node shell, SMC leader crashes, MTBF node failures, a CME),
 * each measured figure beside the paper's claim and the physical lower bound from the geometry.
 * The optional file is a fault schedule to replay (write one with --save-faults, edit, replay).
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { InputError } from "../../errors.js";
import { FAILOVER_DEFAULT, failoverOptionsFromScenario, runFailover, type FailoverOptions, type FailoverResult } from "../../experiments/failover/failover.js";
import { loadScenario } from "../../store/scenario-file.js";
import { parseFaultSchedule } from "../../sim/faults.js";
import { intFlag, numberFlag } from "../options.js";
import { printJson } from "../output.js";

interface Flags {
  seed: number;
  nodes: number;
  planes: number;
  durationS: number;
  json?: boolean;
  saveFaults?: string;
}

function loadFaults(path: string) {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw InputError.of("faults", "a readable fault-schedule JSON file", path);
  }
  try {
    return parseFaultSchedule(JSON.parse(text), path);
  } catch (e) {
    if (e instanceof SyntaxError) throw InputError.of(path, "valid JSON", `~${e.message}`);
    throw e;
  }
}

/**
 * The positional argument: a fault schedule (JSON with `version` and `faults` array) to replay,
 * or a scenario (path or bundled name) whose sections configure the run and whose `faults.file`
 * may name a schedule. Explicit flags override the scenario.
 */
function optionsFrom(input: string | undefined, f: Flags, given: (k: string) => boolean): FailoverOptions {
  let base: FailoverOptions = FAILOVER_DEFAULT;
  if (input !== undefined) {
    let json: unknown;
    try { json = JSON.parse(readFileSync(input, "utf8")); } catch { json = undefined; }
    const isSchedule = typeof json === "object" && json !== null && "version" in json && Array.isArray((json as { faults?: unknown }).faults);
    if (isSchedule) base = { ...FAILOVER_DEFAULT, faults: loadFaults(input) };
    else {
      const sc = loadScenario(input).scenario;
      base = failoverOptionsFromScenario(sc, sc.faults?.file ? loadFaults(sc.faults.file) : undefined);
    }
  }
  return {
    ...base,
    seed: given("seed") || input === undefined ? f.seed : base.seed,
    durationS: given("durationS") ? f.durationS : base.durationS,
    shell: { ...base.shell, total: given("nodes") ? f.nodes : base.shell.total, planes: given("planes") ? f.planes : base.shell.planes },
  };
}

const durationFlag = (raw: string): number => {
  const x = numberFlag("--duration-s")(raw);
  if (x < 1 || x > 9e6) throw InputError.of("--duration-s", "seconds in [1, 9e6]", x);
  return x;
};

const f3 = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : "n/a");

function report(r: FailoverResult): string {
  const ratio = (m: number, c: number) => (Number.isFinite(m) ? `${(m / c).toExponential(1)}× the claim` : "");
  return [
    "PQMS-V3000 failover (§3.2) — measured on the simulated constellation",
    "",
    "                     measured median (p99, n)         physical lower bound     paper claim",
    `leader failover      ${f3(r.leaderFailoverS.median)} s (${f3(r.leaderFailoverS.p99)} s, ${r.leaderFailoverS.count})`.padEnd(53) + `${f3(r.lowerBounds.leaderFailoverS)} s`.padEnd(25) + "< 1 ms",
    `spare reload         ${f3(r.reloadS.median)} s (${f3(r.reloadS.p99)} s, ${r.reloadS.count})`.padEnd(53) + `${f3(r.lowerBounds.reloadS)} s`.padEnd(25) + "100 µs",
    `state lost           median ${f3(r.stateLostMs.median)} ms, max ${f3(r.stateLostMs.max)} ms (buffer: 10 ms)`,
    `commit latency       ${f3(r.commitLatencyS.median)} s (p99 ${f3(r.commitLatencyS.p99)} s, ${r.commitLatencyS.count} commands)`,
    `Raft safety          ${r.safetyViolations} violations (checked after every event); unrecoverable nodes: ${r.unrecoverableNodes}`,
    "",
    `leader failover: ${ratio(r.leaderFailoverS.median, 0.001)}; the bound alone is ${ratio(r.lowerBounds.leaderFailoverS, 0.001)}.`,
    `reload: ${ratio(r.reloadS.median, 0.0001)}; the bound alone is ${ratio(r.lowerBounds.reloadS, 0.0001)}.`,
    "Why: a new leader needs votes from a quorum (3 of 5) — a round trip to the second-nearest surviving",
    "controller — and a reload needs the news of the failure to reach the SMC and the state to come back:",
    "SMC light-times (s): " + r.smcs.map((s, i) => `${s.name}→${r.smcs.slice(i + 1).map((t, j) => `${t.name} ${f3(s.lightTimeS[i + 1 + j]!)}`).join(", ")}`).filter((x) => !x.endsWith("→")).join("; "),
    `events ${r.events}, fingerprint ${r.fingerprint}`,
  ].join("\n") + "\n";
}

export function registerFailover(program: Command): void {
  program
    .command("failover [scenario-or-faults]")
    .description("§3.2 failover: SMC Raft over light-time links, Black Sarcophagus reloads, faults from the seed or a schedule file")
    .option("--seed <S>", "seed (0 ≤ S < 2^32)", intFlag("--seed", 0, 0xffffffff), FAILOVER_DEFAULT.seed)
    .option("--nodes <N>", "constellation nodes (Walker-delta, 550 km)", intFlag("--nodes", 1, 100_000), FAILOVER_DEFAULT.shell.total)
    .option("--planes <P>", "orbital planes (a divisor of --nodes)", intFlag("--planes", 1, 10_000), FAILOVER_DEFAULT.shell.planes)
    .option("--duration-s <T>", "simulated seconds", durationFlag, FAILOVER_DEFAULT.durationS)
    .option("--save-faults <file>", "write the fault schedule used (edit it and pass it back to replay)")
    .option("--json", "print the result as JSON")
    .action((input: string | undefined, f: Flags, cmd: Command) => {
      const r = runFailover(optionsFrom(input, f, (k) => cmd.getOptionValueSource(k) === "cli"));
      if (f.saveFaults) writeFileSync(f.saveFaults, `${JSON.stringify(r.faults, null, 1)}\n`);
      if (f.json) {
        const { leaderFailoverS, reloadS, stateLostMs, lowerBounds, safetyViolations, paperClaims } = r;
        // Exactly the §3.2 failover keys (commit latency, events and the fingerprint are in the text report).
        return printJson({ leaderFailoverS, reloadS, stateLostMs, lowerBounds, safetyViolations, paperClaims });
      }
      process.stdout.write(report(r));
    });
}
