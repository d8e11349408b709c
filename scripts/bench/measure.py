#!/usr/bin/env python3
"""Fallbacks for scripts/bench-extract when hyperfine or GNU time is not installed.

    measure.py time --runs N [--warmup K] [--prepare CMD] --export-json FILE CMD
        Runs CMD (with sh -c) N times after K warm-up runs, running PREPARE before each, and
        writes a hyperfine-shaped JSON ({"results": [{"command", "mean", "stddev", "median",
        "min", "max", "times"}]}). Exits 1 if CMD fails.
    measure.py rss CMD
        Runs CMD once and prints its peak resident set size in KiB (the largest single process
        among it and its children, like GNU time's %M).
"""

import json
import os
import statistics
import subprocess
import sys
import time


def run(cmd):
    r = subprocess.run(["sh", "-c", cmd])
    if r.returncode != 0:
        sys.exit(f"measure.py: command failed ({r.returncode}): {cmd}")


def time_cmd(argv):
    runs, warmup, prepare, out = 10, 0, None, None
    while argv and argv[0].startswith("--"):
        opt = argv.pop(0)
        val = argv.pop(0)
        if opt == "--runs":
            runs = int(val)
        elif opt == "--warmup":
            warmup = int(val)
        elif opt == "--prepare":
            prepare = val
        elif opt == "--export-json":
            out = val
        else:
            sys.exit(f"measure.py: unknown option {opt}")
    cmd = " ".join(argv)
    for _ in range(warmup):
        if prepare:
            run(prepare)
        run(cmd)
    times = []
    for _ in range(runs):
        if prepare:
            run(prepare)
        t0 = time.perf_counter()
        run(cmd)
        times.append(time.perf_counter() - t0)
    res = {
        "command": cmd,
        "mean": statistics.fmean(times),
        "stddev": statistics.stdev(times) if len(times) > 1 else 0.0,
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "times": times,
    }
    print(f"  {cmd}\n    mean {res['mean']:.3f} s ± {res['stddev']:.3f} s ({runs} runs)")
    if out:
        with open(out, "w") as f:
            json.dump({"results": [res]}, f, indent=2)


def rss_cmd(argv):
    pid = os.fork()
    if pid == 0:
        os.execvp("sh", ["sh", "-c", "exec " + " ".join(argv)])
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"measure.py: command failed: {' '.join(argv)}")
    # ru_maxrss of wait4 covers the process and its waited-for descendants (largest one).
    print(usage.ru_maxrss)


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("time", "rss"):
        sys.exit(__doc__)
    {"time": time_cmd, "rss": rss_cmd}[sys.argv[1]](sys.argv[2:])
