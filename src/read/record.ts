/** The normalised form of a statistics file: one record per region and year, what the engine evaluates. */
import type { Level } from "../catalogue/catalogue.js";

export type FigureSource = "stated" | "summed" | "derived";

export interface Figure {
  value: number;
  /** stated on the row itself, summed from institution/subtotal rows, or derived (grassroots staff from staff) */
  source: FigureSource;
  /** some contributing rows left the cell empty: the figure is a lower bound */
  partial: boolean;
}

export interface FlagTally {
  yes: number;
  no: number;
  unreported: number;
}

export interface TypeAggregate {
  unitType: string;
  /** from the subtotal row's institutions cell, else the number of institution rows */
  institutions: number | undefined;
  institutionRows: number;
  subtotalLine?: number;
  figures: Record<string, Figure>;
  flags: Record<string, FlagTally>;
}

export interface InstitutionCheckSpec {
  id: string;
  metric: string;
  /** the least each institution must have: a headcount, or with `of` a percentage of the institution's own `of` */
  min: number;
  unitTypes: readonly string[];
  /** where a row leaves `metric` empty it is the first of these less the second, when the row gives both (执业医师) */
  derivedFrom?: readonly [whole: string, less: string];
  /** the minimum is `min` percent of this figure of the institution's own (医师 ≥ 30% of its 专业技术人员编制数) */
  of?: string;
  /**
   * the regions it applies to, as its target's (catalogue.ts, coversRegion): those this region code covers, and with
   * `regionLevels` only those of these levels; absent, every region. Rows of other regions are not tallied for it.
   */
  region?: string;
  regionLevels?: readonly Level[];
}

export interface InstitutionBelowMinimum {
  name: string;
  unitType: string;
  line: number;
  /** null: the institution left the cell empty */
  value: number | null;
}

export interface InstitutionCheckResult extends InstitutionCheckSpec {
  /** institution rows of the covered types */
  rows: number;
  failing: number;
  unreported: number;
  /** people missing across the failing institution rows */
  shortfall: number;
  /** the first failing institutions, in file order */
  examples: InstitutionBelowMinimum[];
  /**
   * the subtotal rows of covered types that have no institution rows, with both their institutions and the metric
   * stated: what is known of those institutions is their number and their people in all
   */
  subtotals: Array<{ unitType: string; line: number; institutions: number; value: number }>;
}

export interface RegionRecord {
  code: string;
  name: string;
  year: number;
  /** the region row's line, else the first line that named the region */
  line: number;
  hasRegionRow: boolean;
  figures: Record<string, Figure>;
  byType: Record<string, TypeAggregate>;
  checks: Record<string, InstitutionCheckResult>;
}

export interface ReadStats {
  encoding: string | undefined;
  bom: boolean;
  lines: number;
  rows: number;
  regionRows: number;
  institutionRows: number;
  subtotalRows: number;
  totalRows: number;
  /** region-years in the file */
  regions: number;
  columns: string[];
  /** the byte between cells of a text file: comma, tab or semicolon */
  delimiter?: "comma" | "tab" | "semicolon";
  /** rows passed over as outside the regions asked for (--region) */
  outsideRegions?: number;
}
