/** Words and number formats of the results, in Chinese and English: one place for every formatter. */
import d000 from "../../seeds/000-national-talent-plan.json" with { type: "json" };
import d001 from "../../seeds/001-health-talent-compilation.json" with { type: "json" };
import d002 from "../../seeds/002-xx-district-grassroots.json" with { type: "json" };
import d003 from "../../seeds/003-chenggong-talent-plan.json" with { type: "json" };
import d004 from "../../seeds/004-cixi-reply.json" with { type: "json" };
import type { Level } from "../catalogue/catalogue.js";
import type { Target } from "../catalogue/schema.js";
import { Ratio } from "../evaluate/exact.js";
import type { Evaluation, Remark, Status, Unit } from "../evaluate/types.js";
import type { Lang } from "./messages.js";
import { metricName, unitTypeName } from "../registry/index.js";

const documents = new Map<string, { zh: string; en: string; number: string | null }>(
  [d000, d001, d002, d003, d004].map((d) => [d.document, { zh: d.title.zh, en: d.title.en, number: d.number }]),
);

const statuses: Record<string, Record<Lang, string>> = {
  met: { zh: "达标", en: "met" },
  short: { zh: "未达标", en: "short" },
  overdue: { zh: "逾期未达标", en: "overdue" },
  advisory: { zh: "未达（指导性）", en: "advisory" },
  above_range: { zh: "高于区间", en: "above range" },
  benchmark: { zh: "未及参照水平", en: "benchmark" },
  context: { zh: "参考", en: "context" },
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

const ALWAYS_COUNTED = new Set<Status>(["overdue", "short", "advisory", "not_assessed", "met"]);

/** The counts of a run, worst first, leaving out statuses none of its results has (but always short and met). */
export function statusCountsText(counts: Record<Status, number>, order: readonly Status[], lang: Lang): string {
  const shown = order.filter((s) => counts[s] > 0 || ALWAYS_COUNTED.has(s));
  return shown.map((s) => (lang === "zh" ? `${statusLabel(s, lang)} ${counts[s]}` : `${counts[s]} ${statusLabel(s, lang)}`)).join(lang === "zh" ? "，" : ", ");
}

/** The assumption on which target decides a measure, printed with every result. */
export function precedenceAssumption(plan: "own" | "strictest", lang: Lang): string {
  if (plan === "strictest") {
    return lang === "zh"
      ? "同一指标各级目标均参与判定，计划按其中最严者（--plan strictest）"
      : "every level's target for a measure decides, and the plan follows the strictest of them (--plan strictest)";
  }
  return lang === "zh"
    ? "同一指标（同一人员类别、分母或人口口径、机构范围）以本地区最具体一级的目标为准，上级目标仅作参考，不计划、不判失败（--plan strictest 改按最严者）"
    : "where a region has its own target for a measure (same category, denominator or population basis and institutions), broader levels' targets for it are context: neither planned for nor failing (--plan strictest plans to the strictest)";
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
  return value.toRounded(places[unit]);
}

export function groupThousands(text: string): string {
  // the leading whole number's digits, after a minus sign: counted by hand, as every count of a report passes here
  const from = text.charCodeAt(0) === 0x2d ? 1 : 0;
  let to = from;
  while (to < text.length && text.charCodeAt(to) >= 0x30 && text.charCodeAt(to) <= 0x39) to++;
  if (to - from <= 3) return text;
  // the first group takes what is left over by threes (three when nothing is)
  const firstEnd = from + ((to - from) % 3 || 3);
  let grouped = text.slice(0, firstEnd);
  for (let at = firstEnd; at < to; at += 3) grouped += `,${text.slice(at, at + 3)}`;
  return grouped + text.slice(to);
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
    // the nominal figure, with the band the gap is measured to beside it
    const value = "value" in e.target && typeof e.target.value === "number" ? e.target.value : undefined;
    const aim = value !== undefined ? valueText(Ratio.decimal(value), e.unit, lang) : valueText(e.required, e.unit, lang);
    const edges = e.requiredMax ? `${valueText(e.required, e.unit, lang)}–${valueText(e.requiredMax, e.unit, lang)}` : "";
    if (!edges) return lang === "zh" ? `${aim}左右` : `about ${aim}`;
    return lang === "zh" ? `${aim}左右（${edges}）` : `about ${aim} (${edges})`;
  }
  if (e.unit === "institutions") return lang === "zh" ? "每家均达标" : "every institution";
  return `${comparator === "at_most" ? "≤" : "≥"} ${valueText(e.required, e.unit, lang)}`;
}

/**
 * "the gap in the target's own unit": how far the current figure is from the band's nearest edge, the same point
 * the shortfall in people is counted to (for 左右, the band's edge, not the nominal figure).
 */
export function gap(e: Evaluation): Ratio | undefined {
  if (!e.current || !e.required || e.met !== false) return undefined;
  if (e.requiredMax && e.current.gt(e.requiredMax)) return e.current.sub(e.requiredMax);
  if (e.current.ge(e.required)) return undefined;
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
      if (r.unrecognised !== undefined) {
        return zh
          ? `缺少「${metricName(r.column, "zh")}」列：文件中的列 «${r.unrecognised}» 未被识别（是否应为「${metricName(r.column, "zh")}」？）`
          : `needs the ${r.column} column: the file's column «${r.unrecognised}» was not recognised (did you mean «${metricName(r.column, "zh")}»?)`;
      }
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
      return zh ? "高于区间上限：不缺人，仅列示" : "above the range's upper bound: nobody is missing";
    case "above-band":
      return zh ? "高于“左右”区间上限，按达标计" : "above the band of 'about': met";
    case "superseded-by":
      return zh ? `以本地区目标 ${r.target} 为准` : `the region's own target ${r.target} decides`;
    case "recruits-at-least":
      return zh ? `较上年净增 ${countText(r.added)} 人，招聘人数不少于此` : `net increase on the year before ${countText(r.added)}: recruits were at least that`;
    case "cumulative": {
      const verdict = r.met === true ? (zh ? "达标" : "met") : r.met === false ? (zh ? "未达标" : "short") : zh ? "无法据存量判断" : "not decidable from stock figures";
      return zh
        ? `${r.from}–${r.to} 年累计净增 ${countText(r.added)} 人，目标 ${countText(r.value)} 人：${verdict}`
        : `net increase ${r.from}–${r.to}: ${countText(r.added)} against ${countText(r.value)} in total: ${verdict}`;
    }
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
