"""Find what a text states that the structured facts settle the other way: ``fact-mismatch``.

A chatbot's rewrite says "DBS PayLah! is back to normal" where the facts give the
component as down, "ATMs remain unavailable" where they are recovered, "KakaoBank
was also affected" where the facts list it under ``impact.not_affected``, or "the
root cause has been confirmed" where the cause is preliminary. Each is decided by one
fact, without guessing. The wordings are data (``templates/contradictions.toml``);
this module finds the thing each statement is about and asks the facts.

A statement about a component or a not-affected item is about the one named right
before it, with the names joined to that one by "and", 、 or a comma (ATM与PayLah!均已
恢复), within its sentence; or, when the wording is a heading (Back to normal: ATMs),
about the names after it up to the end of the sentence.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, NamedTuple

from ..errors import TemplateError
from ..facts import Incident
from ..findings import Finding, frozen_messages
from ..hant.lookup import with_hant
from ..resources import templates_root
from ..text import LineIndex, Normalized
from ..text import normalize as _normalize
from ..text.literals import Gated, fold_for_gates
from .claims import _holds

#: Where a sentence ends in the normalised text (ASCII punctuation there).
_SENTENCE_END = re.compile(r"[。;!?\n]|\.(?=\s|$)")
#: What may stand between two names of one subject: ATM、PayLah!与digibank / A, B and C.
_JOINED = re.compile(r"^(?:\s|,|、|和|与|及|以及|或|and\b|&|/|the\b|our\b)*$")
#: How far before a statement its subject may end: "DBS PayLah! is back" / "ATM已恢复".
_MAX_GAP = 24


class Name(NamedTuple):
    """One way the facts name a thing, normalised, and the state the facts give it."""

    text: str
    state: str
    exact_case: str | None  # an alias read only as written ("WARP" of "Access and WARP")


def contradictions(n: Normalized, incident: Incident, lang: str) -> list[Finding]:
    """Return a ``fact-mismatch`` error for each statement of ``n`` that the facts contradict.

    Examples:
        >>> from crisiscomms.facts import parse_incident
        >>> from crisiscomms.text import normalize
        >>> incident = parse_incident({"organization": {"en": "Ex"}, "service": {"en": "Ex"},
        ...     "timezone": "UTC", "started_at": "2026-03-29T01:00:00Z",
        ...     "published_at": "2026-03-29T01:20:00Z",
        ...     "components": [{"name": {"en": "ATMs"}, "state": "recovered"},
        ...                    {"name": {"en": "PayLah!"}, "state": "down"}]})
        >>> [f.excerpt for f in contradictions(normalize("PayLah! is back."), incident, "en")]
        ['PayLah! is back']
        >>> [f.excerpt for f in contradictions(normalize("ATMs are back."), incident, "en")]
        []
    """
    found: list[Finding] = []
    lines: LineIndex | None = None
    for family, start, end in _statements(n, incident):
        lines = lines or LineIndex(n.original)
        o_start, o_end = n.span(start, end)
        found.append(
            Finding.at(
                n.original,
                o_start,
                o_end,
                rule="fact-mismatch",
                severity="error",
                messages=family["frozen_message"],
                lang=lang,
                suggestions=family["suggestion"],
                lines=lines,
            )
        )
    return found


def _statements(n: Normalized, incident: Incident) -> Iterator[tuple[Mapping[str, Any], int, int]]:
    s = n.text
    names: dict[str, list[Name]] = {}
    folded = fold_for_gates(s)  # what every pattern's quick test reads
    for family in families():
        taken: list[tuple[int, int]] = []  # one finding where several patterns match
        for start, end in _matches(family, n, s, folded, incident, names):
            if not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                yield family, start, end


def _matches(
    family: Mapping[str, Any],
    n: Normalized,
    s: str,
    folded: str,
    incident: Incident,
    names: dict[str, list[Name]],
) -> Iterator[tuple[int, int]]:
    subject = family.get("subject")
    if subject is None:
        if not any(_holds(c, incident) for c in family["contradicted_by"]):
            return
        for pattern in family["gated"]:
            for match in pattern.finditer(s, folded):
                if not _hedged(family, s, match.start(), match.end()):
                    yield match.start(), match.end()
        return
    if subject not in names:
        names[subject] = _names(incident, subject)
    if not names[subject]:
        return
    bad = set(family.get("contradicted_states", ["not_affected"]))
    places = _places(n, names[subject])
    if not places:
        return
    for pattern in family["gated"]:
        for match in pattern.finditer(s, folded):
            start, end = match.span()
            about = _subjects(s, places, start, end, family.get("headings", False))
            if family["before"]:  # 所有玩家 / every player: the name after a word for all
                about = _led(family["before"], s, about)
            if not about or not any(name.state in bad for _, name in about):
                continue
            first = min(min(at for at, _ in about), start)
            if not _hedged(family, s, first, end):
                yield first, end  # "DBS PayLah! is back to normal": the thing and what is said


def _led(
    before: list[re.Pattern[str]], s: str, about: list[tuple[int, Name]]
) -> list[tuple[int, Name]]:
    """The subjects of ``about`` right after a match of ``before``, each from that match's
    start (所有玩家, every player: the finding quotes the word for all too)."""
    led = []
    for at, name in about:
        for pattern in before:
            match = pattern.search(s, max(0, at - 24), at)
            if match is not None:
                led.append((match.start(), name))
                break
    return led


_CLAUSE_END = re.compile(r"[,，。;!?\n]|\.(?=\s|$)")


def _hedged(family: Mapping[str, Any], s: str, start: int, end: int) -> bool:
    """True when the text from ``start`` to the end of its clause holds a hedge or negation."""
    stop = _CLAUSE_END.search(s, end)
    around = s[max(0, start - 12) : stop.start() if stop else len(s)]
    return any(u.search(around) for u in family["unless"])


def _names(incident: Incident, subject: str) -> list[Name]:
    """The names of the components (with their states), of the not-affected items, or of
    the audiences (``compensated`` or ``uncompensated`` by the facts' plans)."""
    if subject == "audiences":
        return _audience_names(incident)
    found: list[Name] = []
    if subject == "components":
        whole = [(c.name, str(c.state)) for c in incident.components]
    else:
        whole = [(item, "not_affected") for item in incident.impact.not_affected]
    texts = [name.given() for name, _ in whole]
    for i, (_, state) in enumerate(whole):
        others = [_normalize(t).text for j, ts in enumerate(texts) if j != i for t in ts]
        for written in texts[i]:
            folded = _normalize(written).text.strip()
            if len(folded) >= 2:
                found.append(Name(folded, state, None))
            # The parts of a name joined by "and" / 与 / "/" name it too, when no other
            # thing's name holds them: "WARP" of "Access and WARP".
            for part in re.split(r"\s+and\s+|与|和|及|、|/", written):
                folded_part = _normalize(part.strip()).text
                if len(folded_part) < 2 or folded_part == folded:
                    continue
                if any(folded_part in other for other in others):
                    continue
                exact = part.strip() if part.isascii() else None
                found.append(Name(folded_part, state, exact))
    return found


def _audience_names(incident: Incident) -> list[Name]:
    """The incident's audiences by name, each ``compensated`` when a plan of the facts is
    for it and ``uncompensated`` when none is; nothing when the facts hold no plan (then
    the claims contract's [compensation] speaks). English names read singular too: "every
    player" is one of the players."""
    if not incident.compensation:
        return []
    covered = {plan.audience.id for plan in incident.compensation}
    found: list[Name] = []
    for audience in incident.audiences:
        state = "compensated" if audience.id in covered else "uncompensated"
        for written in audience.name.given():
            folded = _normalize(written).text.strip()
            forms = {folded}
            if written.isascii():
                forms.add(folded.removesuffix("s"))
            found += [Name(form, state, None) for form in forms if len(form) >= 2]
    return found


def _places(n: Normalized, names: list[Name]) -> list[tuple[int, int, Name]]:
    """Where each name stands in the text, the longest name where several overlap."""
    s = n.text
    spots: list[tuple[int, int, Name]] = []
    for name in sorted(names, key=lambda x: -len(x.text)):
        at = s.find(name.text)
        while at != -1:
            end = at + len(name.text)
            ascii_word = name.text[:1].isascii() and name.text[-1:].isascii()
            bounded = not ascii_word or not (_word_char(s, at - 1) or _word_char(s, end))
            if bounded and name.exact_case is not None:
                o_start, o_end = n.span(at, end)
                bounded = n.original[o_start:o_end] == name.exact_case
            if bounded and not any(a < end and at < b for a, b, _ in spots):
                spots.append((at, end, name))
            at = s.find(name.text, at + 1)
    return sorted(spots, key=lambda spot: spot[0])


def _word_char(s: str, i: int) -> bool:
    """True when ``s[i]`` continues an English word (a Chinese character does not)."""
    return 0 <= i < len(s) and s[i].isascii() and s[i].isalnum()


def _subjects(
    s: str, places: list[tuple[int, int, Name]], start: int, end: int, headings: bool
) -> list[tuple[int, Name]]:
    """The named things a statement at ``s[start:end]`` is about (see the module's text)."""
    if re.match(r"\s*:", s[end:]):
        if not headings:
            return []  # a heading: "Back to normal: ATMs since 21:30; Workers KV"
        stop = _SENTENCE_END.search(s, end)
        limit = stop.start() if stop else len(s)
        first = bisect_left(places, end, key=lambda spot: spot[0])
        last = bisect_left(places, limit, key=lambda spot: spot[0])
        return [(a, name) for a, _, name in places[first:last]]
    # Places do not overlap, so their ends are in order too: the last one ending by start.
    count = bisect_right(places, start, key=lambda spot: spot[1])
    if count == 0:
        return []
    before = places[max(0, count - 8) : count]  # a chain of names is short
    a, b, name = before[-1]
    gap = s[b:start]
    if len(gap) > _MAX_GAP or _SENTENCE_END.search(gap) or "," in gap or ":" in gap:
        return []
    about = [(a, name)]
    for a2, b2, name2 in reversed(before[:-1]):
        if not _JOINED.match(s[b2:a]):
            break
        about.append((a2, name2))
        a = a2
    return about


@cache
def families() -> tuple[dict[str, Any], ...]:
    """Load ``templates/contradictions.toml``, patterns compiled on the normalised form.

    ``gated`` holds each pattern with the strings it cannot match without
    (:class:`~crisiscomms.text.literals.Gated`): a text without any is not searched.
    """
    path = templates_root() / "contradictions.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        out = []
        for name, body in raw.items():
            message = with_hant(body["message"])
            patterns = [re.compile(_fold(p)) for p in body["patterns"]]
            out.append(
                {
                    **body,
                    "name": name,
                    "message": message,
                    "frozen_message": frozen_messages(message),
                    "suggestion": with_hant(body["suggestion"]),
                    "patterns": patterns,
                    "gated": tuple(map(Gated, patterns)),
                    "unless": [re.compile(_fold(p)) for p in body.get("unless", [])],
                    "before": [re.compile(_fold(p) + "$") for p in body.get("before", [])],
                    "contradicted_by": body.get("contradicted_by", []),
                }
            )
        return tuple(out)
    except (OSError, tomllib.TOMLDecodeError, KeyError, re.error) as error:
        raise TemplateError(f"{path}: {error}") from None


def _fold(pattern: str) -> str:
    return _normalize(pattern).text
