"""The rule data files: every page rule's record and examples come from the YAML beside its
module, and a broken file fails loudly, naming the file and the key."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from checkers.page import bitv, static
from checkers.page.bitv import samples
from checkers.page.options import BitvSettings
from checkers.page.rule_data import page_meta
from checkers.rules.data import RuleDataError, load_rule_meta, read_rule_data

ROOT = Path(__file__).resolve().parent.parent
PAGE_RULE_DIRS = (ROOT / "checkers/page/static", ROOT / "checkers/page/bitv")

GOOD = """\
id: static.demo
engine: static
severity: error
wcag: ["1.3.1", "4.1.2"]
title: {de: Titel, en: Title}
message: {de: "Nachricht {name}", en: "Message {name}"}
explanation: {de: Erklärung, en: Explanation}
examples:
  - text: <p id="p">x</p>
    expect: failed
    at: "#p"
    context: {bitv: {land: BY, body: federal}, linked: {statement: [https://a.de/, <p>y</p>]}}
  - text: <p>y</p>
    expect: null
  - text: {sample: statement, preparation: ""}
    expect: failed
    context: {linked: {statement: [https://a.de/, {sample: homepage, nav: <a href="/ls/">LS</a>}]}}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "demo.yaml"
    path.write_text(text, encoding="utf-8")
    read_rule_data.cache_clear()
    return path


def test_a_good_file_becomes_the_record(tmp_path: Path) -> None:
    meta = page_meta(str(_write(tmp_path, GOOD).with_suffix(".py")))
    assert meta.id == "static.demo"
    assert meta.wcag == ("1.3.1", "4.1.2")
    # standards left out: derived from wcag
    assert meta.standards == ("EN 301 549 9.1.3.1", "EN 301 549 9.4.1.2")
    first = meta.examples[0]
    assert first.context["bitv"] == BitvSettings(land="BY", body="federal")
    assert first.context["linked"] == {"statement": ("https://a.de/", "<p>y</p>")}
    assert meta.examples[1].expect is None
    # a page named by its sample: only what the example changes is written out
    third = meta.examples[2]
    assert third.text == samples.statement(preparation="")
    assert third.context["linked"]["statement"][1] == samples.homepage(nav='<a href="/ls/">LS</a>')


@pytest.mark.parametrize(
    ("change", "names"),
    [
        (("severity: error", "severity: fatal"), "severity"),
        (("engine: static", "engine: static\nseverty: error"), "severty"),
        (("title: {de: Titel, en: Title}\n", ""), "title"),
        (("en: Explanation", "fr: Explication"), "explanation"),
        (('wcag: ["1.3.1", "4.1.2"]', "wcag: [1.3, 4.1.2]"), "wcag"),
        (("expect: null", "expect: fail"), "examples[1].expect"),
        (("    expect: null\n", ""), "examples[1]"),
        (("at: \"#p\"", "at: \"#p\"\n    wher: x"), "wher"),
        (("body: federal", "body: federal, bundesland: BY"), "examples[0].context.bitv"),
        (("sample: statement", "sample: statment"), "examples[2].text"),
        (("preparation: \"\"", "preparaton: \"\""), "examples[2].text"),
        (("sample: homepage", "sample: homepag"), "examples[2].context.linked"),
    ],
)
def test_a_broken_file_names_the_file_and_the_key(
    tmp_path: Path, change: tuple[str, str], names: str
) -> None:
    old, new = change
    assert old in GOOD
    path = _write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(RuleDataError) as error:
        page_meta(str(path.with_suffix(".py")))
    assert str(path) in str(error.value)
    assert names in str(error.value)


def test_not_yaml_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "id: [unclosed\n")
    with pytest.raises(RuleDataError, match=re.escape(str(path))):
        load_rule_meta(path)


def test_the_parsed_cache_follows_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = _write(tmp_path, GOOD)
    assert page_meta(str(path.with_suffix(".py"))).severity == "error"
    assert list((tmp_path / "__pycache__").glob("demo.yaml.*.marshal"))
    path.write_text(GOOD.replace("severity: error", "severity: warning"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    read_rule_data.cache_clear()
    assert page_meta(str(path.with_suffix(".py"))).severity == "warning"


def test_every_page_rule_reads_its_record_from_its_yaml() -> None:
    rules = static.all_rules() + bitv.all_rules()
    modules = {
        path for folder in PAGE_RULE_DIRS for path in folder.glob("*.py")
        if "META = page_meta(__file__)" in path.read_text(encoding="utf-8")
    }
    assert len(modules) == len(rules)
    for folder in PAGE_RULE_DIRS:
        for path in folder.glob("*.py"):
            assert "RuleMeta(" not in path.read_text(encoding="utf-8"), f"{path}: META in Python"
    for path in modules:
        assert path.with_suffix(".yaml").is_file()


def test_every_text_rule_reads_its_record_from_its_yaml() -> None:
    converted = [
        path for path in (ROOT / "checkers/text/rules").glob("*.py")
        if "META = rule_meta(__file__)" in path.read_text(encoding="utf-8")
    ]
    assert converted
    for path in (ROOT / "checkers/text/rules").glob("*.py"):
        assert "RuleMeta(" not in path.read_text(encoding="utf-8"), f"{path}: META in Python"
    for path in converted:
        assert path.with_suffix(".yaml").is_file()
