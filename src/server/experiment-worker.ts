/**
 * Worker thread of the dashboard's experiments (experiment-thread.ts): runs the full claims audit
 * or §6's falsification off the server's event loop, one job at a time, and posts the plain
 * result (or the failure) back.
 */
import { parentPort } from "node:worker_threads";
import { runAudit, type ClaimResult } from "../experiments/audit/index.js";
import { runFalsify, runH2Sensitivity, SIMULATION_CANNOT_SUPPORT } from "../experiments/falsify/index.js";
import type { ExperimentJob, ExperimentReply } from "./experiment-protocol.js";

/** The flat record of one claim (the `pqms audit --format json` record). */
export function claimRecord(c: ClaimResult) {
  const { id, section, claim, inputs, paperValue, recomputed, unit, verdict, basis, comparison, factor, law, why, simulation, arithmetic, explanation, twin } = c;
  return { id, section, claim, inputs, paperValue, recomputed, unit, verdict, basis, comparison, factor, law, why, simulation, arithmetic, explanation, twin };
}

/** Run one job (also called in-process for the quick audit). */
export function runJob(job: ExperimentJob): unknown {
  if (job.kind === "audit") {
    const a = runAudit(undefined, { quick: job.quick });
    return { quick: job.quick, tally: a.tally, claims: a.claims.map(claimRecord) };
  }
  if (job.kind === "sensitivity") return { caveat: SIMULATION_CANNOT_SUPPORT, ...runH2Sensitivity({ nodes: job.nodes, seeds: job.seeds, seed: job.seed }) };
  return { caveat: SIMULATION_CANNOT_SUPPORT, hypotheses: runFalsify(job.hypotheses, { replicates: job.replicates, seed: job.seed }) };
}

const port = parentPort;
if (port !== null) {
  port.on("message", (m: { id: number; job: ExperimentJob }) => {
    let reply: ExperimentReply;
    try {
      // Structured clone drops anything that is not plain data; JSON keeps exactly what the API sends.
      reply = { id: m.id, ok: true, json: JSON.stringify(runJob(m.job)) };
    } catch (e) {
      const err = e as { message?: unknown; code?: unknown };
      reply = { id: m.id, ok: false, message: String(err.message ?? e), code: typeof err.code === "string" ? err.code : "E_INTERNAL" };
    }
    port.postMessage(reply);
  });
}
