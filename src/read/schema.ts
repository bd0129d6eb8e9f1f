import { z } from "zod";
import { unitTypes } from "../registry/index.js";
import { columns, type ColumnDef } from "./columns.js";
import { LIMITS } from "./limits.js";
import { FLAG_NO, FLAG_YES } from "./values.js";

// The patterns say what a cell may look like as the reader reads it: surrounding spaces (ASCII, ideographic, no-break)
// are trimmed, full-width digits, signs, commas and points (Excel with a Chinese IME) stand for their ASCII forms,
// and a blank cell means "not reported". Bounds that a pattern cannot say readably are refinements, checked by
// `parse` and stated in the description for JSON Schema users.
const SPACE = "[\\s\\u3000\\uFEFF]*";
const DIGIT = "[0-9\\uFF10-\\uFF19]";
/** a character or its full-width form, either case for letters */
function wide(ch: string): string {
  if (!/[\x21-\x7e]/.test(ch)) return ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const forms = new Set([ch.toLowerCase(), ch.toUpperCase()]);
  const all = [...forms].flatMap((c) => [c, String.fromCharCode(c.charCodeAt(0) + 0xfee0)]);
  // only ASCII punctuation is escaped: JSON Schema validators compile patterns with the u flag
  return `[${all.map((c) => (/[\^$\\.*+?()[\]{}|\/-]/.test(c) ? `\\${c}` : c)).join("")}]`;
}
const COUNT = `^${SPACE}(?:${wide("+")}?(?:${DIGIT}{1,3}(?:${wide(",")}${DIGIT}{3})+|${DIGIT}+)(?:${wide(".")}${wide("0")}+)?)?${SPACE}$`;
const FLAG = `^${SPACE}(?:${[...FLAG_YES, ...FLAG_NO].map((w) => [...w].map(wide).join("")).join("|")})?${SPACE}$`;
const CODE = `^${SPACE}${DIGIT}{6}${SPACE}$`;
const d = (range: string) => `[${range}${range.replace(/\d/g, (c) => String.fromCharCode(0xff10 + Number(c)))}]`;
const YEAR = `^${SPACE}(?:${d("1")}${d("9")}(?:${d("4")}${d("9")}|${d("5-9")}${DIGIT})|${d("2")}${d("0")}${DIGIT}{2}|${d("2")}${d("1")}${d("0")}${d("0")})年?${SPACE}$`;

/** The whole number a count cell stands for (0 for a blank cell), read independently of the reader's parser. */
function countValue(cell: string): number {
  const ascii = cell.normalize("NFKC").replace(/[\s,+]/g, "");
  return ascii === "" ? 0 : Number(ascii);
}

function count(max: number, positive: boolean) {
  return z
    .string()
    .regex(new RegExp(COUNT))
    .refine((cell) => countValue(cell) <= max, { message: `at most ${max}` })
    .refine((cell) => !positive || cell.trim() === "" || countValue(cell) > 0, { message: "above zero" });
}

function cell(c: ColumnDef): z.ZodType {
  const about = `${c.zh} / ${c.en}${c.aliases.length ? ` (also: ${c.aliases.join(", ")})` : ""}`;
  switch (c.kind) {
    case "code":
      return z.string().regex(new RegExp(CODE)).describe(`${about}. ${c.description.en}`);
    case "year":
      return z.string().regex(new RegExp(YEAR)).describe(`${about}. ${c.description.en}, 1949 to 2100`);
    case "unit_type":
      return z
        .union([z.literal(""), z.literal("region"), z.enum(unitTypes.flatMap((u) => [u.id, u.zh, ...u.aliases]) as [string, ...string[]])])
        .describe(`${about}. ${c.description.en}`);
    case "text":
      return z.string().max(LIMITS.cellLength).describe(`${about}. ${c.description.en}`);
    case "flag":
      return z.string().regex(new RegExp(FLAG)).describe(`${about}: yes/no per institution; empty = not reported`);
    case "population":
      return count(LIMITS.population, true).describe(`${about}: whole number above 0, at most ${LIMITS.population}; empty = not reported`);
    case "headcount":
    case "count": {
      const max = c.kind === "count" ? LIMITS.institutions : LIMITS.headcount;
      return count(max, false).describe(`${about}: whole number ≥ 0, at most ${max}; empty = not reported`);
    }
  }
}

/**
 * One row of the statistics CSV, as cells (strings). Built from the same column registry the reader's parsers use;
 * a property test holds the two to the same verdicts.
 */
export const inputRowSchema = z
  .object(Object.fromEntries(columns.map((c) => [c.id, cell(c).optional()])))
  .describe(
    "A row of a gap statistics CSV. Header cells may be the English id, the Chinese name or an alias. An empty cell means not reported. Row kinds: region row (unit and unit_type empty), institution row (unit and unit_type), type subtotal row (unit_type, no unit, institutions).",
  );

export function inputJsonSchema(): unknown {
  return z.toJSONSchema(inputRowSchema, { target: "draft-2020-12" });
}
