/** Random numbers: numpy-compatible MT19937 (paper mode) and seeded splittable streams. */
export { NumpyRandomState, type NumpyState } from "./mt19937.js";
export { glibcLog } from "./glibc-log.js";
