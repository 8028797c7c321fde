/** A server on a fresh temporary store, for the API tests (never built into dist/). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { openStore, type RunStore } from "../../store/run-store.js";
import { buildServer } from "../app.js";

export interface TestServer {
  readonly dir: string;
  readonly store: RunStore;
  readonly app: FastifyInstance;
}

/** Start a server over a new store in a temporary folder (the SPA folder does not exist). */
export async function startTestServer(prefix: string): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = openStore(join(dir, "runs.db"));
  const app = await buildServer({ store, webDir: join(dir, "no-web") });
  return { dir, store, app };
}

/** Close the server and the store, and remove the folder. */
export async function stopTestServer(s: TestServer): Promise<void> {
  await s.app.close();
  s.store.close();
  rmSync(s.dir, { recursive: true, force: true });
}
