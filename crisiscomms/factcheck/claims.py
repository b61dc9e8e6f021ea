"""Find what a text asserts that the facts do not hold: ``unsupported-claim`` warnings.

The claims contract (``templates/claims.toml``) names each kind of claim a
notice can make — data, funds, count, share, cause, ETA, next update,
compensation… — the facts that ground it, and the phrases that detect it. A
claim found in a text whose facts ground none of it is reported.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel

from ..bulk import paused_collection
from ..errors import TemplateError
from ..facts import Incident
from ..findings import Finding
from ..hant.lookup import with_hant
from ..keptfor import KeptFor
from ..resources import templates_root
from ..text import LineIndex, Normalized, normalize
from ..text.literals import Gated, fold_for_gates
from .factvalues import fact_values
from .textspans import message_lang, sentence_around

#: Claims that state a figure: a match without a digit is punctuation, not a figure.
_NUMERIC_CLAIMS = frozenset({"count", "share", "error_rate"})
_DIGIT = re.compile(r"\d")
_PLACEHOLDER = re.compile(r"【待[补補]充[：:]\s*([^】]*)】|\[TO FILL:\s*([^\]]*)\]")


def unsupported_claims(
    text: str | Normalized, incident: Incident, lang: str = "auto"
) -> list[Finding]:
    """Return an ``unsupported-claim`` warning for each assertion the facts do not hold.

    ``text`` may be one already normalised (:func:`~crisiscomms.text.normalize`);
    spans point into the original text either way.

    Examples:
        >>> from crisiscomms.facts import parse_incident
        >>> incident = parse_incident({"organization": {"en": "Ex"}, "service": {"en": "Ex"},
        ...     "timezone": "UTC", "started_at": "2026-03-29T01:00:00Z",
        ...     "published_at": "2026-03-29T01:20:00Z", "data": {"status": "intact"}})
        >>> [f.excerpt for f in unsupported_claims("No user data was lost.", incident)]
        []
        >>> [f.excerpt for f in unsupported_claims("Your funds are safe.", incident)]
        ['funds are safe']
    """
    n = text if isinstance(text, Normalized) else normalize(text)
    original = n.original
    lang = message_lang(original, lang)
    found: list[Finding] = []
    lines = LineIndex(original)  # one index for every finding: O(log n) each, not O(n)
    # A claim kind is grounded or not whatever the text; its nearby facts' words stand in
    # a sentence or not whatever the claim's place in it: each is read once per call.
    contradicts: dict[str, bool] = {}
    in_words: dict[tuple[str, str], bool] = {}

    kinds = _grounded_kinds(incident)
    taken: dict[str, list[tuple[int, int]]] = {}  # one finding where a claim's patterns overlap

    def grounded(claim: Mapping[str, Any]) -> bool:
        # A claim the facts ground is reported nowhere: its patterns are not even run
        # (a pack's documents match the compensation words of a compensation notice
        # some 170 times, each only to be passed over).
        return claim["name"] in kinds

    with paused_collection():  # a long text makes many acyclic objects: see ..bulk
        for claim, start, end in _claims_made(n, incident, grounded):
            name = claim["name"]
            if _overlaps(taken.setdefault(name, []), start, end):
                continue  # "All regions have fully recovered": two wordings of one claim
            sentence = sentence_around(original, start, end)
            if (name, sentence) not in in_words:
                in_words[name, sentence] = _in_sentence(claim, incident, sentence)
            if in_words[name, sentence]:
                continue
            # The facts say the opposite (data lost, and the facts say intact): an error.
            if name not in contradicts:
                contradicts[name] = contradicted(claim, incident)
            against = contradicts[name]
            found.append(
                Finding.at(
                    original,
                    start,
                    end,
                    rule="fact-mismatch" if against else "unsupported-claim",
                    severity="error" if against else "warning",
                    messages=claim["contradicted_message" if against else "message"],
                    lang=lang,
                    suggestions=claim["contradicted_suggestion" if against else "suggestion"],
                    lines=lines,
                )
            )
    return sorted(found, key=lambda f: (f.start, f.end))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``start:end`` overlaps one of ``spans`` (sorted, none overlapping another);
    else add it to them. Found by bisection: a long text may make one claim many times."""
    i = bisect_left(spans, (start, end))
    if (i > 0 and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end):
        return True
    spans.insert(i, (start, end))
    return False


