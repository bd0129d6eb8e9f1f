/** Words and number formats of the results, in Chinese and English: one place for every formatter. */
import d000 from "../seeds/000-national-talent-plan.json" with { type: "json" };
import d001 from "../seeds/001-health-talent-compilation.json" with { type: "json" };
import d002 from "../seeds/002-xx-district-grassroots.json" with { type: "json" };
import d003 from "../seeds/003-chenggong-talent-plan.json" with { type: "json" };
import d004 from "../seeds/004-cixi-reply.json" with { type: "json" };
import type { Level } from "./catalogue/catalogue.js";
import type { Target } from "./catalogue/schema.js";
import { Ratio } from "./evaluate/exact.js";
import type { Evaluation, Remark, Status, Unit } from "./evaluate/types.js";
import type { Lang } from "./messages.js";
import { metricName, unitTypeName } from "./registry/index.js";

const documents = new Map<string, { zh: string; en: string; number: string | null }>(
  [d000, d001, d002, d003, d004].map((d) => [d.document, { zh: d.title.zh, en: d.title.en, number: d.number }]),
);

const statuses: Record<string, Record<Lang, string>> = {
  met: { zh: "达标", en: "met" },
  short: { zh: "未达标", en: "short" },
  overdue: { zh: "逾期未达标", en: "overdue" },
  advisory: { zh: "未达（指导性）", en: "advisory" },
  not_assessed: { zh: "无法评估", en: "not assessed" },
  info: { zh: "信息", en: "info" },
};

const levels: Record<Level, Record<Lang, string>> = {
  national: { zh: "国家", en: "national" },
  provincial: { zh: "省级", en: "provincial" },
  municipal: { zh: "市级", en: "municipal" },
  county: { zh: "县（区）级", en: "county" },
};

/** A status's word; a status this build does not know yet is shown as its id rather than failing. */
export function statusLabel(status: Status | string, lang: Lang): string {
  return statuses[status]?.[lang] ?? status.replace(/_/g, " ");
}

/** How a status reads at a glance: a binding failure, a warning, fine, or beside the point. */
export type Tone = "bad" | "warn" | "good" | "muted";

const tones: Record<string, Tone> = { overdue: "bad", short: "bad", advisory: "warn", above_range: "warn", met: "good" };

export function statusTone(status: Status | string): Tone {
  return tones[status] ?? "muted";
}

export function levelLabel(level: Level, lang: Lang): string {
  return levels[level][lang];
}

export function bindingLabel(binding: Target["binding"], lang: Lang): string {
  const words = { binding: { zh: "约束性", en: "binding" }, advisory: { zh: "指导性", en: "advisory" }, benchmark: { zh: "参照", en: "benchmark" } };
  return words[binding][lang];
}

/** Digits kept per unit: densities two decimals, shares one, heads none. */
const places: Record<Unit, number> = {
  per_1000: 2,
  per_10000: 2,
  percent: 1,
  per_person: 2,
  people: 0,
  institutions: 0,
  people_per_year: 0,
  percent_per_year: 1,
  posts: 0,
};

export function decimalText(value: Ratio, unit: Unit): string {
  const text = value.toFixed(places[unit]);
  return places[unit] === 0 ? groupThousands(text) : text;
}

/** The value as the report's number: rounded as the tables show it, without the grouping. */
export function roundedValue(value: Ratio, unit: Unit): number {
  return Number(value.toFixed(places[unit]));
}

