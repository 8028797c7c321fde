/**
 * Who may talk to the dashboard (guard.ts) and what it leaves in its log: a forged Host (DNS
 * rebinding) and a cross-site state-changing request are refused with 403 before any route runs,
 * on the in-process server and on a real `pqms serve` process; the dashboard's own pages and
 * scripts without browser headers still work; a JSON `null` body is a 400, not a default run;
 * the request log has one line a request and a 500's stack with its request id.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawn } from "node:child_process";
import { request } from "node:http";
import { Writable } from "node:stream";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestServer, stopTestServer, type TestServer } from "./__tests__/harness.js";
import { buildServer } from "./app.js";
import { openStore } from "../store/run-store.js";
import { allowedHostNames, checkHost, checkOrigin, hostName } from "./guard.js";

/** A mesh small enough to run in milliseconds (20 nodes, 20 ticks). */
const TINY = { name: "tiny", model: "resonance-mesh", run: { seed: 3, durationS: 2e-8, tickS: 1e-9, sampleEveryS: 1e-9, checkpointEveryS: 1e-8 }, mesh: { nodes: 20, dim: 4, clusterSize: 10 } };

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer("pqms-guard-");
});
afterAll(async () => {
  await stopTestServer(s);
});

describe("Host: only loopback names (DNS rebinding)", () => {
  it("answers localhost, 127.0.0.1 and [::1] with any port", async () => {
    for (const host of ["localhost", "localhost:8080", "127.0.0.1:5173", "[::1]:8080", "LOCALHOST:1"]) {
      const r = await s.app.inject({ url: "/api/runs", headers: { host } });
      expect(r.statusCode, host).toBe(200);
    }
  });

  it("refuses any other name with 403 naming the host, for reads and writes", async () => {
    for (const host of ["evil.example", "evil.example:8080", "127.0.0.1.evil.example", "localhost.evil.example", "10.0.0.5:8080", "a b"]) {
      const get = await s.app.inject({ url: "/api/runs", headers: { host } });
      expect(get.statusCode, host).toBe(403);
      expect(get.json().code).toBe("E_HOST");
      const post = await s.app.inject({ method: "POST", url: "/api/runs", headers: { host }, payload: { scenario: TINY } });
      expect(post.statusCode, host).toBe(403);
    }
    expect((await s.app.inject({ url: "/api/runs", headers: { host: "evil.example" } })).json().error).toMatch(/^host: expected one of localhost, 127\.0\.0\.1, \[::1\] .*got "evil\.example"$/);
    expect(s.store.listRuns()).toHaveLength(0); // the forged POST started nothing
  });

  it("adds the public names only when a token protects the API", () => {
    expect(allowedHostNames(undefined, ["pqms.example.org"]).has("pqms.example.org")).toBe(false);
    const withToken = allowedHostNames("0123456789abcdef", ["PQMS.example.org", "::2"]);
    expect(() => checkHost(withToken, "pqms.example.org:443")).not.toThrow();
    expect(() => checkHost(withToken, "[::2]:80")).not.toThrow();
    expect(() => checkHost(withToken, "other.example.org")).toThrow(/host: expected/);
    expect(hostName("[::1]:8080")).toBe("[::1]");
    expect(hostName("x/y")).toBeUndefined();
  });
});

describe("Origin / Sec-Fetch-Site: no cross-site state changes", () => {
  it("refuses a cross-site POST to start or stop runs with 403, before anything runs", async () => {
    const cases: Array<Record<string, string>> = [
      { origin: "http://evil.example" },
      { origin: "http://localhost:9999" }, // another port is another origin
      { origin: "null" },
      { origin: "file://" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "http://localhost:80", "sec-fetch-site": "cross-site" },
    ];
    for (const h of cases) {
      const start = await s.app.inject({ method: "POST", url: "/api/runs", headers: { host: "localhost:80", ...h }, payload: { scenario: TINY } });
      expect(start.statusCode, JSON.stringify(h)).toBe(403);
      expect(start.json().code).toBe("E_CROSS_SITE");
      const stop = await s.app.inject({ method: "POST", url: "/api/runs/run-0000/stop", headers: { host: "localhost:80", ...h } });
      expect(stop.statusCode, JSON.stringify(h)).toBe(403);
    }
    expect(s.store.listRuns()).toHaveLength(0);
  });

  it("lets the dashboard's own pages and scripts without browser headers through", async () => {
    const own = await s.app.inject({ method: "POST", url: "/api/scenarios/validate", headers: { host: "127.0.0.1:8080", origin: "http://127.0.0.1:8080", "sec-fetch-site": "same-origin" }, payload: { scenario: TINY } });
    expect(own.statusCode).toBe(200);
    const curl = await s.app.inject({ method: "POST", url: "/api/scenarios/validate", payload: { scenario: TINY } });
    expect(curl.statusCode).toBe(200);
    // A cross-site GET is harmless (the browser does not let the page read it) and allowed.
    const get = await s.app.inject({ url: "/api/health", headers: { "sec-fetch-site": "cross-site", origin: "http://evil.example" } });
    expect(get.statusCode).toBe(200);
    expect(() => checkOrigin("POST", { host: "localhost", origin: "http://localhost:80" })).not.toThrow(); // default port
    expect(() => checkOrigin("POST", { host: "localhost", origin: "https://localhost" })).not.toThrow();
    expect(() => checkOrigin("DELETE", { host: "localhost:1", origin: "http://localhost:2" })).toThrow(/origin: expected/);
  });
});

