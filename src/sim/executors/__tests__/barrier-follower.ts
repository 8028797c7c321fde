/**
 * TEST ONLY: a follower of generation-barrier.test.ts. Each round it adds 1 to its own slot of
 * `rounds`; with `dieAtRound` it leaves the thread at that round without arriving (a worker dying).
 */
import { parentPort, workerData } from "node:worker_threads";
import { GenerationBarrier } from "../generation-barrier.js";

const d = workerData as { control: SharedArrayBuffer; rounds: SharedArrayBuffer; slot: number; followers: number; dieAtRound: number };
const ctrl = new Int32Array(d.control);
const rounds = new Int32Array(d.rounds);
const barrier = new GenerationBarrier(ctrl, { gen: 0, done: 1, quit: 2 }, d.followers, 0);
parentPort?.postMessage("ready");
for (let gen: number | null = 0; (gen = barrier.nextRound(gen)) !== null;) {
  const n = Atomics.add(rounds, d.slot, 1) + 1;
  if (n === d.dieAtRound) process.exit(1);
  barrier.arrive();
}
