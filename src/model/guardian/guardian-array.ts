/**
 * The Guardian Neuron array of one node (§3.1: "three independent units"; §4.1: triple modular
 * redundancy): each unit compares ΔE with its copy of the ODOS threshold, a 2-of-3 majority
 * voter decides the veto. Single-unit faults can be injected: outputs stuck at 0 or 1, a
 * transient output flip, or a bit flip in the unit's stored threshold (an SEU in the IEEE-754
 * register). With one faulty unit the voted output equals the fault-free one; two can break it.
 */
import { InputError, requireFinite, requireInt } from "../../errors.js";
import type { OdosKernel } from "./odos-kernel.js";

/** A fault of one unit. */
export type UnitFault =
  | { readonly unit: number; readonly kind: "stuck-at-0" | "stuck-at-1" | "output-flip" }
  | { readonly unit: number; readonly kind: "threshold-bit-flip"; readonly bit: number };

/** The voted decision with each unit's vote. */
export interface GuardianDecision {
  readonly veto: boolean;
  readonly votes: readonly [boolean, boolean, boolean];
  /** Units whose vote differs from the majority (a detected disagreement, to be logged). */
  readonly outvoted: readonly number[];
}

/** `x` with bit `bit` (0 = least significant of the mantissa, 63 = sign) of its binary64 flipped. */
export function flipFloat64Bit(x: number, bit: number): number {
  requireInt(bit, "bit", 0, 63);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const byte = 7 - (bit >> 3);
  view.setUint8(byte, view.getUint8(byte) ^ (1 << (bit & 7)));
  return view.getFloat64(0);
}

/** One unit's vote: ΔE > threshold, as altered by its fault (if any). NaN thresholds never veto (NaN compares false). */
export function unitVote(deltaE: number, threshold: number, fault?: UnitFault): boolean {
  if (!fault) return deltaE > threshold;
  switch (fault.kind) {
    case "stuck-at-0": return false;
    case "stuck-at-1": return true;
    case "output-flip": return !(deltaE > threshold);
    case "threshold-bit-flip": return deltaE > flipFloat64Bit(threshold, fault.bit);
  }
}

/** 2-of-3 majority: (a∧b) ∨ (a∧c) ∨ (b∧c). */
export function majority3(a: boolean, b: boolean, c: boolean): boolean {
  return (a && b) || (a && c) || (b && c);
}

/**
 * Decide one input. `storm` selects the stricter storm threshold.
 * @param deltaE ODOS dissonance ΔE = 1 − |⟨ψ|ODOS⟩|² (dimensionless)
 * @param faults at most one fault per unit (units 0, 1, 2)
 */
export function guardianDecide(kernel: OdosKernel, deltaE: number, faults: readonly UnitFault[] = [], storm = false): GuardianDecision {
  requireFinite(deltaE, "deltaE");
  const byUnit: (UnitFault | undefined)[] = [undefined, undefined, undefined];
  for (const f of faults) {
    requireInt(f.unit, "faults[].unit", 0, 2, "three Guardian Neurons per node");
    if (byUnit[f.unit]) throw InputError.of(`faults[unit=${f.unit}]`, "at most one fault per unit", "two");
    byUnit[f.unit] = f;
  }
  const threshold = storm ? kernel.thresholds.stormDeltaEMax : kernel.thresholds.deltaEMax;
  const votes = [0, 1, 2].map((u) => unitVote(deltaE, threshold, byUnit[u])) as [boolean, boolean, boolean];
  const veto = majority3(votes[0], votes[1], votes[2]);
  const outvoted = [0, 1, 2].filter((u) => votes[u] !== veto);
  return { veto, votes, outvoted };
}
