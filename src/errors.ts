/** Every error gap throws on purpose is one of these: a library user can tell them from a bug with one instanceof. */
export class GapError extends Error {
  override name = "GapError";
}

/** A problem that stops a command before it can run: printed as one line, exit code 2. */
export class UsageError extends GapError {
  override name = "UsageError";
}

/**
 * A library function was given an argument or option it cannot work with: `option` names it as the caller wrote it
 * (`options.horizon`, `rows[3].population`), `value` is what was given.
 */
export class InvalidOptionError extends GapError {
  override name = "InvalidOptionError";
  constructor(
    readonly option: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(`${option}: ${describeValue(value)}: expected ${expected}`);
  }
}

/** A short, printable rendering of any value, for messages: never the whole of a huge string. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null || value === undefined) return String(value);
  if (typeof value === "symbol" || typeof value === "function") return `a ${typeof value}`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
}

export const EXIT = {
  ok: 0,
  findings: 1,
  cannotRun: 2,
} as const;

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a directory";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
