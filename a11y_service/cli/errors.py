"""Every error of the ``a11y`` command line: one message (German and English) and one exit code.

- The project's errors (:class:`a11y_core.errors.BilingualError`) and tool failures become a
  :class:`CliError` (exit 2) through :func:`cli_error` and :func:`tool_errors`; exit 1 stays
  reserved for findings.
- Click's own usage errors come in German, then English, like every other message (exit 2).

Click writes "No such option", "Missing argument", "Invalid value", "No such command" and
"Got unexpected extra argument" in English only. ``BilingualGroup`` is the top-level group's
class: every usage error of any subcommand passes through its ``make_context`` or ``invoke``,
so this is the one place where they are put into both languages. The exit code stays 2.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

import click

from a11y_core.errors import BilingualError
from checkers.report import ExitCode


class CliError(click.ClickException):
    """A usage or tool error of a command: the message (both languages), exit 2."""

    exit_code = ExitCode.USAGE_OR_TOOL_ERROR

    def show(self, file: IO[Any] | None = None) -> None:
        # click's own prefix is "Error:"; ours says it in both languages like every message.
        click.echo(f"Fehler / Error: {self.format_message()}", file=file, err=True)


def cli_error(error: Exception, locale: str | None = None) -> CliError:
    """The CLI's form of an error: ``message(locale)`` for a command with ``--locale``, both
    languages (German first) without one; anything else by its type and text."""
    if isinstance(error, BilingualError):
        return CliError(error.both() if locale is None else error.message(locale))
    return internal_error(error)


def internal_error(error: Exception) -> CliError:
    return CliError(f"Interner Fehler / internal error: {type(error).__name__}: {error}")


@contextmanager
def tool_errors(locale: str | None = None) -> Iterator[None]:
    """Any failure inside is a tool error: exit 2 with a message, never 1 (which would read as
    "findings") and never a traceback."""
    try:
        yield
    except click.ClickException:
        raise
    except Exception as error:
        raise cli_error(error, locale) from None

_PATH_KINDS = {"File": "Datei", "Directory": "Ordner", "Path": "Pfad"}
_PATH_STATES = {
    "does not exist": "existiert nicht",
    "is a directory": "ist ein Ordner",
    "is a file": "ist eine Datei",
    "is not readable": "ist nicht lesbar",
    "is not writable": "ist nicht beschreibbar",
    "is not executable": "ist nicht ausführbar",
}
_NUMBER_KINDS = {"integer": "ganze Zahl", "float": "Zahl", "UUID": "UUID"}

# (pattern of click's English detail, its German form); the first match wins.
_DETAILS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"(?P<value>.+) is not a valid (?P<kind>integer|float|UUID)(?: range)?\.", re.S),
        lambda m: f"{m['value']} ist keine gültige {_NUMBER_KINDS[m['kind']]}.",
    ),
    (
        re.compile(r"(?P<value>.+) is not a valid boolean\..*", re.S),
        lambda m: f"{m['value']} ist kein gültiger Wahrheitswert.",
    ),
    (
        re.compile(r"(?P<value>.+) is not in the range (?P<range>.+)\.", re.S),
        lambda m: f"{m['value']} liegt nicht im Bereich {m['range']}.",
    ),
    (
        re.compile(r"(?P<value>.+) is not one of (?P<choices>.+)\.", re.S),
        lambda m: f"{m['value']} ist keiner der Werte {m['choices']}.",
    ),
    (
        re.compile(r"(?P<value>.+) is not (?P<choice>'[^']*')\.", re.S),
        lambda m: f"{m['value']} ist nicht {m['choice']}.",
    ),
    (
        re.compile(
            r"(?P<kind>File|Directory|Path) (?P<name>.+) (?P<state>"
            + "|".join(map(re.escape, _PATH_STATES))
            + r")\.",
            re.S,
        ),
        lambda m: f"{_PATH_KINDS[m['kind']]} {m['name']} {_PATH_STATES[m['state']]}.",
    ),
]

_NO_VALUE = re.compile(r"Option (?P<name>'[^']*') does not take a value\.")
_EXTRA_ARGS = re.compile(r"Got unexpected extra arguments? \((?P<args>.*)\)", re.S)
_REQUIRES = re.compile(r"Option (?P<name>'[^']*') requires (?:an argument|(?P<n>\d+) arguments)\.")


def _german_detail(detail: str) -> str | None:
    for pattern, german in _DETAILS:
        match = pattern.fullmatch(detail.strip())
        if match:
            return german(match)
    return None


def _param_hint(error: click.BadParameter) -> str:
    hint = error.param_hint
    if hint is None and error.param is not None:
        hint = error.param.get_error_hint(error.ctx)  # type: ignore[arg-type]
    if hint is None:
        return ""
    if not isinstance(hint, str):
        return " / ".join(repr(item) for item in hint)
    return hint


def _guesses(possibilities: list[str] | None) -> str:
    if not possibilities:
        return ""
    return " Meinten Sie " + ", ".join(repr(p) for p in sorted(possibilities)) + "?"


def german_message(error: click.UsageError) -> str | None:
    """The German form of one of click's own usage errors, or None when it is not one of them
    (a message of the project, already in both languages)."""
    if isinstance(error, click.exceptions.NoArgsIsHelpError):
        return None
    if isinstance(error, click.MissingParameter):
        hint = _param_hint(error)
        kind = error.param_type or (error.param.param_type_name if error.param else "parameter")
        missing = {"argument": "Fehlendes Argument", "option": "Fehlende Option"}.get(
            kind, "Fehlender Wert"
        )
        return f"{missing} {hint}.".replace(" .", ".")
    if isinstance(error, click.BadParameter):
        hint = _param_hint(error)
        where = f" für {hint}" if hint else ""
        detail = _german_detail(error.message)
        return f"Ungültiger Wert{where}." + (f" {detail}" if detail else "")
    if isinstance(error, click.NoSuchOption):
        return f"Unbekannte Option {error.option_name!r}.{_guesses(error.possibilities)}"
    if isinstance(error, click.exceptions.NoSuchCommand):
        return f"Unbekannter Befehl {error.command_name!r}.{_guesses(error.possibilities)}"
    extra = _EXTRA_ARGS.fullmatch(error.message)
    if extra:
        several = len(extra["args"].split()) > 1
        noun = (
            "Unerwartete zusätzliche Argumente" if several else "Unerwartetes zusätzliches Argument"
        )
        return f"{noun} ({extra['args']})."
    requires = _REQUIRES.fullmatch(error.message)
    if requires:
        count = f"{requires['n']} Werte" if requires["n"] else "einen Wert"
        return f"Option {requires['name']} braucht {count}."
    no_value = _NO_VALUE.fullmatch(error.message)
    if no_value:
        return f"Option {no_value['name']} nimmt keinen Wert."
    if error.message == "Missing command.":
        return "Befehl fehlt."
    return None


class BilingualUsageError(click.UsageError):
    """A click usage error shown as "German / English", with the same context and exit code 2."""

    def __init__(self, original: click.UsageError, german: str) -> None:
        super().__init__(original.format_message(), original.ctx)
        self.german = german

    def format_message(self) -> str:
        return f"{self.german} / {self.message}"

    def show(self, file: IO[Any] | None = None) -> None:
        ctx = self.ctx
        if ctx is not None:
            click.echo(ctx.get_usage(), file=file, err=True, color=ctx.color)
            help_names = ctx.command.get_help_option_names(ctx)
            if ctx.command.get_help_option(ctx) is not None and help_names:
                option = max(help_names, key=len)
                click.echo(f"Hilfe / help: {ctx.command_path} {option}\n", file=file, err=True)
        click.echo(f"Fehler / Error: {self.format_message()}", file=file, err=True)


def bilingual(error: click.UsageError) -> click.UsageError:
    german = german_message(error)
    return error if german is None else BilingualUsageError(error, german)


class Aborted(click.ClickException):
    """Click's "Aborted!" (end of input at a prompt) in both languages; exit 1 as click's."""

    exit_code = 1

    def __init__(self) -> None:
        super().__init__("Abgebrochen. / Aborted!")

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.message, file=file, err=True)


class BilingualGroup(click.Group):
    """The top-level ``a11y`` group: turns click's usage errors into both languages, and any
    project error a command let through into a :class:`CliError`."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as error:
            raise bilingual(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            raise bilingual(error) from None
        except click.Abort:
            raise Aborted() from None
        except BilingualError as error:  # a project error no command caught: exit 2, no traceback
            raise cli_error(error) from None
