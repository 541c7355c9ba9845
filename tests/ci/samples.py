"""Hand-built reports of real shape, for gate, baseline and reporter tests."""

from __future__ import annotations

from checkers.report import Finding, Location, Report, ReportError, Target, summarize


def page_finding(rule: str, snippet: str, selector: str, url: str,
                 severity: str = "error", outcome: str = "failed") -> Finding:
    return Finding(
        rule_id=rule, engine="static", outcome=outcome, severity=severity,  # type: ignore[arg-type]
        message=f"Befund {rule} <&>", location=Location(url=url, selector=selector,
                                                        snippet=snippet),
        wcag=["1.1.1"], act=["23a2a8"], help_url="https://example.org/hilfe",
        fingerprint="engine-fp",
    )


def text_finding(rule: str, excerpt: str, line: int, severity: str = "warning") -> Finding:
    return Finding(
        rule_id=rule, engine="text", outcome="failed", severity=severity,  # type: ignore[arg-type]
        message="Der Satz steht im Passiv.", excerpt=excerpt,
        location=Location(start=10 * line, end=10 * line + 5, line=line, column=3),
    )


def page_report(url: str, findings: list[Finding]) -> Report:
    return Report(target=Target(kind="page", url=url), findings=findings,
                  summary=summarize(findings))


def file_report(path: str, findings: list[Finding]) -> Report:
    return Report(target=Target(kind="file", id=path), findings=findings,
                  summary=summarize(findings))


def error_report(url: str) -> Report:
    return Report(target=Target(kind="page", url=url),
                  error=ReportError("timeout", "Die Seite hat nicht rechtzeitig geantwortet."))


def sample_reports(with_error: bool = True) -> list[Report]:
    home = "https://www.example.de/"
    reports = [
        page_report(home, [
            page_finding("static.image-alt", '<img src="a.png">', "main > img:nth-of-type(1)",
                         home),
            page_finding("static.image-alt", '<img src="a.png">', "main > img:nth-of-type(2)",
                         home),
            page_finding("static.link-name", '<a href="/x"></a>', "#nav > a", home,
                         severity="warning"),
            page_finding("bitv.statement-linked", "", "html", home, severity="info",
                         outcome="needs_review"),
        ]),
        page_report("https://www.example.de/kontakt", []),
        file_report("docs/antrag.md", [text_finding("de.passive-voice", "wird geprüft", 4)]),
    ]
    if with_error:
        reports.append(error_report("https://www.example.de/langsam"))
    return reports
