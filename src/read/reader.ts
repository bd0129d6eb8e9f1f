import { metrics, metricById, unitTypes, unitTypesOfGroup, type MetricDef } from "../registry/index.js";
import { CsvScanner } from "./csv.js";
import { LIMITS } from "./limits.js";
import { columnForHeader, columns, suggestHeader, type ColumnDef } from "./columns.js";
import { Decoder } from "./decode.js";
import { DiagnosticSink, type Diagnostic, type Expectation } from "./diagnostics.js";
import { CompactStringSet } from "./hashset.js";
import type {
  Figure,
  InstitutionBelowMinimum,
  InstitutionCheckResult,
  InstitutionCheckSpec,
  ReadStats,
  RegionRecord,
  TypeAggregate,
} from "./record.js";
import { isBlank, normaliseCell, parseCount, parseFlag, parseRegionCode, parseYear, type ParseFailure } from "./values.js";
import { compareText } from "../compare-text.js";

export interface ReadOptions {
  /** the name diagnostics carry: the path as the user gave it, or "<stdin>" */
  file: string;
  /** per-institution minimums to tally (from the catalogue's per_institution targets) */
  institutionChecks?: readonly InstitutionCheckSpec[];
}

export interface ReadResult {
  regions: RegionRecord[];
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  stats: ReadStats;
}

const MAX_HEADCOUNT = LIMITS.headcount;
const MAX_POPULATION = LIMITS.population;
const MAX_INSTITUTIONS = LIMITS.institutions;
const EXAMPLES_KEPT = 50;
const REQUIRED = ["region_code", "year"] as const;
const TOTAL_ROW = /^(合计|总计|小计|总合计|全区合计|全县合计|全市合计|total|grand total|subtotal|sum)$/i;

const M = metrics.length;
const metricIndex = new Map(metrics.map((m, i) => [m.id, i]));
const subsetPairs: Array<[child: number, parent: number]> = metrics.flatMap((m, i) =>
  m.subsetOf ? [[i, metricIndex.get(m.subsetOf)!] as [number, number]] : [],
);
const unitTypeByName = new Map<string, string>();
for (const u of unitTypes) for (const name of [u.id, u.zh, u.en, ...u.aliases]) unitTypeByName.set(name.toLowerCase(), u.id);
const REGION_TYPE_NAMES = new Set(["region", "地区", "行政区", "地区合计"]);

type RowKind = "region" | "institution" | "subtotal";

class TypeAccumulator {
  rows = 0;
  sums = new Float64Array(M);
  reported = new Uint32Array(M);
  subtotal: { line: number; institutions: number; values: Float64Array } | undefined;
}

interface CheckState {
  spec: InstitutionCheckSpec;
  metric: number;
  types: Set<string>;
  rows: number;
  failing: number;
  unreported: number;
  shortfall: number;
  examples: InstitutionBelowMinimum[];
}

class RegionAccumulator {
  name = "";
  regionLine = 0;
  stated = new Float64Array(M).fill(NaN);
  types = new Map<string, TypeAccumulator>();
  totalRows: Array<{ line: number; values: Float64Array }> = [];
  checks: CheckState[];

  constructor(
    readonly code: string,
    readonly year: number,
    readonly firstLine: number,
    specs: readonly InstitutionCheckSpec[],
  ) {
    this.checks = specs.map((spec) => ({
      spec,
      metric: metricIndex.get(spec.metric) ?? -1,
      types: new Set(spec.unitTypes),
      rows: 0,
      failing: 0,
      unreported: 0,
      shortfall: 0,
      examples: [],
    }));
  }

  type(id: string): TypeAccumulator {
    let t = this.types.get(id);
    if (!t) this.types.set(id, (t = new TypeAccumulator()));
    return t;
  }
}

interface Layout {
  /** column def per header position, undefined for unknown or duplicate columns */
  defs: Array<ColumnDef | undefined>;
  position: Map<string, number>;
  metricColumns: Array<{ column: number; metric: number; def: MetricDef }>;
}

