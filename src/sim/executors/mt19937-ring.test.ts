import { describe, it, expect } from "vitest";
import { generate, LocalMtBlocks, NumpyRandomState } from "../../numeric/random/mt19937.js";
import { createMtRing, mtRingStartKey, produceMtRing, RingMtBlocks, stopMtRing } from "./mt19937-ring.js";

// Threaded use (bit-identity of 10^5 draws, Appendix A against numpy) is tested in
// experiments/replicate/appendix-a.test.ts; here the ring's checks, without threads.
describe("MT19937 block ring", () => {
  it("a state only attaches to a ring that starts from its own key", () => {
    const s = new NumpyRandomState(1);
    const other = createMtRing(new Uint32Array(new NumpyRandomState(2).getState().key));
    expect(() => s.useBlockSource(new RingMtBlocks(other), mtRingStartKey(other))).toThrow(/startKey/);
    expect(s.usesBlockSource).toBe(false);
  });

  it("the in-thread source's advance is the MT19937 twist", () => {
    const src = new LocalMtBlocks();
    src.key.set(new NumpyRandomState(5489).getState().key);
    src.advance();
    // MT19937 reference: the first output of init_genrand(5489) is 3499211612 (mt19937ar.c).
    expect(src.out[0]! >>> 0).toBe(3499211612);
    const k = new Uint32Array(new NumpyRandomState(5489).getState().key);
    const o = new Int32Array(624);
    generate(k, o);
    expect(Array.from(src.out)).toEqual(Array.from(o));
  });

  it("rejects a bad ring size and a start key of the wrong length", () => {
    const key = new Uint32Array(624);
    expect(() => createMtRing(key, 2)).toThrow(/slots/);
    expect(() => createMtRing(new Uint32Array(10))).toThrow(/624/);
  });

  it("a stopped ring's producer returns and its consumer throws instead of waiting", () => {
    const ring = createMtRing(new Uint32Array(new NumpyRandomState(3).getState().key), 4);
    stopMtRing(ring);
    produceMtRing(ring);
    expect(() => new RingMtBlocks(ring).advance()).toThrow(/stopped/);
  });
});
