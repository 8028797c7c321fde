/** Abstract: 10⁵ nodes operate below 150 MW. */
import type { Claim } from "../claim.js";
import { compareBelow, sci } from "../compare.js";

export const absTotalPower: Claim = {
  id: "abs-total-power",
  section: "Abstract",
  claim: "a planetary brain of 10⁵ nodes operates at a total power below 150 MW",
  inputs: { nodes: 1e5, nodePowerW_s41: 4.8, zpeContributionW: 0 },
  paperValue: 150e6,
  unit: "W",
  recompute() {
    const total = 1e5 * 4.8;
    return compareBelow(150e6, total, [
      `§4.1 measured node power 4.8 W (the ZPE harvester's 0.5 W booked at 0 W: see s41-zpe-harvester)`,
      `10⁵ × 4.8 W = ${sci(total)} W = ${sci(total / 1e6)} MW < 150 MW`,
      `the §2.2 formula gives far less (s22-p-total: 9.3e-8 W); §5.1's table gives exactly 150 MW`,
    ], {
      consistent: "As a bound it holds with the paper's own node power (0.48 MW ≪ 150 MW); the three figures the paper gives for the same cluster (9.3e-8 W, 0.48 MW, 150 MW) disagree with each other by up to 15 orders of magnitude.",
      inconsistent: "The bound fails with the paper's node power.",
    });
  },
};
