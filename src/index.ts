/**
 * pqms: the library behind the CLI. Everything a command does, a program can call.
 *
 * Sub-entry points: `pqms/quantum` (QuTiP-shaped API) and `pqms/numeric` (typed-array kernels)
 * are also available here as the `quantum` and `numeric` namespaces.
 */
export * from "./errors.js";
export { PACKAGE_VERSION } from "./version.js";

export * as numeric from "./numeric/index.js";
export * as quantum from "./quantum/index.js";

// Scenarios, the run loop and the run store (the `pqms run` pipeline).
export { parseScenario, parseScenarioText, resolveScenario, scenarioSchema, scenarioJsonSchema } from "./sim/scenario/index.js";
export { Runner, type RunResult, type Checkpoint, type RunSink } from "./sim/run.js";
export { openStore, RunStore, DEFAULT_DB_PATH, type RunRecord, type RunStatus } from "./store/run-store.js";
export { writeRunReport, type RunReport } from "./report/run-report.js";

// Experiments: paper-mode replications, coherence, failover, the audit and the falsification protocol.
export { replicateAppendixA, explainAppendixA } from "./experiments/replicate/appendix-a.js";
export { replicateAppendixD, explainAppendixD } from "./experiments/replicate/appendix-d.js";
export { replicateAppendixF, explainAppendixF, physicalAppendixF } from "./experiments/replicate/appendix-f.js";
export { runCoherence, type CoherenceOptions, type CoherenceReport } from "./experiments/coherence/coherence.js";
export { runFailover, type FailoverOptions, type FailoverResult } from "./experiments/failover/failover.js";
export * as audit from "./experiments/audit/index.js";
export * as falsify from "./experiments/falsify/index.js";
