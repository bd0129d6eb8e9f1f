import { requiredText, shortfallText, statusLabel, valueText } from "../../../labels.js";
import { annotation } from "../github.js";
import type { CheckView } from "./index.js";

/** Annotations on the region rows of the input: errors for binding shortfalls, warnings for advisory ones. */
export function githubFormatter({ result, file, lang }: CheckView): string {
  let out = "";
  for (const region of result.regions) {
    for (const e of region.evaluations) {
      if (e.status !== "short" && e.status !== "overdue" && e.status !== "advisory") continue;
      const short = shortfallText(e, lang);
      const message = `${region.name || region.code} ${region.year}: ${e.target.title[lang]} ${valueText(e.current, e.unit, lang)} / ${requiredText(e, lang)}${short ? (lang === "zh" ? `，缺 ${short}` : `, short by ${short}`) : ""} [${e.target.id}]`;
      out += annotation({
        level: e.status === "advisory" ? "warning" : "error",
        file,
        line: region.line,
        title: `gap ${statusLabel(e.status, lang)}`,
        message,
      });
    }
  }
  return out;
}
