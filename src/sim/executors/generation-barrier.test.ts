/**
 * The thread pools' one barrier: a round runs exactly once per generation however often a
 * follower is woken without one (spurious wake-ups), and a leader whose follower died gets a
 * timeout it can report instead of sleeping forever.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Worker } from "node:worker_threads";
import { awaitChange, awaitValue, GenerationBarrier } from "./generation-barrier.js";
import { startWorker } from "./start-worker.js";

const WORDS = { gen: 0, done: 1, quit: 2 } as const;
let started: Worker[] = [];

afterEach(async () => {
  await Promise.all(started.map((w) => w.terminate()));
  started = [];
});

/** Sleep this thread for `ms` without a timer (Atomics.wait on a private word). */
function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

async function pool(followers: number, dieAtRound = 0) {
  const ctrl = new Int32Array(new SharedArrayBuffer(4 * 3));
  const rounds = new Int32Array(new SharedArrayBuffer(4 * followers));
  const ready: Promise<unknown>[] = [];
  for (let slot = 0; slot < followers; slot++) {
    const w = startWorker(import.meta.url, "./__tests__/barrier-follower", {
      control: ctrl.buffer, rounds: rounds.buffer, slot, followers, dieAtRound: slot === 0 ? dieAtRound : 0,
    });
    started.push(w);
    ready.push(new Promise((resolve, reject) => { w.once("message", resolve); w.once("error", reject); }));
  }
  await Promise.all(ready);
  return { ctrl, rounds, barrier: new GenerationBarrier(ctrl, WORDS, followers) };
}

describe("GenerationBarrier", () => {
  it("a round runs once per generation, whatever wakes the followers in between", async () => {
    const { ctrl, rounds, barrier } = await pool(3);
    for (let round = 1; round <= 5; round++) {
      barrier.release();
      expect(barrier.awaitArrivals(30_000)).toBe(true);
      // Spurious wake-ups: notifies on the generation word with no new generation, and the
      // done word touched as a stale round's notify would. No follower may run a second time.
      for (let k = 0; k < 200; k++) Atomics.notify(ctrl, WORDS.gen);
      sleepMs(20);
      for (let k = 0; k < 200; k++) Atomics.notify(ctrl, WORDS.gen);
      sleepMs(20);
      expect(Array.from(rounds)).toEqual([round, round, round]);
      expect(barrier.arrived).toBe(3);
    }
    barrier.stop();
  }, 60_000);

  it("a follower that dies leaves the leader a timeout, not a hang", async () => {
    const { rounds, barrier } = await pool(2, 2);
    barrier.release();
    expect(barrier.awaitArrivals(30_000)).toBe(true);
    barrier.release(); // follower 0 exits in this round without arriving
    expect(barrier.awaitArrivals(300)).toBe(false);
    expect(barrier.arrived).toBe(1);
    expect(Array.from(rounds)).toEqual([2, 2]);
    barrier.stop();
  }, 60_000);

  it("awaitChange and awaitValue on one thread: immediate, timed out, or stopped by a quit word", () => {
    const c = new Int32Array(new SharedArrayBuffer(8));
    c[0] = 4;
    expect(awaitChange(c, 0, 3)).toBe(4);
    expect(awaitChange(c, 0, 4, 10)).toBeNull();
    expect(awaitValue(c, 0, 4)).toBe(true);
    expect(awaitValue(c, 0, 5, 10)).toBe(false);
    c[1] = 1;
    expect(awaitChange(c, 0, 4, Number.POSITIVE_INFINITY, 0, 1)).toBeNull();
  });
});
