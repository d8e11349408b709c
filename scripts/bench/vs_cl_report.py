#!/usr/bin/env python3
"""Summarise scripts/bench-vs-compare-locales as Markdown: timings, peak memory, targets, and
the per-locale counts of both tools side by side.

    vs_cl_report.py RESULTS_DIR OUTPUT_MD

RESULTS_DIR holds env.env (key=value lines written by the script); timings.json (from
scripts/bench/alternate.py: per command the wall and CPU times and peak RSS of every run, and
the load average before and after); and the tools' own outputs from one untimed run:
cl-output.json (compare-locales --json) and kurso-output.json (kurso check --format json).

Prints the report and writes it to OUTPUT_MD. Exits 1 when the counts differ between the tools
(the report is written first), 0 otherwise; missed speed or memory targets are reported, not
fatal.
"""

import json
import re
import sys
from pathlib import Path

TARGET_RATIO = 100.0
TARGET_RSS_MIB = 100.0
# kurso's median wall time as a multiple of the parse floor's.
TARGET_PARSE_MULTIPLE = 3.0

# The counts both tools report, as (key, column heading).
PARITY = [
    ("missing", "missing"),
    ("missing_files", "missing files"),
    ("obsolete", "obsolete"),
    ("obsolete_files", "obsolete files"),
    ("missing_attributes", "missing attributes"),
]


def read_env(path):
    env = {}
    if path.is_file():
        for line in path.read_text().splitlines():
            if "=" in line:
                key, value = line.split("=", 1)
                env[key] = value
    return env


def load_timings(results):
    path = results / "timings.json"
    if not path.is_file():
        return None, {}
    document = json.loads(path.read_text())
    return document.get("load"), document["commands"]


def cl_counts(path, locales):
    """Per-locale counts from compare-locales' --json output.

    Its summary has missing (entries inside missing files included), obsolete (entries of
    obsolete files not included), errors and warnings; files and errors by kind are in the
    details tree (nested folders, then a list of {kind: value} per file).
    """
    document = json.loads(path.read_text())
    out = {}
    for locale in locales:
        counts = {"missing_files": 0, "obsolete_files": 0, "missing_attributes": 0}
        summary = {}
        for project in document:
            summary = project.get("summary", {}).get(locale, summary)

            def walk(node):
                if isinstance(node, list):
                    for item in node:
                        for kind, value in item.items():
                            if kind == "missingFile":
                                counts["missing_files"] += 1
                            elif kind == "obsoleteFile":
                                counts["obsolete_files"] += 1
                            elif kind == "error" and value.startswith("Missing attribute"):
                                counts["missing_attributes"] += 1
                else:
                    for child in node.values():
                        walk(child)

            walk(project.get("details", {}).get(locale, {}))
        if not summary:
            continue
        counts.update(
            missing=summary.get("missing", 0),
            obsolete=summary.get("obsolete", 0),
            errors=summary.get("errors", 0),
            warnings=summary.get("warnings", 0),
        )
        out[locale] = counts
    return out


ENTRIES = re.compile(r"\((\d+) entries\)")


def kurso_counts(path, locales):
    """Per-locale counts from kurso check --format json: `summary.locales` when the document
    has it, else recomputed from the findings. Returns (counts, source)."""
    document = json.loads(path.read_text())
    findings = document.get("findings", [])
    per_locale = (document.get("summary") or {}).get("locales")
    out = {}
    for locale in locales:
        mine = [f for f in findings if f.get("locale") == locale]
        # A missing entry has no place in the translation; a missing attribute points at the
        # message that lacks it.
        attributes = sum(1 for f in mine if f["rule"] == "missing" and f.get("position"))
        if per_locale is not None:
            counts = dict(per_locale.get(locale, {}))
        else:
            counts = {
                "missing": sum(1 for f in mine if f["rule"] == "missing" and not f.get("position"))
                + sum(
                    int(m.group(1))
                    for f in mine
                    if f["rule"] == "missing-file" and (m := ENTRIES.search(f.get("message", "")))
                ),
                "missing_files": sum(1 for f in mine if f["rule"] == "missing-file"),
                "obsolete": sum(
                    1
                    for f in mine
                    if f["rule"] == "obsolete" and not f.get("message", "").startswith("attribute")
                ),
                "obsolete_files": sum(1 for f in mine if f["rule"] == "obsolete-file"),
            }
            for level in ("error", "warning", "info"):
                counts[level + "s"] = sum(1 for f in mine if f.get("level") == level)
        counts["missing_attributes"] = attributes
        rules = {}
        for f in mine:
            rules[f["rule"]] = rules.get(f["rule"], 0) + 1
        counts["rules"] = rules
        out[locale] = counts
    source = "`summary.locales`" if per_locale is not None else "the findings (no `summary` in the JSON)"
    return out, source


