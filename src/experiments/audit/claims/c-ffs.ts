/** App. C: FFs 245k of 3.8M = 6.4 %. */
import { fpgaRowClaim } from "./c-row.js";

export const cFfs = fpgaRowClaim("FFs", "245k", 245000, "3.8M", 3800000, 6.4);
