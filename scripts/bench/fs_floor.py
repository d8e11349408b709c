#!/usr/bin/env python3
"""File-system floor for a cold extract: write the files kurso wrote, and nothing else.

    fs_floor.py SRC_DIR OUT_DIR {plain|atomic}

Reads every file under SRC_DIR (kurso's locales/en) into memory, then recreates the same tree
under OUT_DIR: `plain` opens, writes and closes each file; `atomic` does what kurso does for each
output (a temporary file in the same folder, write, rename; kurso does not fsync the
output it regenerates). A diagnostic for
scripts/bench-extract: it shows how much of a cold extract this machine's file system costs
whatever the program does.
"""

import os
import sys


def main():
    src, out, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    files = []
    for dirpath, _dirs, names in os.walk(src):
        for name in names:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                files.append((os.path.join(out, os.path.relpath(path, src)), f.read()))
    files.sort()
    made = set()
    for i, (dst, data) in enumerate(files):
        d = os.path.dirname(dst)
        if d not in made:
            os.makedirs(d, exist_ok=True)
            made.add(d)
        if mode == "plain":
            with open(dst, "wb") as f:
                f.write(data)
        elif mode == "atomic":
            tmp = os.path.join(d, f".floor-{i}")
            fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
            try:
                os.write(fd, data)
            finally:
                os.close(fd)
            os.rename(tmp, dst)
        else:
            sys.exit(f"fs_floor.py: unknown mode {mode}")


if __name__ == "__main__":
    main()
