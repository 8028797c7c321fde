import { describe, expect, it } from "vitest";
import { MEMORY_BYTES_MAX, WasmKernel } from "./kernel.js";
import { F64, I32, moduleBytes, op } from "./module-bytes.js";

// A one-function module: put(at, x) stores the double x·1 at byte `at`, so a write through the
// export shows up in the instance's Float64Array view (and only in that instance's memory).
type PutFn = (at: number, x: number) => void;
const put = new WasmKernel(
  () => moduleBytes([{ name: "put", params: [I32, F64], locals: [], body: [...op.get(0), ...op.get(1), ...op.f64Store()] }]),
  (exports) => exports.put as PutFn,
);

describe("WebAssembly kernel module and its scratch memory", () => {
  it("compiles a valid module, and its export writes into the memory the view reads", () => {
    expect(put.available()).toBe(true);
    const k = put.instantiate(100);
    expect(k.bytes).toBe(65_536);
    k.fns(16, 2.5);
    expect(k.f64[2]).toBe(2.5);
  });

  it("keeps one scratch instance while calls fit, replaces it by a larger one when not, and refuses more than the address space allows", () => {
    const a = put.scratch(1000)!;
    expect(put.scratch(65_536)).toBe(a);
    const b = put.scratch(65_537)!;
    expect(b).not.toBe(a);
    expect(b.bytes).toBe(2 * 65_536);
    expect(put.scratch(10)).toBe(b);
    expect(put.scratch(MEMORY_BYTES_MAX + 1)).toBeUndefined();
  });

  it("reports a module that does not validate as unavailable, and has no scratch for it", () => {
    const bad = new WasmKernel(() => new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x0a, 0x01, 0x07]), () => undefined);
    expect(bad.available()).toBe(false);
    expect(bad.scratch(8)).toBeUndefined();
  });
});
