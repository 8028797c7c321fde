/** App. C: DSPs 384 of 2.2k = 17.5 %. */
import { fpgaRowClaim } from "./c-row.js";

export const cDsps = fpgaRowClaim("DSPs", "384", 384, "2.2k", 2200, 17.5);
