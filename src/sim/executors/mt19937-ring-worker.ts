/** Worker thread of `startMtPipeline`: twists MT19937 blocks into the shared ring until told to stop. */
import { workerData } from "node:worker_threads";
import { produceMtRing } from "./mt19937-ring.js";

produceMtRing((workerData as { ring: SharedArrayBuffer }).ring);
