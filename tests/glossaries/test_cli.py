"""``python -m glossaries`` commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from glossaries import load_glossaries
from glossaries.__main__ import main


def test_validate_builtin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "amtsdeutsch.yaml" in out and "valid" in out


def test_validate_invalid_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nid: bad\nlang: de\nentries: [{term: x}]\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml" in err and "Pflichtfeld" in err and "required field" in err
    assert "Traceback" not in err


def test_export_import_round_trip(tmp_path: Path) -> None:
    tbx = tmp_path / "out.tbx"
    assert main(["export", "--out", str(tbx), "--kind", "idiom"]) == 0
    out = tmp_path / "idioms-copy.yaml"
    assert main(["import", str(tbx), "--out", str(out)]) == 0
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert doc["id"] == "out"
    assert len(doc["entries"]) == len(load_glossaries().by_kind("idiom"))
    # The written file is a valid glossary that loads again.
    assert main(["validate", str(out)]) == 0


def test_import_unsafe_tbx_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    evil = tmp_path / "evil.tbx"
    evil.write_text('<!DOCTYPE x [<!ENTITY a "b">]><tbx>&a;</tbx>', encoding="utf-8")
    assert main(["import", str(evil), "--out", str(tmp_path / "x.yaml")]) == 2
    assert "DOCTYPE" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as info:
        main(["export"])  # --out missing
    assert info.value.code == 2


def test_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "glossaries", "validate", str(tmp_path / "missing.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "missing.yaml" in result.stderr and "Traceback" not in result.stderr
