#!/usr/bin/env node
// The shapes real files take, each beside the plain file: seeded files of n and 4n rows for each shape, `gap check
// --format json` timed on each (median wall of a few runs), and the ratio 4n/n (about 4 when the cost is linear in
// rows) and against the plain file of the same rows.
//
//   node bench/shapes.mjs [--rows N] [--runs R] [--bin bin/gap.cjs] [--shape KEY]   prints a markdown table
//   (--shape: that shape alone, beside the plain file)
//
// Files go to bench/data/shapes/ (git-ignored). Exported for bench/run.mjs: shapesTable().

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "./generate.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, "..");
const DIR = path.join(BENCH, "data", "shapes");
const HEADER = ["region_code", "region", "year", "unit", "unit_type", "population", "physicians", "nurses", "public_health_physicians"];
/** the reader's limit on one row's bytes (LIMITS.rowBytes in src/read/limits.ts): a longer row is refused */
const ROW_BYTES = 1 << 20;
const TYPES = ["village_clinic", "township_hospital", "community_health_center", "public_hospital"];

/**
 * Each shape: how its rows are made from n. `rows(n, rng)` returns the data rows as arrays of cells (or strings
 * already joined, for shapes about the bytes), `eol` the line end, `encode` the bytes.
 */
const SHAPES = [
  { key: "plain", what: "grouped by region, one year, 64 regions" },
  { key: "shuffled", what: "the plain rows in random order", shuffle: true },
  { key: "years-side-by-side", what: "8 years, each institution's years on adjacent rows", years: 8, sideBySide: true },
  { key: "many-years", what: "8 years, each year's rows together", years: 8 },
  { key: "many-regions", what: "one institution per region", regions: (n) => Math.floor(n / 2) },
  { key: "quoted-lf", what: "quoted names with a comma, a doubled quote and a line break; LF", quoted: true, eol: "\n" },
  { key: "quoted-crlf", what: "the same under CRLF", quoted: true, eol: "\r\n" },
  { key: "quoted-cr", what: "the same under CR", quoted: true, eol: "\r" },
  { key: "all-quoted", what: "every cell quoted, LF (pandas' QUOTE_ALL)", allQuoted: true },
  { key: "long-names", what: "institution names of 300 characters", longNames: true },
  { key: "many-diagnostics", what: "every institution row with a bad cell", bad: true },
  { key: "gb18030", what: "the plain rows in GB18030, CRLF", encoding: "gb18030", eol: "\r\n" },
  { key: "utf-16", what: "the plain rows in UTF-16LE with a BOM", encoding: "utf-16le" },
  // cells of 5 bytes with their comma: 4n = 80,000 of them make a row of 400 KB, under the reader's 1 MiB a row
  // (src/read/limits.ts), so both files are read rather than refused (the file name changed with the cells)
  { key: "one-wide-row", what: "one CRLF row of n short quoted cells", wideRow: true, eol: "\r\n", file: "one-wide-row-short" },
];

