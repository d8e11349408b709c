"""How much of a course's visible text kurso extracts: the share of visible text units (see
units.py, read with markdown-it-py and html.parser) that reached a message, and the messages
that hold markup and no text.

    coverage.py KURSO CORPUS_DIR [CORPUS_DIR ...]

Each CORPUS_DIR is a folder of course folders (like `courses/`). kurso extracts it into a
temporary project; each message's visible text is read with markdown-it-py too. A unit has
reached a message when its words, in order, are a run of the words of one message.
"""

import html
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from markdown_it import MarkdownIt

from units import PROTECTED, file_units

INLINE = MarkdownIt("commonmark")


def words(text):
    """The words of a text, in order: code spans and protected markup left out."""
    text = PROTECTED.sub(" ", re.sub(r"`[^`]*`", " ", html.unescape(text)))
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def unescape_ftl(value):
    return re.sub(r'\{"((?:[^"\\]|\\.)*)"\}', lambda m: m.group(1).replace('\\"', '"').replace("\\\\", "\\"), value)


def messages(ftl_text):
    """(id, value) of each message of a Fluent file kurso wrote."""
    out = []
    current = None
    for line in ftl_text.split("\n"):
        match = re.match(r"^([A-Za-z][\w-]*) =(?: (.*))?$", line)
        if match:
            current = [match.group(1), match.group(2) or ""]
            out.append(current)
        elif current is not None and line.startswith("    "):
            current[1] += ("\n" if current[1] else "") + line[4:]
        elif not line.startswith(" "):
            current = None
    return [(mid, unescape_ftl(value)) for mid, value in out]


def visible(markdown):
    """What a reader sees of a message: inline text, alt text, no URLs, tags or code."""
    parts = []
    # Reference links' labels are defined elsewhere in the module: `[text][label]` → `[text]`.
    markdown = re.sub(r"\]\[[^\]]*\]", "]", markdown)
    for token in INLINE.parse(markdown):
        if token.type != "inline":
            continue
        for child in token.children or []:
            if child.type == "text":
                parts.append(child.content)
            elif child.type == "image":
                parts.append("".join(c.content for c in child.children or []))
            elif child.type in ("softbreak", "hardbreak", "code_inline", "html_inline"):
                parts.append(" ")
    text = "".join(parts) or markdown
    text = re.sub(r"<[^>]*>", " ", text)
    return html.unescape(text)


def measure(kurso, corpus):
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        (work / "kurso.toml").write_text(
            f'source-locale = "en"\ntarget-locales = ["it"]\n[paths]\ncourses = "{corpus}"\n'
        )
        subprocess.run([kurso, "extract", "--quiet"], cwd=work, check=True,
                       stdout=subprocess.DEVNULL)
        all_messages = []
        for ftl in sorted((work / "locales" / "en").rglob("*.ftl")):
            for mid, value in messages(ftl.read_text()):
                all_messages.append((ftl.relative_to(work / "locales" / "en"), mid, value))
    message_words = [" " + words(visible(value)) + " " for _, _, value in all_messages]
    markup_only = [
        (str(path), mid, value) for path, mid, value in all_messages
        if not any(c.isalpha() for c in PROTECTED.sub(" ", visible(value)))
    ]
    units = []
    for path in sorted(Path(corpus).glob("*/**/*.md")):
        for unit in file_units(path.read_text()):
            units.append((path.relative_to(corpus), unit))
    missed = [(path, unit) for path, unit in units
              if not any(" " + words(unit) + " " in text for text in message_words)]
    return len(units), missed, markup_only, len(all_messages)


def main():
    kurso, corpora = sys.argv[1], sys.argv[2:]
    failed = False
    print("| corpus | messages | visible text units | reached a message | markup-only messages |")
    print("|---|---:|---:|---:|---:|")
    details = []
    for name in corpora:
        corpus = str(Path(name).resolve())
        total, missed, markup_only, n_messages = measure(kurso, corpus)
        share = 100.0 * (total - len(missed)) / total if total else 100.0
        failed |= share < 99.0 or bool(markup_only)
        print(f"| {name} | {n_messages} | {total} | {total - len(missed)} "
              f"({share:.1f} %) | {len(markup_only)} |")
        details.append((corpus, missed, markup_only))
    for corpus, missed, markup_only in details:
        for path, unit in missed[:15]:
            print(f"missed  {Path(corpus).name}/{path}: {unit[:100]!r}", file=sys.stderr)
        for path, mid, value in markup_only[:15]:
            print(f"markup  {Path(corpus).name}/{path} {mid} = {value[:80]!r}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
