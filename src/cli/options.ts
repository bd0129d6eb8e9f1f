import { Option } from "commander";
import type { Lang } from "../messages.js";
import { colorLevel, painter, type Paint } from "./color.js";
import { UsageError } from "../errors.js";
import { EARLIEST_PLAN_YEAR, LATEST_PLAN_YEAR } from "../plan-options.js";
import { stdoutIsTerminal } from "./stdout.js";

export interface CommonOptions {
  lang?: string;
  color?: boolean;
  output?: string;
}

export const langOption = () =>
  new Option("--lang <lang>", "language of the output: zh or en (default: GAP_LANG, else zh when LANG is Chinese, else en)").choices(["zh", "en"]);
export const outputOption = () => new Option("-o, --output <path>", "write the result to PATH (atomically) instead of standard output");

export function resolveLang(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (option === "zh" || option === "en") return option;
  const fromEnv = env.GAP_LANG;
  if (fromEnv === "zh" || fromEnv === "en") return fromEnv;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(locale) ? "zh" : "en";
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

export const regionOption = () =>
  new Option("--region <code>", "only the regions whose code starts with CODE, e.g. 5301 (repeatable)").argParser(collectRegion).default([]);
export const sheetOption = () => new Option("--sheet <name>", "the sheet of an .xlsx workbook to read (default: the first)");
