// The hand-written scanner against csv-parse, the reference: same records, same line numbers, whatever the chunking.
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvScanner, MAX_CELL_LENGTH, type CsvProblem, type CsvRecord } from "../../src/read/csv.js";

interface Scanned {
  records: Array<{ fields: string[]; line: number }>;
  problems: CsvProblem[];
}

const encoder = new TextEncoder();

/** The scanner reads UTF-8 bytes; pieces cut inside a character are joined again before any field is decoded. */
function scan(pieces: readonly (string | Uint8Array)[]): Scanned {
  const scanner = new CsvScanner();
  const records: Scanned["records"] = [];
  const sink = (record: CsvRecord) => records.push({ fields: record.fields(), line: record.line });
  for (const piece of pieces) scanner.push(typeof piece === "string" ? encoder.encode(piece) : piece, sink);
  scanner.finish(sink);
  return { records, problems: scanner.problems };
}

/** Cut text's UTF-8 bytes at the given positions (any positions: inside quotes, between CR and LF, inside characters). */
function cut(text: string, positions: readonly number[]): Uint8Array[] {
  const bytes = encoder.encode(text);
  const at = [...new Set(positions.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const p of at) {
    pieces.push(bytes.subarray(from, p));
    from = p;
  }
  pieces.push(bytes.subarray(from));
  return pieces;
}

const countOf = (s: string, re: RegExp) => (s.match(re) ?? []).length;

/**
 * csv-parse with the options that match the scanner's documented behaviour: ragged rows, blank lines skipped, a quote
 * inside an unquoted cell kept as it is. Its info.lines is the line a record ends on, and inside quoted cells it counts
 * CR and LF separately (CRLF as two lines); the start line the scanner reports is worked out from that, so the two are
 * compared on the same terms. A line holding only `""` is an empty record to csv-parse and a blank line to the scanner.
 */
function reference(text: string, eol: string): Array<{ fields: string[]; line: number }> {
  const rows = parse(text, {
    relax_column_count: true,
    skip_empty_lines: true,
    relax_quotes: true,
    record_delimiter: eol,
    info: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  let doubleCounted = 0;
  const out: Array<{ fields: string[]; line: number }> = [];
  for (const { record, info } of rows) {
    const start = info.lines - record.reduce((n, f) => n + countOf(f, /\r|\n/g), 0) - doubleCounted;
    doubleCounted += record.reduce((n, f) => n + countOf(f, /\r\n/g), 0);
    if (record.length === 1 && record[0] === "") continue;
    out.push({ fields: record, line: start });
  }
  return out;
}

const EOLS = ["\n", "\r\n", "\r"] as const;

/** Cells as they occur: Chinese names, numbers, commas, quotes, line breaks of every kind, spaces, emptiness. */
const cellText = fc.string({
  unit: fc.constantFrom("呈", "贡", "区", "a", "1", "2", " ", "\u3000", ",", '"', "\n", "\r\n", "\r", "𠀀", "\t"),
  maxLength: 8,
});

interface Cell {
  text: string;
  quoted: boolean;
}

/** A cell must be quoted when it holds a comma or a line break or starts with a quote; any cell may be. */
const cell: fc.Arbitrary<Cell> = fc.tuple(cellText, fc.boolean()).map(([text, quote]) => ({
  text,
  quoted: quote || /[,\r\n]/.test(text) || text.startsWith('"'),
}));

const serialise = (c: Cell) => (c.quoted ? `"${c.text.replace(/"/g, '""')}"` : c.text);

const document = fc.record({
  records: fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
  eol: fc.constantFrom(...EOLS),
  blankLinesBefore: fc.array(fc.nat({ max: 2 }), { minLength: 12, maxLength: 12 }),
  finalEol: fc.boolean(),
});

function render(doc: { records: Cell[][]; eol: string; blankLinesBefore: number[]; finalEol: boolean }): string {
  return (
    doc.records.map((r, i) => doc.eol.repeat(doc.blankLinesBefore[i]!) + r.map(serialise).join(",")).join(doc.eol) +
    (doc.finalEol ? doc.eol : "")
  );
}

describe("CsvScanner", () => {
  it("reads what csv-parse reads, with the same line numbers", () => {
    fc.assert(
      fc.property(document, (doc) => {
        const text = render(doc);
        const ours = scan([text]);
        expect(ours.problems).toEqual([]);
        expect(ours.records).toEqual(reference(text, doc.eol));
      }),
      { numRuns: 400 },
    );
  });

  it("reads the same records and problems however the text is cut into chunks", () => {
    // including texts with quote errors and an unclosed quote at the end
    const text = fc.oneof(
      document.map(render),
      fc.tuple(document.map(render), fc.constantFrom('"unclosed,1\r\n2', 'a,"b"c,d\n', '"x"" y', '"",""\r\n')).map(([t, tail]) => t + tail),
    );
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 20 }), (t, positions) => {
        expect(scan(cut(t, positions))).toEqual(scan([t]));
      }),
      { numRuns: 400 },
    );
  });

  it("cuts between CR and LF and between a quote and its escaping quote", () => {
    const text = 'a,"x""y"\r\nb,"1\r\n2"\r\nc';
    const whole = scan([text]);
    expect(whole.records).toEqual([
      { fields: ["a", 'x"y'], line: 1 },
      { fields: ["b", "1\r\n2"], line: 2 },
      { fields: ["c"], line: 4 },
    ]);
    for (let i = 0; i <= text.length; i++) expect(scan([text.slice(0, i), text.slice(i)]), `cut at ${i}`).toEqual(whole);
    expect(scan([...text])).toEqual(whole); // one character at a time
  });

  it("keeps text after a closing quote and reports it; reports an unclosed quote and stops there", () => {
    expect(scan(['a,"呈贡区"人民医院,c\nd'])).toEqual({
      records: [
        { fields: ["a", "呈贡区人民医院", "c"], line: 1 },
        { fields: ["d"], line: 2 },
      ],
      problems: [{ kind: "quote-error", line: 1, field: 2, value: "呈贡区人民医院" }],
    });
    expect(scan(['a,b\n1,"2,3\n4,5\n'])).toEqual({
      records: [{ fields: ["a", "b"], line: 1 }],
      problems: [{ kind: "unclosed-quote", line: 2, field: 2 }],
    });
  });

  it("keeps a quote inside an unquoted cell, skips blank lines, keeps trailing empty cells", () => {
    expect(scan(['a"b,c\n\n\r\n,\n""\nx,'])).toEqual({
      records: [
        { fields: ['a"b', "c"], line: 1 },
        { fields: ["", ""], line: 4 },
        { fields: ["x", ""], line: 6 },
      ],
      problems: [],
    });
  });

  it("gives a record after one with unescaped cells its own cells, not the earlier record's", () => {
    const records = (pieces: string[]) => scan(pieces).records.map((r) => r.fields);
    const expected = [['a"1', 'b"2'], ["c", "d"], ["e", 'f"3']];
    expect(records(['"a""1","b""2"\nc,d\ne,"f""3"\n'])).toEqual(expected);
    // the same with each record in a chunk of its own, and a record kept over a chunk's end
    expect(records(['"a""1","b""2"\n', "c,d\n", 'e,"f""', '3"\n'])).toEqual(expected);
  });

  it("reports a cell longer than the limit and passes on its beginning", () => {
    const long = "呈".repeat(MAX_CELL_LENGTH + 5);
    const { records, problems } = scan([`a,"${long}",c\n`]);
    expect(problems).toEqual([{ kind: "cell-too-long", line: 1, field: 2, length: MAX_CELL_LENGTH + 5 }]);
    expect(records[0]!.fields.map((f) => f.length)).toEqual([1, MAX_CELL_LENGTH, 1]);
  });
});
