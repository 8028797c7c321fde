/** ODE integrators. */
export { Dopri5, dopri5 } from "./dopri5.js";
export type { Dopri5Options, OdeOutput, OdeRhs, OdeStats } from "./dopri5.js";
