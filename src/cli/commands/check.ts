import { Command, Option } from "commander";
import { hasFindings, type CheckResult, type CheckSummary, type FailOn, type RegionResult } from "../../check.js";
import { PLAN_MODES, type PlanMode } from "../../evaluate/precedence.js";
import { EXIT, UsageError } from "../../errors.js";
import type { Lang } from "../../messages.js";
import { inputName, readInto } from "../../node.js";
import { checkReader, readerFor } from "../../pipeline.js";
import type { ReadSummary } from "../../read/reader.js";
import { checkTemplates, loadCatalogue } from "../catalogue.js";
import { diagnosticsGithub, diagnosticsTable } from "../formatters/diagnostics.js";
import { checkFormatters, streamFormats } from "../formatters/check/index.js";
import type { RegionStreamFormat } from "../formatters/check/stream.js";
import { writeOutput } from "../io.js";
import { writeStdout } from "../stdout.js";
import { langOption, outputOption, parseRate, parseYearOption, resolveLang, resolvePaint, type CommonOptions } from "../options.js";
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
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function checkCommand(): Command {
  return new Command("check")
    .description("validate the file, evaluate every applicable target, print the shortfalls and the hiring plan")
    .argument("<file>", "the statistics CSV, or - for standard input")
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
    .option("--no-color", "no colour even on a terminal")
    .action(async (file: string, options: CheckOptions) => {
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
      const name = inputName(file);
      const reader = readerFor(name, catalogue);
      await readInto(reader, file);
      const checkOptions = { ...planOptions, templates: options.template, plan: options.plan };

      const stream = streamFormats[options.format];
      if (stream) {
        // each region is formatted as soon as it is checked and set aside; the report is written worst first
        const store = new TextStore();
        try {
          const checked = checkReader(reader, catalogue, checkOptions, (result) => {
            const texts = stream.region(result, lang);
            const first = store.add(texts[0]!);
            for (let s = 1; s < texts.length; s++) store.add(texts[s]!);
            return first;
          });
          if (!checked.ok) return await refuse(checked.read);
          warn(checked.read);
          await writeOutput(streamedOutput(stream, store, checked.order, checked.summary, name, lang), options.output);
          process.exitCode = hasFindings(checked.summary, options.failOn) ? EXIT.findings : EXIT.ok;
        } finally {
          store.close();
        }
        return;
      }
      const results: RegionResult[] = [];
      const checked = checkReader(reader, catalogue, checkOptions, (result) => results.push(result) - 1);
      if (!checked.ok) return await refuse(checked.read);
      warn(checked.read);
      const result: CheckResult = { ...checked.summary, regions: checked.order.map((placed) => results[placed.index]!) };
      await writeOutput(checkFormatters[options.format]({ result, file: name, lang, paint: await resolvePaint(options) }), options.output);
      process.exitCode = hasFindings(result, options.failOn) ? EXIT.findings : EXIT.ok;

      /** no partial results from an invalid file: its diagnostics, and exit 2 */
      async function refuse(read: ReadSummary): Promise<void> {
        const view = { result: read, file: name, lang, strict: false, paint: plain };
        if (options.format === "github") await writeStdout(diagnosticsGithub(view));
        else process.stderr.write(diagnosticsTable(view));
        process.exitCode = EXIT.cannotRun;
      }

      function warn(read: ReadSummary): void {
        if (read.warnings > 0 && options.format !== "github") {
          process.stderr.write(diagnosticsTable({ result: read, file: name, lang, strict: false, paint: plain }));
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
