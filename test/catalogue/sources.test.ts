// Checks every bundled target against the sentence of its source document, and that each document's provenance
// record accounts for every figure the document states.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { targetFileSchema, seedRecordSchema, type Target } from "../../src/catalogue/schema.js";

const root = join(import.meta.dirname, "..", "..");
const seedsDir = join(root, "..", "shared", "seeds");
const targetsDir = join(root, "data", "targets");
const recordsDir = join(root, "seeds");
/**
 * The documents themselves are not in the repository (only their provenance records are): a clone with nothing
 * beside it has no ../shared/seeds, and the tests that compare targets with the documents' text are skipped.
 */
const haveDocuments = existsSync(seedsDir);
if (!haveDocuments) {
  console.warn(`source documents not found at ${seedsDir}: the checks of targets against their documents are skipped`);
}

/** Documents are compared with all white space removed: several break sentences across lines. */
export function squash(text: string): string {
  return text.replace(/[\s\u3000]+/g, "");
}

function documentText(doc: string): string {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(`${doc}_`));
  if (!file) throw new Error(`no source document ${doc} in ${seedsDir}`);
  return squash(readFileSync(join(seedsDir, file), "utf8"));
}

function numbersIn(text: string): number[] {
  // a number written with 万 (ten thousand) also stands for its value in units: 450万 → 4,500,000
  return [...text.matchAll(/(\d+(?:\.\d+)?)(万)?/g)].flatMap((m) =>
    m[2] ? [Number(m[1]), Math.round(Number(m[1]) * 10000)] : [Number(m[1])],
  );
}

/**
 * A figure: every number the document states, whatever follows it (人, %, 岁, 元, 年, a table cell …), except the
 * numbers that only number the text: years (2025年, 2023-2025), list and item numbers (1、 2. （3）), document
 * numbers (〔2023〕20号), dates (6月30日), attachment numbers (附件1) and the 1+X in a scheme's name.
 */
const FIGURE = /(?<![\d.])(?<!附件)(?!(?:19|20)\d\d(?![\d.]))\d+(?:\.\d+)?(?![\d.]*(?:、|号|月|日|条|\)|）|\.(?!\d)|-\d{4}|〕|\+X))(?<![(（]\d+)/g;

const targetFiles = readdirSync(targetsDir).filter((f) => f.endsWith(".json")).sort();
const recordFiles = existsSync(recordsDir) ? readdirSync(recordsDir).filter((f) => f.endsWith(".json")).sort() : [];

const allTargets: Target[] = [];
for (const file of targetFiles) {
  const parsed = targetFileSchema.parse(JSON.parse(readFileSync(join(targetsDir, file), "utf8")));
  allTargets.push(...parsed.targets);
}

function figuresOf(target: Target): number[] {
  switch (target.kind) {
    case "reference":
      return [];
    case "per_institution":
    case "posts":
      return [target.value];
    default:
      return target.max === undefined ? [target.value] : [target.value, target.max];
  }
}

describe("bundled targets", () => {
  it("have unique ids", () => {
    const ids = allTargets.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.skipIf(!haveDocuments).each(allTargets.map((t) => [t.id, t] as const))("%s is found in its document with its figure", (_id, target) => {
    const text = documentText(target.provenance.document);
    const locator = squash(target.provenance.locator);
    expect(text.includes(locator), `locator «${target.provenance.locator}» not in document ${target.provenance.document}`).toBe(true);
    const stated = numbersIn(locator);
    for (const figure of figuresOf(target)) {
      // 所有 / 均 / 每个 (all, every) state 100% in words
      if (target.kind === "institution_share" && figure === 100 && /所有|均|每个|全部|都/.test(locator)) continue;
      // a benchmark stated as a difference from the baseline (与全市水平相差0.23人 → 0.10 + 0.23)
      if (target.binding === "benchmark" && target.baseline && stated.some((n) => Math.abs(target.baseline!.value + n - figure) < 1e-9)) continue;
      expect(stated, `figure ${figure} not in «${target.provenance.locator}»`).toContain(figure);
    }
    if (target.baseline) {
      // a headcount total's baseline may be written in 万, in a table whose unit column says 万人
      const written = target.kind === "total" ? [target.baseline.value, target.baseline.value / 10000] : [target.baseline.value];
      expect(written.some((v) => text.includes(String(v)) || numbersIn(text).includes(v))).toBe(true);
    }
  });
});

describe("provenance records", () => {
  const records = recordFiles.map((f) => seedRecordSchema.parse(JSON.parse(readFileSync(join(recordsDir, f), "utf8"))));

  it.skipIf(!haveDocuments)("exist for every source document", () => {
    const docs = readdirSync(seedsDir).map((f) => f.slice(0, 3)).sort();
    expect(records.map((r) => r.document).sort()).toEqual(docs);
  });

  it.each(records.map((r) => [r.document, r] as const))("document %s: the record lists exactly its targets", (doc, record) => {
    const fromDoc = allTargets.filter((t) => t.provenance.document === doc).map((t) => t.id).sort();
    expect([...record.targets].sort()).toEqual(fromDoc);
  });

  it.skipIf(!haveDocuments).each(records.map((r) => [r.document, r] as const))(
    "document %s: every stated figure is encoded or recorded as not encoded",
    (doc, record) => {
      const text = documentText(doc);
      const covered = new Uint8Array(text.length);
      const cover = (phrase: string) => {
        const needle = squash(phrase);
        if (!needle) return false;
        let found = false;
        for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
          covered.fill(1, at, at + needle.length);
          found = true;
        }
        return found;
      };
      for (const t of allTargets.filter((x) => x.provenance.document === doc)) cover(t.provenance.locator);
      for (const skipped of record.notEncoded) {
        expect(cover(skipped.locator), `notEncoded locator «${skipped.locator}» not in document ${doc}`).toBe(true);
      }
      const unaccounted: string[] = [];
      for (const m of text.matchAll(FIGURE)) {
        if (!covered[m.index!]) unaccounted.push(`${m[0]} in «${text.slice(Math.max(0, m.index! - 20), m.index! + 12)}»`);
      }
      expect(unaccounted, `figures of document ${doc} neither encoded nor recorded`).toEqual([]);
    },
  );
});
