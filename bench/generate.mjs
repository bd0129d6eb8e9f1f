#!/usr/bin/env node
// Seeded generator of health-workforce statistics CSV files for the `gap` benchmark.
//
//   node bench/generate.mjs regions      --count 3000  --out FILE [--seed S] [--year Y]
//   node bench/generate.mjs institutions --rows 1M     --out FILE [--seed S] [--year Y]
//   node bench/generate.mjs district                   --out FILE [--seed S] [--year Y]
//
// Same arguments and seed => byte-identical output. Only integer arithmetic, +, *, / and
// Math.sqrt/floor/round on a mulberry32 stream are used, so the bytes do not depend on the
// platform's libm. Beside FILE it writes FILE.totals.json: per-region sums of every column,
// accumulated from the very numbers written (not by re-reading the CSV), plus grand totals.
//
// `--rows N` is the number of data rows in the file (region rows + institution rows, header
// not counted). Counties hold ~330 institutions each, so the county count grows with N.
// Institution files put all region rows first (population filled, headcount cells empty:
// "sum of my institution rows"), then the institution rows grouped by county, ordered by code.

import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";

export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 2024;
export const DEFAULT_YEAR = 2024;

export const COLUMNS = [
  "行政区划代码", "地区", "年份", "机构名称", "机构类别", "机构数", "常住人口", "农村人口",
  "卫生人员", "卫生技术人员", "执业(助理)医师", "执业助理医师", "中医类别执业(助理)医师",
  "公共卫生类别执业(助理)医师", "全科医生", "注册护士", "药师(士)", "乡村医生",
];

/** Headcount metric ids (data/metrics.json), in column order. */
export const HEADCOUNT_IDS = [
  "staff", "health_technicians", "physicians", "assistant_physicians", "tcm_physicians",
  "public_health_physicians", "gps", "nurses", "pharmacists", "village_doctors",
];
/** Every metric id a region carries, in column order. */
export const METRIC_IDS = ["population", "rural_population", ...HEADCOUNT_IDS];

const H = { staff: 0, tech: 1, phys: 2, asst: 3, tcm: 4, ph: 5, gp: 6, nurse: 7, pharm: 8, village: 9 };
const NH = HEADCOUNT_IDS.length;
const AVG_INSTITUTIONS_PER_COUNTY = 330;

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes integers into one 32-bit seed (murmur3 finaliser per step). */
function mix(...parts) {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A seed given as an integer is used as is; any other string is hashed (FNV-1a). */
export function parseSeed(s) {
  if (s === undefined || s === null) return DEFAULT_SEED;
  const str = String(s);
  if (/^\d+$/.test(str)) return Number(BigInt(str) & 0xffffffffn);
  let h = 0x811c9dc5;
  for (const b of Buffer.from(str, "utf8")) h = Math.imul(h ^ b, 0x01000193);
  return h >>> 0;
}

const int = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1)); // inclusive
const pick = (rng, arr) => arr[Math.floor(rng() * arr.length)];
const tri = (rng, lo, hi) => lo + ((hi - lo) * (rng() + rng())) / 2; // triangular, mode at centre
const clamp = (x, lo, hi) => (x < lo ? lo : x > hi ? hi : x);
/** Stochastic rounding: floor(x + u). Unbiased, and never above n when x <= n for integer n. */
const sround = (rng, x) => Math.floor(x + rng());

function pickWeighted(rng, items, weights, total) {
  let r = rng() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i];
    if (r < 0) return items[i];
  }
  return items[items.length - 1];
}

// ---------------------------------------------------------------------------------------------
// Names and codes

// [province code, weight ~ number of county-level units, number of prefectures]
const PROVINCES = [
  [11, 16, 1], [12, 16, 1], [13, 167, 11], [14, 117, 11], [15, 103, 12], [21, 100, 14],
  [22, 60, 9], [23, 121, 13], [31, 16, 1], [32, 95, 13], [33, 90, 11], [34, 104, 16],
  [35, 84, 9], [36, 100, 11], [37, 136, 16], [41, 157, 17], [42, 103, 13], [43, 122, 14],
  [44, 122, 21], [45, 111, 14], [46, 25, 4], [50, 38, 2], [51, 183, 21], [52, 88, 9],
  [53, 129, 16], [54, 74, 7], [61, 107, 10], [62, 86, 14], [63, 44, 8], [64, 22, 5], [65, 107, 14],
];
const PROVINCE_WEIGHTS = PROVINCES.map((p) => p[1]);
const PROVINCE_WEIGHT_TOTAL = PROVINCE_WEIGHTS.reduce((a, b) => a + b, 0);
const MUNICIPALITIES = new Set([11, 12, 31]);

