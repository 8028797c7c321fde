/** The code version recorded with every run (a run is a function of scenario, seed and this). */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pkg = require("../package.json") as { version: string };

export const PACKAGE_VERSION: string = pkg.version;
