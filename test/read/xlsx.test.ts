import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readStatistics } from "../../src/read/reader.js";
import { cellText, workbookRows } from "../../src/read/xlsx.js";

const newYearsDay = new Date(Date.UTC(2024, 0, 1));

describe("a workbook's cells as text", () => {
  it.each([
    ["yyyy", "2024"],
    ['yyyy"年"', "2024"],
    ["yyyy年", "2024"],
    ["[$-804]yyyy", "2024"],
    ["yyyy-mm-dd", "2024-01-01"],
    ['yyyy"年"m"月"', "2024-01-01"],
    ["mm-dd-yy", "2024-01-01"],
    ["General", "2024-01-01"],
    [undefined, "2024-01-01"],
  ])("a date formatted %s reads %s", (format, text) => {
    expect(cellText(newYearsDay, format)).toBe(text);
  });

  it("a year column typed as dates and shown as years reads as the years the sheet shows", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("统计");
    sheet.addRow(["行政区划代码", "地区", "年份", "常住人口", "执业(助理)医师"]);
    sheet.addRow(["530114", "呈贡区", newYearsDay, 728600, 1500]);
    sheet.getCell("C2").numFmt = 'yyyy"年"';
    const rows = await workbookRows(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(rows.rows[1]!.cells).toEqual(["530114", "呈贡区", "2024", "728600", "1500"]);
    const text = rows.rows.map((r) => r.cells.join(",")).join("\n");
    const read = readStatistics(text, { file: "book.xlsx" });
    expect(read.errors).toBe(0);
    expect(read.regions[0]!.year).toBe(2024);
  });
});