const PLACE_A = [..."安宁平永昌德和阜临武文龙凤云金宝庆福泰康乐嘉定兴华新丰长清东西南北景建崇洪江河湖海山川阳石岳衡黎蓝青红白高隆盛通博怀灵会合延开恩桂梅柳松桑榆枣柏荣吉利祥瑞溪汉秦晋鲁"];
const PLACE_B = [..."山河江阳城平安宁源川泉林州丰兴华昌都水溪台峰原口关化远德和乐陵定泽津湖海武丘岭门沙田坪石南北东西义仁顺靖康泰谷"];
const SURNAMES = [..."张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"];
const VILLAGE_SUFFIX = [..."庄家营屯寨坪湾沟堡河岗桥店集洼台铺坡园岭楼圩垸畈冲坝峪"];
const PRIVATE_KINDS = ["医院", "医院", "医院", "骨科医院", "眼科医院", "口腔医院", "妇产医院", "康复医院", "中西医结合医院", "肛肠医院", "耳鼻喉医院", "精神病医院"];
const PUBLIC_EXTRA = ["第二人民医院", "第三人民医院", "精神卫生中心", "传染病医院", "骨伤医院", "第四人民医院"];
const OTHER_PH = ["卫生健康综合监督执法大队", "急救中心", "健康教育所", "中心血站", "结核病防治所", "精神卫生防治所", "皮肤病防治所", "职业病防治所"];

function place2(rng) {
  const a = pick(rng, PLACE_A);
  let b = pick(rng, PLACE_B);
  while (b === a) b = pick(rng, PLACE_B);
  return a + b;
}

function countyBaseName(rng) {
  return rng() < 0.15 ? pick(rng, PLACE_A) + place2(rng) : place2(rng);
}

