"""The visible text units of a Markdown course file, read by parsers kurso does not use.

markdown-it-py (CommonMark, GFM tables) reads the Markdown; Python's html.parser reads HTML
blocks. A *unit* is text a learner sees: a paragraph, heading, list item, table cell, quote
paragraph, image alt text or title, the words of an HTML element that holds phrasing content,
the value of an alt/title/aria-label attribute, a LiaScript quiz option, hint or answer, a
visible field or block of a LiaScript header, a Pandoc `{alt='...'}` value.

Not units, by the rules kurso documents (written again here, not shared with it):
- code (blocks, spans, <code>, <pre>, <script>, <style>, <svg>), URLs, HTML tags;
- protected markup: kramdown attributes `{: .x}` `{#id .x}`, Liquid `{{ }}` `{% %}`, LiaScript
  macro calls `@name(...)`; a unit with no letter outside them is markup, not text;
- quiz answer markers `[( )]`, `[[X]]`, `[[?]]` and survey variables `[[name]]`;
- data-only table cells: one token that holds `_`, or capitals and digits, or is one or two
  capitals (`patient_id`, `ABC123`, `M`);
- what `<!-- l10n: skip -->` and `skip-start`/`skip-end` leave out, and YAML front matter
  (kurso extracts front matter fields by key; this script counts body text only).
"""

import html
import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt

MD = MarkdownIt("commonmark").enable("table")

PROTECTED = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|\{\s*[:#][^{}\n]*\}|\{\s*\.[A-Za-z][^{}\n]*\}"
    r"|(?<![\w@])@\[[\w.-]+\]\([^)\n]*\)|(?<![\w@])@[A-Za-z_][\w.-]*(?:\([^)\n]*\))?"
)
QUIZ = re.compile(r"^\s*\[(\(|\[)([^\])]*)(\)|\])\](.*)$")
SKIP_TAGS = {"script", "style", "pre", "svg", "math", "textarea", "template", "noscript",
             "iframe", "object", "code"}
PHRASING = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dt", "dd", "summary",
            "figcaption", "caption", "label", "legend", "button", "option", "title"}
