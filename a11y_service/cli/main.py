"""The ``a11y`` command: the same engine as the API, the same JSON, honest exit codes.

Exit codes: 0 nothing at or over ``--fail-on``; 1 findings at or over it; 2 usage error, bad
input or a batch line that could not be checked.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
import msgspec

from a11y_core.errors import BilingualError
from a11y_service.cli.errors import BilingualGroup, CliError, cli_error
from checkers.report import ExitCode, Report, ReportError, Target, encode_report
from checkers.rules import severity_rank
from checkers.text.errors import TextInputError


@click.group(cls=BilingualGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="a11y", prog_name="a11y")
def main() -> None:
    """Barrierefreiheit und verständliche Sprache prüfen.
    / Check accessibility and understandable language."""


@main.command("text")
@click.argument("source", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--text", "inline_text", help="Text direkt angeben / text given inline.")
@click.option(
    "--batch",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="JSONL: je Zeile {id, text, profile?, lang?} / one object per line.",
)
@click.option(
    "--input-format",
    "input_format",
    default="auto",
    show_default=True,
    type=click.Choice(["auto", "plain", "markdown", "html"]),
)
@click.option(
    "--profile",
    type=click.Choice(["leicht", "einfach", "standard"]),
    help="Profil (Standard aus a11y.toml, sonst einfach) / profile.",
)
@click.option("--lang", help="Sprache des Texts (de, en) / language of the text.")
@click.option(
    "--locale",
    type=click.Choice(["de", "en"]),
    default="de",
    show_default=True,
    help="Sprache der Meldungen / language of messages.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Ausgabe / output format.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="Ab welcher Stufe Exit-Code 1 / exit 1 at.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="a11y.toml (sonst im aktuellen Ordner) / config file.",
)
@click.option("--id", "target_id", help="Kennung im Bericht / id in the report.")
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    help="Exit-Code 1, wenn die Verständlichkeit darunter liegt / exit 1 below this score.",
)
def text_command(
    source: str | None,
    inline_text: str | None,
    batch: str | None,
    input_format: str,
    profile: str | None,
    lang: str | None,
    locale: str,
    output_format: str,
    fail_on: str,
    config_path: Path | None,
    target_id: str | None,
    min_score: float | None,
) -> None:
    """Text prüfen: Lesbarkeit und Leichte/Einfache Sprache. / Check a text.

    SOURCE ist eine Datei (.txt, .md, .html, .docx, .odt) oder - für die Standard-Eingabe.
    Exit-Code 1 auch, wenn der Text die Regeln seines Profils nicht erfüllt (außer mit
    --fail-on never). / SOURCE is a file or - for stdin; exit 1 also when the text does not
    follow its profile's rules (unless --fail-on never).
    """
    checker = _checker(config_path, locale)
    if batch:
        sys.exit(_run_batch(checker, batch, input_format, profile, lang, locale))
    given = [x for x in (source, inline_text) if x is not None]
    if len(given) != 1:
        raise CliError(
            "Geben Sie genau eine Quelle an: DATEI, - oder --text. "
            "/ Give exactly one source: FILE, - or --text."
        )
    from checkers.text.engine import CheckRequest

    limit = checker.config.max_chars
    if inline_text is not None:
        raw: str | bytes = inline_text
    else:
        raw = _read_source(source, max_bytes=_UTF8_MAX * (limit + 1))  # type: ignore[arg-type]
        if len(raw) > _UTF8_MAX * limit:
            # Even at 4 bytes a character this is more than the limit: stop reading here
            # (an endless stdin must not be read without bound).
            raise CliError(
                f"Der Text ist länger als {limit} Zeichen. / The text is longer than "
                f"{limit} characters."
            )
    try:
        document = _office_document(raw, source)
        if document is not None:
            raw = document.text
            input_format = input_format if input_format != "auto" else document.check_format
        report = checker.check(
            CheckRequest(raw, input_format, lang, profile, target_id, locale)  # type: ignore[arg-type]
        )
        if document is not None:
            report.target.format = document.input_format
            report.target.name = document.name
    except TextInputError as error:
        raise cli_error(error, locale) from None
    if output_format == "json":
        sys.stdout.buffer.write(encode_report(report) + b"\n")
    else:
        shown = raw if isinstance(raw, str) else raw.decode("utf-8-sig", errors="replace")
        click.echo(render_text(report, locale, shown))
    code = exit_code_for([report], fail_on)
    if code == ExitCode.OK and fail_on != "never":
        code = _rule_or_score_failure(report, min_score)
    sys.exit(code)


def _rule_or_score_failure(report: Report, min_score: float | None) -> int:
    """Exit 1 when the text does not follow its profile or scores below ``--min-score``."""
    from a11y_service.cli.text_output import verdict_passed

    score = report.metrics.get("score")
    if min_score is not None and (not isinstance(score, int | float) or score < min_score):
        return ExitCode.FINDINGS
    return ExitCode.OK if verdict_passed(report) else ExitCode.FINDINGS


def _checker(config_path: Path | None, locale: str) -> Any:
    from a11y_core import engines

    try:
        return engines.text_checker(config_path)
    except BilingualError as error:  # a11y.toml, a glossary file
        raise cli_error(error, locale) from None
    except Exception as error:  # a resource problem: say what, not a traceback
        raise CliError(str(error)) from None


def _office_document(raw: str | bytes, source: str | None) -> Any:
    """A .docx/.odt file (by name or content) read into its text, else None."""
    from checkers.text.documents import is_office_document, read_document

    if isinstance(raw, bytes) and is_office_document(raw, source or ""):
        return read_document(raw, source if source and source != "-" else "stdin")
    return None


_UTF8_MAX = 4  # bytes per character at most


def _read_source(source: str, max_bytes: int | None = None) -> bytes:
    """The bytes of a file or stdin; with ``max_bytes``, at most that many (never more is
    read, so ``/dev/zero`` or an endless pipe ends)."""
    size = -1 if max_bytes is None else max_bytes
    try:
        if source == "-":
            return sys.stdin.buffer.read(size)
        with Path(source).open("rb") as handle:
            return handle.read(size)
    except OSError as error:
        raise CliError(
            f"Datei nicht lesbar / cannot read file: {source} ({error.strerror})"
        ) from None


def _run_batch(
    checker: Any,
    batch: str,
    input_format: str,
    profile: str | None,
    lang: str | None,
    locale: str,
) -> int:
    from checkers.text.engine import CheckRequest

    raw = _read_source(batch)
    failed = False
    out = sys.stdout.buffer
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        item_id: str | None = None
        try:
            item = msgspec.json.decode(line)
            if not isinstance(item, dict):
                raise TextInputError(
                    "batch-line", "Zeile ist kein JSON-Objekt.", "Line is not a JSON object."
                )
            item_id = str(item["id"]) if item.get("id") is not None else None
            text = item.get("text")
            if not isinstance(text, str):
                raise TextInputError(
                    "batch-line",
                    "Feld 'text' fehlt oder ist kein Text.",
                    "Field 'text' is missing or not a string.",
                )
            report = checker.check(
                CheckRequest(
                    text,
                    item.get("format", input_format),
                    item.get("lang", lang),
                    item.get("profile", profile),
                    item_id,
                    locale,  # type: ignore[arg-type]
                )
            )
        except (msgspec.DecodeError, UnicodeDecodeError, RecursionError):
            # RecursionError: a line nested too deep for the decoder; one bad line, not a crash.
            failed = True
            report = _error_report(item_id, "batch-line", _line_msg(number, locale, "json"))
        except TextInputError as error:
            failed = True
            report = _error_report(
                item_id, error.kind, f"Zeile/line {number}: {error.message(locale)}"
            )
        out.write(encode_report(report) + b"\n")
    out.flush()
    return ExitCode.USAGE_OR_TOOL_ERROR if failed else ExitCode.OK


def _line_msg(number: int, locale: str, kind: str) -> str:
    if locale == "en":
        return f"line {number}: not valid JSON"
    return f"Zeile {number}: kein gültiges JSON"


def _error_report(item_id: str | None, kind: str, message: str) -> Report:
    return Report(target=Target(kind="text", id=item_id), error=ReportError(kind, message))


def exit_code_for(reports: list[Report], fail_on: str) -> int:
    if fail_on == "never":
        return ExitCode.OK
    threshold = severity_rank(fail_on)
    for report in reports:
        if report.error is not None:
            return ExitCode.USAGE_OR_TOOL_ERROR
        for finding in report.findings:
            if finding.outcome == "failed" and severity_rank(finding.severity) >= threshold:
                return ExitCode.FINDINGS
    return ExitCode.OK


def render_text(report: Report, locale: str, source: str | None = None) -> str:
    from a11y_service.cli.text_output import render_text as render

    return render(report, locale, source)


from a11y_service.cli.check import baseline_group, check_command  # noqa: E402

main.add_command(check_command)
main.add_command(baseline_group)

from a11y_service.cli.translate import models_group, translate_command  # noqa: E402

main.add_command(translate_command)
main.add_command(models_group)

from a11y_service.cli.worker import worker_command  # noqa: E402

main.add_command(worker_command)

from a11y_service.cli.admin import admin_group  # noqa: E402

main.add_command(admin_group)

if __name__ == "__main__":
    main()
