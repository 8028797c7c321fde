/**
 * TEST ONLY: a tiny model for the run-loop tests (never shipped: __tests__/ is not built).
 * N walkers on a line take Gaussian steps from their own streams; crossing |x| > 3 is an event
 * ("escape") and the walker is reset to 0. Metrics: mean and max |x|.
 */
import type { RandomStream } from "../../numeric/random/stream.js";
import type { Model, ModelEvent, StateValue, StepResult } from "../model.js";
import type { Scenario } from "../scenario/index.js";
import type { StreamSet } from "../streams.js";

export class WalkModel implements Model {
  readonly stateFormat = "walk/1";
  private x = new Float64Array(0);
  private rng: RandomStream | undefined;

  init(scenario: Scenario, streams: StreamSet<RandomStream>): void {
    this.x = new Float64Array(scenario.mesh.nodes);
    this.rng = streams.get("walk");
  }

  step(tNs: number, sample: boolean): StepResult {
    const events: ModelEvent[] = [];
    const rng = this.rng as RandomStream;
    for (let i = 0; i < this.x.length; i++) {
      this.x[i] = this.x[i]! + rng.normal();
      if (Math.abs(this.x[i]!) > 3) {
        events.push({ tNs, kind: "escape", data: { node: i, x: this.x[i]! } });
        this.x[i] = 0;
      }
    }
    if (!sample) return { metrics: {}, events };
    let sum = 0;
    let max = 0;
    for (const v of this.x) {
      sum += v;
      max = Math.max(max, Math.abs(v));
    }
    return { metrics: { mean: sum / this.x.length, maxAbs: max }, events };
  }

  snapshot(): StateValue {
    return { x: Float64Array.from(this.x) };
  }

  restore(state: StateValue): void {
    this.x = Float64Array.from((state as { x: Float64Array }).x);
  }
}
