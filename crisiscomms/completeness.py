"""What each notice kind needs from the facts, and which of it is missing.

The checks are code; what a missing element is called, why a reader needs it
and the question to ask for it are data (``templates/elements.toml``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from .errors import TemplateError
from .facts import DATA_AREAS, FUNDS_AREAS, Compensation, Incident
from .findings import Finding
from .formatting import load_terms
from .kinds import HANT_LANGS, NoticeKind
from .resources import templates_root
from .text import LineIndex


@dataclass(frozen=True)
class MissingFact:
    """A fact the notice needs and the facts lack; the draft shows a placeholder for it.

    Examples:
        >>> fact = element_gap("next_update")
        >>> fact.rule, fact.path
        ('missing-next-update', 'next_update_at')
        >>> fact.question["zh"][:15]
        '下一次进展计划在什么时间发布？'
    """

    element: str
    rule: str
    path: str
    label: dict[str, str] = field(compare=False)
    why: dict[str, str] = field(compare=False)
    question: dict[str, str] = field(compare=False)
    supersedes: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the missing fact as JSON-ready data."""
        return {
            "element": self.element,
            "rule": self.rule,
            "path": self.path,
            "question": dict(self.question),
        }

    def finding(self, text: str, start: int, lang: str, lines: LineIndex | None = None) -> Finding:
        """Return the ``missing-<element>`` error at this fact's placeholder in ``text``.

        A Traditional draft's finding speaks its region's Traditional text.
        """
        end = start + len(placeholder_text(self.element, lang))
        why, question = self.why, self.question
        if lang in HANT_LANGS:
            terms = load_terms(lang)
            why = {**why, lang: terms["element_why"][self.element]}
            question = {**question, lang: terms["element_question"][self.element]}
        return Finding.at(
            text,
            start,
            end,
            rule=self.rule,
            severity="error",
            messages=why,
            lang=lang,
            suggestions=question,
            lines=lines,
        )


@cache
def elements() -> dict[str, dict[str, Any]]:
    """Return the element definitions from ``templates/elements.toml``."""
    path = templates_root() / "elements.toml"
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise TemplateError(f"{path}: {error}") from None


@cache
def placeholder_text(element: str, lang: str) -> str:
    """Return the placeholder a draft shows for a missing ``element``.

    Examples:
        >>> placeholder_text("next_update", "zh"), placeholder_text("next_update", "en")
        ('【待补充：下次更新时间】', '[TO FILL: next update time]')
    """
    terms = load_terms(lang)
    labels = elements()[element]["label"]
    # Traditional labels live in the region's terms.toml ([element_labels]), generated from zh.
    label = labels[lang] if lang in labels else terms["element_labels"][element]
    return str(terms["placeholder"]).format(label=label)


@cache
def placeholder_labels() -> dict[str, str]:
    """Return every label a placeholder shows, in every draft language -> the fact's path.

    Examples:
        >>> labels = placeholder_labels()
        >>> labels["下次更新时间"], labels["下次更新時間"], labels["next update time"]
        ('next_update_at', 'next_update_at', 'next_update_at')
    """
    from .kinds import HANT_LANGS

    found: dict[str, str] = {}
    for name, spec in elements().items():
        for label in spec["label"].values():
            found[str(label)] = spec["path"]
        for lang in HANT_LANGS:
            found[str(load_terms(lang)["element_labels"][name])] = spec["path"]
    return found


def element_gap(element: str, path: str | None = None) -> MissingFact:
    """Return the :class:`MissingFact` for ``element`` (``path`` overrides the generic one)."""
    spec = elements()[element]
    return MissingFact(
        element=element,
        rule=spec["rule"],
        path=path or spec["path"],
        label=spec["label"],
        why=spec["why"],
        question=spec["question"],
        supersedes=tuple(spec.get("supersedes", ())),
    )


#: Wording rules whose question the facts answer for a kind, so a draft of that kind does not
#: ask it of its text: a compensation notice carries no data or funds statement (the notices
#: about the outage do, from the facts), though its items name fees, refunds and accounts.
_JUDGED_FROM_FACTS: dict[str, tuple[str, ...]] = {
    "compensation_notice": ("no-data-safety-statement",),
}


def judged_from_facts(kind: str) -> tuple[str, ...]:
    """Return the wording rules a draft of ``kind`` leaves to the facts."""
    return _JUDGED_FROM_FACTS.get(kind, ())


