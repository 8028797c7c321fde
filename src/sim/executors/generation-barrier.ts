/**
 * The one Atomics barrier of pqms's thread pools (the exact coherence, the sharded mesh tick, the
 * MT19937 ring). A leader thread starts a round by bumping a generation word; followers sleep on
 * that word, run the round, and count themselves into a done word, which the leader sleeps on.
 *
 * Two things every hand-written copy must get right, done once here:
 * - `Atomics.wait` may return "ok" or "not-equal" without the awaited change having happened for
 *   this waiter (a notify meant for an earlier round, a value that changed and changed back):
 *   every wait loops on the condition itself, never on the wait's return value alone.
 * - A follower can die (an uncaught error, `worker.terminate()`): then the done word never
 *   reaches its count. Every wait of the leader takes a timeout, so it can report that instead of
 *   sleeping forever.
 *
 * Layout: the caller's Int32Array holds the words at indices it chooses (`BarrierWords`), beside
 * whatever else its protocol shares.
 */

/** Polls of a word before sleeping on it (a round takes microseconds on an idle machine). */
export const BARRIER_SPIN = 2000;

/**
 * Sleep until `ctrl[index]` differs from `seen`; its new value, or null once a wait of
 * `timeoutMs` passed with no notify at all (early wake-ups do not count: no wall clock is read),
 * or once `ctrl[quit]` is non-zero when a `quit` index is given (whoever sets it notifies `index`).
 */
export function awaitChange(ctrl: Int32Array, index: number, seen: number, timeoutMs = Number.POSITIVE_INFINITY, spin = 0, quit = -1): number | null {
  for (let s = 0; s < spin && Atomics.load(ctrl, index) === seen; s++);
  for (;;) {
    const v = Atomics.load(ctrl, index);
    if (v !== seen) return v;
    if (quit >= 0 && Atomics.load(ctrl, quit) !== 0) return null;
    // May return early ("ok" for a notify meant for someone else): the loop re-reads the word.
    if (Atomics.wait(ctrl, index, seen, timeoutMs) === "timed-out") {
      const after = Atomics.load(ctrl, index);
      return after !== seen ? after : null;
    }
  }
}

/** Sleep until `ctrl[index]` equals `target`; false once a wait of `timeoutMs` passed with no notify. */
export function awaitValue(ctrl: Int32Array, index: number, target: number, timeoutMs = Number.POSITIVE_INFINITY, spin = 0): boolean {
  for (let s = 0; s < spin && Atomics.load(ctrl, index) !== target; s++);
  for (;;) {
    const v = Atomics.load(ctrl, index);
    if (v === target) return true;
    if (Atomics.wait(ctrl, index, v, timeoutMs) === "timed-out") return Atomics.load(ctrl, index) === target;
  }
}

/** Where a barrier's words sit in the shared control array. */
export interface BarrierWords {
  /** Generation: bumped by the leader to start a round (or to stop). */
  readonly gen: number;
  /** Followers that finished the current round. */
  readonly done: number;
  /** Non-zero: followers leave at the next generation. */
  readonly quit: number;
}

/** A leader and `followers` threads meeting once per round. Each side builds one over the same words. */
export class GenerationBarrier {
  constructor(
    readonly ctrl: Int32Array,
    readonly words: BarrierWords,
    readonly followers: number,
    readonly spin = BARRIER_SPIN,
  ) {}

  /** Leader: start a round (what the round reads must be stored before this). */
  release(): void {
    const c = this.ctrl;
    Atomics.store(c, this.words.done, 0);
    Atomics.add(c, this.words.gen, 1);
    Atomics.notify(c, this.words.gen);
  }

  /** Leader: sleep until every follower arrived; false if they did not within `timeoutMs` (one died?). */
  awaitArrivals(timeoutMs = Number.POSITIVE_INFINITY): boolean {
    return awaitValue(this.ctrl, this.words.done, this.followers, timeoutMs, this.spin);
  }

  /** Arrivals so far in this round (for an error message after a timeout). */
  get arrived(): number {
    return Atomics.load(this.ctrl, this.words.done);
  }

  /** Leader: tell the followers to leave (they return null from `nextRound`). */
  stop(): void {
    const c = this.ctrl;
    Atomics.store(c, this.words.quit, 1);
    Atomics.add(c, this.words.gen, 1);
    Atomics.notify(c, this.words.gen);
  }

  /** Follower: sleep until the generation moves past `seen`; the new generation, or null to leave. */
  nextRound(seen: number): number | null {
    const g = awaitChange(this.ctrl, this.words.gen, seen, Number.POSITIVE_INFINITY, this.spin);
    return g === null || Atomics.load(this.ctrl, this.words.quit) !== 0 ? null : g;
  }

  /** Follower: count this thread into the round; the last one wakes the leader. */
  arrive(): void {
    if (Atomics.add(this.ctrl, this.words.done, 1) + 1 === this.followers) Atomics.notify(this.ctrl, this.words.done);
  }
}