/**
 * A streaming reader: push the file's bytes as they come, then end(). Memory grows with the number of regions
 * (and a compact key per institution, for duplicate detection), not with the size of the rows.
 */
export class StatisticsReader {
  private readonly sink: DiagnosticSink;
  private readonly decoder = new Decoder();
  private readonly scanner = new CsvScanner();
  private readonly checks: readonly InstitutionCheckSpec[];
  private layout: Layout | undefined;
  private headerLine = 0;
  private readonly regions = new Map<string, RegionAccumulator>();
  private readonly seenRegionRows = new Map<string, number>();
  private readonly seenKeys = new CompactStringSet();
  private lastRegionKey: string | undefined;
  private readonly values = new Float64Array(M);
  private readonly stats: ReadStats = {
    encoding: undefined,
    bom: false,
    lines: 0,
    rows: 0,
    regionRows: 0,
    institutionRows: 0,
    subtotalRows: 0,
    totalRows: 0,
    columns: [],
  };
  private readonly onRecord = (fields: string[], line: number): void => this.record(fields, line);
  private stopped = false;

  constructor(options: ReadOptions) {
    this.sink = new DiagnosticSink(options.file);
    this.checks = options.institutionChecks ?? [];
  }

  push(bytes: Uint8Array): void {
    if (this.stopped) return;
    const text = this.decoder.push(bytes);
    if (text) this.scanner.push(text, this.onRecord);
    this.checkDecoder();
  }

  end(): ReadResult {
    if (!this.stopped) {
      const text = this.decoder.end();
      this.checkDecoder();
      if (!this.stopped) {
        if (text) this.scanner.push(text, this.onRecord);
        this.scanner.finish(this.onRecord);
      }
    }
    this.reportScannerProblems();
    this.stats.encoding = this.decoder.encoding;
    this.stats.bom = this.decoder.bom;
    if (!this.decoder.problem) {
      if (!this.layout) {
        this.sink.error({ code: "empty-file", line: 1, column: 1, expected: "header-and-rows" });
      } else if (this.stats.rows === 0 && !this.scanner.failed && !this.stopped) {
        this.sink.error({ code: "no-rows", line: this.headerLine + 1, column: 1, expected: "header-and-rows" });
      }
    }
    const regions = this.layout ? this.finishRegions() : [];
    return {
      regions,
      diagnostics: this.sink.sorted(),
      errors: this.sink.errors,
      warnings: this.sink.warnings,
      stats: this.stats,
    };
  }

  private checkDecoder(): void {
    const problem = this.decoder.problem;
    if (!problem || this.stopped) return;
    this.stopped = true;
    const line = this.scanner.lineAtEnd() + problem.breaks;
    if (problem.kind === "binary") {
      this.sink.error({ code: "encoding-error", line, column: 1, expected: "text-not-binary", detail: { offset: problem.offset } });
    } else {
      this.sink.error({
        code: "encoding-error",
        line,
        column: 1,
        expected: "utf8-or-gb18030",
        detail: { offset: problem.offset, encoding: problem.encoding },
      });
    }
  }

  private reportScannerProblems(): void {
    for (const p of this.scanner.problems) {
      const field = this.layout?.defs[p.field - 1]?.id;
      if (p.kind === "unclosed-quote") {
        this.sink.error({ code: "unclosed-quote", line: p.line, column: p.field, expected: "closed-quote", ...(field ? { field } : {}) });
      } else if (p.kind === "quote-error") {
        this.sink.error({ code: "unclosed-quote", line: p.line, column: p.field, value: p.value, expected: "closed-quote", ...(field ? { field } : {}) });
      } else {
        this.sink.error({
          code: "cell-too-long",
          line: p.line,
          column: p.field,
          expected: "short-cell",
          detail: { length: p.length, max: LIMITS.cellLength },
          ...(field ? { field } : {}),
        });
      }
    }
  }

