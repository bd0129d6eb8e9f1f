import { Command, Option } from "commander";
import { hasFindings, type CheckSummary, type FailOn } from "../../check.js";
import { PLAN_MODES, type PlanMode } from "../../evaluate/precedence.js";
import { institutionChecks } from "../../evaluate/engine.js";
import { EXIT, UsageError } from "../../errors.js";
import type { Lang } from "../../messages.js";
import type { ReadSummary } from "../../read/reader.js";
import { checkInMemory, checkSource } from "../../pipeline.js";
import { openInputs } from "../inputs.js";
import { checkTemplates, loadCatalogue } from "../catalogue.js";
import { diagnosticsGithub, diagnosticsJson, diagnosticsTable } from "../formatters/diagnostics.js";
import { checkFormatters, streamFormats } from "../formatters/check/index.js";
import type { RegionStreamFormat } from "../formatters/check/stream.js";
import { writeOutput } from "../io.js";
import { writeStdout } from "../stdout.js";
import { langOption, outputOption, parseRate, parseYearOption, regionOption, resolveLang, resolvePaint, sheetOption, type CommonOptions } from "../options.js";
import { plain } from "../color.js";
import { TextStore } from "../spill.js";
import { currentYear } from "../../plan/years.js";

interface CheckOptions extends CommonOptions {
  format: keyof typeof checkFormatters;
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

export function checkCommand(): Command {
  return new Command("check")
    .description("validate the file, evaluate every applicable target, print the shortfalls and the hiring plan")
    .argument("<files...>", "the statistics files (CSV, tab-separated text or .xlsx; one report), or - for standard input")
    .addOption(new Option("-f, --format <format>", "output format").choices(Object.keys(checkFormatters)).default("table"))
    .addOption(langOption())
    .addOption(outputOption())
    .option("--targets <file>", "add or replace targets from a JSON file (same schema as data/targets; repeatable)", collect, [])
    .option("--template <name>", "apply a named template of targets, e.g. xx-district-grassroots (repeatable)", collect, [])
    .option("--from <year>", "the plan's first year (default: the later of the year after the data and this year)")
    .option("--horizon <year>", "plan up to this year (default: the latest target year still ahead, else the first plan year)")
    .option("--population-growth <rate>", "yearly population growth for the plan, e.g. 0.01 or 1%", "0")
    .option("--attrition <rate>", "yearly leavers as a share of staff, e.g. 0.05 or 5%", "0")
    .addOption(
      new Option("--fail-on <what>", "what makes the exit status 1: short targets; also advisory ones and figures above a range; nothing")
        .choices(["shortfall", "advisory", "none"])
        .default("shortfall"),
    )
    .addOption(
      new Option("--plan <which>", "own: a region's own target for a measure decides, broader levels' are context; strictest: plan to the strictest")
        .choices([...PLAN_MODES])
        .default("own"),
    )
    .option("--strict", "the input's warnings make the exit status 1 too")
    .addOption(sheetOption())
    .addOption(regionOption())
    .option("--no-color", "no colour even on a terminal")
    .action(async (files: string[], options: CheckOptions) => {
      const lang = resolveLang(options.lang) as Lang;
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
      const { source: reader, name, files: names } = await openInputs(files, institutionChecks(catalogue), {
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
        regions: options.region,
      });

      /** no partial results from an invalid file: its diagnostics (as JSON for --format json), and exit 2 */
      const refuse = async (read: ReadSummary) => {
        const view = { result: read, file: name, lang, strict: Boolean(options.strict), paint: plain, command: "check" as const };
        if (options.format === "github") await writeStdout(diagnosticsGithub(view));
        else if (options.format === "json") await writeOutput(diagnosticsJson(view), options.output);
        else process.stderr.write(diagnosticsTable(view));
        process.exitCode = EXIT.cannotRun;
      };
      const exitCode = (summary: CheckSummary, read: ReadSummary) =>
        hasFindings(summary, options.failOn) || (options.strict && read.warnings > 0) ? EXIT.findings : EXIT.ok;
      const runOptions = { ...planOptions, templates: options.template, plan: options.plan };
      const input = { files: names };
      const stream = streamFormats[options.format];
      if (stream) {
        // each region is formatted as soon as it is checked and set aside; the report is written worst first
        const store = new TextStore();
        try {
          const checked = checkSource(reader, catalogue, runOptions, input, (result) => {
            const texts = stream.region(result, lang);
            const first = store.add(texts[0]!);
            for (let s = 1; s < texts.length; s++) store.add(texts[s]!);
            return first;
          });
          if (!checked.ok) return await refuse(checked.read);
          warn(checked.read);
          await writeOutput(streamedOutput(stream, store, checked.order, checked.summary, name, lang), options.output);
          process.exitCode = exitCode(checked.summary, checked.read);
        } finally {
          store.close();
        }
        return;
      }
      const checked = checkInMemory(reader, catalogue, runOptions, input);
      if (!checked.ok) return await refuse(checked.read);
      const { read, result } = checked;
      warn(read);
      const report = checkFormatters[options.format]({ result, file: name, lang, paint: await resolvePaint(options) });
      // GitHub annotations for the input's warnings come first, on the lines of the input they are about
      const annotations = options.format === "github" ? diagnosticsGithub({ result: read, file: name, lang, strict: false, paint: plain }) : "";
      await writeOutput(annotations ? [annotations, ...(typeof report === "string" ? [report] : report)] : report, options.output);
      process.exitCode = exitCode(result, read);

      function warn(read: ReadSummary): void {
        if (read.warnings > 0 && options.format !== "github") {
          process.stderr.write(diagnosticsTable({ result: read, file: name, lang, strict: Boolean(options.strict), paint: plain }));
        }
      }
    });
}

function* streamedOutput(
  format: RegionStreamFormat,
  store: TextStore,
  order: ReadonlyArray<{ index: number }>,
  summary: CheckSummary,
  file: string,
  lang: Lang,
): Generator<string | Uint8Array> {
  const frame = format.frame(summary, file, lang);
  yield frame.head;
  for (let section = 0; section < format.sections; section++) yield* store.inOrder(order.map((key) => key.index + section), frame.separator);
  yield frame.tail;
}
