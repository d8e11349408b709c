#!/usr/bin/env python3
"""Generate the synthetic kurso project used by scripts/bench-extract.

    gen_synthetic.py SAMPLE_COURSES_DIR OUT_PROJECT_DIR [--courses 20] [--modules 100]
                     [--total-mb 10] [--seed 2025]

Every module is made from the real sample modules (SAMPLE_COURSES_DIR/*/NN-*.md):

* the front matter of one sample ("base"), with a numbered title and a varied duration, as the
  single front-matter block at the top;
* a body of whole `## ` sections (each with its `###` subsections), taken from the base and,
  when the base alone is too short for the size target, from a second sample; sections are
  never cut, so fences, tables, lists and `<!-- l10n: skip-start/skip-end -->` pairs stay whole;
* small variations so that no two modules are the same: a few word swaps and shifted numbers
  in prose lines (never inside fenced code, never in list markers, links or front matter).

Pinned IDs (`<!-- l10n: id=... -->`) are kept unique within a module. Each course gets a copy
of a sample course.yaml (numbered title, `modules:` rewritten to the generated files) and the
sample's fig/ folder. The output is deterministic for a given seed, and the folder is replaced
as a whole, so running it twice gives the same bytes.
"""

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
PIN = re.compile(r"(<!-- l10n: id=)([a-z0-9-]+)( -->)")
NUMBER = re.compile(r"(?<![\w./:#-])(\d{1,3})(?![\w/:-])")
# Word swaps: (pattern, replacement). Whole lower-case words only.
SWAPS = [
    ("patient", "person"),
    ("patients", "people"),
    ("colleagues", "co-workers"),
    ("ward", "unit"),
    ("team", "group"),
    ("quickly", "promptly"),
    ("check", "verify"),
    ("clear", "plain"),
    ("record", "note"),
    ("staff", "personnel"),
    ("session", "meeting"),
    ("always", "consistently"),
]


def track_fence(line, fence):
    """Follow fenced code blocks line by line: return (new_fence, line_is_code_or_fence)."""
    if fence is None:
        m = FENCE.match(line)
        if m:
            return m.group(1), True
        return None, False
    stripped = line.strip()
    if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
        return None, True
    return fence, True


