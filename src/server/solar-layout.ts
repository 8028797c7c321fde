/**
 * What the dashboard's inner-solar-system view draws besides a run's metrics: the sizes of Earth,
 * Mars and the two shells (km, to one scale), the node counts and the relays, from the run's
 * `interplanetary` scenario section and the constants the model uses (model/orbit/interplanetary.ts).
 * Positions over time are metrics (earthXAu, …); this is only the fixed geometry.
 */
import { AREOSTATIONARY_RADIUS_M, EARTH_EQUATORIAL_RADIUS_M, MARS_EQUATORIAL_RADIUS_M } from "../model/orbit/interplanetary.js";
import { InputError } from "../errors.js";
import type { Scenario } from "../sim/scenario/index.js";

export interface SolarLayout {
  /** Run time 0 (ISO 8601, UTC): metrics' tNs count from it. */
  readonly epoch: string;
  readonly earth: { readonly radiusKm: number; readonly shellRadiusKm: number; readonly nodes: number; readonly planes: number; readonly gateways: number };
  readonly mars: { readonly radiusKm: number; readonly ringRadiusKm: number; readonly sites: number };
  readonly relays: readonly string[];
  /** Sun–Earth–probe angle below which a deep-space link is down, degrees. */
  readonly solarExclusionDeg: number;
}

/** The fixed geometry of an interplanetary run's view. */
export function solarLayout(scenario: Scenario): SolarLayout {
  const ip = scenario.interplanetary;
  if (ip === undefined) throw InputError.of("scenario.interplanetary", "a run of model: interplanetary (it has an interplanetary section)", `~a ${scenario.model} run`);
  const earthKm = EARTH_EQUATORIAL_RADIUS_M / 1000;
  return {
    epoch: ip.epoch,
    earth: { radiusKm: earthKm, shellRadiusKm: earthKm + ip.earth.altitudeKm, nodes: ip.earth.nodes, planes: ip.earth.planes, gateways: ip.earth.gateways },
    mars: { radiusKm: MARS_EQUATORIAL_RADIUS_M / 1000, ringRadiusKm: AREOSTATIONARY_RADIUS_M / 1000, sites: ip.mars.areostationary },
    relays: [...ip.relays], solarExclusionDeg: ip.links.solarExclusionDeg,
  };
}
