/**
 * Real-Chromium page tests: Debian's /usr/bin/chromium driven by playwright-core, headless with
 * nothing reaching out of the machine, and a server over a fresh store in a temporary folder that
 * serves a vite build of web/ made into that folder.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { openStore, type RunStore } from "../../src/store/run-store.js";
import { buildServer } from "../../src/server/app.js";

export const CHROMIUM = "/usr/bin/chromium";
/** Headless, no sandbox (containers), and none of Chromium's own calls home. */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
/** Whether Chromium is installed; the browser tests skip (saying why, once per file) when it is not. */
export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/browser: SKIPPED — ${CHROMIUM} is absent (apt-get install chromium; scripts/system-deps.sh does it for npm test)`);

/** Launch Chromium with the flags above. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface BrowserServer {
  readonly dir: string;
  readonly store: RunStore;
  readonly app: FastifyInstance;
  readonly browser: Browser;
  /** The server's listening address, e.g. http://127.0.0.1:41234. */
  readonly origin: string;
}

/**
 * Build web/ into a new temporary folder (named from `prefix`), open a store there, serve both on
 * a free loopback port and launch Chromium. `writeReports` passes through to the server.
 */
export async function startBrowserServer(prefix: string, server: { writeReports?: boolean } = {}): Promise<BrowserServer> {
  const s: { -readonly [K in keyof BrowserServer]?: BrowserServer[K] } = { dir: mkdtempSync(join(tmpdir(), prefix)) };
  try {
    const dir = s.dir!;
    const webDir = join(dir, "web");
    await build({ root: resolve("web"), logLevel: "warn", build: { outDir: webDir, emptyOutDir: true, sourcemap: false } });
    const store = (s.store = openStore(join(dir, "runs.db")));
    const app = (s.app = await buildServer({ store, webDir, ...server }));
    const origin = (s.origin = await app.listen({ port: 0, host: "127.0.0.1" }));
    const browser = await launchChromium();
    return { dir, store, app, browser, origin };
  } catch (e) {
    await stopBrowserServer(s); // what did start is closed, and the folder removed, before the failure is reported
    throw e;
  }
}

/** Close whatever of a BrowserServer was started (any part may be missing if the start failed), and remove its folder. */
export async function stopBrowserServer(s: Partial<BrowserServer>): Promise<void> {
  await s.browser?.close();
  await s.app?.close();
  s.store?.close();
  if (s.dir) rmSync(s.dir, { recursive: true, force: true });
}
