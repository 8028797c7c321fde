/** `pqms improve`: the nearest buildable V3000, derived from labelled technology figures. */
export * from "./assumptions.js";
export * from "./derive.js";
export * from "./improve.js";
export * from "./twin.js";
