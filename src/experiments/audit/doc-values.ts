/**
 * Numbers docs/MODEL.md quotes from code output, marked in the text as
 * `<!--v:key-->value<!--/v-->`: `docValues()` computes each from the audit and the model, `npm run
 * readme` writes them, and a test fails while the document differs from what the code gives now.
 */
import { josephsonEnergyJ } from "../../model/energy/index.js";
import { terGammaAsPrinted, terGammaPerS } from "../../model/guardian/index.js";
import type { AuditResult } from "./audit.js";
import { sci } from "./compare.js";

/** Every marked value, by key. */
export function docValues(a: AuditResult): Readonly<Record<string, string>> {
  const c = (id: string) => {
    const r = a.claims.find((x) => x.id === id);
    if (!r) throw new Error(`pqms internal assertion: no claim ${id} in the audit`);
    return r;
  };
  const num = (id: string) => c(id).recomputed as number;
  const factor = (id: string) => c(id).factor as number;
  const ej = josephsonEnergyJ(10e-6);
  const kinds = Object.entries(a.tally).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(", ");
  return {
    "audit.claims": String(a.claims.length),
    "audit.tally": kinds,
    "ter.ej": sci(ej, 4),
    "ter.gammaAsPrinted": sci(terGammaAsPrinted(0.06, ej), 2),
    "ter.gammaPerS": sci(terGammaPerS(0.06, ej), 3),
    "energy.clusterTheoremW": sci(num("s22-total-power"), 2),
    "energy.clusterFactor": sci(factor("s22-total-power"), 2),
    "energy.measuredOverTheorem": sci(factor("s41-power-vs-theorem"), 2),
    "energy.thermalOverFlip": num("s22-thermal-ratio").toFixed(1),
    "energy.perOpRatio": sci(1 / num("s8-efficiency"), 2),
    "failover.boundS": num("s32-failover").toFixed(3),
    "appendixA.rcf": num("a-final-rcf").toFixed(4),
    "appendixF.slope": num("f-stabilised").toFixed(3),
  };
}

const MARK = /<!--v:([\w.]+)-->(.*?)<!--\/v-->/g;

/** The marked keys of `text`, with what it says now. */
export function markedValues(text: string): { key: string; shown: string }[] {
  return [...text.matchAll(MARK)].map((m) => ({ key: m[1]!, shown: m[2]! }));
}

/** `text` with every marked value replaced by `values[key]` (an unknown key is an error). */
export function fillDocValues(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(MARK, (_m, key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`docs marker <!--v:${key}--> names no computed value`);
    return `<!--v:${key}-->${v}<!--/v-->`;
  });
}
