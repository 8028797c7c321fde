// Shared by the quantum tests: load reference JSON and rebuild matrices from [re, im] rows.
import { readFileSync } from "node:fs";
import { Qobj, type Dims } from "../qobj.js";

export function loadReference<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../../test/reference/${name}`, import.meta.url), "utf8")) as T;
}

export type CRows = Array<Array<[number, number]>>;

export function qobjFromRows(rows: CRows, dims?: Dims): Qobj {
  return Qobj.fromRows(rows, dims);
}

/** Largest |A_ij − B_ij| between a Qobj and [re, im] rows. */
export function maxDiff(A: Qobj, rows: CRows): number {
  const D = A.full();
  let m = 0;
  rows.forEach((row, i) => row.forEach(([re, im], j) => {
    m = Math.max(m, Math.hypot((D.data[2 * (i * D.cols + j)]!) - re, (D.data[2 * (i * D.cols + j) + 1]!) - im));
  }));
  if (rows.length !== D.rows || (rows[0]?.length ?? 0) !== D.cols) return Infinity;
  return m;
}
