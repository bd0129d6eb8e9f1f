import { Command, Option } from "commander";
import { EXIT } from "../../errors.js";
import { writeOutput } from "../io.js";
import { say } from "../i18n.js";
import type { Lang } from "../../i18n/messages.js";
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

export function validateCommand(lang: Lang = "en"): Command {
  return new Command("validate")
    .description(say(lang, "检查统计文件的结构、类型与一致性（不对照目标）", "check a statistics file's structure, types and consistency (no targets)"))
    .argument("<files...>", say(lang, "统计文件（CSV、制表符分隔文本或 .xlsx），- 表示标准输入", "the statistics files (CSV, tab-separated text or .xlsx), or - for standard input"))
    .addOption(new Option("-f, --format <format>", say(lang, "输出格式", "output format")).choices(Object.keys(formatters)).default("table"))
    .addOption(langOption(lang))
    .addOption(outputOption(lang))
    .option("--strict", say(lang, "有警告也视为无效", "warnings make the file invalid too"))
    .addOption(sheetOption(lang))
    .addOption(regionOption(lang))
    .option("--no-color", say(lang, "即使在终端也不用颜色", "no colour even on a terminal"))
    .action(async (files: string[], options: ValidateOptions) => {
      const { source, name } = await openInputs(files, [], {
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
        regions: options.region,
      });
      const result = validateSource(source);
      const strict = Boolean(options.strict);
      const view = { result, file: name, lang: resolveLang(options.lang), strict, paint: await resolvePaint(options) };
      // set before the output is written: a reader that closes the pipe early (gap validate … | head) ends the run with it
      process.exitCode = isValid(result, strict) ? EXIT.ok : EXIT.findings;
      await writeOutput(formatters[options.format](view), options.output);
    });
}
