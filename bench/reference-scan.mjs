#!/usr/bin/env node
// A calibration run, not part of gap: the "plain JS byte scanner" the scale goals were set against (0.43 s and
// 53 MB on the 1M-row file when the goals were written). It reads the file in 1 MiB chunks and sums every numeric
// cell per region code, with no validation, no targets and no report. Timing it next to gap shows how fast the
// machine is at the moment: shared hosts drift by 2× and more from one hour to the next.
//
//   node bench/reference-scan.mjs FILE   prints {"regions":…,"rows":…,"sum":…}

import fs from "node:fs";

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

const file = process.argv[2];
if (!file) {
  console.error("usage: node bench/reference-scan.mjs FILE");
  process.exit(2);
}

const sums = new Map();
let rows = -1; // the header is not a data row
let field = 0;
let quoted = false;
let value = 0;
let digits = 0;
let code = 0;
let line = null;
let total = 0;

function endField() {
  if (field === 0) code = digits > 0 ? value : -1;
  else if (digits > 0 && line !== null) {
    line[field] = (line[field] ?? 0) + value;
    total += value;
  }
  field++;
  value = 0;
  digits = 0;
}

function endRow() {
  endField();
  rows++;
  field = 0;
  if (code >= 0) {
    line = sums.get(code);
    if (!line) sums.set(code, (line = []));
  }
}

const fd = fs.openSync(file, "r");
const buffer = new Uint8Array(1 << 20);
for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
  for (let i = 0; i < n; i++) {
    const c = buffer[i];
    if (quoted) {
      if (c === QUOTE) quoted = false;
    } else if (c === COMMA) endField();
    else if (c === LF) endRow();
    else if (c === QUOTE) quoted = true;
    else if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
    } else if (c !== CR) digits = -1e9;
  }
}
fs.closeSync(fd);
if (field > 0 || digits !== 0) endRow();
console.log(JSON.stringify({ regions: sums.size, rows, sum: total }));
