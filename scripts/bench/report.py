#!/usr/bin/env python3
"""Summarise the results of scripts/bench-extract as Markdown.

    report.py RESULTS_DIR OUTPUT_MD

RESULTS_DIR/<corpus>/ holds meta.env (key=value lines written by the script), and for each
measurement <name>.json (hyperfine --export-json format) and <name>.rss (peak RSS in KiB).
Prints the report and writes it to OUTPUT_MD.
"""

import json
import sys
from pathlib import Path

TARGET_SECONDS = 2.0
TARGET_RATIO = 10.0

LABELS = {
    "extract-cold": "kurso extract (cold: empty locales/)",
    "extract-warm": "kurso extract (warm: nothing changed)",
    "floor-plain": "file-system floor: Python recreating the same .ftl files, plain writes (diagnostic)",
    "floor-atomic": "file-system floor: the same, temp file + rename like kurso (diagnostic)",
    "build-en": "kurso build --locale en (empty build/)",
    "mdpo-cli": "mdpo: md2po CLI, one process per file, 2 at a time",
    "mdpo-py1": "mdpo: one Python process, markdown_to_pofile per file",
    "mdpo-py2": "mdpo: 2 Python worker processes, markdown_to_pofile per file",
}
MDPO = ["mdpo-cli", "mdpo-py1", "mdpo-py2"]


def load(corpus_dir):
    meta = {}
    for line in (corpus_dir / "meta.env").read_text().splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            meta[k] = v
    res = {}
    for name in LABELS:
        j = corpus_dir / f"{name}.json"
        if j.is_file():
            r = json.loads(j.read_text())["results"][0]
            rss = corpus_dir / f"{name}.rss"
            r["rss_kib"] = int(rss.read_text().strip()) if rss.is_file() else None
            r["runs"] = len(r.get("times") or [])
            res[name] = r
    return meta, res


def fmt_t(r):
    if r is None:
        return "n/a"
    mean, sd = r["mean"], r["stddev"] or 0.0
    if mean < 1:
        return f"{mean * 1000:.0f} ± {sd * 1000:.0f} ms"
    return f"{mean:.2f} ± {sd:.2f} s"


def fmt_rss(kib):
    return "n/a" if kib is None else f"{kib / 1024:.0f} MiB"


def main():
    results_dir, out_md = Path(sys.argv[1]), Path(sys.argv[2])
    corpora = [d for d in (results_dir / "synthetic", results_dir / "real") if (d / "meta.env").is_file()]
    env = {}
    env_file = results_dir / "env.env"
    if env_file.is_file():
        for line in env_file.read_text().splitlines():
            if "=" in line:
                k, v = line.split("=", 1)
                env[k] = v

    lines = ["# kurso extract benchmark", ""]
    lines.append(f"Command: `{env.get('command', 'scripts/bench-extract')}` (from the repository root)  ")
    lines.append(
        f"Machine: {env.get('cpus', '?')} cores ({env.get('cpu', '?')}), {env.get('date', '')}  "
    )
    lines.append(
        f"Tools: {env.get('kurso', '?')} (release), mdpo {env.get('mdpo', '?')} on Python "
        f"{env.get('python', '?')}, timing by {env.get('timer', '?')}, peak RSS by {env.get('rss', '?')}"
    )
    lines.append("")
    lines.append(
        "| corpus | .md files | MB | kurso extract cold | kurso extract warm | kurso build en "
        "| mdpo (fastest way) | mdpo / kurso extract cold |"
    )
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    verdicts = []
    for d in corpora:
        meta, res = load(d)
        mdpo = [res[m] for m in MDPO if m in res]
        best = min(mdpo, key=lambda r: r["mean"]) if mdpo else None
        best_name = next((m for m in MDPO if m in res and res[m] is best), None)
        cold = res.get("extract-cold")
        ratio = best["mean"] / cold["mean"] if best and cold else None
        short = {"mdpo-cli": "CLI per file ×2", "mdpo-py1": "in-process ×1", "mdpo-py2": "in-process ×2"}
        lines.append(
            f"| {meta['label']} | {meta['md_files']} | {float(meta['md_mb']):.2f} | {fmt_t(cold)} "
            f"| {fmt_t(res.get('extract-warm'))} | {fmt_t(res.get('build-en'))} "
            f"| {fmt_t(best)} ({short.get(best_name, '?')}) "
            f"| {'n/a' if ratio is None else f'{ratio:.1f}×'} |"
        )
        if d.name == "synthetic" and cold:
            ok_t = cold["mean"] < TARGET_SECONDS
            verdicts.append(
                f"- Target: {meta['md_files']} modules extracted in under {TARGET_SECONDS:g} s on "
                f"{env.get('cpus', '?')} cores: **{'MET' if ok_t else 'NOT MET'}** "
                f"(cold {cold['mean']:.3f} s, slowest run {cold['max']:.3f} s; "
                f"warm {res['extract-warm']['mean']:.3f} s)"
            )
        if ratio is not None:
            ok_r = ratio >= TARGET_RATIO
            verdicts.append(
                f"- Target ≥ {TARGET_RATIO:g}× faster than mdpo on the {meta['label']} corpus: "
                f"**{'MET' if ok_r else 'NOT MET'}** ({ratio:.1f}×: fastest mdpo {best['mean']:.3f} s "
                f"/ kurso extract cold {cold['mean']:.3f} s)"
            )
        fp, fa = res.get("floor-plain"), res.get("floor-atomic")
        if fp and fa:
            verdicts.append(
                f"  - diagnostic, {meta['label']}: merely recreating the same {meta['ftl_files']} .ftl "
                f"files from Python, with no extraction work, takes {fp['mean']:.3f} s with plain "
                f"writes and {fa['mean']:.3f} s with temp file + rename on this file system"
            )
    lines.append("")
    lines.extend(verdicts)
    lines.append("")
    lines.append("## Every measurement")
    lines.append("")
    lines.append("| corpus | what | mean ± σ | min | max | runs | peak RSS |")
    lines.append("|---|---|---:|---:|---:|---:|---:|")
    for d in corpora:
        meta, res = load(d)
        for name, r in res.items():
            lines.append(
                f"| {meta['label']} | {LABELS[name]} | {fmt_t(r)} | {r['min']:.3f} s | {r['max']:.3f} s "
                f"| {r['runs']} | {fmt_rss(r['rss_kib'])} |"
            )
    lines.append("")
    lines.append("## Checks")
    lines.append("")
    for d in corpora:
        meta, _ = load(d)
        lines.append(
            f"- {meta['label']}: {meta['md_files']} modules + {meta['course_yaml']} course.yaml; "
            f"kurso wrote {meta['ftl_files']} .ftl files ({meta['messages']}); warm run: {meta['warm_summary']}; "
            f"mdpo wrote {meta['po_files']} .po files per run ({meta['po_same']}); "
            f"`diff -r` build/en vs the sources: **{meta['diff']}**"
        )
    lines.append("")
    lines.append(
        "Notes: every tool writes one output file per module. kurso extracts the course.yaml files "
        "too (mdpo has nothing to do with them) and parses the YAML front matter; mdpo treats the "
        "front matter as a paragraph. Cold runs start from an empty output folder (hyperfine "
        "`--prepare` renames the last run's into bench-out/.trash, deleted after the timings: on "
        "ext4, files created right after thousands were deleted are slow to create). kurso uses its rayon pool on all cores; mdpo's fastest way is "
        "compared, including a 2-process pool, so both sides may use 2 cores. Peak RSS is that of "
        "the largest single process (GNU time's %M)."
    )
    text = "\n".join(lines) + "\n"
    out_md.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
