/** Cell value parsers: the forms analysts really save, and nothing looser. */

export type ParseFailure = "type" | "negative" | "fraction" | "too-large";
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ParseFailure };

/** Trims ASCII and ideographic spaces and maps full-width digits, signs, comma and point to ASCII. */
export function normaliseCell(raw: string): string {
  let needsMap = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      needsMap = true;
      break;
    }
  }
  const mapped = needsMap
    ? raw.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    : raw;
  return mapped.replace(/^[\s\u3000\ufeff]+|[\s\u3000\ufeff]+$/g, "");
}

const PLAIN = /^[+-]?\d+(\.\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A non-negative whole number of people or institutions. `1,234`, `１２３４`, ` 7 ` read; `1,2`, `1e3`, `NaN`,
 * `Infinity`, `-1`, `2.5` and numbers above `max` do not. The caller has already seen the cell is not empty.
 */
export function parseCount(raw: string, max: number): Parsed<number> {
  // fast path: plain ASCII digits, the overwhelmingly common case
  const n = raw.length;
  if (n > 0 && n <= 15) {
    let v = 0;
    let i = 0;
    for (; i < n; i++) {
      const c = raw.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
    }
    if (i === n) return v > max ? { ok: false, reason: "too-large" } : { ok: true, value: v };
  }
  const s = normaliseCell(raw);
  if (!PLAIN.test(s) && !GROUPED.test(s)) return { ok: false, reason: "type" };
  const digits = s.replace(/,/g, "");
  // a minus sign is a negative entry, even on zero: "-0" is not how a count of nobody is written
  if (digits.startsWith("-")) return { ok: false, reason: "negative" };
  const [whole = "", fraction = ""] = digits.replace(/^\+/, "").split(".");
  const fractional = /[1-9]/.test(fraction);
  const value = Number(whole);
  if (fractional) return { ok: false, reason: "fraction" };
  if (!Number.isSafeInteger(value) || value > max) return { ok: false, reason: "too-large" };
  return { ok: true, value };
}

/** Every accepted spelling of yes and no, lower case (the schema's pattern is built from these lists too). */
export const FLAG_YES = ["是", "有", "1", "true", "yes", "y", "t", "√", "✓", "设", "已设"] as const;
export const FLAG_NO = ["否", "无", "0", "false", "no", "n", "f", "×", "✗", "未设", "没有"] as const;
const YES = new Set<string>(FLAG_YES);
const NO = new Set<string>(FLAG_NO);

/** A yes/no attribute: 是/否, 有/无, 1/0, true/false, yes/no (any case). */
export function parseFlag(raw: string): Parsed<boolean> {
  const s = normaliseCell(raw).toLowerCase();
  if (YES.has(s)) return { ok: true, value: true };
  if (NO.has(s)) return { ok: true, value: false };
  return { ok: false, reason: "type" };
}

/** A GB/T 2260 code: exactly six digits (full-width digits accepted). */
export function parseRegionCode(raw: string): Parsed<string> {
  const s = normaliseCell(raw);
  return /^\d{6}$/.test(s) ? { ok: true, value: s } : { ok: false, reason: "type" };
}

export function parseYear(raw: string): Parsed<number> {
  const s = normaliseCell(raw).replace(/年$/, "");
  if (!/^\d{4}$/.test(s)) return { ok: false, reason: "type" };
  const y = Number(s);
  return y >= 1949 && y <= 2100 ? { ok: true, value: y } : { ok: false, reason: "too-large" };
}

const ALL_SPACE = /^[\s\u3000\ufeff]*$/;

/** Whether a cell is empty once trimmed as normaliseCell trims it ("not reported"): a lone no-break space too. */
export function isBlank(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0x3000 && c !== 0xfeff && c !== 13 && c !== 10) return (c > 127 || c === 11 || c === 12) && ALL_SPACE.test(raw);
  }
  return true;
}


/**
 * A dash or slash standing alone where a figure goes: how statistical tables mark "not reported" (—, ——, －, -, –, /).
 * Read as an empty cell, with a warning, never as zero.
 */
export function isNotReportedMark(raw: string): boolean {
  return NOT_REPORTED.test(normaliseCell(raw));
}

const NOT_REPORTED = /^(?:[—–―\-‐‑]{1,2}|[/\\])$/;

/**
 * A count given in a unit of `scale` people (10,000 for 万人): 45.23 万人 is 452,300 people, worked out on the digits,
 * never in floating point. A figure that is not a whole number of people once scaled (45.234567 万人) is refused as a
 * fraction.
 */
export function parseScaledCount(raw: string, scale: number, max: number): Parsed<number> {
  if (scale === 1) return parseCount(raw, max);
  const s = normaliseCell(raw);
  if (!PLAIN.test(s) && !GROUPED.test(s)) return { ok: false, reason: "type" };
  const digits = s.replace(/,/g, "");
  if (digits.startsWith("-")) return { ok: false, reason: "negative" };
  const [whole = "", fraction = ""] = digits.replace(/^\+/, "").split(".");
  const places = String(scale).length - 1; // scales are powers of ten
  if (/[1-9]/.test(fraction.slice(places))) return { ok: false, reason: "fraction" };
  const value = Number(whole + fraction.slice(0, places).padEnd(places, "0"));
  if (!Number.isSafeInteger(value) || value > max) return { ok: false, reason: "too-large" };
  return { ok: true, value };
}