FLOW = {"div", "section", "article", "aside", "header", "footer", "main", "nav", "details",
        "figure", "blockquote", "center", "form", "fieldset", "body", "html", "head", "ul",
        "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "colgroup", "address", "hgroup",
        "menu", "dialog", "search"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param"}
TEXT_ATTRIBUTES = {"alt", "title", "aria-label"}
HEADER_FIELDS = {"title", "comment", "long_description", "current_version_description"}
HEADER_BLOCKS = {"pre_reqs", "learning_objectives", "version_history"}
HEADER_MARKERS = {"author", "email", "version", "narrator", "language", "import", "mode", "logo"}


def has_text(text):
    return any(c.isalpha() for c in PROTECTED.sub(" ", text))


def is_data_cell(text):
    text = text.strip()
    if not text or any(c.isspace() for c in text):
        return False
    letters = sum(c.isalpha() for c in text)
    digits = sum(c.isdigit() for c in text)
    if "_" in text and all(c.isalnum() or c in "_.-" for c in text):
        return True
    if letters and digits and not any(c.islower() for c in text) and all(
            c.isalnum() or c in "-_./" for c in text):
        return True
    return 1 <= letters <= 2 and all(c.isupper() for c in text)


def is_url(text):
    text = text.strip()
    return " " not in text and text.startswith(("http://", "https://", "www.", "mailto:"))


def inline_text(token):
    """The visible text of an inline token: text and image alt, no code, no HTML, no URLs."""
    out = []
    alts = []
    for child in token.children or []:
        if child.type == "text":
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "image":
            alts.append("".join(c.content for c in child.children or []))
            if child.attrs.get("title"):
                alts.append(child.attrs["title"])
        elif child.type in ("code_inline", "html_inline"):
            out.append(" ")
    return "".join(out), alts


class Units:
    def __init__(self):
        self.units = []
        self.skip_region = False
        self.skip_next = False

    def add(self, text):
        text = html.unescape(text).strip()
        if has_text(text) and not is_url(text) and not text.lstrip().startswith(":::"):
            self.units.append(text)

    def directives(self, raw):
        for body in re.findall(r"<!--\s*l10n:\s*(.*?)-->", raw, re.S):
            word = body.strip()
            if word == "skip":
                self.skip_next = True
            elif word == "skip-start":
                self.skip_region = True
            elif word == "skip-end":
                self.skip_region = False

    def paragraph(self, text):
        """A paragraph's text: LiaScript quiz lines are units of their own."""
        lines = text.split("\n")
        if not any(QUIZ.match(line) for line in lines):
            self.add(text)
            return
        prose = []
        for line in lines:
            quiz = QUIZ.match(line)
            if not quiz:
                prose.append(line)
                continue
            self.add("\n".join(prose))
            prose = []
            inside, rest = quiz.group(2), quiz.group(4)
            if rest.strip():
                self.add(rest)
            elif inside.strip() not in ("", "X", "x", "?"):
                for answer in inside.split("|"):
                    self.add(answer.strip().strip("()"))
        self.add("\n".join(prose))

    def markdown(self, source, header_allowed=False):
        tokens = MD.parse(source)
        skip_depth = None
        first_block = True
        for index, token in enumerate(tokens):
            if token.type == "html_block":
                self.directives(token.content)
                if not self.skip_region and not self.skip_next:
                    self.html(token.content, header_allowed and first_block)
                elif self.skip_next and has_text(re.sub(r"<!--.*?-->", "", token.content, flags=re.S)):
                    self.skip_next = False
                first_block = False
                continue
            if token.nesting == 1 and skip_depth is None and self.skip_next:
                skip_depth = token.level
                self.skip_next = False
            if token.nesting == 1:
                first_block = False
            if token.nesting == -1 and skip_depth == token.level:
                skip_depth = None
                continue
            if token.type != "inline" or skip_depth is not None or self.skip_region:
                continue
            parent = tokens[index - 1].type
            text, alts = inline_text(token)
            for alt in alts:
                self.add(alt)
            for match in re.finditer(r"\)\{([^{}]*)\}", token.content):
                for value in re.findall(r"""(?:alt|title)=(?:"([^"]*)"|'([^']*)')""", match.group(1)):
                    self.add(value[0] or value[1])
            if not has_text(re.sub(r"\{[^{}]*\b(?:alt|title)=[^{}]*\}", " ", text)):
                continue  # images and their attributes only: the values are the units
            if parent == "paragraph_open" and tokens[index - 2].type == "list_item_open":
                text = re.sub(r"^\[[ xX]\]\s+", "", text)
            if parent in ("th_open", "td_open") and is_data_cell(text):
                continue
            if parent == "heading_open":
                text = re.sub(r"\s*\{[#.:][^{}]*\}\s*$", "", text)
            self.paragraph(text)

    def html(self, raw, header_allowed):
        if header_allowed:
            match = re.match(r"\s*<!--(.*?)-->", raw, re.S)
            if match and self.header(match.group(1)):
                return
        parser = Html(self)
        parser.feed(raw)
        parser.close()
        parser.flush()

    def header(self, comment):
        lines = comment.split("\n")
        keys = {line.split(":", 1)[0].strip() for line in lines if ":" in line}
        if not keys & HEADER_MARKERS:
            return False
        block = None
        body = []
        for line in lines:
            stripped = line.strip()
            if block is not None:
                if stripped == "@end":
                    if block in HEADER_BLOCKS:
                        self.markdown("\n".join(body))
                    block, body = None, []
                else:
                    body.append(line)
                continue
            if re.fullmatch(r"@[\w.-]+", stripped) and stripped != "@end":
                block = stripped[1:]
                continue
            key, _, value = line.partition(":")
            if key.strip() in HEADER_FIELDS:
                self.add(value)
        return True


class Html(HTMLParser):
    """Text per phrasing element; prose in flow containers read again as Markdown."""

    def __init__(self, units):
        super().__init__(convert_charrefs=True)
        self.units = units
        self.blocks = []
        self.skip = []
        self.run = []

    def flush(self):
        text = "".join(self.run)
        self.run = []
        if not has_text(text):
            return
        if self.blocks and self.blocks[-1] in PHRASING:
            if self.blocks[-1] in ("td", "th") and is_data_cell(text):
                return
            self.units.paragraph(" ".join(text.split()))
        else:
            self.units.markdown(text)

    def handle_starttag(self, tag, attrs):
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.append(tag)
            return
        for name, value in attrs:
            if name in TEXT_ATTRIBUTES and value:
                self.units.add(value)
        if tag in SKIP_TAGS:
            if tag == "code" and self.run:
                self.run.append(" ")
            else:
                self.flush()
            self.skip.append(tag)
        elif tag in PHRASING or tag in FLOW or tag == "hr":
            self.flush()
            if tag in ("li", "td", "th", "p", "dt", "dd", "option") and self.blocks and self.blocks[-1] == tag:
                self.blocks.pop()
            if tag != "hr":
                self.blocks.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in self.skip[-1:]:
            self.skip.pop()

    def handle_endtag(self, tag):
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag in PHRASING or tag in FLOW:
            self.flush()
            if tag in self.blocks:
                while self.blocks.pop() != tag:
                    pass

    def handle_data(self, data):
        if not self.skip:
            self.run.append(data)

    def handle_comment(self, data):
        pass


def file_units(text):
    """The units of one Markdown course file (front matter left out)."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            text = text[text.find("\n", end + 1) + 1:]
    units = Units()
    units.markdown(text, header_allowed=True)
    return units.units
