/**
 * Upper bound on a solar array's electrical power: area × irradiance × efficiency, with the
 * irradiance at most the solar constant at 1 AU in space (≈ 1361 W/m²). §3.1 claims "0.8 m²
 * (2 kW peak)", i.e. 2500 W/m² — more than the sunlight falling on the panel.
 */
import { SOLAR_CONSTANT_W_PER_M2 } from "../constants.js";
import { InputError } from "../../errors.js";
import { requirePositive } from "./validate.js";

/** Maximum electrical power in W of `areaM2` m² at conversion `efficiency` ∈ (0, 1] and irradiance in W/m². */
export function solarPowerMaxW(areaM2: number, efficiency = 1, irradianceWPerM2 = SOLAR_CONSTANT_W_PER_M2): number {
  requirePositive(areaM2, "areaM2");
  requirePositive(irradianceWPerM2, "irradianceWPerM2");
  if (!(efficiency > 0 && efficiency <= 1)) throw InputError.of("efficiency", "a number in (0, 1]", efficiency);
  return areaM2 * irradianceWPerM2 * efficiency;
}
