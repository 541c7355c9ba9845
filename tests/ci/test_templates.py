"""The CI templates are run, not just parsed: their commands against the local site."""

from __future__ import annotations

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.ci.cli_helpers import ROOT, STATIC_CONFIG, VENV_BIN
from tests.ci.site import BAD, Site, page

TEMPLATES = ROOT / "ci" / "templates"


def _config(site: Site, work: Path) -> None:
    (work / "a11y.toml").write_text(
        STATIC_CONFIG + "[check.targets]\n"
        f'urls = ["{site.base}/", "{site.base}/kontakt"]\nfiles = ["docs/*.md"]\n',
        encoding="utf-8",
    )
    (work / "docs").mkdir()
    (work / "docs" / "hilfe.md").write_text("# Hilfe\n\nSie bekommen Hilfe.\n", encoding="utf-8")


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONPATH": str(ROOT)}
    return subprocess.run(["bash", "-e", "-c", command], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=180, check=False)


def _check_outputs(out: Path) -> None:
    ET.parse(out / "junit.xml")
    assert json.loads((out / "a11y.sarif").read_text())["version"] == "2.1.0"
    assert "<h1>" in (out / "bericht.html").read_text()


def test_github_workflow_commands(site: Site, tmp_path: Path) -> None:
    workflow = yaml.safe_load((TEMPLATES / "github-actions.yml").read_text())
    steps = workflow["jobs"]["a11y"]["steps"]
    commands = [s["run"] for s in steps if "run" in s and s.get("id") != "install"]
    assert commands and all("${{" not in c for c in commands)
    _config(site, tmp_path)
    for command in commands:
        done = _shell(command, tmp_path)
        assert done.returncode == 1, done.stderr  # /kontakt has an image without alt
    _check_outputs(tmp_path / "a11y-out")
    sarif = json.loads((tmp_path / "a11y-out" / "a11y.sarif").read_text())
    assert any(r["ruleId"] == "static.image-alt" for r in sarif["runs"][0]["results"])


def _apt_packages(command: str) -> set[str]:
    match = re.search(r"apt-get install ([^\n&|;]+)", command)
    assert match, command
    return {word for word in match.group(1).split() if not word.startswith("-")}


def test_github_workflow_runs_in_a_debian_container() -> None:
    """ubuntu-latest has no Debian chromium/chromium-driver packages (a snap stub at best): the
    job runs in the same Debian image family as the GitLab template and installs them there."""
    workflow = yaml.safe_load((TEMPLATES / "github-actions.yml").read_text())
    job = workflow["jobs"]["a11y"]
    image = job["container"] if isinstance(job["container"], str) else job["container"]["image"]
    assert re.fullmatch(r"python:3\.11-(bookworm|trixie)", image)
    install = next(s["run"] for s in job["steps"] if s.get("id") == "install")
    assert "sudo" not in install  # root in the container; no sudo there
    assert _apt_packages(install) >= {"chromium", "chromium-driver", "fonts-liberation"}
    assert not any("setup-python" in s.get("uses", "") for s in job["steps"])
    # the package source is configurable, not guessed from the repository owner
    text = (TEMPLATES / "github-actions.yml").read_text()
    assert "repository_owner" not in text
    assert "A11Y_PACKAGE" in job["env"] and 'pip install "$A11Y_PACKAGE"' in install
    steps = [s.get("uses", s.get("id")) for s in job["steps"]]
    assert steps.index("install") < steps.index("actions/checkout@v4")  # git before checkout


def test_gitlab_template_uses_debian_packages() -> None:
    job = yaml.safe_load((TEMPLATES / "gitlab-ci.yml").read_text())["a11y"]
    assert job["image"].startswith("python:3.11")
    assert _apt_packages(job["before_script"][0]) >= {"chromium", "chromium-driver",
                                                       "fonts-liberation"}


def test_gitlab_template_script(site: Site, tmp_path: Path) -> None:
    template = yaml.safe_load((TEMPLATES / "gitlab-ci.yml").read_text())
    job = template["a11y"]
    _config(site, tmp_path)
    site.pages["/kontakt"] = page("Kontakt", "<p>Alles gut.</p>")
    for command in job["script"]:
        done = _shell(command, tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
    out = tmp_path / "a11y-out"
    _check_outputs(out)
    reports = job["artifacts"]["reports"]
    assert (tmp_path / reports["junit"]).is_file()
    quality = json.loads((tmp_path / reports["codequality"]).read_text())
    assert isinstance(quality, list)


@pytest.mark.parametrize(("content", "expected"), [("<p>Gut.</p>", 0), (BAD, 1)])
def test_pre_commit_hook(tmp_path: Path, content: str, expected: int) -> None:
    hooks = yaml.safe_load((TEMPLATES.parents[1] / ".pre-commit-hooks.yaml").read_text())
    hook = hooks[0]
    files = ["seite.html", "notiz.md", "bild.png"]
    (tmp_path / "seite.html").write_text(page("Seite", content), encoding="utf-8")
    (tmp_path / "notiz.md").write_text("# Notiz\n\nDas ist kurz.\n", encoding="utf-8")
    (tmp_path / "bild.png").write_bytes(b"\x89PNG")
    passed = [f for f in files if re.search(hook["files"], f)]
    assert passed == ["seite.html", "notiz.md"]
    done = _shell(f"{hook['entry']} {' '.join(passed)}", tmp_path)
    assert done.returncode == expected, done.stdout + done.stderr
