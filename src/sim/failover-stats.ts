import { widened } from "./queue.js";

/** Quantile of a sorted sample by linear interpolation (numpy's default 'linear'); NaN if empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

/**
 * A growing list of samples held as doubles (a Float64Array doubled as needed): pushing one never
 * changes how the list is stored, whatever the value, so code that pushes stays as it was compiled.
 */
export class Samples {
  private data = new Float64Array(256);
  private n = 0;

  push(x: number): void {
    if (this.n === this.data.length) this.data = widened(this.data, new Float64Array(2 * this.n));
    this.data[this.n++] = x;
  }

  get length(): number {
    return this.n;
  }

  /** The samples in the order pushed (a view: valid until the next push). */
  values(): Float64Array {
    return this.data.subarray(0, this.n);
  }

  /** The samples sorted ascending (a copy; the same order as sorting with (a, b) => a − b when there is no NaN or −0). */
  sorted(): Float64Array {
    return this.data.slice(0, this.n).sort();
  }
}
