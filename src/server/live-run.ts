/**
 * A run started from the dashboard, driven inside the server process exactly as `pqms run`
 * drives one (same Runner, same store transactions, same statuses, so the CLI sees it and
 * `pqms resume` can continue it), with its samples and events also fanned out to live listeners.
 *
 * Driving: slices of ticks of about SLICE_MS wall time, yielding to the event loop between them
 * so HTTP requests and streams keep flowing. Broadcasting: what arrived since the last flush is
 * sent at most every FLUSH_MS, and each update carries at most EVENTS_PER_UPDATE_MAX events (the
 * rest are counted in `eventsDropped`; the store keeps them all). At most every NODES_MS, while
 * someone listens, an update also carries the model's per-node frame (node-frame.ts: each node's
 * RCF to ODOS and its failed/storm flags), read between ticks without touching the run.
 */
import type { Checkpoint, Runner, RunSink, Sample } from "../sim/run.js";
import type { ModelEvent, NodeView } from "../sim/model.js";
import { encodeStateBytes } from "../sim/state-codec.js";
import type { RunStatus, RunStore } from "../store/run-store.js";
import { encodeNodeFrame, type NodeFrame } from "./node-frame.js";

export const SLICE_MS = 20;
export const FLUSH_MS = 50;
export const EVENTS_PER_UPDATE_MAX = 2000;
export const LISTENERS_MAX = 32;
/** Per-node frames are sent at most this often (5 per second). */
export const NODES_MS = 200;

/** One message of a run's live stream. */
export interface LiveUpdate {
  readonly runId: string;
  readonly tNs: number;
  readonly durationNs: number;
  readonly samples: readonly Sample[];
  readonly events: readonly ModelEvent[];
  readonly eventsDropped: number;
  readonly status: RunStatus;
  /** The per-node frame, on at most one update per NODES_MS (absent when the model has no node view). */
  readonly nodes?: NodeFrame;
}

export type Listener = (u: LiveUpdate) => void;

export class LiveRun implements RunSink {
  private readonly listeners = new Set<Listener>();
  private uncommittedSamples: Sample[] = [];
  private uncommittedEvents: ModelEvent[] = [];
  private outSamples: Sample[] = [];
  private outEvents: ModelEvent[] = [];
  private outDropped = 0;
  private lastFlushMs = 0;
  private lastNodesMs = -Infinity;
  private lastNodesTNs = -1;
  private nodeView: (NodeView & { scratch: Uint8Array }) | undefined;
  private lastCommitMs: number;
  private stopRequested = false;
  private runner: Runner | undefined;
  status: RunStatus = "running";
  /** Resolves when the run has ended (done, interrupted or failed). */
  readonly finished: Promise<RunStatus>;
  private resolveFinished!: (s: RunStatus) => void;

  constructor(private readonly store: RunStore, readonly runId: string, readonly durationNs: number, private readonly onEnd: (status: RunStatus) => void) {
    this.finished = new Promise((r) => (this.resolveFinished = r));
    this.lastCommitMs = performance.now();
  }

  // --- RunSink: buffer for the store, and for the listeners --------------------------------------
  sample(s: Sample): void {
    this.uncommittedSamples.push(s);
    this.outSamples.push(s);
  }

  event(e: ModelEvent): void {
    this.uncommittedEvents.push(e);
    if (this.outEvents.length < EVENTS_PER_UPDATE_MAX) this.outEvents.push(e);
    else this.outDropped++;
  }

  checkpoint(cp: Checkpoint): void {
    const now = performance.now();
    this.store.commitProgress(this.runId, { samples: this.uncommittedSamples, events: this.uncommittedEvents, checkpoint: encodeStateBytes(cp), simTNs: cp.tNs, wallS: (now - this.lastCommitMs) / 1000 });
    this.lastCommitMs = now;
    this.uncommittedSamples = [];
    this.uncommittedEvents = [];
  }

  /** Samples recorded but not yet committed (a late subscriber needs them after the store's). */
  get pendingSamples(): readonly Sample[] {
    return this.uncommittedSamples;
  }

  get tNs(): number {
    return this.runner?.tNs ?? 0;
  }

  /** Subscribe; returns the unsubscribe function, or undefined when the listener limit is reached. */
  subscribe(l: Listener): (() => void) | undefined {
    if (this.listeners.size >= LISTENERS_MAX) return undefined;
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Ask the run to stop at the next slice: a checkpoint is taken and it is marked interrupted. */
  stop(): void {
    this.stopRequested = true;
  }

  /** Drive `runner` to its end in slices (call once, right after Runner.start). */
  async drive(runner: Runner): Promise<void> {
    this.runner = runner;
    try {
      let done = false;
      while (!done) {
        const t0 = performance.now();
        do done = runner.advance(1);
        while (!done && performance.now() - t0 < SLICE_MS);
        if (!done && this.stopRequested) {
          this.checkpoint(runner.interrupt()); // also stops the model's threads (Model.dispose)
          this.end("interrupted", {});
          return;
        }
        this.flush(done);
        if (!done) await new Promise<void>((r) => setImmediate(r));
      }
      this.end("done", { fingerprint: runner.result?.fingerprint as string });
    } catch (e) {
      runner.close(); // the run has ended: stop the model's threads (already done if the run itself failed)
      this.end("failed", { error: e instanceof Error ? e.message : String(e) });
    }
  }

  private end(status: RunStatus, extra: { fingerprint?: string; error?: string }): void {
    this.store.setStatus(this.runId, status, { ...extra, pid: null });
    this.status = status;
    this.flush(true);
    this.listeners.clear();
    this.onEnd(status);
    this.resolveFinished(status);
  }

  private flush(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastFlushMs < FLUSH_MS) return;
    this.lastFlushMs = now;
    // Due every NODES_MS, and on a forced flush (the end) unless this time was already sent.
    const due = now - this.lastNodesMs >= NODES_MS || (force && this.tNs !== this.lastNodesTNs);
    const nodes = this.listeners.size > 0 && due ? this.nodeFrame() : undefined;
    if (nodes) {
      this.lastNodesMs = now;
      this.lastNodesTNs = nodes.tNs;
    }
    const u: LiveUpdate = { runId: this.runId, tNs: this.tNs, durationNs: this.durationNs, samples: this.outSamples, events: this.outEvents, eventsDropped: this.outDropped, status: this.status, ...(nodes ? { nodes } : {}) };
    this.outSamples = [];
    this.outEvents = [];
    this.outDropped = 0;
    for (const l of this.listeners) l(u);
  }

  /** The model's node view now, quantised; undefined when the model has none. */
  private nodeFrame(): NodeFrame | undefined {
    const r = this.runner;
    if (r === undefined) return undefined;
    const n = r.scenario.mesh.nodes;
    const v = (this.nodeView ??= { rcf: new Float32Array(n), flags: new Uint8Array(n), scratch: new Uint8Array(n) });
    return r.viewNodes(v) ? encodeNodeFrame(v, r.tNs, v.scratch) : undefined;
  }
}
