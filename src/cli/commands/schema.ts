import { Command, Option } from "commander";
import { writeOutput } from "../io.js";
import { outputOption, type CommonOptions } from "../options.js";

interface SchemaOptions extends CommonOptions {
  which: "all" | "input" | "targets" | "report";
}

export function schemaCommand(): Command {
  return new Command("schema")
    .description("print the JSON Schema of the input columns, of the targets format and of the JSON report")
    .addOption(new Option("--which <part>", "which schema").choices(["all", "input", "targets", "report"]).default("all"))
    .addOption(outputOption())
    .action(async (options: SchemaOptions) => {
      const { schemas } = await import("../../schemas.js");
      const all = schemas();
      const selected = options.which === "all" ? all : all[options.which];
      await writeOutput(`${JSON.stringify(selected, null, 2)}\n`, options.output);
    });
}