def missing_facts(incident: Incident, kind: NoticeKind) -> list[MissingFact]:
    """Return what ``kind`` needs that ``incident`` does not say, in reading order."""
    return [element_gap(element, path) for element, path in _gaps(incident, kind)]


def _gaps(incident: Incident, kind: NoticeKind) -> Iterator[tuple[str, str | None]]:
    involves = set(incident.impact.involves)
    ongoing = incident.status != "resolved"
    if kind in ("first_statement", "progress_update"):
        if kind == "first_statement" and incident.impact.symptoms is None:
            yield "impact", None
        if kind == "progress_update" and incident.progress is None:
            yield "progress", None
        if involves & DATA_AREAS and incident.data is None:
            yield "data_statement", None
        if involves & FUNDS_AREAS and not _funds_stated(incident):
            yield "funds_statement", None
        # While service is down, every notice says when readers hear from us next: a
        # time, a cadence, or an estimated recovery time ("unknown" is no time). A
        # check promised "by the next update" needs a time or cadence of its own.
        estimated = incident.eta is not None and incident.eta != "unknown"
        pending = _result_pending(incident) and not _committed(incident)
        if (ongoing and not (_committed(incident) or estimated)) or (pending and ongoing):
            yield "next_update", None
        elif pending:
            yield "result_time", _pending_path(incident)
        if not ongoing:
            yield from _count_gaps(incident)
    elif kind == "apology":
        if incident.resolved_at is None:
            yield "resolved_time", None
        yield from _count_gaps(incident)
        if incident.cause.status == "unknown":
            yield "cause", None
        if incident.data is None:
            yield "data_statement", None
        if involves & FUNDS_AREAS and not _funds_stated(incident):
            yield "funds_statement", None
        yield from _result_gap(incident)
        if not incident.prevention:
            yield "prevention", None
        if not incident.contacts:
            yield "contact", None
    elif kind == "resolution_notice":
        yield from _resolution_gaps(incident)
    elif kind == "post_incident_report":
        yield from _report_gaps(incident)
    else:
        if not incident.compensation:
            yield "compensation", None
        yield from _result_gap(incident)
        for i, plan in enumerate(incident.compensation):
            yield from _plan_gaps(plan, f"compensation[{i}]", bool(incident.contacts))
        # Money was taken wrongly: readers ask first how and when they get it back.
        funds_hit = (incident.funds is not None and incident.funds.status == "affected") or any(
            g.status == "affected" for g in incident.funds_per_audience
        )
        if funds_hit and not any(plan.overcharge_refund for plan in incident.compensation):
            yield "overcharge_refund", None


def _resolution_gaps(incident: Incident) -> Iterator[tuple[str, str | None]]:
    """Service is back: when, the final numbers, data and funds when touched, where to ask."""
    involves = set(incident.impact.involves)
    if incident.resolved_at is None:
        yield "resolved_time", None
    yield from _count_gaps(incident)
    if involves & DATA_AREAS and incident.data is None:
        yield "data_statement", None
    if involves & FUNDS_AREAS and not _funds_stated(incident):
        yield "funds_statement", None
    yield from _result_gap(incident)
    if not incident.contacts:
        yield "contact", None


def _report_gaps(incident: Incident) -> Iterator[tuple[str, str | None]]:
    """The whole account: timeline, cause, numbers, data and funds, prevention, where to ask."""
    if incident.resolved_at is None:
        yield "resolved_time", None
    if not incident.timeline:
        yield "timeline", None
    if incident.cause.status == "unknown":
        yield "cause", None
    yield from _count_gaps(incident)
    if incident.data is None:
        yield "data_statement", None
    if set(incident.impact.involves) & FUNDS_AREAS and not _funds_stated(incident):
        yield "funds_statement", None
    yield from _result_gap(incident)
    if not incident.prevention:
        yield "prevention", None
    if not incident.contacts:
        yield "contact", None


def _count_gaps(incident: Incident) -> Iterator[tuple[str, str | None]]:
    """Once service is back, each audience's number is final, or the facts say when it will be."""
    if incident.impact.scale_final_by is not None:
        return
    if not incident.impact.scale:
        yield "affected_count", None
    for i, entry in enumerate(incident.impact.scale):
        if not entry.known:
            yield "affected_count", f"impact.scale[{i}]"


def _committed(incident: Incident) -> bool:
    """True when the facts say when the next update comes: a time or a cadence."""
    return incident.next_update_at is not None or incident.update_every_minutes is not None


