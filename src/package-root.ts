/**
 * Files the commands read from the installed package (bundled scenarios, the reference values
 * `pqms demo` prints, the built dashboard). This module sits one level below the package root both
 * as src/package-root.ts and as dist/package-root.js, so one relative step finds the root in a
 * checkout and in an installed package alike. Everything named here must be in package.json "files".
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the package root (the directory holding package.json). */
export const PACKAGE_ROOT: string = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Absolute path of `relative` (slash-separated) inside the package. */
export function packagePath(relative: string): string {
  return join(PACKAGE_ROOT, ...relative.split("/"));
}