describe("bodies that are not objects", () => {
  it("refuses null, arrays and scalars with 400 instead of starting a default run", async () => {
    for (const payload of ["null", "[]", "3", "\"v3000-default\"", "true"]) {
      for (const url of ["/api/runs", "/api/falsify", "/api/falsify/h2-sensitivity", "/api/scenarios/validate"]) {
        const r = await s.app.inject({ method: "POST", url, headers: { "content-type": "application/json" }, payload });
        expect(r.statusCode, `${url} ${payload}`).toBe(400);
        expect(r.json().error, `${url} ${payload}`).toMatch(/body: expected a JSON object/);
      }
    }
    expect(s.store.listRuns()).toHaveLength(0);
  });
});

describe("request log", () => {
  it("writes one line a request at info, redacts ?token=, and logs a 500 with its request id and stack", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pqms-log-"));
    const lines: string[] = [];
    const sink = new Writable({ write(chunk: Buffer, _enc, cb) { lines.push(...chunk.toString().split("\n").filter((l) => l !== "")); cb(); } });
    const store = openStore(join(dir, "runs.db"));
    const app = await buildServer({ store, webDir: join(dir, "no-web"), logLevel: "info", logStream: sink, token: "0123456789abcdef0123" });
    app.get("/api/broken", async () => {
      throw new Error("a bug in a route");
    });
    try {
      await app.inject({ url: "/api/health?token=0123456789abcdef0123" });
      const broken = await app.inject({ url: "/api/broken", headers: { authorization: "Bearer 0123456789abcdef0123" } });
      expect(broken.statusCode).toBe(500);
      expect(broken.body).not.toMatch(/a bug in a route|at /); // no stack to the client
      const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const requests = records.filter((r) => r.msg === "request");
      expect(requests.map((r) => [r.url, r.statusCode])).toEqual([["/api/health?token=<redacted>", 200], ["/api/broken", 500]]);
      expect(requests.every((r) => r.level === 30)).toBe(true); // pino's info
      const err = records.find((r) => r.msg === "internal error") as { reqId: string; err: { stack: string }; level: number };
      expect(err.level).toBe(50);
      expect(err.err.stack).toMatch(/a bug in a route\n\s+at /);
      expect(err.reqId).toBe(requests[1]?.reqId);
      expect(lines.join("\n")).not.toContain("0123456789abcdef0123");
    } finally {
      await app.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** One HTTP request with raw headers (fetch would not let us forge Host). */
function raw(port: number, method: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers, setHost: headers.host === undefined }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("a real `pqms serve` process", () => {
  it("refuses a forged Host and a forged Origin, serves its own, logs each request on stderr", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pqms-serve-"));
    const proc = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve", "--port", "0", "--db", join(dir, "runs.db"), "--web", join(dir, "no-web")], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    try {
      const port = await new Promise<number>((resolve, reject) => {
        proc.stderr.on("data", (d: Buffer) => {
          err += d.toString();
          const m = /dashboard at http:\/\/127\.0\.0\.1:(\d+)/.exec(err);
          if (m) resolve(Number(m[1]));
        });
        proc.once("exit", (code) => reject(new Error(`serve exited (${code}): ${err}`)));
      });
      expect((await raw(port, "GET", "/api/runs", { host: "evil.example" })).status).toBe(403);
      expect((await raw(port, "GET", "/api/runs", { host: `evil.example:${port}` })).status).toBe(403);
      expect((await raw(port, "POST", "/api/runs/run-1/stop", { origin: "http://evil.example" })).status).toBe(403);
      expect((await raw(port, "GET", "/api/runs", {})).status).toBe(200);
      expect((await raw(port, "GET", "/api/runs", { host: `localhost:${port}` })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 200)); // let the log lines arrive
      const logged = err.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { msg: string; statusCode: number });
      expect(logged.filter((l) => l.msg === "request").map((l) => l.statusCode)).toEqual([403, 403, 403, 200, 200]);
    } finally {
      if (proc.exitCode === null) proc.kill("SIGTERM");
      await new Promise((r) => (proc.exitCode === null ? proc.once("exit", r) : r(undefined)));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
