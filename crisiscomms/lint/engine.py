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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from operator import attrgetter, itemgetter

from ..findings import Finding, FrozenMessages, Severity, finding_maker, frozen_messages
from ..text import normalize
from ..text.lines import LineIndex
from ..text.normalize import Normalized
from ..text.segments import Segments, paragraph_end
from .grammar import Breaks, Match, find_matches, has_match
from .registry import registry, severity_of
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


class _Context:
    """One window of the normalised text (all of a short text) with its hits, segments and breaks.

    A long text is matched window by window (see :func:`_windows`): the lists of one
    window's hits and breaks stay in the processor's caches, and are freed before the
    next window is read, so the cost grows with the text and not faster. No match
    crosses a window's edge (an edge follows a paragraph's line break; no gap may hold a
    line break and no word holds one), and every clause, sentence and paragraph ends
    at it, so a window's findings are exactly the text's findings that start in it.
    """

    def __init__(self, norm: str, hits: Hits) -> None:
        self.norm, self.hits = norm, hits
        self.segments = Segments(norm)
        self.breaks = Breaks(norm)
        self._local: dict[tuple[int, str, int, int], list[Match]] = {}
        self._detected: dict[tuple[str, int, int], bool] = {}
        self._unless: dict[int, tuple[list[int], list[int]]] = {}
        self._satisfying: dict[tuple[int, int, int], bool] = {}

    def matches(self, rule: Rule, which: str, lo: int = 0, hi: int | None = None) -> list[Match]:
        hits = self.hits[rule.lang]
        norm, breaks, present = self.norm, self.breaks, hits.present.keys()
        # Only patterns each of whose roles has hits can match: most patterns of a short text.
        found = [
            m
            for p in getattr(rule, which)
            if p.needs <= present
            for m in find_matches(p, norm, hits, lo, hi, breaks)
        ]
        if len(found) > 1:
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
        """Return True when one of ``rule``'s match patterns matches anywhere in the window."""
        hits, norm, breaks = self.hits[rule.lang], self.norm, self.breaks
        size, present = len(norm), hits.present.keys()
        return any(
            has_match(p, norm, hits, 0, size, breaks) for p in rule.match if p.needs <= present
        )

    def all_unless(self, rule: Rule) -> tuple[list[int], list[int]]:
        """Return the ends and starts of ``rule``'s unless-matches in the window, by start."""
        key = id(rule)
        if key not in self._unless:
            found = self.matches(rule, "unless")
            found.sort(key=_START)
            self._unless[key] = ([m[1] for m in found], [m[0] for m in found])
        return self._unless[key]

    def satisfied_by(self, rule: Rule, lo: int, hi: int) -> bool:
        """Return True when one of ``rule``'s ``satisfied_by`` patterns matches in ``[lo, hi)``."""
        key = (id(rule), lo, hi)
        found = self._satisfying.get(key)
        if found is None:
            norm, hits, breaks = self.norm, self.hits[rule.lang], self.breaks
            present = hits.present.keys()
            found = any(
                has_match(p, norm, hits, lo, hi, breaks)
                for p in rule.satisfied_by
                if p.needs <= present
            )
            self._satisfying[key] = found
        return found

    def satisfied(self, rule: Rule, lo: int, hi: int) -> bool:
        if rule.satisfied_by and self.satisfied_by(rule, lo, hi):
            return True
        return _functions_hold(rule, self.norm, lo, hi, self._detected)


def _functions_hold(
    rule: Rule, norm: str, lo: int, hi: int, detected: dict[tuple[str, int, int], bool]
) -> bool:
    """Return True when one of ``rule``'s named satisfiers holds in ``norm[lo:hi]``."""
    for name in rule.satisfiers:
        key = (name, lo, hi)
        if key not in detected:
            detected[key] = SATISFIER_FUNCTIONS[name](norm[lo:hi])
        if detected[key]:
            return True
    return False


def evaluate(text: str, plan: Plan) -> list[Finding]:
    """Return the findings of ``plan``'s rules on ``text``, sorted by position.

    Examples:
        >>> from crisiscomms.lint.catalog import plan_for
        >>> [f.rule for f in evaluate("正在紧急修复中。", plan_for(("zh",)))]
        ['vague-fix-no-timeline']
    """
    normalized = normalize(text)
    norm = normalized.text
    cuts = _windows(norm, plan)
    run = _Run(text, normalized, plan, single=len(cuts) == 2)
    for lo, hi in pairwise(cuts):
        window = norm if hi - lo == len(norm) else norm[lo:hi]
        run.read(lo, _Context(window, plan.scanner.scan(window)))
    return run.result()


