"""Collect everything numeric the facts hold, ready to compare with what a text states."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, NamedTuple

from pydantic import BaseModel

from ..facts import Incident, Text
from ..keptfor import KeptFor
from .mention import Mention
from .quantities import find_mentions


class FactTime(NamedTuple):
    """A time the facts hold, with the role it plays (``eta``, ``started_at``…)."""

    at: datetime
    role: str


@dataclass(frozen=True)
class FactValues:
    """Everything numeric the facts hold, ready to compare with a text's mentions."""

    incident: Incident
    counts: tuple[Decimal, ...]
    money: tuple[tuple[Decimal, str], ...]
    durations: tuple[Decimal, ...]
    relative: tuple[tuple[Decimal, str], ...]
    times: tuple[FactTime, ...]
    percents: tuple[Decimal, ...]
    free: tuple[Mention, ...]
    free_text: str


#: The values of the last few incidents checked: a pack checks a dozen texts against one.
_KEPT: KeptFor[FactValues] = KeptFor(8)


def fact_values(incident: Incident) -> FactValues:
    """Collect the counts, amounts, durations, times and shares the facts hold.

    Free-text facts count too: a number the engineer wrote into ``workaround``
    or ``contacts[].hours`` is a number the notice may repeat. Facts are a frozen
    model, so the values of one :class:`Incident` object are collected once.
    """
    return _KEPT.get(incident, None, lambda: _collect(incident))


def _collect(incident: Incident) -> FactValues:
    # Every language the facts are written in: a Traditional text a person wrote for Hong
    # Kong (未能享用每程$2的票價優惠) is the facts as much as the zh and en ones.
    texts = [t for text in _free_texts(incident) for t in text.given()]
    texts += [c.value for c in incident.contacts if c.value is not None]
    times = tuple(_fact_times(incident))
    by_role = {role: [t.at for t in times if t.role == role] for role in {t.role for t in times}}
    relative = [
        (Decimal((at - incident.published_at).total_seconds()), role)
        for role in (
            "eta",
            "next_update",
            "claim_deadline",
            "valid_until",
            "delivered_by",
            "result_by",
            "scale_final_by",
        )
        for at in by_role.get(role, [])
    ]
    pairs = [
        ("started", "resolved"),
        ("detected", "resolved"),
        ("started", "detected"),
        ("started", "published"),
        ("detected", "published"),
        ("eta", "eta"),
        ("started", "timeline"),
        ("started", "component"),
        ("resolved", "delivered_by"),
        ("delivered_by", "valid_until"),
        ("resolved", "valid_until"),
    ]
    spans = [
        Decimal(abs((b - a).total_seconds()))
        for first, second in pairs
        for a in by_role.get(first, [])
        for b in by_role.get(second, [])
        if a != b
    ]
    day = Decimal(86400)
    days = [
        (Decimal(i.days) * day, "membership")
        for plan in incident.compensation
        for i in plan.items
        if i.days
    ]
    # A month of membership is read as 28 to 31 days; give each length it may mean.
    days += [
        (Decimal(i.months * length) * day, "membership")
        for plan in incident.compensation
        for i in plan.items
        if i.months
        for length in (28, 29, 30, 31)
    ]
    days += [
        (Decimal(plan.valid_for_days) * day, "valid_for")
        for plan in incident.compensation
        if plan.valid_for_days
    ]
    money = [
        (i.amount * k, i.currency or "")
        for plan in incident.compensation
        for i in plan.items
        if i.amount is not None
        for k in {1, i.quantity}
    ]
    free = _own_currencies(tuple(m for t in texts for m in find_mentions(t)), money)
    scale = incident.impact.scale
    counts = [Decimal(e.count) for e in scale if e.count is not None]
    counts += [Decimal(i.quantity) for plan in incident.compensation for i in plan.items]
    counts += [Decimal(i.months) for plan in incident.compensation for i in plan.items if i.months]
    shares = [e.share_percent for e in scale if e.share_percent is not None]
    shares += [i.percent for plan in incident.compensation for i in plan.items if i.percent]
    shares += [rate.percent for rate in incident.impact.error_rates]
    shares += [c.recovered_percent for c in incident.components if c.recovered_percent]
    if incident.update_every_minutes is not None:
        days.append((Decimal(incident.update_every_minutes * 60), "cadence"))
    return FactValues(
        incident=incident,
        counts=tuple(counts),
        money=tuple(money),
        durations=tuple(spans + [seconds for seconds, _ in relative + days]),
        relative=tuple(relative + days),
        times=times,
        percents=tuple(Decimal(str(share)) for share in shares),
        free=free,
        free_text="\n".join(texts).lower(),
    )


def _own_currencies(
    free: tuple[Mention, ...], money: list[tuple[Decimal, str]]
) -> tuple[Mention, ...]:
    """Read an amount of the facts' free text whose currency it leaves open ($251.7: any
    dollar) in the currency the facts state elsewhere (HK$251.70, an item's HKD), when
    they state one it may be: the facts' $251.7 is HK$251.7, and US$251.7 is not it."""
    own = {c for _, c in money if c} | {
        m.currency for m in free if m.kind == "money" and m.currency and "|" not in m.currency
    }
    out = []
    for m in free:
        if m.kind == "money" and m.currency and "|" in m.currency:
            narrowed = "|".join(c for c in m.currency.split("|") if c in own)
            m = m._replace(currency=narrowed or m.currency)
        out.append(m)
    return tuple(out)


def _fact_times(incident: Incident) -> Iterator[FactTime]:
    for role in ("started", "detected", "resolved", "published"):
        at = getattr(incident, f"{role}_at")
        if at is not None:
            yield FactTime(at, role)
    if incident.eta is not None and incident.eta != "unknown":
        yield FactTime(incident.eta.latest, "eta")
        if incident.eta.earliest is not None:
            yield FactTime(incident.eta.earliest, "eta")
    for statement in (incident.data, incident.funds, *incident.funds_per_audience):
        if statement is not None and statement.result_by is not None:
            yield FactTime(statement.result_by, "result_by")
    if incident.impact.scale_final_by is not None:
        yield FactTime(incident.impact.scale_final_by, "scale_final_by")
    if incident.next_update_at is not None:
        yield FactTime(incident.next_update_at, "next_update")
    yield from (FactTime(entry.at, "timeline") for entry in incident.timeline)
    yield from (FactTime(c.since, "component") for c in incident.components if c.since)
    yield from (FactTime(c.as_of, "component") for c in incident.components if c.as_of)
    for plan in incident.compensation:
        for role in ("delivered_by", "claim_deadline", "valid_until", "available_from"):
            at = getattr(plan, role)
            if at is not None:
                yield FactTime(at, role)


def _free_texts(value: Any) -> Iterator[Text]:
    if isinstance(value, Text):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _free_texts(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from _free_texts(item)
