/**
 * The dashboard API (issue 8): scenarios, runs started here and seen by the store (hence by the
 * CLI), bad and oversized bodies, unknown run ids, path traversal, and the token beyond localhost.
 * Every error answer carries the CLI's `path: expected …, got …` message.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { openStore, type RunStore } from "../store/run-store.js";
import { startTestServer, stopTestServer } from "./__tests__/harness.js";
import { buildServer, BODY_LIMIT_BYTES } from "./app.js";
import { requiredToken, isLoopback } from "./auth.js";
import { resolveScenario } from "../sim/scenario/index.js";
import { Runner } from "../sim/run.js";
import { modelFor } from "../sim/models/index.js";

/** A mesh small enough to run in milliseconds (20 nodes, 20 ticks). */
export const TINY = { name: "tiny", model: "resonance-mesh", run: { seed: 3, durationS: 2e-8, tickS: 1e-9, sampleEveryS: 1e-9, checkpointEveryS: 1e-8 }, mesh: { nodes: 20, dim: 4, clusterSize: 10 } };

let dir: string;
let store: RunStore;
let app: FastifyInstance;

beforeAll(async () => {
  ({ dir, store, app } = await startTestServer("pqms-server-"));
});

afterAll(async () => {
  await stopTestServer({ dir, store, app });
});

async function startTiny(seed = 3): Promise<string> {
  const r = await app.inject({ method: "POST", url: "/api/runs", payload: { scenario: TINY, seed } });
  expect(r.statusCode).toBe(201);
  return (r.json() as { runId: string }).runId;
}

async function waitDone(runId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 500; i++) {
    const r = (await app.inject({ url: `/api/runs/${runId}` })).json() as Record<string, unknown>;
    if (r.status !== "running") return r;
    await new Promise((res) => setTimeout(res, 20));
  }
  throw new Error("run did not finish");
}

describe("scenarios", () => {
  it("lists the bundled examples with their text and serves the JSON Schema", async () => {
    const r = (await app.inject({ url: "/api/scenarios" })).json() as { default: string; examples: Array<{ name: string; text: string }> };
    expect(r.default).toBe("v3000-default");
    expect(r.examples.map((e) => e.name)).toContain("v3000-default");
    expect(r.examples.find((e) => e.name === "v3000-default")?.text).toMatch(/nodes: 1000/);
    const s = (await app.inject({ url: "/api/scenarios/schema" })).json() as { properties: Record<string, unknown> };
    expect(Object.keys(s.properties)).toContain("mesh");
  });

  it("validates a scenario: resolved with defaults, or 400 naming path, expected, got", async () => {
    const ok = await app.inject({ method: "POST", url: "/api/scenarios/validate", payload: { scenario: TINY } });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as { scenario: { odos: { deltaEThreshold: number } } }).scenario.odos.deltaEThreshold).toBe(0.05);
    const bad = await app.inject({ method: "POST", url: "/api/scenarios/validate", payload: { scenario: { ...TINY, mesh: { ...TINY.mesh, nodes: -5 } } } });
    expect(bad.statusCode).toBe(400);
    const body = bad.json() as { error: string; issues: Array<{ path: string; expected: string; got: string }> };
    expect(body.issues[0]?.path).toBe("mesh.nodes");
    expect(body.issues[0]?.got).toBe("-5");
    expect(body.error).toMatch(/mesh\.nodes: expected .*, got -5/);
    const yaml = await app.inject({ method: "POST", url: "/api/scenarios/validate", payload: { scenario: "name: x\nmesh: [unclosed\n" } });
    expect(yaml.statusCode).toBe(400);
    expect(yaml.json().error).toMatch(/expected valid YAML or JSON/);
  });
});

