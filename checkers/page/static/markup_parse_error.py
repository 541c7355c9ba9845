"""static.markup-parse-error: stray or mis-nested end tags in the HTML source.

WCAG 4.1.1 (Parsing), removed from WCAG 2.2 but still required by EN 301 549 9.4.1.1 and so
by BITV 2.0: start and end tags must match. Browsers repair such markup each in their own
way, and assistive technology may then get a different structure than intended. The source
text (not the repaired tree) is tokenized (tags, comments, raw text of script, style,
textarea and title) and a stack of open elements is kept, with HTML's implied end tags (p,
li, dt, dd, tr, td, th, option, table sections, void elements). Reported once per page, for
review, with up to three examples and their line numbers: end tags that close nothing, and
end tags that close across an element that is still open (<b><i></b></i>). Missing end tags
at the end of the file are not reported.
Known false positives: markup produced by scripts (document.write strings outside <script>)
and the rare implied-end-tag cases this simplified tree builder does not model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta

META = page_meta(__file__)

_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr basefont bgsound "
    "frame keygen image".split()
)
_OPTIONAL = frozenset({"html", "head", "body"})
_IMPLIED = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
                      "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc"})
_CLOSES_P = frozenset(
    """
    address article aside blockquote center details dialog dir div dl fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section
    table ul li dd dt search listing xmp plaintext
    """.split()
)
_SCOPE = frozenset({"applet", "caption", "html", "table", "td", "th", "marquee", "object",
                    "template", "button", "svg", "math"})
# For an implied closer: the tags it closes and where the search stops.
_CLOSERS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu", "table", "td", "th", "template"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl", "table", "td", "th", "template"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl", "table", "td", "th", "template"})),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "thead": (frozenset({"thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup"}),
              frozenset({"table"})),
    "option": (frozenset({"option"}), frozenset({"select", "datalist", "optgroup"})),
    "optgroup": (frozenset({"option", "optgroup"}), frozenset({"select"})),
    "rt": (frozenset({"rt", "rp", "rb"}), frozenset({"ruby"})),
    "rp": (frozenset({"rt", "rp", "rb"}), frozenset({"ruby"})),
}
_CLOSERS["tbody"] = _CLOSERS["tfoot"] = _CLOSERS["thead"]
_CLOSERS["caption"] = _CLOSERS["colgroup"] = _CLOSERS["thead"]
_SPECIAL_START = _CLOSES_P | frozenset(_CLOSERS) | _VOID | _OPTIONAL
MAX_EXAMPLES = 3


_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    # raw text elements as one token: their content is not markup
    r"|<((?i:script|style|textarea|title|xmp|iframe|noembed|noframes))\b"
    r"[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>.*?(?:(?i:</\1)\s*>|\Z)"
    r"|<![^>]*>|<\?[^>]*>"
    r"|<(/?)([a-zA-Z][^\s/>]*)"  # end tag slash, tag name
    r"([^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*)>",  # attributes, quotes may hold >
    re.S,
)


class _Checker:
    """A tokenizer by regular expression (tags, comments, raw text) and a simplified tree
    builder: fast, and enough for end-tag matching."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.stack: list[str] = []
        self.errors: list[tuple[int, str, str]] = []  # token number, text, open element
        self.count = 0
        self.position = 0  # token number

    def _error(self, text: str, still_open: str = "") -> None:
        self.count += 1
        if len(self.errors) < MAX_EXAMPLES:
            self.errors.append((self.position, text, still_open))

    def run(self) -> None:
        stack = self.stack
        for number, (_raw, slash, name, attrs) in enumerate(_TOKEN.findall(self.html)):
            if not name:
                continue  # comment, doctype, raw text element
            tag = name.lower()
            if slash:
                if stack and stack[-1] == tag:
                    stack.pop()  # the common case: the end tag closes the current element
                else:
                    self.position = number
                    self.end_tag(tag)
                continue
            if tag not in _SPECIAL_START and not attrs.endswith("/"):
                stack.append(tag)  # the common case: an ordinary element opens
                continue
            self.position = number
            if attrs and attrs.rstrip().endswith("/") and (
                tag in _VOID or "svg" in stack or "math" in stack
            ):
                continue  # self-closing in foreign content, or a void element
            self.start_tag(tag)

    def lines(self) -> list[tuple[int, str, str]]:
        """The examples with line numbers instead of token numbers."""
        wanted = {number for number, _, _ in self.errors}
        lines: dict[int, int] = {}
        for number, found in enumerate(_TOKEN.finditer(self.html)):
            if number in wanted:
                lines[number] = self.html.count("\n", 0, found.start()) + 1
                if len(lines) == len(wanted):
                    break
        return [(lines.get(number, 0), text, still) for number, text, still in self.errors]

    def _close_implied(self, tag: str) -> None:
        stack = self.stack
        if tag in _CLOSES_P and "p" in stack:
            for index in range(len(stack) - 1, -1, -1):
                name = stack[index]
                if name == "p":
                    del stack[index:]
                    break
                if name in _SCOPE:
                    break
        rule = _CLOSERS.get(tag)
        if rule is None:
            return
        closes, stops = rule
        for index in range(len(stack) - 1, -1, -1):
            name = stack[index]
            if name in closes:
                del stack[index:]
                # tr after td: the td went, the tr too (loop again for the outer one)
                if index and stack and stack[-1] in closes:
                    continue
                return
            if name in stops:
                return

    def start_tag(self, tag: str) -> None:
        if tag in _OPTIONAL:
            return
        if tag in _VOID:
            if tag == "hr":
                self._close_implied(tag)
            return
        self._close_implied(tag)
        self.stack.append(tag)

    def end_tag(self, tag: str) -> None:
        if tag in _OPTIONAL or tag in _VOID:
            return
        stack = self.stack
        if tag not in stack:
            if tag in ("p", "li", "dt", "dd", "option", "td", "th", "tr"):
                # implicitly closed earlier: </p> after a block is still a stray end tag
                if tag == "p":
                    self._error("</p>")
                return
            self._error(f"</{tag}>")
            return
        index = len(stack) - 1 - stack[::-1].index(tag)
        if any(name in ("svg", "math") for name in stack[index + 1:]):
            return
        open_between = [name for name in stack[index + 1:] if name not in _IMPLIED]
        if open_between:
            self._error(f"</{tag}>", open_between[-1])
        del stack[index:]


def parse_errors(html: str) -> tuple[int, list[tuple[int, str, str]]]:
    checker = _Checker(html)
    checker.run()
    return checker.count, checker.lines() if checker.errors else []


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    html = context.page.html or ""
    if "</" not in html:
        return
    count, errors = parse_errors(html)
    if count:
        de = ", ".join(f"{text} in Zeile {line}" + (f" (<{still}> noch offen)" if still else "")
                       for line, text, still in errors)
        en = ", ".join(f"{text} on line {line}" + (f" (<{still}> still open)" if still else "")
                       for line, text, still in errors)
        yield PageHit(None, {"count": count, "examples_de": de, "examples_en": en})
