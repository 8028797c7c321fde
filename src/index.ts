/** pqms: the library behind the CLI. Sub-entry points: `pqms/quantum`, `pqms/numeric`. */
export * from "./errors.js";
export { PACKAGE_VERSION } from "./version.js";