def fmt_time(seconds):
    if seconds is None:
        return "n/a"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_rss(kib):
    return "n/a" if kib is None else f"{kib / 1024:.1f} MiB"


def met(ok):
    return "MET" if ok else "NOT MET"


def main():
    results, out_md = Path(sys.argv[1]), Path(sys.argv[2])
    env = read_env(results / "env.env")
    locales = env.get("locales", "").split()
    load, timings = load_timings(results)
    cl, kurso = timings.get("cl"), timings.get("kurso")
    floor_read, floor_parse = timings.get("floor-read"), timings.get("floor-parse")

    lines = ["# kurso check vs compare-locales", ""]
    lines.append(f"Command: `{env.get('command', 'scripts/bench-vs-compare-locales')}` (from the repository root)  ")
    lines.append(f"Machine: {env.get('cpus', '?')} cores ({env.get('cpu', '?')}), {env.get('date', '')}  ")
    if load:
        lines.append(f"Load average (1 min) before / after the timed runs: {load[0]:.2f} / {load[1]:.2f}  ")
    lines.append(
        f"Tools: {env.get('kurso', '?')} (release), compare-locales {env.get('cl_version', '?')} on "
        f"Python {env.get('python', '?')}; analyser programs on PATH: {env.get('analysers') or 'none'}; "
        "timing by scripts/bench/alternate.py (runs of all commands alternate, the floors and the warm "
        "and analyser-less kurso interleaved run by run; wall and CPU "
        "(user + system, child processes included) per run; peak RSS by wait4)  "
    )
    lines.append(
        f"Data: the Thunderbird pair in `{env.get('corpus', '?')}` ({env.get('reference_files', '?')} "
        f"English files; locales {', '.join(locales)}), all locales in one call of each tool"
    )
    lines.append("")
    lines.append("| what | command | median wall | median CPU | min | max | runs | peak RSS |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|")
    for label, key, command in (
        ("compare-locales", "cl", env.get("cl_cmd", "")),
        ("kurso (analysers' answers kept: warm)", "kurso", env.get("kurso_cmd", "")),
        ("kurso, nothing kept (cold)", "kurso-cold", "KURSO_CACHE_DIR= " + env.get("kurso_cmd", "")),
        ("kurso, no analyser", "kurso-no-analyser", "KURSO_NO_ANALYZER=1 " + env.get("kurso_cmd", "")),
        ("floor: read", "floor-read", env.get("floor_read_cmd", "")),
        ("floor: read + parse", "floor-parse", env.get("floor_parse_cmd", "")),
    ):
        t = timings.get(key)
        if t is None:
            lines.append(f"| {label} | `{command}` | n/a | | | | | |")
            continue
        lines.append(
            f"| {label} | `{command}` | {fmt_time(t['median_wall'])} | {fmt_time(t['median_cpu'])} "
            f"| {fmt_time(t['min_wall'])} | {fmt_time(t['max_wall'])} | {t['runs']} | {fmt_rss(t['max_rss_kib'])} |"
        )
    lines.append("")
    if cl and kurso:
        ratio = cl["median_wall"] / kurso["median_wall"]
        cpu_ratio = cl["median_cpu"] / kurso["median_cpu"]
        lines.append(
            f"- compare-locales / kurso: **{ratio:.1f}×** wall (medians {fmt_time(cl['median_wall'])} / "
            f"{fmt_time(kurso['median_wall'])}), {cpu_ratio:.1f}× CPU"
        )
        lines.append(f"- Target ≥ {TARGET_RATIO:g}× faster than compare-locales (wall): **{met(ratio >= TARGET_RATIO)}**")
        cold = timings.get("kurso-cold")
        if cold:
            lines.append(
                f"- compare-locales / kurso with no kept analyser answers (cold): "
                f"{cl['median_wall'] / cold['median_wall']:.1f}× wall (median {fmt_time(cold['median_wall'])}), "
                f"{cl['median_cpu'] / cold['median_cpu']:.1f}× CPU"
            )
        bare = timings.get("kurso-no-analyser")
        if bare:
            lines.append(
                f"- compare-locales / kurso without analysers: {cl['median_wall'] / bare['median_wall']:.1f}× wall "
                f"(median {fmt_time(bare['median_wall'])}), {cl['median_cpu'] / bare['median_cpu']:.1f}× CPU; "
                f"the analysers' share of kurso: {fmt_time(kurso['median_wall'] - bare['median_wall'])} wall"
            )
    for label, run in (("kurso", kurso), ("kurso cold", timings.get("kurso-cold"))):
        if not run:
            continue
        mib = run["max_rss_kib"] / 1024
        lines.append(
            f"- Target {label} peak memory ≤ {TARGET_RSS_MIB:g} MiB: **{met(mib <= TARGET_RSS_MIB)}** "
            f"({mib:.1f} MiB, the highest of its runs; compare-locales {fmt_rss(cl and cl['max_rss_kib'])})"
        )
    bare = timings.get("kurso-no-analyser")
    for floor, name in ((floor_read, "read"), (floor_parse, "read + parse")):
        for label, run in (("kurso", kurso), ("kurso without analysers", bare)):
            if run and floor:
                lines.append(
                    f"- {label} / the {name} floor: {run['median_wall'] / floor['median_wall']:.1f}× wall, "
                    f"{run['median_cpu'] / floor['median_cpu']:.1f}× CPU"
                )
    if kurso and floor_parse:
        multiple = kurso["median_wall"] / floor_parse["median_wall"]
        lines.append(f"- Aim kurso ≤ {TARGET_PARSE_MULTIPLE:g}× the parse floor (wall): **{met(multiple <= TARGET_PARSE_MULTIPLE)}**")

    parity_ok = bool(locales)
    cl_path, kurso_path = results / "cl-output.json", results / "kurso-output.json"
    if cl_path.is_file() and kurso_path.is_file():
        cl_by_locale = cl_counts(cl_path, locales)
        kurso_by_locale, source = kurso_counts(kurso_path, locales)
        lines += ["", "## Counts per locale, side by side", ""]
        lines.append(
            "Each cell is compare-locales / kurso. compare-locales counts entries inside a missing "
            "file as missing, counts an obsolete file once (not its entries), and reports a missing "
            "attribute as an error; kurso's counts come from "
            f"{source} of its JSON, missing attributes from its `missing` findings that point into a translation."
        )
        lines.append("")
        heading = " | ".join(h for _, h in PARITY)
        lines.append(f"| locale | {heading} | same | compare-locales errors / warnings | kurso errors / warnings / infos |")
        lines.append("|---|" + "---:|" * len(PARITY) + "---|---:|---:|")
        for locale in locales:
            c, k = cl_by_locale.get(locale), kurso_by_locale.get(locale)
            if c is None or k is None:
                parity_ok = False
                lines.append(f"| {locale} | " + " | ".join("n/a" for _ in PARITY) + " | **NO** (locale absent) | | |")
                continue
            cells, same = [], True
            for key, _ in PARITY:
                a, b = c.get(key), k.get(key)
                same &= a == b
                cells.append(f"{a:,} / {b:,}" if a == b else f"**{a:,} / {b:,}**")
            parity_ok &= same
            lines.append(
                f"| {locale} | {' | '.join(cells)} | {'yes' if same else '**NO**'} "
                f"| {c['errors']} / {c['warnings']} | {k.get('errors', 0)} / {k.get('warnings', 0)} / {k.get('infos', 0)} |"
            )
        lines.append("")
        lines.append(
            f"- Counts: **{'the same in every locale' if parity_ok else 'DIFFERENT (bold cells)'}**"
        )
        all_rules = sorted({r for k in kurso_by_locale.values() for r in k["rules"]})
        if all_rules:
            lines += ["", "kurso findings by rule (compare-locales has no equivalent for most):", ""]
            lines.append("| locale | " + " | ".join(all_rules) + " |")
            lines.append("|---|" + "---:|" * len(all_rules))
            for locale in locales:
                rules = kurso_by_locale.get(locale, {}).get("rules", {})
                lines.append(f"| {locale} | " + " | ".join(str(rules.get(r, 0)) for r in all_rules) + " |")
    else:
        parity_ok = False
        lines += ["", "- Counts: **not compared** (a tool's JSON output is missing)"]

    text = "\n".join(lines) + "\n"
    out_md.write_text(text)
    print(text, end="")
    return 0 if parity_ok else 1


if __name__ == "__main__":
    sys.exit(main())
