/** App. C: BRAM 128 of 2.8k = 4.6 % — the VC1902 has 967 block RAMs (36 Kb). */
import { fpgaRowClaim } from "./c-row.js";
import { VC1902 } from "../vc1902.js";

export const cBram = fpgaRowClaim("BRAM", "128", 128, "2.8k", 2800, 4.6, VC1902.blockRam36k);
