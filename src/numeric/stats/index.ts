/** Statistics: log-gamma/beta, incomplete beta, Student t, t-tests, sample summaries. */
export { logGamma, logBeta, stirlingCorrection } from "./gamma.js";
export { betaInc, betaIncC } from "./incbeta.js";
export { tCdf, tSf, tPdf, tPpf, normPpf } from "./student-t.js";
export { mean, variance, std, meanCi, type MeanCi, type Sample } from "./descriptive.js";
export { ttest1samp, ttestInd, ttestRel, type TTestResult, type TTestOptions, type Alternative } from "./ttest.js";
export { linearTrend, type LinearTrend } from "./trend.js";