  private record(fields: string[], line: number): void {
    if (this.stopped) return; // a required column is missing: the rows cannot be keyed
    // a row of empty cells (",,,,": an empty row inside Excel's used range) carries nothing
    if (isBlank(fields[0]!) && fields.every(isBlank)) return;
    this.stats.lines = line;
    if (!this.layout) {
      this.header(fields, line);
      return;
    }
    this.stats.rows++;
    this.row(fields, line);
  }

  private header(cells: string[], line: number): void {
    this.headerLine = line;
    const defs: Array<ColumnDef | undefined> = [];
    const position = new Map<string, number>();
    // Excel saves trailing empty header cells when cleared columns stay in the used range; they name nothing
    let width = cells.length;
    while (width > 0 && normaliseCell(cells[width - 1]!) === "") width--;
    cells.slice(0, width).forEach((raw, i) => {
      const cell = normaliseCell(raw);
      if (cell === "") {
        this.sink.error({ code: "blank-header", line, column: i + 1, expected: "named-header" });
        defs.push(undefined);
        return;
      }
      const def = columnForHeader(cell);
      if (!def) {
        const suggestion = suggestHeader(cell);
        this.sink.warn({
          code: "unknown-header",
          line,
          column: i + 1,
          value: cell,
          expected: "known-header",
          ...(suggestion ? { detail: { suggestion } } : {}),
        });
        defs.push(undefined);
        return;
      }
      if (position.has(def.id)) {
        this.sink.error({
          code: "duplicate-label",
          line,
          column: i + 1,
          field: def.id,
          value: cell,
          expected: "unique-header",
          detail: { first: position.get(def.id)! + 1 },
        });
        defs.push(undefined);
        return;
      }
      position.set(def.id, i);
      defs.push(def);
    });
    for (const id of REQUIRED) {
      if (!position.has(id)) {
        const def = columns.find((c) => c.id === id)!;
        this.sink.error({ code: "missing-label", line, column: width + 1, field: id, expected: "named-header", detail: { name: def.zh } });
      }
    }
    const metricColumns = defs.flatMap((def, column) => {
      const metric = def ? metricIndex.get(def.id) : undefined;
      return metric === undefined ? [] : [{ column, metric, def: metrics[metric]! }];
    });
    this.layout = { defs, position, metricColumns };
    this.stats.columns = defs.map((d) => d?.id ?? "");
    if (REQUIRED.some((id) => !position.has(id))) this.stopped = true;
  }

  private cell(fields: string[], id: string): string {
    const at = this.layout!.position.get(id);
    return at === undefined ? "" : (fields[at] ?? "");
  }

  private column(id: string): number {
    return (this.layout!.position.get(id) ?? 0) + 1;
  }

