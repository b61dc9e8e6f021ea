"""Findings: what the linter and the drafting checks report, in one shape.

A finding points at a span of the text it was found in. ``start``/``end`` are
Python string indices (code points), ``line``/``column`` are 1-based, so a
finding can be shown to a person and used by a program alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, NoReturn

from .text.lines import LineIndex, line_col

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a reader would notice in a notice.

    Args:
        rule: stable kebab-case rule id, e.g. ``vague-fix-no-timeline``.
        severity: ``info``, ``warning`` or ``error``.
        message: the message in the language of the text.
        messages: the message in every language we have it in (``zh``, ``en``).
        start: code-point index where the span starts.
        end: code-point index where the span ends (exclusive).
        line: 1-based line of ``start``.
        column: 1-based column of ``start``.
        excerpt: the text of the span.
        suggestion: what a careful writer would do instead, in the text's language.

    Examples:
        >>> text = "系统故障。\\n正在紧急修复中。"
        >>> f = Finding.at(text, 6, 12, rule="vague-fix-no-timeline", severity="error",
        ...                messages={"zh": "修复承诺没有时间", "en": "fix with no time"}, lang="zh")
        >>> (f.line, f.column, f.excerpt, f.message)
        (2, 1, '正在紧急修复', '修复承诺没有时间')
    """

    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    excerpt: str
    suggestion: str = ""
    messages: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def at(
        cls,
        text: str,
        start: int,
        end: int,
        *,
        rule: str,
        severity: Severity,
        messages: Mapping[str, str],
        lang: str,
        suggestions: Mapping[str, str] | None = None,
        lines: LineIndex | None = None,
    ) -> Finding:
        """Build a finding for ``text[start:end]``, computing line, column and excerpt.

        ``lang`` picks the message shown (``zh-Hant`` falls back to ``zh``, then ``en``).
        ``lines`` (a :class:`LineIndex` of ``text``) makes many findings on one
        long text cost O(log n) each instead of O(n). ``messages`` is kept as
        :class:`FrozenMessages`; pass one (from :func:`frozen_messages`) and findings
        that share a message share one dict instead of a copy each.
        """
        line, column = (lines or LineIndex(text)).line_col(start)
        pick = _language_picker(lang)
        return cls(
            rule,
            severity,
            pick(messages),
            start,
            end,
            line,
            column,
            text[start:end],
            pick(suggestions or {}),
            frozen_messages(messages),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as plain JSON-ready data (the wire format in docs/)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "messages": dict(self.messages),
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
        }


_FIELDS = (
    "rule", "severity", "message", "start", "end", "line", "column", "excerpt", "suggestion",
    "messages",
)  # fmt: skip


def finding_maker(
    rule: str, severity: Severity, message: str, suggestion: str, messages: FrozenMessages
) -> Callable[[int, int, int, int, str], Finding]:
    """Return a builder of findings of one rule that differ only in span, place and excerpt.

    The same :class:`Finding` as the constructor gives, made about twice as fast: a
    frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``,
    and a text dense with findings makes a million of them.

    Examples:
        >>> make = finding_maker("vague-time", "warning", "vague", "", frozen_messages({}))
        >>> made = make(0, 2, 1, 1, "尽快")
        >>> made == Finding("vague-time", "warning", "vague", 0, 2, 1, 1, "尽快"), made.messages
        (True, {})
    """
    new = object.__new__
    slot = Finding.__dict__
    set_rule, set_severity, set_message, set_start, set_end, set_line, set_column = (
        slot[name].__set__ for name in _FIELDS[:7]
    )
    set_excerpt, set_suggestion, set_messages = (slot[name].__set__ for name in _FIELDS[7:])

    def make(start: int, end: int, line: int, column: int, excerpt: str) -> Finding:
        finding: Finding = new(Finding)
        set_rule(finding, rule)
        set_severity(finding, severity)
        set_message(finding, message)
        set_start(finding, start)
        set_end(finding, end)
        set_line(finding, line)
        set_column(finding, column)
        set_excerpt(finding, excerpt)
        set_suggestion(finding, suggestion)
        set_messages(finding, messages)
        return finding

    return make


def line_column(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based line and column of code-point ``index`` in ``text``.

    Lines end at LF, CRLF or a lone CR alike (see :mod:`crisiscomms.text.lines`);
    for many findings on one text build one :class:`LineIndex`.

    Examples:
        >>> line_column("ab\\ncd", 3), line_column("ab\\rcd", 3)
        ((2, 1), (2, 1))
    """
    return line_col(text, index)


def has_errors(findings: list[Finding] | tuple[Finding, ...]) -> bool:
    """Return True when any finding is at error severity."""
    return any(f.severity == "error" for f in findings)


class FrozenMessages(dict[str, str]):
    """A finding's messages by language: a dict that refuses changes, so findings can share one.

    Examples:
        >>> m = FrozenMessages({"en": "fix with no time"})
        >>> m["en"], m == {"en": "fix with no time"}
        ('fix with no time', True)
        >>> m["zh"] = "改"
        Traceback (most recent call last):
        ...
        TypeError: a finding's messages are shared and cannot be changed
    """

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("a finding's messages are shared and cannot be changed")

    __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self) -> tuple[type[FrozenMessages], tuple[dict[str, str]]]:
        """Pickle and copy as a plain dict's items."""
        return FrozenMessages, (dict(self),)


def frozen_messages(messages: Mapping[str, str]) -> FrozenMessages:
    """Return ``messages`` as :class:`FrozenMessages`, copying only when it is not one already.

    Examples:
        >>> shared = frozen_messages({"en": "fix with no time"})
        >>> frozen_messages(shared) is shared
        True
    """
    if type(messages) is FrozenMessages:
        return messages
    return FrozenMessages(messages)


@cache
def _language_picker(lang: str) -> Callable[[Mapping[str, str]], str]:
    order = (lang, lang.split("-")[0], "en", "zh")

    def pick(texts: Mapping[str, str]) -> str:
        for key in order:
            if texts.get(key):
                return texts[key]
        return ""

    return pick
