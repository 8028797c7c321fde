/**
 * The live view's fault reducer (web/src/fault-state.ts) on synthetic events of the kinds the
 * mesh run's `faults` section records (§3.2 failover): leader, SMCs down, failed nodes
 * until their reload, and CME halos growing one ring per `ringEveryNs` until the storm ends.
 */
import { describe, expect, it } from "vitest";
import { applyFaultEvent, cmeHalos, faultStateAt, newFaultState } from "../../web/src/fault-state.js";
import { decodeNodeFrame } from "../../web/src/node-frame.js";

const ev = (tNs: number, kind: string, data: Record<string, number> = {}) => ({ tNs, kind, data });
const EVENTS = [
  ev(0, "leaderChange", { leader: 2, term: 1 }),
  ev(5, "veto", { node: 1, deltaE: 0.06 }),
  ev(10, "nodeFail", { node: 7, smc: 2 }),
  ev(12, "nodeLost", { node: 9 }),
  ev(20, "smcCrash", { smc: 2 }),
  ev(25, "leaderChange", { leader: 4, term: 2 }),
  ev(26, "leaderFailover", { failoverS: 0.4 }),
  ev(30, "reload", { node: 7, smc: 4 }),
  ev(40, "stormStart", { cme: 0, nodes: 50, centerNode: 33, rings: 3, ringEveryNs: 10 }),
  ev(45, "stormStart", { cme: 1, nodes: 8 }),
  ev(50, "smcRestart", { smc: 2 }),
  ev(90, "stormEnd", { cme: 0, nodes: 50 }),
];

describe("fault reducer", () => {
  it("follows the leader, SMCs down and failed nodes until their reload", () => {
    const a = faultStateAt(EVENTS, 21);
    expect(a.leader).toBe(-1); // the leader crashed, no new one yet
    expect([...a.smcDown]).toEqual([2]);
    expect([...a.failed].sort()).toEqual([7, 9]);
    const b = faultStateAt(EVENTS, 55);
    expect(b.leader).toBe(4);
    expect(b.smcDown.size).toBe(0);
    expect([...b.failed]).toEqual([9]); // 7 reloaded, 9 lost for good
    expect(b.failovers).toBe(1);
    expect(b.reloads).toBe(1);
  });
  it("grows a CME halo one ring per ringEveryNs, up to its rings, and drops it when the storm ends", () => {
    const s = newFaultState();
    for (const e of EVENTS) applyFaultEvent(s, e);
    expect(cmeHalos(s, 39, 100)).toEqual([]);
    expect(cmeHalos(s, 40, 100)).toEqual([{ centerNode: 33, radiusKm: 100 }]);
    expect(cmeHalos(s, 59, 100)).toEqual([{ centerNode: 33, radiusKm: 200 }]);
    expect(cmeHalos(s, 75, 100)).toEqual([{ centerNode: 33, radiusKm: 300 }]);
    expect(cmeHalos(s, 90, 100)).toEqual([]);
    expect(s.storms.get(1)?.centerNode).toBeUndefined(); // no centre: drawn from the frames' storm flags
  });
  it("decodes node frames: ΔE = (q/255)², flags or zeros", () => {
    const de = new Float32Array(3), fl = new Uint8Array(3).fill(9);
    decodeNodeFrame({ tNs: 0, nodes: 3, deltaESqrtQ: Buffer.from([0, 57, 255]).toString("base64"), flags: null }, de, fl);
    expect([...de]).toEqual([0, Math.fround((57 / 255) ** 2), 1]);
    expect([...fl]).toEqual([0, 0, 0]);
    decodeNodeFrame({ tNs: 0, nodes: 3, deltaESqrtQ: "AAAA", flags: Buffer.from([1, 0, 2]).toString("base64") }, de, fl);
    expect([...fl]).toEqual([1, 0, 2]);
    expect(() => decodeNodeFrame({ tNs: 0, nodes: 4, deltaESqrtQ: "AAAA", flags: null }, de, fl)).toThrow(/expected 3 nodes, got 4/);
  });
});
