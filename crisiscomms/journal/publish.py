"""Record a published notice: what it was, where, when, and every time it promised."""

from __future__ import annotations

import hashlib
import inspect
from dataclasses import dataclass
from datetime import datetime

from ..errors import InputError
from ..facts import Incident
from ..kinds import normalize_kind, normalize_lang
from .commitments import read_commitments
from .model import Commitment, Publication


@dataclass(frozen=True)
class Prepared:
    """A publication ready to record, and the promised times its text does not state."""

    publication: Publication
    missing: tuple[Commitment, ...]
    text: str


def channel_names() -> tuple[str, ...]:
    """The channels a notice can be published on: the library's one list of them.

    Examples:
        >>> channel_names()[0], "weibo" in channel_names()
        ('notice', True)
    """
    from .. import kinds

    names = getattr(kinds, "CHANNELS", None)
    if names is None:
        from ..channels.check import CHANNELS

        names = CHANNELS
    return tuple(str(name) for name in names)


def normalize_channel(value: str) -> str:
    """Accept a channel name in any case; reject an unknown one clearly.

    Examples:
        >>> normalize_channel("Weibo")
        'weibo'
    """
    candidate = value.strip().lower()
    names = channel_names()
    if candidate not in names:
        raise InputError(f"unknown channel {value!r}; choose one of: {', '.join(names)}")
    return candidate


def prepare(
    incident: Incident,
    kind: str,
    channel: str = "notice",
    lang: str = "zh",
    *,
    at: datetime | None = None,
    text: str | None = None,
) -> Prepared:
    """Build the publication record of one notice, from its facts and its text.

    Args:
        incident: the facts the notice was drafted from; they must have an ``id``.
        kind, channel, lang: what was published, where, in which language.
        at: when it went out; default: the facts' ``published_at``.
        text: the text as published; default: the text drafted from the facts.

    Raises:
        InputError: no incident id, unknown kind/channel/language, a naive time, or a
            text that still shows placeholders (a notice nobody could have published).
        FactsError: a free-text fact has no text in ``lang`` (drafting only).
    """
    if incident.id is None:
        raise InputError(
            "the facts have no id: add one (id: 2026-03-29-cooling) so every notice of "
            "this incident is journaled together"
        )
    kind_, lang_, channel_ = normalize_kind(kind), normalize_lang(lang), normalize_channel(channel)
    when = incident.published_at if at is None else at
    if when.tzinfo is None:
        raise InputError("--at: the time has no time zone: write it like 2026-03-29T16:00:00+08:00")
    source = "given"
    if text is None:
        text = _drafted(incident, kind_, lang_, channel_)
        source = "drafted"
    else:
        from ..factcheck.claims import placeholder_paths

        shown = sorted(placeholder_paths(text))
        if shown or "【待补充" in text or "[TO FILL" in text:
            where = f" ({', '.join(shown)})" if shown else ""
            raise InputError(f"the text still shows placeholders{where}: fill them first")
    found, missing = read_commitments(incident, kind_, text, lang_)
    publication = Publication(
        incident_id=incident.id,
        kind=kind_,
        channel=channel_,
        lang=lang_,
        published_at=when,
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text_source=source,
        timezone=incident.timezone,
        incident_status=incident.status,
        severity=incident.severity,
        audiences=tuple(a.id for a in incident.audiences),
        data_status=None if incident.data is None else incident.data.status,
        funds_status=None if incident.funds is None else incident.funds.status,
        commitments=tuple(found),
    )
    return Prepared(publication, tuple(missing), text)


def _drafted(incident: Incident, kind: str, lang: str, channel: str) -> str:
    from ..drafting import draft

    # draft() raises FactsError for a free-text fact with no text in lang; a Traditional
    # language is converted from zh first (trial G: the tool refused facts given in zh).
    options = {}
    # Drafts for a channel once drafting takes one; until then the notice text is what
    # every channel carries.
    if "channel" in inspect.signature(draft).parameters:
        options["channel"] = channel
    notice = draft(incident, kind, lang, **options)
    if notice.missing:
        paths = ", ".join(dict.fromkeys(m.path for m in notice.missing))
        raise InputError(
            f"the drafted {kind} ({lang}) still shows placeholders for: {paths}. Add those "
            "facts, or give the text as published with --text"
        )
    return notice.text