export function groupThousands(text: string): string {
  return text.replace(/^(-?\d+)/, (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
}

export function countText(n: number): string {
  return groupThousands(String(n));
}

/** "3.20 per 1,000" / "每千人口 3.20"; "1:2.00"; "15.0%". */
export function valueText(value: Ratio | undefined, unit: Unit, lang: Lang): string {
  if (!value) return "—";
  const n = decimalText(value, unit);
  switch (unit) {
    case "per_1000":
      return lang === "zh" ? `${n}/千人` : `${n} per 1,000`;
    case "per_10000":
      return lang === "zh" ? `${n}/万人` : `${n} per 10,000`;
    case "percent":
      return `${n}%`;
    case "per_person":
      return `1:${n}`;
    case "people":
      return lang === "zh" ? `${n}人` : `${n}`;
    case "institutions":
      return lang === "zh" ? `${n}家` : `${n}`;
    case "people_per_year":
      return lang === "zh" ? `${n}人/年` : `${n} a year`;
    case "percent_per_year":
      return lang === "zh" ? `${n}%/年` : `${n}% a year`;
    case "posts":
      return lang === "zh" ? `${n}个编制` : `${n} posts`;
  }
}

/** The target's figure with its comparator: "≥ 3.20 per 1,000", "≤ 15.0%", "75.0%–80.0%", "≈ 1:2.00". */
export function requiredText(e: Evaluation, lang: Lang): string {
  const comparator = "comparator" in e.target ? e.target.comparator : "at_least";
  if (!e.required) return "—";
  if (comparator === "range" && e.requiredMax) return `${valueText(e.required, e.unit, lang)}–${valueText(e.requiredMax, e.unit, lang)}`;
  if (comparator === "about") {
    const value = "value" in e.target && typeof e.target.value === "number" ? e.target.value : undefined;
    const aim = value !== undefined ? valueText(Ratio.decimal(value), e.unit, lang) : valueText(e.required, e.unit, lang);
    return lang === "zh" ? `${aim}左右` : `about ${aim}`;
  }
  if (e.unit === "institutions") return lang === "zh" ? "每家均达标" : "every institution";
  return `${comparator === "at_most" ? "≤" : "≥"} ${valueText(e.required, e.unit, lang)}`;
}

/** "the gap in the target's own unit": how far the current figure is from the band it must fall in. */
export function gap(e: Evaluation): Ratio | undefined {
  if (!e.current || !e.required || e.met !== false) return undefined;
  if (e.requiredMax && e.current.gt(e.requiredMax)) return e.current.sub(e.requiredMax);
  return e.required.sub(e.current);
}

export function shortfallText(e: Evaluation, lang: Lang): string {
  const s = e.shortfall;
  if (!s || s.count <= 0) return "";
  const who = s.institutions ? (lang === "zh" ? "家机构" : s.count === 1 ? " institution" : " institutions") : lang === "zh" ? `名${metricName(s.metric, "zh")}` : ` ${metricName(s.metric, "en")}`;
  const bound = s.lowerBound ? (lang === "zh" ? "至少" : "at least ") : "";
  return `${bound}${countText(s.count)}${who}`;
}

export function remarkText(r: Remark, lang: Lang): string {
  const zh = lang === "zh";
  switch (r.kind) {
    case "missing-column":
      return zh ? `缺少「${metricName(r.column, "zh")}」列或数据` : `needs the ${r.column} column`;
    case "missing-rows":
      return zh
        ? `缺少${r.unitTypes.map((u) => unitTypeName(u, "zh")).join("、")}的机构行或小计行`
        : `needs institution or subtotal rows of ${r.unitTypes.map((u) => unitTypeName(u, "en")).join(", ")}`;
    case "missing-figure":
      return zh
        ? `需要${levels[r.level as Level]?.zh ?? r.level}「${metricName(r.metric, "zh")}」目标值：用 --targets 提供`
        : `needs the ${r.level} target figure for ${metricName(r.metric, "en")}: supply it with --targets`;
    case "partial":
      return zh ? `「${metricName(r.column, "zh")}」部分机构未填报，数值为下限` : `${r.column} not reported by every row: a lower bound`;
    case "unreported-institutions":
      return zh ? `${r.count} 家机构未填报「${metricName(r.column, "zh")}」` : `${r.count} institutions did not report ${r.column}`;
    case "lower-bound":
      return zh ? "按小计行推算的下限" : "a lower bound from subtotal rows";
    case "above-range":
      return zh ? "高于目标上限" : "above the target's upper bound";
    case "needs-history":
      return zh ? `需要上一年的「${metricName(r.column, "zh")}」数据` : `needs the previous year's ${r.column}`;
    case "checked-against-plan":
      return zh ? "对照招聘计划检查" : "checked against the hiring plan";
    case "resolved-from":
      return zh ? `取自目标 ${r.target}（${r.value}）` : `figure from ${r.target} (${r.value})`;
    case "no-denominator":
      return zh ? `「${metricName(r.column, "zh")}」为 0，比例无意义` : `${r.column} is 0: no ratio`;
    case "establishment":
      return r.value === null ? (zh ? "文件未提供编制数" : "the file gives no establishment") : zh ? `现有编制 ${countText(r.value)}` : `establishment in the file: ${countText(r.value)}`;
  }
}

/** The short form for tables: [000] 三、（三）「locator」, with the documents listed once below. */
export function sourceShort(target: Target): string {
  return `[${target.provenance.document}] ${target.provenance.section}「${target.provenance.locator}」`;
}

export function sourceText(target: Target, lang: Lang): string {
  return `${documentTitle(target.provenance.document, lang)} ${target.provenance.section}「${target.provenance.locator}」`;
}

export function documentTitle(document: string, lang: Lang): string {
  const doc = documents.get(document);
  if (!doc) return `document ${document}`;
  const title = lang === "zh" ? `《${doc.zh}》` : doc.en;
  return doc.number ? `${title} ${doc.number}` : title;
}
