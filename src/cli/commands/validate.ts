import { Command, Option } from "commander";
import { EXIT } from "../../errors.js";
import { writeOutput } from "../io.js";
import { langOption, outputOption, resolveLang, resolvePaint, type CommonOptions } from "../options.js";
import { openStatisticsFile } from "../../node.js";
import { diagnosticsGithub, diagnosticsJson, diagnosticsTable, isValid } from "../formatters/diagnostics.js";

interface ValidateOptions extends CommonOptions {
  format: "table" | "json" | "github";
  strict?: boolean;
}

const formatters = { table: diagnosticsTable, json: diagnosticsJson, github: diagnosticsGithub };

export function validateCommand(): Command {
  return new Command("validate")
    .description("check a statistics file's structure, types and consistency (no targets)")
    .argument("<file>", "the statistics CSV, or - for standard input")
    .addOption(new Option("-f, --format <format>", "output format").choices(Object.keys(formatters)).default("table"))
    .addOption(langOption())
    .addOption(outputOption())
    .option("--strict", "warnings make the file invalid too")
    .option("--no-color", "no colour even on a terminal")
    .action(async (file: string, options: ValidateOptions) => {
      const { reader, name } = await openStatisticsFile(file, []);
      // each region is finished for its own checks (sums against stated totals, …) and let go
      for (const _ of reader.finishedRegions());
      const result = reader.summary();
      const strict = Boolean(options.strict);
      const view = { result, file: name, lang: resolveLang(options.lang), strict, paint: await resolvePaint(options) };
      await writeOutput(formatters[options.format](view), options.output);
      process.exitCode = isValid(result, strict) ? EXIT.ok : EXIT.findings;
    });
}
