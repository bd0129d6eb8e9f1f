/**
 * The answer of a check, worked out once for every format: per region, the people to hire per category and year,
 * the worst gaps and what could not be assessed; for a file of many regions, the overview ordered by people needed.
 * Nothing is computed here that the plan gives: totals counted once come from the plan when it has them.
 */
import type { CheckSummary, RegionResult } from "../../../check.js";
import type { CategoryPlan, RegionPlan } from "../../../plan/plan.js";
import type { Evaluation } from "../../../evaluate/types.js";
import type { Level } from "../../../catalogue/catalogue.js";
import { countText, levelLabel, remarkText, requiredText, shortfallText, statusTone, valueText } from "../../../i18n/labels.js";
import type { Lang } from "../../../i18n/messages.js";
import { metricName, unitTypeName } from "../../../registry/index.js";

type CategoryWithExtras = CategoryPlan;

/** Items naming their whole by `partOf`, each whole followed by its parts ("of which"), with the depth of each. */
export function nested<T extends { metric: string; partOf?: string | undefined }>(items: readonly T[]): Array<{ item: T; depth: number }> {
  const present = new Set(items.map((c) => c.metric));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const c of items) {
    if (c.partOf && present.has(c.partOf) && c.partOf !== c.metric) {
      const list = children.get(c.partOf) ?? [];
      list.push(c);
      children.set(c.partOf, list);
    } else roots.push(c);
  }
  const out: Array<{ item: T; depth: number }> = [];
  const seen = new Set<string>();
  const visit = (c: T, depth: number) => {
    if (seen.has(c.metric)) return;
    seen.add(c.metric);
    out.push({ item: c, depth });
    for (const part of children.get(c.metric) ?? []) visit(part, depth + 1);
  };
  for (const c of roots) visit(c, 0);
  for (const c of items) visit(c, 0); // a cycle of partOf would otherwise drop its members
  return out;
}

/** The plan's categories with their parts right under the whole ("of which"), each with its depth in that nesting. */
export function nestedCategories(plan: RegionPlan): Array<{ category: CategoryWithExtras; depth: number }> {
  return nested(plan.categories).map(({ item, depth }) => ({ category: item, depth }));
}

export interface HireLine {
  metric: string;
  name: string;
  depth: number;
  /** hires per plan year, in the order of `years` */
  hires: number[];
  total: number;
}

export interface Gap {
  evaluation: Evaluation;
  title: string;
  current: string;
  required: string;
  shortfall: string;
}

export interface RegionSummary {
  region: RegionResult;
  /** the plan's years, first to horizon */
  years: number[];
  hires: HireLine[];
  /** hires per year counting each person once, when the plan gives them */
  total: { hires: number[]; total: number } | undefined;
  /** people needed: the plan's total counted once where it has one, else the people short across categories */
  peopleNeeded: number;
  peopleNeededCountedOnce: boolean;
  worst: Gap[];
  notAssessed: Array<{ reason: string; titles: string[] }>;
}

const WORST = 3;

export function regionSummary(region: RegionResult, lang: Lang): RegionSummary {
  const plan = region.plan;
  const years = plan?.categories[0]?.years.map((y) => y.year) ?? [];
  const hires: HireLine[] = [];
  if (plan) {
    for (const { category, depth } of nestedCategories(plan)) {
      if (category.totalHires <= 0) continue;
      hires.push({
        metric: category.metric,
        name: metricName(category.metric, lang),
        depth,
        hires: years.map((year) => category.years.find((y) => y.year === year)?.hires ?? 0),
        total: category.totalHires,
      });
    }
  }
  const totals = plan?.totals;
  const total = totals && totals.length
    ? { hires: years.map((year) => totals.find((t) => t.year === year)?.hires ?? 0), total: totals.reduce((n, t) => n + t.hires, 0) }
    : undefined;
  const worst = region.evaluations
    .filter((e) => statusTone(e.status) === "bad")
    .slice(0, WORST)
    .map((e) => ({
      evaluation: e,
      title: e.target.title[lang],
      current: valueText(e.current, e.unit, lang),
      required: requiredText(e, lang),
      shortfall: shortfallText(e, lang),
    }));
  const reasons = new Map<string, string[]>();
  for (const e of region.evaluations) {
    if (e.status !== "not_assessed") continue;
    const why = e.remarks.filter((r) => r.kind !== "checked-against-plan").map((r) => remarkText(r, lang));
    const reason = why.join(lang === "zh" ? "；" : "; ") || (lang === "zh" ? "数据不足" : "not enough data");
    const list = reasons.get(reason) ?? [];
    list.push(e.target.title[lang]);
    reasons.set(reason, list);
  }
  return {
    region,
    years,
    hires,
    total,
    peopleNeeded: total ? total.total : region.peopleShort,
    peopleNeededCountedOnce: total !== undefined,
    worst,
    notAssessed: [...reasons].map(([reason, titles]) => ({ reason, titles })),
  };
}

