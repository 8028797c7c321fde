/** §3.2: the nearest SMC reloads a failed node's state into a spare within 100 µs. */
import type { Claim } from "../claim.js";
import { GEO_ALTITUDE_M, LEO_ALTITUDE_M, lightTimeS } from "../distances.js";
import { lawBound, sci } from "../compare.js";

export const s32Reload: Claim<{ reloadS: number; geoAltitudeM: number; leoAltitudeM: number }> = {
  id: "s32-reload",
  section: "§3.2",
  claim: "In case of a node failure, the nearest SMC can reload the state into a spare node within 100 µs",
  inputs: { reloadS: 100e-6, geoAltitudeM: GEO_ALTITUDE_M, leoAltitudeM: LEO_ALTITUDE_M },
  paperValue: 100e-6,
  unit: "s",
  recompute(i) {
    const d = i.geoAltitudeM - i.leoAltitudeM;
    const t = lightTimeS(d);
    return {
      recomputed: t,
      comparison: lawBound(i.reloadS, t, "at least", "special relativity: the state cannot reach the spare faster than light"),
      arithmetic: [
        "the nearest SMC to a LEO node is a GEO one (the others are at L1, L2 and the Moon)",
        `shortest GEO–LEO distance (GEO directly overhead): ${sci(i.geoAltitudeM / 1e3, 6)} km − ${sci(i.leoAltitudeM / 1e3)} km = ${sci(d / 1e3, 6)} km`,
        `one-way light time ${sci(d)} m / c = ${sci(t)} s = ${sci(t / i.reloadS)} × ${sci(i.reloadS)} s`,
        `in ${sci(i.reloadS)} s light travels ${sci((299_792_458 * i.reloadS) / 1e3)} km`,
      ],
      explanation: { holds: "The state can reach the spare in time.", fails: "The reload alone needs the state to travel at least 35 000 km, ~0.12 s, not counting failure detection." },
    };
  },
};
