// Preloaded by bench/run.mjs into every measured process:
//   GAP_BENCH_PROBE=/tmp/x.json node --require /abs/bench/probe.cjs bin/gap.js ...
// On 'exit' it writes the process's own resource usage, so the benchmark needs no GNU time.
// maxRSS is in KiB, userCPUTime and systemCPUTime in microseconds (process.resourceUsage()).
// Nothing is written when the process dies from a signal.
"use strict";
const out = process.env.GAP_BENCH_PROBE;
if (out) {
  process.on("exit", (code) => {
    const r = process.resourceUsage();
    try {
      require("fs").writeFileSync(
        out,
        JSON.stringify({ maxRSS: r.maxRSS, userCPUTime: r.userCPUTime, systemCPUTime: r.systemCPUTime, exitCode: code }),
      );
    } catch {
      // never change the measured process's behaviour
    }
  });
}
