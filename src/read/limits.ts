/** Bounds on values the reader accepts; anything larger is a typo, not a statistic. */
export const LIMITS = {
  headcount: 100_000_000,
  population: 2_000_000_000,
  institutions: 10_000_000,
  cellLength: 10_000,
} as const;
