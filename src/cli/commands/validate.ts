import { Command, Option } from "commander";
import { EXIT } from "../../errors.js";
import { writeOutput } from "../io.js";
import { langOption, outputOption, regionOption, resolveLang, resolvePaint, sheetOption, type CommonOptions } from "../options.js";
import { openInputs } from "../inputs.js";
import { validateSource } from "../../pipeline.js";
import { diagnosticsGithub, diagnosticsJson, diagnosticsTable, isValid } from "../formatters/diagnostics.js";

interface ValidateOptions extends CommonOptions {
  format: "table" | "json" | "github";
  strict?: boolean;
  sheet?: string;
  region: string[];
}

const formatters = { table: diagnosticsTable, json: diagnosticsJson, github: diagnosticsGithub };

export function validateCommand(): Command {
  return new Command("validate")
    .description("check a statistics file's structure, types and consistency (no targets)")
    .argument("<files...>", "the statistics files (CSV, tab-separated text or .xlsx), or - for standard input")
    .addOption(new Option("-f, --format <format>", "output format").choices(Object.keys(formatters)).default("table"))
    .addOption(langOption())
    .addOption(outputOption())
    .option("--strict", "warnings make the file invalid too")
    .addOption(sheetOption())
    .addOption(regionOption())
    .option("--no-color", "no colour even on a terminal")
    .action(async (files: string[], options: ValidateOptions) => {
      const { source, name } = await openInputs(files, [], {
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
        regions: options.region,
      });
      const result = validateSource(source);
      const strict = Boolean(options.strict);
      const view = { result, file: name, lang: resolveLang(options.lang), strict, paint: await resolvePaint(options) };
      await writeOutput(formatters[options.format](view), options.output);
      process.exitCode = isValid(result, strict) ? EXIT.ok : EXIT.findings;
    });
}