/** Picks a unique name by retrying `make`, and numbers the name when retries run out. */
function uniqueName(used, rng, make, numbered) {
  for (let i = 0; i < 12; i++) {
    const name = make(rng);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const base = make(rng);
  for (let n = 2; ; n++) {
    const name = numbered(base, n);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/**
 * Plausible, unique 6-digit codes: real province prefixes weighted by their number of counties,
 * a prefecture number within the province's range, and a county number whose range matches the
 * suffix (区 01-19, 县/旗 21-49, 市 81-89).
 */
function makeCounties(rng, count, usedCodes = new Set(), usedNames = new Set(), forceKind) {
  const out = [];
  for (let i = 0; i < count; i++) {
    let code, suffix, province;
    for (let attempt = 0; ; attempt++) {
      let prefectures;
      if (attempt < 60) {
        [province, , prefectures] = pickWeighted(rng, PROVINCES, PROVINCE_WEIGHTS, PROVINCE_WEIGHT_TOTAL);
      } else if (attempt < 2000) {
        province = pick(rng, PROVINCES)[0]; // fallback for very large files: widen the code space
        prefectures = 70;
      } else {
        throw new Error(`cannot find a free county code after ${attempt} attempts (${out.length} counties made)`);
      }
      let kind = forceKind ?? (rng() < 0.25 ? "区" : rng() < 0.73 ? "县" : "市");
      let pref = int(rng, 1, prefectures);
      if (MUNICIPALITIES.has(province)) {
        kind = "区";
        pref = 1;
      } else if (province === 50 && kind !== "区") {
        kind = "县";
        pref = 2;
      }
      const county = kind === "区" ? int(rng, 2, 19) : kind === "县" ? int(rng, 21, 49) : int(rng, 81, 89);
      code = String(province * 10000 + pref * 100 + county);
      if (usedCodes.has(code)) continue;
      suffix = kind === "县" && province === 15 && rng() < 0.5 ? "旗" : kind;
      break;
    }
    usedCodes.add(code);
    const name = uniqueName(usedNames, rng, (r) => countyBaseName(r) + suffix, (b, n) => b.slice(0, -1) + n + suffix);
    out.push({ code, name, kind: suffix, province });
  }
  out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Institution types and headcounts

// Ratios (roughly the national yearbook's): tech = technicians/staff; phys, nurse, pharm =
// share of technicians; asst, tcm, ph, gp = share of physicians.
const TYPES = [
  { key: "public_hospital", zh: "公立医院", group: "hospital", tech: 0.84, phys: 0.33, nurse: 0.48, pharm: 0.045, asst: 0.05, tcm: 0.08, ph: 0.01, gp: 0.04 },
  { key: "tcm_hospital", zh: "中医医院", group: "hospital", tech: 0.85, phys: 0.36, nurse: 0.42, pharm: 0.07, asst: 0.05, tcm: 0.55, ph: 0.005, gp: 0.04 },
  { key: "private_hospital", zh: "民营医院", group: "hospital", tech: 0.8, phys: 0.36, nurse: 0.45, pharm: 0.04, asst: 0.12, tcm: 0.12, ph: 0.005, gp: 0.03 },
  { key: "township_hospital", zh: "乡镇卫生院", group: "grassroots", tech: 0.84, phys: 0.4, nurse: 0.3, pharm: 0.07, asst: 0.35, tcm: 0.15, ph: 0.06, gp: 0.3 },
  { key: "community_health_center", zh: "社区卫生服务中心", group: "grassroots", tech: 0.85, phys: 0.4, nurse: 0.36, pharm: 0.08, asst: 0.12, tcm: 0.15, ph: 0.05, gp: 0.45 },
  { key: "community_health_station", zh: "社区卫生服务站", group: "grassroots", tech: 0.9, phys: 0.48, nurse: 0.38, pharm: 0.05, asst: 0.25, tcm: 0.15, ph: 0.02, gp: 0.45 },
  { key: "village_clinic", zh: "村卫生室", group: "grassroots" },
  { key: "cdc", zh: "疾病预防控制中心", group: "public_health", tech: 0.72, phys: 0.45, nurse: 0.07, pharm: 0.02, asst: 0.12, tcm: 0.01, ph: 0.8, gp: 0 },
  { key: "mch", zh: "妇幼保健机构", group: "public_health", tech: 0.86, phys: 0.38, nurse: 0.42, pharm: 0.05, asst: 0.08, tcm: 0.05, ph: 0.08, gp: 0.05 },
  { key: "other_public_health", zh: "其他专业公共卫生机构", group: "public_health", tech: 0.65, phys: 0.35, nurse: 0.1, pharm: 0.02, asst: 0.15, tcm: 0.02, ph: 0.5, gp: 0 },
];
const T = Object.fromEntries(TYPES.map((t, i) => [t.key, i]));

// Share of a county's institutions (after the four fixed ones: main hospital, TCM hospital,
// CDC, maternal and child health) by type: ~60% village clinics, ~20% township hospitals and
// community centres/stations, the rest hospitals and public-health institutions.
const COUNTY_MIX = [
  [T.village_clinic, 0.61],
  [T.township_hospital, 0.032],
  [T.community_health_center, 0.011],
  [T.community_health_station, 0.157],
  [T.public_hospital, 0.003],
  [T.private_hospital, 0.177],
  [T.other_public_health, 0.01],
];

/** Types of a county's institutions, in the order they are written: [typeIndex, count][]. */
function countyComposition(n) {
  const fixed = [T.public_hospital, T.tcm_hospital, T.cdc, T.mch].slice(0, n >= 20 ? 4 : n >= 8 ? 1 : 0);
  const rest = n - fixed.length;
  const counts = new Array(TYPES.length).fill(0);
  for (const t of fixed) counts[t]++;
  // largest remainder
  const shares = COUNTY_MIX.map(([t, f]) => ({ t, exact: rest * f, n: Math.floor(rest * f) }));
  let left = rest - shares.reduce((a, s) => a + s.n, 0);
  const byRemainder = shares.map((s, i) => i).sort((a, b) => (shares[b].exact - shares[b].n) - (shares[a].exact - shares[a].n) || a - b);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) shares[byRemainder[k]].n++;
  for (const s of shares) counts[s.t] += s.n;
  const order = [T.public_hospital, T.tcm_hospital, T.private_hospital, T.township_hospital, T.community_health_center, T.community_health_station, T.village_clinic, T.cdc, T.mch, T.other_public_health];
  return order.filter((t) => counts[t] > 0).map((t) => [t, counts[t]]);
}

/** Staff size of one institution. `k` is its index within its type, `scale` the county's size. */
function staffSize(rng, type, k, scale) {
  const u = rng();
  switch (type) {
    case T.public_hospital:
      return k === 0 ? Math.round(clamp(560 * scale * tri(rng, 0.55, 1.45), 300, 1500)) : Math.round(tri(rng, 60, 450));
    case T.tcm_hospital:
      return Math.round(clamp(220 * scale * tri(rng, 0.5, 1.5), 60, 800));
    case T.private_hospital:
      return 6 + Math.floor(70 * u * u * u); // many small ones, a few large
    case T.township_hospital:
      return 20 + Math.round(60 * u * (0.5 + 0.5 * u)); // 20-80, mean ~45
    case T.community_health_center:
      return 25 + Math.round(85 * u * (0.5 + 0.5 * u)); // 25-110
    case T.community_health_station:
      return 2 + Math.floor(7 * u * u); // 2-8
    case T.cdc:
      return Math.round(clamp(60 * scale * tri(rng, 0.6, 1.4), 20, 200));
    case T.mch:
      return Math.round(clamp(100 * scale * tri(rng, 0.5, 1.5), 20, 350));
    case T.other_public_health:
      return Math.round(tri(rng, 5, 45));
    default:
      throw new Error(`no size for type ${type}`);
  }
}

/**
 * Fills h (length 10, column order) with one institution's headcounts. Guarantees:
 * asst, tcm, ph, gp <= phys; phys + nurse + pharm <= tech; tech + village <= staff.
 */
function fillHeadcounts(rng, type, k, scale, h) {
  if (type === T.village_clinic) {
    const u = rng();
    const staff = u < 0.3 ? 1 : u < 0.75 ? 2 : 3;
    const phys = rng() < (staff === 1 ? 0.1 : 0.3) ? 1 : 0;
    const nurse = staff - phys >= 2 && rng() < 0.1 ? 1 : 0;
    h[H.staff] = staff;
    h[H.tech] = phys + nurse;
    h[H.phys] = phys;
    h[H.asst] = phys && rng() < 0.7 ? 1 : 0;
    h[H.tcm] = phys && rng() < 0.15 ? 1 : 0;
    h[H.ph] = 0;
    h[H.gp] = phys && rng() < 0.25 ? 1 : 0;
    h[H.nurse] = nurse;
    h[H.pharm] = 0;
    h[H.village] = staff - phys - nurse;
    return;
  }
  const t = TYPES[type];
  const j = () => 0.85 + 0.3 * rng(); // +-15% jitter
  let staff = staffSize(rng, type, k, scale);
  let tech = sround(rng, staff * Math.min(1, t.tech * j()));
  const phys = sround(rng, tech * t.phys * j());
  const nurse = sround(rng, tech * t.nurse * j());
  const pharm = sround(rng, tech * t.pharm * j());
  if (phys + nurse + pharm > tech) tech = phys + nurse + pharm;
  let village = type === T.township_hospital && rng() < 0.2 ? int(rng, 1, 4) : 0; // village doctors posted at the township hospital
  if (tech + village > staff) village = Math.max(0, staff - tech);
  if (tech > staff) staff = tech;
  h[H.staff] = staff;
  h[H.tech] = tech;
  h[H.phys] = phys;
  h[H.asst] = sround(rng, phys * Math.min(1, t.asst * j()));
  h[H.tcm] = sround(rng, phys * Math.min(1, t.tcm * j()));
  h[H.ph] = sround(rng, phys * Math.min(1, t.ph * j()));
  h[H.gp] = sround(rng, phys * Math.min(1, t.gp * j()));
  h[H.nurse] = nurse;
  h[H.pharm] = pharm;
  h[H.village] = village;
}

function institutionName(rng, used, type, k, county) {
  const base = county.name; // 临江县人民医院, 临江县疾病预防控制中心
  const numbered = (b, n) => `${b}（${n}）`;
  switch (type) {
    case T.public_hospital:
      if (k === 0) return uniqueName(used, rng, () => `${base}人民医院`, numbered);
      return uniqueName(used, rng, (r) => `${base}${k <= PUBLIC_EXTRA.length ? PUBLIC_EXTRA[k - 1] : pick(r, PUBLIC_EXTRA)}`, numbered);
    case T.tcm_hospital:
      return uniqueName(used, rng, () => (k === 0 ? `${base}中医医院` : `${base}中西医结合医院`), numbered);
    case T.private_hospital:
      return uniqueName(used, rng, (r) => `${place2(r)}${pick(r, PRIVATE_KINDS)}`, numbered);
    case T.township_hospital:
      return uniqueName(used, rng, (r) => `${place2(r)}${r() < 0.7 ? "镇" : "乡"}卫生院`, numbered);
    case T.community_health_center:
      return uniqueName(used, rng, (r) => `${place2(r)}街道社区卫生服务中心`, numbered);
    case T.community_health_station:
      return uniqueName(used, rng, (r) => `${place2(r)}社区卫生服务站`, numbered);
    case T.village_clinic:
      return uniqueName(used, rng, (r) => {
        const v = r() < 0.25 ? pick(r, PLACE_A) : pick(r, SURNAMES);
        const s = pick(r, VILLAGE_SUFFIX);
        return `${v}${s !== "家" && r() < 0.35 ? "家" : ""}${s}村卫生室`;
      }, (b, n) => b.replace("村卫生室", `村第${n}卫生室`));
    case T.cdc:
      return uniqueName(used, rng, () => `${base}疾病预防控制中心`, numbered);
    case T.mch:
      return uniqueName(used, rng, (r) => `${base}${r() < 0.7 ? "妇幼保健院" : "妇幼保健计划生育服务中心"}`, numbered);
    case T.other_public_health:
      return uniqueName(used, rng, (r) => `${base}${k < OTHER_PH.length ? OTHER_PH[k] : pick(r, OTHER_PH)}`, numbered);
    default:
      throw new Error(`no name for type ${type}`);
  }
}

/**
 * Walks a county's institutions. Headcounts come from their own stream and names from another,
 * so a pass that needs only the sums (to set the population) sees the same numbers as the pass
 * that writes. Returns the 10 headcount sums; calls onRow(name, typeIndex, h) when given.
 */
function walkCounty(county, onRow) {
  const hr = mulberry32(mix(county.seed, 1));
  const nr = onRow ? mulberry32(mix(county.seed, 2)) : null;
  const used = onRow ? new Set() : null;
  const sums = new Array(NH).fill(0);
  const groupStaff = { hospital: 0, grassroots: 0, public_health: 0 };
  const h = new Array(NH).fill(0);
  for (const [type, count] of county.composition) {
    for (let k = 0; k < count; k++) {
      fillHeadcounts(hr, type, k, county.scale, h);
      for (let i = 0; i < NH; i++) sums[i] += h[i];
      groupStaff[TYPES[type].group] += h[H.staff];
      if (onRow) onRow(institutionName(nr, used, type, k, county), type, h);
    }
  }
  return { sums, groupStaff };
}

/** Population from the physicians actually generated: ~2.5 physicians per 1,000 (1.9-3.2). */
function setPopulation(county, physicians) {
  const r = mulberry32(mix(county.seed, 3));
  const perThousand = tri(r, 1.9, 3.2);
  county.population = Math.max(1000, Math.round((physicians * 1000) / perThousand / 100) * 100);
  const [lo, hi] = county.kind === "区" ? [0.08, 0.45] : county.kind === "市" ? [0.35, 0.65] : [0.5, 0.82];
  county.rural = Math.round((county.population * tri(r, lo, hi)) / 100) * 100;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Writes UTF-8 through one reusable 2 MiB buffer to FILE.tmp, renamed to FILE on close. */
class ChunkWriter {
  constructor(file) {
    this.tmp = `${file}.tmp`;
    this.file = file;
    this.fd = fs.openSync(this.tmp, "w");
    this.buf = Buffer.allocUnsafe(1 << 21);
    this.off = 0;
    this.bytes = 0;
    this.hash = crypto.createHash("sha256");
  }
  write(s) {
    if (this.off + s.length * 3 > this.buf.length) {
      this.flush();
      if (s.length * 3 > this.buf.length) this.buf = Buffer.allocUnsafe(s.length * 3);
    }
    this.off += this.buf.write(s, this.off);
  }
  flush() {
    const chunk = this.buf.subarray(0, this.off);
    this.hash.update(chunk);
    this.bytes += chunk.length;
    let done = 0;
    while (done < chunk.length) done += fs.writeSync(this.fd, chunk, done, chunk.length - done);
    this.off = 0;
  }
  close() {
    this.flush();
    fs.closeSync(this.fd);
    fs.renameSync(this.tmp, this.file);
    return { bytes: this.bytes, sha256: this.hash.digest("hex") };
  }
}

const HEADER = COLUMNS.join(",") + "\n";

function figuresOf(county, sums) {
  const f = { population: county.population, rural_population: county.rural };
  HEADCOUNT_IDS.forEach((id, i) => (f[id] = sums[i]));
  return f;
}

function writeSidecar(file, meta, regions) {
  const grand = Object.fromEntries(METRIC_IDS.map((id) => [id, 0]));
  for (const r of regions) for (const id of METRIC_IDS) grand[id] += r.figures[id];
  const doc = {
    $comment: "Independent per-region sums of every column, accumulated by bench/generate.mjs from the numbers it wrote. figures keys are metric ids of data/metrics.json; derived holds staff by institution group (grassroots_staff, public_health_staff, hospital_staff).",
    generator: { version: GENERATOR_VERSION, ...meta.params },
    file: path.basename(file),
    bytes: meta.bytes,
    sha256: meta.sha256,
    dataRows: meta.dataRows,
    regionRows: regions.length,
    institutionRows: meta.dataRows - regions.length,
    metrics: METRIC_IDS,
    grandTotals: grand,
    regions,
  };
  const tmp = `${file}.totals.json.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(doc, null, 1) + "\n");
  fs.renameSync(tmp, `${file}.totals.json`);
  return doc;
}

function sidecarRegion(county, sums, groupStaff, institutions) {
  return {
    code: county.code,
    name: county.name,
    year: county.year,
    institutions,
    figures: figuresOf(county, sums),
    derived: { grassroots_staff: groupStaff.grassroots, public_health_staff: groupStaff.public_health, hospital_staff: groupStaff.hospital },
  };
}

/**
 * Writes region rows then institution rows; population is set from a first pass over each
 * county's headcount stream, the sidecar sums from the second (writing) pass.
 */
function writeInstitutionFile(file, counties, year, params, { totalsOnRegionRow = false, shuffle = false } = {}) {
  for (const c of counties) {
    c.year = year;
    const { sums } = walkCounty(c, null);
    c.firstPassSums = sums;
    setPopulation(c, sums[H.phys]);
  }
  const w = new ChunkWriter(file);
  w.write(HEADER);
  // shuffled: every data row held, then written in a seeded random order (a database export ordered by row id)
  const held = shuffle ? [] : null;
  const write = held ? (row) => held.push(row) : (row) => w.write(row);
  for (const c of counties) {
    const totals = totalsOnRegionRow ? c.firstPassSums.join(",") : ",,,,,,,,,";
    write(`${c.code},${c.name},${year},,,,${c.population},${c.rural},${totals}\n`);
  }
  let dataRows = counties.length;
  const regions = [];
  for (const c of counties) {
    const prefix = `${c.code},${c.name},${year},`;
    let n = 0;
    const { sums, groupStaff } = walkCounty(c, (name, type, h) => {
      write(`${prefix}${name},${TYPES[type].zh},,,,${h[0]},${h[1]},${h[2]},${h[3]},${h[4]},${h[5]},${h[6]},${h[7]},${h[8]},${h[9]}\n`);
      n++;
    });
    for (let i = 0; i < NH; i++) if (sums[i] !== c.firstPassSums[i]) throw new Error(`internal: passes disagree for ${c.code}`);
    dataRows += n;
    regions.push(sidecarRegion(c, sums, groupStaff, n));
  }
  if (held) {
    const rng = mulberry32(mix(params.seed, 0x53485546));
    for (let i = held.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [held[i], held[j]] = [held[j], held[i]];
    }
    for (const row of held) w.write(row);
  }
  const { bytes, sha256 } = w.close();
  return writeSidecar(file, { params, bytes, sha256, dataRows }, regions);
}

// ---------------------------------------------------------------------------------------------
// Modes

const MODE_SALT = { regions: 0x52454731, institutions: 0x494e5354, district: 0x44495354 };

/** `count` county rows with their totals filled (each the sum of ~330 simulated institutions). */
export function generateRegions({ out, count = 3000, seed = DEFAULT_SEED, year = DEFAULT_YEAR }) {
  const rng = mulberry32(mix(seed, MODE_SALT.regions));
  const counties = makeCounties(rng, count);
  counties.forEach((c, i) => {
    c.seed = mix(seed, MODE_SALT.regions, i + 1);
    const n = Math.round(AVG_INSTITUTIONS_PER_COUNTY * countyWeight(rng));
    c.scale = n / AVG_INSTITUTIONS_PER_COUNTY;
    c.composition = countyComposition(n);
    c.year = year;
  });
  const params = { mode: "regions", count, seed, year };
  const w = new ChunkWriter(out);
  w.write(HEADER);
  const regions = [];
  for (const c of counties) {
    const { sums, groupStaff } = walkCounty(c, null);
    setPopulation(c, sums[H.phys]);
    w.write(`${c.code},${c.name},${year},,,,${c.population},${c.rural},${sums.join(",")}\n`);
    regions.push(sidecarRegion(c, sums, groupStaff, 0));
  }
  const { bytes, sha256 } = w.close();
  return writeSidecar(out, { params, bytes, sha256, dataRows: counties.length }, regions);
}

/** County size weight: 0.45-1.55, mean 1. */
function countyWeight(rng) {
  return 0.45 + (1.1 * (rng() + rng() + rng())) / 3;
}

/**
 * `rows` data rows: one region row per county, then ~330 institution rows per county (or `counties` counties of
 * whatever size gives `rows`), grouped by county, or (`shuffled`) every row in a seeded random order.
 */
export function generateInstitutions({ out, rows, seed = DEFAULT_SEED, year = DEFAULT_YEAR, counties: countyCount, shuffled = false }) {
  if (!Number.isInteger(rows) || rows < 2) throw new Error("--rows must be an integer >= 2");
  const rng = mulberry32(mix(seed, MODE_SALT.institutions));
  const nCounties = countyCount ?? Math.max(1, Math.round(rows / (AVG_INSTITUTIONS_PER_COUNTY + 1)));
  if (nCounties * 2 > rows) throw new Error("--counties must leave at least one institution row per county");
  const nInstitutions = rows - nCounties;
  const counties = makeCounties(rng, nCounties);
  const weights = counties.map(() => countyWeight(rng));
  const wsum = weights.reduce((a, b) => a + b, 0);
  // largest remainder, so the file has exactly `rows` data rows
  const exact = weights.map((w) => (nInstitutions * w) / wsum);
  const sizes = exact.map(Math.floor);
  let left = nInstitutions - sizes.reduce((a, b) => a + b, 0);
  const order = exact.map((_, i) => i).sort((a, b) => (exact[b] - sizes[b]) - (exact[a] - sizes[a]) || a - b);
  for (let k = 0; left > 0; k++, left--) sizes[order[k % order.length]]++;
  counties.forEach((c, i) => {
    c.seed = mix(seed, MODE_SALT.institutions, i + 1);
    c.scale = Math.max(0.3, sizes[i] / AVG_INSTITUTIONS_PER_COUNTY);
    c.composition = countyComposition(sizes[i]);
  });
  const params = { mode: "institutions", rows, seed, year, ...(countyCount ? { counties: countyCount } : {}), ...(shuffled ? { order: "shuffled" } : {}) };
  return writeInstitutionFile(out, counties, year, params, { shuffle: shuffled });
}

/** One urban district: region row (population filled, headcounts empty) + 40 institutions. */
export function generateDistrict({ out, seed = DEFAULT_SEED, year = DEFAULT_YEAR }) {
  const rng = mulberry32(mix(seed, MODE_SALT.district));
  const [c] = makeCounties(rng, 1, new Set(), new Set(), "区");
  c.seed = mix(seed, MODE_SALT.district, 1);
  c.scale = 1.3;
  c.composition = [
    [T.public_hospital, 2], [T.tcm_hospital, 1], [T.private_hospital, 4], [T.township_hospital, 2],
    [T.community_health_center, 6], [T.community_health_station, 13], [T.village_clinic, 8],
    [T.cdc, 1], [T.mch, 1], [T.other_public_health, 2],
  ];
  return writeInstitutionFile(out, [c], year, { mode: "district", seed, year });
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseCount(s, flag) {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(String(s ?? ""));
  if (!m) throw new Error(`${flag} expects a number such as 10000, 10k or 1M (got ${s})`);
  const n = Number(m[1]) * (m[2] ? (m[2].toLowerCase() === "k" ? 1e3 : 1e6) : 1);
  if (!Number.isInteger(n)) throw new Error(`${flag} must be a whole number (got ${s})`);
  return n;
}

function usage() {
  return [
    "usage:",
    "  node bench/generate.mjs regions      [--count 3000] --out FILE [--seed S] [--year 2024]",
    "  node bench/generate.mjs institutions --rows N       --out FILE [--seed S] [--year 2024] [--counties C] [--order grouped|shuffled]",
    "  node bench/generate.mjs district                    --out FILE [--seed S] [--year 2024]",
    "N accepts 10000, 10k, 1M. Writes FILE and FILE.totals.json.",
  ].join("\n");
}

export function main(argv) {
  const [mode, ...rest] = argv;
  const opts = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith("--")) throw new Error(`unexpected argument ${a}\n${usage()}`);
    const [k, inline] = a.slice(2).split("=", 2);
    opts[k] = inline ?? rest[++i];
    if (opts[k] === undefined) throw new Error(`--${k} needs a value`);
  }
  for (const k of Object.keys(opts)) {
    if (!["out", "seed", "year", "count", "rows", "counties", "order"].includes(k)) throw new Error(`unknown option --${k}\n${usage()}`);
  }
  if (!["regions", "institutions", "district"].includes(mode)) throw new Error(usage());
  if (!opts.out) throw new Error(`--out FILE is required\n${usage()}`);
  const out = path.resolve(opts.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const seed = parseSeed(opts.seed);
  const year = opts.year ? parseCount(opts.year, "--year") : DEFAULT_YEAR;
  const t0 = process.hrtime.bigint();
  let doc;
  if (mode === "regions") doc = generateRegions({ out, count: opts.count ? parseCount(opts.count, "--count") : 3000, seed, year });
  else if (mode === "institutions") {
    if (opts.order !== undefined && !["grouped", "shuffled"].includes(opts.order)) throw new Error("--order is grouped or shuffled");
    doc = generateInstitutions({
      out,
      rows: parseCount(opts.rows, "--rows"),
      seed,
      year,
      ...(opts.counties ? { counties: parseCount(opts.counties, "--counties") } : {}),
      shuffled: opts.order === "shuffled",
    });
  }
  else doc = generateDistrict({ out, seed, year });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const g = doc.grandTotals;
  process.stderr.write(
    `${path.relative(process.cwd(), out)}: ${doc.dataRows} data rows (${doc.regionRows} regions), ` +
      `${(doc.bytes / 1e6).toFixed(1)} MB in ${s.toFixed(2)} s; population ${g.population}, ` +
      `physicians ${g.physicians} (${((g.physicians * 1000) / g.population).toFixed(2)}/1000), sha256 ${doc.sha256.slice(0, 16)}\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`generate: ${e.message}\n`);
    process.exit(2);
  }
}
