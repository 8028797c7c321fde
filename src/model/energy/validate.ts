/** Input guards shared by the energy formulas: a typed error naming the argument, never a NaN. */
import { InputError, requireFinite } from "../../errors.js";

/** A finite number > 0, else an InputError naming `path`. */
export function requirePositive(x: unknown, path: string): number {
  const v = requireFinite(x, path);
  if (v <= 0) throw InputError.of(path, "a finite number > 0", v);
  return v;
}

/** A finite number ≥ 0, else an InputError naming `path`. */
export function requireNonNegative(x: unknown, path: string): number {
  const v = requireFinite(x, path);
  if (v < 0) throw InputError.of(path, "a finite number ≥ 0", v);
  return v;
}

/** A fidelity in the open interval (0, 1) — 1 would make ln(1/(1−RCF)) infinite. */
export function requireRcf(x: unknown, path: string): number {
  const v = requireFinite(x, path);
  if (!(v > 0 && v < 1)) throw InputError.of(path, "an RCF in (0, 1) (RCF = 1 makes ln(1/(1−RCF)) infinite)", v);
  return v;
}
