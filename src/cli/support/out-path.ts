/**
 * `--out` paths, checked before any work: a directory to write into (created level by level), or
 * a file to write. Every refusal is an InputError naming the flag, what was expected and what the
 * path is. Directories are created one level at a time: Node's recursive mkdir never returns for
 * a path under /proc (it retries ENOENT forever), so it is not used on user paths.
 */
import { accessSync, constants, mkdirSync, statSync, writeFileSync, type Stats } from "node:fs";
import { dirname, resolve } from "node:path";
import { InputError } from "../../errors.js";

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "ENOTDIR") return undefined; // a parent is a file: found when walking up
    throw e;
  }
}

function kind(st: Stats): string {
  return st.isFile() ? "a file" : st.isDirectory() ? "a directory" : st.isFIFO() ? "a pipe" : st.isCharacterDevice() || st.isBlockDevice() ? "a device" : st.isSocket() ? "a socket" : "something else";
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The nearest existing ancestor of `path` (itself excluded) and the missing levels below it. */
function existingAncestor(path: string): { dir: string; stats: Stats; missing: string[] } {
  const missing: string[] = [];
  let p = path;
  for (;;) {
    const parent = dirname(p);
    missing.unshift(p);
    const st = statOrUndefined(parent);
    if (st !== undefined || parent === p) return { dir: parent, stats: st as Stats, missing };
    p = parent;
  }
}

/** Make sure `dir` is a writable directory, creating the missing levels; throws an InputError naming `flag`. */
export function prepareOutDir(dir: string, flag = "--out"): string {
  const abs = resolve(dir);
  const expected = "a directory that exists or can be created, and that this user may write";
  const st = statOrUndefined(abs);
  if (st !== undefined) {
    if (!st.isDirectory()) throw InputError.of(flag, expected, `~'${dir}', which is ${kind(st)}`);
    if (!writable(abs)) throw InputError.of(flag, expected, `~'${dir}', a directory this user may not write`);
    return abs;
  }
  const { dir: base, stats, missing } = existingAncestor(abs);
  if (!stats.isDirectory()) throw InputError.of(flag, expected, `~'${dir}', whose parent '${base}' is ${kind(stats)}`);
  if (!writable(base)) throw InputError.of(flag, expected, `~'${dir}', under '${base}', which this user may not write`);
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST" && statOrUndefined(level)?.isDirectory()) continue;
      throw InputError.of(flag, expected, `~'${dir}' (creating '${level}': ${(e as Error).message})`);
    }
  }
  return abs;
}

/** Make sure `file` can be written: an existing regular file, or a new one in an existing writable directory. */
export function checkOutFile(file: string, flag = "--out"): string {
  const abs = resolve(file);
  const expected = "a file path in an existing directory this user may write";
  const st = statOrUndefined(abs);
  if (st !== undefined) {
    if (!st.isFile()) throw InputError.of(flag, expected, `~'${file}', which is ${kind(st)}`);
    try {
      accessSync(abs, constants.W_OK);
    } catch {
      throw InputError.of(flag, expected, `~'${file}', a file this user may not write`);
    }
    return abs;
  }
  const parent = dirname(abs);
  const pst = statOrUndefined(parent);
  if (pst === undefined) {
    const { dir: base, stats } = existingAncestor(parent);
    const why = stats.isDirectory() ? `its directory '${parent}' does not exist` : `'${base}' in its path is ${kind(stats)}`;
    throw InputError.of(flag, expected, `~'${file}' (${why})`);
  }
  if (!pst.isDirectory()) throw InputError.of(flag, expected, `~'${file}', whose parent '${parent}' is ${kind(pst)}`);
  if (!writable(parent)) throw InputError.of(flag, expected, `~'${file}', in '${parent}', which this user may not write`);
  return abs;
}

/** Write `text` to a file checked by `checkOutFile`; a failure (disk full, /proc) is an InputError too. */
export function writeOutFile(file: string, text: string, flag = "--out"): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw InputError.of(flag, "a file this user may write", `~'${file}' (${(e as Error).message})`);
  }
}
