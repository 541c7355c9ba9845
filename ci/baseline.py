"""Baselines: accept today's findings once, fail only on new ones, list the fixed ones.

A site with hundreds of old findings cannot turn a gate on if the gate fails on all of them.
``a11y baseline create`` stores one fingerprint per finding; ``a11y check --baseline FILE``
then fails only on findings whose fingerprint is not in the file.

A fingerprint is a hash of where (the page's path and query, or the file's path — not the
host, so a baseline made against a preview host holds on production), what (the rule) and the
flagged content (the element's markup with whitespace collapsed, or the text excerpt), plus the
occurrence number among identical findings on the same page. Positions, line numbers and CSS
``nth-child`` paths are left out on purpose: an edit elsewhere on the page moves them but does
not change the finding.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import msgspec

from a11y_core.errors import BilingualError
from checkers.report import TOOL_VERSION, Finding, Report

BASELINE_VERSION = "1"
_SPACE = re.compile(r"\s+")
# Attribute values that change on every deployment or request and say nothing about the finding.
_VOLATILE = re.compile(
    r"""\s(nonce|data-csrf|data-token|integrity|data-reactid|data-v-[0-9a-f]+)(="[^"]*")?""", re.I
)


class BaselineEntry(msgspec.Struct, omit_defaults=True):
    fingerprint: str
    rule_id: str
    target: str
    severity: str
    message: str = ""
    selector: str | None = None
    line: int | None = None


class BaselineFile(msgspec.Struct):
    schema_version: str = BASELINE_VERSION
    tool: str = f"a11y {TOOL_VERSION}"
    created: str = ""
    entries: list[BaselineEntry] = msgspec.field(default_factory=list)


class BaselineError(BilingualError):
    def __init__(self, de: str, en: str) -> None:
        super().__init__("baseline", de, en)

    def message(self, locale: str = "de") -> str:
        return self.both(locale)


def target_key(report: Report) -> str:
    """Where a report is about, without the host: ``/pfad?q=1`` for pages, the path for files."""
    target = report.target
    if target.url and "://" in target.url:
        parts = urlsplit(target.url)
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return target.url or target.id or ""


def _content(finding: Finding) -> str:
    loc = finding.location
    raw = loc.snippet or finding.excerpt
    if raw is None and loc.start is None and loc.selector:
        raw = loc.selector  # nothing better: a page-level finding
    if raw is None:
        raw = finding.fingerprint or finding.message
    raw = _VOLATILE.sub("", raw)
    return _SPACE.sub(" ", raw).strip().casefold()


def finding_keys(report: Report) -> list[str]:
    """One fingerprint per finding of ``report``, in order."""
    where = target_key(report)
    seen: Counter[tuple[str, str]] = Counter()
    keys = []
    for finding in report.findings:
        content = _content(finding)
        occurrence = seen[(finding.rule_id, content)]
        seen[(finding.rule_id, content)] += 1
        raw = "\x1f".join((where, finding.rule_id, content, str(occurrence)))
        keys.append(hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24])
    return keys


def create_baseline(reports: Iterable[Report]) -> BaselineFile:
    entries = []
    for report in reports:
        if report.error is not None:
            continue
        for finding, key in zip(report.findings, finding_keys(report), strict=True):
            entries.append(BaselineEntry(
                fingerprint=key,
                rule_id=finding.rule_id,
                target=target_key(report),
                severity=finding.severity,
                message=finding.message[:200],
                selector=finding.location.selector,
                line=finding.location.line,
            ))
    created = datetime.now(UTC).replace(microsecond=0).isoformat()
    return BaselineFile(created=created, entries=entries)


def write_baseline(baseline: BaselineFile, path: Path) -> None:
    data = msgspec.json.format(msgspec.json.encode(baseline), indent=2)
    path.write_bytes(data + b"\n")


def read_baseline(path: Path) -> BaselineFile:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BaselineError(
            f"Baseline-Datei nicht lesbar: {path} ({error.strerror})",
            f"Cannot read the baseline file: {path} ({error.strerror})",
        ) from None
    try:
        raw = msgspec.json.decode(data)
        if not isinstance(raw, dict) or not {"schema_version", "entries"} <= set(raw):
            raise BaselineError(
                f"{path} ist keine Baseline-Datei von 'a11y baseline create' (es fehlen "
                "schema_version und entries)",
                f"{path} is not a baseline file written by 'a11y baseline create' "
                "(schema_version and entries are missing)",
            )
        baseline = msgspec.convert(raw, type=BaselineFile)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError) as error:
        # RecursionError: JSON nested deeper than the decoder goes; a bad file, not a crash.
        raise BaselineError(
            f"{path} ist keine Baseline-Datei: {error}", f"{path} is not a baseline file: {error}"
        ) from None
    if baseline.schema_version != BASELINE_VERSION:
        raise BaselineError(
            f"{path}: unbekannte Version {baseline.schema_version!r}",
            f"{path}: unknown version {baseline.schema_version!r}",
        )
    return baseline


@dataclass(slots=True)
class Comparison:
    """Which findings are new, which are known, which baseline entries are gone (fixed)."""

    new: set[tuple[int, int]] = field(default_factory=set)  # (report index, finding index)
    known: int = 0
    fixed: list[BaselineEntry] = field(default_factory=list)
    keys: list[list[str]] = field(default_factory=list)  # per report, per finding

    def is_new(self, report_index: int, finding_index: int) -> bool:
        return (report_index, finding_index) in self.new


def compare(reports: list[Report], baseline: BaselineFile | None) -> Comparison:
    """Without a baseline every finding is new and nothing is fixed."""
    result = Comparison()
    known = Counter(entry.fingerprint for entry in (baseline.entries if baseline else []))
    audited: set[str] = set()
    present: set[str] = set()
    for r_index, report in enumerate(reports):
        keys = finding_keys(report)
        result.keys.append(keys)
        if report.error is None:
            audited.add(target_key(report))
        for f_index, key in enumerate(keys):
            present.add(key)
            if known[key] > 0:
                known[key] -= 1
                result.known += 1
            else:
                result.new.add((r_index, f_index))
    if baseline is not None:
        # Only pages audited in this run can show that a finding is gone.
        result.fixed = [
            entry for entry in baseline.entries
            if entry.target in audited and entry.fingerprint not in present
        ]
    return result
