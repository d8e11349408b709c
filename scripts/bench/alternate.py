#!/usr/bin/env python3
"""Times several commands in alternation, so a change in the machine's load hits them all.

    alternate.py --rounds N --out FILE.json NAME=REPS=CMD [NAME=REPS=CMD ...]

Each round runs every command in the order given, REPS times in a row (after one untimed
warm-up run of each before the first round). A spec written +NAME=REPS=CMD joins the command
before it in a group whose runs interleave: in pass k of the group, each of its commands with
more than k REPS runs once, in order. Then no command of the group always runs first after
whatever came before (a long run of another program, a pause): on a virtual machine the
first runs after such a change are slower (fresh memory costs more), and a command always
placed there would carry that alone. Each run is one process (sh -c CMD, stdout and
stderr discarded); its wall time, its CPU time (user + system, children included) and its peak
resident set size (wait4, like GNU time's %M) are recorded. Exit statuses 0 and 1 (findings)
are accepted; anything else stops the script.

Writes FILE.json: {"load": [1-minute load average before, after], "commands": {NAME: {"cmd",
"wall": [s...], "cpu": [s...], "rss_kib": [...], "median_wall", "median_cpu", "min_wall",
"max_wall", "max_rss_kib", "runs"}}} and prints one line per command.
"""

import json
import os
import statistics
import subprocess
import sys
import time


def run_once(cmd):
    start = time.perf_counter()
    child = subprocess.Popen(
        ["sh", "-c", cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"alternate.py: exit {code} from: {cmd}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main(argv):
    rounds, out, specs = 3, None, []
    while argv:
        arg = argv.pop(0)
        if arg == "--rounds":
            rounds = int(argv.pop(0))
        elif arg == "--out":
            out = argv.pop(0)
        else:
            name, reps, cmd = arg.split("=", 2)
            joins = name.startswith("+") and bool(specs)
            specs.append((name.lstrip("+"), int(reps), cmd, joins))
    if not specs or out is None:
        sys.exit(__doc__)
    results = {name: {"cmd": cmd, "wall": [], "cpu": [], "rss_kib": []} for name, _, cmd, _ in specs}
    groups = []
    for name, reps, cmd, joins in specs:
        if joins:
            groups[-1].append((name, reps, cmd))
        else:
            groups.append([(name, reps, cmd)])
    load_before = os.getloadavg()[0]
    for _, _, cmd, _ in specs:
        run_once(cmd)
    for _ in range(rounds):
        for group in groups:
            for k in range(max(reps for _, reps, _ in group)):
                for name, reps, cmd in group:
                    if k >= reps:
                        continue
                    wall, cpu, rss = run_once(cmd)
                    results[name]["wall"].append(wall)
                    results[name]["cpu"].append(cpu)
                    results[name]["rss_kib"].append(rss)
    for name, r in results.items():
        r.update(
            median_wall=statistics.median(r["wall"]),
            median_cpu=statistics.median(r["cpu"]),
            min_wall=min(r["wall"]),
            max_wall=max(r["wall"]),
            max_rss_kib=max(r["rss_kib"]),
            runs=len(r["wall"]),
        )
        print(
            f"  {name}: median {r['median_wall'] * 1000:.0f} ms wall, {r['median_cpu'] * 1000:.0f} ms CPU "
            f"(min {r['min_wall'] * 1000:.0f}, max {r['max_wall'] * 1000:.0f} ms; {r['runs']} runs), "
            f"peak RSS {r['max_rss_kib'] / 1024:.1f} MiB"
        )
    document = {"load": [load_before, os.getloadavg()[0]], "commands": results}
    with open(out, "w") as f:
        json.dump(document, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
