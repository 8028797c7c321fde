/**
 * Every API route against arbitrary bodies, query strings and path parameters (fast-check, seeded
 * in test/setup-fast-check.ts): the answer is never a 500 and never a hang; every refusal is a 4xx
 * with the JSON error body the CLI's messages use ({ error, code }); nothing is started by a body
 * that is not a valid request. Valid requests that start real work (a default 1000-node run, a
 * full falsification) are left to the deterministic tests in app.test.ts.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import fc from "fast-check";
import { startTestServer, stopTestServer, type TestServer } from "./__tests__/harness.js";

const TINY = { name: "tiny", model: "resonance-mesh", run: { seed: 3, durationS: 2e-8, tickS: 1e-9, sampleEveryS: 1e-9, checkpointEveryS: 1e-8 }, mesh: { nodes: 20, dim: 4, clusterSize: 10 } };
const RUNS = 150;

let s: TestServer;
let runId: string;

beforeAll(async () => {
  s = await startTestServer("pqms-fuzz-");
  const r = await s.app.inject({ method: "POST", url: "/api/runs", payload: { scenario: TINY } });
  runId = (r.json() as { runId: string }).runId;
  for (let i = 0; i < 500 && s.store.getRun(runId).status === "running"; i++) await new Promise((res) => setTimeout(res, 20));
});

afterAll(async () => {
  await stopTestServer(s);
});

/** A 4xx/2xx answer with a JSON error body whenever it is a refusal. */
function expectWellFormed(r: { statusCode: number; body: string; headers: Record<string, unknown> }, what: string): void {
  expect(r.statusCode, `${what} → ${r.statusCode} ${r.body.slice(0, 200)}`).toBeLessThan(500);
  if (r.statusCode >= 400) {
    const b = JSON.parse(r.body) as { error?: unknown; code?: unknown };
    expect(typeof b.error, what).toBe("string");
    expect(typeof b.code, what).toBe("string");
    expect(b.error as string, what).not.toMatch(/\n\s+at /);
  }
}

/** A body that is a well-typed request of the route (real work: tested elsewhere), not fuzz. */
function isPlausible(body: unknown, keys: readonly string[]): boolean {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const o = body as Record<string, unknown>;
  if (!Object.keys(o).every((k) => keys.includes(k))) return false;
  return o.scenario === undefined || (typeof o.scenario === "object" && o.scenario !== null && !Array.isArray(o.scenario));
}

const anyBody = fc.oneof(
  fc.jsonValue(),
  fc.record({ scenario: fc.oneof(fc.jsonValue(), fc.string()), seed: fc.jsonValue(), extra: fc.jsonValue() }, { requiredKeys: [] }),
  fc.record({ hypotheses: fc.oneof(fc.jsonValue(), fc.array(fc.constantFrom("H1", "H2", "H3", "H4", ""))), replicates: fc.jsonValue(), seed: fc.jsonValue() }, { requiredKeys: [] }),
  fc.record({ set: fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom("nodes", "comparator", "readoutError", "detectorEff", "__proto__", "constructor"), fc.oneof(fc.jsonValue(), fc.string(), fc.double()))) }, { requiredKeys: [] }),
);

/** Arbitrary text as it could appear in a URL (any code points, percent-encoded). */
const urlText = fc.string({ unit: "binary", maxLength: 80 }).map((t) => encodeURIComponent(t));

describe("API fuzz", () => {
  it("POST bodies: any JSON to every POST route is a 2xx or a well-formed 4xx, and starts nothing it should not", async () => {
    const before = s.store.listRuns().length;
    await fc.assert(fc.asyncProperty(fc.constantFrom("/api/runs", "/api/falsify", "/api/falsify/h2-sensitivity", "/api/scenarios/validate", "/api/improve"), anyBody, async (url, body) => {
      if (url === "/api/runs" && isPlausible(body, ["scenario", "seed"])) return;
      if (url === "/api/falsify" && isPlausible(body, ["hypotheses", "replicates", "seed"])) return;
      if (url === "/api/falsify/h2-sensitivity" && isPlausible(body, ["nodes", "seeds", "seed"])) return;
      const r = await s.app.inject({ method: "POST", url, headers: { "content-type": "application/json" }, payload: JSON.stringify(body) });
      expectWellFormed(r, `POST ${url} ${JSON.stringify(body)?.slice(0, 200)}`);
      if (url === "/api/runs") expect(r.statusCode, JSON.stringify(body)).not.toBe(201);
    }), { numRuns: RUNS });
    expect(s.store.listRuns().length).toBe(before);
  });

  it("raw bodies: any bytes under any content type are refused cleanly", async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom("/api/runs", "/api/falsify", "/api/falsify/h2-sensitivity", "/api/scenarios/validate", "/api/improve", `/api/runs/x/stop`),
      fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1))),
      fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16", ""),
      async (url, payload, type) => {
        const r = await s.app.inject({ method: "POST", url, headers: type === "" ? {} : { "content-type": type }, payload });
        expectWellFormed(r, `POST ${url} ${type} ${JSON.stringify(payload).slice(0, 120)}`);
        expect(r.statusCode, payload).not.toBe(201);
      },
    ), { numRuns: RUNS });
  });

  it("queries: any offset, limit, kind, nodes, clusterSize and quick", async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom("events", "constellation", "audit"),
      fc.dictionary(fc.constantFrom("offset", "limit", "kind", "nodes", "clusterSize", "quick", "token", "x"), fc.oneof(urlText, fc.integer().map(String), fc.constantFrom("-1", "1e3", "0x10", "99999999999999999999", "true", "1.5"))),
      async (route, query) => {
        if (route === "audit" && query.quick === "false") return; // the full audit: app.test.ts
        const qs = Object.entries(query).map(([k, v]) => `${k}=${v}`).join("&");
        const url = route === "events" ? `/api/runs/${runId}/events?${qs}` : route === "constellation" ? `/api/constellation?${qs}` : `/api/audit?${qs}`;
        if (route === "audit" && query.quick === undefined) return; // also the full audit
        const r = await s.app.inject({ url });
        expectWellFormed(r, `GET ${url}`);
      },
    ), { numRuns: RUNS });
  });

  it("path parameters: any run id and artifact name on every run route", async () => {
    await fc.assert(fc.asyncProperty(
      fc.oneof(urlText, fc.constant(runId), fc.constant(runId.slice(0, 6)), fc.constantFrom("..", "%2e%2e", "run-%00", "_", "%25")),
      fc.constantFrom("GET ", "GET /metrics", "GET /events", "GET /constellation", "GET /stream", "POST /stop", "POST /report", "GET /artifacts/"),
      fc.oneof(urlText, fc.constantFrom("report.html", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "a".repeat(300))),
      async (id, route, name) => {
        const [method, tail] = route.split(" ") as [string, string];
        if (id === "") return; // "/api/runs/" is the list
        if (route === "POST /report" && runId.startsWith(id)) return; // renders the real report (PNG): app.test.ts
        const url = `/api/runs/${id}${tail}${tail === "/artifacts/" ? name : ""}`;
        const r = await s.app.inject({ method: method as "GET" | "POST", url });
        expectWellFormed(r, `${method} ${url}`);
      },
    ), { numRuns: RUNS });
  });
});
