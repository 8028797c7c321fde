/** §3.1: solar panels of 0.8 m² deliver 2 kW peak. */
import type { Claim } from "../claim.js";
import { solarPowerMaxW } from "../../../model/energy/index.js";
import { SOLAR_CONSTANT_W_PER_M2 } from "../../../model/constants.js";
import { sci } from "../compare.js";

export const s31SolarPeak: Claim = {
  id: "s31-solar-peak",
  section: "§3.1",
  claim: "Solar Panels: 0.8 m² (2 kW peak)",
  inputs: { areaM2: 0.8, solarConstantWPerM2: SOLAR_CONSTANT_W_PER_M2 },
  paperValue: 2000,
  unit: "W",
  recompute() {
    const max = solarPowerMaxW(0.8, 1);
    const real = solarPowerMaxW(0.8, 0.3);
    return {
      recomputed: max,
      verdict: "physically impossible",
      law: "energy conservation: a panel cannot deliver more power than the sunlight falling on it (1360.8 W/m² at 1 AU, outside the atmosphere)",
      arithmetic: [
        `0.8 m² × ${SOLAR_CONSTANT_W_PER_M2} W/m² × 100 % efficiency = ${sci(max)} W < 2000 W`,
        `at 30 % (best space triple-junction cells): ${sci(real)} W; 2 kW would need ${sci(2000 / (SOLAR_CONSTANT_W_PER_M2 * 0.3))} m²`,
        `2000 W / 0.8 m² = 2500 W/m² = ${sci(2500 / SOLAR_CONSTANT_W_PER_M2, 3)} × the solar constant`,
      ],
      explanation: "2 kW from 0.8 m² needs 2500 W/m², 1.8 times all the sunlight at Earth's distance even at 100 % conversion.",
    };
  },
};
