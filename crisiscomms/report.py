"""Print findings the same way for ``draft`` and ``lint``: one line each, then context."""

from __future__ import annotations

from collections.abc import Iterable

from .facttypes import invisible_characters
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
    source = shown(source)
    if colour:
        severity = f"{_COLOURS.get(severity, '')}{severity}{_RESET}"
        head = f"{_BOLD}{source}:{finding.line}:{finding.column}:{_RESET}"
        rule = f"{_DIM}{finding.rule}{_RESET}"
    else:
        head = f"{source}:{finding.line}:{finding.column}:"
        rule = finding.rule
    lines = [f"{head} {severity} {rule} {shown(finding.message)}"]
    if finding.excerpt:
        lines.append(f"    | {shown(' '.join(finding.excerpt.split()))}")
    if finding.suggestion:
        lines.append(f"    = {shown(finding.suggestion)}")
    return "\n".join(lines)


def shown(text: str) -> str:
    r"""Write control and bidirectional-override characters of linted text as visible escapes.

    Text linted may be anything; printed raw, an ANSI escape in it would drive the
    reader's terminal and a right-to-left override would reorder the line.

    Examples:
        >>> shown("正在\x1b[2J修复\u202e中")
        '正在\\x1b[2J修复\\u202e中'
    """
    return text.translate(_ESCAPES)


_ESCAPES = {
    code: (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    for code in invisible_characters()
    if code not in (0x09, 0x0A)
}


def format_findings(findings: Iterable[Finding], source: str, *, colour: bool = False) -> str:
    """Return every finding formatted with :func:`format_finding`, one block each."""
    return "\n".join(format_finding(f, source, colour=colour) for f in findings)
