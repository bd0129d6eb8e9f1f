import { metrics, type MetricKind } from "../registry/index.js";

/** A column of the statistics file: the fixed identity columns and one per metric in data/metrics.json. */
export interface ColumnDef {
  id: string;
  zh: string;
  en: string;
  kind: "code" | "text" | "year" | "unit_type" | "count" | MetricKind;
  aliases: readonly string[];
  description: { zh: string; en: string };
}

const identity: ColumnDef[] = [
  {
    id: "region_code",
    zh: "行政区划代码",
    en: "region code",
    kind: "code",
    aliases: ["区划代码", "地区代码", "代码", "code"],
    description: { zh: "6位GB/T 2260行政区划代码（000000 为全国）", en: "6-digit GB/T 2260 code (000000 = the nation)" },
  },
  {
    id: "region",
    zh: "地区",
    en: "region",
    kind: "text",
    aliases: ["地区名称", "行政区划", "区县", "region_name"],
    description: { zh: "地区名称", en: "display name of the region" },
  },
  {
    id: "year",
    zh: "年份",
    en: "year",
    kind: "year",
    aliases: ["年度", "统计年度", "统计年份"],
    description: { zh: "数据所属年份", en: "year the figures describe" },
  },
  {
    id: "unit",
    zh: "机构名称",
    en: "institution",
    kind: "text",
    aliases: ["单位名称", "机构", "单位", "institution"],
    description: { zh: "机构名称（地区行、小计行留空）", en: "institution name (empty on region and subtotal rows)" },
  },
  {
    id: "unit_type",
    zh: "机构类别",
    en: "institution type",
    kind: "unit_type",
    aliases: ["机构类型", "单位类别", "类别", "type"],
    description: {
      zh: "机构类别（地区行留空或填 region）",
      en: "institution type (empty or `region` on region rows)",
    },
  },
  {
    id: "institutions",
    zh: "机构数",
    en: "institutions",
    kind: "count",
    aliases: ["机构数量", "机构个数", "institution_count"],
    description: { zh: "小计行：该类机构数", en: "subtotal rows: number of institutions of that type" },
  },
];

export const columns: readonly ColumnDef[] = [
  ...identity,
  ...metrics.map((m) => ({
    id: m.id,
    zh: m.zh,
    en: m.en,
    kind: m.kind,
    aliases: m.aliases,
    description: { zh: m.zh, en: m.en },
  })),
];

export const columnById: ReadonlyMap<string, ColumnDef> = new Map(columns.map((c) => [c.id, c]));

/** Header cells are compared case-, width- and bracket-insensitively: 执业（助理）医师 = 执业(助理)医师. */
export function headerKey(cell: string): string {
  return cell
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\ufeff_\-]+/g, "")
    .replace(/[（【\[]/g, "(")
    .replace(/[）】\]]/g, ")")
    .toLowerCase();
}

const byKey = new Map<string, ColumnDef>();
for (const c of columns) {
  for (const name of [c.id, c.zh, c.en, ...c.aliases]) {
    const key = headerKey(name);
    if (!byKey.has(key)) byKey.set(key, c);
  }
}

export function columnForHeader(cell: string): ColumnDef | undefined {
  return byKey.get(headerKey(cell));
}

/**
 * A header cell read with the unit statistical yearbooks print after the name: 注册护士（人）, 机构数(个), 常住人口[万人],
 * 常住人口（单位：万人）. The name decides the column; the unit decides the scale of a count (万人: × 10,000). A cell
 * that is a column's name as it stands (执业(助理)医师, whose brackets are part of the name) has no unit.
 */
export interface HeaderColumn {
  def: ColumnDef | undefined;
  /** the unit as written, when the cell had one */
  unit?: string;
  /** people (or institutions) per unit of the cell: 1, or 10,000 for 万人 */
  scale: number;
  /** the unit is not one a count can be in (%, 元, …): the column cannot be read */
  badUnit?: boolean;
}

