"""The incident facts model: what happened, told once, in both languages.

Every free-text fact is bilingual (:class:`Text`, ``{zh: ..., en: ...}``); every
time is time-zone aware; every key is checked (a typo such as
``next_udpate_at`` is an error, never silently ignored), and a field or value of
an earlier schema is an error that says what replaced it. Nothing here
guesses: a fact that is absent stays absent, and the drafts say so visibly.

Compensation plans live in :mod:`crisiscomms.compensation`, the shared pieces
(text, audiences) in :mod:`crisiscomms.factbase`, the checks across fields in
:mod:`crisiscomms.factrules`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from .compensation import Compensation, CompensationItem
from .errors import InputError
from .factbase import (
    Audience,
    AudienceRef,
    Count,
    CrossFieldError,
    FactModel,
    Problem,
    SafeStr,
    Slug,
    Text,
    Time,
    audience_vocabulary,
    default_audience,
    format_loc,
    no_items,
    one_or_many,
)
from .factrules import Timing, order_problems, renamed_problems, resolve_audience_refs

__all__ = [
    "DATA_AREAS",
    "FUNDS_AREAS",
    "Audience",
    "Cause",
    "Compensation",
    "CompensationItem",
    "Component",
    "Contact",
    "DataStatement",
    "Eta",
    "FactsError",
    "FundsStatement",
    "Impact",
    "Incident",
    "Links",
    "Problem",
    "Scale",
    "Text",
    "TimelineEntry",
    "audience_vocabulary",
    "format_loc",
    "incident_json_schema",
    "missing_translations",
    "parse_incident",
]

from .factparts import (
    DATA_AREAS,
    FUNDS_AREAS,
    AudienceFunds,
    Cause,
    Component,
    Contact,
    DataStatement,
    Eta,
    FundsStatement,
    Impact,
    Links,
    RequiredActionRef,
    Scale,
    Severity,
    Status,
    TimelineEntry,
)

_Model = FactModel


class Incident(_Model):
    """Everything the notices may say about one incident.

    Only ``organization``, ``service``, ``timezone``, ``started_at`` and
    ``published_at`` are required; each notice kind asks for more and shows a
    visible placeholder where a fact it needs is missing.

    Examples:
        >>> incident = parse_incident({
        ...     "organization": {"zh": "示例科技", "en": "Example Tech"},
        ...     "service": {"zh": "示例App", "en": "the Example app"},
        ...     "timezone": "Asia/Shanghai",
        ...     "started_at": "2026-03-29T01:00:00+08:00",
        ...     "published_at": "2026-03-29T01:20:00+08:00",
        ... })
        >>> incident.status, [a.name.zh for a in incident.audiences]
        ('investigating', ['用户'])
    """

    id: Slug | None = None
    """A short stable id for this incident: 2026-03-29-cooling (lower case, digits, . _ -)."""
    organization: Text
    """The company, as it signs its notices: {zh: 优品汇, en: Youpinhui}."""
    service: Text
    """The product or service that failed, as users know it."""
    audiences: Annotated[list[AudienceRef], Field(min_length=1)] = Field(
        default_factory=lambda: [default_audience()]
    )
    """Who is affected and addressed: ids from the vocabulary (users, customers, passengers,
    couriers, drivers, merchants, sellers, members, paid_members, enterprise_customers,
    developers, players, partners, account_holders, cardholders, subscribers, travellers) or
    {id, name: {zh, en}, salutation: {zh, en}, measure: 名} for your own."""
    severity: Severity = "P1"
    """P0: core service unavailable for more than 30 minutes, or data or funds at risk; P1: core
    service down or badly degraded for many users; P2: a feature degraded, workaround exists; P3:
    minor."""
    status: Status = "investigating"
    """Where the response stands now; 'resolved' needs resolved_at."""
    timezone: SafeStr
    """IANA time zone every notice states its times in, e.g. Asia/Shanghai (written 北京时间),
    Asia/Hong_Kong (香港时间 / HKT), Europe/Berlin (CET/CEST)."""
    started_at: Time
    """When users were first affected, with its UTC offset: 2026-03-29T00:14:00+08:00."""
    detected_at: Time | None = None
    """When the team noticed; left out, the notices do not claim a detection time."""
    resolved_at: Time | None = None
    """When service was fully restored; not after published_at."""
    published_at: Time
    """When this notice goes out; the ETA, next update and deadlines must be later."""
    impact: Impact = Impact()
    data: DataStatement | None = None
    """What happened to user data; needed when impact.involves accounts, logins, orders or
    personal_data."""
    funds: FundsStatement | None = None
    """What happened to money; needed when impact.involves payments, balances or transfers.
    The notices say nothing about funds without it."""
    funds_per_audience: list[AudienceFunds] = Field(default_factory=no_items)
    """What happened to each audience's money when they differ: [{audience: drivers, status:
    affected, description: ...}]. With funds too, funds is what applies to everyone else."""
    cause: Cause = Cause()
    progress: Text | None = None
    """What changed since the last update (for a progress update)."""
    components: list[Component] = Field(default_factory=no_items)
    """Per region or feature, when recovery is staged."""
    timeline: list[TimelineEntry] = Field(default_factory=no_items)
    actions: list[Text] = Field(default_factory=no_items)
    """What was done to restore service."""
    required_actions: list[RequiredActionRef] = Field(default_factory=no_items)
    """What users MUST do: bare text {zh, en} (a verb phrase drafted 请… / Please …), or
    {text, condition, audience, safety} for an instruction that applies to one audience, only
    under a condition, or is a safety instruction drafted first."""
    workaround: Text | None = None
    """What users can do meanwhile (optional), as a verb phrase: 通过网页版下单 / order on the
    website."""
    eta: Eta | Literal["unknown"] | None = None
    """Estimated recovery: a time, {earliest, latest}, or 'unknown' (cannot estimate yet; the
    notice then commits to next_update_at or update_every_minutes)."""
    next_update_at: Time | None = None
    """When the next update will be published."""
    update_every_minutes: Annotated[Count, Field(ge=5, le=1440)] | None = None
    """How often updates follow, in minutes (5-1440): 60 for every hour."""
    compensation: Annotated[list[Compensation], BeforeValidator(one_or_many)] = Field(
        default_factory=no_items
    )
    """One plan per audience (users and merchants may get different terms)."""
    prevention: list[Text] = Field(default_factory=no_items)
    """Concrete, checkable measures, each with a date; never 'this will never happen again'."""
    contacts: list[Contact] = Field(default_factory=no_items)
    links: Links | None = None
    signature: Text | None = None
    """Who signs the notices; defaults to the organization."""

    @field_validator("timezone")
    @classmethod
    def _iana_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown IANA time zone {value!r} (e.g. Asia/Shanghai, UTC)"
            ) from None
        return value

    @model_validator(mode="before")
    @classmethod
    def _resolve_custom_audiences(cls, value: Any) -> Any:
        # A plan or scale entry may name an audience defined in `audiences` by id only.
        return resolve_audience_refs(value)

    @model_validator(mode="after")
    def _times_in_order(self) -> Incident:
        problems = list(order_problems(self))
        if problems:
            raise CrossFieldError(problems)
        return self

    @property
    def zone(self) -> ZoneInfo:
        """The zone every draft states its times in."""
        return ZoneInfo(self.timezone)


class FactsError(InputError):
    """The facts are invalid; ``problems`` lists every one, each with its field path.

    Examples:
        >>> try:
        ...     parse_incident({"organization": {"zh": "示例"}, "next_udpate_at": "x"})
        ... except FactsError as error:
        ...     print(sorted(p.path for p in error.problems))
        ['next_udpate_at', 'published_at', 'service', 'started_at', 'timezone']
    """

    def __init__(
        self,
        problems: list[Problem],
        source: str | None = None,
        lines: Mapping[tuple[str | int, ...], int] | None = None,
    ) -> None:
        self.problems = problems
        self.source = source
        self.lines = dict(lines or {})
        where = f"{source}: " if source else ""
        out = [f"{where}invalid facts ({len(problems)} problem{'s' * (len(problems) > 1)}):"]
        for p in sorted(problems, key=lambda p: self.lines.get(p.loc, 1 << 30)):
            line = self.lines.get(p.loc)
            at = f"line {line}: " if line else ""
            out.append(f"  {at}{p.path or '(top level)'}: {p.msg}")
        super().__init__("\n".join(out))

    def with_lines(self, lines: Mapping[tuple[str | int, ...], int]) -> FactsError:
        """Return the same error with the line of each problem in its source file."""
        return FactsError(self.problems, self.source, lines)


_MESSAGES = {
    "extra_forbidden": "unknown field (check the spelling; see `crisiscomms schema`)",
    "timezone_aware": "the time has no time zone: write it like 2026-03-29T22:00:00+08:00",
    "missing": "this field is required",
}


def parse_incident(data: Any, source: str | None = None) -> Incident:
    """Validate facts given as a mapping and return an :class:`Incident`.

    Args:
        data: the facts, as parsed from YAML, JSON or TOML, or built in code.
        source: the file the facts came from, used in the error message.

    Returns:
        The validated incident.

    Raises:
        FactsError: with every problem found, each naming its field.
    """
    if data is None:
        raise FactsError([Problem((), "no facts given: the input is empty", "empty")], source)
    if not isinstance(data, Mapping):
        raise FactsError(
            [Problem((), "facts must be a mapping of field names to values", "type")], source
        )
    renamed = renamed_problems(data)
    try:
        incident = Incident.model_validate(data)
    except ValidationError as error:
        problems = _problems(error)
    else:
        if not renamed:
            return incident
        problems = []
    # An old name explains the error pydantic gives for it: keep the explanation only.
    problems = renamed + [p for p in problems if not _explained(p.loc, renamed)]
    # Cross-field checks run only once every field is valid; run them on the times
    # alone too, so one pass reports every problem a person has to fix.
    if not any(p.type == "time_order" for p in problems):
        try:
            timing = Timing.model_validate(resolve_audience_refs(data))
        except ValidationError:
            pass
        else:
            seen = {p.loc for p in problems}
            problems += [p for p in order_problems(timing) if p.loc not in seen]
    raise FactsError(problems, source)


def _explained(loc: tuple[str | int, ...], renamed: list[Problem]) -> bool:
    return any(loc[: len(r.loc)] == r.loc or r.loc[: len(loc)] == loc for r in renamed)


def _problems(error: ValidationError) -> list[Problem]:
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        loc = tuple(
            p for p in item["loc"] if not (isinstance(p, str) and p.startswith("function-"))
        )
        cross = item.get("ctx", {}).get("error")
        if isinstance(cross, CrossFieldError):
            problems += [Problem(loc + p.loc, p.msg, p.type) for p in cross.problems]
            continue
        msg = _MESSAGES.get(item["type"], item["msg"].removeprefix("Value error, "))
        if item["type"] == "model_type" and item.get("ctx", {}).get("class_name") == "Text":
            msg = "write the text in each language: {zh: ..., en: ...}"
        problems.append(Problem(loc, msg + _hint(item, loc), item["type"]))
    return _one_way_of_writing_it(problems)


def _one_way_of_writing_it(problems: list[Problem]) -> list[Problem]:
    """Fold a union's literal branch (eta.literal['unknown']) into the problem of the other way
    of writing the same field: "eta.latest: ... (or write 'unknown')", one line that names the
    field as written rather than the parser's branch."""

    def branch(problem: Problem) -> int | None:
        for i, part in enumerate(problem.loc):
            if isinstance(part, str) and part.startswith("literal["):
                return i
        return None

    kept: list[Problem] = []
    also: dict[tuple[str | int, ...], str] = {}  # field -> the literal it may also be
    for problem in problems:
        at = branch(problem)
        if at is not None:
            prefix = problem.loc[:at]
            if any(o.loc[:at] == prefix and branch(o) is None for o in problems):
                also[prefix] = problem.msg.removeprefix("Input should be ")
                continue
        kept.append(problem)
    for i, problem in enumerate(kept):
        for prefix, literal in also.items():
            if problem.loc[: len(prefix)] == prefix:
                kept[i] = Problem(problem.loc, f"{problem.msg} (or write {literal})", problem.type)
                break
    return kept


