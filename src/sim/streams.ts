/**
 * Named, seeded random streams for one run.
 *
 * One seed builds the whole world: each model component asks for its stream by name
 * (`"mesh"`, `"faults"`, `"umt/node-17"`), and the stream depends only on (seed, name), never on
 * the order in which components ask. The set records the states of the streams it handed out so
 * a checkpoint can restore them exactly.
 *
 * The generator itself comes from numeric/random (through a `StreamFactory`), so sim/ draws no
 * numbers of its own.
 */
import { assert } from "../errors.js";

/** JSON-serialisable state of a stream (whatever its factory chooses). */
export type StreamStateJson = unknown;

/** How to make, save and restore streams of type `S`. */
export interface StreamFactory<S> {
  /** A fresh stream for (seed, name). Must depend only on its arguments. */
  create(seed: number, name: string): S;
  /** The stream's current state as plain JSON. */
  save(stream: S): StreamStateJson;
  /** Overwrite the stream's state with a saved one. */
  load(stream: S, state: StreamStateJson): void;
}

/** Saved states of every stream handed out, by name (sorted by name for a stable encoding). */
export type StreamSetState = ReadonlyArray<readonly [string, StreamStateJson]>;

/** The streams of one run. */
export class StreamSet<S> {
  private readonly streams = new Map<string, S>();

  /** @param seed  the run's seed (non-negative safe integer). */
  constructor(readonly seed: number, private readonly factory: StreamFactory<S>) {
    assert(Number.isSafeInteger(seed) && seed >= 0, `stream seed ${seed}`);
  }

  /** The stream named `name`, created on first use. */
  get(name: string): S {
    let s = this.streams.get(name);
    if (s === undefined) {
      s = this.factory.create(this.seed, name);
      this.streams.set(name, s);
    }
    return s;
  }

  /** States of all streams created so far. */
  save(): StreamSetState {
    return [...this.streams.keys()].sort().map((name) => [name, this.factory.save(this.streams.get(name) as S)] as const);
  }

  /** Recreate each saved stream and load its state. */
  load(state: StreamSetState): void {
    for (const [name, st] of state) this.factory.load(this.get(name), st);
  }
}
