#!/usr/bin/env node
// Benchmark of the `gap` CLI as whole processes. `npm run bench` builds first, then runs this.
//
//   node bench/run.mjs            full run (up to 1M rows), writes bench/results.md
//   node bench/run.mjs --quick    up to 100k rows, fewer repeats, writes bench/data/results-last.md
//   --no-shapes                    skips the table of shapes (bench/shapes.mjs)
//   options: --bin PATH (default bin/gap.js; e.g. a stand-in CLI), --runs N (timed runs per
//   command, overrides the defaults). Runs with --quick, --bin or --runs write
//   bench/data/results-last.md (git-ignored) instead of bench/results.md.
//
// Missing data files are generated into bench/data/ (git-ignored) by bench/generate.mjs.
// Every measured process runs as `node --require bench/probe.cjs ...`; the probe writes the
// process's own CPU time and peak RSS on exit (no GNU time needed). Wall time is taken here,
// with process.hrtime.bigint() around spawnSync. Each command gets one untimed warm-up run.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { GENERATOR_VERSION, DEFAULT_SEED, DEFAULT_YEAR } from "./generate.mjs";
import { compareTotals, describeComparison } from "./compare-totals.mjs";
import { shapesTable } from "./shapes.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, "..");
const PROBE = path.join(BENCH, "probe.cjs");
const PANDAS = path.join(BENCH, "pandas-groupby.py");
/** The first Python that has pandas (Debian's python3-pandas is /usr/bin/python3's, which a pyenv python3 may hide). */
const { python: PYTHON, pandasVersion } = (() => {
  for (const python of ["python3", "/usr/bin/python3"]) {
    const r = spawnSync(python, ["-c", "import pandas; print(pandas.__version__)"], { encoding: "utf8" });
    if (r.status === 0) return { python, pandasVersion: r.stdout.trim() };
  }
  return { python: "python3", pandasVersion: undefined };
})();
const DATA = path.join(BENCH, "data");
const OUT = path.join(DATA, "out");
const rel = (p) => path.relative(ROOT, p) || ".";
/** The CLI entry: package.json's bin.gap (bin/gap.js when it names none). */
const DEFAULT_BIN = (() => {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.gap;
    if (typeof bin === "string") return rel(path.resolve(ROOT, bin));
  } catch {}
  return "bin/gap.js";
})();

// Goals
const DISTRICT_MAX_RATIO = 1.3; // one-district check wall <= 1.3 x bare node
const PANDAS_MAX_RATIO = 0.5; // 1M rows over 3,000 counties, grouped and shuffled: wall <= 1/2 pandas read_csv + groupby
const ONE_MILLION_MAX_RSS_MIB = 100;
// the plain JS byte scanner on the 1M-row file when the goals were written (bench/reference-scan.mjs)
const REFERENCE_SCAN_S = 0.43; // MiB (maxRSS KiB / 1024)
const RSS_FLAT_MAX_RATIO = 1.2; // peak RSS at 1M <= 1.2 x peak RSS at 100k
const LINEAR_MAX_SLOPE_RATIO = 1.3; // per-row cost 100k->1M <= 1.3 x per-row cost 10k->100k
const RUN_TIMEOUT_MS = 180_000;

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const o = { quick: false, bin: DEFAULT_BIN, runs: null, shapes: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") o.quick = true;
    else if (a === "--bin") o.bin = argv[++i];
    else if (a === "--runs") o.runs = Number(argv[++i]);
    else if (a === "--no-shapes") o.shapes = false;
    else if (a === "--help" || a === "-h") {
      console.log("usage: node bench/run.mjs [--quick] [--bin bin/gap.js] [--runs N]");
      process.exit(0);
    } else {
      console.error(`unknown argument ${a}; try --help`);
      process.exit(2);
    }
  }
  if (o.runs !== null && !(Number.isInteger(o.runs) && o.runs >= 1)) {
    console.error("--runs expects a whole number >= 1");
    process.exit(2);
  }
  o.bin = rel(path.resolve(ROOT, o.bin));
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const log = (s) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------------------------------------
// Data

