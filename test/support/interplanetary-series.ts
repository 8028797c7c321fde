/**
 * Synthetic metric series shaped like an interplanetary run through a solar conjunction, for the
 * tests of code that only DRAWS or TABULATES series (report, dashboard). No physics is computed or
 * checked here: the numbers are chosen so every branch of the drawing code is exercised (a closed
 * gap with NaN latencies, a residual that grows while cut off). Tests of the physics run the model.
 */
export interface SyntheticSeries { tNs: number[]; value: number[] }

export const SYNTHETIC_DAYS = 40;
/** Samples with the gap closed: days [GAP_FROM, GAP_TO). */
export const GAP_FROM = 15;
export const GAP_TO = 25;

/** One sample a day for 40 days; Earth–Mars links down on days 15–24. */
export function syntheticInterplanetarySeries(): Map<string, SyntheticSeries> {
  const day = 86_400e9;
  const t = Array.from({ length: SYNTHETIC_DAYS + 1 }, (_, i) => i * day);
  const down = (i: number) => i >= GAP_FROM && i < GAP_TO;
  const s = (f: (i: number) => number): SyntheticSeries => ({ tNs: t.slice(), value: t.map((_, i) => f(i)) });
  const angle = (i: number) => Math.abs(i - 20) * 0.4 + 0.3; // degrees, smallest at day 20
  // Heliocentric positions: Mars on the far side of the Sun, Earth moving ~1°/day.
  const earthLon = (i: number) => (i * Math.PI) / 180;
  const marsLon = (i: number) => Math.PI + (i - 20) * 0.5 * (Math.PI / 180);
  return new Map<string, SyntheticSeries>([
    ["gapLinkUp", s((i) => (down(i) ? 0 : 1))],
    ["gapLinksUp", s((i) => (down(i) ? 0 : 3))],
    ["lightTimeS", s((i) => 1250 + 2 * (20 - Math.abs(i - 20)))],
    ["sunEarthMarsAngleDeg", s(angle)],
    ["earthXAu", s((i) => Math.cos(earthLon(i)))], ["earthYAu", s((i) => Math.sin(earthLon(i)))],
    ["marsXAu", s((i) => 1.52 * Math.cos(marsLon(i)))], ["marsYAu", s((i) => 1.52 * Math.sin(marsLon(i)))],
    ["umtResidualS", s((i) => (down(i) ? 1e-9 * (i - GAP_FROM + 1) : (i % 2 === 0 ? 1 : -1) * 3e-9))],
    ["latencyEarthP50S", s(() => 0.012)], ["latencyEarthP99S", s(() => 0.03)],
    ["latencyMarsP50S", s(() => 0.05)], ["latencyMarsP99S", s(() => 0.09)],
    ["latencyAcrossP50S", s((i) => (down(i) ? Number.NaN : 1260))], ["latencyAcrossP99S", s((i) => (down(i) ? Number.NaN : 1290))],
    ["latencyAcrossReachable", s((i) => (down(i) ? 0 : 1))],
    ["coherenceEarth", s(() => 0.99)], ["coherenceMars", s(() => 0.98)],
    ["coherenceAcross", s((i) => (down(i) ? 0.4 : 0.9))], ["coherenceGlobal", s((i) => (down(i) ? 0.7 : 0.95))],
  ]);
}
