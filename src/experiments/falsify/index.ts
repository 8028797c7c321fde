/** `pqms falsify`: §6's hypotheses H1–H3 on the twin. */
export * from "./hypothesis.js";
export { runH1, type H1Result } from "./h1.js";
export { runH2, h2Replicate, type H2Result } from "./h2.js";
export { runH3, type H3Result } from "./h3.js";
import { runH1 } from "./h1.js";
import { runH2 } from "./h2.js";
import { runH3 } from "./h3.js";
import type { FalsifyOptions, HypothesisResult } from "./hypothesis.js";

export type HypothesisId = "H1" | "H2" | "H3";
export const HYPOTHESIS_IDS: readonly HypothesisId[] = Object.freeze(["H1", "H2", "H3"]);

/** Run the named hypotheses (all by default) with the same options. */
export function runFalsify(ids: readonly HypothesisId[] = HYPOTHESIS_IDS, o: FalsifyOptions = {}): HypothesisResult[] {
  const run = { H1: runH1, H2: runH2, H3: runH3 } as const;
  return ids.map((id) => run[id](o));
}
