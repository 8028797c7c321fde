/**
 * Appendix D `ResonantProcessingUnit` and `LegacyGPUCluster`, as printed, including the field
 * names that differ between them (`current_power_consumption_watts` vs
 * `current_compute_power_watts`), which makes the allocator's per-tick reset miss the legacy
 * cluster's power (defect D4): `resetPowerAsPrinted` reproduces that.
 */
import type { NumpyRandomState } from "../../numeric/random/index.js";
import { PQMS_CONSTANTS as C } from "./paper-constants.js";
import { numpyUniform } from "./numpy-draws.js";

export interface PaperUnit {
  readonly kind: "PQMS" | "LEGACY";
  readonly id: string;
  readonly nominalTflops: number;
  availableTflops: number;
  readonly powerPerTflops: number;
  /** Only the legacy cluster has one; the RPU uses the constant 1 %. */
  readonly coolingOverhead: number;
  allocateTflops(requested: number): number;
  totalPowerDraw(): number;
  /** What `unit.current_power_consumption_watts = 0.0` does to this unit. */
  resetPowerAsPrinted(): void;
}

export class PaperRpu implements PaperUnit {
  readonly kind = "PQMS" as const;
  availableTflops: number;
  currentPowerConsumptionWatts = 0;
  readonly powerPerTflops: number;
  readonly coolingOverhead = C.PQMS_COOLING_OVERHEAD_MAX;

  /** Draws `power_per_tflops = np.random.uniform(0.1, 5.0)`. */
  constructor(readonly id: string, rs: NumpyRandomState, readonly nominalTflops: number = C.RPU_BASE_TFLOPS_PER_UNIT) {
    this.availableTflops = nominalTflops;
    this.powerPerTflops = numpyUniform(rs, C.PQMS_POWER_PER_TFLOPS_MIN, C.PQMS_POWER_PER_TFLOPS_MAX);
  }

  allocateTflops(requested: number): number {
    const allocated = Math.min(requested, this.availableTflops);
    this.availableTflops -= allocated;
    this.currentPowerConsumptionWatts += allocated * this.powerPerTflops;
    return allocated;
  }

  totalPowerDraw(): number {
    return this.currentPowerConsumptionWatts * (1 + C.PQMS_COOLING_OVERHEAD_MAX);
  }

  resetPowerAsPrinted(): void {
    this.currentPowerConsumptionWatts = 0;
  }
}

export class PaperLegacyCluster implements PaperUnit {
  readonly kind = "LEGACY" as const;
  availableTflops: number;
  currentComputePowerWatts = 0;
  readonly powerPerTflops: number;
  readonly coolingOverhead: number;

  /** Draws `power_per_tflops = uniform(100, 500)` then `cooling_overhead = uniform(0.3, 0.5)`. */
  constructor(readonly id: string, rs: NumpyRandomState, readonly nominalTflops: number) {
    this.availableTflops = nominalTflops;
    this.powerPerTflops = numpyUniform(rs, C.LEGACY_POWER_PER_TFLOPS_MIN, C.LEGACY_POWER_PER_TFLOPS_MAX);
    this.coolingOverhead = numpyUniform(rs, C.LEGACY_COOLING_OVERHEAD_MIN, C.LEGACY_COOLING_OVERHEAD_MAX);
  }

  allocateTflops(requested: number): number {
    const allocated = Math.min(requested, this.availableTflops);
    this.availableTflops -= allocated;
    this.currentComputePowerWatts += allocated * this.powerPerTflops;
    return allocated;
  }

  totalPowerDraw(): number {
    return this.currentComputePowerWatts * (1 + this.coolingOverhead);
  }

  /** The printed reset writes `current_power_consumption_watts`, a field this class does not read: no effect (D4). */
  resetPowerAsPrinted(): void {}
}

/**
 * The sort key `u.power_per_tflops * (1 + u.cooling_overhead if isinstance(u, Legacy) else 0.01)`.
 * The conditional binds last, so an RPU's factor is 0.01, not 1.01 (defect D3, precedence slip).
 */
export function paperEfficiencyKey(u: PaperUnit): number {
  return u.powerPerTflops * (u.kind === "LEGACY" ? 1 + u.coolingOverhead : C.PQMS_COOLING_OVERHEAD_MAX);
}
