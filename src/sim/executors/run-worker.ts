/**
 * Worker thread of the local pool (local-pool.ts): receives one task at a time, runs it with
 * `executeRun`, posts the output (or the failure) back.
 */
import { parentPort } from "node:worker_threads";
import { executeRun } from "./execute-run.js";
import type { PoolReply, PoolRequest } from "./pool-protocol.js";

const port = parentPort;
if (port === null) throw new Error("run-worker.ts must run in a worker thread");

/** The checkpoint's buffer to move to the main thread instead of copying it, when the bytes fill it alone. */
function ownedBuffer(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : [];
}

port.on("message", (req: PoolRequest) => {
  let reply: PoolReply;
  try {
    // Executors are the I/O edge of sim/: the wall time is measured around the run, never inside it.
    // eslint-disable-next-line no-restricted-properties
    const t0 = performance.now(); // wall-clock-ok: wall time reported beside the result, never part of it
    const out = executeRun(req.scenario, {
      ...(req.resume === undefined ? {} : { resume: req.resume }),
      ...(req.reportCheckpoints ? { onCheckpoint: (progress) => port.postMessage({ id: req.id, ok: true, progress } satisfies PoolReply, ownedBuffer(progress.checkpoint)) } : {}),
    });
    // eslint-disable-next-line no-restricted-properties
    reply = { id: req.id, ok: true, output: { ...out, wallS: (performance.now() - t0) / 1000 } }; // wall-clock-ok
  } catch (e) {
    const err = e as { message?: unknown; code?: unknown };
    reply = { id: req.id, ok: false, message: String(err.message ?? e), code: typeof err.code === "string" ? err.code : "E_RUN" };
  }
  port.postMessage(reply);
});
port.postMessage({ id: -1, ok: true, ready: true });
