/** The paper's energy formulas in SI units (§2.2, §3.1, §4.1, §4.2, §5.1) and the run ledger. */
export * from "./dimension.js";
export * from "./flip-energy.js";
export * from "./node-power.js";
export * from "./thermal.js";
export * from "./josephson.js";
export * from "./corollary.js";
export * from "./footprint.js";
export * from "./bill-of-materials.js";
export * from "./solar.js";
export * from "./zero-point.js";
export * from "./ledger.js";
