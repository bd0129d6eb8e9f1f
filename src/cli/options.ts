import { Option } from "commander";
import type { Lang } from "../i18n/messages.js";
import { colorLevel, painter, type Paint } from "./color.js";
import { UsageError } from "../errors.js";
import { EARLIEST_PLAN_YEAR, LATEST_PLAN_YEAR } from "../plan/options.js";
import { stdoutIsTerminal } from "./stdout.js";
import { detectLang, say } from "./i18n.js";

export interface CommonOptions {
  lang?: string;
  color?: boolean;
  output?: string;
  width?: string;
  bom?: boolean;
}

export const langOption = (lang: Lang = "en") =>
  new Option(
    "--lang <lang>",
    say(lang, "输出语言：zh 或 en（默认依次取 GAP_LANG、LC_ALL/LC_MESSAGES/LANG、系统区域设置）", "language of the output: zh or en (default: GAP_LANG, then LC_ALL/LC_MESSAGES/LANG, then the system locale)"),
  ).choices(["zh", "en"]);
export const outputOption = (lang: Lang = "en") =>
  new Option("-o, --output <path>", say(lang, "将结果（原子地）写入 PATH 而非标准输出；未指定 --format 时按扩展名选择格式", "write the result to PATH (atomically) instead of standard output; its extension picks the format when --format is not given"));
export const widthOption = (lang: Lang = "en") =>
  new Option("--width <columns>", say(lang, "表格的最大宽度（默认：终端宽度，输出到文件或管道时为 COLUMNS 或 100）", "the most columns a table may take (default: the terminal's width; COLUMNS or 100 for a file or a pipe)"));
export const bomOption = (lang: Lang = "en") =>
  new Option("--no-bom", say(lang, "CSV 开头不加 UTF-8 BOM（供脚本处理；Excel 需要 BOM 才能正确识别中文）", "no UTF-8 byte order mark at the start of CSV (for pipelines; Excel needs it to read Chinese right)"));

export function resolveLang(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  return detectLang(option, env);
}

/** The width of table output: --width, the terminal's, COLUMNS for a file or a pipe, else a readable default. */
export function resolveWidth(options: Pick<CommonOptions, "width" | "output">, fallback = 100): number {
  if (options.width !== undefined) {
    const text = options.width.trim();
    if (!/^\d+$/.test(text) || Number(text) < 40) throw new UsageError(`--width «${options.width}»: expected a whole number of columns from 40`);
    return Number(text);
  }
  const toFile = options.output !== undefined && options.output !== "-";
  if (!toFile && stdoutIsTerminal() && process.stdout.columns > 0) return Math.max(40, process.stdout.columns);
  const columns = Number(process.env.COLUMNS);
  return Number.isInteger(columns) && columns >= 40 ? columns : fallback;
}

/** The format an output path's extension implies, among those the command offers. */
export function formatOfPath(path: string | undefined, offered: readonly string[]): string | undefined {
  if (path === undefined || path === "-") return undefined;
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const byExtension: Record<string, string> = { json: "json", csv: "csv", md: "markdown", markdown: "markdown", html: "html", htm: "html", xlsx: "xlsx", txt: "table" };
  const format = ext ? byExtension[ext] : undefined;
  return format && offered.includes(format) ? format : undefined;
}

/** Colour only for a terminal on standard output, never for a file written with --output. */
export function resolvePaint(options: CommonOptions): Promise<Paint> {
  const toFile = options.output !== undefined && options.output !== "-";
  return painter(toFile ? 0 : colorLevel(options, process.env, stdoutIsTerminal()));
}

export function parseRate(name: string, raw: string): number {
  const text = raw.trim();
  const percent = text.endsWith("%");
  const value = Number(percent ? text.slice(0, -1) : text);
  if (!/^-?\d+(\.\d+)?%?$/.test(text) || !Number.isFinite(value)) {
    throw new UsageError(`${name} «${raw}»: expected a rate such as 0.02 or 2%`);
  }
  const rate = percent ? value / 100 : value;
  if (rate <= -1 || rate >= 1) throw new UsageError(`${name} «${raw}»: expected a yearly rate between -100% and 100%`);
  return rate;
}

export function parseYearOption(name: string, raw: string): number {
  const year = Number(raw.trim());
  if (!/^\d{4}$/.test(raw.trim()) || year < EARLIEST_PLAN_YEAR || year > LATEST_PLAN_YEAR) {
    throw new UsageError(`${name} «${raw}»: expected a year such as 2027 (${EARLIEST_PLAN_YEAR} to ${LATEST_PLAN_YEAR})`);
  }
  return year;
}

/** --region CODE: a GB/T 2260 code or the start of one (53 Yunnan, 5301 Kunming, 530114 呈贡区); repeatable. */
export function collectRegion(value: string, previous: string[]): string[] {
  const code = value.trim();
  if (!/^\d{2,6}$/.test(code)) throw new UsageError(`--region «${value}»: expected a region code or its start, such as 5301 or 530114`);
  return [...previous, code];
}

export const regionOption = (lang: Lang = "en") =>
  new Option("--region <code>", say(lang, "只检查代码以 CODE 开头的地区，如 5301（可重复）", "only the regions whose code starts with CODE, e.g. 5301 (repeatable)")).argParser(collectRegion).default([]);
export const sheetOption = (lang: Lang = "en") =>
  new Option("--sheet <name>", say(lang, "读取 .xlsx 工作簿中的哪张工作表（默认：第一张）", "the sheet of an .xlsx workbook to read (default: the first)"));
