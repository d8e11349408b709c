#!/usr/bin/env python3
"""Fill review packets the way a translator who confirms every machine draft does, for
scripts/bench-exchange.

    fill_packets.py FORMAT FILE...

FORMAT is xliff2, xliff12 or po. Every unit that holds a machine draft becomes a confirmed
translation: XLIFF 2.0 `state="initial" subState="kurso:machine"` → `state="translated"`;
XLIFF 1.2 `state="needs-review-translation" state-qualifier="mt-suggestion"` →
`state="translated"`; PO loses its `#, fuzzy` lines. Prints how many units it confirmed.
"""

import sys

REWRITES = {
    "xliff2": ('<segment state="initial" subState="kurso:machine">', '<segment state="translated">'),
    "xliff12": (
        'state="needs-review-translation" state-qualifier="mt-suggestion"',
        'state="translated"',
    ),
    "po": ("#, fuzzy\n", ""),
}


def main():
    fmt, files = sys.argv[1], sys.argv[2:]
    old, new = REWRITES[fmt]
    confirmed = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        confirmed += text.count(old)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))
    print(confirmed)


if __name__ == "__main__":
    main()