def _result_pending(incident: Incident) -> bool:
    """True when a data or funds check is under way with no time of its own for the result."""
    return any(
        statement is not None
        and statement.status == "under_investigation"
        and statement.result_by is None
        for statement in (incident.data, incident.funds, *incident.funds_per_audience)
    )


def _result_gap(incident: Incident) -> Iterator[tuple[str, str | None]]:
    """A data or funds check under way with no time for its result: while service is down,
    the next update is that time; once it is back, the result's own time is asked for."""
    if _result_pending(incident) and not _committed(incident):
        if incident.status == "resolved":
            yield "result_time", _pending_path(incident)
        else:
            yield "next_update", None


def _pending_path(incident: Incident) -> str:
    """The facts path of the first check under way with no time for its result."""
    named = [("data", incident.data), ("funds", incident.funds)]
    named += [(f"funds_per_audience[{i}]", s) for i, s in enumerate(incident.funds_per_audience)]
    for name, statement in named:
        if statement is None or statement.status != "under_investigation":
            continue
        if statement.result_by is None:
            return f"{name}.result_by"
    return "data.result_by"


def _funds_stated(incident: Incident) -> bool:
    """True when the facts say what happened to money: for everyone, or per audience."""
    return incident.funds is not None or bool(incident.funds_per_audience)


def undated_prevention(text: str, incident: Incident, lang: str) -> list[Finding]:
    """Return an ``undated-prevention`` warning at each prevention measure ``text`` states
    with no time in it: the checklist asks for measures a reader can check were done.

    Examples:
        >>> from crisiscomms.facts import parse_incident
        >>> facts = {"organization": {"zh": "甲", "en": "A"}, "service": {"zh": "乙", "en": "B"},
        ...          "timezone": "Asia/Shanghai", "started_at": "2026-03-29T01:00:00+08:00",
        ...          "published_at": "2026-03-29T02:00:00+08:00",
        ...          "prevention": [{"zh": "完善监控告警", "en": "improve alerts"},
        ...                         {"zh": "4月30日前加装电源", "en": "add power by Apr 30"}]}
        >>> text = "1. 完善监控告警；\\n2. 4月30日前加装电源。"
        >>> [f.excerpt for f in undated_prevention(text, parse_incident(facts), "zh")]
        ['完善监控告警']
    """
    if not incident.prevention:
        return []
    from .lint.registry import registry  # only for notices that list prevention

    found: list[Finding] = []
    lines: LineIndex | None = None
    for item in incident.prevention:
        said = item.in_lang(lang).strip().rstrip("。.;；")
        start = text.find(said) if said else -1
        if start < 0 and said:  # an English list item starts with a capital
            said = said[0].upper() + said[1:]
            start = text.find(said)
        # Read for a time only where the notice lists the measure (most kinds do not).
        if start < 0 or _dated(said):
            continue
        lines = lines or LineIndex(text)
        doc = registry()["undated-prevention"]
        found.append(
            Finding.at(
                text,
                start,
                start + len(said),
                rule="undated-prevention",
                severity=doc.severity,
                messages=doc.messages,
                lang=lang,
                suggestions=doc.suggestions,
                lines=lines,
            )
        )
    return found


@lru_cache(maxsize=1024)
def _dated(measure: str) -> bool:
    """True when a prevention measure's text holds a time (每季度, by Apr 30, 4月30日前).

    Kept per text, as converted facts are: every apology and report of one incident lists
    the same measures.
    """
    from .text.times import find_times

    return bool(find_times(measure))


def _plan_gaps(plan: Compensation, at: str, has_contacts: bool) -> Iterator[tuple[str, str]]:
    if not plan.items:
        return  # referred elsewhere, or a refund alone: that is the whole plan
    if plan.eligibility is None:
        yield "eligibility", f"{at}.eligibility"
    if plan.automatic:
        # How it reaches people, in the facts' words (从9月账单中扣减), says when as well.
        if plan.delivered_by is None and plan.claim_method is None:
            yield "delivery_time", f"{at}.delivered_by"
    else:
        if plan.claim_method is None:
            yield "claim_method", f"{at}.claim_method"
        if plan.claim_deadline is None:
            yield "claim_deadline", f"{at}.claim_deadline"
    validity = (plan.valid_until, plan.valid_for_days, plan.applies_to)
    if plan.expires and all(v is None for v in validity):
        yield "validity", f"{at}.valid_until"
    if plan.if_not_received is None and not has_contacts:
        yield "support", f"{at}.if_not_received"
