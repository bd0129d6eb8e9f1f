import { Command } from "commander";
import { columns } from "../../read/columns.js";
import { writeOutput } from "../io.js";
import { bomOption, langOption, outputOption, resolveLang, type CommonOptions } from "../options.js";
import { say } from "../i18n.js";
import type { Lang } from "../../i18n/messages.js";

/** Quotes a CSV cell when it must be. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function templateText(lang: "zh" | "en"): string {
  const header = columns.map((c) => csvCell(lang === "zh" ? c.zh : c.id)).join(",");
  // an example region row keeps the identity columns' shape visible: code, name, year, then the population
  const example = columns.map((c) => {
    switch (c.id) {
      case "region_code":
        return "530114";
      case "region":
        return lang === "zh" ? "呈贡区" : "Chenggong";
      case "year":
        return "2024";
      default:
        return "";
    }
  });
  return `${header}\n${example.join(",")}\n`;
}

export function templateCommand(helpLang: Lang = "en"): Command {
  return new Command("template")
    .description(say(helpLang, "输出一个空白统计文件作为起点（表头使用所选语言；带 UTF-8 BOM，Excel 可直接打开）", "print an empty statistics file to start from (headers in the chosen language; with a UTF-8 BOM so Excel opens it right)"))
    .addOption(langOption(helpLang))
    .addOption(outputOption(helpLang))
    .addOption(bomOption(helpLang))
    .action(async (options: CommonOptions) => {
      const text = templateText(resolveLang(options.lang));
      await writeOutput(options.bom === false ? text : `\uFEFF${text}`, options.output);
    });
}
