/**
 * The language of the command line and its help and errors. Chosen before the arguments are parsed (the help is
 * built in it): `--lang`, then GAP_LANG, then the POSIX locale variables, then the system's locale as the runtime
 * reports it (what Chinese Windows gives, where LANG is not set).
 */
import type { Lang } from "../i18n/messages.js";

function fromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  if (/^zh/i.test(locale)) return "zh";
  // C and POSIX say nothing about the user's language
  if (/^(C|POSIX)([._@]|$)/i.test(locale)) return undefined;
  return "en";
}

/**
 * The locale the runtime reports for the system, or undefined where it cannot tell. Only Windows has one beyond the
 * POSIX variables: elsewhere the runtime's default locale is made from those same variables, and asking for it
 * loads the locale data (about 25 ms of a short run).
 */
export function systemLocale(platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform !== "win32") return undefined;
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return undefined;
  }
}

export function detectLang(option: string | undefined, env: NodeJS.ProcessEnv = process.env, system: () => string | undefined = () => systemLocale()): Lang {
  if (option === "zh" || option === "en") return option;
  const fromEnv = env.GAP_LANG?.toLowerCase();
  if (fromEnv === "zh" || fromEnv === "en") return fromEnv;
  // the first set variable decides, as in POSIX: LC_ALL over LC_MESSAGES over LANG
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"] as const) {
    const value = env[name];
    if (value) {
      const lang = fromLocale(value);
      if (lang) return lang;
      break;
    }
  }
  return fromLocale(system()) ?? "en";
}

/** `--lang X` or `--lang=X` among the arguments, before commander has parsed them. */
export function langArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") break;
    if (arg === "--lang") return argv[i + 1];
    if (arg.startsWith("--lang=")) return arg.slice(7);
  }
  return undefined;
}

/** Picks the text of the language. */
export function say(lang: Lang, zh: string, en: string): string {
  return lang === "zh" ? zh : en;
}

const titles: Record<string, string> = {
  "Usage:": "用法：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Arguments:": "参数：",
  "Global Options:": "全局选项：",
};

export function helpTitle(title: string, lang: Lang): string {
  return lang === "zh" ? (titles[title] ?? title) : title;
}

