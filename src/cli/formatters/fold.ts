/** Display width of a character: CJK and full-width forms take two columns. */
function width(code: number): number {
  return (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
    ? 2
    : 1;
}

/**
 * Folds text to lines of at most `max` columns: at spaces where a line has them (English), anywhere between
 * characters otherwise (Chinese has no spaces), so table cells wrap instead of being cut short.
 */
export function fold(text: string, max: number): string {
  return text
    .split("\n")
    .map((line) => foldLine(line, max))
    .join("\n");
}

function foldLine(line: string, max: number): string {
  const out: string[] = [];
  let current = "";
  let used = 0;
  for (const word of line.split(/(?<= )/)) {
    const wordWidth = [...word].reduce((n, ch) => n + width(ch.codePointAt(0)!), 0);
    if (used + wordWidth <= max) {
      current += word;
      used += wordWidth;
      continue;
    }
    if (wordWidth <= max && current.trim() !== "") {
      out.push(current.trimEnd());
      current = word;
      used = wordWidth;
      continue;
    }
    for (const ch of word) {
      const w = width(ch.codePointAt(0)!);
      if (used + w > max && current !== "") {
        out.push(current.trimEnd());
        current = "";
        used = 0;
      }
      current += ch;
      used += w;
    }
  }
  if (current !== "" || out.length === 0) out.push(current.trimEnd());
  return out.join("\n");
}
