// Compares `gap check --format json` output with a generator sidecar (FILE.totals.json).
//
// The JSON shape of `gap check` is not final. Everything that depends on it is in the two
// accessors below; adapt them when the shape settles. Assumed for now:
//   result.regions[i].code               "130304"
//   result.regions[i].figures[metricId]  a number, or an object with a numeric `value`
// Regions are matched by code only (the generated files hold one year).

export const COMPARED_METRICS = [
  "staff", "health_technicians", "physicians", "assistant_physicians", "tcm_physicians",
  "public_health_physicians", "gps", "nurses", "pharmacists", "village_doctors",
  "population", "rural_population",
];

/** Compared too when the result reports them: staff by institution group (sidecar `derived`). */
export const DERIVED_METRICS = ["grassroots_staff", "public_health_staff"];

/** The list of per-region entries of a `gap check` result, or null when there is none. */
function regionsOf(result) {
  return Array.isArray(result?.regions) ? result.regions : null;
}

/** One figure of one result region as a number, or undefined when absent. */
function figureOf(region, metricId) {
  const f = region?.figures?.[metricId];
  if (typeof f === "number") return f;
  if (f && typeof f === "object" && typeof f.value === "number") return f.value;
  return undefined;
}

/**
 * @param {unknown} result  parsed `gap check --format json` output
 * @param {{regions: {code: string, figures: Record<string, number>}[]}} totals  parsed sidecar
 * @returns {{ok: boolean, error?: string, regionsChecked: number, figuresChecked: number,
 *   mismatches: {code: string, metric: string, expected: number, actual: unknown}[],
 *   missingRegions: string[], extraRegions: string[]}}
 */
export function compareTotals(result, totals) {
  const report = { ok: false, regionsChecked: 0, figuresChecked: 0, mismatches: [], missingRegions: [], extraRegions: [] };
  const regions = regionsOf(result);
  if (!regions) return { ...report, error: "result has no regions array (expected result.regions[])" };
  const byCode = new Map();
  for (const r of regions) byCode.set(String(r?.code), r);
  const expectedCodes = new Set();
  for (const exp of totals.regions) {
    expectedCodes.add(exp.code);
    const got = byCode.get(exp.code);
    if (!got) {
      report.missingRegions.push(exp.code);
      continue;
    }
    report.regionsChecked++;
    for (const metric of COMPARED_METRICS) {
      const expected = exp.figures[metric];
      if (expected === undefined) continue;
      const actual = figureOf(got, metric);
      report.figuresChecked++;
      if (actual !== expected) report.mismatches.push({ code: exp.code, metric, expected, actual: actual ?? got?.figures?.[metric] });
    }
    for (const metric of DERIVED_METRICS) {
      const expected = exp.derived?.[metric];
      const actual = figureOf(got, metric);
      if (expected === undefined || actual === undefined) continue;
      report.figuresChecked++;
      if (actual !== expected) report.mismatches.push({ code: exp.code, metric, expected, actual });
    }
  }
  for (const code of byCode.keys()) if (!expectedCodes.has(code)) report.extraRegions.push(code);
  report.ok = report.mismatches.length === 0 && report.missingRegions.length === 0 && report.extraRegions.length === 0;
  return report;
}

/** One line (plus a few examples) describing a compareTotals report. */
export function describeComparison(r, maxExamples = 5) {
  if (r.error) return `not comparable: ${r.error}`;
  const head = r.ok
    ? `OK: ${r.figuresChecked} figures in ${r.regionsChecked} regions match the generator's totals`
    : `MISMATCH: ${r.mismatches.length} of ${r.figuresChecked} figures differ; ${r.missingRegions.length} regions missing, ${r.extraRegions.length} unexpected`;
  const ex = [
    ...r.mismatches.slice(0, maxExamples).map((m) => `${m.code} ${m.metric}: expected ${m.expected}, got ${JSON.stringify(m.actual)}`),
    ...r.missingRegions.slice(0, maxExamples).map((c) => `${c}: missing from result`),
    ...r.extraRegions.slice(0, maxExamples).map((c) => `${c}: not in the generated file`),
  ];
  return [head, ...ex.map((e) => `  - ${e}`)].join("\n");
}
