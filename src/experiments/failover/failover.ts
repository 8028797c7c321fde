/**
 * The failover experiment (§3.2). The control-plane world (SMC Raft over light-time links, Black
 * Sarcophagus reloads, faults) lives in sim/failover-world.ts so that a mesh run can replay its
 * timeline; this module is the experiment's public name for it.
 */
export { FAILOVER_DEFAULT, failoverOptionsFromScenario, runFailover } from "../../sim/failover-world.js";
export type { ControlEvent, Dist, FailoverOptions, FailoverResult } from "../../sim/failover-world.js";
