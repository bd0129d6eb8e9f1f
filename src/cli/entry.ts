import { main } from "./main.js";

// A run is over when main() settles: what it wrote to standard output has been written (it waits for each write)
// and files are written synchronously. Ending the process there skips winding Node down, which in a short run is a
// young-generation collection V8 has scheduled for later and the freeing of the heap, a few milliseconds. Only on
// Linux, where writes to standard error (and help text to standard output) are synchronous for pipes as for files
// and terminals; elsewhere a pipe's may still be pending.
void main(process.argv).then(() => {
  if (process.platform === "linux") process.exit();
});