  private row(fields: string[], line: number): void {
    const layout = this.layout!;
    const width = layout.defs.length;
    if (fields.length < width) {
      this.sink.error({
        code: "missing-cell",
        line,
        column: fields.length + 1,
        expected: "cells-match-header",
        detail: { cells: fields.length, header: width },
      });
    } else if (fields.length > width) {
      for (let i = width; i < fields.length; i++) {
        if (!isBlank(fields[i]!)) {
          this.sink.error({
            code: "extra-cell",
            line,
            column: i + 1,
            value: fields[i]!,
            expected: "cells-match-header",
            detail: { cells: fields.length, header: width },
          });
          break;
        }
      }
    }

    let unitCell = normaliseCell(this.cell(fields, "unit"));
    const regionNameCell = normaliseCell(this.cell(fields, "region"));
    const typeCell = normaliseCell(this.cell(fields, "unit_type"));
    const codeCell = this.cell(fields, "region_code");
    // 小计 / 合计 where an institution's name goes, on a row of one institution type: that type's subtotal row
    if (unitCell !== "" && TOTAL_ROW.test(unitCell) && unitTypeByName.has(typeCell.toLowerCase())) unitCell = "";
    const isTotalRow = TOTAL_ROW.test(unitCell) || TOTAL_ROW.test(regionNameCell) || TOTAL_ROW.test(typeCell) || TOTAL_ROW.test(normaliseCell(codeCell));

    // identity
    let code: string | undefined;
    if (isBlank(codeCell) || (isTotalRow && TOTAL_ROW.test(normaliseCell(codeCell)))) {
      if (!isTotalRow) this.sink.error({ code: "required-value", line, column: this.column("region_code"), field: "region_code", expected: "region-code" });
    } else {
      const parsed = parseRegionCode(codeCell);
      if (parsed.ok) code = parsed.value;
      else this.sink.error({ code: "constraint-error", line, column: this.column("region_code"), field: "region_code", value: codeCell, expected: "region-code" });
    }
    const yearCell = this.cell(fields, "year");
    let year: number | undefined;
    if (isBlank(yearCell)) {
      if (!isTotalRow) this.sink.error({ code: "required-value", line, column: this.column("year"), field: "year", expected: "year" });
    } else {
      const parsed = parseYear(yearCell);
      if (parsed.ok) year = parsed.value;
      else this.sink.error({ code: "type-error", line, column: this.column("year"), field: "year", value: yearCell, expected: "year" });
    }

    let unitType: string | undefined;
    let kind: RowKind;
    if (isTotalRow || typeCell === "" || REGION_TYPE_NAMES.has(typeCell.toLowerCase())) {
      kind = "region";
    } else {
      unitType = unitTypeByName.get(typeCell.toLowerCase());
      if (!unitType) {
        this.sink.error({
          code: "unknown-unit-type",
          line,
          column: this.column("unit_type"),
          field: "unit_type",
          value: typeCell,
          expected: "unit-type",
        });
        return;
      }
      kind = unitCell === "" ? "subtotal" : "institution";
    }
    if (kind === "region" && unitCell !== "" && !isTotalRow) {
      this.sink.error({ code: "required-value", line, column: this.column("unit_type"), field: "unit_type", value: unitCell, expected: "unit-type" });
      return;
    }

    // values
    const values = this.values;
    values.fill(NaN);
    let valid = true;
    for (const { column, metric, def } of layout.metricColumns) {
      const raw = fields[column];
      if (raw === undefined || raw.length === 0 || isBlank(raw)) continue;
      if (def.kind === "flag") {
        const parsed = parseFlag(raw);
        if (parsed.ok) values[metric] = parsed.value ? 1 : 0;
        else {
          this.sink.error({ code: "type-error", line, column: column + 1, field: def.id, value: raw, expected: "flag" });
          valid = false;
        }
        continue;
      }
      const max = def.kind === "population" ? MAX_POPULATION : MAX_HEADCOUNT;
      const parsed = parseCount(raw, max);
      if (parsed.ok) {
        if (def.kind === "population" && parsed.value === 0) {
          this.sink.error({ code: "constraint-error", line, column: column + 1, field: def.id, value: raw, expected: "positive-population" });
          valid = false;
        } else values[metric] = parsed.value;
      } else {
        this.valueError(parsed.reason, line, column + 1, def.id, raw, max);
        valid = false;
      }
    }
    let institutions = NaN;
    const institutionsCell = this.cell(fields, "institutions");
    if (!isBlank(institutionsCell)) {
      const parsed = parseCount(institutionsCell, MAX_INSTITUTIONS);
      if (parsed.ok) institutions = parsed.value;
      else {
        this.valueError(parsed.reason, line, this.column("institutions"), "institutions", institutionsCell, MAX_INSTITUTIONS);
        valid = false;
      }
    }
    for (const [child, parent] of subsetPairs) {
      if (values[child]! > values[parent]!) {
        const childDef = metrics[child]!;
        this.sink.error({
          code: "subset-exceeds-total",
          line,
          column: (layout.position.get(childDef.id) ?? 0) + 1,
          field: childDef.id,
          value: String(values[child]),
          expected: "not-above-total",
          detail: { total: metrics[parent]!.id, totalValue: values[parent]! },
        });
        valid = false;
      }
    }

    if (isTotalRow) {
      this.stats.totalRows++;
      const key = code !== undefined && year !== undefined ? `${code}|${year}` : this.lastRegionKey;
      if (key && valid) this.regionFor(key, code, year, line)?.totalRows.push({ line, values: values.slice() });
      return;
    }
    if (code === undefined || year === undefined) return;
    const key = `${code}|${year}`;
    this.lastRegionKey = key;
    const region = this.regionFor(key, code, year, line)!;
    if (regionNameCell && !region.name) region.name = detach(regionNameCell);

    if (kind === "region") {
      this.stats.regionRows++;
      const first = this.seenRegionRows.get(key);
      if (first !== undefined) {
        this.sink.error({ code: "duplicate-row", line, column: this.column("region_code"), field: "region_code", value: `${code} ${year}`, expected: "unique-row", detail: { first } });
        return;
      }
      this.seenRegionRows.set(key, line);
      region.regionLine = line;
      if (regionNameCell) region.name = detach(regionNameCell);
      const population = metricIndex.get("population")!;
      if (Number.isNaN(values[population]!) && !this.hasPopulationError(line)) {
        this.sink.error({
          code: "required-value",
          line,
          column: layout.position.has("population") ? this.column("population") : 1,
          field: "population",
          expected: "positive-population",
        });
      }
      if (valid) region.stated.set(values);
      return;
    }

    if (kind === "subtotal") {
      this.stats.subtotalRows++;
      const first = this.seenKeys.addOrGet(`${key}|subtotal|${unitType}`, line);
      if (first) {
        this.sink.error({ code: "duplicate-row", line, column: this.column("unit_type"), field: "unit_type", value: typeCell, expected: "unique-row", detail: { first } });
        return;
      }
      if (valid) region.type(unitType!).subtotal = { line, institutions, values: values.slice() };
      return;
    }

    this.stats.institutionRows++;
    const first = this.seenKeys.addOrGet(`${key}|${unitCell}`, line);
    if (first) {
      this.sink.error({ code: "duplicate-row", line, column: this.column("unit"), field: "unit", value: unitCell, expected: "unique-row", detail: { first } });
      return;
    }
    if (!valid) return;
    const acc = region.type(unitType!);
    acc.rows++;
    const { sums, reported } = acc;
    for (let m = 0; m < M; m++) {
      const v = values[m]!;
      if (v === v) {
        sums[m]! += v;
        reported[m]!++;
      }
    }
    for (const check of region.checks) {
      if (!check.types.has(unitType!) || check.metric < 0) continue;
      check.rows++;
      const v = values[check.metric]!;
      if (v === v && v >= check.spec.min) continue;
      if (v !== v) check.unreported++;
      else {
        check.failing++;
        check.shortfall += check.spec.min - v;
      }
      if (check.examples.length < EXAMPLES_KEPT) {
        check.examples.push({ name: detach(unitCell), unitType: unitType!, line, value: v === v ? v : null });
      }
    }
  }

