import { requiredText, shortfallText, statusLabel, valueText } from "../../../i18n/labels.js";
import { diagnosticAnnotations } from "../diagnostics.js";
import { annotation } from "../github.js";
import type { StreamFormatFactory } from "./stream.js";

/**
 * Annotations on the input's lines: first its warnings, where they are, then on each region's row an error for each
 * binding shortfall and a warning for each advisory one, worst region first. One text per region, written when it is
 * checked.
 */
export const githubFormat: StreamFormatFactory<null> = ({ file }) => ({
  sections: 1,
  region(region, lang) {
    let out = "";
    for (const e of region.evaluations) {
      if (e.status !== "short" && e.status !== "overdue" && e.status !== "advisory") continue;
      const short = shortfallText(e, lang);
      const message = `${region.name || region.code} ${region.year}: ${e.target.title[lang]} ${valueText(e.current, e.unit, lang)} / ${requiredText(e, lang)}${short ? (lang === "zh" ? `，缺 ${short}` : `, short by ${short}`) : ""} [${e.target.id}]`;
      out += annotation({ level: e.status === "advisory" ? "warning" : "error", file, line: region.line, title: `gap ${statusLabel(e.status, lang)}`, message });
    }
    return { texts: [out], note: null };
  },
  *frame(summary, _file, lang, worstFirst) {
    yield diagnosticAnnotations(summary.input?.diagnostics ?? [], lang);
    yield { section: 0, order: worstFirst, separator: "" };
  },
});