describe("bad requests", () => {
  it("refuses unknown keys, wrong types and a missing scenario with every problem listed", async () => {
    const r = await app.inject({ method: "POST", url: "/api/runs", payload: { seed: -1, colour: "red" } });
    expect(r.statusCode).toBe(400);
    const b = r.json() as { error: string; issues: Array<{ path: string }> };
    expect(b.issues.map((i) => i.path).sort()).toEqual(["body.colour", "body.seed"]);
    expect(b.error).toMatch(/body\.seed: expected an integer in \[0, 4294967295\], got -1/);
    const v = await app.inject({ method: "POST", url: "/api/scenarios/validate", payload: {} });
    expect(v.statusCode).toBe(400);
    expect(v.json().error).toMatch(/body\.scenario: expected a value \(required\), got undefined/);
    const arr = await app.inject({ method: "POST", url: "/api/runs", payload: [1, 2] });
    expect(arr.statusCode).toBe(400);
    expect(arr.json().error).toMatch(/^body: expected a JSON object/);
  });

  it("answers malformed JSON with 400 and a non-JSON content type with 415", async () => {
    const r = await app.inject({ method: "POST", url: "/api/runs", headers: { "content-type": "application/json" }, payload: "{\"seed\": " });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatch(/^body: expected valid JSON, got/);
    const t = await app.inject({ method: "POST", url: "/api/runs", headers: { "content-type": "text/plain" }, payload: "hello" });
    expect(t.statusCode).toBe(415);
    expect(t.json().error).toMatch(/^content-type: expected application\/json/);
  });

  it("answers an oversized body with 413 before parsing it", async () => {
    const big = JSON.stringify({ scenario: "x".repeat(BODY_LIMIT_BYTES + 10) });
    const r = await app.inject({ method: "POST", url: "/api/runs", headers: { "content-type": "application/json" }, payload: big });
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toBe(`body: expected at most ${BODY_LIMIT_BYTES} bytes, got more`);
  });

  it("refuses a scenario name that is a path on the server's disk", async () => {
    for (const name of ["../../etc/passwd", "/etc/passwd", "scenarios/v3000-default.yaml"]) {
      const r = await app.inject({ method: "POST", url: "/api/runs", payload: { scenario: name } });
      expect(r.statusCode, name).toBe(400);
      expect(r.json().error).toMatch(/^body\.scenario: expected a bundled scenario name/);
    }
  });

  it("answers unknown run ids with 404 and malformed ones with 400", async () => {
    for (const url of ["/api/runs/run-00000000", "/api/runs/run-00000000/metrics", "/api/runs/run-00000000/stream", "/api/runs/run-00000000/events"]) {
      const r = await app.inject({ url });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error).toMatch(/^run 'run-00000000' not found/);
    }
    const s = await app.inject({ method: "POST", url: "/api/runs/run-00000000/stop" });
    expect(s.statusCode).toBe(404);
    const bad = await app.inject({ url: "/api/runs/run%20x;drop" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/^runId: expected a run id/);
  });

  it("answers bad query values and unknown routes", async () => {
    expect((await app.inject({ url: "/api/audit?quick=maybe" })).json().error).toBe('quick: expected true or false, got "maybe"');
    expect((await app.inject({ url: "/api/constellation?nodes=0" })).statusCode).toBe(400);
    const nf = await app.inject({ url: "/api/nothing" });
    expect(nf.statusCode).toBe(404);
    expect(nf.json().error).toMatch(/route 'GET \/api\/nothing' not found/);
    const f = await app.inject({ method: "POST", url: "/api/falsify", payload: { hypotheses: ["H4"], replicates: 1 } });
    expect(f.statusCode).toBe(400);
    expect(f.json().issues.map((i: { path: string }) => i.path)).toEqual(["body.hypotheses", "body.replicates"]);
    const s = await app.inject({ method: "POST", url: "/api/falsify/h2-sensitivity", payload: { nodes: 10_000, seeds: 1 } });
    expect(s.statusCode).toBe(400);
    expect(s.json().issues.map((i: { path: string }) => i.path)).toEqual(["body.nodes", "body.seeds"]);
  });
});

