import { main } from "./main.js";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // a closed pipe (gap check … | head) is the reader's choice, not a failure
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

void main(process.argv);
