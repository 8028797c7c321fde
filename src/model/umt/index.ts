export * from "./oscillator.js";
export * from "./light-time-equation.js";
export * from "./two-way.js";
export * from "./ephemeris.js";
export * from "./sync-tree.js";
export * from "./sync-network.js";
export * from "./allan.js";
export * from "./constellation-umt.js";
