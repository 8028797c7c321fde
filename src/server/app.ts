/**
 * The dashboard server: Fastify serving the built SPA and a JSON API over the run store, the run
 * loop and the experiments. Thin by design: it parses, calls the same functions the CLI calls,
 * and renders JSON. See docs/DASHBOARD.md for the API.
 */
import Fastify, { LogController, type FastifyInstance, type FastifyError, type FastifyReply, type FastifyRequest } from "fastify";
import fastifyStatic from "@fastify/static";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { packagePath } from "../package-root.js";
import type { RunStore } from "../store/run-store.js";
import { checkToken } from "./auth.js";
import { allowedHostNames, checkHost, checkOrigin } from "./guard.js";
import { toHttpError } from "./http-error.js";
import { RunManager } from "./run-manager.js";
import { registerScenarioRoutes } from "./routes/scenarios.js";
import { registerRunRoutes } from "./routes/runs.js";
import { registerStreamRoutes } from "./routes/stream.js";
import { registerExperimentRoutes } from "./routes/experiments.js";
import { registerImproveRoutes } from "./routes/improve.js";

/** Largest request body accepted, bytes (a scenario is a few kB). */
export const BODY_LIMIT_BYTES = 512 * 1024;

/** Where `npm run build` puts the SPA: <package>/dist/web. */
export const DEFAULT_WEB_DIR = packagePath("dist/web");

export interface ServerOptions {
  readonly store: RunStore;
  /** Required on every /api request when set (the CLI sets it whenever bound beyond localhost). */
  readonly token?: string;
  /** Directory of the built SPA; when absent "/" explains how to build it. */
  readonly webDir?: string;
  /** Write the HTML report when a run finishes (default true). */
  readonly writeReports?: boolean;
  /** Host names accepted besides loopback ones; only with a token (see guard.ts). */
  readonly publicHosts?: readonly string[];
  /** Log level of the request log (pino): fatal, error, warn, info, debug, trace or silent (default). */
  readonly logLevel?: LogLevel;
  /** Where log lines go (default stderr). */
  readonly logStream?: NodeJS.WritableStream;
}

/** Levels `--log-level` accepts (pino's). */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A request's URL for the log: the token in `?token=` never reaches a log file. */
export function loggedUrl(url: string): string {
  return url.replace(/([?&]token=)[^&]*/gi, "$1<redacted>");
}

/** One line a request (method, URL, status, ms) instead of Fastify's two. */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(_error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    reply.log.info({ method: req.method, url: loggedUrl(req.url), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, "request");
  }
}

/** Shared by the route files. */
export interface ServerContext {
  readonly store: RunStore;
  readonly runs: RunManager;
}

/** Fastify's own errors, rewritten in our `path: expected …, got …` form. */
function frameworkError(err: FastifyError): Error | FastifyError {
  const make = (statusCode: number, message: string, code: string) => Object.assign(new Error(message), { statusCode, code });
  switch (err.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE": return make(413, `body: expected at most ${BODY_LIMIT_BYTES} bytes, got more`, "E_TOO_LARGE");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE": return make(415, `content-type: expected application/json, got ${err.message.replace(/^Unsupported Media Type:?\s*/i, "") || "another type"}`, "E_MEDIA_TYPE");
    case "FST_ERR_CTP_EMPTY_JSON_BODY": return make(400, "body: expected a JSON object, got an empty body", "E_INPUT");
    case "FST_ERR_CTP_INVALID_JSON_BODY": return make(400, `body: expected valid JSON, got ${err.message}`, "E_INPUT");
    default:
      if (err instanceof SyntaxError || err.statusCode === 400 && /JSON/.test(err.message)) return make(400, `body: expected valid JSON, got ${err.message}`, "E_INPUT");
      return err;
  }
}

/** Build (not start) the server. Close it to stop live runs (checkpointed as `interrupted`). */
export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES, routerOptions: { maxParamLength: 200 },
    logger: { level: o.logLevel ?? "silent", stream: o.logStream ?? process.stderr },
    logController: new OneLinePerRequest(),
  });
  app.removeContentTypeParser("text/plain"); // the API speaks JSON only: anything else is a 415
  const ctx: ServerContext = { store: o.store, runs: new RunManager(o.store, o.writeReports ?? true) };

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const { status, body } = toHttpError(frameworkError(err));
    // A 500 is a bug: its stack goes to the log (with the request id), never to the client.
    if (status >= 500) req.log.error({ err, method: req.method, url: loggedUrl(req.url) }, "internal error");
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send({ error: `route '${req.method} ${req.url.split("?")[0]}' not found (see docs/DASHBOARD.md)`, code: "E_NOT_FOUND" });
  });
  const hosts = allowedHostNames(o.token, o.publicHosts ?? []);
  app.addHook("onRequest", async (req) => {
    checkHost(hosts, req.headers.host);
    checkOrigin(req.method, req.headers);
  });
  if (o.token !== undefined) {
    const token = o.token;
    app.addHook("onRequest", async (req) => {
      if (!req.url.startsWith("/api/")) return;
      checkToken(token, req.headers.authorization, (req.query as Record<string, string | undefined>).token);
    });
  }
  app.addHook("onSend", async (_req, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    // The SPA loads nothing from elsewhere; say so to the browser too.
    reply.header("content-security-policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'");
    return payload;
  });
  app.addHook("onClose", async () => ctx.runs.stopAll());

  registerScenarioRoutes(app, ctx);
  registerRunRoutes(app, ctx);
  registerStreamRoutes(app, ctx);
  registerExperimentRoutes(app, ctx);
  registerImproveRoutes(app, ctx);

  const webDir = o.webDir ?? DEFAULT_WEB_DIR;
  if (existsSync(resolve(webDir, "index.html"))) {
    await app.register(fastifyStatic, { root: resolve(webDir), index: "index.html", dotfiles: "deny" });
  } else {
    app.get("/", async (_req, reply) => reply.type("text/plain").send(`pqms dashboard: the SPA is not built (${webDir} has no index.html). Run: npm run build\nThe API is at /api/.\n`));
  }
  return app;
}
