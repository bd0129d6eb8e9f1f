import { Command, Option } from "commander";
import { check, hasFindings, type CheckResult } from "../../check.js";
import { institutionChecks } from "../../evaluate/engine.js";
import { EXIT, UsageError } from "../../errors.js";
import type { Lang } from "../../messages.js";
import { readStatisticsFile } from "../../node.js";
import { checkTemplates, loadCatalogue } from "../catalogue.js";
import { diagnosticsGithub, diagnosticsTable } from "../formatters/diagnostics.js";
import { checkFormatters, type CheckView } from "../formatters/check/index.js";
import { writeOutput } from "../io.js";
import { langOption, outputOption, parseRate, parseYearOption, resolveLang, resolvePaint, type CommonOptions } from "../options.js";
import { plain } from "../color.js";

interface CheckOptions extends CommonOptions {
  format: keyof typeof checkFormatters;
  targets: string[];
  template: string[];
  horizon?: string;
  populationGrowth: string;
  attrition: string;
  failOn: "shortfall" | "advisory" | "none";
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
    .option("--horizon <year>", "plan up to this year (needed when the targets' year is already reached)")
    .option("--population-growth <rate>", "yearly population growth for the plan, e.g. 0.01 or 1%", "0")
    .option("--attrition <rate>", "yearly leavers as a share of staff, e.g. 0.05 or 5%", "0")
    .addOption(new Option("--fail-on <what>", "what makes the exit status 1").choices(["shortfall", "advisory", "none"]).default("shortfall"))
    .option("--no-color", "no colour even on a terminal")
    .action(async (file: string, options: CheckOptions) => {
      const lang = resolveLang(options.lang);
      const planOptions = {
        populationGrowth: parseRate("--population-growth", options.populationGrowth),
        attrition: parseRate("--attrition", options.attrition),
        ...(options.horizon !== undefined ? { horizon: parseYearOption("--horizon", options.horizon) } : {}),
      };
      if (planOptions.attrition < 0) throw new UsageError(`--attrition «${options.attrition}»: expected a share of staff from 0 to 100%`);
      const catalogue = await loadCatalogue(options.targets);
      checkTemplates(catalogue, options.template);
      const { result: read, name } = await readStatisticsFile(file, institutionChecks(catalogue));
      if (read.errors > 0) {
        // no partial results from an invalid file: its diagnostics, and exit 2
        const view = { result: read, file: name, lang, strict: false, paint: plain };
        if (options.format === "github") process.stdout.write(diagnosticsGithub(view));
        else process.stderr.write(diagnosticsTable(view));
        process.exitCode = EXIT.cannotRun;
        return;
      }
      if (read.warnings > 0 && options.format !== "github") {
        process.stderr.write(diagnosticsTable({ result: read, file: name, lang, strict: false, paint: plain }));
      }
      if (planOptions.horizon !== undefined) {
        const latest = Math.max(...read.regions.map((r) => r.year));
        if (planOptions.horizon <= latest) throw new UsageError(`--horizon ${planOptions.horizon}: must be after the data's latest year (${latest})`);
      }
      const result: CheckResult = check(read, catalogue, { ...planOptions, templates: options.template });
      const view: CheckView = { result, file: name, lang: lang as Lang, paint: await resolvePaint(options), read };
      await writeOutput(checkFormatters[options.format](view), options.output);
      process.exitCode = hasFindings(result, options.failOn) ? EXIT.findings : EXIT.ok;
    });
}