/** What orders a region in the overview and the details: its code and year, and the people it needs when planned. */
export interface RegionKey {
  code: string;
  year: number;
  /** undefined for a region without a plan (an earlier year of its code): it has no line in the overview */
  peopleNeeded: number | undefined;
}

export function regionKey(region: RegionResult, summary: RegionSummary | undefined): RegionKey {
  return { code: region.code, year: region.year, peopleNeeded: summary?.peopleNeeded };
}

/** What the table and markdown frames keep of a region: what orders it, how its people are counted, what it cites. */
export interface DetailsNote {
  key: RegionKey;
  /** the people needed are counted once (see RegionSummary.peopleNeededCountedOnce); true without a plan */
  countedOnce: boolean;
  /** the documents of the targets it was checked against, each once */
  documents: string[];
}

export function detailsNote(region: RegionResult, summary: RegionSummary | undefined, withDocuments: boolean): DetailsNote {
  const documents = new Set<string>();
  if (withDocuments) for (const e of region.evaluations) documents.add(e.target.provenance.document);
  return { key: regionKey(region, summary), countedOnce: summary?.peopleNeededCountedOnce ?? true, documents: documentList(documents) };
}

/**
 * The same list for the same documents: a note is kept for every region to the end of the report, and regions
 * checked against the same targets (most of a country's) cite the same few documents. There are as many lists as
 * sets of documents cited together, a handful for the bundled catalogue.
 */
function documentList(documents: Set<string>): string[] {
  const sorted = [...documents].sort();
  const key = sorted.join("\n");
  let list = documentLists.get(key);
  if (!list) documentLists.set(key, (list = sorted));
  return list;
}
const documentLists = new Map<string, string[]>();

/** The documents the regions cite, each once, sorted: the report's sources. */
export function citedDocuments(notes: readonly DetailsNote[]): string[] {
  const documents = new Set<string>();
  for (const note of notes) for (const d of note.documents) documents.add(d);
  return [...documents].sort();
}

/**
 * The overview of a file of many regions: the planned regions, people needed first, most first; ties by code and
 * year. `keys` by region, `worstFirst` the regions in the check's order: a region-year is one of a kind, so the result
 * does not depend on that order, and a report streamed and one held in memory agree.
 */
export function overviewOrder(keys: readonly RegionKey[], worstFirst: readonly number[]): number[] {
  return worstFirst
    .filter((i) => keys[i]!.peopleNeeded !== undefined)
    .sort((i, j) => {
      const a = keys[i]!;
      const b = keys[j]!;
      return b.peopleNeeded! - a.peopleNeeded! || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || a.year - b.year;
    });
}

/**
 * The regions in the order of the overview: the region that needs most people first, each region's years
 * together, latest first. The reports' details follow it, so the overview and the sections agree.
 */
