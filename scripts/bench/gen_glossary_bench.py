#!/usr/bin/env python3
"""Synthetic data for scripts/bench-glossary: a 5,000-concept glossary and a 10,000-message
Finnish locale, deterministic.

    gen_glossary_bench.py REPO OUT [--concepts 5000] [--messages 10000] [--seed 7]

The glossary is the shipped glossaries/medical.csv plus generated concepts (one to three
invented words each, in en and fi, some with forbidden variants). Messages are English
sentences of the sample courses' length, each using three concepts; translations use the
concepts' Finnish terms with Finnish case endings (so the matcher has inflection to do), and
one in ten uses a forbidden term or drops a term (so findings exist).
"""

import argparse
import csv
import os
import random

SYLLABLES = "ka ko ku la li lo ma mi mo na ne no pa pe po ra re ro sa se so ta te to va ve".split()
ENDINGS_FI = ["", "n", "a", "ssa", "sta", "lle", "lla", "ksi", "t", "jen"]


def word(rng, n=3):
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("repo")
    ap.add_argument("out")
    ap.add_argument("--concepts", type=int, default=5000)
    ap.add_argument("--messages", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    with open(os.path.join(args.repo, "glossaries", "medical.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    header = ["id", "en", "fi", "forbidden:fi", "authority"]
    concepts = [
        (r["id"], r["en"].split(" | ")[0], r["fi"].split(" | ")[0], r.get("forbidden:fi", ""))
        for r in rows
        if r["en"] and r["fi"]
    ]
    seen = set()
    while len(concepts) < args.concepts:
        n = rng.choice([1, 1, 2, 2, 3])
        en = " ".join(word(rng, rng.choice([2, 3])) for _ in range(n))
        if en in seen:
            continue
        seen.add(en)
        fi = " ".join(word(rng, 3) + "i" for _ in range(n))
        forbidden = word(rng, 3) + "us" if rng.random() < 0.1 else ""
        concepts.append((f"syn-{len(concepts)}", en, fi, forbidden))

    root = args.out
    os.makedirs(os.path.join(root, "glossaries"), exist_ok=True)
    os.makedirs(os.path.join(root, "locales", "en", "bench"), exist_ok=True)
    os.makedirs(os.path.join(root, "locales", "fi", "bench"), exist_ok=True)
    os.makedirs(os.path.join(root, "courses", "bench"), exist_ok=True)
    with open(os.path.join(root, "kurso.toml"), "w", encoding="utf-8") as f:
        f.write('source-locale = "en"\ntarget-locales = ["fi"]\n')
    with open(os.path.join(root, "glossaries", "bench.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for cid, en, fi, forbidden in concepts:
            w.writerow([cid, en, fi, forbidden, "project"])

    per_file = 100
    for file_index in range(args.messages // per_file):
        en_lines, fi_lines = [], []
        for i in range(per_file):
            picked = rng.sample(concepts, 3)
            en = f"Check the {picked[0][1]} and record the {picked[1][1]} before the {picked[2][1]} is given to the patient."
            terms = []
            for cid, _, fi, forbidden in picked:
                r = rng.random()
                if r < 0.05 and forbidden:
                    terms.append(forbidden.split(" | ")[0])
                elif r < 0.10:
                    terms.append(word(rng, 3))
                else:
                    parts = fi.split()
                    parts[-1] = parts[-1] + rng.choice(ENDINGS_FI)
                    terms.append(" ".join(parts))
            fi_text = f"Tarkista {terms[0]} ja kirjaa {terms[1]} ennen kuin {terms[2]} annetaan potilaalle."
            mid = f"m{file_index}-p{i}"
            en_lines.append(f"{mid} = {en}\n")
            fi_lines.append(f"{mid} = {fi_text}\n")
        name = f"{file_index:03d}-module.ftl"
        with open(os.path.join(root, "locales", "en", "bench", name), "w", encoding="utf-8") as f:
            f.write("\n".join(en_lines))
        with open(os.path.join(root, "locales", "fi", "bench", name), "w", encoding="utf-8") as f:
            f.write("\n".join(fi_lines))
    print(f"glossary-bench: {len(concepts)} concepts, {args.messages} messages in {args.messages // per_file} files under {root}")


if __name__ == "__main__":
    main()
