import { z } from "zod";
import { inputJsonSchema } from "./read/schema.js";
import { targetFileSchema } from "./catalogue/schema.js";
import { reportJsonSchema } from "./report/schema.js";

/** The JSON Schemas `gap schema` prints, generated from the zod definitions the program itself uses. */
export function schemas(): { input: unknown; targets: unknown; report: unknown } {
  return {
    input: inputJsonSchema(),
    targets: z.toJSONSchema(targetFileSchema, { target: "draft-2020-12", io: "input" }),
    report: reportJsonSchema(),
  };
}
