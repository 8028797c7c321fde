/**
 * Property tests are reproducible: every fast-check run in the suite starts from one fixed seed
 * (override with FC_SEED=<n> to explore other cases). A failure prints its seed and path, and a
 * seed that found a bug becomes a regression test of its own.
 */
import fc from "fast-check";

const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : 20261125;
fc.configureGlobal({ seed });
