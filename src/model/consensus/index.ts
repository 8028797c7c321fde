export * from "./types.js";
export * from "./raft.js";
export * from "./checker.js";
