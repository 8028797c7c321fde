/** App. C: LUTs 187k of 1.9M = 9.8 %. */
import { fpgaRowClaim } from "./c-row.js";

export const cLuts = fpgaRowClaim("LUTs", "187k", 187000, "1.9M", 1900000, 9.8);
