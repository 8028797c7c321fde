/** `pqms falsify`: §6's hypotheses H1–H3 on the twin, the assumptions each hangs on, and H2's sensitivity. */
export * from "./hypothesis.js";
export * from "./assumption.js";
export { runH1, h1FormulaW, H1_ASSUMPTIONS, H1_PAPER, type H1Result, type H1Setup } from "./h1.js";
export { runH2, h2Replicate, h2Sample, readoutFrame, welchGreater, H2_ASSUMPTIONS, H2_PAPER, H2_COUPLINGS, H2_INITIAL_STATES, type H2Result, type H2Setup, type H2Coupling, type H2InitialState } from "./h2.js";
export { runH3, h3Sample, H3_ASSUMPTIONS, H3_PAPER, type H3Result, type H3Setup } from "./h3.js";
export * from "./h2-sensitivity.js";
import { H1_ASSUMPTIONS, runH1 } from "./h1.js";
import { H2_ASSUMPTIONS, runH2 } from "./h2.js";
import { H3_ASSUMPTIONS, runH3 } from "./h3.js";
import { InputError } from "../../errors.js";
import type { FalsifyOptions, HypothesisResult } from "./hypothesis.js";

export type HypothesisId = "H1" | "H2" | "H3";
export const HYPOTHESIS_IDS: readonly HypothesisId[] = Object.freeze(["H1", "H2", "H3"]);

/** The assumption names each hypothesis accepts in `set`. */
export const ASSUMPTION_NAMES: Readonly<Record<HypothesisId, readonly string[]>> = {
  H1: H1_ASSUMPTIONS.map((a) => a.name), H2: H2_ASSUMPTIONS.map((a) => a.name), H3: H3_ASSUMPTIONS.map((a) => a.name),
};

/**
 * Run the named hypotheses (all by default) with the same options. With several hypotheses, each
 * takes the overrides that name its assumptions; a name no chosen hypothesis has is an error.
 */
export function runFalsify(ids: readonly HypothesisId[] = HYPOTHESIS_IDS, o: FalsifyOptions = {}): HypothesisResult[] {
  const run = { H1: runH1, H2: runH2, H3: runH3 } as const;
  const set = o.set ?? {};
  for (const name of Object.keys(set)) {
    if (!ids.some((id) => ASSUMPTION_NAMES[id].includes(name))) {
      throw InputError.of(`--set ${name}`, `an assumption of ${ids.join(", ")}: ${ids.map((id) => `${id}: ${ASSUMPTION_NAMES[id].join(", ")}`).join("; ")}`, `~"${name}"`);
    }
  }
  return ids.map((id) => {
    const own = Object.fromEntries(Object.entries(set).filter(([k]) => ASSUMPTION_NAMES[id].includes(k)));
    return run[id]({ ...o, set: own });
  });
}
