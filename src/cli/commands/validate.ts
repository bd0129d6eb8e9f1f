import { Command, Option } from "commander";
import { EXIT } from "../../errors.js";
import { writeOutput } from "../io.js";
import { say } from "../i18n.js";
import type { Lang } from "../../messages.js";
import { langOption, outputOption, resolveLang, resolvePaint, type CommonOptions } from "../options.js";
import { openStatisticsFile } from "../../node.js";
import { parallelRead } from "../parallel.js";
import { diagnosticsGithub, diagnosticsJson, diagnosticsTable, isValid } from "../formatters/diagnostics.js";

interface ValidateOptions extends CommonOptions {
  format: "table" | "json" | "github";
  strict?: boolean;
}

const formatters = { table: diagnosticsTable, json: diagnosticsJson, github: diagnosticsGithub };

export function validateCommand(lang: Lang = "en"): Command {
  return new Command("validate")
    .description(say(lang, "检查统计文件的结构、类型与一致性（不对照目标）", "check a statistics file's structure, types and consistency (no targets)"))
    .argument("<file>", say(lang, "统计文件（CSV 或 .xlsx），- 表示标准输入", "the statistics CSV, or - for standard input"))
    .addOption(new Option("-f, --format <format>", say(lang, "输出格式", "output format")).choices(Object.keys(formatters)).default("table"))
    .addOption(langOption(lang))
    .addOption(outputOption(lang))
    .option("--strict", say(lang, "有警告也视为无效", "warnings make the file invalid too"))
    .option("--no-color", say(lang, "即使在终端也不用颜色", "no colour even on a terminal"))
    .action(async (file: string, options: ValidateOptions) => {
      const { reader, name } = await openStatisticsFile(file, [], parallelRead());
      // each region is finished for its own checks (sums against stated totals, …) and let go
      for (const _ of reader.finishedRegions());
      const result = reader.summary();
      const strict = Boolean(options.strict);
      const view = { result, file: name, lang: resolveLang(options.lang), strict, paint: await resolvePaint(options) };
      await writeOutput(formatters[options.format](view), options.output);
      process.exitCode = isValid(result, strict) ? EXIT.ok : EXIT.findings;
    });
}
