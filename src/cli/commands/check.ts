import { Command, Option } from "commander";
import { hasFindings, type CheckSummary, type FailOn } from "../../check.js";
import { PLAN_MODES, type PlanMode } from "../../evaluate/precedence.js";
import { institutionChecks } from "../../evaluate/engine.js";
import { EXIT, UsageError } from "../../errors.js";
import type { Lang } from "../../i18n/messages.js";
import type { ReadSummary } from "../../read/reader.js";
import { checkSource } from "../../pipeline.js";
import { openInputs } from "../inputs.js";
import { checkTemplates, loadCatalogue } from "../catalogue.js";
import { diagnosticsGithub, diagnosticsJson, diagnosticsTable } from "../formatters/diagnostics.js";
import { checkFormats, type CheckFormat } from "../formatters/check/index.js";
import { workbookFrom } from "../formatters/check/xlsx.js";
import type { RegionStreamFormat, SectionPart } from "../formatters/check/stream.js";
import { writeOutput } from "../io.js";
import { stdoutIsTerminal, writeStdout } from "../stdout.js";
import {
  bomOption,
  formatOfPath,
  langOption,
  outputOption,
  parseRate,
  parseYearOption,
  regionOption,
  resolveLang,
  resolvePaint,
  resolveWidth,
  sheetOption,
  widthOption,
  type CommonOptions,
} from "../options.js";
import { plain } from "../color.js";
import { TextStore } from "../spill.js";
import { currentYear } from "../../plan/years.js";

