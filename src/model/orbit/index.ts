export * from "./light-time.js";
export * from "./smc.js";
export * from "./walker.js";
export * from "./isl.js";
export * from "./interplanetary.js";
