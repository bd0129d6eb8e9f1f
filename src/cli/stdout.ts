import { fstatSync, writeSync } from "node:fs";
import { EXIT, UsageError, describeFsError } from "../errors.js";

let toFile: boolean | undefined;

/**
 * Whether standard output is a regular file (gap check … > report.json). The CLI then writes to the descriptor
 * itself, as Node's own stream for a file does: only process.stdout would load Node's stream modules, a few
 * milliseconds of every short run.
 */
function stdoutIsFile(): boolean {
  if (toFile === undefined) {
    try {
      toFile = fstatSync(1).isFile();
    } catch {
      toFile = false;
    }
  }
  return toFile;
}

let stream: NodeJS.WriteStream | undefined;

/**
 * process.stdout, for a terminal, a pipe or a device: a closed pipe (gap check … | head) is the reader's choice, not
 * a failure; any other failed write (a full disk) is one line on standard error and exit 2.
 */
function stdoutStream(): NodeJS.WriteStream {
  if (!stream) {
    stream = process.stdout;
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      process.stderr.write(`gap: cannot write standard output: ${describeFsError(error)}\n`);
      process.exit(EXIT.cannotRun);
    });
  }
  return stream;
}

export function stdoutIsTerminal(): boolean {
  return !stdoutIsFile() && Boolean(stdoutStream().isTTY);
}

/** Writes all of a part to a file descriptor (a write may take fewer bytes than it is given). */
export function writeAllSync(fd: number, part: string | Uint8Array): void {
  const bytes = typeof part === "string" ? Buffer.from(part, "utf8") : part;
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Writes one part to standard output; the part is written (or handed to the stream) when the promise settles. */
export function writeStdout(part: string | Uint8Array): Promise<void> {
  if (stdoutIsFile()) {
    try {
      writeAllSync(1, part);
    } catch (error) {
      throw new UsageError(`cannot write standard output: ${describeFsError(error)}`);
    }
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => stdoutStream().write(part, () => resolve()));
}
