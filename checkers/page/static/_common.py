"""Facts shared by the static rules, computed in one walk over the page and cached per page.

Every static rule needs the same answers: is this element in the accessibility tree, is it
rendered at all, what is its role, can it take keyboard focus. :func:`facts` walks the tree once
(top down, so inherited states cost nothing) and keeps the answers in sets; the rules then look
elements up instead of walking ancestors again. That keeps the engine linear in the page size.

"Hidden" here follows what markup alone can tell: the ``hidden`` attribute, inline
``display:none`` / ``visibility:hidden``, ``input type=hidden``, closed ``<dialog>`` and
``<details>``, and containers that are never rendered (``template``, ``noscript``, ``script``,
``style``, ``head``). Style sheets are not read: elements hidden by CSS classes count as shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from checkers.page.dom import (
    NOT_RENDERED_TAGS,
    HtmlElement,
    Page,
    collapse,
    tag_of,
)

# Elements whose content is never rendered nor exposed (a browser with scripting on).
NOT_RENDERED = NOT_RENDERED_TAGS

# WAI-ARIA 1.2 roles (with the ARIA 1.3 additions browsers already know), DPUB-ARIA and
# Graphics-ARIA. Abstract roles (widget, landmark, input, ...) are deliberately absent: they must
# not be used in content.
ROLES = frozenset(
    """
    alert alertdialog application article banner blockquote button caption cell checkbox code
    columnheader combobox comment complementary contentinfo definition deletion dialog directory
    document emphasis feed figure form generic grid gridcell group heading image img insertion
    link list listbox listitem log main mark marquee math menu menubar menuitem menuitemcheckbox
    menuitemradio meter navigation none note option paragraph presentation progressbar radio
    radiogroup region row rowgroup rowheader scrollbar search searchbox sectionfooter
    sectionheader separator slider spinbutton status strong subscript suggestion superscript
    switch tab table tablist tabpanel term textbox time timer toolbar tooltip tree treegrid
    treeitem
    doc-abstract doc-acknowledgments doc-afterword doc-appendix doc-backlink doc-biblioentry
    doc-bibliography doc-biblioref doc-chapter doc-colophon doc-conclusion doc-cover doc-credit
    doc-credits doc-dedication doc-endnote doc-endnotes doc-epigraph doc-epilogue doc-errata
    doc-example doc-footnote doc-foreword doc-glossary doc-glossref doc-index doc-introduction
    doc-noteref doc-notice doc-pagebreak doc-pagefooter doc-pageheader doc-pagelist doc-part
    doc-preface doc-prologue doc-pullquote doc-qna doc-subtitle doc-tip doc-toc
    graphics-document graphics-object graphics-symbol
    """.split()
)
# Global states and properties: an element carrying one of them keeps its role even when it
# says role="presentation" (WAI-ARIA "presentational roles conflict resolution").
GLOBAL_ARIA = frozenset(
    """
    aria-atomic aria-braillelabel aria-brailleroledescription aria-busy aria-controls
    aria-current aria-describedby aria-description aria-details aria-disabled aria-dropeffect
    aria-errormessage aria-flowto aria-grabbed aria-haspopup aria-hidden aria-invalid
    aria-keyshortcuts aria-label aria-labelledby aria-live aria-owns aria-relevant
    aria-roledescription
    """.split()
)
_DISABLEABLE = frozenset(
    {"button", "input", "select", "textarea", "optgroup", "option", "fieldset"}
)


@dataclass(slots=True)
class Facts:
    elements: list[HtmlElement] = field(default_factory=list)  # document order
    by_tag: dict[str, list[HtmlElement]] = field(default_factory=dict)
    with_role: list[HtmlElement] = field(default_factory=list)
    with_aria: list[HtmlElement] = field(default_factory=list)  # any aria-* attribute
    not_rendered: set[HtmlElement] = field(default_factory=set)  # hidden from everyone
    excluded: set[HtmlElement] = field(default_factory=set)  # not in the accessibility tree
    aria_hidden_roots: list[HtmlElement] = field(default_factory=list)  # outermost only
    in_svg: set[HtmlElement] = field(default_factory=set)  # svg and its descendants
    inert: set[HtmlElement] = field(default_factory=set)  # inert attribute or inside one
    # Memos shared by the rules of one run (accessible names: Page.accessible_name).
    heading_list: list[tuple[HtmlElement, int]] | None = None
    script_text: str | None = None  # inline scripts, joined (script_manages_focus)
    link_list: list[HtmlElement] | None = None

    def tags(self, *names: str) -> list[HtmlElement]:
        if len(names) == 1:
            return self.by_tag.get(names[0], [])
        wanted = set(names)
        return [el for el in self.elements if tag_of(el) in wanted]


_CACHE: WeakKeyDictionary[Page, Facts] = WeakKeyDictionary()


def facts(page: Page) -> Facts:
    cached = _CACHE.get(page)
    if cached is None:
        cached = _walk(page)
        _CACHE[page] = cached
    return cached


def _walk(page: Page) -> Facts:
    result = Facts()
    elements = result.elements
    by_tag = result.by_tag
    not_rendered = result.not_rendered
    excluded_set = result.excluded
    # Per element: (aria-hidden, inert, in svg); rendering comes from Page.render_state, the one
    # visibility model. lxml's iteration is in document order: parents come before children.
    state: dict[HtmlElement, tuple[bool, bool, bool]] = {}
    start = (False, False, False)
    for el in page.html_element.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        tag = tag.lower()
        parent = el.getparent()
        ahidden, inert, svg = state.get(parent, start)
        gone, invisible = page.render_state(el)
        elements.append(el)
        by_tag.setdefault(tag, []).append(el)
        keys = el.keys()
        if tag == "svg":
            svg = True
        if keys:
            if not ahidden and (el.get("aria-hidden") or "").strip().lower() == "true":
                ahidden = True
                if not gone and not inert:
                    result.aria_hidden_roots.append(el)
            if "inert" in keys:
                inert = True
            if "role" in keys:
                result.with_role.append(el)
            for key in keys:
                if key.startswith("aria-"):
                    result.with_aria.append(el)
                    break
        if svg:
            result.in_svg.add(el)
        if inert:
            result.inert.add(el)
        if gone or invisible:
            not_rendered.add(el)
            excluded_set.add(el)
        elif ahidden or inert:
            excluded_set.add(el)
        state[el] = (ahidden, inert, svg)
    return result


def excluded(page: Page, el: HtmlElement) -> bool:
    """Not included in the accessibility tree (hidden, aria-hidden, inert, never rendered)."""
    return el in facts(page).excluded


def not_rendered(page: Page, el: HtmlElement) -> bool:
    return el in facts(page).not_rendered


def role_tokens(el: HtmlElement) -> list[str]:
    return (el.get("role") or "").lower().split()


def explicit_role(el: HtmlElement) -> str | None:
    """The first role token a browser knows (ARIA fallback roles), else None."""
    for token in role_tokens(el):
        if token in ROLES:
            return token
    return None


def has_global_aria(el: HtmlElement) -> bool:
    return any(name in GLOBAL_ARIA for name in el.attrib)


def disabled(el: HtmlElement) -> bool:
    """Disabled by markup: the attribute, or a disabled fieldset (outside its first legend)."""
    if tag_of(el) in _DISABLEABLE and el.get("disabled") is not None:
        return True
    child = el
    node = el.getparent()
    while node is not None:
        if tag_of(node) == "fieldset" and node.get("disabled") is not None:
            legend = next((c for c in node if tag_of(c) == "legend"), None)
            if legend is None or child is not legend:
                return tag_of(el) in _DISABLEABLE
        child = node
        node = node.getparent()
    return False


def tabindex(el: HtmlElement) -> int | None:
    value = (el.get("tabindex") or "").strip()
    if re.fullmatch(r"[+-]?\d+", value):
        return int(value)
    return None


def natively_focusable(el: HtmlElement) -> bool:
    tag = tag_of(el)
    if tag in ("a", "area"):
        return el.get("href") is not None
    if tag in ("button", "select", "textarea", "iframe"):
        return True
    if tag == "input":
        return (el.get("type") or "").strip().lower() != "hidden"
    if tag in ("audio", "video"):
        return el.get("controls") is not None
    if tag == "summary":
        parent = el.getparent()
        return parent is not None and tag_of(parent) == "details"
    editable = el.get("contenteditable")
    return editable is not None and editable.strip().lower() in ("", "true", "plaintext-only")


def focusable(el: HtmlElement) -> bool:
    """Can take focus at all (tabindex=-1 included); ignores CSS."""
    if disabled(el):
        return False
    return natively_focusable(el) or tabindex(el) is not None


def in_tab_order(el: HtmlElement) -> bool:
    """In sequential focus navigation (Tab key), judged from markup."""
    if disabled(el):
        return False
    index = tabindex(el)
    if index is not None:
        return index >= 0
    return natively_focusable(el)


def presentational(el: HtmlElement) -> bool:
    """role=none/presentation that the browser honours (not focusable, no global ARIA)."""
    return explicit_role(el) in ("none", "presentation") and not (
        focusable(el) or has_global_aria(el)
    )


def text_of(el: HtmlElement) -> str:
    return collapse(el.text_content())



# The first element of the source is svg or MathML math: an SVG or XML document, not an HTML
# page (lxml invents the html element around it; the ACT page rules do not apply to it).
_FOREIGN_DOCUMENT = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:svg|math)[\s/>]",
    re.I | re.S,
)


def is_foreign_document(page: Page) -> bool:
    """The source is an SVG or MathML (XML) document rather than an HTML page: rules about the
    html element (lang, title) do not apply."""
    return bool(_FOREIGN_DOCUMENT.match(page.html or ""))


_FOCUS_EVENT = re.compile(r"""['"]focus(?:in)?['"]|\.onfocus(?:in)?\b""", re.I)