def claims_made(
    text: str | Normalized, incident: Incident
) -> Iterator[tuple[Mapping[str, Any], int, int]]:
    """Yield (claim, start, end) for each claim ``text`` makes, whether grounded or not.

    A claim is not counted where the text shows a placeholder for its fact (it
    asks rather than asserts), or where the matched words are the facts' own
    free text.

    The patterns run on the normalised text (Simplified, ASCII punctuation, lower
    case), so 用戶資金安全 is the claim 用户资金安全; spans are mapped back to ``text``.
    """
    return _claims_made(text, incident, None)


def _claims_made(
    text: str | Normalized,
    incident: Incident,
    skip: Callable[[Mapping[str, Any]], bool] | None,
) -> Iterator[tuple[Mapping[str, Any], int, int]]:
    """:func:`claims_made`, without the claim kinds ``skip`` is true of (not even searched)."""
    n = text if isinstance(text, Normalized) else normalize(text)
    original = n.original
    free = fact_values(incident).free_text
    folded_free: str | None = None  # Traditional text of a Simplified fact matches it folded
    asked = placeholder_paths(original)
    in_free: dict[str, bool] = {}  # matched words -> they are the facts' own words
    folded = fold_for_gates(n.text)  # what every pattern's quick test reads
    for claim in claim_families():
        if skip is not None and skip(claim):
            continue
        placeholder = claim.get("placeholder")
        if placeholder and any(path.startswith(placeholder) for path in asked):
            continue
        for start, end in _kept_matches(claim, n, folded):
            piece = original[start:end].strip().lower()
            if piece in free:
                continue
            if piece not in in_free:
                folded_free = _normalized(free) if folded_free is None else folded_free
                in_free[piece] = normalize(piece).text in folded_free
            if not in_free[piece]:
                yield claim, start, end


@lru_cache(maxsize=8)
def _normalized(free: str) -> str:
    """The facts' free text normalised: the same for every text checked against the facts."""
    return normalize(free).text


def in_facts_words(
    claim: Mapping[str, Any], incident: Incident, text: str, start: int, end: int
) -> bool:
    """True when a free-text fact named in ``nearby`` stands in the claim's sentence.

    The engineer's own words say it: 青鸟钱包的余额 (impact.not_affected) + 未受影响.
    """
    return _in_sentence(claim, incident, sentence_around(text, start, end))


def _in_sentence(claim: Mapping[str, Any], incident: Incident, sentence: str) -> bool:
    nearby = fact_texts(incident, claim.get("nearby", []))
    if any(words in sentence for words in nearby):
        return True
    folded = normalize(sentence).text  # a Traditional draft of a Simplified fact
    return any(normalize(words).text in folded for words in nearby)


#: The claim kinds each of the last few facts objects grounds.
_GROUNDED: KeptFor[frozenset[str]] = KeptFor(8)


def _grounded_kinds(incident: Incident) -> frozenset[str]:
    """Return the names of the claim kinds not to report against the facts, worked out once
    per facts object (a pack checks a dozen texts against one): those the facts ground
    (:func:`supported`) or say in their own words (``said_by``), and those checked only
    when some fact holds (``only_when``) whose fact does not."""
    return _GROUNDED.get(
        incident,
        None,
        lambda: frozenset(
            c["name"]
            for c in claim_families()
            if supported(c, incident) or not _checked(c, incident) or said_by_facts(c, incident)
        ),
    )


