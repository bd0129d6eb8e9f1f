import { Command, Option } from "commander";
import { BoxTable } from "../formatters/box.js";
import { applicableTargets, LEVELS, levelOfCode, type Catalogue } from "../../catalogue/catalogue.js";
import type { Target } from "../../catalogue/schema.js";
import { UsageError } from "../../errors.js";
import { bindingLabel, levelLabel, sourceText } from "../../i18n/labels.js";
import type { Lang } from "../../i18n/messages.js";
import { metricName, unitTypeName } from "../../registry/index.js";
import { checkTemplates, loadCatalogue } from "../catalogue.js";
import { writeOutput } from "../io.js";
import { langOption, outputOption, resolveLang, resolvePaint, resolveWidth, widthOption, type CommonOptions } from "../options.js";
import { say } from "../i18n.js";
import { compareText } from "../../compare-text.js";

interface TargetsOptions extends CommonOptions {
  region?: string;
  level?: Target["level"];
  template: string[];
  targets: string[];
  format: "table" | "json" | "markdown";
}

const collect = (value: string, previous: string[]) => [...previous, value];

function figureText(t: Target, lang: Lang): string {
  const zh = lang === "zh";
  const cmp = "comparator" in t ? t.comparator : "at_least";
  const sign = cmp === "at_most" ? "≤" : cmp === "about" ? "≈" : cmp === "range" ? "" : "≥";
  const value = "value" in t ? t.value : undefined;
  const range = cmp === "range" && "max" in t && t.max !== undefined ? `${value}–${t.max}` : `${sign} ${value}`;
  switch (t.kind) {
    case "density":
      return zh
        ? `每${t.per === 1000 ? "千" : "万"}${metricName(t.basis, "zh")}${metricName(t.metric, "zh")} ${range}`
        : `${metricName(t.metric, "en")} ${range} per ${t.per === 1000 ? "1,000" : "10,000"} ${metricName(t.basis, "en")}`;
    case "ratio":
      return `${metricName(t.of, lang)} : ${metricName(t.metric, lang)} = 1 : ${range.replace(/^[≥≤≈] /, cmp === "about" ? "≈" : cmp === "at_least" ? "≥" : cmp === "at_most" ? "≤" : "")}`;
    case "share":
      return `${metricName(t.metric, lang)} / ${metricName(t.of, lang)} ${range}%`;
    case "per_institution":
      return zh ? `每家 ≥ ${t.value} 名${metricName(t.metric, "zh")}` : `≥ ${t.value} ${metricName(t.metric, "en")} per institution`;
    case "institution_share":
      return `${metricName(t.flag, lang)} ${range}%`;
    case "total":
      return `${metricName(t.metric, lang)} ${range}`;
    case "flow":
      return `${metricName(t.metric, lang)} ${range} ${zh ? (t.flow === "recruits" ? "人/年（招聘）" : "人/年（净增）") : t.flow === "recruits" ? "recruits a year" : "net a year"}`;
    case "growth":
      return `${metricName(t.metric, lang)} ${range}% ${zh ? "/年" : "a year"}`;
    case "reference":
      return zh
        ? `${metricName(t.measure.metric, "zh")} 达到${levelLabel(t.refersTo.level, "zh")}水平`
        : `${metricName(t.measure.metric, "en")} at the ${t.refersTo.level} level`;
    case "posts":
      return `${t.change === "increase" ? (zh ? "核增" : "increase") : zh ? "编制池" : "pool"} ${t.value} ${t.postType === "shiye" ? (zh ? "事业编制" : "career posts") : zh ? "报备员额" : "filed posts"}`;
  }
}

function scopeText(t: Target, lang: Lang): string {
  const scope = "scope" in t ? t.scope : undefined;
  if (!scope) return lang === "zh" ? "全部" : "all";
  if (scope.unitTypes) return scope.unitTypes.map((u) => unitTypeName(u, lang)).join(lang === "zh" ? "、" : ", ");
  const groups: Record<string, { zh: string; en: string }> = {
    grassroots: { zh: "基层医疗卫生机构", en: "grassroots institutions" },
    hospital: { zh: "医院", en: "hospitals" },
    public_health: { zh: "专业公共卫生机构", en: "public-health institutions" },
    other: { zh: "其他机构", en: "other institutions" },
  };
  return scope.unitGroup ? (groups[scope.unitGroup]?.[lang] ?? scope.unitGroup) : "";
}

