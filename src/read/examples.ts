/**
 * The institutions the report names below a per-institution threshold: the first EXAMPLES_KEPT rows of each region
 * and threshold, kept to the end of the file (rows in any order keep every region open to the last row: 420,000
 * examples for 1M rows over 3,000 counties). Each example is a record of numbers in one store and its name's UTF-8
 * bytes in another, so keeping one allocates nothing on the JS heap. As strings and arrays the names were the
 * largest part of the heap, and every young-generation collection copied them while they were new, so V8 grew its
 * young generation to the largest size it allows.
 *
 * A region and threshold's examples are a chain through the records, from the first to the last; the region's
 * tallies hold both ends (TALLY_FIRST_EXAMPLE, TALLY_LAST_EXAMPLE in accumulators.ts).
 */
import { unitTypes } from "../registry/index.js";
import { ByteStore, NumberRecords } from "./chunks.js";
import type { InstitutionBelowMinimum } from "./record.js";
import { utf8Text } from "./utf8.js";
import { normaliseCell } from "./values.js";

/** rows below a threshold kept as examples, per region and threshold */
export const EXAMPLES_KEPT = 50;

// an example's record: where its name's bytes are and their length (-1: the name is in `ownedNames`), its line and
// type as one number, its value (NaN: not reported), and the next example of its chain (its number + 1; 0: none)
const NAME_AT = 0;
const NAME_LENGTH = 1;
const LINE_AND_TYPE = 2;
const VALUE = 3;
const NEXT = 4;
const WIDTH = 5;

/** more than the registry's institution types: a line and a type index share one number exactly (line < 2^45) */
const TYPE_SLOTS = 256;
if (unitTypes.length > TYPE_SLOTS) throw new Error(`ExampleStore: ${unitTypes.length} institution types, at most ${TYPE_SLOTS}`);

export class ExampleStore {
  private readonly records = new NumberRecords(WIDTH, 12);
  private readonly names = new ByteStore(1 << 18);
  /** the names of cells the scanner copied out as text (quotes unescaped, a workbook's cells), by example number */
  private readonly ownedNames = new Map<number, string>();

  /**
   * Keeps an example named by bytes[from, to), or by `owned` where the cell is text the scanner copied out, after
   * the example `last` (its number + 1; 0: the chain's first). Returns its own number + 1.
   */
  add(last: number, bytes: Uint8Array, from: number, to: number, owned: string | undefined, typeIndex: number, line: number, value: number): number {
    const records = this.records;
    const n = records.add();
    const chunk = records.chunk(n);
    const at = records.offset(n);
    if (owned === undefined) {
      chunk[at + NAME_AT] = this.names.add(bytes, from, to);
      chunk[at + NAME_LENGTH] = to - from;
    } else {
      this.ownedNames.set(n, owned);
      chunk[at + NAME_LENGTH] = -1;
    }
    chunk[at + LINE_AND_TYPE] = line * TYPE_SLOTS + typeIndex;
    chunk[at + VALUE] = value;
    if (last > 0) records.chunk(last - 1)[records.offset(last - 1) + NEXT] = n + 1;
    return n + 1;
  }

  /** The chain that starts at `first` (an example's number + 1; 0: none), as the record gives it, in file order. */
  list(first: number): InstitutionBelowMinimum[] {
    const out: InstitutionBelowMinimum[] = [];
    for (let e = first; e > 0; ) {
      const chunk = this.records.chunk(e - 1);
      const at = this.records.offset(e - 1);
      const name = this.nameOf(e - 1, chunk[at + NAME_AT]!, chunk[at + NAME_LENGTH]!);
      const lineAndType = chunk[at + LINE_AND_TYPE]!;
      const value = chunk[at + VALUE]!;
      out.push({
        name,
        unitType: unitTypes[lineAndType % TYPE_SLOTS]!.id,
        line: Math.floor(lineAndType / TYPE_SLOTS),
        value: value === value ? value : null,
      });
      e = chunk[at + NEXT]!;
    }
    return out;
  }

  /** An example's name as the report gives it: its cell's text, normalised (trimmed, full-width forms made ASCII). */
  private nameOf(n: number, nameAt: number, length: number): string {
    if (length < 0) return normaliseCell(this.ownedNames.get(n)!);
    const offset = this.names.offsetOf(nameAt);
    return normaliseCell(utf8Text(this.names.chunkOf(nameAt), offset, offset + length));
  }
}