function cell(text) {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The shape's file of n data rows, made once (seeded: the same bytes every time). */
function makeFile(shape, n) {
  const file = path.join(DIR, `${shape.file ?? shape.key}-${n}.csv`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(DIR, { recursive: true });
  const rng = mulberry32(0x5eed + n);
  const eol = shape.eol ?? "\n";
  const years = shape.years ?? 1;
  let lines;
  if (shape.wideRow) {
    const cells = Array.from({ length: n }, (_, i) => `"${i % 10},"`);
    const row = cells.join(",");
    if (Buffer.byteLength(row) >= ROW_BYTES) throw new Error(`one-wide-row at ${n} cells is ${Buffer.byteLength(row)} bytes: the reader would refuse it, not read it`);
    lines = [HEADER.join(","), `530114,呈贡区,2024,,,728600,,,`, row];
  } else {
    const regionCount = shape.regions ? shape.regions(n) : 64;
    const codes = Array.from({ length: regionCount }, (_, i) => String(110101 + (i % 90) + 1000 * Math.floor(i / 90)).padStart(6, "0"));
    const perYear = Math.max(1, Math.floor(n / years) - regionCount);
    const rows = [];
    for (let y = 0; y < years; y++) {
      const year = String(2024 - years + 1 + y);
      for (const code of codes) rows.push({ key: -1, year: y, cells: [code, `县${code}`, year, "", "", String(50000 + Math.floor(rng() * 900000)), "", "", ""] });
      for (let i = 0; i < perYear; i++) {
        const code = codes[Math.floor((i * regionCount) / perYear)];
        let name = shape.quoted ? `机构${i}, "分院"\n第${i % 7}部` : `机构${i}`;
        if (shape.quoted) name = name.replace(/\n/g, eol);
        if (shape.longNames) name = `${"某".repeat(290)}机构${i}`;
        const physicians = shape.bad && i % 2 === 0 ? `x${i}` : String(Math.floor(rng() * 40));
        const nurses = shape.bad && i % 2 === 1 ? "-3" : String(Math.floor(rng() * 60));
        rows.push({ key: i, year: y, cells: [code, `县${code}`, year, name, TYPES[i % 4], "", physicians, nurses, String(Math.floor(rng() * 3))] });
      }
    }
    if (shape.sideBySide) rows.sort((a, b) => a.key - b.key || a.year - b.year);
    if (shape.shuffle) {
      for (let i = rows.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [rows[i], rows[j]] = [rows[j], rows[i]];
      }
    }
    const join = shape.allQuoted ? (cells) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(",") : (cells) => cells.map(cell).join(",");
    lines = [HEADER.join(","), ...rows.map((r) => join(r.cells))];
  }
  const text = lines.join(eol) + eol;
  let bytes;
  if (shape.encoding === "utf-16le") bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  else if (shape.encoding === "gb18030") bytes = encodeGb18030(text);
  else bytes = Buffer.from(text, "utf8");
  fs.writeFileSync(file, bytes);
  return file;
}

/** GB18030 bytes of a text whose only characters beyond ASCII are the few the shapes use. */
function encodeGb18030(text) {
  const table = new Map();
  const decoder = new TextDecoder("gb18030");
  // the two-byte GBK range covers every common Chinese character: search it once for the characters needed
  const wanted = new Set([...text].filter((ch) => ch.charCodeAt(0) > 127));
  for (let a = 0x81; a <= 0xfe && table.size < wanted.size; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (wanted.has(ch) && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 128) out.push(code);
    else out.push(...table.get(ch));
  }
  return Buffer.from(out);
}

const PROBE = path.join(BENCH, "probe.cjs");

/** One run: wall time, and CPU time from the probe (on a busy machine CPU time is the steadier of the two). */
function wall(bin, file) {
  const probe = path.join(os.tmpdir(), `gap-shape-${process.pid}.json`);
  const env = { ...process.env, GAP_BENCH_PROBE: probe };
  delete env.NODE_OPTIONS;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", PROBE, bin, "check", file, "--format", "json"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"], timeout: 300_000 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1 && r.status !== 2) return { s, failed: `exit ${r.status ?? r.signal}: ${String(r.stderr).split("\n")[0]}` };
  let cpu = NaN;
  try {
    const p = JSON.parse(fs.readFileSync(probe, "utf8"));
    cpu = (p.userCPUTime + p.systemCPUTime) / 1e6;
    fs.rmSync(probe);
  } catch {}
  return { s, cpu };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function timed(bin, file, runs) {
  wall(bin, file); // warm the disk cache
  const results = Array.from({ length: runs }, () => wall(bin, file));
  const failed = results.find((r) => r.failed);
  return failed ? { failed: failed.failed } : { s: median(results.map((r) => r.s)), cpu: median(results.map((r) => r.cpu)) };
}

/** The table, as markdown lines; `log` follows progress. */
export function shapesTable({ rows = 20_000, runs = 3, bin = "bin/gap.cjs", only, log = () => {} } = {}) {
  const out = [
    `Each shape at n = ${rows.toLocaleString("en-US")} and 4n data rows (one wide row: n and 4n cells), \`gap check --format json\`, medians of ${runs} runs ` +
      "of wall time and of the process's CPU time (user + system). 4n / n (of CPU time) is at most about 4 when the cost is linear in rows (less while start-up weighs); " +
      "the last column compares the shape's CPU time at 4n with the plain file's at 4n.",
    "",
    "| shape | rows | MB at 4n | n: wall / CPU s | 4n: wall / CPU s | 4n / n (CPU) | 4n vs plain 4n (CPU) |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  let plain4;
  for (const shape of SHAPES.filter((s) => !only || s.key === only || s.key === "plain")) {
    log(`  shape ${shape.key}`);
    const small = makeFile(shape, rows);
    const large = makeFile(shape, 4 * rows);
    const a = timed(bin, small, runs);
    const b = timed(bin, large, runs);
    if (shape.key === "plain") plain4 = b.cpu;
    const mb = (fs.statSync(large).size / 1e6).toFixed(1);
    if (a.failed || b.failed) {
      out.push(`| ${shape.key} | ${shape.what} | ${mb} | ${a.failed ?? a.s.toFixed(3)} | ${b.failed ?? b.s.toFixed(3)} | | |`);
      continue;
    }
    const pair = (r) => `${r.s.toFixed(3)} / ${r.cpu.toFixed(3)}`;
    out.push(`| ${shape.key} | ${shape.what} | ${mb} | ${pair(a)} | ${pair(b)} | ${(b.cpu / a.cpu).toFixed(2)} | ${plain4 ? (b.cpu / plain4).toFixed(2) : "–"} |`);
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const lines = shapesTable({
    rows: Number(option("--rows", 20_000)),
    runs: Number(option("--runs", 3)),
    bin: option("--bin", "bin/gap.cjs"),
    only: option("--shape", undefined),
    log: (s) => process.stderr.write(`${s}\n`),
  });
  console.log(lines.join("\n"));
}
