import { neutralise } from "./text.js";

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, escaped as the runner requires. */

/** Control characters and escape sequences are shown, not passed to the log (and line breaks stay escaped). */
function escapeData(s: string): string {
  return neutralise(s, true).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export interface Annotation {
  level: "error" | "warning" | "notice";
  file: string;
  line?: number;
  column?: number;
  title: string;
  message: string;
}

export function annotation(a: Annotation): string {
  const props = [`file=${escapeProperty(a.file)}`];
  if (a.line !== undefined) props.push(`line=${a.line}`);
  if (a.column !== undefined) props.push(`col=${a.column}`);
  props.push(`title=${escapeProperty(a.title)}`);
  return `::${a.level} ${props.join(",")}::${escapeData(a.message)}\n`;
}
