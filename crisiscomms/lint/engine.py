"""Turn lexicon hits into findings: match patterns, cancel, look for satisfiers.

One Aho-Corasick pass finds every lexicon word (:mod:`.scanner`); each rule's
patterns are matched from those hits only (:mod:`.grammar`); a match whose key
element an ``unless`` pattern covers is dropped; a match is fine when a
satisfier (a concrete time, a number, a ``satisfied_by`` pattern) stands in
its scope; whatever remains is reported, one finding per rule and sentence.
With a notice kind, the completeness rules report what the text lacks.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from operator import attrgetter, itemgetter

from ..findings import Finding, FrozenMessages, Severity, finding_maker, frozen_messages
from ..text import normalize
from ..text.lines import LineIndex
from ..text.segments import Segments
from .grammar import Breaks, Match, find_matches, has_match
from .registry import ALL, registry
from .rules import Rule
from .satisfiers import SATISFIER_FUNCTIONS
from .scanner import Hits, Scanner


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything one lint call needs besides the text."""

    scanner: Scanner
    rules: tuple[Rule, ...]
    kind: str | None = None
    disabled: frozenset[str] = frozenset()
    severities: Mapping[str, Severity] = field(default_factory=dict)
    chinese: str = "zh"  # which Chinese variant findings speak: zh or zh-Hant


class _View:
    """A stretch ``[lo, hi)`` of the text with its own copies of the hits and breaks in it.

    A long text is matched window by window (see :func:`_windows`): searching short
    lists stays in the processor's caches, where searching a 10 MB text's lists does
    not. No match crosses a window's edge (an edge follows a paragraph's line break;
    no gap may hold a line break and no word holds one), so a window's matches are
    exactly the text's matches that start in it.
    """

    __slots__ = ("_all", "_hits", "breaks", "hi", "lo", "whole")

    def __init__(self, lo: int, hi: int, hits: Hits, breaks: Breaks, whole: bool) -> None:
        self.lo, self.hi, self.whole = lo, hi, whole
        self._all = hits
        self._hits: dict[str, dict[str, tuple[list[int], list[int]]]] = {}
        self.breaks = breaks if whole else breaks.within(lo, hi)

    def hits(self, lang: str) -> dict[str, tuple[list[int], list[int]]]:
        """Return the hits of ``lang``'s roles that start in this view."""
        if self.whole:
            return self._all.get(lang, {})
        found = self._hits.get(lang)
        if found is None:
            lo, hi = self.lo, self.hi
            found = self._hits[lang] = {}
            for role, (starts, ends) in self._all.get(lang, {}).items():
                i = bisect_left(starts, lo)
                j = bisect_left(starts, hi, i)
                if i < j:
                    found[role] = (starts[i:j], ends[i:j])
        return found

    def span_of(self, ends: list[int]) -> tuple[int, int]:
        """Return the slice of ``ends`` (segment ends) that a position in this view needs."""
        if self.whole:
            return 0, len(ends)
        return bisect_left(ends, self.lo), bisect_right(ends, self.hi)


