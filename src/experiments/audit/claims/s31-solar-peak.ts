/** §3.1: solar panels of 0.8 m² deliver 2 kW peak. */
import type { Claim } from "../claim.js";
import { solarPowerMaxW } from "../../../model/energy/index.js";
import { SOLAR_CONSTANT_W_PER_M2 } from "../../../model/constants.js";
import { lawBound, sci } from "../compare.js";

export const s31SolarPeak: Claim<{ peakW: number; areaM2: number; solarConstantWPerM2: number }> = {
  id: "s31-solar-peak",
  section: "§3.1",
  claim: "Solar Panels: 0.8 m² (2 kW peak)",
  inputs: { peakW: 2000, areaM2: 0.8, solarConstantWPerM2: SOLAR_CONSTANT_W_PER_M2 },
  paperValue: 2000,
  unit: "W",
  recompute(i) {
    const max = solarPowerMaxW(i.areaM2, 1, i.solarConstantWPerM2);
    const real = solarPowerMaxW(i.areaM2, 0.3, i.solarConstantWPerM2);
    return {
      recomputed: max,
      comparison: lawBound(i.peakW, max, "at most", "energy conservation: a panel cannot deliver more power than the sunlight falling on it (1360.8 W/m² at 1 AU, outside the atmosphere)"),
      arithmetic: [
        `${i.areaM2} m² × ${i.solarConstantWPerM2} W/m² × 100 % efficiency = ${sci(max)} W`,
        `at 30 % (best space triple-junction cells): ${sci(real)} W; ${sci(i.peakW)} W would need ${sci(i.peakW / (i.solarConstantWPerM2 * 0.3))} m²`,
        `${sci(i.peakW)} W / ${i.areaM2} m² = ${sci(i.peakW / i.areaM2)} W/m² = ${sci(i.peakW / i.areaM2 / i.solarConstantWPerM2, 3)} × the solar constant`,
      ],
      explanation: { holds: "The panel's peak is within the sunlight it receives.", fails: "2 kW from 0.8 m² needs 2500 W/m², 1.8 times all the sunlight at Earth's distance even at 100 % conversion." },
    };
  },
};
