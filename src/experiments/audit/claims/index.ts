/** Every audited claim, in the order of the paper. Adding a claim: one file here and one line below. */
import type { Claim } from "../claim.js";
import { absNodePowerFormula } from "./abs-node-power-formula.js";
import { absSystemRcf } from "./abs-system-rcf.js";
import { absThoughtsPerSecond } from "./abs-thoughts-per-second.js";
import { absTotalPower } from "./abs-total-power.js";
import { s1GlobalOscillation } from "./s1-global-oscillation.js";
import { s1LightSecondDistances } from "./s1-light-second-distances.js";
import { s1V1000Savings } from "./s1-v1000-savings.js";
import { s21GlobalDimension } from "./s21-global-dimension.js";
import { s21Theorem1 } from "./s21-theorem1.js";
import { s22FlipEnergy } from "./s22-flip-energy.js";
import { s22Landauer } from "./s22-landauer.js";
import { s22CryoLandauer } from "./s22-cryo-landauer.js";
import { s22PhotonsPerOp } from "./s22-photons-per-op.js";
import { s22LogFactor } from "./s22-log-factor.js";
import { s22ThermalRatio } from "./s22-thermal-ratio.js";
import { s22TotalPower } from "./s22-total-power.js";
import { s23DephasingEnergy } from "./s23-dephasing-energy.js";
import { s23GammaUnits } from "./s23-gamma-units.js";
import { s23Threshold } from "./s23-threshold.js";
import { s23VetoTime } from "./s23-veto-time.js";
import { s23ZeroPointSink } from "./s23-zero-point-sink.js";
import { s31BomTotal } from "./s31-bom-total.js";
import { s31ConstellationCost } from "./s31-constellation-cost.js";
import { s31NeuralinkUsers } from "./s31-neuralink-users.js";
import { s31SolarPeak } from "./s31-solar-peak.js";
import { s31ZpeHarvester } from "./s31-zpe-harvester.js";
import { s32Failover } from "./s32-failover.js";
import { s32Reload } from "./s32-reload.js";
import { s41Finesse } from "./s41-finesse.js";
import { s41ClockTiming } from "./s41-clock-timing.js";
import { s41Neurons } from "./s41-neurons.js";
import { s41PowerVsTheorem } from "./s41-power-vs-theorem.js";
import { s41Qber } from "./s41-qber.js";
import { s41Throughput } from "./s41-throughput.js";
import { s41ZpeContribution } from "./s41-zpe-contribution.js";
import { s42BelowThermal } from "./s42-below-thermal.js";
import { s42DissipatedEnergy } from "./s42-dissipated-energy.js";
import { s42JunctionTemperature } from "./s42-junction-temperature.js";
import { s42VacuumDissipation } from "./s42-vacuum-dissipation.js";
import { s51Cooling } from "./s51-cooling.js";
import { s51LegacyPerTflop } from "./s51-legacy-per-tflop.js";
import { s51Mtbf } from "./s51-mtbf.js";
import { s51NodePower } from "./s51-node-power.js";
import { s51PerTflopFactor } from "./s51-per-tflop-factor.js";
import { s51PerTflopVsTheorem } from "./s51-per-tflop-vs-theorem.js";
import { s51PowerFactor } from "./s51-power-factor.js";
import { s51RowsAgree } from "./s51-rows-agree.js";
import { s51TenThousandFold } from "./s51-ten-thousand-fold.js";
import { s51V3000PerTflop } from "./s51-v3000-per-tflop.js";
import { s52EarthMarsLightTime } from "./s52-earth-mars-light-time.js";
import { s52Latency } from "./s52-latency.js";
import { s52ResidualDrift } from "./s52-residual-drift.js";
import { s52DriftVsTheorem1 } from "./s52-drift-vs-theorem1.js";
import { s61H1 } from "./s61-h1.js";
import { s62H2 } from "./s62-h2.js";
import { s63Criteria } from "./s63-criteria.js";
import { s63H3 } from "./s63-h3.js";
import { s7PlanetaryDemand } from "./s7-planetary-demand.js";
import { s8Efficiency } from "./s8-efficiency.js";
import { aCoherenceText } from "./a-coherence-text.js";
import { aFinalRcf } from "./a-final-rcf.js";
import { aMemory } from "./a-memory.js";
import { aVetoCount } from "./a-veto-count.js";
import { bRcfValue } from "./b-rcf-value.js";
import { bTheorem2 } from "./b-theorem2.js";
import { cBram } from "./c-bram.js";
import { cDsps } from "./c-dsps.js";
import { cFfs } from "./c-ffs.js";
import { cLuts } from "./c-luts.js";
import { cUram } from "./c-uram.js";
import { dLatency } from "./d-latency.js";
import { dListingRuns } from "./d-listing-runs.js";
import { dMidpointAdvantage } from "./d-midpoint-advantage.js";
import { dPqmsRange } from "./d-pqms-range.js";
import { dRpuCapacity } from "./d-rpu-capacity.js";
import { fLuts } from "./f-luts.js";
import { fStabilised } from "./f-stabilised.js";
import { fMkCooling } from "./f-mk-cooling.js";

export const CLAIMS: readonly Claim[] = Object.freeze([
  absNodePowerFormula,
  absSystemRcf,
  absThoughtsPerSecond,
  absTotalPower,
  s1GlobalOscillation,
  s1LightSecondDistances,
  s1V1000Savings,
  s21GlobalDimension,
  s21Theorem1,
  s22FlipEnergy,
  s22Landauer,
  s22CryoLandauer,
  s22PhotonsPerOp,
  s22LogFactor,
  s22ThermalRatio,
  s22TotalPower,
  s23DephasingEnergy,
  s23GammaUnits,
  s23Threshold,
  s23VetoTime,
  s23ZeroPointSink,
  s31BomTotal,
  s31ConstellationCost,
  s31NeuralinkUsers,
  s31SolarPeak,
  s31ZpeHarvester,
  s32Failover,
  s32Reload,
  s41Finesse,
  s41ClockTiming,
  s41Neurons,
  s41PowerVsTheorem,
  s41Qber,
  s41Throughput,
  s41ZpeContribution,
  s42BelowThermal,
  s42DissipatedEnergy,
  s42JunctionTemperature,
  s42VacuumDissipation,
  s51Cooling,
  s51LegacyPerTflop,
  s51Mtbf,
  s51NodePower,
  s51PerTflopFactor,
  s51PerTflopVsTheorem,
  s51PowerFactor,
  s51RowsAgree,
  s51TenThousandFold,
  s51V3000PerTflop,
  s52EarthMarsLightTime,
  s52Latency,
  s52ResidualDrift,
  s52DriftVsTheorem1,
  s61H1,
  s62H2,
  s63Criteria,
  s63H3,
  s7PlanetaryDemand,
  s8Efficiency,
  aCoherenceText,
  aFinalRcf,
  aMemory,
  aVetoCount,
  bRcfValue,
  bTheorem2,
  cBram,
  cDsps,
  cFfs,
  cLuts,
  cUram,
  dLatency,
  dListingRuns,
  dMidpointAdvantage,
  dPqmsRange,
  dRpuCapacity,
  fLuts,
  fStabilised,
  fMkCooling,
]);
