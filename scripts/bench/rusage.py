#!/usr/bin/env python3
"""Runs one command and reports what it cost, for scripts/bench-scale.

    rusage.py [--timeout SECONDS] CMD [ARG...]

Prints one line of JSON: {"wall": s, "user": s, "sys": s, "max_rss_kib": n, "status": n,
"timed_out": bool}: wall-clock time, the command's own CPU time and peak resident set size
(wait4 of the child, like GNU time's %M; it includes the few MiB of the forking Python before
exec). A command that runs past the timeout is killed (SIGKILL) and reported with timed_out
true. The command's stdout and stderr are discarded.
"""

import json
import os
import subprocess
import sys
import time

argv = sys.argv[1:]
timeout = None
if argv[:1] == ["--timeout"]:
    timeout = float(argv[1])
    argv = argv[2:]
start = time.perf_counter()
# close_fds=False lets Python spawn with posix_spawn/vfork: no copy of this process's memory.
child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False)
timed_out = False
while True:
    pid, status, usage = os.wait4(child.pid, os.WNOHANG)
    if pid:
        break
    if timeout is not None and time.perf_counter() - start > timeout:
        timed_out = True
        child.kill()
        _, status, usage = os.wait4(child.pid, 0)
        break
    time.sleep(0.01)
wall = time.perf_counter() - start
print(json.dumps({
    "wall": round(wall, 2),
    "user": round(usage.ru_utime, 2),
    "sys": round(usage.ru_stime, 2),
    "max_rss_kib": usage.ru_maxrss,
    "status": os.waitstatus_to_exitcode(status),
    "timed_out": timed_out,
}))
