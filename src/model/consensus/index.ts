export * from "./types.js";
export * from "./raft.js";
export * from "./checker.js";
export * from "./harness.js";
export * from "./script.js";
