import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BoxTable, fitWidths, foldLine } from "../../src/cli/formatters/box.js";
import { blank, charWidth, clusters, displayWidth, neutralise, trimmedWidth, widthByProperties } from "../../src/cli/formatters/text.js";
import { groupThousands } from "../../src/i18n/labels.js";

const ANSI = /\u001b\[[0-9;]*m/g;

describe("displayWidth: the columns a terminal gives a string", () => {
  const cases: Array<[string, string, number]> = [
    ["ASCII", "gap 2025", 8],
    ["CJK ideographs", "逾期未达标", 10],
    ["full-width forms and CJK punctuation", "（１２）「」", 12],
    ["an ideograph beyond the BMP (Extension B)", "𠀀𪚥", 4],
    ["a combining acute accent takes no column", "e\u0301", 1],
    ["Hangul syllables", "한국", 4],
    ["an emoji", "😀", 2],
    ["a ZWJ sequence is one glyph", "👩‍💻", 2],
    ["a family ZWJ sequence", "👩‍👩‍👧", 2],
    ["a flag of two regional indicators", "🇨🇳", 2],
    ["a text symbol asked to show as emoji", "❤️", 2],
    ["a keycap", "1️⃣", 2],
    ["a text symbol without the selector", "❤", 1],
    ["colour codes take no column", "\u001b[31m未达标\u001b[39m", 6],
    ["a zero-width space", "a\u200bb", 2],
  ];
  for (const [what, text, width] of cases) it(`${what}: ${JSON.stringify(text)} → ${width}`, () => expect(displayWidth(text)).toBe(width));

  it("CJK punctuation and full-width forms take two columns, the ideographic tone marks U+302A–U+302D none", () => {
    for (const ch of "\u3000、。〃「」『』【】〔〕〜（），：；！？％＋－．／０ＡＺａｚ～｟｠") expect(displayWidth(ch), ch).toBe(2);
    for (let code = 0x302a; code <= 0x302d; code++) expect(displayWidth(`a${String.fromCharCode(code)}`)).toBe(1);
    for (let code = 0x302a; code <= 0x302d; code++) expect(charWidth(code)).toBe(0);
  });

  it("charWidth's shortcuts for common characters give what the Unicode properties give, for every code point", () => {
    const differing: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) if (charWidth(code) !== widthByProperties(code)) differing.push(code.toString(16));
    expect(differing).toEqual([]);
  });
});

describe("clusters keep a character with its marks", () => {
  it("never separates a combining mark, a ZWJ sequence or a flag", () => {
    expect(clusters("ée\u0301")).toEqual(["é", "e\u0301"]);
    expect(clusters("a👩‍💻b")).toEqual(["a", "👩‍💻", "b"]);
    expect(clusters("🇨🇳🇯🇵")).toEqual(["🇨🇳", "🇯🇵"]);
  });
});

describe("foldLine", () => {
  const text = fc.array(fc.constantFrom("a", "b", " ", "-", "逾", "期", "，", "（", "）", "😀", "e\u0301", "𠀀", "1", "/"), { maxLength: 60 }).map((a) => a.join(""));

  it("every folded line fits, and nothing but spaces is lost or added (property)", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 30 }), (line, width) => {
        const lines = foldLine(line, width);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
        expect(lines.join("").replace(/ /g, "")).toBe(line.replace(/ /g, ""));
      }),
    );
  });

  it("folds English at spaces and Chinese anywhere, a closing mark never starting a line", () => {
    expect(foldLine("short by 928 physicians", 12)).toEqual(["short by 928", "physicians"]);
    expect(foldLine("每千人口药师（士）数", 12)).toEqual(["每千人口药师", "（士）数"]);
    expect(foldLine("甲乙丙丁戊己庚，辛", 14)).toEqual(["甲乙丙丁戊己", "庚，辛"]);
    expect(foldLine("--horizon", 5)).toEqual(["--hor", "izon"]);
  });
});

