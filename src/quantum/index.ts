/** pqms/quantum: a small QuTiP-shaped API (Qobj, operators, states, metrics, mesolve, steadystate). */
export { Qobj, type Complex, type Dims, type QobjType, type Scalar } from "./qobj.js";
export { tensor } from "./tensor.js";
export { destroy, create, num, qeye, sigmax, sigmay, sigmaz, sigmap, sigmam } from "./operators.js";
export { basis, fockDm, ket2dm, coherent, coherentDm, thermalDm, randKet, type NormalSource } from "./states.js";
export { expect, expectComplex } from "./expect.js";
export { fidelity, rcf, entropyVn, purity, tracedist } from "./metrics.js";
export { liouvillian, spre, spost, lindbladDissipator } from "./superop.js";
export { mesolve, type HSpec, type HTerm, type MesolveOptions, type MesolveResult, type MesolveStats } from "./mesolve.js";
export { steadystate, type SteadystateOptions } from "./steadystate.js";
export { twoModeCavity, REFERENCE_CAVITY, type CavityParams } from "./two-mode-cavity.js";
export { isingChain, kerrOscillator, drivenJaynesCummings, ISING_DEFAULTS, KERR_DEFAULTS, JAYNES_CUMMINGS_DEFAULTS, type OpenModel, type IsingParams, type KerrParams, type JaynesCummingsParams } from "./open-models.js";
