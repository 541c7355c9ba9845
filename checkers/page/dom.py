"""A page parsed once: lxml tree, unique CSS selectors, accessible names and visibility.

The tree is the one a browser builds (:mod:`checkers.document.html`, WHATWG tree construction);
:meth:`Page.position` gives an element's line and column in the parsed HTML.

The static and BITV engines read pages only through :class:`Page`, so every rule sees the same
selectors (the ones in findings) and the same accessible-name computation
(:meth:`Page.accessible_name`, the only one: rules never compute names themselves). It follows
the W3C accname 1.2 steps that can be decided without rendering (aria-labelledby, aria-label,
embedded control values, native labels and alt, subtree text, title, then the placeholder of a
text field as HTML-AAM orders it). Style sheets are not evaluated: children are joined as
browsers join them by the elements' default display (inline ones without a space,
``<a>foo<b>bar</b></a>`` is "foobar"; block and inline-block ones, or an inline ``display``
other than inline, with one), and only inline ``display:none`` / ``visibility:hidden`` and the
``hidden`` attribute hide an element here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from checkers.document.html import ParsedHtml, parse_html

if TYPE_CHECKING:
    from checkers.document.blocks import Block

HtmlElement = lxml.html.HtmlElement

_SPACE = re.compile(r"\s+")
_SNIPPET_MAX = 300
# Elements whose text is never page content.
_NO_TEXT = frozenset({"script", "style", "template", "noscript", "head", "title"})
# Elements a browser never renders, with everything inside them.
NOT_RENDERED_TAGS = frozenset(
    {"template", "noscript", "script", "style", "head", "title", "meta", "datalist"}
)
# Roles and elements that take their name from their content (accname "name from content").
_NAME_FROM_CONTENT_TAGS = frozenset(
    {
        "a",
        "button",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "td",
        "th",
        "summary",
        "option",
        "legend",
        "caption",
        "label",
        "li",
        "dt",
        "dd",
        "figcaption",
    }
)
_NAME_FROM_CONTENT_ROLES = frozenset(
    {
        "button",
        "link",
        "heading",
        "menuitem",
        "tab",
        "option",
        "cell",
        "columnheader",
        "rowheader",
        "checkbox",
        "radio",
        "switch",
        "treeitem",
        "tooltip",
        "gridcell",
        "menuitemcheckbox",
        "menuitemradio",
        "comment",
        "doc-backlink",
        "doc-biblioref",
        "doc-glossref",
        "doc-noteref",
    }
)
# Range widgets: their value in a name is aria-valuetext or aria-valuenow (accname 2E).
_RANGE_ROLES = frozenset({"meter", "progressbar", "scrollbar", "slider", "spinbutton"})
LABELABLE = frozenset({"input", "select", "textarea", "meter", "output", "progress", "button"})
# Elements a browser lays out in a box of their own by default (display block, list-item,
# table parts, or inline-block like the form controls; a line break too): in a name from
# content their text is set apart by spaces (accname 2F; Chrome: "separate block flows").
# Other elements are inline and join their neighbours' text directly.
_OWN_BOX_TAGS = frozenset(
    """
    address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav ol p pre
    section summary table tbody td tfoot th thead tr ul
    button input select textarea meter progress option optgroup
    """.split()
)
# Elements named by a text alternative (alt, an svg's title), never by their content.
_ALTERNATIVE_TAGS = frozenset({"img", "area", "svg", "object", "iframe"})
# Text fields, whose placeholder is the last source of their name (HTML-AAM 4.1.1/4.1.2:
# after title). An input without a known type is a text field.
_NOT_TEXT_FIELDS = frozenset(
    """
    button checkbox color date datetime-local file hidden image month radio range reset submit
    time week
    """.split()
)
_TEXTBOX_ROLES = frozenset({"textbox", "searchbox", "combobox"})


def style_declarations(style: str | None) -> dict[str, str]:
    """The declarations of an inline style attribute, names and values lower-cased. Like the
    cascade, a later declaration wins unless an earlier one of the same name is !important."""
    result: dict[str, str] = {}
    important: set[str] = set()
    if not style:
        return result
    for part in style.split(";"):
        name, sep, value = part.partition(":")
        if not sep:
            continue
        name = name.strip().lower()
        value = value.strip().lower()
        strong = value.replace(" ", "").endswith("!important")
        if strong:
            value = value[: value.rfind("!")].strip()
        if name in important and not strong:
            continue
        result[name] = value
        if strong:
            important.add(name)
    return result


def style_hides(el: HtmlElement) -> bool:
    """The element itself is hidden by markup: the hidden attribute (unless an inline display
    overrides it), inline display:none or visibility:hidden/collapse."""
    declared = style_declarations(el.get("style"))
    display = declared.get("display")
    if display == "none" or declared.get("visibility") in ("hidden", "collapse"):
        return True
    return el.get("hidden") is not None and display is None


def _hides_itself(el: HtmlElement) -> bool:
    if style_hides(el):
        return True
    return tag_of(el) == "input" and (el.get("type") or "").lower() == "hidden"


def _aria_hides_itself(el: HtmlElement) -> bool:
    return (el.get("aria-hidden") or "").strip().lower() == "true"


def collapse(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def tag_of(el: HtmlElement) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


class Page:
    """One parsed HTML document. Cheap helpers are cached per page, not per rule."""

    def __init__(self, html: str, url: str | None = None, source: str | None = None) -> None:
        self.html = html  # what the engines read: the rendered DOM when a browser ran
        # The document as fetched or given: findings that name a line point into it.
        self.source = html if source is None else source
        self.url = url
        self._parsed = parse_html(html)
        self.root: HtmlElement = self._parsed.root
        self._selectors: dict[HtmlElement, str] = {}
        self._nth: dict[HtmlElement, tuple[int, int]] = {}
        self._hidden: dict[HtmlElement, bool] = {}
        self._names: dict[HtmlElement, str] = {}
        self._aria_hidden: dict[HtmlElement, bool] = {}

    # ------------------------------------------------------------------ structure

    @property
    def parsed(self) -> ParsedHtml:
        """The parse of ``html``: its tree and the source positions of elements and text."""
        return self._parsed

    @property
    def offsets(self) -> dict[HtmlElement, int]:
        """Offset of each element in ``html`` (implied ones: where their content starts),
        computed when first asked for (see :mod:`checkers.document.html`)."""
        return self._parsed.offsets

    def position(self, el: HtmlElement) -> tuple[int, int] | None:
        """1-based line and column of an element in ``html``."""
        return self._parsed.position(el)

    def iter(self, *tags: str) -> Iterator[HtmlElement]:
        for el in self.root.iter(*tags) if tags else self.root.iter():
            if isinstance(el.tag, str):
                yield el

    def xpath(self, expression: str) -> list[HtmlElement]:
        return [el for el in self.root.xpath(expression) if isinstance(el, HtmlElement)]

    @cached_property
    def html_element(self) -> HtmlElement:
        return self.root if tag_of(self.root) == "html" else self.root.getroottree().getroot()

    @cached_property
    def ids(self) -> dict[str, list[HtmlElement]]:
        found: dict[str, list[HtmlElement]] = {}
        for el in self.iter():
            ident = el.get("id")
            if ident is not None:
                found.setdefault(ident, []).append(el)
        return found

    def by_id(self, ident: str) -> HtmlElement | None:
        elements = self.ids.get(ident)
        return elements[0] if elements else None

    @cached_property
    def blocks(self) -> list[Block]:
        """Headings and text runs of the body in document order: the one block model
        (:mod:`checkers.document.blocks`), built once per page."""
        from checkers.document.blocks import build_blocks

        return build_blocks(self)

    @cached_property
    def title(self) -> str:
        for el in self.iter("title"):
            return collapse(el.text_content())
        return ""

    @cached_property
    def lang(self) -> str | None:
        value = self.html_element.get("lang")
        if value is None:
            value = self.html_element.get("{http://www.w3.org/XML/1998/namespace}lang")
        return value.strip() if value is not None else None

    @cached_property
    def base_url(self) -> str | None:
        for el in self.iter("base"):
            href = el.get("href")
            if href:
                return _join(self.url or "", href.strip()) or self.url
        return self.url

    def absolute(self, href: str | None) -> str | None:
        if href is None:
            return None
        href = href.strip()
        if not href:
            return None
        if not self.base_url:
            return href
        # A link the URL parser refuses (an unclosed IPv6 bracket) stays as written: fetching
        # it then fails with a clear error that becomes a finding, not a failed audit.
        return _join(self.base_url, href) or href

    @cached_property
    def text(self) -> str:
        """Visible text of the body, whitespace collapsed."""
        body = next(self.iter("body"), self.root)
        return collapse(" ".join(self.texts(body)))

    def texts(self, el: HtmlElement) -> Iterator[str]:
        if tag_of(el) in _NO_TEXT or self.hidden(el):
            return
        if el.text:
            yield el.text
        for child in el:
            if isinstance(child.tag, str):
                yield from self.texts(child)
            if child.tail:
                yield child.tail

    # ------------------------------------------------------------------ selectors and snippets

    def select(self, selector: str) -> list[HtmlElement]:
        """Elements matching a CSS selector; raises ``ValueError`` for invalid CSS."""
        from cssselect import SelectorError

        try:
            return self.root.cssselect(selector)
        except (SelectorError, etree.XPathError) as error:
            raise ValueError(f"invalid CSS selector {selector!r}: {error}") from None

    def inside_any(self, selector: str, ignored: set[HtmlElement]) -> bool:
        """Does the element named by ``selector`` lie in (or is) one of ``ignored``?"""
        try:
            matches = self.select(selector)
        except ValueError:
            return False
        for el in matches:
            node: HtmlElement | None = el
            while node is not None:
                if node in ignored:
                    return True
                node = node.getparent()
        return False

    def selector(self, el: HtmlElement) -> str:
        """A CSS selector unique in this document: ``#id`` when the id is unique, else a path."""
        cached = self._selectors.get(el)
        if cached is not None:
            return cached
        parts: list[str] = []
        node: HtmlElement | None = el
        while node is not None and isinstance(node.tag, str):
            ident = node.get("id")
            if ident and len(self.ids.get(ident, ())) == 1 and _css_ident(ident):
                parts.append(f"#{ident}")
                break
            tag = tag_of(node)
            parent = node.getparent()
            if parent is None or tag in ("html", "body", "head"):
                parts.append(tag)
                if tag in ("html",) or parent is None:
                    break
                node = parent
                continue
            if not _css_ident(tag):
                # Broken markup can make tag names CSS cannot name ("a<div"): count children.
                children = [c for c in parent if isinstance(c.tag, str)]
                parts.append(f"*:nth-child({children.index(node) + 1})")
                node = parent
                continue
            nth, same = self._nth_of_type(parent, node)
            parts.append(tag if same == 1 else f"{tag}:nth-of-type({nth})")
            node = parent
        result = " > ".join(reversed(parts))
        self._selectors[el] = result
        return result

    def _nth_of_type(self, parent: HtmlElement, el: HtmlElement) -> tuple[int, int]:
        """(position among same-tag siblings, their count), counted once per parent: a parent
        with thousands of children would make every selector below it linear."""
        if el not in self._nth:
            counts: dict[str, int] = {}
            for child in parent:
                if isinstance(child.tag, str):
                    tag = tag_of(child)
                    counts[tag] = counts.get(tag, 0) + 1
                    self._nth[child] = (counts[tag], 0)
            for child in parent:
                if isinstance(child.tag, str):
                    self._nth[child] = (self._nth[child][0], counts[tag_of(child)])
        return self._nth[el]

    def snippet(self, el: HtmlElement) -> str:
        """Outer HTML of the element, cut: the start tag and a little content."""
        raw = etree.tostring(el, encoding="unicode", method="html", with_tail=False)
        raw = collapse(raw)
        return raw if len(raw) <= _SNIPPET_MAX else raw[: _SNIPPET_MAX - 1] + "…"

    # ------------------------------------------------------------------ visibility and names

    def hidden(self, el: HtmlElement) -> bool:
        """Hidden from everyone by markup; CSS files not read. See :meth:`render_state`."""
        state = self._render.get(el)
        if state is None:  # not in the document tree (a detached element)
            return self._inherited(el, self._hidden, _hides_itself)
        return state[0] or state[1]

    def render_state(self, el: HtmlElement) -> tuple[bool, bool]:
        """(not rendered, visibility hidden) of an element, as a browser decides them from the
        markup: ``display:none``, the ``hidden`` attribute (unless an inline display overrides
        it), ``input type=hidden``, closed ``<dialog>`` and ``<details>`` (but its summary),
        never-rendered containers (head, script, template, …) hide a whole subtree for good;
        ``visibility:hidden`` is inherited but a descendant's ``visibility:visible`` shows it
        again. The one model of visibility for every engine and rule."""
        return self._render.get(el, (False, False))

    @cached_property
    def _render(self) -> dict[HtmlElement, tuple[bool, bool]]:
        # One pass in document order: a parent's state is known before its children.
        state: dict[HtmlElement, tuple[bool, bool]] = {}
        start = (False, False)
        for el in self.html_element.iter():
            tag = el.tag
            if not isinstance(tag, str):
                continue
            tag = tag.lower()
            parent = el.getparent()
            gone, invisible = state.get(parent, start)
            if (
                parent is not None
                and not gone
                and parent.tag == "details"
                and parent.get("open") is None
                and el is not parent.find("summary")
            ):
                gone = True  # only the first summary of a closed details element is rendered
            if tag in NOT_RENDERED_TAGS or (tag == "dialog" and el.get("open") is None):
                gone = True
            style = el.get("style")
            display = None
            if style:
                declared = style_declarations(style)
                display = declared.get("display")
                visibility = declared.get("visibility")
                if visibility is not None and visibility not in ("inherit", "unset", "revert"):
                    invisible = visibility in ("hidden", "collapse")
            hidden_input = tag == "input" and (el.get("type") or "").strip().lower() == "hidden"
            if display == "none" or (el.get("hidden") is not None and display is None):
                gone = True
            state[el] = (gone or hidden_input, invisible)
        return state

    def aria_hidden(self, el: HtmlElement) -> bool:
        return self._inherited(el, self._aria_hidden, _aria_hides_itself)

    @staticmethod
    def _inherited(
        el: HtmlElement,
        cache: dict[HtmlElement, bool],
        itself: Callable[[HtmlElement], bool],
    ) -> bool:
        """A flag that holds when it holds for the element or any ancestor, computed once per
        element: rules ask it for every element, and walking all ancestors each time made the
        static engine quadratic in the depth of the page."""
        found = cache.get(el)
        if found is not None:
            return found
        chain: list[HtmlElement] = []
        node: HtmlElement | None = el
        inherited = False
        while node is not None and isinstance(node.tag, str):
            known = cache.get(node)
            if known is not None:
                inherited = known
                break
            chain.append(node)
            node = node.getparent()
        for member in reversed(chain):
            inherited = inherited or itself(member)
            cache[member] = inherited
        return inherited

    def role(self, el: HtmlElement) -> str | None:
        role = (el.get("role") or "").strip().lower().split()
        return role[0] if role else None

    def accessible_name(self, el: HtmlElement, *, placeholder: bool = True) -> str:
        """The element's accessible name; ``placeholder=False``: without the placeholder a
        text field falls back to (for the rules that tell a label from a placeholder)."""
        name = self._names.get(el)
        if name is None:
            name = self._names[el] = collapse(self._name(el, set(), _ROOT))
        if name or not placeholder or self.hidden(el):
            return name
        return self.placeholder_name(el)

    def placeholder_name(self, el: HtmlElement) -> str:
        """What names a text field when nothing else does: its ``placeholder`` (input and
        textarea), else ``aria-placeholder`` (also of a textbox, searchbox or combobox role)."""
        tag = tag_of(el)
        kind = (el.get("type") or "text").strip().lower()
        if tag == "textarea" or (tag == "input" and kind not in _NOT_TEXT_FIELDS):
            return collapse(el.get("placeholder")) or collapse(el.get("aria-placeholder"))
        if self.role(el) in _TEXTBOX_ROLES:
            return collapse(el.get("aria-placeholder"))
        return ""

    def _name(
        self, el: HtmlElement, seen: set[int], mode: str, keep_hidden: bool = False
    ) -> str:
        """accname steps without CSS. ``mode``: the element itself (root), an element reached
        through aria-labelledby (hidden ones count, labelledby is not followed again), or a
        descendant in a name-from-content traversal (labelledby is followed there).
        ``keep_hidden``: inside a hidden element that aria-labelledby points at, hidden
        descendants count too (accname 2A)."""
        if id(el) in seen:
            return ""
        seen.add(id(el))
        if mode == _ROOT and self.hidden(el):
            return ""
        if mode == _LABELLEDBY and not keep_hidden:
            keep_hidden = self.hidden(el) or self.aria_hidden(el)
        labelledby = el.get("aria-labelledby")
        if labelledby and mode != _LABELLEDBY:
            parts = [self._name(ref, seen, _LABELLEDBY) for ref in self._refs(labelledby)]
            joined = collapse(" ".join(parts))
            if joined:
                return joined
        if mode != _ROOT:
            # accname 2E: a control inside another element's name gives its value, not its
            # label (aria-label included), e.g. "Alle <select>…</select> Tage erinnern".
            value = self._embedded_value(el)
            if value is not None:
                return value
        label = collapse(el.get("aria-label"))
        if label:
            return label
        tag = tag_of(el)
        native = self._native_name(el, tag, seen)
        if native:
            return native
        role = self.role(el)
        from_content = (
            mode != _ROOT or tag in _NAME_FROM_CONTENT_TAGS or role in _NAME_FROM_CONTENT_ROLES
        )
        if from_content and (mode != _ROOT or role not in ("presentation", "none")):
            content = self._content_name(el, seen, keep_hidden=keep_hidden)
            if content:
                return content
        return collapse(el.get("title"))

    def _native_name(self, el: HtmlElement, tag: str, seen: set[int]) -> str:
        if tag == "img" or (tag == "input" and (el.get("type") or "").lower() == "image"):
            if tag == "img" and self.role(el) in ("presentation", "none"):
                return ""  # a decorative image adds nothing, whatever its alt says
            return collapse(el.get("alt"))
        if tag == "area":
            return collapse(el.get("alt"))
        if tag == "input":
            kind = (el.get("type") or "text").lower()
            if kind in ("submit", "reset", "button"):
                labels = self._labels(el, seen)
                return (
                    labels
                    or collapse(el.get("value"))
                    or ({"submit": "Senden", "reset": "Zurücksetzen"}.get(kind, ""))
                )
        if tag in LABELABLE:
            return self._labels(el, seen)
        if tag == "fieldset":
            for child in el:
                if tag_of(child) == "legend":
                    return self._content_name(child, seen)
        if tag == "table":
            for child in el:
                if tag_of(child) == "caption":
                    return self._content_name(child, seen)
        if tag == "figure":
            for child in el:
                if tag_of(child) == "figcaption":
                    return self._content_name(child, seen)
        if tag == "svg":
            for child in el:
                if tag_of(child) == "title":
                    return collapse(child.text_content())
        if tag in ("iframe", "frame"):
            return collapse(el.get("title"))
        return ""

    def _labels(self, el: HtmlElement, seen: set[int]) -> str:
        names: list[str] = []
        ident = el.get("id")
        # label[for] names only the first element with that id, as in browsers.
        if ident and self.by_id(ident) is el:
            for label in self.label_index.get(ident, ()):
                names.append(self._label_name(label, seen, el))
        node = el.getparent()
        while node is not None and isinstance(node.tag, str):
            if tag_of(node) == "label" and node.get("for") in (None, ident):
                names.append(self._label_name(node, seen, el))
                break
            node = node.getparent()
        return collapse(" ".join(names))

    def _label_name(self, label: HtmlElement, seen: set[int], control: HtmlElement) -> str:
        """A label's own aria-label or aria-labelledby win over its text, as browsers do."""
        labelledby = label.get("aria-labelledby")
        if labelledby:
            parts = [self._name(ref, seen, _LABELLEDBY) for ref in self._refs(labelledby)]
            joined = collapse(" ".join(parts))
            if joined:
                return joined
        return collapse(label.get("aria-label")) or self._content_name(
            label, seen, skip=control, keep_hidden=self.hidden(label)
        )

    @cached_property
    def label_index(self) -> dict[str, list[HtmlElement]]:
        index: dict[str, list[HtmlElement]] = {}
        for label in self.iter("label"):
            target = label.get("for")
            if target:
                index.setdefault(target, []).append(label)
        return index

    def _content_name(
        self,
        el: HtmlElement,
        seen: set[int],
        skip: HtmlElement | None = None,
        keep_hidden: bool = False,
    ) -> str:
        parts: list[str] = []
        if el.text:
            parts.append(el.text)
        for child in el:
            if not isinstance(child.tag, str):
                if child.tail:
                    parts.append(child.tail)
                continue
            visible = keep_hidden or not (self.hidden(child) or self.aria_hidden(child))
            if child is not skip and tag_of(child) not in _NO_TEXT and visible:
                name = self._name(child, seen, _CONTENT, keep_hidden)
                parts.append(f" {name} " if _stands_apart(child) else name)
            if child.tail:
                parts.append(child.tail)
        return collapse("".join(parts))

    def _embedded_value(self, el: HtmlElement) -> str | None:
        """The value of an embedded control as markup states it (accname 2E), None when the
        element is no control: a text field its value, a select its selected option(s) (the
        first enabled one when none is marked, as a one-line select shows), a textarea its
        text, a listbox or combobox widget its aria-selected options, a range widget
        aria-valuetext or aria-valuenow."""
        tag = tag_of(el)
        role = self.role(el)
        if tag == "select":
            options = [o for o in el.iter("option") if isinstance(o.tag, str)]
            chosen = [o for o in options if o.get("selected") is not None]
            single = el.get("multiple") is None and (el.get("size") or "1").strip() in ("", "1")
            if not chosen and single:
                chosen = [o for o in options if o.get("disabled") is None][:1]
            if single:
                chosen = chosen[-1:]  # the last selected option wins in a one-line select
            return collapse(" ".join(self._option_text(o) for o in chosen))
        if tag == "textarea":
            return collapse(el.text_content())
        if tag == "input":
            return collapse(el.get("value"))
        if role in ("listbox", "combobox") and tag not in ("input", "select"):
            chosen = [
                o for o in el.iter()
                if isinstance(o.tag, str)
                and self.role(o) == "option"
                and (o.get("aria-selected") or "").strip().lower() == "true"
            ]
            return collapse(" ".join(self._option_text(o) for o in chosen))
        if role in _RANGE_ROLES:
            return collapse(el.get("aria-valuetext")) or collapse(el.get("aria-valuenow"))
        return None

    @staticmethod
    def _option_text(option: HtmlElement) -> str:
        return collapse(option.get("label")) or collapse(option.text_content())

    def _refs(self, value: str) -> list[HtmlElement]:
        return [ref for ref in (self.by_id(i) for i in value.split()) if ref is not None]

    def element_lang(self, el: HtmlElement) -> str | None:
        node: HtmlElement | None = el
        while node is not None and isinstance(node.tag, str):
            value = node.get("lang")
            if value is not None:
                return value.strip()
            node = node.getparent()
        return None


_CSS_IDENT = re.compile(r"-?[A-Za-z_][A-Za-z0-9_-]*\Z")
_ROOT, _LABELLEDBY, _CONTENT = "root", "labelledby", "content"


def _stands_apart(el: HtmlElement) -> bool:
    """Whether ``el``'s part of a name from content is set apart by spaces: a browser lays it
    out in a box of its own (by its tag, unless an inline ``style`` says otherwise), or its
    part is a text alternative (alt, aria-label, aria-labelledby), which Chrome and Firefox
    always separate: ``<a><img alt="Logo">Stadt</a>`` is "Logo Stadt"."""
    tag = tag_of(el)
    if tag in _ALTERNATIVE_TAGS or el.get("aria-label") or el.get("aria-labelledby"):
        return True
    display = style_declarations(el.get("style")).get("display", "").split()
    if display:
        return display[0] not in ("inline", "contents", "none")
    return tag in _OWN_BOX_TAGS


def _join(base: str, href: str) -> str | None:
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def _css_ident(value: str) -> bool:
    return bool(_CSS_IDENT.match(value))
