"""``html``: one self-contained report over all pages and files, for people.

No scripts, no external files: inline CSS and inline SVG bar charts, so the report can be
archived as a CI artifact and opened anywhere. It must itself be accessible (it is a page the
audit checks): ``lang="de"``, one ``h1`` and nested headings, landmarks, tables with
``caption`` and ``th scope``, every chart with a text alternative and the same numbers in a
table next to it, colours with a contrast of at least 4.5:1 and severity never shown by colour
alone.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from checkers.page.advice import advise, has_advice
from checkers.report import Finding
from ci.gate import GateResult
from ci.reporters.common import target_label, where

# Text colours on white, all >= 4.5:1; bar fills are paired with visible labels.
_COLOURS = {"error": "#a4161a", "warning": "#8a4b00", "info": "#1d4f91", "review": "#5a3e85"}

_T = {
    "de": {
        "title": "Prüfbericht Barrierefreiheit und Verständlichkeit",
        "summary": "Zusammenfassung", "checked": "Geprüft", "failed": "Nicht prüfbar",
        "error": "Fehler", "warning": "Warnungen", "info": "Hinweise", "review": "Zu prüfen",
        "severity": "Schweregrad", "count": "Anzahl", "by_severity": "Befunde nach Schweregrad",
        "by_rule": "Befunde nach Regel", "by_page": "Befunde nach Seite oder Datei",
        "rule": "Regel", "pages": "Seiten/Dateien", "page": "Seite oder Datei",
        "where": "Stelle", "message": "Meldung", "state": "Stand", "new": "neu",
        "known": "bekannt", "gate": "Schwelle", "fails": "über der Schwelle",
        "below": "unter der Schwelle", "none": "Keine Befunde.",
        "details": "Einzelne Seiten und Dateien",
        "not_audited": "Nicht prüfbar", "fixed": "Behoben seit der Baseline",
        "result": "Ergebnis", "exit": "Exit-Code", "passed": "bestanden",
        "not_passed": "nicht bestanden",
        "chart": "Balkendiagramm (Zahlen in der Tabelle darunter)", "findings": "Befunde",
        "skip": "Zum Inhalt springen",
        "limits": "Grenzen und Auslassungen",
        "fix": "So beheben Sie es", "standard": "Mehr dazu", "who": "Wer verlangt das",
    },
    "en": {
        "title": "Accessibility and readability report",
        "summary": "Summary", "checked": "Checked", "failed": "Could not be audited",
        "error": "Errors", "warning": "Warnings", "info": "Notes", "review": "To review",
        "severity": "Severity", "count": "Count", "by_severity": "Findings by severity",
        "by_rule": "Findings by rule", "by_page": "Findings by page or file",
        "rule": "Rule", "pages": "Pages/files", "page": "Page or file",
        "where": "Location", "message": "Message", "state": "State", "new": "new",
        "known": "known", "gate": "Threshold", "fails": "over the threshold",
        "below": "below the threshold", "none": "No findings.", "details": "Pages and files",
        "not_audited": "Could not be audited", "fixed": "Fixed since the baseline",
        "result": "Result", "exit": "Exit code", "passed": "passed",
        "not_passed": "not passed",
        "chart": "Bar chart (numbers in the table below)", "findings": "findings",
        "skip": "Skip to content",
        "limits": "Limits and omissions",
        "fix": "How to fix it", "standard": "More about it", "who": "Who asks for this",
    },
}

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;
background:#fff;margin:0;line-height:1.5}
header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
a{color:#0b4f9c}a:focus,a:hover{outline:2px solid #0b4f9c}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #6b6b6b;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5}td.num{text-align:right}table.compact{width:auto;min-width:20rem}
code{font-size:.9em;word-break:break-all}
.sev-error{color:#a4161a;font-weight:bold}.sev-warning{color:#8a4b00;font-weight:bold}
.sev-info{color:#1d4f91}.sev-review{color:#5a3e85}
.verdict{font-size:1.2rem;font-weight:bold}
.chart .bar{display:flex;align-items:center;gap:.5rem;margin:.2rem 0}
.chart .label{display:inline-block;width:16rem;overflow:hidden;white-space:nowrap}
figure{margin:0 0 1rem}figcaption{font-style:italic}
"""


