/** App. C: BRAM 128 of 2.8k = 4.6 %. */
import { fpgaRowClaim } from "./c-row.js";

export const cBram = fpgaRowClaim("BRAM", "128", 128, "2.8k", 2800, 4.6);
