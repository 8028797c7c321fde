/**
 * /api/improve reruns `pqms improve`'s derivation at the assumptions a request sets: the answer is
 * runImprove's own (no hypotheses), a dependent figure moves by the law's factor, bad names and
 * values are 400s naming `body.set.<name>` with what was expected, and a cross-site POST is refused.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImprove } from "../experiments/improve/index.js";
import type { RunStore } from "../store/run-store.js";
import { startTestServer, stopTestServer } from "./__tests__/harness.js";

let dir: string;
let store: RunStore;
let app: FastifyInstance;

beforeAll(async () => {
  ({ dir, store, app } = await startTestServer("pqms-improve-"));
});

afterAll(async () => {
  await stopTestServer({ dir, store, app });
});

interface Answer { set: Record<string, string>; changes: Array<{ claim: string; achievable: number | null; setBy: Array<{ name: string; value: unknown }> }>; scenario: { yaml: string } }
const achievable = (a: Answer, id: string) => a.changes.find((c) => c.claim === id)!.achievable!;

describe("/api/improve", () => {
  it("GET answers runImprove's changes, placements and scenario at the default assumptions", async () => {
    const r = await app.inject({ url: "/api/improve" });
    expect(r.statusCode).toBe(200);
    const want = runImprove({ hypotheses: false });
    expect(r.json()).toEqual(JSON.parse(JSON.stringify({ set: {}, assumptions: want.assumptions, changes: want.changes, placements: want.placements, scenario: want.scenario })));
  });

  it("POST { set } moves the dependent figures: half the detector efficiency doubles the photons a read-out needs (n̄ = ln(1/2ε)/η)", async () => {
    const base = (await app.inject({ url: "/api/improve" })).json<Answer>();
    const r = await app.inject({ method: "POST", url: "/api/improve", payload: { set: { detectorEfficiency: 0.465, junctionIcRnV: "2e-3" } } });
    expect(r.statusCode).toBe(200);
    const moved = r.json<Answer>();
    expect(moved.set).toEqual({ detectorEfficiency: "0.465", junctionIcRnV: "2e-3" });
    expect(achievable(moved, "s22-photons-per-op") / achievable(base, "s22-photons-per-op")).toBeCloseTo(2, 12);
    expect(moved.changes.find((c) => c.claim === "s22-photons-per-op")!.setBy.find((s) => s.name === "detectorEfficiency")!.value).toBe(0.465);
    // The slip Φ₀/(I_cR_N) halves: the veto is faster by Φ₀/2 mV.
    expect(achievable(base, "s23-veto-time") - achievable(moved, "s23-veto-time")).toBeCloseTo(2.067833848e-15 / 2e-3, 18);
    expect(achievable(moved, "s32-failover")).toBe(achievable(base, "s32-failover"));
  });

  it("bad names and values are 400s naming body.set.<name>, every one at once", async () => {
    const r = await app.inject({ method: "POST", url: "/api/improve", payload: { set: { detectorEff: 0.5, detectorEfficiency: 2, comparator: "ttl" } } });
    expect(r.statusCode).toBe(400);
    const b = r.json<{ error: string; code: string; issues: Array<{ path: string; expected: string; got: string }> }>();
    expect(b.code).toBe("E_INPUT");
    expect(b.issues.map((i) => i.path)).toEqual(["body.set.detectorEff", "body.set.detectorEfficiency", "body.set.comparator"]);
    expect(b.issues[0]!.expected).toMatch(/^a technology assumption: detectorEfficiency, /);
    expect(b.issues[1]).toEqual({ path: "body.set.detectorEfficiency", expected: "a finite number in [0.05, 1]", got: "\"2\"" });
    expect(b.issues[2]!.expected).toBe("one of cmos, sfq");
    for (const [payload, path] of [[{ set: [] }, "body.set"], [{ set: { nodes: null } }, "body.set.nodes"], [{ sets: {} }, "body.sets"], [null, "body"]] as const) {
      const x = await app.inject({ method: "POST", url: "/api/improve", headers: { "content-type": "application/json" }, payload: JSON.stringify(payload) });
      expect(x.statusCode, JSON.stringify(payload)).toBe(400);
      expect(x.json<{ error: string }>().error, JSON.stringify(payload)).toContain(`${path}: expected`);
    }
  });

  it("a cross-site POST is refused with 403 before it runs", async () => {
    const r = await app.inject({ method: "POST", url: "/api/improve", headers: { origin: "https://evil.example" }, payload: { set: {} } });
    expect(r.statusCode).toBe(403);
    expect(r.json<{ code: string }>().code).toBe("E_CROSS_SITE");
  });
});