class _Context:
    def __init__(self, text: str, norm: str, hits: Hits) -> None:
        self.text, self.norm, self.hits = text, norm, hits
        self.segments = Segments(norm)
        self.breaks = Breaks(norm)
        self.whole = _View(0, len(norm), hits, self.breaks, True)
        self._local: dict[tuple[int, str, int, int], list[Match]] = {}
        self._detected: dict[tuple[str, int, int], bool] = {}
        self._unless: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
        self._satisfying: dict[tuple[int, int, int], bool] = {}
        self._windows: list[_View] | None = None

    def windows(self, plan: Plan) -> list[_View]:
        """Return the views a non-text rule is matched in: the whole text when it is short."""
        if self._windows is None:
            cuts = _windows(self.segments.ends("paragraph"), len(self.norm))
            if len(cuts) < 3 or not _windowed(plan.scanner, plan.rules):
                self._windows = [self.whole]
            else:
                self._windows = [
                    _View(lo, hi, self.hits, self.breaks, False) for lo, hi in pairwise(cuts)
                ]
        return self._windows

    def matches(
        self, rule: Rule, which: str, lo: int = 0, hi: int | None = None, view: _View | None = None
    ) -> list[Match]:
        patterns = getattr(rule, which)
        view = view or self.whole
        hits = view.hits(rule.lang)
        norm, breaks = self.norm, view.breaks
        if len(patterns) == 1:
            found = find_matches(patterns[0], norm, hits, lo, hi, breaks)
        else:
            found = [m for p in patterns for m in find_matches(p, norm, hits, lo, hi, breaks)]
        # Longest first at each start; two stable sorts on C-level keys: (start, -end).
        found.sort(key=_END, reverse=True)
        found.sort(key=_START)
        return found

    def _local_matches(self, rule: Rule, which: str, lo: int, hi: int) -> list[Match]:
        key = (id(rule), which, lo, hi)
        found = self._local.get(key)
        if found is None:
            found = self._local[key] = self.matches(rule, which, lo, hi)
        return found

    def cancelled(self, rule: Rule, match: Match) -> bool:
        """Return True when an unless-match that starts near ``match``'s key element covers it."""
        if not rule.unless:
            return False
        _, _, key_start, key_end = match
        lo = max(0, key_start - _REACH)
        for m in self._local_matches(rule, "unless", lo, key_start + 1):
            if m[0] <= key_start and m[1] >= key_end:
                return True
        return False

    def has_match(self, rule: Rule) -> bool:
        """Return True when one of ``rule``'s match patterns matches anywhere in the text."""
        hits, norm, breaks = self.hits.get(rule.lang, {}), self.norm, self.breaks
        size = len(norm)
        return any(has_match(p, norm, hits, 0, size, breaks) for p in rule.match)

    def view_unless(self, rule: Rule, view: _View) -> tuple[list[int], list[int]]:
        """Return the ends and starts of ``rule``'s unless-matches in ``view``, by start."""
        key = (id(rule), view.lo)
        if key not in self._unless:
            found = self.matches(rule, "unless", view=view)
            found.sort(key=_START)
            self._unless[key] = ([m[1] for m in found], [m[0] for m in found])
        return self._unless[key]

    def satisfied(self, rule: Rule, lo: int, hi: int, view: _View | None = None) -> bool:
        if rule.satisfied_by:
            key = (id(rule), lo, hi)
            found = self._satisfying.get(key)
            if found is None:
                view = view or self.whole
                norm, hits, breaks = self.norm, view.hits(rule.lang), view.breaks
                found = False
                for pattern in rule.satisfied_by:
                    if has_match(pattern, norm, hits, lo, hi, breaks):
                        found = True
                        break
                self._satisfying[key] = found
            if found:
                return True
        for name in rule.satisfiers:
            detected = (name, lo, hi)
            if detected not in self._detected:
                self._detected[detected] = SATISFIER_FUNCTIONS[name](self.norm[lo:hi])
            if self._detected[detected]:
                return True
        return False


def _windows(paragraph_ends: list[int], size: int) -> list[int]:
    """Return where the windows of a text start, then its length: cuts at paragraph ends."""
    cuts = [0]
    at = 0
    while size - cuts[-1] > 2 * _WINDOW:
        i = bisect_left(paragraph_ends, cuts[-1] + _WINDOW, at)
        if i == len(paragraph_ends) or paragraph_ends[i] >= size - _WINDOW:
            break
        cuts.append(paragraph_ends[i])
        at = i + 1
    cuts.append(size)
    return cuts


@cache
def _windowed(scanner: Scanner, rules: tuple[Rule, ...]) -> bool:
    """Return True when no word or literal holds a line break: then no match crosses one."""
    literals = [
        e.literal
        for rule in rules
        for which in (rule.match, rule.unless, rule.satisfied_by)
        for pattern in which
        for e in pattern.elements
        if e.literal is not None
    ]
    return not any("\n" in word for word in (*scanner.words, *literals))


_START = itemgetter(0)
_END = itemgetter(1)

#: How far before a key element an unless-pattern may start and still cover it.
_REACH = 64
#: Above this many matches of a rule, its unless-patterns are matched once over the whole text
#: (or once per window).
_MANY = 32
#: A text longer than twice this many characters is matched in windows of about this size.
_WINDOW = 1 << 16


