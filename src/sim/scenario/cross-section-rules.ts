/** Cross-field rules of the constellation sections (path, expected, got), checked after the schema. */
import type { Issue } from "../../errors.js";
import { describeValue } from "../../errors.js";
import type { Scenario } from "./schema.js";
import { interplanetaryIssues } from "./interplanetary-section.js";

export function crossSectionIssues(sc: Scenario): Issue[] {
  const out: Issue[] = [];
  const add = (path: string, expected: string, got: unknown) => out.push({ path, expected, got: describeValue(got) });
  const c = sc.constellation;
  if (c && c.nodes % c.planes !== 0) add("constellation.planes", `a divisor of constellation.nodes (${c.nodes})`, c.planes);
  if (c && c.phasing >= c.planes) add("constellation.phasing", `below constellation.planes (${c.planes})`, c.phasing);
  const s = sc.umt.sync;
  if (s) {
    if (!c) add("constellation", "a constellation section (umt.sync synchronises its ISL mesh)", undefined);
    else if (c.nodes !== sc.mesh.nodes) add("constellation.nodes", `mesh.nodes (${sc.mesh.nodes}): umt.sync gives each mesh node one satellite's clock`, c.nodes);
    if (s.holdoverS >= s.syncIntervalS) add("umt.sync.holdoverS", `below umt.sync.syncIntervalS (${s.syncIntervalS})`, s.holdoverS);
  }
  if (sc.faults && (!c || c.nodes !== sc.mesh.nodes)) add("constellation.nodes", `mesh.nodes (${sc.mesh.nodes}): with faults, each mesh node is one satellite of the constellation`, c?.nodes);
  if (sc.smc && sc.smc.heartbeatTicks >= sc.smc.electionTicks) add("smc.heartbeatTicks", `below smc.electionTicks (${sc.smc.electionTicks})`, sc.smc.heartbeatTicks);
  if (sc.sarcophagus && sc.sarcophagus.bufferS < sc.sarcophagus.snapshotEveryS) add("sarcophagus.bufferS", `≥ sarcophagus.snapshotEveryS (${sc.sarcophagus.snapshotEveryS})`, sc.sarcophagus.bufferS);
  out.push(...interplanetaryIssues(sc));
  return out;
}