interface CheckOptions extends CommonOptions {
  format?: CheckFormat;
  quiet?: boolean;
  targets: string[];
  template: string[];
  horizon?: string;
  from?: string;
  populationGrowth: string;
  attrition: string;
  failOn: FailOn;
  plan: PlanMode;
  strict?: boolean;
  sheet?: string;
  region: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function checkCommand(helpLang: Lang = "en"): Command {
  const say = (zh: string, en: string) => (helpLang === "zh" ? zh : en);
  return new Command("check")
    .description(say("检查文件，对照所有适用目标，列出缺口与逐年招聘计划", "validate the file, evaluate every applicable target, print the shortfalls and the hiring plan"))
    .argument(
      "<files...>",
      say("统计文件（CSV、制表符分隔文本或 .xlsx；合为一份报告），- 表示标准输入", "the statistics files (CSV, tab-separated text or .xlsx; one report), or - for standard input"),
    )
    .addOption(
      new Option("-f, --format <format>", say("输出格式（默认：按 -o 的扩展名，否则 table）", "output format (default: from -o's extension, else table)")).choices(
        Object.keys(checkFormats),
      ),
    )
    .addOption(langOption(helpLang))
    .addOption(outputOption(helpLang))
    .addOption(widthOption(helpLang))
    .option("-q, --quiet", say("只显示结论与未达标的目标", "only the findings: the answer and the targets not met"))
    .addOption(bomOption(helpLang))
    .option("--targets <file>", say("从 JSON 文件增加或替换目标（与 data/targets 同一格式；可重复）", "add or replace targets from a JSON file (same schema as data/targets; repeatable)"), collect, [])
    .option("--template <name>", say("套用指定的目标模板，如 xx-district-grassroots（可重复）", "apply a named template of targets, e.g. xx-district-grassroots (repeatable)"), collect, [])
    .option("--from <year>", say("计划的第一年（默认：数据年份次年与当前年份中较晚者）", "the plan's first year (default: the later of the year after the data and this year)"))
    .option("--horizon <year>", say("规划到该年（默认：尚未到期目标的最晚年份，否则为计划第一年）", "plan up to this year (default: the latest target year still ahead, else the first plan year)"))
    .option("--population-growth <rate>", say("规划用的人口年增长率，如 0.01 或 1%", "yearly population growth for the plan, e.g. 0.01 or 1%"), "0")
    .option("--attrition <rate>", say("每年离职（自然减员）占在岗人员的比例，如 0.05 或 5%", "yearly leavers as a share of staff, e.g. 0.05 or 5%"), "0")
    .addOption(
      new Option(
        "--fail-on <what>",
        say("哪些情况使退出码为 1：未达标目标；另含指导性未达与高于区间；不因结果失败", "what makes the exit status 1: short targets; also advisory ones and figures above a range; nothing"),
      )
        .choices(["shortfall", "advisory", "none"])
        .default("shortfall"),
    )
    .addOption(
      new Option(
        "--plan <which>",
        say(
          "own：同一指标以本地区目标为准，上级目标仅作参考；strictest：按最严目标计划",
          "own: a region's own target for a measure decides, broader levels' are context; strictest: plan to the strictest",
        ),
      )
        .choices([...PLAN_MODES])
        .default("own"),
    )
    .option("--strict", say("输入文件有警告时退出码也为 1", "the input's warnings make the exit status 1 too"))
    .addOption(sheetOption(helpLang))
    .addOption(regionOption(helpLang))
    .option("--no-color", say("即使在终端也不用颜色", "no colour even on a terminal"))
    .action(async (files: string[], options: CheckOptions) => {
      const lang = resolveLang(options.lang) as Lang;
      const format = (options.format ?? formatOfPath(options.output, Object.keys(checkFormats)) ?? "table") as CheckFormat;
      const width = format === "table" ? resolveWidth(options) : undefined;
      if (format === "xlsx" && (options.output === undefined || options.output === "-") && stdoutIsTerminal()) {
        throw new UsageError("--format xlsx writes a workbook: give -o FILE.xlsx or redirect standard output to a file");
      }
      const planOptions = {
        populationGrowth: parseRate("--population-growth", options.populationGrowth),
        attrition: parseRate("--attrition", options.attrition),
        ...(options.horizon !== undefined ? { horizon: parseYearOption("--horizon", options.horizon) } : {}),
        ...(options.from !== undefined ? { from: parseYearOption("--from", options.from) } : {}),
        currentYear: currentYear(process.env.SOURCE_DATE_EPOCH, Date.now()),
      };
      if (planOptions.attrition < 0) throw new UsageError(`--attrition «${options.attrition}»: expected a share of staff from 0 to 100%`);
      const catalogue = await loadCatalogue(options.targets);
      checkTemplates(catalogue, options.template);
      const { source: reader, name, files: names } = await openInputs(
        files,
        institutionChecks(catalogue, { templates: options.template }),
        { ...(options.sheet !== undefined ? { sheet: options.sheet } : {}), regions: options.region },
      );

      /** no partial results from an invalid file: its diagnostics (as JSON for --format json), and exit 2 */
      // the exit status is set before the output is written: a reader that closes the pipe early (gap check … | head)
      // ends the run with it
      const refuse = async (read: ReadSummary) => {
        const view = { result: read, file: name, lang, strict: Boolean(options.strict), paint: plain, command: "check" as const };
        process.exitCode = EXIT.cannotRun;
        if (format === "github") await writeStdout(diagnosticsGithub(view));
        // only when JSON was asked for by name: an output whose format follows its extension is left as it was
        else if (options.format === "json") await writeOutput(diagnosticsJson(view), options.output);
        else process.stderr.write(diagnosticsTable(view));
      };
      const exitCode = (summary: CheckSummary, read: ReadSummary) =>
        hasFindings(summary, options.failOn) || (options.strict && read.warnings > 0) ? EXIT.findings : EXIT.ok;
      const runOptions = { ...planOptions, templates: options.template, plan: options.plan };
      const input = { files: names };
      const bom = format === "csv" && options.bom !== false;
      const paint = format === "table" ? await resolvePaint(options) : plain;
      // each region is formatted as soon as it is checked and set aside; the report is written at the end, in order
      const stream = checkFormats[format]({ paint, width, quiet: options.quiet ?? false, file: name });
      const store = new TextStore();
      try {
        // what the frame needs of each region, by region number (a region's texts are at region × sections + section)
        const notes: unknown[] = [];
        const checked = checkSource(reader, catalogue, runOptions, input, (result) => {
          const { texts, note } = stream.region(result, lang);
          for (const text of texts) store.add(text);
          return notes.push(note) - 1;
        });
        if (!checked.ok) return await refuse(checked.read);
        warn(checked.read);
        const worstFirst = checked.order.map((placed) => placed.index);
        process.exitCode = exitCode(checked.summary, checked.read);
        const output = streamedOutput(stream, store, stream.frame(checked.summary, name, lang, worstFirst, notes), bom);
        await writeOutput(format === "xlsx" ? await workbookFrom(output) : output, options.output);
      } finally {
        store.close();
      }

      function warn(read: ReadSummary): void {
        if (read.warnings > 0 && format !== "github") {
          process.stderr.write(diagnosticsTable({ result: read, file: name, lang, strict: Boolean(options.strict), paint: plain }));
        }
      }
    });
}

/** Text parts gathered up to this many UTF-16 units before they are written: a long overview is many short lines. */
const GATHER = 1 << 16;

/** The frame's texts, and the regions' texts set aside, from where they were set aside (store index: region × sections + section). */
function* streamedOutput(format: RegionStreamFormat, store: TextStore, parts: Iterable<string | SectionPart>, bom: boolean): Generator<string | Uint8Array> {
  let gathered = bom ? "\uFEFF" : "";
  for (const part of parts) {
    if (typeof part === "string") {
      gathered += part;
      if (gathered.length < GATHER) continue;
    }
    if (gathered) yield gathered;
    gathered = "";
    if (typeof part === "string") continue;
    yield* store.inOrder(regionTexts(part.order, format.sections, part.section), part.separator);
  }
  if (gathered) yield gathered;
}

function* regionTexts(order: Iterable<number>, sections: number, section: number): Generator<number> {
  for (const region of order) yield region * sections + section;
}
