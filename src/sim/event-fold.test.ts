/**
 * The WebAssembly event fold against the JavaScript one (`Fingerprint.event`, itself checked
 * against the FNV authors' vectors and a BigInt FNV-1a): the same hash over random events, kinds
 * and values, across journal refills and interleaved JavaScript folds; and a kernel whose fold
 * moved into WebAssembly against the same events folded one by one in JavaScript.
 */
import { describe, expect, it } from "vitest";
import { RandomStream } from "../numeric/random/stream.js";
import { EventFold } from "./event-fold.js";
import { Fingerprint } from "./fingerprint.js";
import { Kernel } from "./kernel.js";
import { FIELDS_MAX } from "./queue.js";

/** Values with every byte pattern that matters: signed zeros, infinities, NaN, subnormals, large integers. */
const SPECIAL = [0, -0, 1, -1, 0.1, Infinity, -Infinity, Number.NaN, 5e-324, -2.2250738585072014e-308, 2 ** 53 - 1, 1.7976931348623157e308];

function randomValue(r: RandomStream): number {
  const u = r.uniform();
  if (u < 0.2) return SPECIAL[r.int(SPECIAL.length)]!;
  if (u < 0.5) return r.int(1_000_000_000);
  return (r.uniform() - 0.5) * 2 ** (r.int(200) - 100);
}

function randomText(r: RandomStream): string {
  const alphabet = "abcxyzNET_-µλ→\u0000\uffff";
  let s = "";
  for (let i = r.int(12); i > 0; i--) s += alphabet[r.int(alphabet.length)];
  return s;
}

describe("EventFold (WebAssembly)", () => {
  it("folds random events to the same hash as Fingerprint.event, across refills and interleaved JavaScript folds", () => {
    const fold = EventFold.create();
    if (fold === undefined) return; // no WebAssembly: the kernel folds in JavaScript only
    const r = RandomStream.fromSeed(7, "event-fold");
    const kinds = Array.from({ length: 40 }, () => {
      const fields = Array.from({ length: r.int(FIELDS_MAX + 1) }, () => Fingerprint.textBytes(randomText(r)));
      return { name: Fingerprint.textBytes(randomText(r)), fields };
    });
    for (const k of kinds) expect(fold.addKind(k.name, k.fields)).toBe(true);
    const ours = new Fingerprint();
    const ref = new Fingerprint();
    const values = new Float64Array(3 * FIELDS_MAX);
    for (let e = 0; e < 60_000; e++) {
      const id = r.int(kinds.length);
      const k = kinds[id]!;
      const base = r.int(2 * FIELDS_MAX);
      for (let j = 0; j < values.length; j++) values[j] = randomValue(r);
      const t = r.uniform() < 0.1 ? SPECIAL[r.int(SPECIAL.length)]! : r.int(2 ** 30) * 1024 + r.int(1024);
      ref.event(t, k.name, k.fields, values, base);
      if (fold.push(t, id, values, base, k.fields.length)) fold.foldInto(ours);
      if (r.uniform() < 0.001) {
        // Something folded in JavaScript between events: the batch goes first.
        fold.foldInto(ours);
        ours.string("between");
        ref.string("between");
        expect(ours.hex()).toBe(ref.hex());
      }
    }
    fold.foldInto(ours);
    expect(ours.hex()).toBe(ref.hex());
    expect(ours.state()).toEqual(ref.state());
  });

  it("gives a kernel whose fold moved into WebAssembly the fingerprint of the same events folded one by one", () => {
    const r = RandomStream.fromSeed(11, "event-fold-kernel");
    const ref = new Fingerprint();
    const specs: Array<[string, string[]]> = [["arrival", ["node", "size"]], ["tick", []], ["late", ["x", "y", "z"]]];
    let kernel = new Kernel(1 << 16);
    // Kind ids of this kernel (a restored one registers them anew), with their text bytes.
    const ids = new Map<string, number>();
    const texts = new Map<number, { name: Uint8Array; fields: Uint8Array[] }>();
    const register = (name: string, fields: string[]) => {
      const id = kernel.kind(name, fields);
      ids.set(name, id);
      texts.set(id, { name: Fingerprint.textBytes(name), fields: fields.map((f) => Fingerprint.textBytes(f)) });
    };
    register(...specs[0]!);
    register(...specs[1]!);
    for (let i = 0; i < 200; i++) kernel.scheduleKind(r.int(1000), ids.get("arrival")!, r.int(100), randomValue(r));
    const vals = new Float64Array(FIELDS_MAX);
    for (let n = 0; n < 30_000; n++) {
      const id = kernel.nextKind();
      if (id < 0) break;
      const info = texts.get(id)!;
      for (let j = 0; j < info.fields.length; j++) vals[j] = kernel.field(j);
      ref.event(kernel.nowNs, info.name, info.fields, vals, 0);
      if (n === 10_000) {
        // A kind registered after the fold started, and an event recorded from inside a step.
        register(...specs[2]!);
        kernel.record(kernel.nowNs, "note", { v: 3 });
        ref.number(kernel.nowNs).string("note").string("v").number(3);
      }
      if (n === 20_000) {
        kernel = Kernel.restore(kernel.snapshot());
        ids.clear();
        texts.clear();
        for (const [name, fields] of specs) register(name, fields);
        expect(kernel.fingerprint()).toBe(ref.hex());
      }
      const next = kernel.nowNs + 1 + r.int(50);
      const u = r.uniform();
      if (n > 10_000 && u < 0.3) kernel.scheduleKind(next, ids.get("late")!, r.int(7), randomValue(r), n);
      else if (u < 0.5) kernel.scheduleKind(next, ids.get("tick")!);
      else kernel.scheduleKind(next, ids.get("arrival")!, r.int(100), randomValue(r));
    }
    kernel.foldNumbers("final", [1, 2, 3]);
    ref.string("final").numbers([1, 2, 3]);
    expect(kernel.processed).toBeGreaterThan(30_000);
    expect(kernel.fingerprint()).toBe(ref.hex());
  });
});
