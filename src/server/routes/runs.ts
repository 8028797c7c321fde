/**
 * /api/runs: start, stop, list, get, metrics, events, report and artifacts. The runs are the
 * store's runs: those the CLI started and those started here alike.
 */
import type { FastifyInstance } from "fastify";
import { createReadStream, existsSync, realpathSync, statSync } from "node:fs";
import { relative, resolve, isAbsolute } from "node:path";
import { InputError, NotFoundError } from "../../errors.js";
import type { RunRecord } from "../../store/run-store.js";
import { parseRunBody, queryInt } from "../body.js";
import { HttpError } from "../http-error.js";
import { reportsRoot, writeReportFor } from "../report.js";
import { constellationLayout } from "../constellation.js";
import { solarLayout } from "../solar-layout.js";
import type { ServerContext } from "../app.js";

export const EVENTS_PAGE_MAX = 10_000;

/** What a run list shows. */
export function runSummary(r: RunRecord, live: boolean) {
  return {
    id: r.id, name: r.name, status: r.status, live, seed: r.seed, nodes: r.scenario.mesh.nodes, createdAt: r.createdAt, finishedAt: r.finishedAt,
    simTNs: r.simTNs, durationNs: r.durationNs, wallS: r.wallS, fingerprint: r.fingerprint, error: r.error, codeVersion: r.codeVersion,
  };
}

/** name → { tNs, value } as a plain object. */
export function metricsObject(m: Map<string, { tNs: number[]; value: number[] }>): Record<string, { tNs: number[]; value: number[] }> {
  return Object.fromEntries(m);
}

const ARTIFACT_NAME = /^[\w][\w.-]{0,99}$/;

/** The file of an artifact, only if it lies inside the store's reports directory. */
export function artifactFile(root: string, recordedPath: string | null, name: string): string {
  if (recordedPath === null) throw new NotFoundError("artifact file", name);
  const rootReal = existsSync(root) ? realpathSync(root) : resolve(root);
  const file = resolve(recordedPath);
  if (!existsSync(file)) throw new NotFoundError("artifact file", name);
  const real = realpathSync(file);
  const rel = relative(rootReal, real);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) throw new HttpError(403, `artifact '${name}': expected a file inside the store's reports directory, got a path outside it`, "E_FORBIDDEN");
  return real;
}

export function registerRunRoutes(app: FastifyInstance, { store, runs }: ServerContext): void {
  app.get("/api/runs", async () => ({ runs: store.listRuns().map((r) => runSummary(r, runs.get(r.id) !== undefined)) }));

  app.post("/api/runs", async (req, reply) => {
    const live = runs.start(parseRunBody(req.body));
    const run = store.getRun(live.runId);
    return reply.status(201).send({ runId: live.runId, run: runSummary(run, true) });
  });

  app.get<{ Params: { id: string } }>("/api/runs/:id", async (req) => {
    const r = store.getRun(req.params.id);
    return { ...runSummary(r, runs.get(r.id) !== undefined), scenario: r.scenario, eventCounts: store.eventCounts(r.id), artifacts: store.artifacts(r.id).map((a) => ({ name: a.name, mediaType: a.mediaType })) };
  });

  app.post<{ Params: { id: string } }>("/api/runs/:id/stop", async (req, reply) => {
    const r = store.getRun(req.params.id);
    const live = runs.get(r.id);
    if (live === undefined) throw new HttpError(409, `run '${r.id}': expected a run live in this server, got status '${r.status}'`, "E_NOT_LIVE");
    live.stop();
    const status = await live.finished;
    return reply.status(200).send({ runId: r.id, status });
  });

  app.get<{ Params: { id: string } }>("/api/runs/:id/metrics", async (req) => {
    const r = store.getRun(req.params.id);
    return { runId: r.id, metrics: metricsObject(store.metrics(r.id)) };
  });

  app.get<{ Params: { id: string }; Querystring: { kind?: string; offset?: string; limit?: string } }>("/api/runs/:id/events", async (req) => {
    const r = store.getRun(req.params.id);
    const offset = queryInt(req.query.offset, "offset", 0, Number.MAX_SAFE_INTEGER, 0);
    const limit = queryInt(req.query.limit, "limit", 1, EVENTS_PAGE_MAX, 1000);
    const kind = req.query.kind;
    if (kind !== undefined && !/^[\w-]{1,40}$/.test(kind)) throw InputError.of("kind", "an event kind such as veto", kind);
    const all = store.events(r.id).filter((e) => kind === undefined || e.kind === kind);
    return { runId: r.id, total: all.length, offset, events: all.slice(offset, offset + limit) };
  });

  app.get<{ Params: { id: string } }>("/api/runs/:id/constellation", async (req) => {
    const r = store.getRun(req.params.id);
    return constellationLayout(r.scenario.mesh.nodes, r.scenario.mesh.clusterSize);
  });

  app.get<{ Params: { id: string } }>("/api/runs/:id/solar-system", async (req) => solarLayout(store.getRun(req.params.id).scenario));

  app.get<{ Querystring: { nodes?: string; clusterSize?: string } }>("/api/constellation", async (req) => {
    return constellationLayout(queryInt(req.query.nodes, "nodes", 1, 100_000, 1000), queryInt(req.query.clusterSize, "clusterSize", 1, 100_000, 125));
  });

  app.post<{ Params: { id: string } }>("/api/runs/:id/report", async (req) => {
    const r = store.getRun(req.params.id);
    if (runs.get(r.id) !== undefined) throw new HttpError(409, `run '${r.id}': expected a finished run, got one still running`, "E_RUNNING");
    const rep = writeReportFor(store, r.id);
    return { runId: r.id, verdicts: rep.verdicts, artifacts: store.artifacts(r.id).map((a) => ({ name: a.name, mediaType: a.mediaType })) };
  });

  app.get<{ Params: { id: string; name: string } }>("/api/runs/:id/artifacts/:name", async (req, reply) => {
    const r = store.getRun(req.params.id);
    const name = req.params.name;
    if (!ARTIFACT_NAME.test(name) || name.includes("..")) throw InputError.of("artifact", "a file name such as report.html (letters, digits, . _ -)", name);
    const a = store.artifacts(r.id).find((x) => x.name === name);
    if (a === undefined) throw new NotFoundError("artifact", name, `of run ${r.id}`);
    const file = artifactFile(reportsRoot(store), a.path, name);
    return reply.type(a.mediaType).header("content-length", statSync(file).size).send(createReadStream(file));
  });
}
