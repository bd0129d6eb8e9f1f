import { Command, CommanderError } from "commander";
import { EXIT, GapError } from "../errors.js";
import { validateCommand } from "./commands/validate.js";
import { templateCommand } from "./commands/template.js";
import { schemaCommand } from "./commands/schema.js";
import { checkCommand } from "./commands/check.js";
import { targetsCommand } from "./commands/targets.js";
import { refuseOutputOntoInput } from "./io.js";

declare const GAP_VERSION: string;

export function program(): Command {
  const root = new Command("gap")
    .description("health-workforce gap calculator: checks staffing statistics against sourced policy targets")
    .version(typeof GAP_VERSION === "string" ? GAP_VERSION : "0.0.0-dev", "-V, --version")
    .showHelpAfterError("(run gap --help for usage)")
    .exitOverride()
    // before anything is read: every command's file arguments and --targets files are its inputs
    .hook("preAction", (_root, command) => {
      const options = command.opts<{ output?: string; targets?: string[] }>();
      const inputs = [...command.processedArgs.flat(), ...(options.targets ?? [])].filter((x): x is string => typeof x === "string");
      refuseOutputOntoInput(options.output, inputs);
    });
  for (const command of [checkCommand(), validateCommand(), targetsCommand(), templateCommand(), schemaCommand()]) {
    root.addCommand(command.exitOverride().showHelpAfterError(`(run gap ${command.name()} --help for usage)`));
  }
  return root;
}

/** Runs the CLI; never throws. Exit status goes through process.exitCode so piped output is never cut short. */
export async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help";
      process.exitCode = done ? EXIT.ok : EXIT.cannotRun;
      return;
    }
    if (error instanceof GapError) {
      process.stderr.write(`gap: ${error.message}\n`);
    } else {
      const detail = process.env.GAP_DEBUG && error instanceof Error ? `\n${error.stack}` : "";
      process.stderr.write(`gap: internal error: ${error instanceof Error ? error.message : String(error)}${detail}\n`);
    }
    process.exitCode = EXIT.cannotRun;
  }
}
