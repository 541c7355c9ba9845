"""Mark findings in place: the checked text as HTML with properly nested ``<mark>`` elements.

Findings overlap (a long sentence holds a passive phrase, a line-level hint spans two
sentences). HTML needs a tree, so a span that crosses the end of an enclosing span is cut there
and continued after it; only its first piece carries the id and the reference link.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass(slots=True)
class Span:
    start: int
    end: int
    number: int | None  # the finding number (anchor target); None for a hard sentence
    css: str
    label: str  # the reference link's accessible name
    first: bool = True
    children: list[Span] = field(default_factory=list)


def _nest(spans: Sequence[Span], length: int) -> list[Span]:
    pending = sorted(
        (s for s in spans if 0 <= s.start < s.end <= length), key=lambda s: (s.start, -s.end)
    )
    roots: list[Span] = []
    stack: list[Span] = []
    index = 0
    while index < len(pending):
        span = pending[index]
        index += 1
        while stack and stack[-1].end <= span.start:
            stack.pop()
        if stack and span.end > stack[-1].end:
            # Crossing: keep the part inside the parent, continue the rest after it.
            parent_end = stack[-1].end
            rest = Span(parent_end, span.end, span.number, span.css, span.label, first=False)
            span.end = parent_end
            position = index
            while position < len(pending) and (pending[position].start, -pending[position].end) < (
                rest.start,
                -rest.end,
            ):
                position += 1
            pending.insert(position, rest)
        (stack[-1].children if stack else roots).append(span)
        stack.append(span)
    return roots


def _render(
    text: str, spans: list[Span], start: int, end: int, hidden: Callable[[int], str]
) -> str:
    out: list[str] = []
    cursor = start
    for span in spans:
        out.append(str(escape(text[cursor : span.start])))
        inner = _render(text, span.children, span.start, span.end, hidden)
        if span.number is None:
            # A hard sentence: named for screen readers by its label, on its first piece only.
            prefix = (
                f'<span class="visually-hidden">{escape(span.label)}</span>'
                if span.first and span.label
                else ""
            )
            out.append(f'<mark class="{span.css}">{prefix}{inner}</mark>')
        else:
            ident = f' id="m-{span.number}"' if span.first else ""
            prefix = (
                f'<span class="visually-hidden">{escape(hidden(span.number))}</span>'
                if span.first
                else ""
            )
            out.append(f'<mark{ident} class="{span.css}">{prefix}{inner}</mark>')
            if span.first:
                out.append(
                    f'<a class="ref" href="#f-{span.number}" aria-label="{escape(span.label)}">'
                    f"{span.number}</a>"
                )
        cursor = span.end
    out.append(str(escape(text[cursor:end])))
    return "".join(out)


def highlight(text: str, spans: Sequence[Span], hidden: Callable[[int], str]) -> Markup:
    """``text`` escaped, with ``spans`` as nested marks; ``hidden(n)`` names mark ``n`` for
    screen readers (a visually hidden prefix, since ``<mark>`` itself is not announced)."""
    copies = [Span(s.start, s.end, s.number, s.css, s.label, s.first) for s in spans]
    return Markup(_render(text, _nest(copies, len(text)), 0, len(text), hidden))
