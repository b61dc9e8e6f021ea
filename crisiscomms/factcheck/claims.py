"""Find what a text asserts that the facts do not hold: ``unsupported-claim`` warnings.

A cause while the cause is unknown, safe data while it is being checked,
compensation the facts do not list: the phrase families live in ``claims.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from ..facts import Incident
from ..findings import Finding
from .factvalues import fact_values
from .textspans import message_lang, sentence_around

_PLACEHOLDER = re.compile(r"【待补充[：:]\s*([^】]*)】|\[TO FILL:\s*([^\]]*)\]")


def unsupported_claims(text: str, incident: Incident, lang: str = "auto") -> list[Finding]:
    """Return an ``unsupported-claim`` warning for each assertion the facts do not hold.

    Examples:
        >>> from crisiscomms.facts import parse_incident
        >>> incident = parse_incident({"organization": {"en": "Ex"}, "service": {"en": "Ex"},
        ...     "timezone": "UTC", "started_at": "2026-03-29T01:00:00Z",
        ...     "published_at": "2026-03-29T01:20:00Z"})
        >>> [f.excerpt for f in unsupported_claims("No user data was lost.", incident)]
        ['No user data was lost']
    """
    lang = message_lang(text, lang)
    free = fact_values(incident).free_text
    asked = placeholder_paths(text)
    found: list[Finding] = []
    for family in claim_families():
        if not _applies(family["when"], incident):
            continue
        if any(path.startswith(family["placeholder"]) for path in asked):
            continue  # the text shows a placeholder for this fact: it asks, it does not claim
        grounds = _grounds(incident, family.get("grounded_by", []))
        for start, end in family_matches(family, text):
            if text[start:end].strip().lower() in free:
                continue
            sentence = sentence_around(text, start, end)
            if any(ground in sentence for ground in grounds):
                continue
            found.append(
                Finding.at(
                    text,
                    start,
                    end,
                    rule="unsupported-claim",
                    severity="warning",
                    messages=family["message"],
                    lang=lang,
                    suggestions=family["suggestion"],
                )
            )
    return found


@cache
def claim_families() -> tuple[dict[str, Any], ...]:
    """Load the unsupported-claim families from ``claims.toml``, patterns compiled."""
    raw = tomllib.loads(Path(__file__).with_name("claims.toml").read_text(encoding="utf-8"))
    return tuple(
        {
            **body,
            "name": name,
            "patterns": [re.compile(p) for p in body["patterns"]],
            "unless": [re.compile(p) for p in body["unless"]],
        }
        for name, body in raw.items()
    )


def placeholder_paths(text: str) -> set[str]:
    """Return the fact paths whose placeholders (【待补充：…】 / [TO FILL: …]) ``text`` shows.

    Examples:
        >>> sorted(placeholder_paths("补偿内容：【待补充：补偿内容与金额】。"))
        ['compensation']
    """
    labels = {m[1] or m[2] for m in _PLACEHOLDER.finditer(text)}
    if not labels:
        return set()
    from ..completeness import elements

    return {
        spec["path"]
        for spec in elements().values()
        if labels & {spec["label"].get("zh"), spec["label"].get("en")}
    }


def family_matches(family: Mapping[str, Any], text: str) -> Iterator[tuple[int, int]]:
    """Yield the spans where one claim family asserts something, negated sentences skipped."""
    for pattern in family["patterns"]:
        for match in pattern.finditer(text):
            sentence = sentence_around(text, *match.span())
            if any(u.search(sentence) for u in family["unless"]):
                continue
            yield match.span()


def _grounds(incident: Incident, paths: list[str]) -> list[str]:
    """Return the zh and en texts of the facts at ``paths`` (dotted, lists flattened)."""
    found: list[str] = []
    for path in paths:
        values: list[Any] = [incident]
        for name in path.split("."):
            values = [getattr(v, name) for v in values if v is not None]
            values = [
                x for v in values for x in (v if isinstance(v, list) else [v]) if x is not None
            ]
        found += [t for text in values for t in (text.zh, text.en) if isinstance(t, str)]
    return found


def _applies(condition: str, incident: Incident) -> bool:
    data = incident.data
    return {
        "cause_unknown": incident.cause.status == "unknown",
        "no_rumours": not incident.cause.not_caused_by,
        "data_unconfirmed": data is None or data.status != "none_confirmed",
        "no_compensation": not incident.compensation,
    }[condition]
