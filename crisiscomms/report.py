"""Print findings the same way for ``draft`` and ``lint``: one line each, then context."""

from __future__ import annotations

from collections.abc import Iterable

from .findings import Finding

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def format_finding(finding: Finding, source: str, *, colour: bool = False) -> str:
    """Return ``source:line:col: severity rule message`` plus excerpt and suggestion lines.

    Examples:
        >>> f = Finding("vague-time", "warning", "“尽快”不是时间", 3, 5, 1, 4, "尽快", "写明时间")
        >>> print(format_finding(f, "notice.txt"))
        notice.txt:1:4: warning vague-time “尽快”不是时间
            | 尽快
            = 写明时间
    """
    severity: str = finding.severity
    if colour:
        severity = f"{_COLOURS.get(severity, '')}{severity}{_RESET}"
        head = f"{_BOLD}{source}:{finding.line}:{finding.column}:{_RESET}"
        rule = f"{_DIM}{finding.rule}{_RESET}"
    else:
        head = f"{source}:{finding.line}:{finding.column}:"
        rule = finding.rule
    lines = [f"{head} {severity} {rule} {finding.message}"]
    if finding.excerpt:
        lines.append(f"    | {' '.join(finding.excerpt.split())}")
    if finding.suggestion:
        lines.append(f"    = {finding.suggestion}")
    return "\n".join(lines)


def format_findings(findings: Iterable[Finding], source: str, *, colour: bool = False) -> str:
    """Return every finding formatted with :func:`format_finding`, one block each."""
    return "\n".join(format_finding(f, source, colour=colour) for f in findings)
