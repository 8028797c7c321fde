/**
 * Appendix D `PQMSConstants` and `TaskPriority`, as printed. The W/TFLOPS ranges disagree with
 * §5.1 (0.05 W/TFLOP lies outside 0.1–5); recorded as a defect, kept as printed in paper mode.
 */
export const PQMS_CONSTANTS = Object.freeze({
  LEGACY_POWER_PER_TFLOPS_MIN: 100.0,
  LEGACY_POWER_PER_TFLOPS_MAX: 500.0,
  PQMS_POWER_PER_TFLOPS_MIN: 0.1,
  PQMS_POWER_PER_TFLOPS_MAX: 5.0,
  LEGACY_COOLING_OVERHEAD_MIN: 0.3,
  LEGACY_COOLING_OVERHEAD_MAX: 0.5,
  PQMS_COOLING_OVERHEAD_MAX: 0.01,
  RPU_BASE_TFLOPS_PER_UNIT: 1000.0,
  SIMULATION_TICK_DURATION_SECONDS: 0.1,
});

/** `TaskPriority` members in declaration order (Python `list(TaskPriority)`). */
export const TASK_PRIORITIES = Object.freeze([
  "CRITICAL_GLOBAL_IMPACT", "HIGH_RESEARCH_BENEFIT", "MODERATE_SOCIAL_VALUE", "LOW_COMMERCIAL_INTEREST", "NEGLIGIBLE_IMPACT",
] as const);

export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** `ODOS_ETHICAL_PRIORITY_LEVELS`. */
export const ODOS_ETHICAL_VALUE: Readonly<Record<TaskPriority, number>> = Object.freeze({
  CRITICAL_GLOBAL_IMPACT: 100,
  HIGH_RESEARCH_BENEFIT: 80,
  MODERATE_SOCIAL_VALUE: 60,
  LOW_COMMERCIAL_INTEREST: 40,
  NEGLIGIBLE_IMPACT: 20,
});
