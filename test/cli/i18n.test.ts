import { describe, expect, it } from "vitest";
import { detectLang, langArgument, systemLocale, translateError } from "../../src/cli/i18n.js";

describe("the language: --lang, GAP_LANG, the POSIX locale, then the system's", () => {
  const none = () => undefined;
  const cases: Array<[string, string | undefined, Record<string, string>, string | undefined, "zh" | "en"]> = [
    ["--lang wins over everything", "en", { GAP_LANG: "zh", LANG: "zh_CN.UTF-8" }, "zh-CN", "en"],
    ["GAP_LANG over the locale", undefined, { GAP_LANG: "zh", LANG: "en_US.UTF-8" }, "en-US", "zh"],
    ["LANG zh_CN", undefined, { LANG: "zh_CN.UTF-8" }, "en-US", "zh"],
    ["LANG zh_TW", undefined, { LANG: "zh_TW.UTF-8" }, undefined, "zh"],
    ["LC_ALL over LANG", undefined, { LC_ALL: "en_GB.UTF-8", LANG: "zh_CN.UTF-8" }, undefined, "en"],
    ["LC_MESSAGES over LANG", undefined, { LC_MESSAGES: "zh_CN.GB18030", LANG: "en_US.UTF-8" }, undefined, "zh"],
    ["Chinese Windows: no LANG, the system locale is zh-CN", undefined, {}, "zh-CN", "zh"],
    ["Chinese Windows: the system locale zh-Hans-CN", undefined, {}, "zh-Hans-CN", "zh"],
    ["LANG=C says nothing: the system locale decides", undefined, { LANG: "C.UTF-8" }, "zh-CN", "zh"],
    ["nothing known: English", undefined, {}, undefined, "en"],
    ["an English system", undefined, {}, "en-US", "en"],
  ];
  for (const [what, option, env, system, lang] of cases) {
    it(what, () => expect(detectLang(option, env, system === undefined ? none : () => system)).toBe(lang));
  }

  it("asks the runtime for the system locale on Windows only: elsewhere it is made from the variables above", () => {
    expect(systemLocale("linux")).toBeUndefined();
    expect(systemLocale("darwin")).toBeUndefined();
    expect(typeof systemLocale("win32")).toBe("string");
  });

  it("finds --lang among the arguments before they are parsed", () => {
    expect(langArgument(["check", "--lang", "zh", "x.csv"])).toBe("zh");
    expect(langArgument(["check", "--lang=en"])).toBe("en");
    expect(langArgument(["check", "--", "--lang", "zh"])).toBeUndefined();
  });
});

describe("errors in Chinese", () => {
  const cases: Array<[string, string]> = [
    ["error: unknown option '--wdith'\n(Did you mean --width?)", "错误：未知选项 '--wdith'\n（是否应为 --width？）"],
    ["error: option '-f, --format <format>' argument 'pdf' is invalid. Allowed choices are table, json.", "错误：选项 '-f, --format <format>' 的取值 'pdf' 无效，可选值为 table, json。"],
    ["cannot read x.csv: no such file or directory", "无法读取 x.csv：文件或目录不存在"],
    ["--horizon 2020: must be after the data's latest year (2024)", "--horizon 2020：应晚于数据的最新年份（2024）"],
    ["--attrition «x»: expected a rate such as 0.02 or 2%", "--attrition «x»：应为比率，如 0.02 或 2%"],
    ["-o data.csv: it is the input data.csv; write the result to another file", "-o data.csv：它就是输入文件 data.csv；请把结果写到另一个文件"],
    ["-o d.csv: it is the input (standard input); write the result to another file", "-o d.csv：它就是输入（标准输入）；请把结果写到另一个文件"],
    ["cannot write r.json: it is a symbolic link to gone.json, which does not exist (not replaced)", "无法写入 r.json：它是指向 gone.json 的符号链接，而该文件不存在（未替换）"],
    ["bad targets file big.json: larger than 10485760 bytes", "目标文件有误 big.json：超过 10485760 字节"],
    ["--region «53x»: expected a region code or its start, such as 5301 or 530114", "--region «53x»：应为行政区划代码或其开头，如 5301 或 530114"],
    ["no region in a.csv, b.csv has a code starting with 5302 (--region)", "a.csv, b.csv 中没有代码以 5302 开头的地区（--region）"],
    ["standard input (-) can be read once", "标准输入（-）只能读取一次"],
    [
      "--format xlsx: the 计划 sheet would have 1,100,001 rows, and a sheet shows at most 1,048,576: take part of the file with --region, plan to a nearer --horizon, or use --format csv",
      "--format xlsx：计划表将有 1,100,001 行，而一个工作表最多显示 1,048,576 行：请用 --region 取其一部分、用更近的 --horizon，或改用 --format csv",
    ],
  ];
  for (const [en, zh] of cases) it(en.split("\n")[0]!, () => expect(translateError(en, "zh")).toBe(zh));
  it("English stays as it is", () => expect(translateError("cannot read x: permission denied", "en")).toBe("cannot read x: permission denied"));
});
