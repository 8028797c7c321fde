/** Freeze an object graph of plain objects and arrays (typed arrays cannot be frozen: refused). */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (ArrayBuffer.isView(value)) throw new Error("pqms internal assertion: deepFreeze cannot freeze a typed array; use a plain array");
  for (const v of Object.values(value as object)) deepFreeze(v);
  return Object.freeze(value);
}

/** Canonical JSON: keys sorted at every level, so equal configurations hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("pqms internal assertion: canonicalJson of a non-finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value as object).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
}
