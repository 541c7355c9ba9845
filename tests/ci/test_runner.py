from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from a11y_core.config.env import Settings
from a11y_core.engines import audit_options
from a11y_service.cli.check import _progress
from checkers.page.options import AuditOptions
from checkers.page.site.config import CheckConfig
from checkers.page.site.runner import RunError, resolve_targets
from checkers.report import Report, Target


def test_folders_expand_to_html_and_markdown(tmp_path: Path) -> None:
    for name in ("a.md", "b.html", "c.txt", "node_modules/x.html", "sub/d.htm"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    slots, urls, sitemaps = resolve_targets(
        [".", "https://x.de/", "https://x.de/sitemap.xml.gz", "a.md"], CheckConfig(), tmp_path)
    assert [(s.kind, s.path.name) for s in slots if s.path] == [
        ("text", "a.md"), ("html", "b.html"), ("html", "d.htm")]
    assert urls == ["https://x.de/"] and sitemaps == ["https://x.de/sitemap.xml.gz"]


def test_config_targets_only_without_cli_targets(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("x", encoding="utf-8")
    config = CheckConfig(path=tmp_path / "a11y.toml", urls=("https://x.de/",),
                         files=("docs/*.md",))
    slots, urls, _ = resolve_targets([], config, tmp_path)
    assert urls == ["https://x.de/"] and len(slots) == 1
    slots, urls, _ = resolve_targets(["https://y.de/"], config, tmp_path)
    assert urls == ["https://y.de/"] and slots == []


def test_unknown_targets_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "bild.png").write_bytes(b"x")
    with pytest.raises(RunError):
        resolve_targets(["bild.png"], CheckConfig(), tmp_path)
    with pytest.raises(RunError):
        resolve_targets(["fehlt"], CheckConfig(), tmp_path)


def test_audit_options_from_config() -> None:
    config = CheckConfig(engines=frozenset({"static"}), concurrency=4, timeout=3,
                         land="BW", rules={"static.image-alt": False}, allow_loopback=True)
    options = audit_options(config=config)
    assert options.browser.pool_size == 4 and options.policy.timeout == 3
    assert options.browser.page_timeout == 10.0
    assert options.policy.allow_loopback and options.policy.allow_files
    assert options.bitv.land == "BW"
    assert options.disabled_rules == {"static.image-alt"}


def test_audit_options_of_the_service_and_of_its_site_audits() -> None:
    """One builder: the service's settings alone (POST /v1/audits), or a site audit's [check]
    configuration held to the service's rules (no local files, its hosts, size limit and Grid)."""
    settings = Settings(allowed_hosts=("intern.example",), selenium_url="http://grid:4444",
                        max_page_bytes=1000, browser_pool=3, bitv_land="BY")
    service = audit_options(settings)
    assert not service.policy.allow_files and service.policy.max_bytes == 1000
    assert service.browser.pool_size == 3 and service.bitv.land == "BY"
    config = CheckConfig(engines=frozenset({"static"}), land="BW", homepage="https://x.de/")
    cli = audit_options(config=config)
    job = audit_options(settings, config)
    assert cli.policy.allow_files and not job.policy.allow_files
    assert job.policy.allowed_hosts == ("intern.example",) and job.policy.max_bytes == 1000
    assert job.browser.remote_url == "http://grid:4444" and cli.browser.remote_url is None
    # everything else is the configuration's, as in `a11y check`
    assert replace(job, policy=cli.policy, browser=cli.browser) == cli
    with pytest.raises(TypeError):
        audit_options()


def test_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    show = _progress(True)
    assert show is not None and _progress(False) is None
    report = Report(target=Target(kind="page", url="https://x.de/"))
    show(report, 1, 2)
    show(report, 2, 2)
    err = capsys.readouterr().err
    assert "1/2" in err and "[" + "#" * 30 + "] 2/2" in err and err.endswith("\n")


def test_config_urls_and_sitemaps_stay_apart(tmp_path: Path) -> None:
    config = CheckConfig(urls=("https://x.de/feed.xml",), sitemaps=("https://x.de/karte",))
    _, urls, sitemaps = resolve_targets([], config, tmp_path)
    assert urls == ["https://x.de/feed.xml"] and sitemaps == ["https://x.de/karte"]
    # on the command line the suffix is all there is to go by
    _, urls, sitemaps = resolve_targets(["https://x.de/karte.xml"], config, tmp_path)
    assert urls == [] and sitemaps == ["https://x.de/karte.xml"]


def test_one_audit_path_for_files_documents_and_the_api(tmp_path: Path) -> None:
    """audit_pages serves `a11y check` (files: named by path, findings with lines) and
    POST /v1/audits (a document given as text, the caller's homepage flag) alike."""
    from checkers.page.options import UrlPolicy
    from checkers.page.site.runner import Slot, audit_pages

    html = ("<!DOCTYPE html><html lang='de'><head><title>T</title></head><body><main>\n"
            "<h1>T</h1>\n<img src='a.png'>\n</main></body></html>")
    page = tmp_path / "seite.html"
    page.write_text(html, encoding="utf-8")
    options = AuditOptions(engines=frozenset({"static"}), policy=UrlPolicy(allow_files=True))
    audited = audit_pages(
        [Slot("html", str(page), path=page), Slot("html", "(html)", html=html)], options,
        cwd=tmp_path,
    )
    from_file, from_text = audited.reports
    assert from_file is not None and from_text is not None
    assert from_file.error is None and from_text.error is None
    assert (from_file.target.kind, from_file.target.id) == ("file", "seite.html")
    assert from_text.target.kind == "page"
    image = [f for f in from_file.findings if f.rule_id == "static.image-alt"]
    assert image and image[0].location.line == 3
    assert {f.rule_id for f in from_text.findings} == {f.rule_id for f in from_file.findings}
    homepage = audit_pages([Slot("html", "(html)", html=html, homepage=True)],
                           replace_engines(options, {"static", "bitv"}))
    other = audit_pages([Slot("html", "(html)", html=html, homepage=False)],
                        replace_engines(options, {"static", "bitv"}))
    rules = {f.rule_id for f in homepage.reports[0].findings}  # type: ignore[union-attr]
    assert rules != {f.rule_id for f in other.reports[0].findings}  # type: ignore[union-attr]
    assert audited.details == []  # kept only when the options ask (the web app's report)
    kept = audit_pages([Slot("html", "(html)", html=html)], replace(options, keep_details=True))
    assert len(kept.details) == 1 and kept.details[0] is not None
    assert kept.details[0].page.lang == "de"


def replace_engines(options: AuditOptions, engines: set[str]) -> AuditOptions:
    return replace(options, engines=frozenset(engines))
