"""What the journal holds: publications and the commitments they made (plain data)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Commitment:
    """A time a published notice promised its readers.

    ``type`` is one of :func:`commitment_types` (``next_update``, ``eta``...);
    ``field`` the fact it came from (``next_update_at``, ``compensation[0].claim_deadline``);
    ``confirmed`` is True when the published text states the time (``evidence`` is
    the words that do); an unconfirmed commitment is kept for the record, never tracked.
    """

    type: str
    due_at: datetime
    audience: str
    field: str
    confirmed: bool
    evidence: str = ""


@dataclass(frozen=True)
class Publication:
    """One notice as published: who read it where, when, and what it promised."""

    incident_id: str
    kind: str
    channel: str
    lang: str
    published_at: datetime
    text_sha256: str
    text_source: str
    """``drafted`` (the text drafted from the facts) or ``given`` (``--text``)."""
    timezone: str
    incident_status: str
    severity: str
    audiences: tuple[str, ...]
    data_status: str | None = None
    funds_status: str | None = None
    commitments: tuple[Commitment, ...] = ()
    id: int | None = None
    recorded_at: datetime | None = None

    def reaches(self, channel: str, audience: str, lang: str) -> bool:
        """True when this notice reaches the readers given: same channel, audience, language."""
        return self.channel == channel and self.lang == lang and audience in self.audiences

    def to_dict(self) -> dict[str, Any]:
        """Return the publication as JSON-ready data (times in ISO 8601 with offset)."""
        return {
            "id": self.id,
            "incident": self.incident_id,
            "kind": self.kind,
            "channel": self.channel,
            "lang": self.lang,
            "published_at": self.published_at.isoformat(),
            "text_sha256": self.text_sha256,
            "text_source": self.text_source,
            "incident_status": self.incident_status,
            "severity": self.severity,
            "audiences": list(self.audiences),
            "commitments": [
                {
                    "type": c.type,
                    "due_at": c.due_at.isoformat(),
                    "audience": c.audience,
                    "field": c.field,
                    "confirmed": c.confirmed,
                    "evidence": c.evidence,
                }
                for c in self.commitments
            ],
        }


@dataclass
class IncidentSummary:
    """One line of ``journal list``: an incident and where it stands."""

    id: str
    publications: int
    first_published_at: datetime
    last_published_at: datetime
    status: str
    timezone: str
    overdue: int = 0
    open: bool = field(default=True)

    def to_dict(self) -> dict[str, Any]:
        """Return the summary as JSON-ready data."""
        return {
            "id": self.id,
            "publications": self.publications,
            "first_published_at": self.first_published_at.isoformat(),
            "last_published_at": self.last_published_at.isoformat(),
            "status": self.status,
            "open": self.open,
            "overdue": self.overdue,
        }


@cache
def rules() -> dict[str, Any]:
    """The journal's data: commitment types, what keeps them, the default file."""
    return tomllib.loads(Path(__file__).with_name("rules.toml").read_text(encoding="utf-8"))


def commitment_types() -> tuple[str, ...]:
    """Every commitment type, in the order the journal lists them.

    Examples:
        >>> commitment_types()[:2]
        ('next_update', 'eta')
    """
    return tuple(rules()["types"])


def label(type_: str, lang: str = "en") -> str:
    """The commitment type as a reader says it.

    Examples:
        >>> label("eta"), label("next_update", "zh")
        ('estimated recovery (ETA)', '下次更新')
    """
    return str(rules()["types"][type_]["label"][lang])