class _Run:
    """The findings of one text, gathered window by window.

    Rules whose scope is a clause, sentence or paragraph are reported from each window.
    A rule whose scope is the whole text, and the completeness rules, are decided once
    every window is read: each window tells whether the rule matches there, whether a
    ``satisfied_by`` pattern holds there, and its first reportable match; named
    satisfiers (a concrete time...) are asked about the whole normalised text.
    """

    def __init__(self, text: str, normalized: Normalized, plan: Plan, single: bool) -> None:
        self.text, self.normalized, self.plan, self.single = text, normalized, plan, single
        self.norm = normalized.text
        self.lines = _Lines(text)
        # The findings of the windows read so far. Two rules (the zh and en rules of one id)
        # can report one span; such spans lie in one window, so each window's findings are
        # told apart in a dict of its own, cache-sized, and then kept in one list.
        self.found: list[Finding] = []
        self.reported: set[str] = set()
        self.local, self.whole, self.complete = _partition(plan.rules, plan.disabled, plan.kind)
        self.makers: dict[int, _FindingMaker] = {}
        # Per rule of the text scope or of completeness: satisfied by a pattern somewhere,
        # and what it would report (its matches; for completeness, the first topic match).
        self.satisfied: set[int] = set()
        self.pending: dict[int, list[Finding]] = {}
        self.topic: dict[int, tuple[int, int]] = {}

    def make(self, rule: Rule, start: int, end: int) -> Finding:
        maker = self.makers.get(id(rule))
        if maker is None:
            maker = self.makers[id(rule)] = _FindingMaker(self.text, self.lines, rule, self.plan)
        return maker(start, end)

    def read(self, lo: int, context: _Context) -> None:
        """Take in the window of the normalised text that starts at ``lo``."""
        self._report(lo, context)
        size = len(context.norm)
        for rule in self.whole:
            self._hold(rule, lo, context, size)
        for rule in self.complete:
            if id(rule) not in self.topic and rule.topic:
                topic = context.matches(rule, "topic")
                if topic:
                    self.topic[id(rule)] = self.normalized.span(lo + topic[0][0], lo + topic[0][1])
            known = id(rule) in self.satisfied or not rule.satisfied_by
            if not known and context.satisfied_by(rule, 0, size):
                self.satisfied.add(id(rule))

    def _report(self, lo: int, context: _Context) -> None:
        """Report the window's findings of the rules of a clause, sentence or paragraph."""
        reported, span = self.reported, self.normalized.span
        findings: dict[tuple[str, int, int], Finding] = {}
        # rule id -> starts of the sentences it was reported in: one finding per rule and sentence.
        reported_in: dict[str, set[int]] = {}
        hits = context.hits
        for rule, firsts in self.local:
            if rule.once and rule.id in reported:
                continue  # reported already: no match of it can be reported again
            if firsts.isdisjoint(hits[rule.lang].present):
                continue  # no hit of a role any of its patterns starts with
            matches = context.matches(rule, "match")
            if not matches:
                continue
            seen = reported_in.setdefault(rule.id, set())
            conditional = bool(rule.satisfiers or rule.satisfied_by)
            for start, end, sentence in _reportable(rule, context, matches, seen, conditional):
                ostart, oend = span(lo + start, lo + end)
                key = (rule.id, ostart, oend)
                if key in findings and not _prefer(rule, context.norm[start:end]):
                    continue
                reported.add(rule.id)
                seen.add(sentence)
                findings[key] = self.make(rule, ostart, oend)
                if rule.once:
                    break
        # Sorted here, window by window: the windows follow each other and each finding
        # starts in its own, so the list stays in order and the final sort is one pass.
        # (Sorted only at the end, a text dense with findings made thousands of runs to
        # merge: more time per finding the longer the text.)
        self.found += sorted(findings.values(), key=_POSITION)

    def _hold(self, rule: Rule, lo: int, context: _Context, size: int) -> None:
        """Note what a rule of the whole text finds in the window, to decide at the end."""
        if id(rule) in self.satisfied:
            return
        # A window without a match may still satisfy the rule for the whole text: only a
        # text read in one window may skip the question when the rule does not match.
        if self.single and not context.has_match(rule):
            return
        if rule.satisfied_by and context.satisfied_by(rule, 0, size):
            self.satisfied.add(id(rule))  # satisfied anywhere: nothing of it is reported
            return
        pending = self.pending.setdefault(id(rule), [])
        if rule.once and pending:
            return
        seen: set[int] = set()
        matches = context.matches(rule, "match")
        for start, end, sentence in _reportable(rule, context, matches, seen, False):
            seen.add(sentence)
            pending.append(self.make(rule, *self.normalized.span(lo + start, lo + end)))
            if rule.once:
                break

    def result(self) -> list[Finding]:
        """Return every finding, once every window is read, sorted by position."""
        found, detected = self.found, dict[tuple[str, int, int], bool]()
        whole = (0, len(self.norm))
        # Where the findings that a later one (of the whole text, of completeness) may
        # replace stand in ``found``: only those of the rule ids decided here, most texts none.
        later = {r.id for r in self.whole if self.pending.get(id(r))}
        later |= {r.id for r in self.complete}
        at = {(f.rule, f.start, f.end): i for i, f in enumerate(found) if f.rule in later}

        def put(finding: Finding, key: tuple[str, int, int]) -> None:
            i = at.get(key)
            if i is None:
                at[key] = len(found)
                found.append(finding)
            else:
                found[i] = finding

        for rule in self.whole:
            pending = self.pending.get(id(rule))
            if not pending or id(rule) in self.satisfied:
                continue
            if rule.once and rule.id in self.reported:
                continue
            if _functions_hold(rule, self.norm, *whole, detected):
                continue  # satisfied anywhere: no match of it can be reported
            for finding in pending:
                key = (rule.id, finding.start, finding.end)
                if key in at and not _prefer(rule, finding.excerpt):
                    continue
                self.reported.add(rule.id)
                put(finding, key)
                if rule.once:
                    break
        for finding in self._completeness(detected):
            put(finding, (finding.rule, finding.start, finding.end))
        if not found:
            return []
        emitted = set(map(_RULE, found))
        superseded = {s for r in self.plan.rules if r.id in emitted for s in r.supersedes} & emitted
        result = [f for f in found if f.rule not in superseded] if superseded else found
        result.sort(key=_POSITION)
        return result

    def _completeness(self, detected: dict[tuple[str, int, int], bool]) -> list[Finding]:
        if not self.complete:
            return []
        by_id: dict[str, list[Rule]] = {}
        for rule in self.complete:
            by_id.setdefault(rule.id, []).append(rule)
        out: list[Finding] = []
        text_lang = _text_language(self.text)
        whole = (0, len(self.norm))
        for rules in by_id.values():
            speaker = next((r for r in rules if r.lang == text_lang), rules[0])
            topic = next((self.topic[id(r)] for r in rules if id(r) in self.topic), None)
            if any(r.topic for r in rules) and topic is None:
                continue  # The element is only needed when the text touches its topic.
            if any(
                id(r) in self.satisfied or _functions_hold(r, self.norm, *whole, detected)
                for r in rules
            ):
                continue
            out.append(self.make(speaker, *(topic or (0, 0))))
        return out


