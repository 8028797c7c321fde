/** App. C: DSPs 384 of 2.2k = 17.5 % — the VC1902 has 1 968 DSP58 engines. */
import { fpgaRowClaim } from "./c-row.js";
import { VC1902 } from "../vc1902.js";

export const cDsps = fpgaRowClaim("DSPs", "384", 384, "2.2k", 2200, 17.5, VC1902.dsp58);
