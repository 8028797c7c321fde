/**
 * Fault schedules (from the seed): SMC crashes, LEO node failures at a given MTBF,
 * coronal mass ejections (a contiguous region of node failures spreading ring by ring over the
 * +Grid neighbourhood, with the ODOS ΔE threshold tightened to 0.02 for the storm, as in V2000),
 * link cuts between SMCs, and partitions. A schedule is plain JSON: generated from a seed, saved
 * with the run, edited by hand and replayed (`pqms failover --faults file.json`).
 */
import { z } from "zod";
import { InputError } from "../errors.js";
import { glibcLog } from "../numeric/random/glibc-log.js";
import { RandomStream } from "../numeric/random/stream.js";

const t = z.number().nonnegative().max(9e6);
export const faultSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("smcCrash"), atS: t, smc: z.number().int().min(-1).max(4).describe("SMC index 0–4, or −1: whichever is leader then"), downS: t }),
  z.strictObject({ kind: z.literal("nodeFail"), atS: t, node: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal("cme"), atS: t, centerNode: z.number().int().nonnegative(), rings: z.number().int().min(0).max(100), ringEveryS: t, stormDeltaEThreshold: z.number().gt(0).lt(1).default(0.02) }),
  z.strictObject({ kind: z.literal("linkCut"), atS: t, a: z.number().int().min(0).max(4), b: z.number().int().min(0).max(4), durationS: t }),
  z.strictObject({ kind: z.literal("partition"), atS: t, groups: z.array(z.array(z.number().int().min(0).max(4))).min(1), durationS: t }),
]);
export type Fault = z.output<typeof faultSchema>;

export const faultScheduleSchema = z.strictObject({
  version: z.literal(1),
  seed: z.number().int().nonnegative(),
  faults: z.array(faultSchema).max(1_000_000),
});
export type FaultSchedule = z.output<typeof faultScheduleSchema>;

/** Parse a schedule (already JSON-decoded); errors name path, expected and got. */
export function parseFaultSchedule(json: unknown, where = "faults"): FaultSchedule {
  const r = faultScheduleSchema.safeParse(json);
  if (r.success) return r.data;
  const i = r.error.issues[0];
  throw InputError.of(`${where}:${(i?.path ?? []).join(".")}`, i?.message ?? "a fault schedule", "~invalid");
}

/** What a seeded schedule contains. */
export interface FaultPlan {
  readonly durationS: number;
  readonly nodes: number;
  /** Mean time between failures of one LEO node, s (accelerated for statistics; say so). */
  readonly nodeMtbfS: number;
  /** SMC crashes, each of the then-leader, evenly spread; each down `smcDownS`. */
  readonly leaderCrashes: number;
  readonly smcDownS: number;
  readonly cmes: number;
  /** CME rings and time between rings, s (defaults 4 and 2 s). */
  readonly cmeRings?: number;
  readonly cmeRingEveryS?: number;
}

/**
 * An exponential gap of mean 1/rate by inverse-CDF sampling, −ln(1 − u)/rate, with glibcLog
 * (numeric/random): a saved schedule must replay bit for bit, and `Math.log` is only specified to
 * be "implementation-approximated" (ECMA-262 §21.3.2.20) — V8 versions and other engines may
 * differ in the last bit, which would move failure times. glibcLog is a pure-IEEE port of glibc's
 * log, identical on every platform.
 */
export function exponentialGapS(u: number, rate: number): number {
  return -glibcLog(1 - u) / rate;
}

/** Generate a schedule from `seed` (stream "faults"): Poisson node failures, leader crashes, CMEs. */
export function generateFaults(seed: number, plan: FaultPlan): FaultSchedule {
  const rng = RandomStream.fromSeed(seed, "faults");
  const faults: Fault[] = [];
  for (let k = 0; k < plan.leaderCrashes; k++) faults.push({ kind: "smcCrash", atS: ((k + 1) * plan.durationS) / (plan.leaderCrashes + 1), smc: -1, downS: plan.smcDownS });
  nodeFailures(rng, plan, faults);
  for (let k = 0; k < plan.cmes; k++) faults.push({ kind: "cme", atS: rng.uniform() * plan.durationS * 0.8, centerNode: rng.int(plan.nodes), rings: plan.cmeRings ?? 4, ringEveryS: plan.cmeRingEveryS ?? 2, stormDeltaEThreshold: 0.02 });
  faults.sort((a, b) => a.atS - b.atS);
  return { version: 1, seed, faults };
}

/**
 * Node failures as the superposition of N Poisson processes: exponential gaps at rate N / MTBF.
 * (A function of its own: its loop, thousands of draws, is compiled on its own and left cleanly.)
 */
function nodeFailures(rng: RandomStream, plan: FaultPlan, faults: Fault[]): void {
  const rate = plan.nodes / plan.nodeMtbfS;
  for (let at = exponentialGapS(rng.uniform(), rate); at < plan.durationS; at += exponentialGapS(rng.uniform(), rate)) {
    faults.push({ kind: "nodeFail", atS: at, node: rng.int(plan.nodes) });
  }
}

/**
 * Nodes hit by a CME ring by ring: ring r = the +Grid nodes at grid (Manhattan) distance r from
 * the centre, planes and slots wrapping around. Returns rings[r] = node ids.
 */
export function cmeRings(center: number, rings: number, planes: number, perPlane: number): number[][] {
  const p0 = Math.floor(center / perPlane);
  const s0 = center % perPlane;
  const seen = new Set<number>();
  const out: number[][] = [];
  for (let r = 0; r <= rings; r++) {
    const ring: number[] = [];
    for (let dp = -r; dp <= r; dp++) {
      const ds = r - Math.abs(dp);
      for (const sgn of ds === 0 ? [0] : [-1, 1]) {
        const id = (((p0 + dp) % planes + planes) % planes) * perPlane + (((s0 + sgn * ds) % perPlane + perPlane) % perPlane);
        if (!seen.has(id)) {
          seen.add(id);
          ring.push(id);
        }
      }
    }
    out.push(ring);
  }
  return out;
}
