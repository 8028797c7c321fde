/** Parsers for CLI flag values: each rejects bad input with a typed error naming the flag. */
import { InputError } from "../errors.js";

/** Parse an integer flag in [min, max]. */
export function intFlag(flag: string, min: number, max = Number.MAX_SAFE_INTEGER, why?: string): (raw: string) => number {
  return (raw: string) => {
    const x = Number(raw);
    if (!/^[+-]?\d+$/.test(raw.trim()) || !Number.isSafeInteger(x) || x < min || x > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer in [${min}, ${max}]`;
      throw InputError.of(flag, why ? `${range} (${why})` : range, raw);
    }
    return x;
  };
}

/** Parse a finite number flag. */
export function numberFlag(flag: string): (raw: string) => number {
  return (raw: string) => {
    const x = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(x)) throw InputError.of(flag, "a finite number", raw);
    return x;
  };
}

/** Parse one of a fixed set of words. */
export function choiceFlag<T extends string>(flag: string, choices: readonly T[]): (raw: string) => T {
  return (raw: string) => {
    if (!(choices as readonly string[]).includes(raw)) throw InputError.of(flag, `one of ${choices.join(", ")}`, raw);
    return raw as T;
  };
}