const DATASETS = [
  { key: "district", file: "district.csv", gen: ["district"], params: { mode: "district" } },
  { key: "regions", file: "regions-3000.csv", gen: ["regions", "--count", "3000"], params: { mode: "regions", count: 3000 } },
  { key: "10k", file: "institutions-10k.csv", gen: ["institutions", "--rows", "10000"], params: { mode: "institutions", rows: 10_000 }, rows: 10_000 },
  { key: "100k", file: "institutions-100k.csv", gen: ["institutions", "--rows", "100000"], params: { mode: "institutions", rows: 100_000 }, rows: 100_000 },
  // the goals' files: 100k and 1M rows over the same 3,000 counties (memory bounded by regions: the same peak), the
  // 1M rows grouped by county and in random order
  { key: "100k-3000", file: "institutions-100k-3000.csv", gen: ["institutions", "--rows", "100000", "--counties", "3000"], params: { mode: "institutions", rows: 100_000, counties: 3000 }, goalRows: 100_000 },
  { key: "1M", file: "institutions-1m-3000.csv", gen: ["institutions", "--rows", "1000000", "--counties", "3000"], params: { mode: "institutions", rows: 1_000_000, counties: 3000 }, rows: 1_000_000, full: true },
  { key: "1M-shuffled", file: "institutions-1m-3000-shuffled.csv", gen: ["institutions", "--rows", "1000000", "--counties", "3000", "--order", "shuffled"], params: { mode: "institutions", rows: 1_000_000, counties: 3000, order: "shuffled" }, goalRows: 1_000_000, full: true },
].filter((d) => !(opts.quick && d.full));

for (const d of DATASETS) {
  d.path = path.join(DATA, d.file);
  d.sidecar = `${d.path}.totals.json`;
  d.params = { version: GENERATOR_VERSION, ...d.params, seed: DEFAULT_SEED, year: DEFAULT_YEAR };
}

function isFresh(d) {
  try {
    const side = JSON.parse(fs.readFileSync(d.sidecar, "utf8"));
    const gen = side.generator ?? {};
    const same = Object.keys(d.params).every((k) => gen[k] === d.params[k]);
    return same && fs.statSync(d.path).size === side.bytes;
  } catch {
    return false;
  }
}

