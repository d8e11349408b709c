#!/usr/bin/env python3
"""Generate a 10,000-message locale and time `kurso review` on it (used by scripts/bench-review).

    review_bench.py gen OUT_PROJECT [--modules 100] [--paragraphs 99]
    review_bench.py time URL PID OUT_MD [--saves 30]

`gen` writes a project with one course of MODULES modules, each a heading and PARAGRAPHS
paragraphs with inline code, a link and a dose (so every message has inline codes), targeting
lt. `time` measures, against a running `kurso review` at URL (process PID): the queue API and
the queue page, each cold (first request) and warm (median of 5), a save round trip (POST
save of a new text, median and worst of SAVES), and the server's peak memory (VmHWM).
"""

import argparse
import json
import re
import statistics
import sys
import time
import urllib.request
from pathlib import Path


def gen(args):
    out = Path(args.out)
    (out / "courses/bench").mkdir(parents=True, exist_ok=True)
    (out / "kurso.toml").write_text('source-locale = "en"\ntarget-locales = ["lt"]\n')
    for m in range(1, args.modules + 1):
        lines = [f"# Module {m}: dosing and monitoring\n"]
        for p in range(1, args.paragraphs + 1):
            lines.append(
                f"Paragraph {p} of module {m}: give `dose_{p}_mg` of {p % 40 + 1} mg and see "
                f"[the leaflet {p}](https://example.org/m{m}/p{p}) before the next cycle.\n"
            )
        (out / f"courses/bench/{m:03d}-module.md").write_text("\n".join(lines))


def request(url, data=None, headers=None):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as err:
        body, status = err.read(), err.code
    return time.perf_counter() - start, status, body


def vmhwm(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timing(args):
    url = args.url.rstrip("/") + "/"
    rows = []
    cold, status, body = request(url + "api/locale/lt/queue")
    assert status == 200, body[:300]
    queue = json.loads(body)
    warm = statistics.median(request(url + "api/locale/lt/queue")[0] for _ in range(5))
    rows.append(("queue API (`GET /api/locale/lt/queue`, every message read from disk and checked)", cold, warm))
    cold_page, status, page = request(url + "locale/lt")
    assert status == 200
    warm_page = statistics.median(request(url + "locale/lt")[0] for _ in range(5))
    rows.append(("queue page (`GET /locale/lt`, 50 messages rendered)", cold_page, warm_page))
    csrf = re.search(rb'name="kurso-csrf" content="([0-9a-f]+)"', page).group(1).decode()
    origin = url.rstrip("/")
    headers = {"Content-Type": "application/json", "X-Kurso-Csrf": csrf, "Origin": origin}
    saves = []
    for item in queue["items"][: args.saves]:
        _, status, body = request(url + f"api/locale/lt/message?file={item['file']}&id={item['id']}")
        message = json.loads(body)
        unit = message["units"][0]
        english = "".join(s["chip"] or s["text"] for s in unit["english"])
        payload = json.dumps({
            "file": item["file"], "id": item["id"], "version": message["version"],
            "action": "save", "units": {unit["id"]: "Peržiūrėta: " + english},
        }).encode()
        elapsed, status, body = request(url + "api/locale/lt/save", payload, headers)
        assert status == 200, body[:300]
        saves.append(elapsed)
    peak = vmhwm(args.pid)
    total = queue["total"]
    with open(args.out, "w") as out:
        out.write("# bench-review\n\n")
        out.write(f"A locale of {total:,} messages (all machine drafts with inline codes), "
                  "`kurso review` in release mode on 127.0.0.1.\n\n")
        out.write("| what | first request | median of 5 after |\n|---|---:|---:|\n")
        for name, first, after in rows:
            out.write(f"| {name} | {first * 1000:.0f} ms | {after * 1000:.0f} ms |\n")
        out.write(f"\nSave round trip (`POST /api/locale/lt/save`: version check, the file read "
                  f"again, every check rule, `.ftl` and state written): median "
                  f"{statistics.median(saves) * 1000:.1f} ms, worst {max(saves) * 1000:.1f} ms "
                  f"over {len(saves)} saves.\n\n")
        out.write(f"Server peak memory (VmHWM): {peak:.0f} MB.\n\n")
        out.write("Targets (issue 10): the queue of a 10,000-message locale loads in under a "
                  "second; a save round trip well under 100 ms.\n")
    print(Path(args.out).read_text())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    g = sub.add_parser("gen")
    g.add_argument("out")
    g.add_argument("--modules", type=int, default=100)
    g.add_argument("--paragraphs", type=int, default=99)
    t = sub.add_parser("time")
    t.add_argument("url")
    t.add_argument("pid", type=int)
    t.add_argument("out")
    t.add_argument("--saves", type=int, default=30)
    args = ap.parse_args()
    gen(args) if args.command == "gen" else timing(args)


if __name__ == "__main__":
    sys.exit(main())
