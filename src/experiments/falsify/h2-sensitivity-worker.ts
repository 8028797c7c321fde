/**
 * Worker thread of the H2 sensitivity sweep (h2-sensitivity.ts `runH2SensitivityParallel`):
 * receives one point at a time, runs its test with `sensitivitySummary`, posts the summary back.
 */
import { parentPort } from "node:worker_threads";
import { sensitivitySummary } from "./h2-sensitivity.js";
import type { SensitivityReply, SensitivityRequest } from "./h2-sensitivity-protocol.js";

const port = parentPort;
if (port === null) throw new Error("h2-sensitivity-worker.ts must run in a worker thread");

port.on("message", (req: SensitivityRequest) => {
  let reply: SensitivityReply;
  try {
    reply = { task: req.task, ok: true, summary: sensitivitySummary(req.setup, req.seeds, req.seed) };
  } catch (e) {
    reply = { task: req.task, ok: false, message: String((e as { message?: unknown }).message ?? e) };
  }
  port.postMessage(reply);
});
