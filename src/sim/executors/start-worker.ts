/**
 * Start a worker thread on a module next to the caller, from compiled JS or from TypeScript.
 *
 * After `npm run build` the caller is `dist/…/x.js` and the worker is the compiled `.js` beside
 * it. Under tsx or vitest the caller is a `.ts` file: a small bootstrap registers tsx's ESM
 * loader inside the new thread, then imports the `.ts` worker source (the approach of
 * experiments/coherence/coherence-parallel.ts). No build step is needed for the tests.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * @param callerUrl  `import.meta.url` of the module starting the worker.
 * @param stem       worker module path relative to the caller, without extension (`./run-worker`).
 * @param workerData passed to the thread (structured clone; SharedArrayBuffers are shared).
 */
export function startWorker(callerUrl: string, stem: string, workerData: unknown): Worker {
  const ts = callerUrl.endsWith(".ts");
  const url = new URL(`${stem}${ts ? ".ts" : ".js"}`, callerUrl);
  if (!ts) return new Worker(url, { workerData });
  const tsxDir = dirname(createRequire(callerUrl).resolve("tsx/package.json"));
  const api = pathToFileURL(join(tsxDir, "dist/esm/api/index.mjs")).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