def _bar_chart(chart_id: str, title: str, rows: list[tuple[str, int, str]]) -> str:
    """A horizontal bar chart: HTML labels and counts, each bar an inline SVG. Screen readers
    get the same numbers from the table that follows, so the drawing itself is hidden from
    them; its labels stay HTML text so their contrast is measurable (SVG text is not)."""
    if not rows:
        return ""
    top = max(count for _, count, _ in rows) or 1
    width = 400
    parts = [f'<figure id="{chart_id}"><div class="chart" aria-hidden="true">']
    for label, count, colour in rows:
        length = max(1, int(width * count / top)) if count else 1
        parts.append(
            f'<div class="bar"><span class="label">{escape(label[:40])}</span>'
            f'<svg width="{width}" height="18" viewBox="0 0 {width} 18" focusable="false">'
            f'<rect x="0" y="1" width="{length}" height="16" fill="{colour}"/></svg>'
            f'<span class="count">{count}</span></div>'
        )
    parts.append(f"</div><figcaption>{escape(title)}</figcaption></figure>")
    return "".join(parts)


def _advice(finding: Finding, lang: str, t: dict[str, str]) -> str:
    """The same fix advice as the web report and the CLI, with links to the standard."""
    if not has_advice(finding):
        return ""
    advice = advise(finding, lang)
    parts = []
    if advice.steps:
        parts.append(f"<br><strong>{t['fix']}:</strong> " + escape(" ".join(advice.steps)))
    if advice.links:
        links = ", ".join(
            f'<a href="{escape(link.url)}">{escape(link.label)}</a>' for link in advice.links
        )
        parts.append(f"<br><strong>{t['standard']}:</strong> {links}")
    parts.append(f"<br><strong>{t['who']}:</strong> {escape(advice.required_by)}")
    return "".join(parts)


