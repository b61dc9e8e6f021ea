"""Checks across fields of the facts: times in order, audiences known, old names replaced.

Each check yields :class:`~crisiscomms.factbase.Problem` objects naming the
field, so one pass over a facts file reports everything a person has to fix.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict

from .factbase import Problem, one_or_many
from .facttypes import Time

Loc = tuple[str | int, ...]
_LATE = "must not be later than published_at"
_EARLY = "must not be earlier than published_at"
#: A resolved incident is drafted as fully restored (全面恢复): no part of it may be still out.
_NOT_OVER = (
    "is {!r} but status is 'resolved', which the drafts state as fully restored: set it to"
    " 'recovered' (with since), or keep status at 'recovering' or 'monitoring'"
)


@cache
def renamed_table() -> tuple[dict[str, str], ...]:
    """Return the old fields and values and what replaced them (``renamed.toml``)."""
    raw = tomllib.loads(Path(__file__).with_name("renamed.toml").read_text(encoding="utf-8"))
    return tuple(raw["renamed"])


def renamed_problems(data: Any) -> list[Problem]:
    """Return a problem for each old field name or value still used in ``data``.

    Examples:
        >>> [(p.path, p.msg[:20]) for p in renamed_problems({"cause": {"status": "suspected"}})]
        [('cause.status', 'renamed to prelimina')]
    """
    problems: list[Problem] = []
    for entry in renamed_table():
        for loc, value in _at_path(data, entry["path"].split("."), ()):
            if "value" not in entry or value == entry["value"]:
                problems.append(Problem(loc, entry["message"], "renamed"))
    return problems


def _at_path(value: Any, parts: list[str], loc: Loc) -> Iterator[tuple[Loc, Any]]:
    if not parts:
        yield loc, value
        return
    head, rest = parts[0], parts[1:]
    many = head.endswith("[]")
    name = head.removesuffix("[]")
    if not isinstance(value, Mapping) or name not in value:
        return
    found = value[name]
    if many and isinstance(found, Mapping):
        # One plan (or scale entry) given without its list is validated as the list's [0].
        yield from _at_path(found, rest, (*loc, name, 0))
    elif many:
        for i, item in enumerate(found if isinstance(found, list) else []):
            yield from _at_path(item, rest, (*loc, name, i))
    else:
        yield from _at_path(found, rest, (*loc, name))


def resolve_audience_refs(value: Any) -> Any:
    """Let plans, scale entries and required actions name an audience of ``audiences`` by id."""
    if not isinstance(value, Mapping):
        return value
    custom = {
        a["id"]: a
        for a in value.get("audiences") or []
        if isinstance(a, Mapping) and isinstance(a.get("id"), str) and "name" in a
    }
    if not custom:
        return value
    out = dict(value)
    plans = one_or_many(out.get("compensation"))
    if isinstance(plans, list):
        out["compensation"] = [_with_audience(plan, custom) for plan in plans]
    impact = out.get("impact")
    if isinstance(impact, Mapping):
        scale = one_or_many(impact.get("scale"))
        if isinstance(scale, list):
            out["impact"] = {**impact, "scale": [_with_audience(s, custom) for s in scale]}
    for name in ("required_actions", "funds_per_audience"):
        entries = out.get(name)
        if isinstance(entries, list):
            out[name] = [_with_audience(e, custom) for e in entries]
    return out


def _with_audience(entry: Any, custom: Mapping[str, Any]) -> Any:
    if isinstance(entry, Mapping) and isinstance(entry.get("audience"), str):
        known = custom.get(entry["audience"])
        if known is not None:
            return {**entry, "audience": known}
    return entry


def order_problems(incident: Any) -> Iterator[Problem]:
    """Yield every time out of order, every part still out of a resolved incident, and every
    audience named but not addressed.

    Works on an :class:`~crisiscomms.facts.Incident` and on the lenient
    :class:`Timing` read of facts whose other fields are invalid.
    """
    start: datetime = incident.started_at
    published: datetime = incident.published_at
    if incident.detected_at is not None and incident.detected_at < start:
        yield Problem(("detected_at",), "must not be earlier than started_at", "time_order")
    if incident.resolved_at is not None:
        if incident.resolved_at < start:
            yield Problem(("resolved_at",), "must not be earlier than started_at", "time_order")
        elif incident.resolved_at > published:
            msg = "must not be later than published_at: a notice cannot report a future recovery"
            yield Problem(("resolved_at",), msg, "time_order")
    elif incident.status == "resolved":
        yield Problem(("resolved_at",), "status is 'resolved': give resolved_at", "missing")
    if published < start:
        yield Problem(("published_at",), "must not be earlier than started_at", "time_order")
    for i, entry in enumerate(incident.timeline):
        if entry.at > published:
            yield Problem(("timeline", i, "at"), _LATE, "time_order")
    for i, component in enumerate(incident.components):
        state = getattr(component, "state", "recovered")  # the lenient read has no states
        if incident.status == "resolved" and state != "recovered":
            yield Problem(("components", i, "state"), _NOT_OVER.format(state), "value_error")
        for name in ("since", "as_of"):
            at = getattr(component, name)
            if at is not None and at > published:
                yield Problem(("components", i, name), _LATE, "time_order")
        since = getattr(component, "since", None)
        if (
            getattr(component, "state", None) == "recovered"
            and since is not None
            and since <= start
        ):
            # Trial F (Google Cloud): since = started_at drafted "back to normal since 10:51".
            msg = "a recovered part's since is when it came back: it must be later than started_at"
            yield Problem(("components", i, "since"), msg, "time_order")
    eta = incident.eta
    if eta is not None and eta != "unknown" and eta.latest < published:
        yield Problem(("eta",), "an ETA must not be earlier than published_at", "time_order")
    if incident.next_update_at is not None and incident.next_update_at <= published:
        yield Problem(("next_update_at",), "must be later than published_at", "time_order")
    for name in ("data", "funds"):
        statement = getattr(incident, name)
        result_by = None if statement is None else statement.result_by
        if result_by is not None and result_by < published:
            yield Problem((name, "result_by"), _EARLY, "time_order")
    for i, each in enumerate(incident.funds_per_audience):
        if each.result_by is not None and each.result_by < published:
            yield Problem(("funds_per_audience", i, "result_by"), _EARLY, "time_order")
    final_by = incident.impact.scale_final_by
    if final_by is not None and final_by < published:
        yield Problem(("impact", "scale_final_by"), _EARLY, "time_order")
    addressed = {_audience_id(a) for a in incident.audiences}
    for i, plan in enumerate(incident.compensation):
        for name in ("delivered_by", "claim_deadline", "valid_until"):
            at = getattr(plan, name)
            if at is not None and at < published:
                loc = ("compensation", i, name)
                yield Problem(loc, _EARLY, "time_order")
        audience = _audience_id(plan.audience)
        if audience not in addressed:
            loc = ("compensation", i, "audience")
            yield Problem(loc, f"{audience!r} is not in audiences", "value_error")
    for i, entry in enumerate(incident.impact.scale):
        audience = _audience_id(entry.audience)
        if audience not in addressed:
            where: Loc = ("impact", "scale", i, "audience")
            yield Problem(where, f"{audience!r} is not in audiences", "value_error")
    for i, each in enumerate(incident.funds_per_audience):
        whose = _audience_id(each.audience)
        if whose not in addressed:
            where = ("funds_per_audience", i, "audience")
            yield Problem(where, f"{whose!r} is not in audiences", "value_error")
    for i, action in enumerate(incident.required_actions):
        who = None if action.audience is None else _audience_id(action.audience)
        if who is not None and who not in addressed:
            where = ("required_actions", i, "audience")
            yield Problem(where, f"{who!r} is not in audiences", "value_error")


def _audience_id(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return str(value.get("id"))
    return str(getattr(value, "id", value))


class _Lenient(BaseModel):
    # Built when first used: only facts that fail validation are read this way again.
    model_config = ConfigDict(extra="ignore", defer_build=True)


def _plain_audience(value: Any) -> Any:
    if isinstance(value, Mapping):
        return str(value.get("id"))
    return value


AudienceId = Annotated[str, BeforeValidator(_plain_audience)]


class _At(_Lenient):
    at: Time


class _Since(_Lenient):
    since: Time | None = None
    as_of: Time | None = None


class _Window(_Lenient):
    latest: Time

    @classmethod
    def read(cls, value: Any) -> Any:
        if isinstance(value, datetime | str) and value != "unknown":
            return {"latest": value}
        return value


class _Result(_Lenient):
    result_by: Time | None = None


class _Scale(_Lenient):
    audience: AudienceId = "users"


class _Impact(_Lenient):
    scale: Annotated[list[_Scale], BeforeValidator(one_or_many)] = []
    scale_final_by: Time | None = None


class _Action(_Lenient):
    audience: AudienceId | None = None


class _AudienceResult(_Lenient):
    audience: AudienceId = "users"
    result_by: Time | None = None


class _Plan(_Lenient):
    audience: AudienceId = "users"
    delivered_by: Time | None = None
    claim_deadline: Time | None = None
    valid_until: Time | None = None


class Timing(_Lenient):
    """Just the facts the cross-field checks read, so they run when other fields are invalid."""

    audiences: list[AudienceId] = ["users"]
    status: str = "investigating"
    started_at: Time
    detected_at: Time | None = None
    resolved_at: Time | None = None
    published_at: Time
    eta: Annotated[_Window | str | None, BeforeValidator(_Window.read)] = None
    next_update_at: Time | None = None
    timeline: list[_At] = []
    components: list[_Since] = []
    data: _Result | None = None
    funds: _Result | None = None
    impact: _Impact = _Impact()
    compensation: Annotated[list[_Plan], BeforeValidator(one_or_many)] = []
    required_actions: list[_Action] = []
    funds_per_audience: list[_AudienceResult] = []