def _reportable(
    rule: Rule, context: _Context, matches: list[Match], seen: set[int], conditional: bool
) -> Iterator[tuple[int, int, int]]:
    """Yield the spans of ``rule``'s ``matches`` in ``context`` that stand: not cancelled,
    not satisfied in their scope, in a sentence ``seen`` does not hold yet (the caller adds
    the sentences it reports in)."""
    if not matches:
        return
    many = len(matches) > _MANY
    norm, size = context.norm, len(context.norm)
    sentence_ends = context.segments.ends("sentence")
    scope_ends = context.segments.ends(rule.scope) if conditional and rule.scope != "text" else []
    sentence = scope = (-1, -1)
    scope_ok = False
    unless_ends: list[int] | None = None
    unless_starts: list[int] = []
    # Matches are by start: those left in a sentence already reported in, or in a scope
    # known to be satisfied, are stepped over with one bisect.
    k, count = 0, len(matches)
    while k < count:
        match = matches[k]
        k += 1
        start = match[0]
        if not sentence[0] <= start < sentence[1]:
            sentence = _bounds(sentence_ends, start, size)
        if sentence[0] in seen:
            # One finding per rule and sentence: 带来的不便，深表歉意 is one.
            k = bisect_left(matches, sentence[1], k, count, key=_START)
            continue
        if scope_ok and scope[0] <= start < scope[1]:
            k = bisect_left(matches, scope[1], k, count, key=_START)
            continue  # satisfied where it stands (known already)
        # Whether a match is cancelled and whether it is satisfied are independent. With few
        # matches, an unless-match near each is looked for first; with many, the scope is
        # asked first and the unless-matches of the window are found once, only when a
        # match is left that its scope does not satisfy.
        if not many and context.cancelled(rule, match):
            continue
        if conditional:
            if not scope[0] <= start < scope[1]:
                scope = _bounds(scope_ends, start, size)
                scope_ok = context.satisfied(rule, *scope)
            if scope_ok:
                k = bisect_left(matches, scope[1], k, count, key=_START)
                continue
        if many and rule.unless:
            if unless_ends is None:
                unless_ends, unless_starts = context.all_unless(rule)
            # Does an unless-match that starts near the key element cover it?
            key_start = match[2]
            i = bisect_left(unless_starts, key_start - _REACH)
            j = bisect_right(unless_starts, key_start, i)
            if i < j and max(unless_ends[i:j]) >= match[3]:
                continue
        end = match[1]
        if rule.extend is not None:
            extended = rule.extend.match(norm, start)
            end = max(end, extended.end()) if extended else end
        yield start, end, sentence[0]


