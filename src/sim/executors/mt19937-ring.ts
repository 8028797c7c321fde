/**
 * A single-producer, single-consumer ring of MT19937 blocks in a SharedArrayBuffer, so that the
 * twist and tempering (about a third of numpy's legacy `randn`) can run on another thread ahead
 * of the consumer. The producer (`produceMtRing`, run by a worker the caller starts; nothing here
 * starts threads) twists block after block from a start key and writes each block's state words
 * and tempered words into the next slot; the consumer (`RingMtBlocks`, a `MtBlockSource` for
 * `NumpyRandomState`) reads them in order. The words are the same function of the same key
 * (`generate`), so draws are bit-identical to the in-thread twist by construction.
 *
 * Layout (Int32 words): control [HEAD, TAIL, QUIT, ERROR, CONSUMER_WAITING, slots, pad, pad], then
 * the start key (624 words), then `slots` slots of 624 state words followed by 624 tempered words.
 * HEAD counts blocks written, TAIL blocks released by the consumer (it holds the block it reads
 * until it asks for the next one). The producer waits only when the ring is full and is woken
 * every half ring; the consumer waits only when it is empty (waits through generation-barrier.ts's
 * `awaitChange`, which sleeps again after an early wake-up).
 */
import { InputError, requireInt, SolverError } from "../../errors.js";
import { generate, MT_WORDS, type MtBlockSource } from "../../numeric/random/mt19937.js";
import { awaitChange } from "./generation-barrier.js";

const HEAD = 0;
const TAIL = 1;
const QUIT = 2;
const ERROR = 3;
const WAITING = 4;
const SLOTS = 5;
const CTRL = 8;
const SLOT_WORDS = 2 * MT_WORDS;
/** How long the consumer waits for a block before declaring the producer dead, ms. */
const STALL_MS = 60_000;

/** Ring sizes accepted (power of two not required; ≥ 4 so that half a ring is ≥ 2 blocks). */
export const MT_RING_SLOTS_MIN = 4;
export const MT_RING_SLOTS_MAX = 4096;

/** A shared ring for MT19937 blocks, starting from `startKey` (624 state words). */
export function createMtRing(startKey: Uint32Array, slots = 64): SharedArrayBuffer {
  requireInt(slots, "slots", MT_RING_SLOTS_MIN, MT_RING_SLOTS_MAX);
  if (startKey.length !== MT_WORDS) throw InputError.of("startKey", `${MT_WORDS} state words`, `~${startKey.length} words`);
  const sab = new SharedArrayBuffer(4 * (CTRL + MT_WORDS + slots * SLOT_WORDS));
  const w = new Int32Array(sab);
  w[SLOTS] = slots;
  new Uint32Array(sab, 4 * CTRL, MT_WORDS).set(startKey);
  return sab;
}

/** The key a ring starts from (the consumer's state must hold it when it attaches). */
export function mtRingStartKey(ring: SharedArrayBuffer): Uint32Array {
  return new Uint32Array(ring, 4 * CTRL, MT_WORDS);
}

/** Ask the producer to stop (it returns from `produceMtRing` at its next check). */
export function stopMtRing(ring: SharedArrayBuffer): void {
  const c = new Int32Array(ring, 0, CTRL);
  Atomics.store(c, QUIT, 1);
  Atomics.notify(c, TAIL);
}

/** Producer loop: twist blocks into the ring until `stopMtRing`. Blocks its thread; run it in a worker. */
export function produceMtRing(ring: SharedArrayBuffer): void {
  const c = new Int32Array(ring, 0, CTRL);
  const slots = c[SLOTS]!;
  const key = new Uint32Array(MT_WORDS);
  key.set(mtRingStartKey(ring));
  const keys: Uint32Array[] = [];
  const outs: Int32Array[] = [];
  for (let s = 0; s < slots; s++) {
    keys.push(new Uint32Array(ring, 4 * (CTRL + MT_WORDS + s * SLOT_WORDS), MT_WORDS));
    outs.push(new Int32Array(ring, 4 * (CTRL + MT_WORDS + s * SLOT_WORDS + MT_WORDS), MT_WORDS));
  }
  const out = new Int32Array(MT_WORDS);
  try {
    let head = 0;
    for (;;) {
      let tail = Atomics.load(c, TAIL);
      while (((head - tail) | 0) >= slots) {
        const moved = awaitChange(c, TAIL, tail, Number.POSITIVE_INFINITY, 0, QUIT);
        if (moved === null) return; // stopMtRing
        tail = moved;
      }
      if (Atomics.load(c, QUIT) !== 0) return;
      generate(key, out);
      const s = head % slots;
      keys[s]!.set(key);
      outs[s]!.set(out);
      head = (head + 1) | 0;
      Atomics.store(c, HEAD, head);
      if (Atomics.load(c, WAITING) !== 0) Atomics.notify(c, HEAD);
    }
  } catch (e) {
    Atomics.store(c, ERROR, 1);
    Atomics.notify(c, HEAD);
    throw e;
  }
}

/** Consumer side of the ring: a `MtBlockSource` whose blocks another thread twisted. */
export class RingMtBlocks implements MtBlockSource {
  key: Uint32Array;
  out: Int32Array;
  private readonly c: Int32Array;
  private readonly slots: number;
  private readonly half: number;
  private readonly keys: Uint32Array[] = [];
  private readonly outs: Int32Array[] = [];
  /** Blocks taken (the one held is `taken − 1`). */
  private taken = 0;

  constructor(ring: SharedArrayBuffer) {
    this.c = new Int32Array(ring, 0, CTRL);
    this.slots = this.c[SLOTS]!;
    this.half = this.slots >> 1;
    for (let s = 0; s < this.slots; s++) {
      this.keys.push(new Uint32Array(ring, 4 * (CTRL + MT_WORDS + s * SLOT_WORDS), MT_WORDS));
      this.outs.push(new Int32Array(ring, 4 * (CTRL + MT_WORDS + s * SLOT_WORDS + MT_WORDS), MT_WORDS));
    }
    this.key = this.keys[0]!;
    this.out = this.outs[0]!;
  }

  advance(): void {
    const c = this.c;
    if (this.taken > 0) {
      // Release the block held so far; wake a waiting producer every half ring.
      Atomics.store(c, TAIL, this.taken);
      if (this.taken % this.half === 0) Atomics.notify(c, TAIL);
    }
    let head = Atomics.load(c, HEAD);
    if (((head - this.taken) | 0) <= 0) head = this.waitFor(head);
    const s = this.taken % this.slots;
    this.key = this.keys[s]!;
    this.out = this.outs[s]!;
    this.taken = (this.taken + 1) | 0;
  }

  private waitFor(head: number): number {
    const c = this.c;
    Atomics.store(c, WAITING, 1);
    let waited = 0;
    while (((head - this.taken) | 0) <= 0) {
      if (Atomics.load(c, ERROR) !== 0) throw new SolverError("MT19937 ring producer failed");
      if (Atomics.load(c, QUIT) !== 0) throw new SolverError("MT19937 ring stopped while blocks were still needed");
      const moved = awaitChange(c, HEAD, head, 1000, 0, ERROR);
      if (moved === null) {
        if ((waited += 1000) >= STALL_MS) throw new SolverError(`MT19937 ring producer sent no block for ${STALL_MS / 1000} s`);
      } else head = moved;
    }
    Atomics.store(c, WAITING, 0);
    return head;
  }
}
