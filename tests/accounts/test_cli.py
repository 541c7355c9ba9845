"""``a11y admin`` in-process (click's CliRunner) and once as a real subprocess."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from a11y_service.accounts.store import AccountStore
from a11y_service.cli import main

KEY = re.compile(r"^a11y_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$")


@pytest.fixture
def runner(db_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("A11Y_DATABASE_URL", db_url)
    return CliRunner()


def _stdout_lines(result: object) -> list[str]:
    return result.stdout.splitlines()  # type: ignore[attr-defined]


def test_org_create_prints_the_key_alone_on_the_last_line(runner: CliRunner, db_url: str) -> None:
    result = runner.invoke(
        main, ["admin", "org", "create", "Stadt Musterstadt", "--land", "BY", "--body", "school"]
    )
    assert result.exit_code == 0, result.output
    key = _stdout_lines(result)[-1]
    assert KEY.fullmatch(key)
    store = AccountStore.open(db_url)
    try:
        principal = store.key_principal(key)
        assert principal is not None
        assert (principal.org_slug, principal.org_land, principal.org_body_kind) == (
            "stadt-musterstadt",
            "BY",
            "school",
        )
    finally:
        store.close()


@pytest.mark.parametrize(
    ("args", "stdin", "needle"),
    [
        (["admin", "org", "create", "Zweite", "--slug", "amt"], None, "schon vergeben"),
        (["admin", "org", "create", "X", "--land", "XX"], None, "Unbekanntes Land"),
        (["admin", "org", "create", "X", "--body", "burg"], None, "Unbekannte Art"),
        (
            ["admin", "user", "create", "a@example.org", "--org", "nope", "--role", "admin"],
            "ein-langes-passwort\n",
            "nicht gefunden",
        ),
        (
            ["admin", "user", "create", "a@example.org", "--org", "amt", "--role", "boss"],
            "ein-langes-passwort\n",
            "Unbekannte Rolle",
        ),
        (
            ["admin", "user", "create", "a@example.org", "--org", "amt", "--role", "admin"],
            "\n",
            "mindestens 10 Zeichen",
        ),
        (
            ["admin", "user", "create", "a@example.org", "--org", "amt", "--role", "admin"],
            "kurz\n",
            "mindestens 10 Zeichen",
        ),
        (["admin", "key", "revoke", "nichtda", "--org", "amt"], None, "nicht gefunden"),
        (["admin", "key", "list", "--org", "nope"], None, "nicht gefunden"),
    ],
)
def test_bad_input_is_a_bilingual_error_with_exit_2(
    runner: CliRunner, args: list[str], stdin: str | None, needle: str
) -> None:
    assert runner.invoke(main, ["admin", "org", "create", "Amt", "--slug", "amt"]).exit_code == 0
    result = runner.invoke(main, args, input=stdin)
    assert result.exit_code == 2, result.output
    assert needle in result.output
    assert " / " in result.output  # German, then English
    assert "Traceback" not in result.output


def test_user_and_keys(runner: CliRunner, db_url: str) -> None:
    assert runner.invoke(main, ["admin", "org", "create", "Amt", "--slug", "amt"]).exit_code == 0
    created = runner.invoke(
        main,
        ["admin", "user", "create", "Chefin@Example.org", "--org", "amt", "--role", "admin"],
        input="ein-langes-passwort\n",
    )
    assert created.exit_code == 0, created.output
    store = AccountStore.open(db_url)
    try:
        assert (
            store.authenticate("chefin@example.org", "ein-langes-passwort", "cli").role == "admin"
        )
    finally:
        store.close()
    duplicate = runner.invoke(
        main,
        ["admin", "user", "create", "chefin@example.org", "--org", "amt", "--role", "viewer"],
        input="ein-langes-passwort\n",
    )
    assert duplicate.exit_code == 2 and "schon ein Konto" in duplicate.output

    made = runner.invoke(
        main, ["admin", "key", "create", "--org", "amt", "--name", "CI", "--role", "viewer"]
    )
    assert made.exit_code == 0, made.output
    key = _stdout_lines(made)[-1]
    assert KEY.fullmatch(key)
    prefix = key.split("_")[1]
    listed = runner.invoke(main, ["admin", "key", "list", "--org", "amt"])
    assert prefix in listed.output and key not in listed.output
    revoked = runner.invoke(main, ["admin", "key", "revoke", prefix, "--org", "amt"])
    assert revoked.exit_code == 0
    assert (
        "widerrufen/revoked" in runner.invoke(main, ["admin", "key", "list", "--org", "amt"]).output
    )
    store = AccountStore.open(db_url)
    try:
        assert store.key_principal(key) is None
    finally:
        store.close()
    reset = runner.invoke(main, ["admin", "user", "reset-password", "chefin@example.org"])
    assert reset.exit_code == 0
    assert _stdout_lines(reset)[-1].startswith("/passwort-setzen?token=")


def test_subprocess_prints_the_key_alone_on_the_last_stdout_line(tmp_path: Path) -> None:
    env = {**os.environ, "A11Y_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}"}
    done = subprocess.run(
        [sys.executable, "-m", "a11y_service.cli", "admin", "org", "create", "Gemeinde Au"],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    last = done.stdout.decode().rstrip("\n").split("\n")[-1]
    assert KEY.fullmatch(last), done.stdout
    again = subprocess.run(
        [sys.executable, "-m", "a11y_service.cli", "admin", "org", "create", "Gemeinde Au"],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert again.returncode == 2
    assert "schon vergeben" in again.stderr.decode() and not again.stdout
