/**
 * Several statistics files read as one input (`gap check a.csv b.csv`: a county's file each): their regions in code
 * and year order, as one reader gives them, and their diagnostics file by file. A region-year in two files is an
 * error in the later one, which is not used.
 */
import { compareText } from "../compare-text.js";
import type { Diagnostic } from "./diagnostics.js";
import type { ReadResult } from "./reader.js";
import type { ReadStats, RegionRecord } from "./record.js";

/** What a check takes from a read: a closed StatisticsReader, or several. */
export interface RegionSource {
  finishedRegions(): Generator<RegionRecord>;
  summary(): Omit<ReadResult, "regions">;
  latestYear(): number | undefined;
}

export class SeveralReads implements RegionSource {
  private readonly duplicates: Diagnostic[] = [];

  constructor(private readonly reads: ReadonlyArray<{ reader: RegionSource; name: string }>) {}

  latestYear(): number | undefined {
    const years = this.reads.map((r) => r.reader.latestYear()).filter((y): y is number => y !== undefined);
    return years.length ? Math.max(...years) : undefined;
  }

  /** The files' regions merged in code and year order, each finished when it is taken, as one reader's are. */
  *finishedRegions(): Generator<RegionRecord> {
    const sources = this.reads.map((r) => r.reader.finishedRegions());
    const heads = sources.map((s) => s.next());
    let last: { record: RegionRecord; file: string } | undefined;
    for (;;) {
      let pick = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i]!;
        if (head.done) continue;
        const best = pick >= 0 ? (heads[pick]!.value as RegionRecord) : undefined;
        if (!best || compareText(head.value.code, best.code) < 0 || (head.value.code === best.code && head.value.year < best.year)) pick = i;
      }
      if (pick < 0) return;
      const record = heads[pick]!.value as RegionRecord;
      heads[pick] = sources[pick]!.next();
      const file = this.reads[pick]!.name;
      if (last && last.record.code === record.code && last.record.year === record.year) {
        this.duplicates.push({
          code: "duplicate-row",
          severity: "error",
          file,
          line: record.line,
          column: 1,
          field: "region_code",
          value: `${record.code} ${record.year}`,
          expected: "unique-row",
          detail: { first: `${last.file}:${last.record.line}` },
        });
        continue;
      }
      last = { record, file };
      yield record;
    }
  }

  summary(): Omit<ReadResult, "regions"> {
    const parts = this.reads.map((r) => ({ name: r.name, ...r.reader.summary() }));
    const diagnostics = parts.flatMap((p) => {
      const extra = this.duplicates.filter((d) => d.file === p.name);
      return extra.length ? [...p.diagnostics, ...extra].sort((a, b) => a.line - b.line || a.column - b.column) : p.diagnostics;
    });
    const stats: ReadStats = { ...parts[0]!.stats, columns: [...parts[0]!.stats.columns] };
    for (const { stats: s } of parts.slice(1)) {
      stats.lines += s.lines;
      stats.rows += s.rows;
      stats.regionRows += s.regionRows;
      stats.institutionRows += s.institutionRows;
      stats.subtotalRows += s.subtotalRows;
      stats.totalRows += s.totalRows;
      stats.regions += s.regions;
      if (s.outsideRegions) stats.outsideRegions = (stats.outsideRegions ?? 0) + s.outsideRegions;
      for (const c of s.columns) if (c && !stats.columns.includes(c)) stats.columns.push(c);
    }
    const errors = parts.reduce((n, p) => n + p.errors, 0) + this.duplicates.length;
    const warnings = parts.reduce((n, p) => n + p.warnings, 0);
    return { diagnostics, errors, warnings, stats };
  }
}
