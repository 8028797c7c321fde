import { describe, it, expect } from "vitest";
import { RandomStream } from "../../numeric/random/stream.js";
import { boruvkaLowerBound, coherenceInterval, exactMstFromLists, mergeLists, nearestLists } from "./coherence-bounds.js";
import { exactCoherence, treeCoherence } from "./coherence.js";
import { hierarchicalCoherence } from "./coherence-hierarchical.js";
import { allocStates, type NodeStates } from "./node-states.js";
import { rcfPair } from "./rcf.js";

/** N Haar-random kets (independent: every pair about equally far, the hard case for any bound). */
function haar(nodes: number, dim: number, seed: number): NodeStates {
  const s = allocStates(nodes, dim);
  const r = RandomStream.fromSeed(seed, "bounds-test");
  for (let i = 0; i < nodes; i++) r.haarKet(dim, s.data.subarray(2 * i * dim, 2 * (i + 1) * dim));
  return s;
}

/** Coherent states: a common ket plus a small random part, renormalised (RCF near 1 everywhere). */
function coherent(nodes: number, dim: number, seed: number, spread: number): NodeStates {
  const s = haar(nodes, dim, seed);
  const base = haar(1, dim, seed + 1).data;
  for (let i = 0; i < nodes; i++) {
    let norm = 0;
    for (let m = 0; m < 2 * dim; m++) {
      const x = base[m]! + spread * s.data[2 * i * dim + m]!;
      s.data[2 * i * dim + m] = x;
      norm += x * x;
    }
    for (let m = 0; m < 2 * dim; m++) s.data[2 * i * dim + m]! /= Math.sqrt(norm);
  }
  return s;
}

/** Brute-force MST weight (dense Prim on the full matrix, one-chain RCF): an independent check. */
function bruteMstWeight(s: NodeStates): number {
  const n = s.nodes;
  const d = s.dim;
  const rcf = (i: number, j: number): number => {
    let re = 0;
    let im = 0;
    for (let m = 0; m < d; m++) {
      const ar = s.data[2 * (i * d + m)]!;
      const ai = s.data[2 * (i * d + m) + 1]!;
      const br = s.data[2 * (j * d + m)]!;
      const bi = s.data[2 * (j * d + m) + 1]!;
      re += ar * br + ai * bi;
      im += ar * bi - ai * br;
    }
    return re * re + im * im;
  };
  const key = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  key[0] = 0;
  let total = 0;
  for (let step = 0; step < n; step++) {
    let u = -1;
    for (let v = 0; v < n; v++) if (!done[v] && (u < 0 || key[v]! < key[u]!)) u = v;
    done[u] = 1;
    total += key[u]!;
    for (let v = 0; v < n; v++) if (!done[v]) key[v] = Math.min(key[v]!, 1 - rcf(u, v));
  }
  return total;
}

describe("certified interval for global coherence (§2.1)", () => {
  it("brackets the exact RCF̄ on random states, and k = 8 lists certify the whole MST", () => {
    for (const seed of [1, 2]) {
      const s = haar(3000, 12, seed);
      const exact = exactCoherence(s);
      const h = hierarchicalCoherence(s);
      const iv = coherenceInterval(s, h.edgeFrom, h.edgeTo);
      expect(iv.lower).toBeLessThanOrEqual(exact.globalRcf);
      expect(iv.upper).toBeGreaterThanOrEqual(exact.globalRcf);
      // The improved tree is never worse than the cluster tree it started from.
      expect(iv.tree.globalRcf).toBeGreaterThanOrEqual(h.globalRcf);
      expect(iv.components).toBe(1);
      expect(iv.upper - iv.lower).toBeLessThan(1e-11);
    }
  });

  it("brackets the exact RCF̄ on coherent states, and stays a true bound with short lists", () => {
    const s = coherent(2000, 12, 5, 0.3);
    const exact = exactCoherence(s);
    expect(exact.globalRcf).toBeGreaterThan(0.9);
    const h = hierarchicalCoherence(s);
    for (const k of [1, 2, 8]) {
      const iv = coherenceInterval(s, h.edgeFrom, h.edgeTo, nearestLists(s, k));
      expect(iv.lower).toBeLessThanOrEqual(exact.globalRcf);
      expect(iv.upper).toBeGreaterThanOrEqual(exact.globalRcf);
    }
  });

  it("with k = 1 (Borůvka stops early) the interval is wide but still holds; a brute-force MST agrees", () => {
    const s = haar(400, 6, 3);
    const w = bruteMstWeight(s);
    const one = boruvkaLowerBound(nearestLists(s, 1), s.nodes);
    expect(one.components).toBeGreaterThan(1);
    expect(one.weightMin).toBeLessThan(w);
    const full = boruvkaLowerBound(nearestLists(s, 399), s.nodes);
    expect(full.components).toBe(1);
    expect(Math.abs(full.weightMin - w)).toBeLessThan(1e-12 * s.nodes);
  });

  it("the exact tree from short lists, finished by scans where they stall, is the brute-force MST", () => {
    for (const [states, k] of [[haar(400, 6, 3), 1], [haar(500, 12, 8), 2], [coherent(300, 4, 2, 0.2), 1]] as const) {
      const t = exactMstFromLists(states, nearestLists(states, k));
      expect(t.scans).toBeGreaterThan(0);
      const tree = treeCoherence(states, t.from, t.to);
      expect(Math.abs(tree.mstWeight - bruteMstWeight(states))).toBeLessThan(1e-12 * states.nodes);
      expect(Math.abs(tree.globalRcf - exactCoherence(states).globalRcf)).toBeLessThan(1e-13);
    }
  });

  it("lists do not depend on how the tile rows are dealt out", () => {
    const s = haar(1100, 12, 4);
    const whole = nearestLists(s, 8);
    const merged = mergeLists([0, 1, 2].map((p) => nearestLists(s, 8, p, 3)));
    expect(Array.from(merged.neighbour)).toEqual(Array.from(whole.neighbour));
    expect(Array.from(merged.weight)).toEqual(Array.from(whole.weight));
    // The listed weights are 1 − rcfPair bit for bit (the exact method sums rcfPair).
    for (const v of [0, 517, 1099]) expect(whole.weight[v * 8]).toBe(1 - rcfPair(s.data, 12, v, whole.neighbour[v * 8]!));
  });
});