#: What a person who wrote the usual thing wrongly is told to write instead.
_HINTS = {
    "int_parsing": "; write a plain number (39150000, not 3915万)",
    "decimal_parsing": "; write a plain number (200); the currency goes in `currency`",
    "decimal_type": "; write a plain number (200); the currency goes in `currency`",
}


def _hint(item: Any, loc: tuple[str | int, ...]) -> str:
    """Return what to write instead, after the message: the field meant, or the form.

    Examples:
        >>> _hint({"type": "literal_error", "input": "payment",
        ...        "ctx": {"expected": "'accounts', 'payments' or 'orders'"}}, ("impact",))
        "; did you mean 'payments'?"
        >>> _hint({"type": "int_parsing", "input": "hourly"}, ("update_every_minutes",))
        '; write a whole number (60)'
    """
    import difflib  # here: only a rejected fact needs it

    kind = item["type"]
    if kind == "extra_forbidden" and loc and isinstance(loc[-1], str):
        known = _field_names(loc[:-1])
        close = difflib.get_close_matches(loc[-1], known, n=1, cutoff=0.75)
        # links.status for status_page: the start of a longer field's name.
        close = close or [k for k in known if k.startswith(f"{loc[-1]}_")][:1]
        if close:
            return f"; did you mean `{close[0]}`?"
        if " " in loc[-1].strip():
            # No field name holds a space: YAML cut a text at its comma ({en: about 32,000
            # orders} reads as en: "about 32" and a field "000 orders"), trial E and session 13.
            return (
                "; this looks like the rest of a text cut at a comma: in {zh: ..., en: ...},"
                ' put quotes around a text that holds a comma (en: "about 32,000 orders")'
            )
        return ""
    given = item.get("input")
    if kind == "literal_error" and isinstance(given, str):
        allowed = re.findall(r"'([^']*)'", str(item.get("ctx", {}).get("expected", "")))
        close = difflib.get_close_matches(given.strip().lower(), allowed, n=1, cutoff=0.75)
        return f"; did you mean '{close[0]}'?" if close else ""
    if kind == "int_parsing" and isinstance(given, str) and not re.search(r"\d", given):
        return "; write a whole number (60)"  # "hourly": no figure to move the unit from
    return _HINTS.get(kind, "")