def render(result: GateResult) -> str:
    t = _T.get(result.locale, _T["de"])
    run = result.run
    s = run.summary
    lang = "en" if result.locale == "en" else "de"
    baseline = run.baseline is not None
    out: list[str] = [
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(t['title'])}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<a class="skip" href="#inhalt">{t["skip"]}</a>\n'
        f"<header><h1>{escape(t['title'])}</h1></header>\n"
        '<main id="inhalt">\n',
    ]
    passed = run.exit_code == 0
    out.append(f"<h2>{t['summary']}</h2>\n")
    out.append(
        f'<p class="verdict">{t["result"]}: {t["passed"] if passed else t["not_passed"]} '
        f"({t['exit']} {run.exit_code}, {t['gate']}: {escape(run.fail_on)})</p>\n"
    )
    out.append(f'<table class="compact"><caption>{t["summary"]}</caption><tbody>')
    for label, value in (
        (t["checked"], s.reports), (t["failed"], s.reports_failed), (t["error"], s.errors),
        (t["warning"], s.warnings), (t["info"], s.infos), (t["review"], s.needs_review),
    ):
        out.append(f'<tr><th scope="row">{label}</th><td class="num">{value}</td></tr>')
    if run.baseline is not None:
        b = run.baseline
        for label, value in ((t["new"], b.new), (t["known"], b.known), (t["fixed"], len(b.fixed))):
            out.append(f'<tr><th scope="row">{label}</th><td class="num">{value}</td></tr>')
    out.append("</tbody></table>\n")
    if run.limits:
        out.append(f"<h2>{t['limits']}</h2>\n<ul>")
        out.extend(f"<li>{escape(limit)}</li>" for limit in run.limits)
        out.append("</ul>\n")

    # per severity
    severities = [("error", s.errors), ("warning", s.warnings), ("info", s.infos),
                  ("review", s.needs_review)]
    out.append(f"<h2>{t['by_severity']}</h2>\n")
    out.append(_bar_chart("chart-severity", f"{t['chart']}: {t['by_severity']}",
                          [(t[k], v, _COLOURS[k]) for k, v in severities]))
    out.append(f"<table><caption>{t['by_severity']}</caption><thead><tr>"
               f'<th scope="col">{t["severity"]}</th><th scope="col">{t["count"]}</th>'
               "</tr></thead><tbody>")
    for key, value in severities:
        out.append(f'<tr><th scope="row" class="sev-{key}">{t[key]}</th>'
                   f'<td class="num">{value}</td></tr>')
    out.append("</tbody></table>\n")

    # per rule
    rule_counts: Counter[str] = Counter()
    rule_pages: dict[str, set[str]] = {}
    for report in run.reports:
        for finding in report.findings:
            rule_counts[finding.rule_id] += 1
            rule_pages.setdefault(finding.rule_id, set()).add(target_label(report))
    out.append(f"<h2>{t['by_rule']}</h2>\n")
    if rule_counts:
        top = rule_counts.most_common(15)
        out.append(_bar_chart("chart-rules", f"{t['chart']}: {t['by_rule']}",
                              [(rule, n, "#1d4f91") for rule, n in top]))
        out.append(f"<table><caption>{t['by_rule']}</caption><thead><tr>"
                   f'<th scope="col">{t["rule"]}</th><th scope="col">{t["count"]}</th>'
                   f'<th scope="col">{t["pages"]}</th></tr></thead><tbody>')
        for rule, n in rule_counts.most_common():
            out.append(f'<tr><th scope="row"><code>{escape(rule)}</code></th>'
                       f'<td class="num">{n}</td><td class="num">{len(rule_pages[rule])}</td></tr>')
        out.append("</tbody></table>\n")
    else:
        out.append(f"<p>{t['none']}</p>\n")

    # per page overview
    out.append(f"<h2>{t['by_page']}</h2>\n")
    per_page = sorted(
        ((target_label(r), len(r.findings)) for r in run.reports if r.findings),
        key=lambda item: -item[1],
    )[:15]
    if per_page:
        out.append(_bar_chart("chart-pages", f"{t['chart']}: {t['by_page']}",
                              [(label[-40:], n, "#5a3e85") for label, n in per_page]))
    out.append(f"<table><caption>{t['by_page']}</caption><thead><tr>"
               f'<th scope="col">{t["page"]}</th><th scope="col">{t["error"]}</th>'
               f'<th scope="col">{t["warning"]}</th><th scope="col">{t["info"]}</th>'
               f'<th scope="col">{t["review"]}</th></tr></thead><tbody>')
    for ri, report in enumerate(run.reports):
        label = escape(target_label(report))
        link = f'<a href="#r{ri}">{label}</a>'
        if report.error is not None:
            out.append(f'<tr><th scope="row">{link}</th><td colspan="4">{t["not_audited"]}: '
                       f"{escape(report.error.message)}</td></tr>")
            continue
        rs = report.summary
        out.append(f'<tr><th scope="row">{link}</th><td class="num">{rs.errors}</td>'
                   f'<td class="num">{rs.warnings}</td><td class="num">{rs.infos}</td>'
                   f'<td class="num">{rs.needs_review}</td></tr>')
    out.append("</tbody></table>\n")

    # details
    out.append(f"<h2>{t['details']}</h2>\n")
    for ri, report in enumerate(run.reports):
        label = escape(target_label(report))
        out.append(f'<section aria-labelledby="r{ri}"><h3 id="r{ri}">{label}</h3>\n')
        if report.error is not None:
            out.append(f"<p><strong>{t['not_audited']}:</strong> "
                       f"{escape(report.error.message)} ({escape(report.error.kind)})</p>"
                       "</section>\n")
            continue
        if not report.findings:
            out.append(f"<p>{t['none']}</p></section>\n")
            continue
        out.append(f"<table><caption>{t['findings']}: {label}</caption><thead><tr>"
                   f'<th scope="col">{t["severity"]}</th><th scope="col">{t["rule"]}</th>'
                   f'<th scope="col">{t["where"]}</th><th scope="col">{t["message"]}</th>'
                   f'<th scope="col">{t["state"]}</th></tr></thead><tbody>')
        for fi, finding in enumerate(report.findings):
            key = "review" if finding.outcome == "needs_review" else finding.severity
            state = t["fails"] if result.fails(ri, fi) else t["below"]
            if baseline:
                state = f"{t['new'] if result.is_new(ri, fi) else t['known']}, {state}"
            snippet = finding.location.snippet
            place = escape(where(finding))
            if snippet:
                place = f"<code>{place}</code><br><code>{escape(snippet[:200])}</code>"
            out.append(
                f'<tr><td class="sev-{key}">{t[key]}</td>'
                f"<td><code>{escape(finding.rule_id)}</code></td><td>{place}</td>"
                f"<td>{escape(finding.message)}{_advice(finding, lang, t)}</td>"
                f"<td>{state}</td></tr>"
            )
        out.append("</tbody></table></section>\n")

    if run.baseline is not None and run.baseline.fixed:
        out.append(f"<h2>{t['fixed']}</h2>\n<ul>")
        for entry in run.baseline.fixed:
            out.append(f"<li><code>{escape(entry.rule_id)}</code> {escape(entry.target)}: "
                       f"{escape(entry.message)}</li>")
        out.append("</ul>\n")
    out.append("</main>\n<footer><p>a11y</p></footer>\n</body>\n</html>\n")
    return "".join(out)
