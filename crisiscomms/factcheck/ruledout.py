"""Find a cause the facts rule out, given as the cause: a ``fact-mismatch`` error.

The facts' ``cause.not_caused_by`` lists causes that were ruled out (a rumoured
database deletion, a data-centre problem). A text that says the outage was caused
by one of them (本次故障由开发人员删库引起) contradicts the facts as surely as a
wrong time does. A sentence that states a cause (the ``cause`` claim of
``claims.toml``) and names a ruled-out cause is reported; a sentence that denies
it (并非…所致, not caused by) states no cause and is not. The rumour's framing in
the facts (网传的“…”, ", as rumoured online") is not part of what the text names:
the ``ruled_out_framing`` patterns of the ``cause`` claim take it off.
"""

from __future__ import annotations

import re

from ..facts import Incident
from ..findings import Finding, frozen_messages
from ..text import LineIndex, Normalized
from ..text import normalize as _normalize
from .claims import claim, family_matches
from .textspans import clause_from, sentence_around


def ruled_out_causes(n: Normalized, incident: Incident, lang: str) -> list[Finding]:
    """Return a ``fact-mismatch`` error for each sentence of ``n`` whose stated cause the
    facts rule out.

    Examples:
        >>> from crisiscomms.facts import parse_incident
        >>> incident = parse_incident({"organization": {"zh": "示例"}, "service": {"zh": "示例App"},
        ...     "timezone": "Asia/Shanghai", "started_at": "2026-03-29T20:00:00+08:00",
        ...     "published_at": "2026-03-29T20:30:00+08:00",
        ...     "cause": {"status": "preliminary", "description": {"zh": "存储集群故障"},
        ...               "not_caused_by": [{"zh": "网传的“开发人员删库”"}]}})
        >>> text = _normalize("本次故障由开发人员删库引起。")
        >>> [f.excerpt for f in ruled_out_causes(text, incident, "zh")]
        ['由开发人员删库引起']
        >>> ruled_out_causes(_normalize("本次故障并非开发人员删库所致。"), incident, "zh")
        []
    """
    family = claim("cause")
    cores = _alike(_cores(incident, family["ruled_out_framing"]), family["ruled_out_alike"])
    if not cores:
        return []
    original = n.original
    found: list[Finding] = []
    lines: LineIndex | None = None
    messages = frozen_messages(family["ruled_out_message"])
    for start, end in family_matches(family, n):
        sentence = _normalize(sentence_around(original, start, end)).text
        if not any(core in sentence for core in cores):
            continue
        # What the cause words name: from them to the end of their clause ("the root cause
        # was X; it was not Y" gives X as the cause, not Y).
        named = _normalize(clause_from(original, start)).text
        if not any(core in named for core in cores):
            continue
        lines = lines or LineIndex(original)
        found.append(
            Finding.at(
                original,
                start,
                end,
                rule="fact-mismatch",
                severity="error",
                messages=messages,
                lang=lang,
                suggestions=family["ruled_out_suggestion"],
                lines=lines,
            )
        )
    return found


def _cores(incident: Incident, framing: list[str]) -> list[str]:
    """Return each ruled-out cause as a text would name it: normalised, framing taken off.

    A ruled-out cause that the facts' own cause also names is left out: a text that
    states the facts' cause says nothing the facts rule out.
    """
    given = incident.cause.description
    own = [] if given is None else [_normalize(t).text for t in given.given()]
    cores: list[str] = []
    for item in incident.cause.not_caused_by:
        for written in item.given():
            core = _normalize(written).text
            for pattern in framing:
                core = re.sub(pattern, "", core)
            core = core.strip(" ,.;:'\"")
            if len(core) >= 2 and not any(core in cause for cause in own):
                cores.append(core)
    return cores


def _alike(cores: list[str], groups: list[list[str]]) -> list[str]:
    """Add the words of each kind a ruled-out cause names (``ruled_out_alike``)."""
    out = list(cores)
    for group in groups:
        if any(word in core for core in cores for word in group):
            out += [word for word in group if word not in out]
    return out