describe("runs", () => {
  it("a run started here is in the store (so the CLI sees it), finished, with metrics, events and a report", async () => {
    const id = await startTiny();
    const done = await waitDone(id);
    expect(done.status).toBe("done");
    expect(done.fingerprint).toMatch(/^[0-9a-f]+$/);
    // The same store file, opened as the CLI opens it, holds the run.
    const cli = openStore(join(dir, "runs.db"), { readonly: true });
    try {
      expect(cli.getRun(id).status).toBe("done");
      expect(cli.metrics(id).get("globalRcf")?.value.length).toBe(20);
    } finally {
      cli.close();
    }
    const list = (await app.inject({ url: "/api/runs" })).json() as { runs: Array<{ id: string }> };
    expect(list.runs.map((r) => r.id)).toContain(id);
    const m = (await app.inject({ url: `/api/runs/${id}/metrics` })).json() as { metrics: Record<string, { tNs: number[] }> };
    expect(m.metrics.globalRcf?.tNs[0]).toBe(1);
    expect(m.metrics.globalRcf?.tNs.at(-1)).toBe(20);
    const ev = await app.inject({ url: `/api/runs/${id}/events?limit=5` });
    expect(ev.statusCode).toBe(200);
    const arts = (await app.inject({ url: `/api/runs/${id}` })).json() as { artifacts: Array<{ name: string }> };
    expect(arts.artifacts.map((a) => a.name)).toContain("report.html");
    const html = await app.inject({ url: `/api/runs/${id}/artifacts/report.html` });
    expect(html.statusCode).toBe(200);
    expect(html.headers["content-type"]).toMatch(/text\/html/);
    expect(html.body).toContain(id);
  });

  it("a run driven by the server has the fingerprint of the same scenario run directly (as pqms run does)", async () => {
    const a = await waitDone(await startTiny(11));
    const b = await waitDone(await startTiny(11));
    expect(a.fingerprint).toBe(b.fingerprint);
    const sc = resolveScenario({ ...TINY, run: { ...TINY.run, seed: 11 } });
    const direct = Runner.start(sc, modelFor(sc), { sample() {}, event() {}, checkpoint() {} });
    while (!direct.advance(1000));
    expect(a.fingerprint).toBe(direct.result?.fingerprint);
    const other = await waitDone(await startTiny(12));
    expect(other.fingerprint).not.toBe(a.fingerprint);
  });

  it("stops a live run: checkpointed and marked interrupted, as Ctrl-C does in the CLI", async () => {
    const long = { ...TINY, run: { ...TINY.run, durationS: 1e-3, checkpointEveryS: 1e-6 } };
    const r = await app.inject({ method: "POST", url: "/api/runs", payload: { scenario: long } });
    const id = (r.json() as { runId: string }).runId;
    await new Promise((res) => setTimeout(res, 100));
    const s = await app.inject({ method: "POST", url: `/api/runs/${id}/stop` });
    expect(s.statusCode).toBe(200);
    expect(s.json().status).toBe("interrupted");
    expect(store.latestCheckpoint(id)).toBeDefined();
    const again = await app.inject({ method: "POST", url: `/api/runs/${id}/stop` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatch(/expected a run live in this server, got status 'interrupted'/);
  });

  it("streams a recorded run as a snapshot then end", async () => {
    const id = await startTiny(5);
    await waitDone(id);
    const r = await app.inject({ url: `/api/runs/${id}/stream` });
    expect(r.headers["content-type"]).toMatch(/text\/event-stream/);
    const blocks = r.body.trim().split("\n\n");
    expect(blocks[0]).toMatch(/^event: snapshot\ndata: /);
    const snap = JSON.parse((blocks[0] as string).split("\ndata: ")[1] as string) as { metrics: Record<string, { value: number[] }> };
    expect(snap.metrics.globalRcf?.value.length).toBe(20);
    expect(blocks.at(-1)).toBe('event: end\ndata: {"status":"done"}');
  });
});

describe("artifacts cannot escape the store", () => {
  it("refuses traversal in the name and recorded paths outside the reports directory", async () => {
    const id = await startTiny(7);
    await waitDone(id);
    for (const name of ["..%2F..%2Fruns.db", "..%2Fx", ".hidden", "a%00b"]) {
      const r = await app.inject({ url: `/api/runs/${id}/artifacts/${name}` });
      expect(r.statusCode, name).toBe(400);
      expect(r.json().error).toMatch(/^artifact: expected a file name/);
    }
    const r2 = await app.inject({ url: `/api/runs/${id}/artifacts/../../runs.db` });
    expect([400, 404]).toContain(r2.statusCode);
    // An artifact whose recorded path points outside (a tampered store) is refused with 403.
    const outside = join(dir, "secret.txt");
    writeFileSync(outside, "secret");
    store.addArtifact(id, { name: "evil.txt", mediaType: "text/plain", path: outside });
    mkdirSync(join(dir, "reports"), { recursive: true });
    const r3 = await app.inject({ url: `/api/runs/${id}/artifacts/evil.txt` });
    expect(r3.statusCode).toBe(403);
    expect(r3.body).not.toContain("secret\"");
    expect(r3.json().error).toMatch(/expected a file inside the store's reports directory/);
    expect((await app.inject({ url: `/api/runs/${id}/artifacts/nope.svg` })).statusCode).toBe(404);
  });
});

describe("token beyond localhost", () => {
  it("requires a token to bind beyond loopback, and the API then refuses requests without it", async () => {
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("0.0.0.0")).toBe(false);
    expect(() => requiredToken("0.0.0.0", undefined)).toThrow(/--token: expected a token .* when bound beyond localhost/);
    expect(() => requiredToken("0.0.0.0", "short")).toThrow(/--token: expected at least 16 characters, got 5 characters/);
    expect(requiredToken("127.0.0.1", undefined)).toBeUndefined();
    const token = "0123456789abcdef-token";
    const guarded = await buildServer({ store, token, webDir: join(dir, "no-web") });
    try {
      const none = await guarded.inject({ url: "/api/runs" });
      expect(none.statusCode).toBe(401);
      expect(none.json().error).toMatch(/^authorization: expected 'Bearer <token>'/);
      const wrong = await guarded.inject({ url: "/api/runs", headers: { authorization: "Bearer nope" } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error).toMatch(/got a different one/);
      expect((await guarded.inject({ url: "/api/runs", headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
      expect((await guarded.inject({ url: `/api/runs?token=${token}` })).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
