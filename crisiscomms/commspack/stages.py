"""Which notices a stage of an incident publishes, read from the facts' lifecycle status."""

from __future__ import annotations

from typing import Any

from ..facts import Incident
from ..kinds import KINDS
from .data import pack_data


def stage_of(incident: Incident) -> str:
    """Return the stage the facts are in (``ongoing`` or ``resolved``, from ``pack.toml``).

    Raises:
        ValueError: no stage in ``pack.toml`` lists the status (a data error).
    """
    for name, stage in pack_data()["stages"].items():
        if incident.status in stage["statuses"]:
            return str(name)
    raise ValueError(f"pack.toml: no stage lists the status {incident.status!r}")


def stage_kinds(incident: Incident) -> list[str]:
    """Return the notice kinds the incident's stage publishes, in order.

    A kind that needs a fact the incident lacks is left out; a kind drafted
    ``instead`` of another replaces it. Kinds the library does not know (yet)
    are left out, so the data may name kinds added later.

    Examples:
        >>> from crisiscomms.facts import parse_incident
        >>> facts = {"organization": {"zh": "甲", "en": "A"}, "service": {"zh": "乙", "en": "B"},
        ...          "timezone": "Asia/Shanghai", "started_at": "2026-03-29T01:00:00+08:00",
        ...          "published_at": "2026-03-29T01:20:00+08:00"}
        >>> stage_kinds(parse_incident(facts))
        ['first_statement']
        >>> stage_kinds(parse_incident({**facts, "status": "resolved",
        ...                             "resolved_at": "2026-03-29T01:10:00+08:00"}))
        ['apology']
    """
    stage = pack_data()["stages"][stage_of(incident)]
    needs: dict[str, str | list[str]] = stage.get("needs", {})
    chosen = [
        kind
        for kind in stage["kinds"]
        if kind in KINDS and (kind not in needs or _holds(incident, needs[kind]))
    ]
    replaced = {stage.get("instead", {}).get(kind) for kind in chosen}
    return [kind for kind in chosen if kind not in replaced]


def _holds(incident: Incident, needed: str | list[str]) -> bool:
    """Return True when the facts hold one of ``needed``: a path given, or ``path=value``.

    Lists are looked into: ``funds_per_audience.status=affected`` holds when any entry's does.
    """
    for each in [needed] if isinstance(needed, str) else needed:
        path, _, wanted = each.partition("=")
        values: list[Any] = [incident]
        for part in path.split("."):
            found = [getattr(v, part, None) for v in values]
            values = [x for v in found for x in (v if isinstance(v, list) else [v])]
        if any(v not in (None, "", [], {}) and (not wanted or v == wanted) for v in values):
            return True
    return False
