"""Where an incident's promises stand at a moment: kept, pending or overdue.

Each confirmed commitment is judged against the notices that reached the same
readers (channel, audience, language) by ``now``; notices published after
``now`` are not seen, so ``--now`` answers "what would be overdue at 16:45".
What keeps each type is data, in ``rules.toml``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from .model import Commitment, Publication, label, rules

Readers = tuple[str, str, str]  # channel, audience, lang


@dataclass(frozen=True)
class Standing:
    """One commitment at ``now``: its state, the notice that kept it, how late it is."""

    publication: Publication
    commitment: Commitment
    deadline: datetime
    """When the readers must have heard: the due time, or a notice's lead before it."""
    state: str
    """``pending`` (deadline ahead), ``kept``, ``overdue``."""
    kept_by: Publication | None = None
    overdue_by: timedelta | None = None

    @property
    def readers(self) -> Readers:
        """The channel, audience and language the promise was made to."""
        return (self.publication.channel, self.commitment.audience, self.publication.lang)

    def to_dict(self) -> dict[str, Any]:
        """Return the standing as JSON-ready data."""
        c, p = self.commitment, self.publication
        return {
            "type": c.type,
            "label": {"zh": label(c.type, "zh"), "en": label(c.type, "en")},
            "due_at": c.due_at.astimezone(ZoneInfo(p.timezone)).isoformat(),
            "deadline": self.deadline.astimezone(ZoneInfo(p.timezone)).isoformat(),
            "channel": p.channel,
            "audience": c.audience,
            "lang": p.lang,
            "field": c.field,
            "evidence": c.evidence,
            "promised_in": {"id": p.id, "kind": p.kind, "published_at": p.published_at.isoformat()},
            "state": self.state,
            "overdue_minutes": None
            if self.overdue_by is None
            else int(self.overdue_by.total_seconds() // 60),
            "kept_by": None
            if self.kept_by is None
            else {
                "id": self.kept_by.id,
                "kind": self.kept_by.kind,
                "published_at": self.kept_by.published_at.isoformat(),
            },
        }


def standings(publications: Sequence[Publication], now: datetime) -> list[Standing]:
    """Judge every confirmed commitment of ``publications`` at ``now``, in order of deadline.

    Runs in time linear in the publications (1,000 publications take milliseconds):
    the notices reaching each set of readers are listed once, and for each kind of
    keeper the next one after every position is found in one backward pass.
    """
    seen = sorted(
        (p for p in publications if p.published_at <= now),
        key=lambda p: (p.published_at, p.id or 0),
    )
    lists: dict[Readers, list[Publication]] = {}
    position: dict[tuple[int, Readers], int] = {}
    for p in seen:
        for audience in p.audiences:
            key = (p.channel, audience, p.lang)
            listed = lists.setdefault(key, [])
            position[(id(p), key)] = len(listed)
            listed.append(p)
    types = rules()["types"]
    lead = timedelta(hours=float(rules()["compensation_lead_hours"]))
    nexts: dict[tuple[str, Readers], list[int]] = {}
    out: list[Standing] = []
    for p in seen:
        for c in p.commitments:
            if not c.confirmed:
                continue
            key = (p.channel, c.audience, p.lang)
            rule = types[c.type]
            listed = lists[key]
            keeper: Publication | None
            if rule["keep"] == "notice":
                deadline = c.due_at - lead
                keeper = next((q for q in listed if q.kind in rule["kinds"]), None)
            else:
                deadline = c.due_at
                found = nexts.get((c.type, key))
                if found is None:
                    found = nexts[(c.type, key)] = _next_keepers(listed, _keeps(c.type, rule))
                i = found[position[(id(p), key)]]
                keeper = listed[i] if i < len(listed) else None
            if keeper is not None:
                out.append(Standing(p, c, deadline, "kept", keeper))
            elif now > deadline:
                out.append(Standing(p, c, deadline, "overdue", None, now - deadline))
            else:
                out.append(Standing(p, c, deadline, "pending"))
    out.sort(key=lambda s: (s.deadline, s.publication.published_at, s.commitment.type))
    return out


def _keeps(type_: str, rule: dict[str, Any]) -> Callable[[Publication], bool]:
    keep = rule["keep"]
    if keep == "any":
        return lambda q: True
    if keep == "kinds":
        kinds = frozenset(rule["kinds"])
        return lambda q: q.kind in kinds or q.incident_status == "resolved"
    if keep == "result":
        attr = f"{rule['fact']}_status"
        return lambda q: (
            getattr(q, attr) not in (None, "under_investigation")
            or any(c.type == type_ and c.confirmed for c in q.commitments)
        )
    raise ValueError(f"rules.toml: unknown keep {keep!r} for {type_}")


def _next_keepers(listed: list[Publication], keeps: Callable[[Publication], bool]) -> list[int]:
    """For each position, the position of the first later notice that keeps (or len)."""
    out = [len(listed)] * len(listed)
    following = len(listed)
    for i in range(len(listed) - 1, -1, -1):
        out[i] = following
        if keeps(listed[i]):
            following = i
    return out