function select(catalogue: Catalogue, options: TargetsOptions): Target[] {
  let list: Target[];
  if (options.region !== undefined) {
    if (!/^\d{6}$/.test(options.region)) throw new UsageError(`--region «${options.region}»: expected a 6-digit GB/T 2260 code such as 530114`);
    list = applicableTargets(catalogue, options.region, { templates: options.template });
  } else {
    list = [...catalogue.targets].filter((t) => !t.template || options.template.length === 0 || options.template.includes(t.template));
  }
  if (options.level) list = list.filter((t) => t.level === options.level);
  return list.sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || compareText(a.region, b.region) || compareText(a.id, b.id));
}

export function targetsCommand(lang: Lang = "en"): Command {
  return new Command("targets")
    .description(say(lang, "列出目标库，或适用于某地区的目标及其出处", "list the catalogue, or the targets that apply to a region, with their sources"))
    .option("--region <code>", say(lang, "只列适用于该地区的目标（行政区划代码）", "only the targets that apply to this region (GB/T 2260 code)"))
    .addOption(new Option("--level <level>", say(lang, "只列该级别的目标", "only targets of this level")).choices([...LEVELS]))
    .option("--template <name>", say(lang, "包含指定的目标模板（可重复）", "include a named template (repeatable)"), collect, [])
    .option("--targets <file>", say(lang, "从 JSON 文件增加或替换目标（可重复）", "add or replace targets from a JSON file (repeatable)"), collect, [])
    .addOption(new Option("-f, --format <format>", say(lang, "输出格式", "output format")).choices(["table", "json", "markdown"]).default("table"))
    .addOption(langOption(lang))
    .addOption(outputOption(lang))
    .addOption(widthOption(lang))
    .option("--no-color", say(lang, "即使在终端也不用颜色", "no colour even on a terminal"))
    .action(async (options: TargetsOptions) => {
      const lang = resolveLang(options.lang);
      const catalogue = await loadCatalogue(options.targets);
      checkTemplates(catalogue, options.template);
      const list = select(catalogue, options);
      let text: string;
      if (options.format === "json") {
        text = `${JSON.stringify({ schemaVersion: 1, catalogue: { version: catalogue.version, published: catalogue.published }, region: options.region ?? null, level: options.region ? levelOfCode(options.region) : null, targets: list.map((t) => ({ ...t, origin: catalogue.origin.get(t.id) })) }, null, 2)}\n`;
      } else if (options.format === "markdown") {
        text = `| ${lang === "zh" ? "级别 | 目标 | 指标 | 范围 | 年份 | 性质 | 出处" : "level | target | figure | scope | year | binding | source"} |\n|---|---|---|---|---|---|---|\n`;
        for (const t of list) {
          text += `| ${[levelLabel(t.level, lang), `${t.title[lang]} (\`${t.id}\`)`, figureText(t, lang), scopeText(t, lang), String(t.year), bindingLabel(t.binding, lang), sourceText(t, lang)].map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |\n`;
        }
      } else {
        const paint = await resolvePaint(options);
        text = "";
        for (const level of LEVELS) {
          const group = list.filter((t) => t.level === level);
          if (!group.length) continue;
          const table = new BoxTable(
            (lang === "zh" ? ["目标", "指标", "范围", "年份", "性质", "出处"] : ["target", "figure", "scope", "year", "binding", "source"]).map((head, i) => ({ head, min: i === 3 ? 4 : 8 })),
            { width: resolveWidth(options), head: paint.bold },
          );
          for (const t of group) {
            table.push([[t.title[lang], { text: t.id + (t.template ? ` [${t.template}]` : ""), style: paint.dim }], figureText(t, lang), scopeText(t, lang), String(t.year), bindingLabel(t.binding, lang), sourceText(t, lang)]);
          }
          text += `${paint.bold(levelLabel(level, lang) + (lang === "zh" ? "目标" : " targets"))} (${group.length})\n${table.toString()}\n`;
        }
        text += lang === "zh" ? `共 ${list.length} 项；目标库 ${catalogue.version}（${catalogue.published}）\n` : `${list.length} targets; catalogue ${catalogue.version} (${catalogue.published})\n`;
      }
      await writeOutput(text, options.output);
    });
}