/** Commander's own errors (unknown option, missing argument, bad choice) and the CLI's one-line errors, in Chinese. */
const errorPatterns: Array<[RegExp, string]> = [
  [/^error: unknown option '(.*?)'/, "错误：未知选项 '$1'"],
  [/^error: unknown command '(.*?)'/, "错误：未知命令 '$1'"],
  [/^error: missing required argument '(.*?)'/, "错误：缺少必需参数 '$1'"],
  [/^error: option '(.*?)' argument missing/, "错误：选项 '$1' 缺少取值"],
  [/^error: option '(.*?)' argument '(.*?)' is invalid\. Allowed choices are (.*?)\./, "错误：选项 '$1' 的取值 '$2' 无效，可选值为 $3。"],
  [/^error: option '(.*?)' argument '(.*?)' is invalid\./, "错误：选项 '$1' 的取值 '$2' 无效。"],
  [/^error: too many arguments(?: for '(.*?)')?\. Expected (\d+) arguments? but got (\d+)\./, "错误：参数过多，应为 $2 个，实际 $3 个。"],
  [/^error: required option '(.*?)' not specified/, "错误：未指定必需选项 '$1'"],
  [/\(Did you mean one of (.*?)\?\)/, "（是否应为以下之一：$1？）"],
  [/\(Did you mean (.*?)\?\)/, "（是否应为 $1？）"],
  [/^\(run gap (\w+ )?--help for usage\)/, "（运行 gap $1--help 查看用法）"],
  [/^cannot read targets file (.*?): /, "无法读取目标文件 $1："],
  [/^cannot read (.*?): /, "无法读取 $1："],
  [/^cannot write standard output: /, "无法写入标准输出："],
  [/^cannot write (.*?): /, "无法写入 $1："],
  [/no such file or directory/, "文件或目录不存在"],
  [/permission denied/, "权限不足"],
  [/it is a directory/, "这是一个目录"],
  [/a part of the path is not a directory/, "路径中有一部分不是目录"],
  [/^bad targets file:/, "目标文件有误："],
  [/^unknown template «(.*?)»: known templates are (.*)$/, "未知模板 «$1»：可用模板为 $2"],
  [/^(--[\w-]+) «(.*?)»: expected a rate such as 0\.02 or 2%/, "$1 «$2»：应为比率，如 0.02 或 2%"],
  [/^(--[\w-]+) «(.*?)»: expected a yearly rate between -100% and 100%/, "$1 «$2»：年增长率应在 -100% 与 100% 之间"],
  [/^(--[\w-]+) «(.*?)»: expected a year such as 2027/, "$1 «$2»：应为年份，如 2027"],
  [/^(--[\w-]+) «(.*?)»: expected a share of staff from 0 to 100%/, "$1 «$2»：应为 0 到 100% 之间的人员比例"],
  [/^(--[\w-]+) «(.*?)»: expected a whole number of columns from (\d+)/, "$1 «$2»：应为不小于 $3 的列数"],
  [/^--horizon (\d+): must be after the data's latest year \((\d+)\)/, "--horizon $1：应晚于数据的最新年份（$2）"],
  [/^--horizon (\d+): must not be before the plan's first year \((\d+)\)/, "--horizon $1：不应早于计划的第一年（$2）"],
  [/^--from (\d+): must be after the data's year \((\d+)\)/, "--from $1：应晚于数据年份（$2）"],
  [/^SOURCE_DATE_EPOCH «(.*?)»: expected whole seconds since 1970-01-01/, "SOURCE_DATE_EPOCH «$1»：应为自 1970-01-01 起的整秒数"],
  [/^--region «(.*?)»: expected a 6-digit GB\/T 2260 code such as 530114/, "--region «$1»：应为 6 位行政区划代码，如 530114"],
  [/^reading standard input \(-\), but it is a terminal: pipe a file in/, "要读取标准输入（-），但它是终端：请用管道传入文件"],
  [/^-o (.*?): it is the input \(standard input\); write the result to another file/, "-o $1：它就是输入（标准输入）；请把结果写到另一个文件"],
  [/^-o (.*?): it is the input (.*?); write the result to another file/, "-o $1：它就是输入文件 $2；请把结果写到另一个文件"],
  [/\(standard input\)/, "（标准输入）"],
  [/it is a symbolic link to (.*?), which does not exist \(not replaced\)/, "它是指向 $1 的符号链接，而该文件不存在（未替换）"],
  [/it has (\d+) names \(hard links\), and replacing it would leave the others on the old content \(not replaced\)/, "它有 $1 个名称（硬链接），替换会使其他名称仍是旧内容（未替换）"],
  [/^bad targets file (.*?): larger than (\d+) bytes/, "目标文件有误 $1：超过 $2 字节"],
  [/^bad targets file /, "目标文件有误 "],
  [/^(--[\w-]+) «(.*?)»: expected a region code or its start, such as 5301 or 530114/, "$1 «$2»：应为行政区划代码或其开头，如 5301 或 530114"],
  [/^no region in (.*?) has a code starting with (.*?) \(--region\)/, "$1 中没有代码以 $2 开头的地区（--region）"],
  [/^standard input \(-\) can be read once/, "标准输入（-）只能读取一次"],
  [/^internal error: /, "内部错误："],
  [/^--sheet «(.*?)»: (.*?) (?:is a text file, not an|are text files, not) \.xlsx workbooks? with sheets/, "--sheet «$1»：$2 是文本文件，不是有工作表的 .xlsx 工作簿"],
  [/^--format xlsx writes a workbook: give -o FILE\.xlsx or redirect standard output to a file/, "--format xlsx 输出的是工作簿：请用 -o 文件名.xlsx，或把标准输出重定向到文件"],
  [
    /^--format xlsx: the (\S+) sheet would have ([\d,]+) rows, and a sheet shows at most ([\d,]+): take part of the file with --region, plan to a nearer --horizon, or use --format csv/,
    "--format xlsx：$1表将有 $2 行，而一个工作表最多显示 $3 行：请用 --region 取其一部分、用更近的 --horizon，或改用 --format csv",
  ],
];

/** An error line in the language; a message without a translation stays as it is. */
export function translateError(message: string, lang: Lang): string {
  if (lang === "en") return message;
  let out = message;
  for (const [pattern, zh] of errorPatterns) out = out.replace(pattern, zh);
  return out;
}
