/**
 * The energy ledger of one run: what was spent on computation, on vetoes (TER, §2.3/§4.2), on
 * cooling, and what the zero-point harvester delivered — booked at 0 J with the reason, the
 * paper's claimed figure kept beside it. Immutable: each `book…` returns a new ledger.
 */
import { ZERO_POINT_REASON, zeroPointHarvestPowerW } from "./zero-point.js";
import { requireNonNegative } from "./validate.js";

/** Totals of one run, all in J. */
export interface EnergyLedger {
  readonly computeJ: number;
  readonly computeOps: number;
  readonly vetoJ: number;
  readonly vetoCount: number;
  readonly coolingJ: number;
  /** Energy the paper's harvester claim would have delivered over the booked intervals. */
  readonly zeroPointClaimedJ: number;
  /** Energy booked from the harvester: 0 (see `zeroPointReason`). */
  readonly zeroPointBookedJ: number;
  readonly zeroPointReason: string;
}

/** A ledger with nothing booked. */
export function emptyLedger(): EnergyLedger {
  return Object.freeze({
    computeJ: 0, computeOps: 0, vetoJ: 0, vetoCount: 0, coolingJ: 0,
    zeroPointClaimedJ: 0, zeroPointBookedJ: 0, zeroPointReason: ZERO_POINT_REASON,
  });
}

function next(l: EnergyLedger, patch: Partial<EnergyLedger>): EnergyLedger {
  return Object.freeze({ ...l, ...patch });
}

/** Book `ops` operations that cost `energyJ` J in total. */
export function bookCompute(l: EnergyLedger, energyJ: number, ops = 0): EnergyLedger {
  requireNonNegative(energyJ, "energyJ");
  requireNonNegative(ops, "ops");
  return next(l, { computeJ: l.computeJ + energyJ, computeOps: l.computeOps + ops });
}

/** Book one veto that dissipated `energyJ` J (e.g. `phaseSlipEnergyJ`, §4.2). */
export function bookVeto(l: EnergyLedger, energyJ: number): EnergyLedger {
  requireNonNegative(energyJ, "energyJ");
  return next(l, { vetoJ: l.vetoJ + energyJ, vetoCount: l.vetoCount + 1 });
}

/** Book cooling energy in J. */
export function bookCooling(l: EnergyLedger, energyJ: number): EnergyLedger {
  requireNonNegative(energyJ, "energyJ");
  return next(l, { coolingJ: l.coolingJ + energyJ });
}

/** Book the harvester over `durationS` s: the claim at `claimedPowerW` is recorded, 0 J delivered. */
export function bookZeroPoint(l: EnergyLedger, claimedPowerW: number, durationS: number): EnergyLedger {
  requireNonNegative(claimedPowerW, "claimedPowerW");
  requireNonNegative(durationS, "durationS");
  return next(l, {
    zeroPointClaimedJ: l.zeroPointClaimedJ + claimedPowerW * durationS,
    zeroPointBookedJ: l.zeroPointBookedJ + zeroPointHarvestPowerW(claimedPowerW) * durationS,
  });
}

/** Energy drawn from the supply in J: compute + vetoes + cooling − harvester. */
export function ledgerNetJ(l: EnergyLedger): number {
  return l.computeJ + l.vetoJ + l.coolingJ - l.zeroPointBookedJ;
}

/** Net minus what the paper's harvester claim would have contributed, in J (the gap we refuse to book). */
export function ledgerClaimGapJ(l: EnergyLedger): number {
  return l.zeroPointClaimedJ - l.zeroPointBookedJ;
}
