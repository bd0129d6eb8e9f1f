/** Bounds on values the reader accepts; anything larger is a typo, not a statistic. */
export const LIMITS = {
  headcount: 100_000_000,
  population: 2_000_000_000,
  institutions: 10_000_000,
  cellLength: 10_000,
  /** one record's bytes, line breaks in quoted cells included: a longer one is refused while it is scanned, unkept */
  rowBytes: 1 << 20,
  /** a region's total rows (合计) checked against its sums: the rest are counted */
  totalRowsChecked: 100,
} as const;