def script_manages_focus(page: Page, el: HtmlElement) -> bool:
    """A script on the page reacts to this element receiving focus (an onfocus handler, or an
    inline script that names the element's id and listens for focus), e.g. a focus sentinel
    that moves focus on at once. Whether it really does needs a browser."""
    if el.get("onfocus") is not None or el.get("onfocusin") is not None:
        return True
    ident = (el.get("id") or "").strip()
    if not ident:
        return False
    known = facts(page)
    if known.script_text is None:
        known.script_text = "\n".join(
            s.text or "" for s in known.tags("script") if not s.get("src")
        )
    code = known.script_text
    if not code or not _FOCUS_EVENT.search(code):
        return False
    return re.search(r"""['"#]""" + re.escape(ident) + r"""['"]""", code) is not None


def html_lang(page: Page) -> str | None:
    """The lang attribute of the html element itself (xml:lang does not count)."""
    return page.html_element.get("lang")


def xml_lang(el: HtmlElement) -> str | None:
    value = el.get("{http://www.w3.org/XML/1998/namespace}lang")
    return value if value is not None else el.get("xml:lang")


_LEVEL = re.compile(r"\s*[1-9]\d*\s*\Z")


def headings(page: Page) -> list[tuple[HtmlElement, int]]:
    """Headings in the accessibility tree, in document order, with their level."""
    known = facts(page)
    if known.heading_list is not None:
        return known.heading_list
    found: list[tuple[HtmlElement, int]] = []
    candidates = {el for tag in ("h1", "h2", "h3", "h4", "h5", "h6") for el in known.tags(tag)}
    candidates.update(known.with_role)
    order = {el: n for n, el in enumerate(known.elements)} if candidates else {}
    for el in sorted(candidates, key=order.__getitem__):
        tag = tag_of(el)
        native = len(tag) == 2 and tag[0] == "h" and tag[1] in "123456"
        if el in known.excluded:
            continue
        role = explicit_role(el)
        if native and role in ("none", "presentation") and not presentational(el):
            role = None  # focusable or global ARIA: the heading role stays
        if role is not None and role != "heading":
            continue
        if not native and role != "heading":
            continue
        level_attr = el.get("aria-level") if role == "heading" or native else None
        if level_attr and _LEVEL.match(level_attr):
            level = int(level_attr)
        else:
            level = int(tag[1]) if native else 2
        found.append((el, level))
    known.heading_list = found
    return found
