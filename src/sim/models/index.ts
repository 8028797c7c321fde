/** The models a scenario can name (`model:`), each behind the run loop's `Model` contract. */
import type { Model } from "../model.js";
import type { Scenario } from "../scenario/index.js";
import { InterplanetaryModel } from "./interplanetary.js";
import { ResonanceMeshModel } from "./resonance-mesh.js";

const MODELS: Record<Scenario["model"], () => Model> = {
  "resonance-mesh": () => new ResonanceMeshModel(),
  interplanetary: () => new InterplanetaryModel(),
};

/** A fresh (uninitialised) model for the scenario. */
export function modelFor(scenario: Scenario): Model {
  return MODELS[scenario.model]();
}

export { ResonanceMeshModel, meshParamsOf } from "./resonance-mesh.js";
export { InterplanetaryModel } from "./interplanetary.js";
