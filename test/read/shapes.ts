// The same county (呈贡区 2024, good-chenggong-utf8.csv) in the shapes bureaus keep files in: a workbook with a title
// row, a CSV with units in its header and dashes for not reported, Excel's "Unicode text". Built here from the one
// CSV, so the shapes cannot drift apart; the text ones are also committed as fixtures (see shapes.test.ts).
import ExcelJS from "exceljs";
import { fixtureBytes } from "./helpers.js";

const TITLE = "2024年呈贡区卫生健康人力资源统计表";

/** The base CSV's rows as cells (it has one quoted name, with a comma, and no line breaks inside cells). */
export function baseRows(): string[][] {
  const text = new TextDecoder().decode(fixtureBytes("good-chenggong-utf8.csv"));
  return text.trimEnd().split("\n").map(csvCells);
}

function csvCells(line: string): string[] {
  const cells: string[] = [];
  for (let i = 0; i <= line.length; ) {
    if (line[i] === '"') {
      const close = line.indexOf('",', i + 1) === -1 ? line.length - 1 : line.indexOf('",', i + 1);
      cells.push(line.slice(i + 1, close).replace(/""/g, '"'));
      i = close + 2;
    } else {
      const comma = line.indexOf(",", i);
      const end = comma === -1 ? line.length : comma;
      cells.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return cells;
}

/** The header with units as yearbooks print them; population in 万人. */
const UNITS: Record<string, string> = {
  机构数: "机构数（个）",
  常住人口: "常住人口（万人）",
  农村人口: "农村人口(万人)",
  卫生人员: "卫生人员（人）",
  "执业(助理)医师": "执业（助理）医师（人）",
  全科医生: "全科医生[人]",
  注册护士: "注册护士（人）",
  "药师(士)": "药师（士）（人）",
};

const MARKS = ["—", "－", "/", "-"];
const FIRST_FIGURE = 5; // 机构数: the cells from here on are figures

/** CSV: units in the header, population in 万人, every empty figure written as a dash (four kinds in turn). */
export function unitsAndDashesCsv(): string {
  const [header, ...rows] = baseRows();
  const population = header!.indexOf("常住人口");
  const rural = header!.indexOf("农村人口");
  let mark = 0;
  const lines = [
    header!.map((h) => UNITS[h] ?? h),
    ...rows.map((row) =>
      row.map((cell, i) => {
        if ((i === population || i === rural) && cell !== "") return String(Number(cell) / 10_000);
        if (i >= FIRST_FIGURE && cell === "") return MARKS[mark++ % MARKS.length]!;
        return cell;
      }),
    ),
  ];
  return `${lines.map((cells) => cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n")}\n`;
}

/** Excel's "Unicode text": UTF-16 LE with a BOM, tab-separated, CRLF, numbers as displayed (1,486). */
export function unicodeText(): Uint8Array {
  const lines = baseRows().map((row) => row.map((cell) => (/^\d{4,}$/.test(cell) && !/^(5301|20)/.test(cell) ? Number(cell).toLocaleString("en-US") : cell)).join("\t"));
  const text = `\ufeff${lines.join("\r\n")}\r\n`;
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

/**
 * A workbook: a title merged across the table on row 1, a blank row, the header on row 3, figures as numbers; with
 * `notesFirst`, a sheet of notes comes before the data sheet (named 数据), which must then be asked for.
 */
export async function titledWorkbook(notesFirst = false): Promise<Uint8Array> {
  const [header, ...rows] = baseRows();
  const workbook = new ExcelJS.Workbook();
  if (notesFirst) workbook.addWorksheet("说明").addRow(["填报说明：各列均为年末人数"]);
  const sheet = workbook.addWorksheet(notesFirst ? "数据" : "Sheet1");
  sheet.addRow([TITLE]);
  sheet.mergeCells(1, 1, 1, header!.length);
  sheet.addRow([]);
  sheet.addRow(header!);
  for (const row of rows) {
    // codes and years as numbers too, as a workbook typed by hand has them; names and flags as text
    sheet.addRow(row.map((cell, i) => (cell !== "" && /^\d+$/.test(cell) && i !== 3 ? Number(cell) : cell === "" ? null : cell)));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
