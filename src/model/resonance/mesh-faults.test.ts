/**
 * Faults on the resonance mesh (§3.2 Black Sarcophagus, V2000 storm mode): failed nodes
 * are isolated and lose their state, a spare is reloaded bit for bit from the buffered snapshot,
 * and per-node ΔE thresholds veto a node at ΔE = 0.03 only where the threshold is tightened to 0.02.
 */
import { describe, it, expect } from "vitest";
import { NumpyRandomState } from "../../numeric/random/mt19937.js";
import { ResonanceMesh, type MeshRandom } from "./mesh.js";
import { completeGraph } from "./topology.js";
import { deltaENode } from "./odos.js";

function rng(seed: number): MeshRandom {
  const s = new NumpyRandomState(seed);
  return { normal: () => s.randn(), uniform: () => s.randomSample() };
}

const quiet = { gammaPerS: 0, kappaPerS: 0, clockErrorStdS: 0, clockDriftStd: 0, initialSpread: 0, detuningStdRadS: 0 };
const D = 12;

/** √0.97·|ODOS⟩ + √0.03·(|0⟩ − |1⟩)/√2: ΔE = 1 − |⟨ψ|ODOS⟩|² = 0.03 (orthogonal decomposition). */
function stateAtDeltaE003(): Float64Array {
  const s = new Float64Array(2 * D);
  const a = Math.sqrt(0.97 / D);
  const b = Math.sqrt(0.03 / 2);
  for (let k = 0; k < D; k++) s[2 * k] = a;
  s[0] = s[0]! + b;
  s[2] = s[2]! - b;
  return s;
}

describe("mesh faults (§3.2)", () => {
  it("a node at ΔE = 0.03 is vetoed only while its threshold is tightened to 0.02 (V2000 storm mode; §2.3 default 0.05)", () => {
    const m = ResonanceMesh.init({ nodes: 6, dim: D, degree: 2, ...quiet }, rng(1));
    const psi = stateAtDeltaE003();
    expect(deltaENode(psi, D, 0)).toBeCloseTo(0.03, 14);
    m.setNodeState(1, psi); // in the storm region
    m.setNodeState(4, psi); // outside it
    m.setNodeThreshold(1, 0.02);
    expect(m.threshold(1)).toBe(0.02);
    expect(m.threshold(4)).toBe(0.05);
    const inStorm = m.step(1e-12).events;
    expect(inStorm.map((e) => e.node)).toEqual([1]);
    // Re-seeded from its healthiest healthy neighbour: node 0 or 2, both exactly on ODOS (ΔE 0 up to rounding).
    expect([0, 2]).toContain(inStorm[0]!.source);
    // After the storm the threshold is back at 0.05: the same ΔE passes.
    m.setNodeState(1, psi);
    m.setNodeThreshold(1, 0.05);
    expect(m.step(1e-12).events).toEqual([]);
  });

  it("a restored spare's state equals the buffered snapshot bit for bit; the failed node held no state meanwhile", () => {
    const m = ResonanceMesh.init({ nodes: 30, dim: D, degree: 4, gammaPerS: 1e6, kappaPerS: 1e8, initialSpread: 0.2 }, rng(7));
    m.step(1e-9);
    const snapshot = m.nodeState(5);
    m.failNode(5);
    expect(m.isFailed(5)).toBe(true);
    expect(m.failedCount).toBe(1);
    for (let k = 0; k < 5; k++) m.step(1e-9);
    expect(Array.from(m.nodeState(5))).toEqual(new Array(2 * D).fill(0));
    m.restoreNode(5, snapshot);
    expect(m.isFailed(5)).toBe(false);
    const back = m.nodeState(5);
    for (let k = 0; k < 2 * D; k++) expect(Object.is(back[k], snapshot[k])).toBe(true);
  });

  it("a failed node is the same as an absent one: 4-node complete mesh with node 3 failed ≡ 3-node mesh, bit for bit", () => {
    const p = { dim: D, ...quiet, kappaPerS: 1e8, coupling: "meanField" as const, vetoEnabled: false };
    const four = ResonanceMesh.init({ nodes: 4, ...p, degree: 3 }, rng(3), completeGraph(4));
    const three = ResonanceMesh.init({ nodes: 3, ...p, degree: 2 }, rng(4), completeGraph(3));
    const states = [1, 0.3, -0.7].map((w) => {
      const s = new Float64Array(2 * D);
      for (let k = 0; k < D; k++) {
        s[2 * k] = Math.cos(w * k * k) / Math.sqrt(D);
        s[2 * k + 1] = Math.sin(w * k * k) / Math.sqrt(D);
      }
      return s;
    });
    states.forEach((s, i) => {
      four.setNodeState(i, s);
      three.setNodeState(i, s);
    });
    four.failNode(3);
    for (let k = 0; k < 20; k++) {
      four.step(1e-9);
      three.step(1e-9);
    }
    for (let i = 0; i < 3; i++) expect(Array.from(four.nodeState(i))).toEqual(Array.from(three.nodeState(i)));
    expect(Array.from(three.nodeState(0))).not.toEqual(Array.from(states[0]!)); // the coupling did act
  });

  it("failures and thresholds travel in snapshots; a mesh without faults keeps its old snapshot shape", () => {
    // γ = 0: steps draw no randomness, so two meshes with different streams step identically.
    const p = { nodes: 8, dim: D, degree: 2, gammaPerS: 0, kappaPerS: 1e8, initialSpread: 0.3 };
    const m = ResonanceMesh.init(p, rng(5));
    expect(m.snapshot().failed).toBeUndefined();
    m.failNode(3);
    m.setNodeThreshold(6, 0.02);
    const snap = m.snapshot();
    const other = ResonanceMesh.init(p, rng(6));
    other.restore(snap);
    expect(other.isFailed(3)).toBe(true);
    expect(other.threshold(6)).toBe(0.02);
    other.step(1e-9);
    m.step(1e-9);
    expect(Array.from(other.nodeStates.data)).toEqual(Array.from(m.nodeStates.data));
  });

  it("bad input names what was expected", () => {
    const m = ResonanceMesh.init({ nodes: 4, dim: D, degree: 2, ...quiet }, rng(1));
    expect(() => m.failNode(4)).toThrow(/node index in \[0, 4\)/);
    expect(() => m.restoreNode(1, stateAtDeltaE003())).toThrow(/a failed node/);
    expect(() => m.setNodeState(1, new Float64Array(2 * D).fill(1))).toThrow(/normalised/);
    expect(() => m.setNodeState(1, new Float64Array(3))).toThrow(/24 numbers/);
    expect(() => m.setNodeThreshold(1, 1.5)).toThrow(/\(0, 1\)/);
  });
});
