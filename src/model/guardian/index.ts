/** Guardian: the ODOS kernel, the Guardian Neuron array (TMR), the veto latency and the TER channel (§2.3, §3.1, §4.2). */
export * from "./sha256.js";
export * from "./deep-freeze.js";
export * from "./odos-kernel.js";
export * from "./guardian-array.js";
export * from "./veto-latency.js";
export * from "./ter-veto.js";
export * from "./veto-outcome.js";