describe("the shortcuts folding takes, against the plain rules (differential, property)", () => {
  // every kind of character they tell apart: Latin, digits, hyphen and slash, the spaces trim removes, CJK and its
  // punctuation, full-width forms, hangul, combining marks, emoji with ZWJ and variation selectors, flags, escapes
  const pieces = ["a", "Z", "0", "9", " ", "  ", "-", "/", "\u00a0", "\u3000", "\t", "\u2009", "\ufeff", "逾", "期", "，", "。", "（", "）", "「", "」", "Ａ", "한", "\u2e80", "\u9fff", "e\u0301", "😀", "👩\u200d💻", "❤\ufe0f", "🇨🇳", "𠀀", "\u001b[31m", "x-1", "a/b", "%", ".", ","];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 50 }).map((a) => a.join(""));

  it("trimmedWidth is the width of the text without its trailing white space; blank is trim() leaving nothing", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(trimmedWidth(t, displayWidth(t))).toBe(displayWidth(t.trimEnd()));
        expect(blank(t)).toBe(t.trim() === "");
      }),
      { numRuns: 5000 },
    );
  });

  it("groupThousands groups as the regular expression for it groups", () => {
    const referenceGroup = (t: string) => t.replace(/^(-?\d+)/, (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
    const numberish = fc.array(fc.constantFrom("-", "0", "1", "7", "9", ".", "5", " ", "x", "%", "万"), { maxLength: 16 }).map((a) => a.join(""));
    fc.assert(
      fc.property(numberish, (t) => {
        expect(groupThousands(t)).toBe(referenceGroup(t));
      }),
      { numRuns: 3000 },
    );
    for (const n of [0, 7, -7, 999, -999, 1000, -1000, 12345, 1234567, -1234567.891, 1e21]) expect(groupThousands(String(n))).toBe(referenceGroup(String(n)));
  });
});

describe("BoxTable: fitted, then coloured", () => {
  const red = (t: string) => `\u001b[31m${t}\u001b[39m`;

  it("a coloured Chinese status folded in a narrow column keeps whole escape codes on every line (the 逾期未 bug)", () => {
    const table = new BoxTable([{ head: "状态", min: 6 }, { head: "目标" }], { width: 24 });
    table.push([{ text: "逾期未达标", style: red }, "每千人口执业（助理）医师数"]);
    const out = table.toString();
    for (const line of out.split("\n")) {
      expect(displayWidth(line)).toBeLessThanOrEqual(24);
      // every escape is a whole colour code, opened and closed on the same line
      expect(line.replace(ANSI, "")).not.toContain("\u001b");
      expect((line.match(/\u001b\[31m/g) ?? []).length).toBe((line.match(/\u001b\[39m/g) ?? []).length);
    }
    expect(out).toContain("\u001b[31m逾期未\u001b[39m");
    expect(out).not.toMatch(/│ m/);
  });

  it("every line of a table is as wide as the others and at most the width asked (property)", () => {
    const cell = fc.array(fc.constantFrom("a", "bc ", "逾期", "未达标", "😀", "1,234", "\n"), { maxLength: 12 }).map((a) => a.join(""));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 5 }), fc.integer({ min: 40, max: 120 }), (rows, width) => {
        const table = new BoxTable([{ head: "状态" }, { head: "目标", min: 8 }, { head: "n", align: "right" }], { width });
        for (const r of rows) table.push([{ text: r[0], style: red }, r[1], r[2]]);
        const lines = table.toString().split("\n");
        const widths = new Set(lines.map(displayWidth));
        expect(widths.size).toBe(1);
        expect([...widths][0]).toBeLessThanOrEqual(width);
      }),
    );
  });

  it("fitWidths keeps numbers whole and gives the title column the room left", () => {
    const widths = fitWidths([{ head: "status", min: 6 }, { head: "target", min: 10, grow: 3 }, { head: "n", keep: true }], [["overdue", "x".repeat(80), "1,234,567"]], 50);
    expect(widths[2]).toBe(9);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(50);
    expect(widths[1]).toBeGreaterThan(widths[0]!);
  });
});

describe("neutralise: text from files and overlays cannot act on a terminal or a page", () => {
  const cases: Array<[string, string, string]> = [
    ["an escape sequence", "呈贡\u001b[31m区", "呈贡\\x1b[31m区"],
    ["an OSC title change with BEL", "a\u001b]0;x\u0007b", "a\\x1b]0;x\\x07b"],
    ["a right-to-left override", "abc\u202edef", "abc\\u202edef"],
    ["C1 control", "a\u009bb", "a\\x9bb"],
    ["line breaks become spaces", "第一行\r\n第二行\n第三行", "第一行 第二行 第三行"],
    ["plain text is untouched", "每千人口 3.20", "每千人口 3.20"],
  ];
  for (const [what, input, output] of cases) it(what, () => expect(neutralise(input)).toBe(output));
  it("keeps line breaks when asked", () => expect(neutralise("a\nb\u001b", true)).toBe("a\nb\\x1b"));
});
