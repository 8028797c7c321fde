/**
 * App. A: the script's expected output at its stated step count (T_MAX/DT = 10¹²), against the
 * memory that run needs: np.arange(0, T_MAX, DT) materialises every time step as a float64, and
 * each step appends np.mean(...) — a numpy.float64 object (32 B in CPython) behind an 8 B list
 * pointer — to rcf_history and to delta_e_history.
 */
import type { Claim } from "../claim.js";
import { below, sci } from "../compare.js";

export const aMemory: Claim<{ tMaxS: number; dtS: number; float64Bytes: number; listEntryBytes: number; availableMemoryBytes: number }> = {
  id: "a-memory",
  section: "App. A",
  claim: "T_MAX = 1.0 # simulation time (s); DT = 1e-12 # time step (1 ps) … for step, t in enumerate(np.arange(0, T_MAX, DT)): … rcf_history.append(avg_rcf) … Expected output: Simulation completed.",
  // A large workstation or server node: 1 TiB of RAM (the verdict flips at the recomputed figure).
  inputs: { tMaxS: 1, dtS: 1e-12, float64Bytes: 8, listEntryBytes: 40, availableMemoryBytes: 2 ** 40 },
  paperValue: "Simulation completed",
  unit: "bytes",
  recompute(i) {
    const steps = Math.round(i.tMaxS / i.dtS);
    const arange = steps * i.float64Bytes;
    const histories = 2 * steps * i.listEntryBytes;
    const total = arange + histories;
    return {
      recomputed: total,
      comparison: below(i.availableMemoryBytes, total),
      arithmetic: [
        `steps = T_MAX / DT = ${sci(i.tMaxS)} / ${sci(i.dtS)} = ${sci(steps)}`,
        `np.arange: ${sci(steps)} × ${i.float64Bytes} B = ${sci(arange)} B`,
        `two histories: 2 × ${sci(steps)} × (${i.listEntryBytes} B: numpy.float64 object + list pointer) = ${sci(histories)} B`,
        `total ${sci(total)} B = ${sci(total / 2 ** 40)} TiB against ${sci(i.availableMemoryBytes / 2 ** 40)} TiB`,
      ],
      explanation: { holds: "The run fits in memory.", fails: `The script as printed needs about ${sci(total / 1e12, 2)} TB before it could print its result — the time array alone is ${sci(arange / 1e12, 2)} TB; its 'expected output' cannot have come from running it at the stated step count.` },
    };
  },
};
