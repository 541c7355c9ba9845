"""``a11y check`` end to end against the local site, without a browser (``--static-only``)."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.ci.cli_helpers import STATIC_CONFIG, run_cli, run_cli_subprocess, run_json
from tests.ci.site import BAD, GOOD, Site, page, urlset


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "a11y.toml").write_text(STATIC_CONFIG, encoding="utf-8")
    return tmp_path


def _paths(site: Site, data: dict) -> list[str]:
    return [r["target"]["url"].removeprefix(site.base) for r in data["reports"]]


def test_sitemap_index_each_page_once_and_timeout_exits_2(site: Site, work: Path) -> None:
    code, data = run_json("check", "--static-only", site.base + "/sitemap.xml", cwd=work)
    assert code == 2
    assert _paths(site, data) == ["/", "/kontakt", "/liste?a=1&b=2", "/news", "/slow"]
    slow = data["reports"][-1]
    assert slow["error"]["kind"] == "timeout"
    assert data["summary"]["reports_failed"] == 1
    for path in ("/", "/kontakt", "/news", "/liste?a=1&b=2", "/slow"):
        assert site.hits[path] == 1, path
    assert site.hits["/privat/geheim"] == 0  # robots.txt


def test_exit_0_and_1(site: Site, work: Path) -> None:
    code, data = run_json("check", "--static-only", site.base + "/news", site.base + "/liste",
                          cwd=work)
    assert code == 0, data
    code, data = run_json("check", "--static-only", site.base + "/news",
                          site.base + "/kontakt", cwd=work)
    assert code == 1
    assert _paths(site, data) == ["/news", "/kontakt"]  # in the order given
    rules = [f["rule_id"] for f in data["reports"][1]["findings"]]
    assert "static.image-alt" in rules


def test_redirect_to_a_page_already_audited_is_one_report(site: Site, work: Path) -> None:
    code, data = run_json("check", "--static-only", site.base + "/news", site.base + "/alt",
                          site.base + "/news/#oben", cwd=work)
    assert code == 0
    assert _paths(site, data) == ["/news"]
    assert any("duplicate" in limit for limit in data["limits"])


def test_page_that_does_not_load_is_never_0(site: Site, work: Path) -> None:
    code, data = run_json("check", "--static-only", "--fail-on", "never",
                          site.base + "/gibt-es-nicht", cwd=work)
    assert code == 2
    assert data["reports"][0]["error"]["kind"] == "http-status"


def test_loopback_needs_permission(site: Site, tmp_path: Path) -> None:
    # Also the smoke test of the real entry point (python -m a11y_service.cli) for `check`.
    done = run_cli_subprocess("check", "--static-only", site.base + "/news", cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_link_crawl_from_config(site: Site, work: Path) -> None:
    (work / "a11y.toml").write_text(
        STATIC_CONFIG + f'[check.targets]\nurls = ["{site.base}/"]\n'
        "[check.crawl]\nenabled = true\nmax_depth = 2\n", encoding="utf-8")
    code, data = run_json("check", "--static-only", cwd=work)
    assert _paths(site, data) == ["/", "/kontakt", "/news", "/tief/1", "/tief/2"]
    assert code == 1


def test_login_by_cookie_and_by_login_step(
    site: Site, work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, data = run_json("check", "--static-only", site.base + "/intern", cwd=work)
    assert code == 2 and data["reports"][0]["error"]["kind"] == "http-status"

    (work / "a11y.toml").write_text(
        STATIC_CONFIG + '[check.auth]\ncookies = [{ name = "session", value = "${SITZUNG}" }]\n',
        encoding="utf-8")
    monkeypatch.setenv("SITZUNG", "ok")
    code, data = run_json("check", "--static-only", site.base + "/intern", cwd=work)
    assert data["reports"][0].get("error") is None
    assert code == 1  # audited: the page has an image without alt

    (work / "a11y.toml").write_text(
        STATIC_CONFIG + f'[check.auth.login]\nurl = "{site.base}/login"\n'
        'fields = { user = "ci", password = "geheim" }\n', encoding="utf-8")
    code, data = run_json("check", "--static-only", site.base + "/intern", cwd=work)
    assert data["reports"][0].get("error") is None and code == 1

    (work / "a11y.toml").write_text(
        STATIC_CONFIG + f'[check.auth.login]\nurl = "{site.base}/login"\n'
        'fields = { password = "falsch" }\n', encoding="utf-8")
    done = run_cli("check", "--static-only", site.base + "/intern", cwd=work)
    assert done.returncode == 2 and "Login" in done.stderr


def test_baseline_round_trip(site: Site, work: Path) -> None:
    targets = [site.base + "/", site.base + "/kontakt", site.base + "/news"]
    done = run_cli("baseline", "create", "--static-only", *targets, "-o", "basis.json", cwd=work)
    assert done.returncode == 0, done.stderr
    assert json.loads((work / "basis.json").read_text())["entries"]

    code, data = run_json("check", "--static-only", "--baseline", "basis.json", *targets,
                          cwd=work)
    assert code == 0
    assert data["baseline"]["new"] == 0 and data["baseline"]["known"] > 0

    # an unrelated edit elsewhere on the failing page keeps its findings known
    site.pages["/kontakt"] = page("Kontakt", "<p>Neu: Öffnungszeiten.</p>\n" + BAD)
    code, _ = run_json("check", "--static-only", "--baseline", "basis.json", *targets, cwd=work)
    assert code == 0

    site.pages["/news"] = page("Neues", BAD)  # a new barrier
    code, data = run_json("check", "--static-only", "--baseline", "basis.json", *targets,
                          cwd=work)
    assert code == 1 and data["baseline"]["new"] == 1

    site.pages["/news"] = page("Neues", GOOD)
    site.pages["/kontakt"] = page("Kontakt", GOOD)  # fixed
    done = run_cli("check", "--static-only", "--baseline", "basis.json", *targets, cwd=work)
    assert done.returncode == 0
    assert "Behoben" in done.stdout and "static.image-alt" in done.stdout


def test_several_reports_at_once(site: Site, work: Path) -> None:
    done = run_cli(
        "check", "--static-only", site.base + "/sitemap.xml",
        "--report", "junit=out/junit.xml", "--report", "sarif=out/a11y.sarif",
        "--report", "html=out/bericht.html", "--report", "gitlab=out/gl.json",
        "--report", "json=out/run.json", cwd=work,
    )
    assert done.returncode == 2
    out = work / "out"
    ET.parse(out / "junit.xml")
    assert json.loads((out / "a11y.sarif").read_text())["version"] == "2.1.0"
    assert isinstance(json.loads((out / "gl.json").read_text()), list)
    assert json.loads((out / "run.json").read_text())["summary"]["reports"] == 5
    assert (out / "bericht.html").read_text().startswith("<!DOCTYPE html>")


def test_files_markdown_and_html_with_lines(tmp_path: Path) -> None:
    (tmp_path / "a11y.toml").write_text(STATIC_CONFIG, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "antrag.md").write_text(
        "# Antrag\n\nSie stellen den Antrag.\n\nDer Antrag wird vom Amt geprüft, nachdem die "
        "Unterlagen, die Sie einreichen, vollständig vorliegen.\n", encoding="utf-8")
    (docs / "seite.html").write_text(page("Seite", BAD), encoding="utf-8")
    code, data = run_json("check", "--static-only", "--fail-on", "info", "docs", cwd=tmp_path)
    assert [r["target"]["kind"] for r in data["reports"]] == ["file", "file"]
    assert [r["target"]["id"] for r in data["reports"]] == ["docs/antrag.md", "docs/seite.html"]
    md = data["reports"][0]
    assert md["findings"] and all(f["location"]["line"] >= 3 for f in md["findings"])
    assert code == 1


def test_changed_only(tmp_path: Path) -> None:
    (tmp_path / "a11y.toml").write_text(STATIC_CONFIG, encoding="utf-8")
    (tmp_path / "alt.md").write_text("# Alt\n\nDas ist gut.\n", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "eins"], cwd=tmp_path, check=True)
    (tmp_path / "neu.md").write_text("# Neu\n\nDas ist neu.\n", encoding="utf-8")
    code, data = run_json("check", "--static-only", "--changed-only", "HEAD", ".",
                          cwd=tmp_path)
    assert [r["target"]["id"] for r in data["reports"]] == ["neu.md"]
    assert code == 0
    done = run_cli("check", "--changed-only", "kein-ref", ".", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "config", "expected"),
    [
        (["gibt-es-nicht.txt"], STATIC_CONFIG, "weder eine Adresse"),
        ([], STATIC_CONFIG, "Keine Ziele"),
        (["--report", "pdf=x.pdf", "."], STATIC_CONFIG, "--report"),
        (["--engines", "lighthouse", "."], STATIC_CONFIG, "--engines"),
        (["."], STATIC_CONFIG + "max_depht = 3\n", "a11y.toml:5: key check.max_depht:"),
        (["--baseline", "fehlt.json", "."], STATIC_CONFIG, "Baseline"),
    ],
)
def test_usage_errors_exit_2_without_traceback(
    tmp_path: Path, args: list[str], config: str, expected: str
) -> None:
    (tmp_path / "a11y.toml").write_text(config, encoding="utf-8")
    done = run_cli("check", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert expected in done.stderr
    assert "Traceback" not in done.stderr


def test_reports_and_baseline_from_config(site: Site, work: Path) -> None:
    (work / "a11y.toml").write_text(
        STATIC_CONFIG.replace("[check]\n", '[check]\nbaseline = "a11y-baseline.json"\n'
                              'reports = ["junit=out/junit.xml", "html=out/bericht.html"]\n')
        + f'[check.targets]\nurls = ["{site.base}/kontakt"]\n', encoding="utf-8")
    done = run_cli("baseline", "create", "--static-only", cwd=work)
    assert done.returncode == 0, done.stderr
    assert (work / "a11y-baseline.json").is_file()
    done = run_cli("check", "--static-only", cwd=work)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (work / "out" / "junit.xml").is_file() and (work / "out" / "bericht.html").is_file()


# ------------------------------------------------------------------ review fixes

PDF = (200, b"%PDF-1.4\n", "application/pdf")


def test_crawled_documents_are_skipped_named_ones_fail(site: Site, work: Path) -> None:
    site.extra["/satzung.pdf"] = PDF
    site.extra["/download"] = PDF  # last crawl level: only the audit sees its content type
    site.pages["/rathaus"] = page("Rathaus", GOOD + '<p><a href="/satzung.pdf">Satzung</a> '
                                  '<a href="/download?id=1">Formular</a> <a href="/news">N</a></p>')
    (work / "a11y.toml").write_text(
        STATIC_CONFIG + f'[check.targets]\nurls = ["{site.base}/rathaus"]\n'
        "[check.crawl]\nenabled = true\nmax_depth = 1\n", encoding="utf-8")
    code, data = run_json("check", "--static-only", cwd=work)
    assert code == 0, data
    assert _paths(site, data) == ["/rathaus", "/news"]
    not_html = [limit for limit in data["limits"] if "not-html" in limit]
    assert len(not_html) == 2  # one by extension (crawler), one by content type (audit)
    assert any("/download?id=1" in limit for limit in not_html)
    code, data = run_json("check", "--static-only", site.base + "/satzung.pdf", cwd=work)
    assert code == 2 and data["reports"][0]["error"]["kind"] == "not-html"


def test_sitemap_on_another_origin_audits_nothing_and_exits_2(site: Site, work: Path) -> None:
    site.extra["/fremd.xml"] = (
        200, urlset(["https://example.org/a", "https://example.org/b"], site.base).encode(),
        "application/xml")
    done = run_cli("check", "--static-only", site.base + "/fremd.xml", cwd=work)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Nichts geprüft" in done.stderr and "Nothing audited" in done.stderr
    assert "other-origin" in done.stdout and "nichts geprüft" in done.stdout
    code, data = run_json("check", "--static-only", site.base + "/fremd.xml", cwd=work)
    assert code == 2 and data["reports"] == []
    assert any("other-origin: 2" in limit for limit in data["limits"])


def _git_repo(path: Path) -> list[str]:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=path, check=True)
    subprocess.run([*git, "add", "."], cwd=path, check=True)
    subprocess.run([*git, "commit", "-qm", "eins"], cwd=path, check=True)
    return git


def test_changed_only_with_non_ascii_names(tmp_path: Path) -> None:
    (tmp_path / "a11y.toml").write_text(STATIC_CONFIG, encoding="utf-8")
    (tmp_path / "Bürgerbüro.md").write_text("# Büro\n\nDas ist gut.\n", encoding="utf-8")
    (tmp_path / "alt.md").write_text("# Alt\n\nDas ist gut.\n", encoding="utf-8")
    _git_repo(tmp_path)
    (tmp_path / "Bürgerbüro.md").write_text("# Büro\n\nDas ist neu.\n", encoding="utf-8")
    (tmp_path / "Öffnungszeiten.md").write_text("# Zeiten\n\nMontag.\n", encoding="utf-8")
    code, data = run_json("check", "--static-only", "--changed-only", "HEAD", ".",
                          cwd=tmp_path)
    assert sorted(r["target"]["id"] for r in data["reports"]) == [
        "Bürgerbüro.md", "Öffnungszeiten.md"]
    assert code == 0


def test_changed_only_with_nothing_changed_passes(tmp_path: Path) -> None:
    (tmp_path / "a11y.toml").write_text(STATIC_CONFIG, encoding="utf-8")
    (tmp_path / "alt.md").write_text("# Alt\n\nDas ist gut.\n", encoding="utf-8")
    _git_repo(tmp_path)
    code, data = run_json("check", "--static-only", "--changed-only", "HEAD", ".",
                          cwd=tmp_path)
    assert code == 0 and data["reports"] == []


def test_html_file_findings_have_lines(tmp_path: Path) -> None:
    (tmp_path / "a11y.toml").write_text(STATIC_CONFIG, encoding="utf-8")
    source = page("Seite", BAD)
    (tmp_path / "seite.html").write_text(source, encoding="utf-8")
    img_line = next(n for n, line in enumerate(source.splitlines(), 1) if "<img" in line)
    done = run_cli("check", "--static-only", "seite.html", "--format", "json",
                   "--report", "sarif=a11y.sarif", "--report", "gitlab=gl.json", cwd=tmp_path)
    data = json.loads(done.stdout)
    alt = next(f for f in data["reports"][0]["findings"] if f["rule_id"] == "static.image-alt")
    assert (alt["location"]["line"], alt["location"]["column"]) == (img_line, 1)
    sarif = json.loads((tmp_path / "a11y.sarif").read_text())
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "static.image-alt")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == img_line
    issues = json.loads((tmp_path / "gl.json").read_text())
    issue = next(i for i in issues if i["check_name"] == "static.image-alt")
    assert issue["location"] == {"path": "seite.html", "lines": {"begin": img_line}}


def test_html_files_count_in_the_page_budget(site: Site, work: Path) -> None:
    (work / "seite.html").write_text(page("Seite", GOOD), encoding="utf-8")
    code, data = run_json("check", "--static-only", "--max-pages", "2", "seite.html",
                          site.base + "/news", site.base + "/liste", site.base + "/kontakt",
                          cwd=work)
    assert [r["target"].get("id") or r["target"]["url"].removeprefix(site.base)
            for r in data["reports"]] == ["seite.html", "/news"]
    assert any("max_pages" in limit for limit in data["limits"])
    assert code == 0


def test_limits_are_shown_in_the_text_report(site: Site, work: Path) -> None:
    done = run_cli("check", "--static-only", site.base + "/sitemap.xml", cwd=work)
    assert "Grenzen und Auslassungen:" in done.stdout
    assert "other-origin" in done.stdout and "robots" in done.stdout


def test_baseline_create_keeps_the_old_file_when_a_page_fails(site: Site, work: Path) -> None:
    good = [site.base + "/kontakt", site.base + "/news"]
    done = run_cli("baseline", "create", "--static-only", *good, "-o", "basis.json", cwd=work)
    assert done.returncode == 0, done.stderr
    before = (work / "basis.json").read_bytes()
    done = run_cli("baseline", "create", "--static-only", *good, site.base + "/gibt-es-nicht",
                   "-o", "basis.json", cwd=work)
    assert done.returncode == 2
    assert "nicht geschrieben" in done.stderr and "Traceback" not in done.stderr
    assert (work / "basis.json").read_bytes() == before
    assert sorted(p.name for p in work.iterdir()) == ["a11y.toml", "basis.json"]  # no temp file


def test_baseline_create_rejects_changed_only(work: Path) -> None:
    done = run_cli("baseline", "create", "--static-only", "--changed-only", "HEAD", ".",
                   cwd=work)
    assert done.returncode == 2 and "--changed-only" in done.stderr
    assert not (work / "a11y-baseline.json").exists()


@pytest.mark.parametrize("content", ["{}", '{"version": "2.1.0", "runs": []}', "[]"])
def test_foreign_baseline_file_is_a_clear_error(work: Path, content: str) -> None:
    (work / "basis.json").write_text(content, encoding="utf-8")
    (work / "a.md").write_text("# A\n\nGut.\n", encoding="utf-8")
    done = run_cli("check", "--static-only", "--baseline", "basis.json", "a.md", cwd=work)
    assert done.returncode == 2
    assert "keine Baseline-Datei" in done.stderr and "Traceback" not in done.stderr
