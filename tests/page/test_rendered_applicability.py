"""Hover checks that cannot apply are left out (checkers.page.rendered.applicability), and the
ones that can still find what they found before: real listeners, real :hover rules, real
Chromium. Also the CDP path of the checks' scripts (CdpScripts)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.browser import BrowserPool
from checkers.page.options import AuditOptions, BrowserSettings
from checkers.page.rendered import CONTENT_ON_HOVER

OPTIONS = AuditOptions(
    engines=frozenset({"axe"}),
    browser=BrowserSettings(pool_size=1, page_timeout=20),
    locale="en",
    keep_details=True,
)

# Shown over the page by a script when the pointer enters the link; Escape does not close it.
TIP = (
    '<p><a id="t" href="/x">Begriff</a></p>'
    '<div id="tip" hidden style="position:absolute;top:0;left:300px">Erklärung</div>'
)


@pytest.fixture(scope="module")
def pool():
    shared = BrowserPool(OPTIONS.browser, OPTIONS.policy)
    yield shared
    shared.close()


def _audit(pool, body: str, options: AuditOptions = OPTIONS):
    head = '<!DOCTYPE html><html lang="en"><head><title>Example</title></head>'
    html = f"{head}<body>{body}</body></html>"
    with PageAuditor(options, pool=pool) as auditor:
        report = auditor.audit_one(PageTarget(html=html))
        details = auditor.details_of(report)
    assert report.error is None and details is not None and details.axe is not None
    hover = details.axe.rendered.get("hover") or {}
    found = [f for f in report.findings if f.rule_id == CONTENT_ON_HOVER.id]
    return hover, found


@pytest.mark.browser
def test_script_without_pointer_listeners_gets_no_pointer_check(pool) -> None:
    hover, found = _audit(pool, '<a href="/a">Eins</a><script>var unused = 1;</script>')
    assert hover["candidates"] == 1
    assert hover["checked"] == 1  # the focus check only
    assert found == []


@pytest.mark.browser
def test_listener_on_the_link_keeps_the_pointer_check(pool) -> None:
    script = (
        "<script>document.getElementById('t').addEventListener('mouseenter', function () {"
        "document.getElementById('tip').hidden = false; });</script>"
    )
    _, found = _audit(pool, TIP + script)
    # Only the pointer shows the tip: without the pointer check nothing would be found.
    assert len(found) == 1 and "not dismissible with Escape" in found[0].message


@pytest.mark.browser
def test_delegated_listener_on_the_document_keeps_the_pointer_check(pool) -> None:
    script = (
        "<script>document.onmouseover = function (e) {"
        "if (e.target.id === 't') document.getElementById('tip').hidden = false; };</script>"
    )
    _, found = _audit(pool, TIP + script)
    assert len(found) == 1


@pytest.mark.browser
def test_hover_rule_of_an_ancestor_keeps_the_pointer_check_of_a_link_inside(pool) -> None:
    body = (
        "<style>.sub{display:none;position:absolute;top:4em;left:0}"
        ".m:hover > .sub{display:block}</style>"
        '<div class="m"><a href="/a">Menü</a><div class="sub">Untermenü mit Text</div></div>'
        "<p>Text</p><script>var unused = 1;</script>"
    )
    hover, found = _audit(pool, body)
    # .m (found by its rule) and the link inside it (found for being tabbable) are hovered;
    # each shows the menu, and each gets its finding.
    assert hover["candidates"] == 2
    assert {f.location.selector for f in found} == {"html > body > div", "html > body > div > a"}


@pytest.mark.browser
def test_without_cdp_answer_every_check_runs(pool, monkeypatch) -> None:
    from checkers.page.rendered import applicability

    def broken(driver):
        raise RuntimeError("no CDP here")

    monkeypatch.setattr(applicability, "_mark_pointer_listeners", broken)
    hover, _ = _audit(pool, '<a href="/a">Eins</a><script>var unused = 1;</script>',
                      replace(OPTIONS, locale="de"))
    assert hover["checked"] == 2


@pytest.mark.browser
def test_cdp_scripts_return_json_and_raise_page_errors(pool) -> None:
    from selenium.common.exceptions import JavascriptException

    from checkers.page.rendered import CdpScripts

    with pool.session() as session:
        session.driver.get("about:blank")
        scripts = CdpScripts(session.driver)
        got = scripts.execute_script("return [arguments[0] + 1, arguments[1]];", 1, {"a": "ü"})
        assert got == [2, {"a": "ü"}]
        assert scripts.execute_script("var x = 1;") is None
        with pytest.raises(JavascriptException, match="boom"):
            scripts.execute_script("throw new Error('boom');")
        assert scripts.current_url == "about:blank"  # everything else is the driver's


@pytest.mark.browser
def test_listener_in_a_shadow_tree_keeps_the_pointer_check_of_a_slotted_link(pool) -> None:
    script = (
        "<script>var host = document.getElementById('host');"
        "var root = host.attachShadow({mode: 'open'});"
        "root.innerHTML = '<div id=\"w\"><slot></slot></div>';"
        "root.getElementById('w').addEventListener('mouseover', function () {"
        "document.getElementById('tip').hidden = false; });</script>"
    )
    body = (
        '<p><span id="host"><a id="t" href="/x">Begriff</a></span></p>'
        '<div id="tip" hidden style="position:absolute;top:0;left:300px">Erklärung</div>'
    )
    _, found = _audit(pool, body + script)
    assert len(found) == 1
