/**
 * A private redis-server for one test file: Debian's `redis-server` on a free 127.0.0.1 port, in
 * a temp directory, with persistence off (`--save '' --appendonly no`). Tests never use a system
 * service or share a server. Returns undefined when `redis-server` is not on PATH (the caller
 * skips with a message; `.ci/run` installs it through scripts/system-deps.sh).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";

export interface TestRedis {
  readonly port: number;
  readonly url: string;
  /** Stop the server (SIGTERM to the process we started) and remove its directory. */
  stop(): Promise<void>;
}

/** Is `redis-server` on PATH? */
export function haveRedisServer(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).error === undefined;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a !== null ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

async function answers(port: number): Promise<boolean> {
  const c = new Redis({ host: "127.0.0.1", port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  c.on("error", () => {});
  try {
    await c.connect();
    return (await c.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    c.disconnect();
  }
}

function exited(p: ChildProcess): Promise<void> {
  return p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once("exit", () => r()));
}

/** Start a redis-server on `port` (persistence off); undefined if it does not answer (port taken). */
export async function startRedisOn(port: number): Promise<TestRedis | undefined> {
  const dir = mkdtempSync(join(tmpdir(), "pqms-redis-"));
  const proc = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], { stdio: "ignore" });
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null && proc.pid !== undefined) process.kill(proc.pid, "SIGTERM");
    await exited(proc);
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100 && proc.exitCode === null; i++) {
    if (await answers(port)) return { port, url: `redis://127.0.0.1:${port}`, stop };
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  return undefined;
}

/** Start a private server; undefined if redis-server is not installed. */
export async function startRedis(): Promise<TestRedis | undefined> {
  if (!haveRedisServer()) return undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = await startRedisOn(await freePort());
    if (r !== undefined) return r; // else: port taken meanwhile, or a slow start: try another port
  }
  throw new Error("could not start a private redis-server on 127.0.0.1");
}
