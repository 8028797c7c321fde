/**
 * Experiments off the server's thread: while POST /api/falsify runs on the experiment
 * thread, GET /api/runs is answered; the answer is the same records `runFalsify` gives in-process
 * (§6's H3), and the full audit is computed once and shared by concurrent first requests.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFalsify, SIMULATION_CANNOT_SUPPORT } from "../experiments/falsify/index.js";
import type { RunStore } from "../store/run-store.js";
import { startTestServer, stopTestServer } from "./__tests__/harness.js";

let dir: string;
let store: RunStore;
let app: FastifyInstance;

beforeAll(async () => {
  ({ dir, store, app } = await startTestServer("pqms-exp-"));
});

afterAll(async () => {
  await stopTestServer({ dir, store, app });
});

describe("experiments on a worker thread", () => {
  it("GET /api/runs is answered while POST /api/falsify is still running; the falsify answer equals runFalsify's", async () => {
    const order: string[] = [];
    const body = { hypotheses: ["H3"], replicates: 4, seed: 9 };
    const falsify = app.inject({ method: "POST", url: "/api/falsify", payload: body }).then((r) => { order.push("falsify"); return r; });
    await new Promise((r) => setTimeout(r, 20)); // the falsify request is being handled now
    const runs = await app.inject({ url: "/api/runs" });
    order.push("runs");
    expect(runs.statusCode).toBe(200);
    const f = await falsify;
    expect(order).toEqual(["runs", "falsify"]);
    expect(f.statusCode).toBe(200);
    expect(f.json()).toEqual(JSON.parse(JSON.stringify({ caveat: SIMULATION_CANNOT_SUPPORT, hypotheses: runFalsify(["H3"], { replicates: 4, seed: 9 }) })));
  });

  it("the full audit runs once on the thread for concurrent first requests; the quick one is answered meanwhile", async () => {
    const order: string[] = [];
    const a1 = app.inject({ url: "/api/audit" }).then((r) => { order.push("full"); return r; });
    const a2 = app.inject({ url: "/api/audit?quick=false" });
    await new Promise((r) => setTimeout(r, 20));
    const quick = await app.inject({ url: "/api/audit?quick=true" });
    order.push("quick");
    const [r1, r2] = await Promise.all([a1, a2]);
    expect(order).toEqual(["quick", "full"]);
    expect(r1.statusCode).toBe(200);
    const full = r1.json() as { quick: boolean; claims: Array<{ id: string; simulation?: unknown; twin: { verdict: string } | null }> };
    expect(full.quick).toBe(false);
    // §5.2's claims carry the Earth–Mars twin's reading beside their arithmetic; the quick audit skips it.
    expect(full.claims.find((c) => c.id === "s52-latency")?.twin?.verdict).toBe("contradicted by simulation");
    expect(r2.json()).toEqual(full);
    const q = quick.json() as { claims: Array<{ twin: unknown }> };
    expect(full.claims.length).toBeGreaterThan(q.claims.length);
    expect(q.claims.every((c) => c.twin === null)).toBe(true);
  });
});
