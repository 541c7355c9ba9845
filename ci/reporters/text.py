"""``text``: the report for people in a terminal or a CI log, German by default."""

from __future__ import annotations

from checkers.page.advice import advice_lines, has_advice
from ci.gate import GateResult
from ci.reporters.common import target_label, where

_LABELS = {
    "de": {
        "page": "Seite", "file": "Datei", "error": "Fehler", "warning": "Warnung",
        "info": "Hinweis", "review": "prüfen", "new": "neu", "known": "bekannt",
        "failed_load": "NICHT GEPRÜFT", "fixed": "Behoben (in der Baseline, jetzt weg)",
        "summary": "{reports} geprüft, {failed} nicht prüfbar: {errors} Fehler, {warnings} "
                   "Warnungen, {infos} Hinweise, {review} zu prüfen",
        "baseline": "Baseline {file}: {new} neu, {known} bekannt, {fixed} behoben",
        "exit0": "Ergebnis: bestanden (Exit 0), Schwelle {fail_on}",
        "exit1": "Ergebnis: NICHT bestanden (Exit 1): Befunde über der Schwelle {fail_on}",
        "exit2": "Ergebnis: NICHT bestanden (Exit 2): mindestens eine Seite oder Datei war "
                 "nicht prüfbar",
        "clean": "keine Befunde",
        "limits": "Grenzen und Auslassungen",
        "exit2_empty": "Ergebnis: NICHT bestanden (Exit 2): nichts geprüft",
    },
    "en": {
        "page": "Page", "file": "File", "error": "error", "warning": "warning",
        "info": "note", "review": "review", "new": "new", "known": "known",
        "failed_load": "NOT AUDITED", "fixed": "Fixed (in the baseline, now gone)",
        "summary": "{reports} checked, {failed} could not be audited: {errors} errors, "
                   "{warnings} warnings, {infos} notes, {review} to review",
        "baseline": "Baseline {file}: {new} new, {known} known, {fixed} fixed",
        "exit0": "Result: passed (exit 0), threshold {fail_on}",
        "exit1": "Result: FAILED (exit 1): findings over the threshold {fail_on}",
        "exit2": "Result: FAILED (exit 2): at least one page or file could not be audited",
        "clean": "no findings",
        "limits": "Limits and omissions",
        "exit2_empty": "Result: FAILED (exit 2): nothing audited",
    },
}


def render(result: GateResult) -> str:
    t = _LABELS.get(result.locale, _LABELS["de"])
    run = result.run
    lines: list[str] = []
    baseline = run.baseline is not None
    for ri, report in enumerate(run.reports):
        kind = t["file"] if report.target.kind in ("file", "text") else t["page"]
        lines.append(f"{kind} {target_label(report)}")
        if report.error is not None:
            lines.append(f"  {t['failed_load']}: {report.error.message} [{report.error.kind}]")
            continue
        if not report.findings:
            lines.append(f"  {t['clean']}")
        advised: set[str] = set()  # advice once per rule and page: a log stays readable
        for fi, finding in enumerate(report.findings):
            severity = t["review"] if finding.outcome == "needs_review" else t[finding.severity]
            mark = ""
            if baseline:
                mark = f" [{t['new'] if result.is_new(ri, fi) else t['known']}]"
            gate = "✗" if result.fails(ri, fi) else " "
            lines.append(
                f" {gate}{severity:<8} {finding.rule_id:<28} {where(finding)}  "
                f"{finding.message}{mark}"
            )
            if has_advice(finding) and finding.rule_id not in advised:
                advised.add(finding.rule_id)
                lines.extend(f"      → {line}" for line in advice_lines(finding, result.locale))
    s = run.summary
    lines.append("")
    lines.append(t["summary"].format(
        reports=s.reports, failed=s.reports_failed, errors=s.errors, warnings=s.warnings,
        infos=s.infos, review=s.needs_review,
    ))
    if run.baseline is not None:
        b = run.baseline
        lines.append(t["baseline"].format(file=b.file, new=b.new, known=b.known,
                                          fixed=len(b.fixed)))
        if b.fixed:
            lines.append(t["fixed"] + ":")
            lines.extend(f"  {e.rule_id:<28} {e.target}  {e.message}" for e in b.fixed)
    if run.limits:
        lines.append(t["limits"] + ":")
        lines.extend(f"  {limit}" for limit in run.limits)
    key = "exit2_empty" if run.exit_code == 2 and not run.reports else f"exit{run.exit_code}"
    lines.append(t[key].format(fail_on=run.fail_on))
    return "\n".join(lines)
