/** §4.1: latency per thought 0.85 ns, measured "@ 100 MHz" — against one period of that clock. */
import type { Claim } from "../claim.js";
import { below, sci } from "../compare.js";

export const s41ClockTiming: Claim<{ latencyS: number; clockHz: number; vetoS23S: number; h3LatencyS: number }> = {
  id: "s41-clock-timing",
  section: "§4.1",
  claim: "Measured parameters (FPGA emulation): Power @ 100 MHz 4.8 W; Latency per thought 0.85 ns [§2.3: veto < 1 ps; §6.3: veto < 1 ns]",
  inputs: { latencyS: 0.85e-9, clockHz: 100e6, vetoS23S: 1e-12, h3LatencyS: 1e-9 },
  paperValue: 0.85e-9,
  unit: "s",
  recompute(i) {
    const period = 1 / i.clockHz;
    return {
      recomputed: period,
      // A synchronous result appears at a clock edge: a measured latency cannot be shorter than one period.
      comparison: below(i.latencyS, period),
      arithmetic: [
        `one period at ${sci(i.clockHz)} Hz = ${sci(period)} s`,
        `latency per thought ${sci(i.latencyS)} s = ${sci(i.latencyS / period)} periods`,
        `§2.3's veto ${sci(i.vetoS23S)} s = ${sci(i.vetoS23S / period)} periods; §6.3's ${sci(i.h3LatencyS)} s = ${sci(i.h3LatencyS / period)} periods`,
      ],
      explanation: { holds: "The latencies fit the clock.", fails: "An FPGA emulation clocked at 100 MHz registers results every 10 ns; it cannot measure a 0.85 ns latency (a twelfth of a cycle), let alone a 1 ps veto." },
    };
  },
};
