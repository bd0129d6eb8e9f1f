import { Command, Option } from "commander";
import { writeOutput } from "../io.js";
import { say } from "../i18n.js";
import type { Lang } from "../../i18n/messages.js";
import { outputOption, type CommonOptions } from "../options.js";

interface SchemaOptions extends CommonOptions {
  which: "all" | "input" | "targets" | "report";
}

export function schemaCommand(lang: Lang = "en"): Command {
  return new Command("schema")
    .description(say(lang, "输出输入列、目标格式与 JSON 报告的 JSON Schema", "print the JSON Schema of the input columns, of the targets format and of the JSON report"))
    .addOption(new Option("--which <part>", say(lang, "输出哪一部分", "which schema")).choices(["all", "input", "targets", "report"]).default("all"))
    .addOption(outputOption(lang))
    .action(async (options: SchemaOptions) => {
      const { schemas } = await import("../../schemas.js");
      const all = schemas();
      const selected = options.which === "all" ? all : all[options.which];
      await writeOutput(`${JSON.stringify(selected, null, 2)}\n`, options.output);
    });
}
