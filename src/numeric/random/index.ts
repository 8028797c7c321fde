/** Random numbers: numpy-compatible MT19937 (paper mode) and seeded splittable streams. */
export { NumpyRandomState, type NumpyState } from "./mt19937.js";
export { RandomStream, randomStreamFactory, type RandomStreamState } from "./stream.js";
export { glibcLog } from "./glibc-log.js";
export { detExp } from "./det-math.js";
