/** App. C: LUTs 187k of 1.9M = 9.8 % — the VC1902 has 899 840 LUTs. */
import { fpgaRowClaim } from "./c-row.js";
import { VC1902 } from "../vc1902.js";

export const cLuts = fpgaRowClaim("LUTs", "187k", 187000, "1.9M", 1900000, 9.8, VC1902.luts);