class _Lines:
    """The text's line index, built when the first finding needs it (most texts have few)."""

    __slots__ = ("_index", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: LineIndex | None = None

    def line_col(self, index: int) -> tuple[int, int]:
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index.line_col(index)


def evaluate(text: str, plan: Plan) -> list[Finding]:
    """Return the findings of ``plan``'s rules on ``text``, sorted by position.

    Examples:
        >>> from crisiscomms.lint.catalog import plan_for
        >>> [f.rule for f in evaluate("正在紧急修复中。", plan_for(("zh",)))]
        ['vague-fix-no-timeline']
    """
    normalized = normalize(text)
    norm = normalized.text
    context = _Context(text, norm, plan.scanner.scan(norm))
    lines = _Lines(text)
    findings: dict[tuple[str, int, int], Finding] = {}
    reported: set[str] = set()
    # rule id -> starts of the sentences it was reported in: one finding per rule and sentence.
    reported_in: dict[str, set[int]] = {}
    segments = context.segments
    span = normalized.span
    size = len(norm)
    sentence_ends = segments.ends("sentence")
    for rule in plan.rules:
        if rule.id in plan.disabled or rule.check != "match":
            continue
        if rule.once and rule.id in reported:
            continue  # reported already: no match of it can be reported again
        conditional = bool(rule.satisfiers or rule.satisfied_by)
        if rule.scope == "text":
            # One text-wide answer decides every match: ask whether there is a match at all and
            # whether the text satisfies the rule (each stops at its first success) before
            # building every match of the text.
            if not context.has_match(rule):
                continue
            if conditional and context.satisfied(rule, 0, len(norm)):
                continue  # satisfied anywhere: no match of it can be reported
            views = [context.whole]
        else:
            views = context.windows(plan)
        found = [context.matches(rule, "match", view=view) for view in views]
        total = sum(map(len, found))
        if not total:
            continue
        many = total > _MANY
        make = _FindingMaker(text, lines, rule, plan)
        seen = reported_in.setdefault(rule.id, set())
        scope_ends = segments.ends(rule.scope) if conditional and rule.scope != "text" else []
        for view, matches in zip(views, found, strict=True):
            if not matches:
                continue
            # Segment ends are searched in the view's part of their lists only.
            s_lo, s_hi = view.span_of(sentence_ends)
            c_lo, c_hi = view.span_of(scope_ends)
            sentence = scope = (-1, -1)
            scope_ok = False
            # With many matches, the unless-matches of the view are found once, but only
            # when a match is left that its scope does not satisfy (a long text that gives
            # times everywhere needs none of them).
            unless_ends: list[int] | None = None
            unless_starts: list[int] = []
            for match in matches:
                start = match[0]
                if not sentence[0] <= start < sentence[1]:
                    i = bisect_right(sentence_ends, start, s_lo, s_hi)
                    sentence = (
                        sentence_ends[i - 1] if i else 0,
                        sentence_ends[i] if i < len(sentence_ends) else size,
                    )
                if sentence[0] in seen:
                    continue  # One finding per rule and sentence: 带来的不便，深表歉意 is one.
                if scope_ok and scope[0] <= start < scope[1]:
                    continue  # satisfied where it stands (known already)
                if many:
                    # Whether a match is satisfied and whether it is cancelled are independent:
                    # with many matches, ask the scope first and find the unless-matches last.
                    if conditional:
                        if not scope[0] <= start < scope[1]:
                            scope = _bounds(scope_ends, start, size, c_lo, c_hi)
                            scope_ok = context.satisfied(rule, *scope, view)
                        if scope_ok:
                            continue
                    if rule.unless:
                        if unless_ends is None:
                            unless_ends, unless_starts = context.view_unless(rule, view)
                        # Does an unless-match that starts near the key element cover it?
                        key_start = match[2]
                        i = bisect_left(unless_starts, key_start - _REACH)
                        j = bisect_right(unless_starts, key_start, i)
                        if i < j and max(unless_ends[i:j]) >= match[3]:
                            continue
                else:
                    if context.cancelled(rule, match):
                        continue
                    if conditional:
                        if not scope[0] <= start < scope[1]:
                            scope = _bounds(scope_ends, start, size, c_lo, c_hi)
                            scope_ok = context.satisfied(rule, *scope, view)
                        if scope_ok:
                            continue
                end = match[1]
                if rule.extend is not None:
                    extended = rule.extend.match(norm, start)
                    end = max(end, extended.end()) if extended else end
                ostart, oend = span(start, end)
                key = (rule.id, ostart, oend)
                if key in findings and not _prefer(rule, plan, norm[start:end]):
                    continue
                reported.add(rule.id)
                seen.add(sentence[0])
                findings[key] = make(ostart, oend)
                if rule.once:
                    break
            if rule.once and rule.id in reported:
                break
    if plan.kind:
        for finding in _completeness(context, plan, lines, normalized.span):
            findings[(finding.rule, finding.start, finding.end)] = finding
    emitted = {key[0] for key in findings}
    superseded = {s for r in plan.rules if r.id in emitted for s in r.supersedes} & emitted
    result = [f for f in findings.values() if f.rule not in superseded]
    result.sort(key=_POSITION)
    return result


def _bounds(ends: list[int], position: int, size: int, lo: int, hi: int) -> tuple[int, int]:
    # Segments.bounds, given the segment ends (the segment holding ``position`` has its
    # ends within ``ends[lo:hi]``); a text scope has no ends: the whole text.
    if not ends:
        return 0, size
    i = bisect_right(ends, position, lo, hi)
    return (ends[i - 1] if i else 0), (ends[i] if i < len(ends) else size)


#: A finding's (start, end, rule), read in C: a text dense with findings sorts a million.
_POSITION = attrgetter("start", "end", "rule")


def _prefer(rule: Rule, plan: Plan, excerpt: str) -> bool:
    # A span several languages' rules share ([TO FILL, 不可抗力): speak the language of the excerpt.
    return rule.lang == ("en" if excerpt.isascii() else "zh")


class _FindingMaker:
    """Build the findings of one rule on one text: what they share is looked up once."""

    __slots__ = ("lines", "make", "text")

    def __init__(self, text: str, lines: _Lines, rule: Rule, plan: Plan) -> None:
        doc = registry()[rule.id]
        lang = plan.chinese if rule.lang == "zh" else rule.lang
        self.text, self.lines = text, lines
        severity = plan.severities.get(rule.id, plan.severities.get(ALL, doc.severity))
        message, suggestion, messages = _doc_texts(rule.id, lang)
        self.make = finding_maker(rule.id, severity, message, suggestion, messages)

    def __call__(self, start: int, end: int) -> Finding:
        line, column = self.lines.line_col(start)
        return self.make(start, end, line, column, self.text[start:end])


@cache
def _doc_texts(rule_id: str, lang: str) -> tuple[str, str, FrozenMessages]:
    """Return a rule's message and suggestion in ``lang``, and its messages, shared read-only."""
    doc = registry()[rule_id]
    sample = Finding.at(
        "", 0, 0, rule=rule_id, severity=doc.severity, messages=doc.messages, lang=lang,
        suggestions=doc.suggestions,
    )  # fmt: skip
    return sample.message, sample.suggestion, frozen_messages(doc.messages)


def _finding(text: str, lines: _Lines, start: int, end: int, rule: Rule, plan: Plan) -> Finding:
    return _FindingMaker(text, lines, rule, plan)(start, end)


def _completeness(
    context: _Context, plan: Plan, lines: _Lines, span: Callable[[int, int], tuple[int, int]]
) -> list[Finding]:
    by_id: dict[str, list[Rule]] = {}
    for rule in plan.rules:
        if rule.check == "completeness" and plan.kind in rule.kinds:
            by_id.setdefault(rule.id, []).append(rule)
    out: list[Finding] = []
    text_lang = _text_language(context.text)
    whole = (0, len(context.norm))
    for rule_id, rules in by_id.items():
        if rule_id in plan.disabled:
            continue
        speaker = next((r for r in rules if r.lang == text_lang), rules[0])
        topic = [m for r in rules for m in context.matches(r, "topic")]
        if any(r.topic for r in rules) and not topic:
            continue  # The element is only needed when the text touches its topic.
        if any(context.satisfied(r, *whole) for r in rules):
            continue
        start, end = span(topic[0][0], topic[0][1]) if topic else (0, 0)
        out.append(_finding(context.text, lines, start, end, speaker, plan))
    return out


def _text_language(text: str) -> str:
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "zh" if han * 3 >= latin else "en"
