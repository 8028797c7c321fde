/** A scenario run to its end with everything it emits kept, for the model tests (never built into dist/). */
import { expect } from "vitest";
import type { ModelEvent } from "../../model.js";
import { Runner, type Checkpoint, type Sample } from "../../run.js";
import type { Scenario } from "../../scenario/index.js";
import { decodeState, encodeState } from "../../state-codec.js";
import { modelFor } from "../index.js";

export interface RecordedRun {
  fingerprint: string;
  samples: Sample[];
  events: ModelEvent[];
  /** Every checkpoint, encoded as the store keeps it. */
  checkpoints: string[];
}

/** Run `sc` on its own model, `ticksPerAdvance` ticks per call to the runner, to the end. */
export function recordRun(sc: Scenario, ticksPerAdvance = 25): RecordedRun {
  const samples: Sample[] = [];
  const events: ModelEvent[] = [];
  const checkpoints: string[] = [];
  const r = Runner.start(sc, modelFor(sc), { sample: (s) => samples.push(s), event: (e) => events.push(e), checkpoint: (c) => checkpoints.push(encodeState(c)) });
  while (!r.advance(ticksPerAdvance));
  return { fingerprint: r.result!.fingerprint, samples, events, checkpoints };
}

/**
 * Resume `sc` on a fresh model from `whole`'s checkpoint `k` and expect the uninterrupted run's
 * fingerprint, and exactly its samples and events after the checkpoint.
 */
export function expectResumeMatches(sc: Scenario, whole: RecordedRun, k: number, ticksPerAdvance = 25): void {
  const cp = decodeState(whole.checkpoints[k]!) as Checkpoint;
  const samples: Sample[] = [];
  const events: ModelEvent[] = [];
  const r = Runner.resume(sc, modelFor(sc), cp, { sample: (s) => samples.push(s), event: (e) => events.push(e), checkpoint: () => {} });
  while (!r.advance(ticksPerAdvance));
  expect(r.result!.fingerprint).toBe(whole.fingerprint);
  expect(samples).toEqual(whole.samples.filter((s) => s.tNs > cp.tNs));
  expect(events).toEqual(whole.events.filter((e) => e.tNs > cp.tNs));
}

/** Each metric's samples as a time series: times (ns) and values, in sample order. */
export function seriesOf(samples: readonly Sample[]): Map<string, { tNs: number[]; value: number[] }> {
  const out = new Map<string, { tNs: number[]; value: number[] }>();
  for (const s of samples) {
    for (const [k, v] of Object.entries(s.metrics)) {
      let e = out.get(k);
      if (e === undefined) out.set(k, (e = { tNs: [], value: [] }));
      e.tNs.push(s.tNs);
      e.value.push(v);
    }
  }
  return out;
}
