"""What the pack checks across its files: languages and channels agree, documents keep to the facts.

- Across languages, each file of a kind and channel is compared with the English
  one (:func:`~crisiscomms.factcheck.check_parity`): the same numbers, amounts, times.
- Across channels, every number or time a short form states must be one the full
  notice in the same language states: a short form says less, never something else.
- A document (script, FAQ, community message, briefing) gets what
  :func:`~crisiscomms.factcheck.check_draft` finds (numbers against the facts,
  claims the facts do not hold, the linter), and a ``missing-<element>`` error at
  each placeholder it shows.
"""

from __future__ import annotations

from ..completeness import element_gap, elements, placeholder_text
from ..factcheck import check_draft, check_parity
from ..factcheck.parity import stated_in, value_index
from ..factcheck.quantities import find_mentions
from ..facts import Incident
from ..findings import Finding
from ..kinds import lint_lang
from ..lint import COMPLETENESS_RULES
from ..text import LineIndex
from .data import messages
from .files import PackFile

#: Lint findings a placeholder already stands for: the placeholder's own finding says it.
_RESTATED = frozenset({"unfilled-placeholder", *COMPLETENESS_RULES})


def cross_language(files: list[PackFile]) -> None:
    """Add ``parity-mismatch`` findings between each file and the English (else first) one."""
    if len(files) < 2:
        return
    base = next((f for f in files if f.lang == "en"), files[0])
    for other in files:
        if other is base:
            continue
        report = check_parity(other.text, base.text, other.lang)
        other.add(report.zh)
        base.add(report.en)


def cross_channel(files: list[PackFile], full: str) -> None:
    """Add ``parity-mismatch`` where a channel's text states a value its full notice does not."""
    reference = next((f for f in files if f.channel == full), None)
    if reference is None:
        return
    stated = value_index(find_mentions(reference.text))
    for file in files:
        if file is reference:
            continue
        lines: LineIndex | None = None
        found: list[Finding] = []
        for m in find_mentions(file.text):
            if stated_in(m, stated):
                continue
            lines = lines or LineIndex(file.text)
            message, suggestion = messages("cross_channel", excerpt=file.text[m.start : m.end])
            found.append(
                Finding.at(
                    file.text,
                    m.start,
                    m.end,
                    rule="parity-mismatch",
                    severity="error",
                    messages=message,
                    lang=file.lang,
                    suggestions=suggestion,
                    lines=lines,
                )
            )
        file.add(found)


def document_findings(text: str, incident: Incident, lang: str) -> list[Finding]:
    """Return what a document holds that is wrong, unsupported, vague or still to fill in."""
    shown, gaps = placeholders(text, lang)
    restated = set(_RESTATED).union(*(element_gap(e).supersedes for e in gaps))
    checked = [f for f in check_draft(text, incident, lint_lang(lang)) if f.rule not in restated]
    return shown + checked


def placeholders(text: str, lang: str) -> tuple[list[Finding], set[str]]:
    """Return a ``missing-<element>`` error at each placeholder ``text`` shows, and the elements."""
    found: list[Finding] = []
    gaps: set[str] = set()
    lines: LineIndex | None = None
    for element in elements():
        shown = placeholder_text(element, lang)
        start = text.find(shown)
        if start < 0:
            continue
        gap = element_gap(element)
        gaps.add(element)
        lines = lines or LineIndex(text)
        while start >= 0:
            found.append(gap.finding(text, start, lang, lines))
            start = text.find(shown, start + len(shown))
    return found, gaps