export function detailsOrder(keys: readonly RegionKey[], worstFirst: readonly number[]): number[] {
  const needed = new Map<string, number>();
  for (const i of worstFirst) {
    const { code, peopleNeeded } = keys[i]!;
    if (peopleNeeded !== undefined) needed.set(code, Math.max(needed.get(code) ?? 0, peopleNeeded));
  }
  return [...worstFirst].sort((i, j) => {
    const a = keys[i]!;
    const b = keys[j]!;
    return (needed.get(b.code) ?? 0) - (needed.get(a.code) ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || b.year - a.year;
  });
}

/** The plan's remarks beside its table: where hires go, caps on the pace, trends, alternatives, approved posts, flags. */
export function planNotes(region: RegionResult, lang: Lang): Array<{ text: string; warn?: boolean }> {
  const plan = region.plan;
  if (!plan) return [];
  const zh = lang === "zh";
  const title = (id: string) => region.evaluations.find((e) => e.target.id === id)?.target.title[lang] ?? id;
  const out: Array<{ text: string; warn?: boolean }> = [];
  for (const c of plan.categories) {
    const name = metricName(c.metric, lang);
    const placed = (c.byUnitType ?? []).filter((u) => u.hires > 0).map((u) => `${u.unitType ? unitTypeName(u.unitType, lang) : zh ? "未列机构" : "not in institution rows"} ${countText(u.hires)}`);
    if (placed.length) out.push({ text: zh ? `${name}去向：${placed.join("、")}` : `${name} go to: ${placed.join(", ")}` });
    if (c.limit) {
      out.push({
        warn: true,
        text: zh
          ? `${name}每年招聘上限 ${c.limit.max}（${title(c.limit.target)}）：按此速度${c.limit.reachedYear === null ? "无法达到" : `于 ${c.limit.reachedYear} 年达到`} ${countText(c.requiredAtHorizon)}`
          : `${name} hires capped at ${c.limit.max} a year (${title(c.limit.target)}): at that pace ${countText(c.requiredAtHorizon)} is ${c.limit.reachedYear === null ? "never reached" : `reached in ${c.limit.reachedYear}`}`,
      });
    }
    if (c.trend) {
      const reached = c.trend.targets.map((t) => `${title(t.target)} ${t.reachedYear ?? (zh ? "达不到" : "never")}`).join(zh ? "；" : "; ");
      out.push({
        text: zh
          ? `${name}趋势 ${c.trend.fromYear}–${c.trend.toYear}：每年 ${c.trend.pacePerYear} 人${reached ? `；按此速度：${reached}` : ""}`
          : `${name} trend ${c.trend.fromYear}–${c.trend.toYear}: ${c.trend.pacePerYear} a year${reached ? `; at that pace: ${reached}` : ""}`,
      });
    }
    for (const f of c.flags) {
      const what = f.kind === "above-max" ? (zh ? "超过" : "above") : zh ? "低于" : "below";
      out.push({
        warn: true,
        text: zh ? `${f.year} 年${name}计划值 ${f.planned} ${what}「${title(f.target)}」的 ${f.limit}` : `${f.year}: the plan's ${name} figure ${f.planned} is ${what} ${f.limit} of "${title(f.target)}"`,
      });
    }
  }
  for (const alt of plan.alternatives) {
    out.push({
      text: zh
        ? `${title(alt.target)}：招聘${metricName(alt.hire.metric, "zh")} ${countText(alt.hire.count)} 人（计划采用），或 ${countText(alt.qualify.count)} 名${metricName(alt.qualify.metric, "zh")}取得执业医师资格`
        : `${title(alt.target)}: hire ${countText(alt.hire.count)} ${metricName(alt.hire.metric, "en")} (as planned), or ${countText(alt.qualify.count)} ${metricName(alt.qualify.metric, "en")} qualify`,
    });
  }
  if (plan.posts) {
    const p = plan.posts;
    const need = p.years.map((y) => `${y.year} ${countText(y.newPosts)}`).join(zh ? "，" : ", ");
    out.push({
      warn: p.overEstablishment,
      text: zh
        ? `编制 ${countText(p.establishment)}，卫生人员 ${countText(p.staff)}，${p.overEstablishment ? `超编 ${countText(-p.vacancies)} 人` : `空编 ${countText(p.vacancies)} 个`}；需新增编制：${need}`
        : `approved posts ${countText(p.establishment)} for ${countText(p.staff)} staff: ${p.overEstablishment ? `${countText(-p.vacancies)} over establishment (超编)` : `${countText(p.vacancies)} vacant`}; hires needing new posts: ${need}`,
    });
  } else if (plan.vacancies !== undefined) out.push({ text: words[lang].vacancies(plan.vacancies), warn: plan.vacancies < 0 });
  for (const pool of plan.postPools) {
    out.push({ text: zh ? `编制池/核增：${title(pool.target)} ${countText(pool.value)}` : `approved-post pool: ${title(pool.target)} ${countText(pool.value)}` });
  }
  return out;
}

/** The plan's heading: its years, one year alone or first–last. */
export function planTitle(plan: RegionPlan, lang: Lang): string {
  const first = plan.categories[0]?.years[0]?.year ?? plan.startYear;
  const span = first === plan.horizon ? String(plan.horizon) : `${first}–${plan.horizon}`;
  return lang === "zh" ? `招聘计划 ${span}` : `Hiring plan ${span}`;
}

/** Where the plan's starting figures come from. */
export function startText(region: RegionResult, lang: Lang): string {
  const plan = region.plan!;
  const zh = lang === "zh";
  const first = plan.startYear;
  if (first === region.year + 1) return "";
  return zh
    ? `计划自 ${first} 年起，${region.year} 年至今的人数视为不变${plan.startSource === "option" ? "（--from）" : ""}`
    : `the plan starts in ${first}; the ${region.year} figures are taken as unchanged until then${plan.startSource === "option" ? " (--from)" : ""}`;
}

/** Why a category is planned: the deciding target's title, its parts or scopes, or met; overdue where it is. */
export function basisText(region: RegionResult, c: CategoryPlan, lang: Lang): string {
  const zh = lang === "zh";
  const w = words[lang];
  const title = c.bindingTarget ? (region.evaluations.find((e) => e.target.id === c.bindingTarget)?.target.title[lang] ?? c.bindingTarget) : undefined;
  const why = title ? `${w.basis}${zh ? "：" : ": "}${title}` : c.requiredAtHorizon > c.current ? (zh ? "（其中项/机构类别）" : "(its parts or scopes)") : w.met;
  return c.overdue ? `${why}${zh ? "（逾期）" : " (overdue)"}` : why;
}

/**
 * The roll-up per level (a province's figures already hold its prefectures' people, so levels are never added up):
 * each level's categories, its totals counting each person once, and its years.
 */
export function rollupLevels(result: CheckSummary): Array<{ level: Level; rows: Array<CheckSummary["rollup"][number] & { depth: number }>; totals: CheckSummary["rollupTotals"]; years: number[] }> {
  const out = [];
  for (const { level } of result.levels) {
    const rows = nested(result.rollup.filter((r) => r.level === level)).map(({ item, depth }) => ({ ...item, depth }));
    if (rows.length === 0) continue;
    const totals = result.rollupTotals.filter((t) => t.level === level);
    const years = [...new Set([...rows.flatMap((r) => r.years.map((y) => y.year)), ...totals.map((t) => t.year)])].sort();
    out.push({ level, rows, totals, years });
  }
  return out;
}

/** Said above the roll-up when the file holds several levels. */
export function levelsNote(result: CheckSummary, lang: Lang): string | undefined {
  if (result.levels.length < 2) return undefined;
  const zh = lang === "zh";
  const found = result.levels.map(({ level, regions }) => `${levelLabel(level, lang)} ${regions}`).join(zh ? "、" : ", ");
  return zh ? `文件含多个层级（${found}），按层级分别汇总，不跨层级相加` : `The file holds several levels (${found}): rolled up per level, never summed across levels`;
}

/** Words shared by the formats, in both languages. */
export const words = {
  zh: {
    answer: "结论",
    hire: "需招聘",
    people: "人",
    total: "合计",
    totalOnce: "合计（每人只计一次）",
    category: "类别",
    worst: "差距最大的目标",
    notAssessed: "无法评估",
    nothingToHire: "约束性目标均已满足，无需招聘",
    overview: "各地区概览",
    overviewOrder: "按需增人数从多到少排列",
    region: "地区",
    peopleNeeded: "需增人数",
    peopleNeededNote: "各类别缺口之和（全科医生等含在医师中，可能重复计入）",
    worstTargets: "主要差距",
    findings: "未达标目标",
    now: "现有",
    needed: "需要",
    required: "年末需要",
    leavers: "自然减员",
    leaversNote: "自然减员：当年离职、退休、调离的人数，按 --attrition 估算；招聘 = 年末需要 − 年初在岗 + 自然减员",
    hires: "招聘",
    stock: "年末在岗",
    basis: "依据",
    ofWhich: "其中：",
    met: "（已满足）",
    vacancies: (n: number) => (n >= 0 ? `空编 ${n.toLocaleString("en-US")} 个（编制数 − 卫生人员）` : `超编 ${(-n).toLocaleString("en-US")} 人（卫生人员多于编制数）`),
    status: "状态",
    target: "目标",
    current: "现状",
    requiredValue: "目标值",
    gap: "差距",
    shortBy: "缺口",
    source: "出处",
  },
  en: {
    answer: "In short",
    hire: "to hire",
    people: "people",
    total: "total",
    totalOnce: "total (each person counted once)",
    category: "category",
    worst: "largest gaps",
    notAssessed: "not assessed",
    nothingToHire: "every binding target is met: nobody to hire",
    overview: "Overview of the regions",
    overviewOrder: "ordered by people needed, most first",
    region: "region",
    peopleNeeded: "people needed",
    peopleNeededNote: "the sum of the categories' gaps (GPs are also physicians, so some people may count twice)",
    worstTargets: "largest gaps",
    findings: "targets not met",
    now: "now",
    needed: "needed",
    required: "needed at year end",
    leavers: "leavers",
    leaversNote: "leavers: people who leave, retire or transfer in the year, estimated with --attrition; hires = needed at year end − staff at the start + leavers",
    hires: "hires",
    stock: "staff at year end",
    basis: "set by",
    ofWhich: "of which ",
    met: "(met)",
    vacancies: (n: number) => (n >= 0 ? `vacant posts: ${n.toLocaleString("en-US")} (approved posts minus staff)` : `over establishment by ${(-n).toLocaleString("en-US")} (more staff than approved posts)`),
    status: "status",
    target: "target",
    current: "current",
    requiredValue: "required",
    gap: "gap",
    shortBy: "short by",
    source: "source",
  },
} as const;
