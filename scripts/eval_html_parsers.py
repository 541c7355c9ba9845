"""Which HTML parser builds the page tree: conformance on odd markup, speed, element interface.

Run: ``.venv/bin/python scripts/eval_html_parsers.py [--repeat N]``. Candidates that are not
installed are reported as missing (install them into the venv to compare: html5-parser,
html5lib, selectolax). The conformance cases state the tree a browser builds (WHATWG HTML
tree construction, as Chromium does; ``<noscript>`` as with scripting on); each parser's tree
is reduced to the same compact shape, ``tag(child,child)`` with text as ``'text'``, and compared.

The speed pages are the HTML fixtures in ``tests/page/site`` plus generated pages of about
100 kB and 1 MB (nested sections, tables, lists, forms, inline markup). Timings are
CPU-time medians (process_time) on a shared machine: read them as ratios, not as absolute
figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (name, markup inside <body>, the body's children as a browser builds them)
CASES: list[tuple[str, str, str]] = [
    (
        "picture/source/img",
        "<picture><source srcset='a.webp'><img src='a.png' alt='A'></picture>",
        "picture(source,img)",
    ),
    ("unclosed p", "<p>a<p>b<div>c</div>", "p('a'),p('b'),div('c')"),
    ("p closed by main", "<p>a<main>b</main>", "p('a'),main('b')"),
    ("p closed by section", "<p>a<section>b</section>", "p('a'),section('b')"),
    ("unclosed li", "<ul><li>a<li>b</ul>", "ul(li('a'),li('b'))"),
    (
        "table: stray content foster-parented",
        "<table><tr><td>x</td></tr>stray<div>d</div></table>",
        "'stray',div('d'),table(tbody(tr(td('x'))))",
    ),
    ("misnested inline", "<b>1<i>2</b>3</i>", "b('1',i('2')),i('3')"),
    # The DOM keeps a template's content in a separate fragment: no children in the tree.
    ("template content", "<template><p>t</p></template><p>after</p>", "template,p('after')"),
    ("noscript (scripting on: raw text)", "<noscript><p>n</p></noscript>", "noscript('<p>n</p>')"),
    ("heading closes heading", "<h1>a<h2>b</h2>", "h1('a'),h2('b')"),
    ("stray </p>", "</p>x", "p,'x'"),
    ("<image> is img", "<image src='i.png' alt='i'>", "img"),
    ("duplicate attribute: first wins", "<div id=a id=b>x</div>", "div#a('x')"),
    ("nested form ignored", "<form><form><input></form>", "form(input)"),
    ("a around blocks", "<a href=x><div>d</div></a>", "a(div('d'))"),
    ("</br> is br", "a</br>b", "'a',br,'b'"),
    ("entity without semicolon", "<p>&copy 2026 &notit;</p>", "p('© 2026 ¬it;')"),
    ("svg keeps case-sensitive child", "<svg><title>s</title></svg>", "svg(title('s'))"),
    (
        "dialog and details",
        "<dialog><p>d</p></dialog><details><summary>s</summary>x</details>",
        "dialog(p('d')),details(summary('s'),'x')",
    ),
    ("select options", "<select><option>a<option>b</select>", "select(option('a'),option('b'))"),
]


def _doc(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"


# ------------------------------------------------------------------------ shapes


def _lxml_shape(el: Any) -> str:
    parts: list[str] = []
    if el.text:
        parts.append(repr(el.text))
    for child in el:
        if isinstance(child.tag, str):
            tag = child.tag.rsplit("}", 1)[-1].lower()
            ident = child.get("id")
            name = f"{tag}#{ident}" if ident else tag
            inner = _lxml_shape(child)
            parts.append(f"{name}({inner})" if inner else name)
        if child.tail:
            parts.append(repr(child.tail))
    return ",".join(parts)


def _lexbor_shape(node: Any) -> str:
    parts: list[str] = []
    child = node.child
    while child is not None:
        if child.tag == "-text":
            parts.append(repr(child.text_content))
        elif not child.tag.startswith("-") and child.tag != "_comment":
            ident = child.attributes.get("id")
            name = f"{child.tag}#{ident}" if ident else child.tag
            inner = _lexbor_shape(child)
            parts.append(f"{name}({inner})" if inner else name)
        child = child.next
    return ",".join(parts)


# ------------------------------------------------------------------------ candidates


def _lxml_html4() -> tuple[Callable[[str], Any], Callable[[Any], str], str]:
    import lxml.html

    parser = lxml.html.HTMLParser(recover=True, remove_comments=True, remove_pis=True)

    def parse(html: str) -> Any:
        return lxml.html.document_fromstring(html, parser=parser)

    def body(root: Any) -> str:
        return _lxml_shape(root.find("body"))

    return parse, body, f"lxml {lxml.__version__} (libxml2 HTML4 parser), BSD"


def _html5_parser() -> tuple[Callable[[str], Any], Callable[[Any], str], str]:
    import html5_parser
    import lxml.html

    def parse(html: str) -> Any:
        return html5_parser.parse(html, treebuilder="lxml_html", keep_doctype=False)

    def body(root: Any) -> str:
        assert isinstance(root, lxml.html.HtmlElement)
        return _lxml_shape(root.find("body"))

    version = ".".join(map(str, html5_parser.__version__))
    return parse, body, f"html5-parser {version} (gumbo, lxml tree), Apache-2.0"


def _html5lib() -> tuple[Callable[[str], Any], Callable[[Any], str], str]:
    import html5lib

    def parse(html: str) -> Any:
        return html5lib.parse(html, treebuilder="lxml", namespaceHTMLElements=False)

    def body(root: Any) -> str:
        return _lxml_shape(root.getroot().find("body"))

    return parse, body, f"html5lib {html5lib.__version__} (pure Python, lxml tree), MIT"


def _selectolax() -> tuple[Callable[[str], Any], Callable[[Any], str], str]:
    import selectolax
    from selectolax.lexbor import LexborHTMLParser

    def parse(html: str) -> Any:
        return LexborHTMLParser(html)

    def body(tree: Any) -> str:
        return _lexbor_shape(tree.body)

    return parse, body, f"selectolax {selectolax.__version__} (Lexbor, own node API), MIT"


def _lexbor_to_lxml() -> tuple[Callable[[str], Any], Callable[[Any], str], str]:
    import selectolax

    from checkers.document.html import parse_html

    def body(root: Any) -> str:
        return _lxml_shape(root.find("body"))

    return (
        (lambda html: parse_html(html).root),
        body,
        (
            f"selectolax {selectolax.__version__} copied into lxml.html "
            "(checkers.document.html), MIT"
        ),
    )


CANDIDATES = {
    "lxml-html4": _lxml_html4,
    "html5-parser": _html5_parser,
    "html5lib": _html5lib,
    "selectolax": _selectolax,
    "selectolax-lxml": _lexbor_to_lxml,
}


# ------------------------------------------------------------------------ speed pages


def generated_page(sections: int) -> str:
    parts = ["<!DOCTYPE html><html lang=de><head><title>Gen</title></head><body><main>"]
    for n in range(sections):
        parts.append(
            f"<section id=s{n}><h2>Abschnitt {n}</h2><p>Die <b>Stadt</b> bietet <a href='/a{n}'>"
            f"Hilfe</a> für Bürgerinnen &amp; Bürger an.<p>Zweiter Absatz<img src=i{n}.png alt=''>"
            f"<ul><li>Eins<li>Zwei<li><i>Drei</i></ul><table><tr><th>Name<th>Wert<tr><td>a<td>1"
            f"</table><form><label>Feld <input name=f{n}></label><button>Senden</button></form>"
            "</section>"
        )
    parts.append("</main></body></html>")
    return "".join(parts)


def speed_pages() -> dict[str, str]:
    fixtures = sorted((ROOT / "tests/page/site").glob("*.html"))
    pages = {p.name: p.read_text(encoding="utf-8") for p in fixtures}
    pages["generated-100k"] = generated_page(160)
    pages["generated-1M"] = generated_page(1600)
    return pages


def _median_ms(parse: Callable[[str], Any], html: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        parse(html)
        times.append(time.process_time() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    pages = speed_pages()
    small = [name for name in pages if not name.startswith("generated")]
    print(
        f"{len(CASES)} conformance cases; {len(small)} fixture pages "
        f"({sum(len(pages[n]) for n in small) // 1000} kB) + generated 100 kB, 1 MB\n"
    )
    for key, factory in CANDIDATES.items():
        try:
            parse, body, label = factory()
        except (ImportError, RuntimeError) as error:  # html5-parser: libxml2 mismatch
            print(f"{key}: not installed ({error})\n")
            continue
        failed = []
        for name, markup, expected in CASES:
            try:
                got = body(parse(_doc(markup)))
            except Exception as error:  # a parser that crashes on a case fails it
                got = f"error {error!r}"
            if got != expected:
                failed.append((name, expected, got))
        fixtures = sum(_median_ms(parse, pages[n], args.repeat) for n in small)
        mid = _median_ms(parse, pages["generated-100k"], args.repeat)
        big = _median_ms(parse, pages["generated-1M"], max(3, args.repeat // 2))
        print(f"{label}")
        print(f"  conformance: {len(CASES) - len(failed)}/{len(CASES)}")
        for name, expected, got in failed:
            print(f"    FAIL {name}: want {expected}  got {got}")
        print(
            f"  speed: fixtures {fixtures:.2f} ms total ({fixtures / len(small):.2f} ms/page), "
            f"100 kB {mid:.1f} ms, 1 MB {big:.1f} ms\n"
        )


if __name__ == "__main__":
    main()
