/**
 * Worker thread of the nearest-list pass (coherence-nearest.ts): computes the lists for its share
 * of tile rows of the all-pairs pass over states on a SharedArrayBuffer, into its own shared
 * lists, and says "done". No rounds, no waiting on the other threads.
 */
import { parentPort, workerData } from "node:worker_threads";
import { emptyLists, nearestLists } from "../../model/resonance/coherence-bounds.js";
import type { NearestWorkerData } from "./coherence-nearest.js";

const w = workerData as NearestWorkerData;
const states = { nodes: w.nodes, dim: w.dim, data: new Float64Array(w.states, w.byteOffset, w.length) };
nearestLists(states, w.k, w.part, w.parts, emptyLists(w.nodes, w.k, w.weight, w.neighbour));
parentPort?.postMessage("done");
