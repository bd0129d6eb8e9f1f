import { Command } from "commander";
import { columns } from "../../read/columns.js";
import { writeOutput } from "../io.js";
import { langOption, outputOption, resolveLang, type CommonOptions } from "../options.js";

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

export function templateCommand(): Command {
  return new Command("template")
    .description("print an empty statistics file to start from (headers in the chosen language)")
    .addOption(langOption())
    .addOption(outputOption())
    .action(async (options: CommonOptions) => {
      await writeOutput(templateText(resolveLang(options.lang)), options.output);
    });
}
