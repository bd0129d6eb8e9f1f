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

/** The known header closest to an unknown one, when it is close enough to be a typo. */
export function suggestHeader(cell: string): string | undefined {
  const key = headerKey(cell);
  if (key.length === 0) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const c of columns) {
    for (const name of [c.id, c.zh]) {
      const distance = editDistance(key, headerKey(name));
      if (!best || distance < best.distance) best = { name, distance };
    }
  }
  if (!best) return undefined;
  const limit = Math.max(1, Math.floor(Math.min(key.length, headerKey(best.name).length) / 3));
  return best.distance <= limit ? best.name : undefined;
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
