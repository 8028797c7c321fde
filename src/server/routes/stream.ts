/**
 * GET /api/runs/:id/stream: Server-Sent Events. First a `snapshot` (the run, every metric sample
 * so far — committed ones from the store plus those the live run holds until its next checkpoint —
 * the latest events and the counts by kind), then an `update` per flush of the live run (at most
 * every FLUSH_MS), then `end`. A finished run gets the snapshot and `end` at once, so the same page
 * replays a recorded run.
 */
import type { FastifyInstance } from "fastify";
import type { Sample } from "../../sim/run.js";
import type { LiveUpdate } from "../live-run.js";
import { metricsObject, runSummary } from "./runs.js";
import type { ServerContext } from "../app.js";

export const SNAPSHOT_EVENTS_MAX = 2000;
const HEARTBEAT_MS = 15_000;

function appendSamples(m: Map<string, { tNs: number[]; value: number[] }>, samples: readonly Sample[]): void {
  for (const s of samples) {
    for (const [k, v] of Object.entries(s.metrics)) {
      let series = m.get(k);
      if (series === undefined) m.set(k, (series = { tNs: [], value: [] }));
      series.tNs.push(s.tNs);
      series.value.push(v);
    }
  }
}

export function registerStreamRoutes(app: FastifyInstance, { store, runs }: ServerContext): void {
  app.get<{ Params: { id: string } }>("/api/runs/:id/stream", async (req, reply) => {
    const run = store.getRun(req.params.id);
    const live = runs.get(run.id);
    // Everything below happens in one turn of the event loop: no sample can fall between the
    // snapshot and the first update.
    const metrics = store.metrics(run.id);
    if (live) appendSamples(metrics, live.pendingSamples);
    const events = store.events(run.id);
    const snapshot = {
      run: runSummary(run, live !== undefined), tNs: live ? live.tNs : run.simTNs, metrics: metricsObject(metrics),
      events: events.slice(-SNAPSHOT_EVENTS_MAX), eventCounts: store.eventCounts(run.id), nodes: run.scenario.mesh.nodes,
      thresholds: { deltaE: run.scenario.odos.deltaEThreshold, rcf: run.scenario.odos.rcfThreshold },
    };
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send("snapshot", snapshot);
    let closed = false;
    const finish = (status: string) => {
      if (closed) return;
      closed = true;
      send("end", { status });
      res.end();
    };
    if (!live) return finish(run.status);
    const off = live.subscribe((u: LiveUpdate) => {
      if (closed) return;
      send("update", u);
      if (u.status !== "running") finish(u.status);
    });
    if (off === undefined) {
      send("error", { error: `stream of run '${run.id}': expected a free listener slot, got all in use`, code: "E_BUSY" });
      return finish(live.status);
    }
    const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
    const cleanup = () => {
      clearInterval(heartbeat);
      off();
    };
    req.raw.on("close", () => {
      closed = true;
      cleanup();
    });
    void live.finished.then((st) => {
      cleanup();
      finish(st);
    });
  });
}
