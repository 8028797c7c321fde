/** §7: the 10⁴-fold saving means the planetary computational demand could be met with a few hundred MW. */
import type { Claim } from "../claim.js";
import { sci } from "../compare.js";

/** Data-centre electricity use 2024, TWh (IEA, "Energy and AI", 2025: ≈ 415 TWh). */
const DATA_CENTRE_TWH_2024 = 415;
const HOURS_PER_YEAR = 8766;

export const s7PlanetaryDemand: Claim = {
  id: "s7-planetary-demand",
  section: "§7",
  claim: "The 10⁴-fold energy saving means that the entire planetary computational demand could be met with a few hundred MW – equivalent to a single nuclear power plant",
  inputs: { dataCentreTWh2024: DATA_CENTRE_TWH_2024, saving: 1e4, fewHundredMW: 300 },
  paperValue: 300e6,
  unit: "W",
  recompute() {
    const avgW = (DATA_CENTRE_TWH_2024 * 1e12) / HOURS_PER_YEAR;
    const after = avgW / 1e4;
    return {
      recomputed: after,
      verdict: "inconsistent",
      factor: 300e6 / after,
      arithmetic: [
        `world data centres 2024 ≈ ${DATA_CENTRE_TWH_2024} TWh/yr (IEA 2025) ⇒ ${DATA_CENTRE_TWH_2024}·10¹² Wh / ${HOURS_PER_YEAR} h = ${sci(avgW)} W average`,
        `÷ 10⁴ = ${sci(after)} W; "a few hundred MW" (300 MW) / ${sci(after)} W = ${sci(300e6 / after)}`,
        `with the table's 4000× instead: ${sci(avgW / 4000)} W`,
      ],
      explanation: "The paper's own factor applied to today's data-centre consumption gives about 5 MW, not a few hundred; the sentence does not follow from the numbers it cites (the demand figure is IEA's estimate, not a constant).",
    };
  },
};
