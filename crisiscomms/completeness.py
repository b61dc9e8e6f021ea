"""What each notice kind needs from the facts, and which of it is missing.

The checks are code; what a missing element is called, why a reader needs it
and the question to ask for it are data (``templates/elements.toml``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .errors import TemplateError
from .facts import Compensation, Incident
from .formatting import load_terms
from .kinds import NoticeKind
from .resources import templates_root


@dataclass(frozen=True)
class MissingFact:
    """A fact the notice needs and the facts lack; the draft shows a placeholder for it.

    Examples:
        >>> fact = element_gap("next_update")
        >>> fact.rule, fact.path
        ('missing-next-update', 'next_update_at')
        >>> fact.question["zh"]
        '下一次进展计划在什么时间发布？如有预计恢复时间也请一并提供。'
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
    pattern = str(load_terms(lang)["placeholder"])
    return pattern.format(label=elements()[element]["label"][lang])


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


def missing_facts(incident: Incident, kind: NoticeKind) -> list[MissingFact]:
    """Return what ``kind`` needs that ``incident`` does not say, in reading order."""
    return [element_gap(element, path) for element, path in _gaps(incident, kind)]


def _gaps(incident: Incident, kind: NoticeKind) -> Iterator[tuple[str, str | None]]:
    touches_data = bool(incident.impact.involves)
    # Once service is back, no one needs a next-update time to wait for; but a data
    # check still under way promises its result by the next update, whatever the ETA.
    awaiting = incident.status != "resolved" and incident.eta is None
    checking = incident.data is not None and incident.data.status == "under_investigation"
    if kind in ("first_statement", "progress_update"):
        if kind == "first_statement" and incident.impact.symptoms is None:
            yield "impact", None
        if kind == "progress_update" and incident.progress is None:
            yield "progress", None
        if touches_data and incident.data is None:
            yield "data_statement", None
        if incident.next_update_at is None and (awaiting or checking):
            yield "next_update", None
    elif kind == "apology":
        if incident.resolved_at is None:
            yield "resolved_time", None
        if incident.impact.affected.precision == "unknown":
            yield "affected_count", None
        if incident.cause.status == "unknown":
            yield "cause", None
        if incident.data is None:
            yield "data_statement", None
        elif checking and incident.next_update_at is None:
            yield "next_update", None
        if not incident.prevention:
            yield "prevention", None
        if not incident.contacts:
            yield "contact", None
    else:
        if not incident.compensation:
            yield "compensation", None
        if checking and incident.next_update_at is None:
            yield "next_update", None
        for i, plan in enumerate(incident.compensation):
            yield from _plan_gaps(plan, f"compensation[{i}]", bool(incident.contacts))


def _plan_gaps(plan: Compensation, at: str, has_contacts: bool) -> Iterator[tuple[str, str]]:
    if plan.eligibility is None:
        yield "eligibility", f"{at}.eligibility"
    if plan.automatic:
        if plan.delivered_by is None:
            yield "delivery_time", f"{at}.delivered_by"
    else:
        if plan.claim_method is None:
            yield "claim_method", f"{at}.claim_method"
        if plan.claim_deadline is None:
            yield "claim_deadline", f"{at}.claim_deadline"
    expires = any(item.kind in ("voucher", "credit", "membership_days") for item in plan.items)
    if expires and plan.valid_until is None:
        yield "validity", f"{at}.valid_until"
    if plan.if_not_received is None and not has_contacts:
        yield "support", f"{at}.if_not_received"
