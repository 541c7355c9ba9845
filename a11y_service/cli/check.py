"""``a11y check`` and ``a11y baseline create``: the CI gate on the command line.

Kept out of ``cli.py`` so the text command stays small; both are registered there with
``main.add_command``. Flags override ``a11y.toml`` (``[check]``), which overrides defaults.

Exit codes: 0 nothing over the thresholds; 1 findings over them; 2 usage error, tool error or a
page or file that could not be audited. Usage errors print a message (German, then English),
never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from a11y_core.errors import BilingualError
from a11y_service.cli.errors import CliError, cli_error, internal_error, tool_errors
from checkers.page.options import BODY_KINDS, ENGINES
from checkers.report import ExitCode, Report

REPORT_KINDS = ("text", "json", "junit", "sarif", "gitlab", "html")


def _common_options(function: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.argument("targets", nargs=-1),
        click.option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False, path_type=Path),
            help="a11y.toml (sonst im aktuellen Ordner) / config file.",
        ),
        click.option(
            "--static-only",
            is_flag=True,
            help="Ohne Browser (kein axe-core) / without the browser.",
        ),
        click.option("--engines", help="Kommagetrennt / comma-separated: axe,static,bitv,text."),
        click.option(
            "--locale",
            type=click.Choice(["de", "en"]),
            help="Sprache der Meldungen / language of messages.",
        ),
        click.option(
            "--allow-loopback",
            is_flag=True,
            help="127.0.0.1/localhost erlauben / allow loopback addresses.",
        ),
        click.option(
            "--allow-private",
            is_flag=True,
            help="Private Netze erlauben / allow private addresses.",
        ),
        click.option("--land", help="BITV: Bundesland (BW, BY, …) oder bund / German state."),
        click.option(
            "--body",
            type=click.Choice(BODY_KINDS),
            help="BITV: Art der Stelle / kind of public body.",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0.1),
            help="Sekunden je Seite / seconds per page.",
        ),
        click.option(
            "--concurrency",
            type=click.IntRange(min=1),
            help="Browser parallel / browsers in parallel.",
        ),
        click.option(
            "--max-pages",
            type=click.IntRange(min=1),
            help="Höchstens so viele Seiten / at most this many pages.",
        ),
        click.option(
            "--changed-only",
            metavar="REF",
            help="Nur Dateien, die sich gegenüber REF geändert haben / only files "
            "changed against the git ref.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _config(params: dict[str, Any]) -> Any:
    from checkers.page.site.config import ConfigError, load_check_config

    try:
        config = load_check_config(params["config_path"])
    except ConfigError as error:
        raise cli_error(error, params.get("locale") or "de") from None
    changes: dict[str, Any] = {}
    if params["engines"]:
        engines = {e.strip() for e in params["engines"].split(",") if e.strip()}
        unknown = engines - set(ENGINES)
        if unknown or not engines:
            raise CliError(
                f"--engines: unbekannt {', '.join(sorted(unknown)) or '(leer)'}; möglich: "
                f"{', '.join(ENGINES)} / unknown engines"
            )
        changes["engines"] = frozenset(engines)
    if params["static_only"]:
        changes["engines"] = frozenset(changes.get("engines", config.engines)) - {"axe"}
        if not changes["engines"]:
            changes["engines"] = frozenset({"static"})
    for key in ("locale", "body", "timeout", "concurrency", "max_pages"):
        if params.get(key) is not None:
            changes[key] = params[key]
    for key in ("allow_loopback", "allow_private"):  # a flag can only switch these on
        if params.get(key):
            changes[key] = True
    if params.get("land"):
        from checkers.page.site.config import LANDS

        land = "bund" if params["land"].lower() == "bund" else params["land"].upper()
        if land not in LANDS:
            raise CliError(f"--land: {params['land']!r} unbekannt / unknown; {', '.join(LANDS)}")
        changes["land"] = land
    if params.get("fail_on"):
        changes["fail_on"] = params["fail_on"]
    return replace(config, **changes)


def _progress(enabled: bool) -> Callable[[Report, int, int], None] | None:
    if not enabled:
        return None

    def show(report: Report, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / max(total, 1))
        label = (report.target.url or report.target.id or "")[-50:]
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label:<50}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _collect(config: Any, params: dict[str, Any], progress: bool) -> Any:
    from checkers.page.site.runner import collect

    if not params["targets"] and not (config.urls or config.sitemaps or config.files):
        raise CliError(
            "Keine Ziele: geben Sie Adressen, Dateien oder Ordner an, oder [check.targets] in "
            "a11y.toml. / No targets: give URLs, files or folders, or [check.targets]."
        )
    try:
        return collect(
            config, params["targets"], Path.cwd(), params["changed_only"], _progress(progress)
        )
    except BilingualError as error:  # RunError, a glossary's or a [text] mistake
        raise cli_error(error, config.locale) from None
    except Exception as error:  # a tool failure: say what, exit 2, no traceback
        raise internal_error(error) from None


def _parse_reports(
    values: tuple[str, ...], config_reports: tuple[str, ...], base: Path
) -> list[tuple[str, Path]]:
    reports = []
    for value in values or config_reports:
        kind, _, path = value.partition("=")
        kind = kind.strip().lower()
        if kind not in REPORT_KINDS or not path.strip():
            raise CliError(
                f"--report {value!r}: erwartet ART=PFAD mit ART aus {', '.join(REPORT_KINDS)} / "
                "expected KIND=PATH"
            )
        target = Path(path.strip())
        reports.append((kind, target if values or target.is_absolute() else base / target))
    return reports


@click.command("check")
@_common_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Ausgabe auf stdout / output on stdout.",
)
@click.option(
    "--report",
    "reports",
    multiple=True,
    metavar="KIND=PATH",
    help=f"Bericht schreiben / write a report: {', '.join(REPORT_KINDS)}.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Nur neue Befunde zählen / fail only on findings not in this file.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "new", "never"]),
    help="Schwelle für Exit 1 (Standard error) / threshold for exit 1.",
)
def check_command(
    output_format: str, reports: tuple[str, ...], baseline_path: Path | None, **params: Any
) -> None:
    """Seiten, Websites und Dateien prüfen (CI-Gate). / Audit pages, sites and files.

    TARGETS: Adressen (auch sitemap.xml), HTML- und Markdown-Dateien, Ordner.
    / URLs (sitemaps too), HTML and Markdown files, folders.
    """
    with tool_errors():
        _check(output_format, reports, baseline_path, params)


def _check(output_format: str, reports: tuple[str, ...], baseline_path: Path | None,
           params: dict[str, Any]) -> None:
    from ci.baseline import BaselineError, read_baseline
    from ci.gate import decide
    from ci.reporters import render

    config = _config(params)
    outputs = _parse_reports(reports, config.reports, config.base_dir)
    baseline_file = baseline_path or config.baseline
    baseline = None
    if baseline_file is not None:
        try:
            baseline = read_baseline(baseline_file)
        except BaselineError as error:
            raise cli_error(error, config.locale) from None
    collected = _collect(config, params, output_format == "text" and sys.stderr.isatty())
    result = decide(
        collected.reports, config, baseline, baseline_file, collected.limits, config.locale,
        allow_empty=collected.empty_ok,
    )
    result.duration = collected.seconds
    for kind, path in outputs:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render(kind, result) + "\n", encoding="utf-8")
        except OSError as error:
            raise CliError(f"{path}: nicht schreibbar / cannot write ({error.strerror})") from None
    click.echo(render("json" if output_format == "json" else "text", result))
    if not result.run.reports and not collected.empty_ok:
        from ci.gate import NOTHING_AUDITED

        click.echo(NOTHING_AUDITED.partition(": ")[2], err=True)
    sys.exit(result.exit_code)


@click.group("baseline")
def baseline_group() -> None:
    """Baseline: heutige Befunde annehmen, nur neue zählen. / Accept today's findings."""