def split_module(text):
    """Return (front_matter_lines, [section_text, ...]) of a sample module, or None for a
    module without YAML front matter (the sample's LiaScript module), which is left out so the
    corpus stays what it was."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\n") != "---":
        return None  # a LiaScript module (its header is a comment): not a template
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip("\n") == "---")
    front = lines[1:end]
    body = lines[end + 1 :]
    sections, current, fence = [], [], None
    for line in body:
        fence, in_code = track_fence(line, fence)
        if not in_code and line.startswith("## "):
            if current:
                sections.append("".join(current))
            current = []
        current.append(line)
    if current:
        sections.append("".join(current))
    # The first chunk may be blank lines between the front matter and the first heading.
    lead = ""
    if sections and not sections[0].lstrip("\n").startswith("## "):
        lead = sections.pop(0)
    for s in sections:
        opens = s.count("<!-- l10n: skip-start -->")
        if opens != s.count("<!-- l10n: skip-end -->"):
            raise SystemExit("a sample section has unbalanced skip-start/skip-end")
    return front, lead, sections


def normalise_section(s):
    """Every section ends with exactly one blank line, so sections concatenate cleanly."""
    return s.rstrip("\n") + "\n\n"


def vary_prose(text, rng, swaps, shift):
    """Swap a few words and shift numbers in prose lines outside fenced code."""
    out, fence = [], None
    for line in text.splitlines(keepends=True):
        fence, in_code = track_fence(line, fence)
        if in_code:
            out.append(line)
            continue
        stripped = line.lstrip()
        # Leave structural lines alone: headings, comments, tables, images, list markers.
        if not stripped or stripped.startswith(("<!--", "|", "![", "#")):
            out.append(line)
            continue
        indent = line[: len(line) - len(stripped)]
        marker = ""
        lm = re.match(r"((?:[-*+]|\d{1,9}[.)])(?: \[[ xX]\])? )", stripped)
        if lm:
            marker, stripped = lm.group(1), stripped[len(lm.group(1)) :]
        # Do not touch link targets: split out (...) after ] and <...> autolinks.
        parts = re.split(r"(\]\([^)]*\)|<[^>]+>|`[^`]*`)", stripped)
        for i in range(0, len(parts), 2):
            p = parts[i]
            for word, repl in swaps:
                p = re.sub(rf"\b{word}\b", repl, p)
            if shift:
                p = NUMBER.sub(lambda mm: str(int(mm.group(1)) + shift), p)
            parts[i] = p
        out.append(indent + marker + "".join(parts))
    return "".join(out)


def make_module(rng, base, other, target, index, course_no):
    front, _lead, base_secs = base
    _, _, other_secs = other
    chosen = []
    size = 0
    # Sections of the base in order, a few skipped; then the other sample's, in order.
    for s in base_secs:
        if size >= target:
            break
        if rng.random() < 0.25 and len(chosen) > 0:
            continue
        chosen.append(s)
        size += len(s.encode())
    for s in other_secs:
        if size >= target:
            break
        chosen.append(s)
        size += len(s.encode())
    # Front matter: numbered title, varied duration; other keys as in the sample.
    fm = []
    for line in front:
        if line.startswith("title: "):
            line = f"{line.rstrip()}, part {course_no:02d}.{index:03d}\n"
        elif line.startswith("duration: "):
            line = f"duration: {rng.choice([20, 25, 30, 35, 40, 45, 50, 60, 75, 90])} min\n"
        fm.append(line)
    swaps = rng.sample(SWAPS, k=rng.randint(1, 4))
    shift = rng.randint(0, 3)
    body = "".join(normalise_section(s) for s in chosen)
    body = vary_prose(body, rng, swaps, shift)
    # Pins must stay unique within one module.
    seen = {}

    def unique_pin(m):
        pin = m.group(2)
        n = seen.get(pin, 0) + 1
        seen[pin] = n
        return m.group(1) + (pin if n == 1 else f"{pin}-{n}") + m.group(3)

    body = PIN.sub(unique_pin, body)
    return "---\n" + "".join(fm) + "---\n\n" + body.rstrip("\n") + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("samples", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--courses", type=int, default=20)
    ap.add_argument("--modules", type=int, default=100)
    ap.add_argument("--total-mb", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=2025)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    course_dirs = sorted(p for p in args.samples.iterdir() if p.is_dir() and (p / "course.yaml").is_file())
    samples = []  # (course_dir, parsed)
    for cd in course_dirs:
        for md in sorted(cd.glob("[0-9]*.md")):
            parsed = split_module(md.read_text(encoding="utf-8"))
            if parsed is not None:
                samples.append((cd, parsed))
    if not samples:
        sys.exit(f"no sample modules under {args.samples}")

    if args.out.exists():
        shutil.rmtree(args.out)
    (args.out / "courses").mkdir(parents=True)
    (args.out / "kurso.toml").write_text(
        'source-locale = "en"\ntarget-locales = ["el", "it"]\n', encoding="utf-8"
    )

    total_modules = args.courses * args.modules
    budget = int(args.total_mb * 1_000_000)
    written_bytes = 0
    written = 0
    for c in range(1, args.courses + 1):
        sample_course = course_dirs[(c - 1) % len(course_dirs)]
        course = args.out / "courses" / f"course-{c:02d}-{sample_course.name}"
        course.mkdir()
        if (sample_course / "fig").is_dir():
            shutil.copytree(sample_course / "fig", course / "fig")
        names = []
        for m in range(1, args.modules + 1):
            bi = rng.randrange(len(samples))
            oi = (bi + rng.randrange(1, len(samples))) % len(samples)
            remaining = total_modules - written
            target = (budget - written_bytes) / remaining
            target = max(1500, target * rng.uniform(0.6, 1.4))
            text = make_module(rng, samples[bi][1], samples[oi][1], target, m, c)
            name = f"{m:03d}-module.md"
            # Some modules one folder deeper, as real courses do (modules at any depth).
            rel = Path(name) if m % 10 else Path("extra") / name
            (course / rel).parent.mkdir(parents=True, exist_ok=True)
            (course / rel).write_text(text, encoding="utf-8")
            names.append(rel.as_posix())
            written_bytes += len(text.encode())
            written += 1
        meta = (sample_course / "course.yaml").read_text(encoding="utf-8")
        meta_lines = meta.splitlines(keepends=True)
        cut = next((i for i, l in enumerate(meta_lines) if l.startswith("modules:")), len(meta_lines))
        meta_lines = meta_lines[:cut]
        meta_lines = [
            f"{l.rstrip()} (synthetic course {c:02d})\n" if l.startswith("title: ") else l
            for l in meta_lines
        ]
        meta_out = "".join(meta_lines) + "modules:\n" + "".join(f"  - {n}\n" for n in names)
        (course / "course.yaml").write_text(meta_out, encoding="utf-8")

    print(f"synthetic: {written} modules, {written_bytes / 1e6:.2f} MB of Markdown "
          f"in {args.courses} courses under {args.out}")


if __name__ == "__main__":
    main()
