import { Command, CommanderError } from "commander";
import { EXIT, GapError } from "../errors.js";
import type { Lang } from "../i18n/messages.js";
import { validateCommand } from "./commands/validate.js";
import { templateCommand } from "./commands/template.js";
import { schemaCommand } from "./commands/schema.js";
import { checkCommand } from "./commands/check.js";
import { targetsCommand } from "./commands/targets.js";
import { displayWidth, neutralise } from "./formatters/text.js";
import { foldLine } from "./formatters/box.js";
import { detectLang, helpTitle, langArgument, say, translateError } from "./i18n.js";
import { refuseOutputOntoInput } from "./io.js";

declare const GAP_VERSION: string;

/** The help of every command in the language: titles, the help and version options, choices and defaults. */
function localise(command: Command, lang: Lang): Command {
  command.helpOption("-h, --help", say(lang, "显示帮助", "display help for command"));
  command.configureOutput({ outputError: (text, write) => write(translateError(text, lang)) });
  // widths as a terminal shows them, so Chinese descriptions are wrapped where they reach the edge
  const widths = { displayWidth, boxWrap: (text: string, width: number) => text.split("\n").flatMap((line) => foldLine(line, width)).join("\n") };
  if (lang === "en") command.configureHelp(widths);
  if (lang === "zh") {
    command.configureHelp({
      ...widths,
      styleTitle: (title) => helpTitle(title, lang),
      styleUsage: (usage) => usage.replace("[options]", "[选项]").replace("[command]", "[命令]").replace("<file>", "<文件>").replace("<files...>", "<文件...>"),
      optionDescription(option) {
        const extra: string[] = [];
        if (option.argChoices) extra.push(`可选：${option.argChoices.join("、")}`);
        const empty = Array.isArray(option.defaultValue) && option.defaultValue.length === 0;
        if (option.defaultValue !== undefined && !empty && (option.required || option.optional)) extra.push(`默认：${option.defaultValueDescription ?? String(option.defaultValue)}`);
        return extra.length ? `${option.description}（${extra.join("；")}）` : option.description;
      },
    });
  }
  return command;
}

export function program(lang: Lang = "en"): Command {
  const root = localise(new Command("gap"), lang)
    .description(
      say(lang, "卫生人才缺口计算器：对照有出处的政策目标检查卫生人员统计数据，并给出逐年招聘计划", "health-workforce gap calculator: checks staffing statistics against sourced policy targets"),
    )
    .version(typeof GAP_VERSION === "string" ? GAP_VERSION : "0.0.0-dev", "-V, --version", say(lang, "显示版本号", "output the version number"))
    .helpCommand("help [command]", say(lang, "显示某个命令的帮助", "display help for command"))
    .showHelpAfterError(say(lang, "（运行 gap --help 查看用法）", "(run gap --help for usage)"))
    .exitOverride()
    // before anything is read: every command's file arguments and --targets files are its inputs
    .hook("preAction", (_root, command) => {
      const options = command.opts<{ output?: string; targets?: string[] }>();
      const inputs = [...command.processedArgs.flat(), ...(options.targets ?? [])].filter((x): x is string => typeof x === "string");
      refuseOutputOntoInput(options.output, inputs);
    });
  for (const command of [checkCommand(lang), validateCommand(lang), targetsCommand(lang), templateCommand(lang), schemaCommand(lang)]) {
    const help = say(lang, `（运行 gap ${command.name()} --help 查看用法）`, `(run gap ${command.name()} --help for usage)`);
    root.addCommand(localise(command, lang).exitOverride().showHelpAfterError(help));
  }
  return root;
}

/** Runs the CLI; never throws. Exit status goes through process.exitCode so piped output is never cut short. */
export async function main(argv: string[]): Promise<void> {
  const lang = detectLang(langArgument(argv.slice(2)));
  try {
    await program(lang).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help";
      process.exitCode = done ? EXIT.ok : EXIT.cannotRun;
      return;
    }
    if (error instanceof GapError) {
      process.stderr.write(`gap: ${neutralise(translateError(error.message, lang), true)}\n`);
    } else {
      const detail = process.env.GAP_DEBUG && error instanceof Error ? `\n${error.stack}` : "";
      process.stderr.write(`gap: ${neutralise(translateError(`internal error: ${error instanceof Error ? error.message : String(error)}`, lang), true)}${detail}\n`);
    }
    process.exitCode = EXIT.cannotRun;
  }
}