#: The rules of a clause, sentence or paragraph (each with the roles its match patterns
#: start with), of the whole text, and of completeness.
_Partition = tuple[tuple[tuple[Rule, frozenset[str]], ...], tuple[Rule, ...], tuple[Rule, ...]]
#: id of a plan's rules -> (the rules, kept alive so the id stays theirs), by disabled and kind
_PARTITIONS: dict[tuple[int, frozenset[str], str | None], tuple[tuple[Rule, ...], _Partition]] = {}


def _partition(rules: tuple[Rule, ...], disabled: frozenset[str], kind: str | None) -> _Partition:
    """Return the active rules of a clause/sentence/paragraph, of the whole text, and of
    completeness for ``kind``: worked out once per cached plan, not once per text."""
    key = (id(rules), disabled, kind)
    known = _PARTITIONS.get(key)
    if known is not None and known[0] is rules:
        return known[1]
    active = [r for r in rules if r.id not in disabled]
    local = tuple(
        (r, frozenset(p.elements[0].role or "" for p in r.match))
        for r in active
        if r.check == "match" and r.scope != "text"
    )
    whole = tuple(r for r in active if r.check == "match" and r.scope == "text")
    complete = tuple(
        r for r in active if r.check == "completeness" and kind is not None and kind in r.kinds
    )
    if len(_PARTITIONS) > 256:  # plans with many configurations: start again
        _PARTITIONS.clear()
    _PARTITIONS[key] = (rules, (local, whole, complete))
    return local, whole, complete


def _windows(norm: str, plan: Plan) -> list[int]:
    """Return where the windows of ``norm`` start, then its length: cuts at paragraph ends."""
    size = len(norm)
    if size <= 2 * _WINDOW or not _windowed(plan.scanner, plan.rules):
        return [0, size]
    cuts = [0]
    while size - cuts[-1] > 2 * _WINDOW:
        cut = paragraph_end(norm, cuts[-1] + _WINDOW)
        if cut is None or cut >= size - _WINDOW:
            break
        cuts.append(cut)
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
#: 16K characters rather than 64K: a window's hits, breaks and matches then stay in the
#: processor's caches (measured: lint of 1 MiB 7-16% faster, of 1 MB dense with findings 8-14%).
_WINDOW = 1 << 14


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


def _bounds(ends: list[int], position: int, size: int) -> tuple[int, int]:
    # Segments.bounds, given the segment ends; a text scope has no ends: the whole text.
    if not ends:
        return 0, size
    i = bisect_right(ends, position)
    return (ends[i - 1] if i else 0), (ends[i] if i < len(ends) else size)


#: A finding's (start, end, rule), read in C: a text dense with findings sorts a million.
_POSITION = attrgetter("start", "end", "rule")
_RULE = attrgetter("rule")


def _prefer(rule: Rule, excerpt: str) -> bool:
    # A span several languages' rules share ([TO FILL, 不可抗力): speak the language of the excerpt.
    return rule.lang == ("en" if excerpt.isascii() else "zh")


class _FindingMaker:
    """Build the findings of one rule on one text: what they share is looked up once."""

    __slots__ = ("excerpts", "lines", "make", "text")

    def __init__(self, text: str, lines: _Lines, rule: Rule, plan: Plan) -> None:
        doc = registry()[rule.id]
        lang = plan.chinese if rule.lang == "zh" else rule.lang
        self.text, self.lines = text, lines
        severity = severity_of(rule.id, plan.severities, doc.severity)
        message, suggestion, messages = _doc_texts(rule.id, lang)
        self.make = finding_maker(rule.id, severity, message, suggestion, messages)
        # One copy of each excerpt: a text dense with findings repeats a few phrases a
        # million times, and a copy each grew the heap enough to slow every later finding.
        self.excerpts: dict[str, str] = {}

    def __call__(self, start: int, end: int) -> Finding:
        line, column = self.lines.line_col(start)
        excerpt = self.text[start:end]
        return self.make(start, end, line, column, self.excerpts.setdefault(excerpt, excerpt))


@cache
def _doc_texts(rule_id: str, lang: str) -> tuple[str, str, FrozenMessages]:
    """Return a rule's message and suggestion in ``lang``, and its messages, shared read-only."""
    doc = registry()[rule_id]
    sample = Finding.at(
        "", 0, 0, rule=rule_id, severity=doc.severity, messages=doc.messages, lang=lang,
        suggestions=doc.suggestions,
    )  # fmt: skip
    return sample.message, sample.suggestion, frozen_messages(doc.messages)


def _text_language(text: str) -> str:
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "zh" if han * 3 >= latin else "en"