def _checked(claim: Mapping[str, Any], incident: Incident) -> bool:
    """False when the claim has ``only_when`` facts and none holds: a broader claim speaks
    then ([refund], where the facts hold no refund at all)."""
    only = claim.get("only_when")
    return not only or any(_holds(condition, incident) for condition in only)


def said_by_facts(claim: Mapping[str, Any], incident: Incident) -> bool:
    """True when a free-text fact named in the claim's ``said_by`` makes the claim itself:
    the facts' refund reads 已全部原路退回, so a text may say the refund is done.

    Examples:
        >>> from crisiscomms.facts import parse_incident
        >>> incident = parse_incident({"organization": {"en": "Ex"}, "service": {"en": "Ex"},
        ...     "timezone": "UTC", "started_at": "2026-03-29T01:00:00Z",
        ...     "published_at": "2026-03-29T01:20:00Z", "compensation": [{"items": [],
        ...     "overcharge_refund": {"en": "every second charge has been refunded"}}]})
        >>> said_by_facts(claim("refund_done"), incident)
        True
        >>> said_by_facts(claim("refund_window"), incident)
        False
    """
    for words in fact_texts(incident, claim.get("said_by", [])):
        n = normalize(words)
        if next(_family_matches(claim, n, fold_for_gates(n.text)), None) is not None:
            return True
    return False


def supported(claim: Mapping[str, Any], incident: Incident) -> bool:
    """Return True when a fact named in the claim's ``grounded_by`` holds.

    Examples:
        >>> from crisiscomms.facts import parse_incident
        >>> incident = parse_incident({"organization": {"en": "Ex"}, "service": {"en": "Ex"},
        ...     "timezone": "UTC", "started_at": "2026-03-29T01:00:00Z",
        ...     "published_at": "2026-03-29T01:20:00Z", "eta": "unknown"})
        >>> supported(claim("eta_unknown"), incident), supported(claim("eta"), incident)
        (True, False)
    """
    return any(_holds(condition, incident) for condition in claim["grounded_by"])


def contradicted(claim: Mapping[str, Any], incident: Incident) -> bool:
    """Return True when a fact named in the claim's ``contradicted_by`` holds: the facts
    say the opposite of the claim (data lost, where the facts say data is intact)."""
    return any(_holds(condition, incident) for condition in claim.get("contradicted_by", ()))


def _holds(condition: str, incident: Incident) -> bool:
    path, op, expected = _split(condition)
    values = [v for v in _values(incident, path) if v not in (None, [], "", False)]
    if op == "=":
        return any(str(v) == expected for v in values)
    if op == "!=":
        return any(str(v) != expected for v in values)
    return bool(values)


def _split(condition: str) -> tuple[str, str, str]:
    for op in ("!=", "="):
        if op in condition:
            path, _, value = condition.partition(op)
            return path.strip(), op, value.strip()
    return condition.strip(), "", ""


def _values(incident: Incident, path: str) -> list[Any]:
    """Return the values at a dotted ``path``, looking into lists on the way."""
    values: list[Any] = [incident]
    for name in path.split("."):
        step: list[Any] = []
        for value in values:
            if isinstance(value, BaseModel):
                got = getattr(value, name, None)
                step += got if isinstance(got, list) else [got]
        values = [v for v in step if v is not None]
    return values


def fact_texts(incident: Incident, paths: list[str]) -> list[str]:
    """Return the zh and en texts of the free-text facts at ``paths``."""
    found: list[str] = []
    for path in paths:
        for value in _values(incident, path):
            found += [t for t in (getattr(value, "zh", None), getattr(value, "en", None)) if t]
    return [t for t in found if isinstance(t, str)]


