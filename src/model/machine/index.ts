/** Appendix F, the unified machine: the closed loop of simulator and ODOS optimizer. */
export * from "./paper-machine.js";
export * from "./paper-run.js";
export * from "./physical-machine.js";