function ensureData() {
  fs.mkdirSync(DATA, { recursive: true });
  fs.mkdirSync(OUT, { recursive: true });
  for (const d of DATASETS) {
    if (!isFresh(d)) {
      log(`generating ${rel(d.path)} ...`);
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [path.join(BENCH, "generate.mjs"), ...d.gen, "--seed", String(DEFAULT_SEED), "--year", String(DEFAULT_YEAR), "--out", d.path], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
      if (r.status !== 0) throw new Error(`generator failed for ${d.file} (exit ${r.status ?? r.signal})`);
      d.generatedIn = Number(process.hrtime.bigint() - t0) / 1e9;
    }
    d.totals = JSON.parse(fs.readFileSync(d.sidecar, "utf8"));
    d.bytes = d.totals.bytes;
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring

let probeSeq = 0;
const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-bench-"));
process.on("exit", () => fs.rmSync(probeDir, { recursive: true, force: true }));

function childEnv(probeFile, extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.NODE_OPTIONS; // measure node as it starts by default
  if (probeFile) env.GAP_BENCH_PROBE = probeFile;
  return env;
}

/** One process: wall (s) measured here, cpu (s) and rss (KiB) from the probe. */
function runOnce(c, { probe = true } = {}) {
  const probeFile = probe ? path.join(probeDir, `p${++probeSeq}.json`) : null;
  const outFd = fs.openSync(c.stdout ?? "/dev/null", "w");
  const errFd = fs.openSync(c.stderr, "w");
  // a command other than node (pandas) writes the probe's file itself
  const argv = probe && !c.command ? ["--require", PROBE, ...c.argv] : c.argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(c.command ?? process.execPath, argv, { cwd: ROOT, env: childEnv(probeFile, c.env), stdio: ["ignore", outFd, errFd], timeout: RUN_TIMEOUT_MS });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  fs.closeSync(outFd);
  fs.closeSync(errFd);
  const res = { wall, cpu: null, rssKiB: null, status: r.status, signal: r.signal, error: r.error };
  if (probeFile) {
    try {
      const p = JSON.parse(fs.readFileSync(probeFile, "utf8"));
      res.cpu = (p.userCPUTime + p.systemCPUTime) / 1e6;
      res.rssKiB = p.maxRSS;
      fs.rmSync(probeFile);
    } catch {
      res.probeMissing = true;
    }
  }
  return res;
}

function failureReason(res, c) {
  if (res.error?.code === "ETIMEDOUT") return `timed out after ${RUN_TIMEOUT_MS / 1000} s`;
  if (res.error) return res.error.message;
  if (res.status === 0) return null;
  let text = "";
  try {
    text = fs.readFileSync(c.stderr, "utf8");
  } catch {}
  // `gap check` exits 1 when it finds shortfalls: a normal outcome. Node also exits 1 on an
  // uncaught exception, so 1 counts only with output on stdout and no stack trace on stderr.
  if (res.status === 1 && c.findingsExit1 && fs.statSync(c.stdout).size > 0 && !/^\s+at .+:\d+:\d+\)?$/m.test(text)) {
    res.findings = true;
    return null;
  }
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  // node prints "node:internal/...:1228" and a code frame before the error itself
  const line = lines.find((l) => /(^|\b)\w*Error\b|^error\b|^gap\b/i.test(l)) ?? lines[0] ?? "(no stderr)";
  return `${res.signal ? `killed by ${res.signal}` : `exit ${res.status}`}: ${line.slice(0, 200)}`;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function summarize(c) {
  if (c.unavailable) return { ...c };
  const runs = c.samples;
  const walls = runs.map((r) => r.wall);
  const cpus = runs.map((r) => r.cpu).filter((x) => x !== null);
  const rss = runs.map((r) => r.rssKiB).filter((x) => x !== null);
  return {
    ...c,
    runs: runs.length,
    wall: median(walls),
    wallMin: Math.min(...walls),
    wallMax: Math.max(...walls),
    cpu: cpus.length ? median(cpus) : null,
    rssMiB: rss.length ? median(rss) / 1024 : null,
    rssMaxMiB: rss.length ? Math.max(...rss) / 1024 : null,
    probeMissing: c.probe !== false && runs.some((r) => r.probeMissing),
    exit: [...new Set(runs.map((r) => r.status))].join("/"),
  };
}

/**
 * One untimed warm-up round, then `rounds` rounds that run every case once, in turn, so that
 * drift in machine speed hits all cases alike (it matters for ratios to bare node). A case
 * that fails is marked unavailable and skipped from then on.
 */
function measureGroup(cases, rounds) {
  for (const c of cases) {
    c.samples = [];
    log(`  ${c.label}`);
    const why = failureReason(runOnce(c, { probe: c.probe !== false }), c);
    if (why) {
      c.unavailable = why;
      log(`    not available: ${why}`);
    }
  }
  for (let i = 0; i < rounds; i++) {
    log(`  round ${i + 1}/${rounds}`);
    for (const c of cases) {
      if (c.unavailable) continue;
      const r = runOnce(c, { probe: c.probe !== false });
      const why = failureReason(r, c);
      if (why) {
        c.unavailable = `run ${i + 1}: ${why}`;
        log(`    ${c.label}: not available: ${c.unavailable}`);
      } else c.samples.push(r);
    }
  }
  return cases.map(summarize);
}

/** Cost of the probe: `node -e 0` without and with it, alternated; mean of the paired differences. */
function measureProbeOverhead(pairs) {
  log(`  probe overhead: node -e 0 without/with the probe, ${pairs} alternating pairs`);
  const c = { label: "node -e 0", argv: ["-e", "0"], stderr: path.join(OUT, "node.stderr") };
  runOnce(c, { probe: false });
  runOnce(c, { probe: true });
  const diffs = [];
  const bare = [];
  const probed = [];
  for (let i = 0; i < pairs; i++) {
    const a = runOnce(c, { probe: i % 2 === 1 });
    const b = runOnce(c, { probe: i % 2 === 0 });
    const [without, withProbe] = i % 2 === 0 ? [a, b] : [b, a];
    bare.push(without.wall);
    probed.push(withProbe.wall);
    diffs.push(withProbe.wall - without.wall);
  }
  const mean = diffs.reduce((x, y) => x + y, 0) / diffs.length;
  const sd = Math.sqrt(diffs.reduce((x, y) => x + (y - mean) ** 2, 0) / Math.max(1, diffs.length - 1));
  return { pairs, meanMs: mean * 1000, seMs: (sd / Math.sqrt(diffs.length)) * 1000, bareMedian: median(bare), probedMedian: median(probed) };
}

// ---------------------------------------------------------------------------------------------
// Report

const f3 = (x) => (x === null || x === undefined || Number.isNaN(x) ? "n/a" : x.toFixed(3));
const f1 = (x) => (x === null || x === undefined || Number.isNaN(x) ? "n/a" : x.toFixed(1));
const fmtInt = (x) => Math.round(x).toLocaleString("en-US");
const verdict = (ok) => (ok === null ? "n/a" : ok ? "PASS" : "FAIL");

function machine() {
  const cpus = os.cpus();
  let git = "unknown";
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  if (head.status === 0) {
    const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" });
    git = head.stdout.trim() + (dirty.stdout.trim() ? " (with uncommitted changes)" : "");
  }
  return [
    `- CPU: ${cpus[0]?.model?.trim() ?? "unknown"}, ${cpus.length} logical cores (available parallelism ${os.availableParallelism?.() ?? cpus.length})`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node: ${process.version} (${os.type()} ${os.release()}, ${os.arch()})`,
    `- Commit: ${git}; date: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}`,
  ];
}

function report(results, overhead, cases, shapes) {
  const byKey = Object.fromEntries(results.map((r) => [r.key, r]));
  if (byKey.node.unavailable) throw new Error(`node -e 0 failed: ${byKey.node.unavailable}`);
  const base = byKey.node.wall;
  const ok = (r) => r && !r.unavailable;
  const md = [];
  md.push(`# gap benchmark${opts.quick ? " (quick run)" : ""}`, "");
  md.push(...machine(), "");
  md.push("| command | exit | runs | median wall s | min–max s | × bare node | CPU s (user+sys) | peak RSS MiB |");
  md.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    const cmd = `\`${r.label}\``;
    if (r.unavailable) {
      md.push(`| ${cmd} | | – | not available | | | | ${r.unavailable.replace(/\|/g, "\\|")} |`);
      continue;
    }
    md.push(`| ${cmd} | ${r.exit} | ${r.runs} | ${f3(r.wall)} | ${f3(r.wallMin)}–${f3(r.wallMax)} | ${(r.wall / base).toFixed(2)} | ${f3(r.cpu)} | ${f1(r.rssMiB)} |`);
  }
  md.push("");
  md.push(
    `Every command except \`node -e 0 (no probe)\` ran as \`node --require ${rel(PROBE)} …\` (absolute path), with GAP_BENCH_PROBE naming the file the probe writes; ` +
      `NODE_OPTIONS was cleared; stdout went to bench/data/out/<case>.stdout (\`/dev/null\` for \`node -e 0\`). ` +
      `Wall time is measured by the runner around spawnSync; CPU and peak RSS are the child's own \`process.resourceUsage()\`. ` +
      `Medians over the timed runs, after one untimed warm-up; the commands up to 100k rows ran interleaved, one run of each per round, so drift in machine speed hits them alike. Ratios are to the probed \`node -e 0\`. \`gap check\` exits 1 when it finds shortfalls; that counts as a successful run.`,
  );
  md.push(
    `Probe overhead on \`node -e 0\`: ${overhead.meanMs.toFixed(1)} ± ${overhead.seMs.toFixed(1)} ms per process ` +
      `(mean of ${overhead.pairs} paired differences ± standard error; medians ${f3(overhead.bareMedian)} s without, ${f3(overhead.probedMedian)} s with). ` +
      (Math.abs(overhead.meanMs) < 2 * overhead.seMs ? `That is within this machine's run-to-run noise. ` : "") +
      `It is paid by the baseline and by every gap command alike.`,
  );
  if (results.some((r) => r.probeMissing)) md.push("**Warning:** the probe did not report for some runs (CPU/RSS n/a).");
  md.push("");

  // throughput and linearity
  const inst = DATASETS.filter((d) => d.rows).map((d) => ({ d, r: byKey[d.key] }));
  md.push("## Throughput", "");
  md.push("| file | data rows | MB | median wall s | rows/s (whole process) | µs/row (whole process) | marginal µs/row |");
  md.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  let prev = null;
  const slopes = [];
  for (const { d, r } of inst) {
    if (!ok(r)) {
      md.push(`| ${rel(d.path)} | ${fmtInt(d.rows)} | ${(d.bytes / 1e6).toFixed(1)} | not available | | | |`);
      prev = null;
      continue;
    }
    let marginal = "–";
    if (prev) {
      const slope = (r.wall - prev.r.wall) / (d.rows - prev.d.rows);
      slopes.push({ from: prev.d.key, to: d.key, slope });
      marginal = `${(slope * 1e6).toFixed(3)} (${prev.d.key}→${d.key})`;
    }
    md.push(`| ${rel(d.path)} | ${fmtInt(d.rows)} | ${(d.bytes / 1e6).toFixed(1)} | ${f3(r.wall)} | ${fmtInt(d.rows / r.wall)} | ${((r.wall / d.rows) * 1e6).toFixed(3)} | ${marginal} |`);
    prev = { d, r };
  }
  md.push("");
  md.push("Marginal µs/row is the wall-time difference between two files divided by their row difference, so process start-up cancels out.");
  let linear = null;
  let linearText = "needs the 10k, 100k and 1M runs";
  if (slopes.length === 2) {
    const k = slopes[1].slope / slopes[0].slope;
    linear = slopes[0].slope > 0 ? k <= LINEAR_MAX_SLOPE_RATIO : null;
    linearText = `per-row cost 100k→1M is ${k.toFixed(2)}× that of 10k→100k (linear when ≤ ${LINEAR_MAX_SLOPE_RATIO})`;
  } else if (slopes.length === 1) {
    linearText = `only ${slopes[0].from}→${slopes[0].to} measured (${(slopes[0].slope * 1e6).toFixed(3)} µs/row); needs the 1M run`;
  }
  md.push("");

  // goals
  const dist = byKey.district;
  const m1 = byKey["1M"];
  const shuffled = byKey["1M-shuffled"];
  const k100 = byKey["100k-3000"];
  const pandas = byKey.pandas;
  const pandasShuffled = byKey["pandas-shuffled"];
  const notRun = opts.quick ? "not run (--quick)" : "not available";
  const pandasAbsent = (p) => (p?.unavailable && /pandas absent/.test(p.unavailable) ? "pandas absent" : "pandas not available");
  md.push("## Goals", "");
  md.push("| goal | measured | verdict |", "| --- | --- | --- |");
  md.push(`| one-district check wall ≤ ${DISTRICT_MAX_RATIO}× bare node | ${ok(dist) ? `${(dist.wall / base).toFixed(2)}× (${f3(dist.wall)} s vs ${f3(base)} s)` : "not available"} | ${verdict(ok(dist) ? dist.wall / base <= DISTRICT_MAX_RATIO : null)} |`);
  const validate = byKey["validate-1M"];
  const validateShuffled = byKey["validate-1M-shuffled"];
  const runs = [
    ["`gap check --format json`", "grouped by county", m1, pandas],
    ["`gap check --format json`", "shuffled", shuffled, pandasShuffled],
    ["`gap validate` (reading and summing, as pandas does)", "grouped by county", validate, pandas],
    ["`gap validate` (reading and summing, as pandas does)", "shuffled", validateShuffled, pandasShuffled],
  ];
  for (const [command, label, g, p] of runs) {
    const text = !ok(g) ? notRun : !ok(p) ? `${f3(g.wall)} s; ${pandasAbsent(p)}` : `${f3(g.wall)} s vs pandas ${f3(p.wall)} s: ${(g.wall / p.wall).toFixed(2)}×`;
    md.push(`| 1M rows over 3,000 counties, ${label}, ${command}: wall ≤ ${PANDAS_MAX_RATIO}× pandas read_csv + groupby | ${text} | ${verdict(ok(g) && ok(p) ? g.wall / p.wall <= PANDAS_MAX_RATIO : null)} |`);
  }
  for (const [command, label, g] of runs) {
    md.push(`| 1M rows, ${label}, ${command}: peak RSS ≤ ${ONE_MILLION_MAX_RSS_MIB} MiB (max over runs) | ${ok(g) && g.rssMaxMiB !== null ? `${f1(g.rssMaxMiB)} MiB` : notRun} | ${verdict(ok(g) && g.rssMaxMiB !== null ? g.rssMaxMiB <= ONE_MILLION_MAX_RSS_MIB : null)} |`);
  }
  const flat = ok(m1) && ok(k100) && m1.rssMaxMiB !== null ? m1.rssMaxMiB / k100.rssMaxMiB : null;
  md.push(`| peak RSS at 1M ≤ ${RSS_FLAT_MAX_RATIO}× peak RSS at 100k (both over 3,000 counties) | ${flat !== null ? `${flat.toFixed(2)}× (${f1(m1.rssMaxMiB)} vs ${f1(k100.rssMaxMiB)} MiB)` : ok(k100) ? `100k: ${f1(k100.rssMaxMiB)} MiB; 1M ${notRun}` : "not available"} | ${verdict(flat !== null ? flat <= RSS_FLAT_MAX_RATIO : null)} |`);
  md.push(`| cost linear in rows | ${linearText} | ${verdict(linear)} |`);
  md.push("");
  if (ok(pandas) || ok(pandasShuffled)) {
    md.push(
      `pandas: \`python3 ${rel(PANDAS)} FILE\` (\`pd.read_csv\`, then \`groupby([code, year]).sum()\`: the reading and summing \`gap validate\` does, and \`gap check\` before it evaluates, plans and writes the report), ` +
        `pandas ${pandasVersion ?? "?"}, timed like the gap runs and interleaved with them; its peak RSS is its own \`getrusage\`.`,
    );
    md.push("");
  }
  const reference = byKey.reference;
  if (ok(m1) && ok(reference)) {
    md.push(
      `Machine speed: the plain byte scanner (\`bench/reference-scan.mjs\`, no validation, no report) took ${f3(reference.wall)} s on the 1M-row file in these minutes ` +
        `(${REFERENCE_SCAN_S} s when the first goals were written); the 1M-row check took ${(m1.wall / reference.wall).toFixed(2)}× the scanner's time.`,
    );
    md.push("");
  }

  if (shapes.length) md.push("## Shapes", "", ...shapes, "");

  // correctness
  md.push("## Totals against the generator's sidecar", "");
  for (const c of cases.filter((c) => c.dataset?.totals && c.json)) {
    const r = byKey[c.key];
    let text;
    if (!ok(r)) text = "not available (command failed)";
    else {
      let parsed;
      try {
        parsed = JSON.parse(fs.readFileSync(c.stdout, "utf8"));
      } catch (e) {
        parsed = undefined;
        text = `not comparable: stdout is not JSON (${e.message.replace(/\s+/g, " ").slice(0, 120)})`;
      }
      if (parsed !== undefined) text = describeComparison(compareTotals(parsed, c.dataset.totals));
    }
    md.push(`- \`${rel(c.dataset.path)}\`: ${text.replace(/\n/g, "\n  ")}`);
  }
  md.push("");

  // data
  md.push("## Data", "");
  md.push(`Generated by \`node bench/generate.mjs\` (generator v${GENERATOR_VERSION}, seed ${DEFAULT_SEED}, year ${DEFAULT_YEAR}); sums in \`<file>.totals.json\`.`, "");
  for (const d of DATASETS) {
    const t = d.totals;
    md.push(`- \`${rel(d.path)}\`: ${fmtInt(t.dataRows)} data rows (${fmtInt(t.regionRows)} region row${t.regionRows === 1 ? "" : "s"}), ${(d.bytes / 1e6).toFixed(1)} MB, sha256 ${t.sha256.slice(0, 16)}…${d.generatedIn !== undefined ? `; generated in ${d.generatedIn.toFixed(2)} s by this run` : ""}`);
  }
  md.push("");
  return md.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Main

ensureData();

const fastRuns = opts.runs ?? (opts.quick ? 3 : 5);
const bigRuns = opts.runs ?? 3;
const ds = Object.fromEntries(DATASETS.map((d) => [d.key, d]));
const bin = opts.bin;
const cases = [
  { key: "version", argv: [bin, "--version"] },
  { key: "district", argv: [bin, "check", rel(ds.district.path)], dataset: ds.district },
  { key: "regions", argv: [bin, "check", rel(ds.regions.path), "--format", "json"], dataset: ds.regions, json: true },
  ...DATASETS.filter((d) => d.rows || d.goalRows).map((d) => ({ key: d.key, argv: [bin, "check", rel(d.path), "--format", "json"], dataset: d, json: true })),
  // reading and summing alone, the work pandas does: the check's first step
  ...[ds["1M"], ds["1M-shuffled"]].filter(Boolean).map((d) => ({ key: `validate-${d.key}`, argv: [bin, "validate", rel(d.path)], bigRows: 1_000_000 })),
  // the plain byte scanner the goals were set against: how fast the machine is in the same minutes
  ...(ds["1M"] ? [{ key: "reference", argv: [rel(path.join(BENCH, "reference-scan.mjs")), rel(ds["1M"].path)], bigRows: 1_000_000 }] : []),
  // pandas on the same 1M-row files, the goals' reference
  ...(ds["1M"] ? [{ key: "pandas", command: PYTHON, argv: [rel(PANDAS), rel(ds["1M"].path)], bigRows: 1_000_000 }] : []),
  ...(ds["1M-shuffled"] ? [{ key: "pandas-shuffled", command: PYTHON, argv: [rel(PANDAS), rel(ds["1M-shuffled"].path)], bigRows: 1_000_000 }] : []),
].map((c) => ({
  ...c,
  findingsExit1: c.argv[1] === "check",
  big: (c.dataset?.rows ?? c.dataset?.goalRows ?? c.bigRows) >= 1_000_000,
  runs: (c.dataset?.rows ?? c.dataset?.goalRows ?? c.bigRows) >= 1_000_000 ? bigRuns : fastRuns,
  stdout: path.join(OUT, `${c.key}.stdout`),
  stderr: path.join(OUT, `${c.key}.stderr`),
  label: `${Object.entries(c.env ?? {}).map(([k, v]) => `${k}=${v} `).join("")}${c.command ?? "node"} ${c.argv.join(" ")} > ${rel(path.join(OUT, `${c.key}.stdout`))}`,
}));

const nodeStderr = path.join(OUT, "node.stderr");
const baselineCases = [
  { key: "node-noprobe", label: "node -e 0 (no probe)", argv: ["-e", "0"], probe: false, stderr: nodeStderr },
  { key: "node", label: "node -e 0", argv: ["-e", "0"], stderr: nodeStderr },
];
const small = cases.filter((c) => !c.big);
const big = cases.filter((c) => c.big);
log(`gap benchmark${opts.quick ? " (quick)" : ""}: ${small.length + 2} commands interleaved, 1 warm-up + ${fastRuns} rounds`);
const results = measureGroup([...baselineCases, ...small], fastRuns);
// the 1M runs (gap grouped and shuffled, the scanner, pandas), interleaved like the small ones
if (big.length) {
  log(`1M rows: ${big.length} commands interleaved, 1 warm-up + ${bigRuns} rounds`);
  results.push(...measureGroup(big, bigRuns));
}
if (results.find((r) => r.key === "node").probeMissing) log("warning: the probe wrote nothing for node -e 0; CPU and RSS will be n/a");
const overhead = measureProbeOverhead(opts.quick ? 10 : 20);

let shapes = [];
if (opts.shapes) {
  log("shapes (bench/shapes.mjs)");
  shapes = shapesTable({ rows: opts.quick ? 5_000 : 20_000, runs: opts.quick ? 1 : 3, bin, log });
}
const md = report(results, overhead, cases, shapes);
console.log(md);
// Only a full run of the project's own CLI replaces bench/results.md.
const target = opts.quick || opts.bin !== DEFAULT_BIN || opts.runs !== null ? path.join(DATA, "results-last.md") : path.join(BENCH, "results.md");
fs.writeFileSync(target, md + "\n");
log(`written to ${rel(target)}`);
