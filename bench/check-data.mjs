#!/usr/bin/env node
// Independent check of a generated benchmark file: re-reads FILE, validates the consistency
// rules, re-adds every column per region and compares with FILE.totals.json. Shares no code
// with generate.mjs on purpose.
//
//   node bench/check-data.mjs FILE [FILE...]      exit 0 when every file checks out

import fs from "node:fs";
import crypto from "node:crypto";
import readline from "node:readline";

const HEADER = "行政区划代码,地区,年份,机构名称,机构类别,机构数,常住人口,农村人口,卫生人员,卫生技术人员,执业(助理)医师,执业助理医师,中医类别执业(助理)医师,公共卫生类别执业(助理)医师,全科医生,注册护士,药师(士),乡村医生";
const IDS = ["population", "rural_population", "staff", "health_technicians", "physicians", "assistant_physicians", "tcm_physicians", "public_health_physicians", "gps", "nurses", "pharmacists", "village_doctors"];
const TYPES = new Set(["公立医院", "民营医院", "中医医院", "乡镇卫生院", "社区卫生服务中心", "社区卫生服务站", "村卫生室", "疾病预防控制中心", "妇幼保健机构", "其他专业公共卫生机构"]);

async function checkFile(file) {
  const errors = [];
  const err = (line, msg) => errors.length < 20 && errors.push(`line ${line}: ${msg}`);
  const regions = new Map(); // "code|year" -> { name, pop, rural, filled: number[]|null, sums: number[], n }
  const keys = new Set();
  const typeCount = new Map();
  const typeStaff = new Map();
  let lineNo = 0;
  let rows = 0;
  const hash = crypto.createHash("sha256");
  const input = fs.createReadStream(file);
  input.on("data", (b) => hash.update(b));
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    lineNo++;
    if (lineNo === 1) {
      if (line !== HEADER) err(1, "unexpected header");
      continue;
    }
    rows++;
    if (line.includes('"')) err(lineNo, "quoted field");
    const f = line.split(",");
    if (f.length !== 18) {
      err(lineNo, `${f.length} fields`);
      continue;
    }
    const [code, name, year, inst, type, count, pop, rural, ...hc] = f;
    if (!/^[1-6]\d{5}$/.test(code)) err(lineNo, `bad code ${code}`);
    if (!name) err(lineNo, "empty 地区");
    if (!/^\d{4}$/.test(year)) err(lineNo, `bad year ${year}`);
    if (count !== "") err(lineNo, "机构数 filled (no subtotal rows expected)");
    const key = `${code}|${year}`;
    const nums = hc.map((s) => (s === "" ? null : /^\d+$/.test(s) ? Number(s) : NaN));
    if (nums.some((n) => Number.isNaN(n))) err(lineNo, "headcount not a non-negative integer");
    const consistent = (v) => {
      const [staff, tech, phys, asst, tcm, ph, gp, nurse, pharm, village] = v;
      if (asst > phys || tcm > phys || ph > phys || gp > phys) err(lineNo, "sub-physician figure above physicians");
      if (phys + nurse + pharm > tech) err(lineNo, "physicians+nurses+pharmacists above technicians");
      if (tech > staff) err(lineNo, "technicians above staff");
      if (village > staff) err(lineNo, "village doctors above staff");
    };
    if (inst === "") {
      // region row
      if (type !== "") err(lineNo, "region row with a type");
      if (regions.has(key)) err(lineNo, `second region row for ${key}`);
      const p = Number(pop);
      const r = Number(rural);
      if (!/^\d+$/.test(pop) || p <= 0) err(lineNo, "population not > 0");
      if (!/^\d+$/.test(rural) || r > p) err(lineNo, "rural population missing or above population");
      const filled = nums.every((n) => n !== null) ? nums : nums.every((n) => n === null) ? null : (err(lineNo, "partly filled region row"), null);
      if (filled) consistent(filled);
      regions.set(key, { code, year, name, pop: p, rural: r, filled, sums: new Array(10).fill(0), n: 0 });
    } else {
      if (!TYPES.has(type)) err(lineNo, `unknown type ${type}`);
      if (pop !== "" || rural !== "") err(lineNo, "population on an institution row");
      if (nums.some((n) => n === null)) err(lineNo, "empty headcount on an institution row");
      consistent(nums);
      const k = `${key}|${inst}`;
      if (keys.has(k)) err(lineNo, `duplicate (code, year, institution) ${k}`);
      keys.add(k);
      const reg = regions.get(key);
      if (!reg) {
        err(lineNo, `institution before/without its region row ${key}`);
        continue;
      }
      if (reg.name !== name) err(lineNo, "地区 differs from the region row");
      for (let i = 0; i < 10; i++) reg.sums[i] += nums[i];
      reg.n++;
      typeCount.set(type, (typeCount.get(type) ?? 0) + 1);
      const st = typeStaff.get(type) ?? { min: Infinity, max: 0, sum: 0 };
      st.min = Math.min(st.min, nums[0]);
      st.max = Math.max(st.max, nums[0]);
      st.sum += nums[0];
      typeStaff.set(type, st);
    }
  }
  const sha256 = hash.digest("hex");

  // region figures as a reader would compute them
  const figures = new Map();
  for (const [key, r] of regions) {
    if (r.filled && r.n) errors.push(`${key}: region row has totals and institution rows`);
    const hcs = r.filled ?? r.sums;
    consistent2(hcs, key, errors);
    figures.set(key, [r.pop, r.rural, ...hcs]);
  }

  // compare with the sidecar
  const side = JSON.parse(fs.readFileSync(`${file}.totals.json`, "utf8"));
  if (side.sha256 !== sha256) errors.push(`sha256 differs from sidecar (${sha256} vs ${side.sha256})`);
  if (side.dataRows !== rows) errors.push(`data rows ${rows} vs sidecar ${side.dataRows}`);
  if (side.regions.length !== regions.size) errors.push(`regions ${regions.size} vs sidecar ${side.regions.length}`);
  const grand = new Array(12).fill(0);
  let mismatches = 0;
  for (const sr of side.regions) {
    const got = figures.get(`${sr.code}|${sr.year}`);
    if (!got) {
      errors.push(`sidecar region ${sr.code} not in file`);
      continue;
    }
    IDS.forEach((id, i) => {
      grand[i] += got[i];
      if (sr.figures[id] !== got[i] && mismatches++ < 10) errors.push(`${sr.code} ${id}: file ${got[i]} sidecar ${sr.figures[id]}`);
    });
  }
  IDS.forEach((id, i) => {
    if (side.grandTotals[id] !== grand[i]) errors.push(`grand total ${id}: file ${grand[i]} sidecar ${side.grandTotals[id]}`);
  });

  // realism summary
  const pops = [...regions.values()].map((r) => r.pop).sort((a, b) => a - b);
  const inst = [...regions.values()].map((r) => r.n);
  const total = [...typeCount.values()].reduce((a, b) => a + b, 0);
  const g = Object.fromEntries(IDS.map((id, i) => [id, grand[i]]));
  const lines = [
    `${file}: ${rows} data rows, ${regions.size} regions, ${fs.statSync(file).size} bytes, sha256 ${sha256.slice(0, 16)}`,
    `  population median ${pops[pops.length >> 1]} (min ${pops[0]}, max ${pops[pops.length - 1]}); per 1,000: physicians ${(g.physicians * 1000 / g.population).toFixed(2)}, nurses ${(g.nurses * 1000 / g.population).toFixed(2)}, staff ${(g.staff * 1000 / g.population).toFixed(2)}; rural share ${(g.rural_population / g.population).toFixed(2)}`,
  ];
  if (total) {
    lines.push(`  institutions per region: mean ${(total / regions.size).toFixed(0)}, min ${Math.min(...inst)}, max ${Math.max(...inst)}`);
    for (const [t, n] of [...typeCount].sort((a, b) => b[1] - a[1])) {
      const st = typeStaff.get(t);
      lines.push(`  ${t.padEnd(12, "　")} ${(100 * n / total).toFixed(1).padStart(5)}%  staff ${st.min}-${st.max}, mean ${(st.sum / n).toFixed(1)}`);
    }
  }
  return { ok: errors.length === 0, errors, lines };
}

function consistent2(v, key, errors) {
  const [staff, tech, phys, asst, tcm, ph, gp, nurse, pharm, village] = v;
  if (asst > phys || tcm > phys || ph > phys || gp > phys || phys + nurse + pharm > tech || tech > staff || village > staff) {
    errors.push(`${key}: region figures inconsistent`);
  }
}

const files = process.argv.slice(2);
if (!files.length) {
  console.error("usage: node bench/check-data.mjs FILE [FILE...]");
  process.exit(2);
}
let bad = 0;
for (const file of files) {
  const r = await checkFile(file);
  console.log(r.lines.join("\n"));
  console.log(r.ok ? "  OK: rules hold, sums match the sidecar" : `  FAILED:\n    ${r.errors.join("\n    ")}`);
  if (!r.ok) bad++;
}
process.exit(bad ? 1 : 0);
