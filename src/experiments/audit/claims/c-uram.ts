/** App. C: URAM 32 of 1.2k = 2.7 %. */
import { fpgaRowClaim } from "./c-row.js";

export const cUram = fpgaRowClaim("URAM", "32", 32, "1.2k", 1200, 2.7);
