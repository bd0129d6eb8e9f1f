"""The reference the 1M-row goal is measured against: pandas reads the file and sums every column by region code and
year, what `gap check` does before it evaluates anything. Prints the number of groups. Exit 3 when pandas is absent."""
import sys

try:
    import pandas as pd
except ImportError:
    print("pandas absent", file=sys.stderr)
    sys.exit(3)

import json
import os
import resource

frame = pd.read_csv(sys.argv[1], dtype={"行政区划代码": str})
sums = frame.groupby(["行政区划代码", "年份"]).sum(numeric_only=True)
print(len(sums))

# the same figures bench/probe.cjs writes for a node process: peak RSS in KiB, CPU time in microseconds
probe = os.environ.get("GAP_BENCH_PROBE")
if probe:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    with open(probe, "w") as out:
        json.dump({"maxRSS": usage.ru_maxrss, "userCPUTime": usage.ru_utime * 1e6, "systemCPUTime": usage.ru_stime * 1e6, "exitCode": 0}, out)