const UNIT_AT_END = /^(.*?)[\s\u3000]*[（(【\[［]([^（()）【】\[\]［］]*)[)）】\]］][\s\u3000]*$/;
const UNIT_AFTER_SLASH = /^(.*?)[\s\u3000]*[/／][\s\u3000]*([^/／]{1,4})$/;
/** the scale of each unit a count may be given in (after 单位： is dropped) */
const COUNT_UNITS = new Map<string, number>([
  ...["人", "个", "名", "所", "家", "位", "人数", "people", "persons", "number", "no."].map((u) => [u, 1] as [string, number]),
  ["千人", 1_000],
  ["万人", 10_000],
  ["万", 10_000],
  ["10000人", 10_000],
  ["10,000人", 10_000],
  ["万个", 10_000],
]);

const CJK = /[\u4e00-\u9fff]/;

export function columnWithUnit(cell: string): HeaderColumn {
  const whole = columnForHeader(cell);
  if (whole) return { def: whole, scale: 1 };
  const match = UNIT_AT_END.exec(cell) ?? UNIT_AFTER_SLASH.exec(cell);
  if (!match) return { def: undefined, scale: 1 };
  const def = columnForHeader(match[1]!);
  if (!def) return { def: undefined, scale: 1 };
  const unit = match[2]!.trim();
  const key = unit.replace(/^单位[:：]\s*/, "").toLowerCase();
  const counted = def.kind === "count" || def.kind === "headcount" || def.kind === "population";
  if (!counted) return { def, unit, scale: 1 }; // 设中医科（是/否）, 年份（年）: a hint, not a scale
  const scale = COUNT_UNITS.get(key);
  return scale === undefined ? { def, unit, scale: 1, badUnit: true } : { def, unit, scale };
}

/**
 * The known header closest to an unknown one, when it is close enough to be a typo, or when one holds the other
 * (注册护士数 or 其中：注册护士 for 注册护士). Aliases count; the suggestion is the column's id or Chinese name.
 */
export function suggestHeader(cell: string): string | undefined {
  const match = UNIT_AT_END.exec(cell);
  const key = headerKey(match ? match[1]! : cell);
  if (key.length === 0) return undefined;
  let best: { name: string; distance: number } | undefined;
  let holding: { name: string; length: number } | undefined;
  for (const c of columns) {
    const suggested = CJK.test(key) ? c.zh : c.id;
    for (const name of [c.id, c.zh, c.en, ...c.aliases]) {
      const known = headerKey(name);
      const distance = editDistance(key, known);
      const limit = Math.max(1, Math.floor(Math.min(key.length, known.length) / 3));
      if (distance <= limit && (!best || distance < best.distance)) best = { name: suggested, distance };
      // one inside the other (注册护士人数, 其中：注册护士), the longest such name winning: for Chinese names only, where
      // a name inside another is the same thing counted (English "type" is inside "prototype")
      if (CJK.test(known) && CJK.test(key) && known.length >= 2 && key.length >= 2 && (key.includes(known) || known.includes(key)) && (!holding || known.length > holding.length)) {
        holding = { name: suggested, length: known.length };
      }
    }
  }
  return best?.name ?? holding?.name;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 6) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The columns a file has under a header that was not recognised but is close to theirs (注册护仕 for 注册护士), and
 * that the file does not have otherwise: column id → the header as written. Targets that need one are not assessed
 * for want of it, and the report says which header it was.
 */
export function unrecognisedColumns(
  diagnostics: ReadonlyArray<{ code: string; value?: string; detail?: Record<string, string | number> }>,
  present: readonly string[],
): Map<string, string> {
  const lost = new Map<string, string>();
  for (const d of diagnostics) {
    const suggestion = d.code === "unknown-header" ? d.detail?.suggestion : undefined;
    if (typeof suggestion !== "string" || d.value === undefined) continue;
    const def = columnForHeader(suggestion);
    if (def && !present.includes(def.id) && !lost.has(def.id)) lost.set(def.id, d.value);
  }
  return lost;
}