def _field_names(loc: tuple[str | int, ...]) -> list[str]:
    """Return the field names (as written in facts) of the model at ``loc`` in the facts."""
    model: Any = Incident
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) or next(
            (f for f in model.model_fields.values() if f.alias == part), None
        )
        if field is None:
            return []
        model = _model_in(field.annotation)
        if model is None:
            return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _model_in(annotation: Any) -> Any:
    """Return the pydantic model an annotation holds (in a list or an optional), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def missing_translations(incident: Incident, lang: str) -> list[Problem]:
    """Return every free-text fact that has no text in ``lang``.

    We never machine-translate a fact: a draft in ``lang`` needs each given
    free-text fact written in ``lang``.

    Examples:
        >>> incident = parse_incident({
        ...     "organization": {"zh": "示例科技", "en": "Example Tech"},
        ...     "service": {"zh": "示例App"},
        ...     "timezone": "UTC",
        ...     "started_at": "2026-03-29T01:00:00Z", "published_at": "2026-03-29T01:20:00Z",
        ... })
        >>> [p.path for p in missing_translations(incident, "en")]
        ['service.en']
    """
    key = lang.replace("-", "_")  # zh-Hant-HK is the field zh_Hant_HK
    return [
        Problem((*loc, lang), f"no {lang} text given for this fact", "missing_translation")
        for loc, text in _texts(incident, ())
        if getattr(text, key) is None
    ]


def _texts(value: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Text]]:
    if isinstance(value, Text):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*loc, i))


def incident_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of the facts (what ``crisiscomms schema`` prints)."""
    schema = Incident.model_json_schema()
    properties = schema["properties"]
    # The model also accepts the short forms people write by hand: a bare ETA time,
    # and a single compensation plan instead of a list of one.
    eta = properties["eta"]
    eta["anyOf"].insert(1, {"type": "string", "format": "date-time"})
    plans = properties["compensation"]
    properties["compensation"] = {
        "anyOf": [plans, {"$ref": plans["items"]["$ref"]}],
        "default": plans.pop("default", []),
        "title": plans.pop("title", "Compensation"),
        "description": plans.pop("description", ""),
    }
    # An audience given by id must be one of the vocabulary's.
    known = {"type": "string", "enum": list(audience_vocabulary())}
    refs = [properties["audiences"]["items"]]
    refs += [schema["$defs"][name]["properties"]["audience"] for name in ("Scale", "Compensation")]
    for ref in refs:
        ref["anyOf"] = [known if b.get("type") == "string" else b for b in ref["anyOf"]]
    scale = schema["$defs"]["Impact"]["properties"]["scale"]
    listed = {k: scale.pop(k) for k in ("type", "items")}
    scale["anyOf"] = [listed, dict(listed["items"])]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "crisiscomms incident facts"
    return schema
