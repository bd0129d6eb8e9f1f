/**
 * The one line-break count of the reader: LF, CRLF and a lone CR count one each, as the scanner ends records. It
 * looks only at the bytes it is given, so counting the breaks inside every quoted cell of a file costs the cells'
 * length, whatever follows them.
 */
const LF = 10;
const CR = 13;

/**
 * Line breaks in bytes[from, to). A CR at `to - 1` counts as lone (the caller that reads on knows whether an LF
 * follows); `afterCr`: the byte before `from` was a CR already counted, so an LF at `from` completes it.
 */
export function countLineBreaks(bytes: Uint8Array, from: number, to: number, afterCr = false): number {
  // a short range (most quoted cells) byte by byte; a long one with the platform's search, on a view that ends at `to`
  if (to - from > 64) return countInView(bytes.subarray(from, to), afterCr);
  let count = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b === LF) {
      if (i > from ? bytes[i - 1] !== CR : !afterCr) count++;
    } else if (b === CR) count++;
  }
  return count;
}

function countInView(view: Uint8Array, afterCr: boolean): number {
  let count = 0;
  for (let at = view.indexOf(LF); at !== -1; at = view.indexOf(LF, at + 1)) if (at > 0 ? view[at - 1] !== CR : !afterCr) count++;
  for (let at = view.indexOf(CR); at !== -1; at = view.indexOf(CR, at + 1)) count++;
  return count;
}
