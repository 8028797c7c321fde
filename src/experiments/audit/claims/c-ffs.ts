/** App. C: FFs 245k of 3.8M = 6.4 % — the VC1902 has 1 799 680 flip-flops. */
import { fpgaRowClaim } from "./c-row.js";
import { VC1902 } from "../vc1902.js";

export const cFfs = fpgaRowClaim("FFs", "245k", 245000, "3.8M", 3800000, 6.4, VC1902.flipFlops);
