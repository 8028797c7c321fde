/** App. C: URAM 32 of 1.2k = 2.7 % — the VC1902 has 463 UltraRAMs. */
import { fpgaRowClaim } from "./c-row.js";
import { VC1902 } from "../vc1902.js";

export const cUram = fpgaRowClaim("URAM", "32", 32, "1.2k", 1200, 2.7, VC1902.ultraRam);
