/** The live stream's per-node frame: √ΔE quantised to a byte (node-frame.ts), flags as bytes. */
import { describe, expect, it } from "vitest";
import { NODE_FAILED, NODE_STORM } from "../sim/model.js";
import { encodeNodeFrame } from "./node-frame.js";

const bytes = (b64: string) => [...Buffer.from(b64, "base64")];

describe("encodeNodeFrame", () => {
  it("q = round(255·√(1 − RCF)): RCF 1 → 0, 0.95 → round(255·√0.05) = 57, 0.75 → 128 (127.5 rounds up), 0 → 255", () => {
    const rcf = Float32Array.from([1, 0.95, 0.75, 0, 1.0000001]);
    const f = encodeNodeFrame({ rcf, flags: new Uint8Array(5) }, 42, new Uint8Array(5));
    expect(f).toMatchObject({ tNs: 42, nodes: 5, flags: null });
    // 0.95 as float32 is 0.949999988: √(0.050000012)·255 = 57.02, still 57.
    expect(bytes(f.deltaESqrtQ)).toEqual([0, 57, 128, 255, 0]);
  });
  it("sends the flag bytes when any node is failed or in a storm; the decoded ΔE is within one step of the truth", () => {
    const n = 1000;
    const rcf = new Float32Array(n);
    for (let i = 0; i < n; i++) rcf[i] = 1 - (i / n) ** 2 * 0.3;
    const flags = new Uint8Array(n);
    flags[7] = NODE_FAILED;
    flags[9] = NODE_STORM | NODE_FAILED;
    const f = encodeNodeFrame({ rcf, flags }, 0, new Uint8Array(n));
    const fb = bytes(f.flags!);
    expect(fb[7]).toBe(1);
    expect(fb[9]).toBe(3);
    expect(fb.reduce((a, b) => a + b, 0)).toBe(4);
    const q = bytes(f.deltaESqrtQ);
    for (let i = 0; i < n; i++) {
      const de = 1 - rcf[i]!;
      // |√ΔE − q/255| ≤ ½/255, so |ΔE − (q/255)²| ≤ (√ΔE + ¼/255)/255.
      expect(Math.abs(de - (q[i]! / 255) ** 2)).toBeLessThanOrEqual((Math.sqrt(de) + 0.25 / 255) / 255 + 1e-7);
    }
  });
});