  private hasPopulationError(line: number): boolean {
    return this.sink.items.some((d) => d.line === line && d.field === "population");
  }

  private valueError(reason: ParseFailure, line: number, column: number, field: string, raw: string, max: number): void {
    const expected: Expectation = reason === "negative" ? "non-negative" : reason === "too-large" ? "not-above-max" : "whole-number";
    this.sink.error({
      code: reason === "type" ? "type-error" : "constraint-error",
      line,
      column,
      field,
      value: raw,
      expected,
      ...(reason === "too-large" ? { detail: { max } } : {}),
    });
  }

  private regionFor(key: string, code: string | undefined, year: number | undefined, line: number): RegionAccumulator | undefined {
    let region = this.regions.get(key);
    if (!region) {
      if (code === undefined || year === undefined) return undefined;
      region = new RegionAccumulator(code, year, line, this.checks);
      this.regions.set(key, region);
    }
    return region;
  }

  private finishRegions(): RegionRecord[] {
    const out: RegionRecord[] = [];
    const keys = [...this.regions.keys()].sort();
    for (const key of keys) out.push(this.finishRegion(this.regions.get(key)!));
    return out;
  }

  private finishRegion(acc: RegionAccumulator): RegionRecord {
    const position = this.layout!.position;
    const columnOf = (metric: MetricDef) => (position.get(metric.id) ?? 0) + 1;
    const byType: Record<string, TypeAggregate> = {};
    const typeFigures = new Map<string, Record<string, Figure>>();
    for (const [unitType, t] of [...acc.types.entries()].sort(([a], [b]) => compareText(a, b))) {
      const figures: Record<string, Figure> = {};
      const flags: TypeAggregate["flags"] = {};
      metrics.forEach((metric, m) => {
        if (metric.kind === "flag") {
          if (t.rows > 0) {
            const yes = t.reported[m]! > 0 ? t.sums[m]! : 0;
            flags[metric.id] = { yes, no: t.reported[m]! - yes, unreported: t.rows - t.reported[m]! };
          }
          return;
        }
        const stated = t.subtotal?.values[m];
        const summed = t.reported[m]! > 0 ? t.sums[m]! : undefined;
        if (stated !== undefined && !Number.isNaN(stated)) {
          figures[metric.id] = { value: stated, source: "stated", partial: false };
          if (summed !== undefined && summed > stated) {
            this.sink.error({
              code: "sum-exceeds-total",
              line: t.subtotal!.line,
              column: columnOf(metric),
              field: metric.id,
              value: String(stated),
              expected: "sum-not-above-total",
              detail: { sum: summed, rows: t.rows },
            });
          }
        } else if (summed !== undefined) {
          figures[metric.id] = { value: summed, source: "summed", partial: t.reported[m]! < t.rows };
        }
      });
      const subtotalInstitutions = t.subtotal && !Number.isNaN(t.subtotal.institutions) ? t.subtotal.institutions : undefined;
      if (subtotalInstitutions !== undefined && t.rows > subtotalInstitutions) {
        this.sink.error({
          code: "sum-exceeds-total",
          line: t.subtotal!.line,
          column: position.has("institutions") ? this.column("institutions") : 1,
          field: "institutions",
          value: String(subtotalInstitutions),
          expected: "sum-not-above-total",
          detail: { sum: t.rows, rows: t.rows },
        });
      }
      const aggregate: TypeAggregate = {
        unitType,
        institutions: subtotalInstitutions ?? (t.rows > 0 ? t.rows : undefined),
        institutionRows: t.rows,
        figures,
        flags,
      };
      if (t.subtotal) aggregate.subtotalLine = t.subtotal.line;
      byType[unitType] = aggregate;
      typeFigures.set(unitType, figures);
    }

    const figures: Record<string, Figure> = {};
    metrics.forEach((metric, m) => {
      if (metric.kind === "flag") return;
      let sum = 0;
      let any = false;
      let partial = false;
      let silent = false;
      for (const f of typeFigures.values()) {
        const figure = f[metric.id];
        if (figure) {
          sum += figure.value;
          any = true;
          partial ||= figure.partial;
        } else silent = true;
      }
      // a type whose rows all left the cell empty did not report it: the sum is a lower bound
      partial ||= silent;
      const stated = acc.stated[m]!;
      if (!Number.isNaN(stated)) {
        figures[metric.id] = { value: stated, source: "stated", partial: false };
        if (any && sum > stated) {
          this.sink.error({
            code: "sum-exceeds-total",
            line: acc.regionLine,
            column: columnOf(metric),
            field: metric.id,
            value: String(stated),
            expected: "sum-not-above-total",
            detail: { sum, rows: [...acc.types.values()].reduce((n, t) => n + t.rows + (t.subtotal ? 1 : 0), 0) },
          });
        }
      } else if (any) {
        figures[metric.id] = { value: sum, source: "summed", partial };
      }
    });
    for (const metric of metrics) {
      if (figures[metric.id] || !metric.derivedFrom) continue;
      const groupTypes = unitTypesOfGroup(metric.derivedFrom.group);
      let sum = 0;
      let any = false;
      let partial = false;
      for (const unitType of groupTypes) {
        const figure = typeFigures.get(unitType)?.[metric.derivedFrom.metric];
        if (figure) {
          sum += figure.value;
          any = true;
          partial ||= figure.partial;
        }
      }
      if (any) figures[metric.id] = { value: sum, source: "derived", partial };
    }
    // subsets again on the resolved totals, where at least one side was not stated on one row
    for (const [child, parent] of subsetPairs) {
      const c = figures[metrics[child]!.id];
      const p = figures[metrics[parent]!.id];
      if (c && p && !(c.source === "stated" && p.source === "stated") && c.value > p.value && !p.partial) {
        const childDef = metrics[child]!;
        this.sink.error({
          code: "subset-exceeds-total",
          line: acc.regionLine || acc.firstLine,
          column: columnOf(childDef),
          field: childDef.id,
          value: String(c.value),
          expected: "not-above-total",
          detail: { total: metrics[parent]!.id, totalValue: p.value, summed: 1 },
        });
      }
    }
    for (const total of acc.totalRows) {
      metrics.forEach((metric, m) => {
        const v = total.values[m]!;
        const figure = figures[metric.id];
        if (Number.isNaN(v) || !figure || metric.kind === "flag") return;
        if (v !== figure.value) {
          this.sink.warn({
            code: "total-row-mismatch",
            line: total.line,
            column: columnOf(metric),
            field: metric.id,
            value: String(v),
            expected: "total-matches-sum",
            detail: { sum: figure.value },
          });
        }
      });
    }
    if (!acc.regionLine) {
      this.sink.warn({ code: "missing-region-row", line: acc.firstLine, column: 1, value: `${acc.code} ${acc.year}`, expected: "region-row" });
    }

    const checks: Record<string, InstitutionCheckResult> = {};
    for (const state of acc.checks) {
      let subtotalLowerBound: InstitutionCheckResult["subtotalLowerBound"];
      let institutions = 0;
      let failingAtLeast = 0;
      let shortfallAtLeast = 0;
      for (const unitType of state.types) {
        const t = acc.types.get(unitType);
        if (!t || t.rows > 0 || !t.subtotal) continue;
        const count = t.subtotal.institutions;
        const have = t.subtotal.values[state.metric]!;
        if (Number.isNaN(count) || Number.isNaN(have)) continue;
        institutions += count;
        // with `have` people spread as well as possible, at most floor(have / min) institutions reach the minimum
        const canMeet = Math.floor(have / state.spec.min);
        failingAtLeast += Math.max(0, count - canMeet);
        shortfallAtLeast += Math.max(0, count * state.spec.min - have);
      }
      if (institutions > 0) subtotalLowerBound = { institutions, failingAtLeast, shortfallAtLeast };
      checks[state.spec.id] = {
        ...state.spec,
        rows: state.rows,
        failing: state.failing,
        unreported: state.unreported,
        shortfall: state.shortfall,
        examples: state.examples,
        subtotalLowerBound,
      };
    }

    return {
      code: acc.code,
      name: acc.name,
      year: acc.year,
      line: acc.regionLine || acc.firstLine,
      hasRegionRow: acc.regionLine > 0,
      figures,
      byType,
      checks,
    };
  }
}

/** A copy of a string that does not keep the chunk it was sliced from alive. */
function detach(s: string): string {
  return s.length > 12 ? (" " + s).slice(1) : s;
}

/** Reads a whole statistics file held in memory (bytes or text). */
export function readStatistics(input: Uint8Array | string, options: ReadOptions): ReadResult {
  const reader = new StatisticsReader(options);
  reader.push(typeof input === "string" ? new TextEncoder().encode(input) : input);
  return reader.end();
}

export { metricById };
