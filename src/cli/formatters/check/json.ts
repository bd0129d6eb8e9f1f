import { report } from "../../../report.js";
import type { CheckView } from "./index.js";

export function jsonFormatter({ result, file, lang }: CheckView): string {
  return `${JSON.stringify(report(result, file, lang), null, 2)}\n`;
}
