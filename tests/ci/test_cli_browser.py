"""The judged scenario with the browser: sitemap index, failing pages, a page that times out
and one behind a login, audited with axe-core in Chromium."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from tests.ci.cli_helpers import run_cli
from tests.ci.site import Site
from tests.ci.test_reporters import sarif_schema

pytestmark = pytest.mark.browser


def test_whole_site_with_browser(site: Site, tmp_path: Path) -> None:
    (tmp_path / "a11y.toml").write_text(
        "[check]\nallow_loopback = true\ntimeout = 2\n"
        f'[check.targets]\nurls = ["{site.base}/intern"]\nsitemaps = ["{site.base}/sitemap.xml"]\n'
        f'[check.auth.login]\nurl = "{site.base}/login"\nfields = {{ password = "geheim" }}\n',
        encoding="utf-8",
    )
    done = run_cli("check", "--format", "json", "--report", "sarif=a11y.sarif",
                   "--report", "junit=junit.xml", cwd=tmp_path, timeout=300)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2  # /slow did not answer in time
    data = json.loads(done.stdout)
    urls = [r["target"]["url"].removeprefix(site.base) for r in data["reports"]]
    assert Counter(urls) == Counter(["/intern", "/", "/kontakt", "/liste?a=1&b=2", "/news",
                                     "/slow"])
    by_url = dict(zip(urls, data["reports"], strict=True))
    assert by_url["/slow"]["error"]["kind"] == "timeout"
    assert by_url["/intern"].get("error") is None  # the login worked in the browser too
    assert "axe" in by_url["/kontakt"]["metrics"]["engines"]
    assert any(f["rule_id"].endswith("image-alt") for f in by_url["/kontakt"]["findings"])
    ET.parse(tmp_path / "junit.xml")
    jsonschema.Draft4Validator(sarif_schema()).validate(
        json.loads((tmp_path / "a11y.sarif").read_text()))
