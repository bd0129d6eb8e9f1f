/**
 * An .xlsx workbook as the reader's rows: one sheet (named, or the first one shown), each row's cells as the text a
 * CSV export of it would hold, numbered as the sheet numbers its rows, so diagnostics point at `file.xlsx!Sheet:row:col`.
 * exceljs does the reading; it is loaded here, on the first workbook, and never for text files.
 */
import { createRequire } from "node:module";
import type { CellValue, Workbook } from "exceljs";

declare const __filename: string | undefined;

/** A workbook that cannot be read, or has no such sheet: one line for the user. */
export class WorkbookError extends Error {}

export interface SheetRows {
  sheet: string;
  /** the sheet's rows that hold something, in order */
  rows: Array<{ cells: string[]; line: number }>;
}

/**
 * exceljs, required on first use. (A require, not import(): the CLI bundle runs as a vm script, which has no dynamic
 * import; it keeps exceljs outside the bundle, where the package's own require finds it.)
 */
function exceljs(): typeof import("exceljs") {
  const from = typeof __filename === "string" ? __filename : import.meta.url;
  return createRequire(from)("exceljs") as typeof import("exceljs");
}

/** The rows of one sheet of a workbook held in memory: `sheet` by name, else the first sheet not hidden. */
export async function workbookRows(bytes: Uint8Array, sheet?: string): Promise<SheetRows> {
  const { Workbook: WorkbookClass } = exceljs();
  const workbook: Workbook = new WorkbookClass();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new WorkbookError("not an .xlsx workbook that can be read: save it as CSV UTF-8 or .xlsx");
  }
  const sheets = workbook.worksheets;
  const chosen =
    sheet !== undefined ? sheets.find((s) => s.name === sheet) ?? sheets.find((s) => s.name.trim() === sheet.trim()) : sheets.find((s) => s.state === "visible") ?? sheets[0];
  if (!chosen) {
    const names = sheets.map((s) => `«${s.name}»`).join(", ");
    throw new WorkbookError(sheet !== undefined ? `no sheet named «${sheet}»; the sheets are ${names || "(none)"}` : "the workbook has no sheet");
  }
  const rows: SheetRows["rows"] = [];
  chosen.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      // a merged range holds its value in its first cell only, as a CSV export has it
      cells[column - 1] = cell.isMerged && cell.master !== cell ? "" : cellText(cell.value, cell.numFmt);
    });
    rows.push({ cells, line });
  });
  // as a CSV export has them: every row as wide as the sheet's used range
  const width = Math.max(chosen.columnCount, ...rows.map((r) => r.cells.length));
  for (const { cells } of rows) for (let i = 0; i < width; i++) cells[i] ??= "";
  return { sheet: chosen.name, rows };
}

/**
 * A cell's value as text: numbers as written (without binary noise), a formula by its result, rich text joined. A
 * date shows as its day, or as its year alone where the cell's number format shows only the year (a year column typed
 * as a date and formatted yyyy or yyyy"年": the sheet shows 2024, and so does the file).
 */
export function cellText(value: CellValue | undefined, numberFormat?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return numberText(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return showsYearOnly(numberFormat) ? String(value.getUTCFullYear()) : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result as CellValue, numberFormat);
    if ("formula" in value || "sharedFormula" in value) return "";
    if ("text" in value) return cellText(value.text as CellValue);
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

/** Whether a number format shows a date's year and nothing else of it (quoted text, escapes and [..] sections aside). */
function showsYearOnly(format: string | undefined): boolean {
  if (!format) return false;
  const codes = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").toLowerCase();
  return codes.includes("y") && !/[mdhse]/.test(codes.replace(/general/g, ""));
}

/** 72.86 stays 72.86 (a sum's 72.86000000000001 too): fifteen significant digits are all a double holds. */
function numberText(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** What the first bytes of a file say it is. */
export type Container = "zip" | "ole2" | "text";

export function containerOf(head: Uint8Array): Container {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "zip";
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return "ole2";
  return "text";
}