@cache
def claim_families() -> tuple[dict[str, Any], ...]:
    """Load the claims contract from ``templates/claims.toml``, patterns compiled.

    Patterns are folded like the text they run on (:func:`~crisiscomms.text.normalize`):
    full-width punctuation becomes ASCII, letters lower case. ``gated`` holds each
    pattern with the strings it cannot match without (:class:`~crisiscomms.text.literals.Gated`).
    """
    path = templates_root() / "claims.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        families = []
        for name, body in raw.items():
            patterns = [re.compile(_fold(p), re.MULTILINE) for p in body["patterns"]]
            # Messages in each Traditional region too (hant.lookup, generated).
            words = {k: with_hant(body[k]) for k in SAID if k in body}
            families.append(
                {
                    **body,
                    **words,
                    "name": name,
                    "patterns": patterns,
                    "gated": tuple(map(Gated, patterns)),
                    "unless": [re.compile(_fold(p)) for p in body.get("unless", [])],
                }
            )
        return tuple(families)
    except (OSError, tomllib.TOMLDecodeError, KeyError, re.error) as error:
        raise TemplateError(f"{path}: {error}") from None


#: What a claim family says in a finding: its messages and suggestions.
SAID = (
    "message",
    "suggestion",
    "ruled_out_message",
    "ruled_out_suggestion",
    "contradicted_message",
    "contradicted_suggestion",
    "other_cause_message",
    "other_cause_suggestion",
)


def _fold(pattern: str) -> str:
    return normalize(pattern).text


def claim(name: str) -> dict[str, Any]:
    """Return one claim kind of the contract by name (``data``, ``funds``, ``eta``…)."""
    for family in claim_families():
        if family["name"] == name:
            return family
    raise KeyError(name)


def placeholder_paths(text: str) -> set[str]:
    """Return the fact paths whose placeholders (【待补充：…】 / [TO FILL: …]) ``text`` shows.

    Examples:
        >>> sorted(placeholder_paths("补偿内容：【待补充：补偿内容与金额】。"))
        ['compensation']
    """
    labels = {m[1] or m[2] for m in _PLACEHOLDER.finditer(text)}
    if not labels:
        return set()
    from ..completeness import placeholder_labels

    return {path for label, path in placeholder_labels().items() if label in labels}


def family_matches(family: Mapping[str, Any], text: str | Normalized) -> Iterator[tuple[int, int]]:
    """Yield the spans (in the original text) where one claim kind is asserted.

    Sentences the family's ``unless`` patterns match (negations, hedges) are
    skipped. The patterns run on the normalised text; pass a
    :class:`~crisiscomms.text.Normalized` to avoid normalising again.
    """
    n = text if isinstance(text, Normalized) else normalize(text)
    return iter(_kept_matches(family, n))


#: The spans each claim kind matched in the last few normalised texts, by the text's
#: identity: check_draft reads the cause claim of one text for unsupported claims and
#: again for ruled-out causes (:mod:`.ruledout`), each pattern run over the whole text.
_MATCHED: list[tuple[Normalized, dict[int, tuple[Mapping[str, Any], list[tuple[int, int]]]]]] = []
_KEEP = 2


def _kept_matches(
    family: Mapping[str, Any], n: Normalized, folded: str | None = None
) -> list[tuple[int, int]]:
    """:func:`_family_matches` of ``family`` in ``n``, found once per text object."""
    kept = next((found for seen, found in _MATCHED if seen is n), None)
    if kept is None:
        kept = {}
        _MATCHED.insert(0, (n, kept))
        del _MATCHED[_KEEP:]
    entry = kept.get(id(family))
    if entry is None or entry[0] is not family:
        folded = fold_for_gates(n.text) if folded is None else folded
        entry = kept[id(family)] = (family, list(_family_matches(family, n, folded)))
    return entry[1]


def _family_matches(
    family: Mapping[str, Any], n: Normalized, folded: str
) -> Iterator[tuple[int, int]]:
    s = n.text
    numeric = family.get("name") in _NUMERIC_CLAIMS
    for pattern in family["gated"]:
        for match in pattern.finditer(s, folded):
            if numeric and not _DIGIT.search(match.group()):
                continue  # [\d,.]+ matched only the comma that ，folds to
            sentence = sentence_around(s, *match.span())
            if any(u.search(sentence) for u in family["unless"]):
                continue
            yield n.span(*match.span())