@baseline_group.command("create")
@_common_options
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Baseline-Datei (Standard: check.baseline oder a11y-baseline.json).",
)
def baseline_create(output: Path | None, **params: Any) -> None:
    """Baseline aus einem Lauf erzeugen. / Create a baseline from a run.

    Exit 0 geschrieben; 2 wenn eine Seite nicht prüfbar war oder nichts geprüft wurde: die
    Baseline wäre unvollständig, die bisherige Datei bleibt unverändert. / Exit 2 leaves an
    existing baseline untouched. ``--changed-only`` is refused here.
    """
    with tool_errors():
        _create(output, params)


def _create(output: Path | None, params: dict[str, Any]) -> None:
    from ci.baseline import create_baseline, write_baseline
    from ci.gate import apply_config

    params["fail_on"] = None
    if params.get("changed_only"):
        raise CliError(
            "--changed-only passt nicht zu 'baseline create': die Baseline muss alle Seiten und "
            "Dateien enthalten. / --changed-only cannot be used with 'baseline create': the "
            "baseline must cover every page and file."
        )
    config = _config(params)
    collected = _collect(config, params, sys.stderr.isatty())
    reports = [apply_config(report, config)[0] for report in collected.reports]
    path = output or config.baseline or Path("a11y-baseline.json")
    failed = [r for r in reports if r.error is not None]
    for report in failed:
        assert report.error is not None
        label = report.target.url or report.target.id
        click.echo(
            f"nicht prüfbar / could not be audited: {label}: {report.error.message}", err=True
        )
    if failed or not reports:
        # An incomplete baseline would hide the findings of the pages missing from it, so the
        # old file stays as it is.
        reason = (f"{len(failed)} Seiten/Dateien nicht prüfbar / {len(failed)} pages/files "
                  "could not be audited" if failed else
                  "nichts geprüft / nothing audited")
        click.echo(f"Baseline {path} nicht geschrieben / not written: {reason}", err=True)
        sys.exit(ExitCode.USAGE_OR_TOOL_ERROR)
    baseline = create_baseline(reports)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_baseline(baseline, temporary)
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise CliError(f"{path}: nicht schreibbar / cannot write ({error.strerror})") from None
    de = config.locale != "en"
    click.echo(
        f"Baseline {path}: {len(baseline.entries)} Befunde aus {len(reports)} Seiten/Dateien"
        if de
        else f"Baseline {path}: {len(baseline.entries)} findings from {len(reports)} pages/files"
    )
    sys.exit(ExitCode.OK)
