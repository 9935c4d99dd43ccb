"""pandas.read_csv on the same CSV as atlas_bench_acled_import, for comparison.

Needs python3-pandas (Debian); in the build root: tools/dev exec apt-get install -y python3-pandas
"""
import resource
import sys
import time

import pandas

path = sys.argv[1]
with open(path, "rb") as f:
    megabytes = len(f.read()) / 1e6
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for run in range(3):
    start = time.perf_counter()
    frame = pandas.read_csv(path)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"run {run}: {len(frame)} rows, {seconds:.2f} s, {megabytes / seconds:.1f} MB/s, "
          f"peak RSS growth {((peak - before) / 1024):.0f} MB (max over runs)")
    del frame
