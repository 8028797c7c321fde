/** Appendix D, the resource optimizer: paper mode (the printed classes) and physical mode (an optimal allocator). */
export * from "./paper-constants.js";
export * from "./paper-task.js";
export * from "./paper-units.js";
export * from "./paper-guardian.js";
export * from "./paper-allocator.js";
export * from "./paper-scenario.js";
export * from "./numpy-draws.js";
export * from "./defects.js";
export * from "./allocator.js";
export * from "./world.js";
export * from "./physical-run.js";
