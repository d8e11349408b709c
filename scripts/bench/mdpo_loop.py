#!/usr/bin/env python3
"""Run mdpo's md2po on every Markdown file of a folder inside one Python process (or a pool).

    mdpo_loop.py SRC_DIR OUT_DIR [--jobs N]

For each SRC_DIR/<path>.md it writes OUT_DIR/<path>.po, exactly what
`md2po -q -s -p OUT_DIR/<path>.po SRC_DIR/<path>.md` writes, but without paying Python's start-up
and mdpo's import once per file. With --jobs N > 1 the files are shared among N worker
processes (multiprocessing, fork), so mdpo can use as many cores as kurso's thread pool.
Prints nothing; exits 1 if a file fails.
"""

import argparse
import os
import sys
from multiprocessing import Pool
from pathlib import Path

from mdpo.md2po import markdown_to_pofile


def one(job):
    src, dst = job
    markdown_to_pofile(src, po_filepath=dst, save=True)
    return 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()

    # Work from SRC_DIR with relative paths, as md2po-each does, so the `#:` locations and
    # therefore the PO files are the same whichever way mdpo is run.
    out = args.out.resolve()
    os.chdir(args.src)
    jobs = []
    for md in sorted(Path(".").rglob("*.md")):
        if any(part.startswith(".") for part in md.parts):
            continue
        jobs.append((md.as_posix(), str(out / md.with_suffix(".po"))))
    for d in sorted({os.path.dirname(dst) for _, dst in jobs}):
        os.makedirs(d, exist_ok=True)

    if args.jobs <= 1:
        done = sum(one(j) for j in jobs)
    else:
        with Pool(args.jobs) as pool:
            done = sum(pool.imap_unordered(one, jobs, chunksize=max(1, len(jobs) // (args.jobs * 8))))
    if done != len(jobs):
        sys.exit(f"mdpo_loop: {done} of {len(jobs)} files done")


if __name__ == "__main__":
    main()
