"""``a11y translate`` and ``a11y models``: the translation engine on the command line.

Thin on purpose: everything happens in ``translators`` (the same engine the service uses); this
module reads arguments, prints results and turns library errors into a German and English
message with exit code 2, never a traceback.

Exit codes: 0 translated (or model command done); 1 QA findings at or above ``--fail-on``;
2 bad input, missing model, broken package, unreachable index.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

import click
import msgspec

from a11y_core.errors import BilingualError
from a11y_service.cli.errors import CliError, cli_error
from checkers.report import ExitCode
from checkers.rules import severity_rank


def _fail(error: Exception) -> CliError:
    """Both languages, German first (a glossary file's error with its file and entry)."""
    return cli_error(error) if isinstance(error, BilingualError) else CliError(str(error))


STORAGE_ERRORS = (OSError, sqlite3.Error)


def _storage_fail(error: Exception) -> CliError:
    """Model folder or translation memory not usable: a message and exit 2, no traceback."""
    detail = getattr(error, "strerror", None) or str(error) or type(error).__name__
    where = getattr(error, "filename", None)
    suffix = f" ({where}: {detail})" if where else f" ({detail})"
    return CliError(
        "Modellordner oder Übersetzungsspeicher nicht nutzbar "
        "/ model folder or translation memory not usable" + suffix
    )


def _read(source: str) -> str:
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as error:
        raise CliError(
            f"Datei nicht lesbar / cannot read file: {source} ({error.strerror})"
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(
            f"Die Datei ist nicht UTF-8-kodiert / the file is not UTF-8: {source}"
        ) from None


def _translate_config(config_path: Path | None) -> Any:
    from a11y_core import engines

    try:
        return engines.translate_config(config_path)
    except BilingualError as error:
        raise _fail(error) from None


def _glossary(config_path: Path | None, paths: list[str | Path], builtin: bool) -> Any:
    from a11y_core import engines

    try:
        return engines.glossaries(config_path, paths, include_builtin=builtin)
    except Exception as error:  # a bad config or glossary file: say what, no traceback
        raise _fail(error) from None


@click.command("translate")
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--from", "source_lang", required=True, help="Ausgangssprache / source language.")
@click.option("--to", "target_lang", required=True, help="Zielsprache / target language.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "html", "markdown", "plain"]),
    default="auto",
    show_default=True,
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Ausgabedatei / file.")
@click.option("--json", "as_json", is_flag=True, help="Segmente und Befunde als JSON / as JSON.")
@click.option(
    "--glossary",
    multiple=True,
    type=click.Path(exists=True),
    help="Glossar (YAML/TBX, Datei oder Ordner) / glossary file or folder.",
)
@click.option(
    "--no-builtin-glossary", is_flag=True, help="Eingebaute Glossare nicht nutzen / skip built-in."
)
@click.option(
    "--keep", "keep", multiple=True, help="Begriff nicht übersetzen / do-not-translate term."
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="a11y.toml (sonst im aktuellen Ordner) / config file.",
)
@click.option("--locale", type=click.Choice(["de", "en"]), default="de", show_default=True)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="never",
    show_default=True,
    help="Ab welcher QA-Stufe Exit-Code 1 / exit 1 at.",
)
def translate_command(
    source: str,
    source_lang: str,
    target_lang: str,
    fmt: str,
    output: str | None,
    as_json: bool,
    glossary: tuple[str, ...],
    no_builtin_glossary: bool,
    keep: tuple[str, ...],
    config_path: Path | None,
    locale: str,
    fail_on: str,
) -> None:
    """Text, Markdown oder HTML übersetzen (offline, Argos-Modelle). / Translate a document.

    SOURCE ist eine Datei oder - für die Standard-Eingabe. / SOURCE is a file or - for stdin.
    """
    from a11y_core import engines
    from translators.errors import TranslationError

    content = _read(source)
    settings = _translate_config(config_path)
    terms = _glossary(config_path, [*settings.glossaries, *glossary], not no_builtin_glossary)
    try:
        document = engines.translator(settings).translate_document(
            content,
            fmt,
            source_lang,
            target_lang,
            terms,  # type: ignore[arg-type]
            do_not_translate=(*settings.do_not_translate, *keep),
            locale=locale,
        )
    except TranslationError as error:
        raise _fail(error) from None
    except STORAGE_ERRORS as error:
        raise _storage_fail(error) from None
    rendered = document.render()
    if output:
        try:
            Path(output).write_text(rendered, encoding="utf-8")
        except OSError as error:
            raise CliError(
                f"Datei nicht schreibbar / cannot write file: {output} ({error.strerror})"
            ) from None
    if as_json:
        payload = {
            "schema_version": "1",
            "source_lang": document.source_lang,
            "target_lang": document.target_lang,
            "format": document.format,
            "pivot": document.pivot,
            "output": rendered,
            "segments": [
                {
                    "id": s.id,
                    "context": s.context,
                    "source": s.source,
                    "target": s.target,
                    "pivot": s.pivot,
                    "from_memory": s.from_memory,
                    "placeholders": {
                        k: {"kind": v.kind, "text": v.text, "source": v.source_text}
                        for k, v in s.placeholders.items()
                    },
                }
                for s in document.segments
            ],
            "findings": msgspec.to_builtins(document.findings),
            "stats": document.stats,
        }
        sys.stdout.buffer.write(msgspec.json.encode(payload) + b"\n")
    elif not output:
        click.echo(rendered, nl=not rendered.endswith("\n"))
    if document.pivot:
        click.echo(
            f"Übersetzt über {document.pivot} (kein direktes Modell). "
            f"/ Translated via {document.pivot} (no direct model).",
            err=True,
        )
    sys.exit(_exit_code(document.findings, fail_on))


def _exit_code(findings: list[Any], fail_on: str) -> int:
    if fail_on == "never":
        return ExitCode.OK
    threshold = severity_rank(fail_on)
    if any(severity_rank(f.severity) >= threshold for f in findings):
        return ExitCode.FINDINGS
    return ExitCode.OK


@click.group("models")
def models_group() -> None:
    """Übersetzungsmodelle verwalten (Argos-Pakete). / Manage translation models."""


@models_group.command("list")
@click.option("--json", "as_json", is_flag=True)
def models_list(as_json: bool) -> None:
    """Installierte Modelle zeigen. / List installed models."""
    from translators.models import ModelStore

    store = ModelStore()
    try:
        models = store.list()
    except STORAGE_ERRORS as error:
        raise _storage_fail(error) from None
    if as_json:
        sys.stdout.buffer.write(msgspec.json.encode([m.to_dict() for m in models]) + b"\n")
        return
    if not models:
        click.echo(f"Keine Modelle installiert / no models installed ({store.root}).")
        return
    for model in models:
        click.echo(f"{model.from_code} → {model.to_code}  {model.package_version:<8} {model.name}")


@models_group.command("install")
@click.argument("args", nargs=-1, required=True)
@click.option("--online", is_flag=True, help="Aus dem Paket-Index laden: FROM TO / from the index.")
@click.option("--index-url", help="Adresse des Paket-Index / package index URL.")
@click.option("--timeout", type=float, default=60.0, show_default=True)
def models_install(
    args: tuple[str, ...], online: bool, index_url: str | None, timeout: float
) -> None:
    """Modell installieren: DATEI.argosmodel oder --online VON NACH. / Install a model."""
    from translators.errors import TranslationError
    from translators.models import ModelStore

    store = ModelStore()
    try:
        if online:
            if len(args) != 2:
                raise CliError(
                    "Mit --online: zwei Sprachcodes, z. B. 'de en'. "
                    "/ With --online: two language codes, e.g. 'de en'."
                )
            url = index_url or _translate_config(None).index_url
            model = store.install_online(args[0], args[1], url, timeout)
        else:
            if len(args) != 1:
                raise CliError(
                    "Genau eine Paketdatei angeben. / Give exactly one package file."
                )
            model = store.install_file(args[0])
    except TranslationError as error:
        raise _fail(error) from None
    except STORAGE_ERRORS as error:
        raise _storage_fail(error) from None
    click.echo(
        f"Installiert / installed: {model.from_code} → {model.to_code} "
        f"{model.package_version} ({model.path})"
    )


@models_group.command("remove")
@click.argument("args", nargs=-1, required=True)
def models_remove(args: tuple[str, ...]) -> None:
    """Modell entfernen: NAME oder VON NACH. / Remove a model: NAME or FROM TO."""
    from translators.errors import TranslationError
    from translators.models import ModelStore

    if len(args) not in (1, 2):
        raise CliError("NAME oder VON NACH angeben. / Give NAME or FROM TO.")
    key: str | tuple[str, str] = args[0] if len(args) == 1 else (args[0], args[1])
    try:
        model = ModelStore().remove(key)
    except TranslationError as error:
        raise _fail(error) from None
    except STORAGE_ERRORS as error:
        raise _storage_fail(error) from None
    click.echo(f"Entfernt / removed: {model.name}")
