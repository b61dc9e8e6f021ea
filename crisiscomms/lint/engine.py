"""Run the three check types over scanned text and turn what fails into findings.

Existence: a phrase is reported wherever it stands. Requires-nearby: a
phrase is reported unless its satisfier (a concrete time, a number, a safety
statement...) stands in the same sentence, paragraph or text. Completeness:
with a notice kind, an element the kind needs is reported when the text has
no satisfier for it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..findings import Finding, Severity
from .rules import Rule, RuleSet
from .satisfiers import SATISFIER_FUNCTIONS
from .scanner import Hit, Scanner
from .segments import Segments
from .textfold import fold


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything one lint call needs besides the text."""

    scanner: Scanner
    rules: tuple[Rule, ...]
    kind: str | None = None
    disabled: frozenset[str] = frozenset()
    severities: Mapping[str, Severity] = field(default_factory=dict)
    chinese: str = "zh"  # which Chinese rule set speaks for whole-text findings


class _Context:
    def __init__(self, text: str, folded: str, hits: list[Hit]) -> None:
        self.text, self.folded = text, folded
        self.segments = Segments(folded)
        self.exceptions: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.satisfiers: dict[str, list[int]] = defaultdict(list)
        self.triggers: list[Hit] = []
        for hit in hits:
            rule_id, role = hit.entry.rule.id, hit.entry.role
            if role == "trigger":
                self.triggers.append(hit)
            elif role == "exception":
                self.exceptions[rule_id].append((hit.start, hit.end))
            else:
                self.satisfiers[rule_id].append(hit.start)
        self._cache: dict[tuple[str, int, int], bool] = {}
        self._detected: dict[tuple[str, int, int], bool] = {}

    def detected(self, satisfier: str, lo: int, hi: int) -> bool:
        # Keyed by satisfier, not rule: vague-fix and vague-time share one time scan.
        key = (satisfier, lo, hi)
        if key not in self._detected:
            self._detected[key] = SATISFIER_FUNCTIONS[satisfier](self.folded[lo:hi])
        return self._detected[key]

    def excepted(self, hit: Hit) -> bool:
        spans = self.exceptions.get(hit.entry.rule.id, ())
        return any(s < hit.end and hit.start < e for s, e in spans)

    def satisfied(self, rule: Rule, lo: int, hi: int) -> bool:
        key = (rule.id, lo, hi)
        if key not in self._cache:
            starts = self.satisfiers.get(rule.id, [])
            i = bisect_left(starts, lo)
            found = i < len(starts) and starts[i] < hi
            if not found and rule.satisfier:
                found = self.detected(rule.satisfier, lo, hi)
            self._cache[key] = found
        return self._cache[key]


def evaluate(text: str, plan: Plan) -> list[Finding]:
    """Return the findings of ``plan``'s rules on ``text``, sorted by position.

    Examples:
        >>> from crisiscomms.lint.catalog import plan_for
        >>> [f.rule for f in evaluate("正在紧急修复中。", plan_for(("zh",)))]
        ['vague-fix-no-timeline']
    """
    folded = fold(text)
    context = _Context(text, folded, plan.scanner.scan(folded))
    for starts in context.satisfiers.values():
        starts.sort()
    findings: dict[tuple[str, int, int], Finding] = {}
    reported: set[str] = set()
    reported_in: set[tuple[str, tuple[int, int]]] = set()
    for hit in context.triggers:
        rule = hit.entry.rule
        if rule.id in plan.disabled or rule.check == "completeness" or context.excepted(hit):
            continue
        end = hit.end
        if rule.extend is not None:
            extended = rule.extend.match(folded, hit.start)
            end = max(end, extended.end()) if extended else end
        if rule.check == "requires-nearby":
            lo, hi = context.segments.bounds(hit.start, rule.scope)
            if context.satisfied(rule, lo, hi):
                continue
        key = (rule.id, hit.start, end)
        if key in findings:
            if _prefer(rule, plan, text[hit.start : end]):
                findings[key] = _finding(text, hit.start, end, rule, plan)
            continue
        sentence = context.segments.bounds(hit.start, "sentence")
        if (rule.once and rule.id in reported) or (rule.id, sentence) in reported_in:
            continue  # One finding per rule and sentence: 带来的不便，深表歉意 is one apology.
        reported.add(rule.id)
        reported_in.add((rule.id, sentence))
        findings[key] = _finding(text, hit.start, end, rule, plan)
    if plan.kind:
        for finding in _completeness(context, plan):
            findings[(finding.rule, finding.start, finding.end)] = finding
    emitted = {key[0] for key in findings}
    superseded = {s for f in findings.values() for s in _rule(plan, f.rule).supersedes}
    superseded &= emitted
    result = [f for f in findings.values() if f.rule not in superseded]
    result.sort(key=lambda f: (f.start, f.end, f.rule))
    return result


def _rule(plan: Plan, rule_id: str) -> Rule:
    return next(r for r in plan.rules if r.id == rule_id)


def _prefer(rule: Rule, plan: Plan, excerpt: str) -> bool:
    # A phrase several rule sets share ([TO FILL, 不可抗力): speak the language of the excerpt.
    wanted = "en" if excerpt.isascii() else plan.chinese
    return rule.lang == wanted


def _finding(text: str, start: int, end: int, rule: Rule, plan: Plan) -> Finding:
    return Finding.at(
        text,
        start,
        end,
        rule=rule.id,
        severity=plan.severities.get(rule.id, rule.severity),
        messages=rule.messages,
        lang=rule.lang,
        suggestions=rule.suggestions,
    )


def _completeness(context: _Context, plan: Plan) -> list[Finding]:
    by_id: dict[str, list[Rule]] = defaultdict(list)
    for rule in plan.rules:
        if rule.check == "completeness" and plan.kind in rule.kinds:
            by_id[rule.id].append(rule)
    if not by_id:
        return []
    lang = _text_language(context.text, plan.chinese)
    out: list[Finding] = []
    for rule_id, rules in by_id.items():
        if rule_id in plan.disabled:
            continue
        speaker = next((r for r in rules if r.lang == lang), rules[0])
        topic = [h for h in context.triggers if h.entry.rule.id == rule_id]
        if any(r.phrases for r in rules) and not topic:
            continue  # The element is only needed when the text touches its topic.
        whole = (0, len(context.text))
        if any(context.satisfied(r, *whole) for r in rules):
            continue
        start, end = (topic[0].start, topic[0].end) if topic else (0, 0)
        out.append(_finding(context.text, start, end, speaker, plan))
    return out


def _text_language(text: str, chinese: str) -> str:
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return chinese if han * 3 >= latin else "en"


def rules_of(rulesets: Sequence[RuleSet]) -> tuple[Rule, ...]:
    """Return the rules of several rule sets as one tuple, in order."""
    return tuple(rule for rs in rulesets for rule in rs.rules)
