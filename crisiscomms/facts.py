"""The incident facts model: what happened, told once, in both languages.

Every free-text fact is bilingual (:class:`Text`, ``{zh: ..., en: ...}``); every
time is time-zone aware; every key is checked (a typo such as
``next_udpate_at`` is an error, never silently ignored). Nothing here guesses:
a fact that is absent stays absent, and the drafts say so visibly.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.numbers import is_currency
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from .errors import InputError
from .facttypes import (
    Amount,
    Count,
    Percent,
    SafeStr,
    Time,
    check_minor_unit,
    unsafe_character,
)


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, use_attribute_docstrings=True
    )


NonEmpty = Annotated[SafeStr, Field(min_length=1)]


class Text(_Model):
    """A free-text fact in each language it is published in.

    Examples:
        >>> Text(zh="机房空调故障", en="a cooling failure in a data centre").zh
        '机房空调故障'
    """

    zh: NonEmpty | None = None
    en: NonEmpty | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> Text:
        if self.zh is None and self.en is None:
            raise ValueError("give the text in at least one language: {zh: ..., en: ...}")
        return self


Audience = Literal["users", "merchants", "partners", "drivers", "riders", "developers"]
Severity = Literal["P0", "P1", "P2", "P3"]
Status = Literal[
    "investigating", "identified", "mitigating", "recovering", "monitoring", "resolved"
]
Precision = Literal["exact", "estimate", "unknown"]
DataStatus = Literal["none_confirmed", "under_investigation", "affected"]
Sensitive = Literal["accounts", "logins", "payments", "orders", "personal_data"]
CauseStatus = Literal["unknown", "suspected", "confirmed"]
ComponentState = Literal["down", "degraded", "recovering", "recovered"]
CompensationKind = Literal["voucher", "credit", "membership_days", "refund", "cash"]


class Affected(_Model):
    """How many are affected, and how sure we are of it.

    ``precision="estimate"`` renders as 约800万 / about 8 million; ``"unknown"``
    renders an honest "we are still assessing", never 部分用户.
    """

    count: Count | None = None
    """How many; leave out (with precision 'unknown') when nobody knows yet."""
    precision: Precision = "unknown"
    """'exact', 'estimate' (drafted as 约 / about) or 'unknown' (drafted as still assessing)."""
    share_percent: Percent | None = None
    """The share of all users (0-100), when known."""
    audience: Audience = "users"

    @model_validator(mode="after")
    def _count_matches_precision(self) -> Affected:
        if self.precision != "unknown" and self.count is None:
            raise ValueError(f"precision is {self.precision!r} but no count is given")
        if self.precision == "unknown" and self.count is not None:
            raise ValueError("a count is given: set precision to 'exact' or 'estimate'")
        return self


class Impact(_Model):
    """What users notice, where, on what, and how many of them."""

    symptoms: Text | None = None
    """What users see, as a noun phrase that fits any tense: 页面无法加载、无法下单 / pages not
    loading, orders failing."""
    features: list[Text] = []
    regions: list[Text] = []
    platforms: list[Text] = []
    not_affected: list[Text] = []
    """What still works, stated so readers need not ask."""
    involves: list[Sensitive] = []
    """Sensitive areas hit (accounts, logins, payments, orders, personal_data): every notice then
    carries a data statement."""
    affected: Affected = Affected()


class DataSafety(_Model):
    """Whether user data and funds are safe: stated, or stated as being checked."""

    status: DataStatus
    """'none_confirmed' (checked and safe), 'under_investigation' (the notice promises the
    result by next_update_at) or 'affected' (say what, in description)."""
    description: Text | None = None
    """What was checked or what was affected, as a sentence."""

    @model_validator(mode="after")
    def _affected_needs_description(self) -> DataSafety:
        if self.status == "affected" and self.description is None:
            raise ValueError("status is 'affected': describe what data or funds were affected")
        return self


class Cause(_Model):
    """The cause as far as it is known, and the rumours it was not."""

    status: CauseStatus = "unknown"
    """'unknown', 'suspected' (drafted as a first judgement) or 'confirmed'."""
    description: Text | None = None
    """The cause in plain words, as a clause: 机房制冷系统故障 / a cooling failure."""
    not_caused_by: list[Text] = []
    """Rumours to correct: 网传的“黑客攻击” / a cyber attack, as rumoured online."""

    @model_validator(mode="after")
    def _known_cause_needs_description(self) -> Cause:
        if self.status != "unknown" and self.description is None:
            raise ValueError(f"cause status is {self.status!r}: add a description")
        if self.status == "unknown" and self.description is not None:
            raise ValueError("a description is given: set status to 'suspected' or 'confirmed'")
        return self


class TimelineEntry(_Model):
    """Something that happened or was done, at a time."""

    at: Time
    text: Text


class Component(_Model):
    """One region or feature when recovery is staged."""

    name: Text
    state: ComponentState
    since: Time | None = None


class Eta(_Model):
    """An estimated recovery time or window; always drafted as an estimate."""

    earliest: Time | None = None
    latest: Time

    @model_validator(mode="before")
    @classmethod
    def _accept_bare_time(cls, value: Any) -> Any:
        if isinstance(value, datetime | str | int | float):
            return {"latest": value}  # a number is refused as a time there, by name
        return value

    @model_validator(mode="after")
    def _window_in_order(self) -> Eta:
        if self.earliest is not None and self.earliest >= self.latest:
            raise ValueError("eta.earliest must be before eta.latest")
        return self


class CompensationItem(_Model):
    """One thing given: a voucher, a credit, days of membership, a refund, cash."""

    kind: CompensationKind
    amount: Amount | None = None
    """The value of one voucher, credit, refund or cash payment."""
    currency: SafeStr | None = None
    """ISO 4217 code: CNY, USD, HKD."""
    days: Count | None = None
    """Days of membership, for a membership_days item."""
    quantity: Count = 1
    """How many of this item each eligible user gets."""
    description: Text | None = None
    """A short qualifier: 无门槛 / no minimum spend."""

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str | None) -> str | None:
        if value is not None and not is_currency(value.upper()):
            raise ValueError(f"unknown ISO 4217 currency code {value!r}")
        return None if value is None else value.upper()

    @model_validator(mode="after")
    def _amount_fits_kind(self) -> CompensationItem:
        if self.kind == "membership_days":
            if self.days is None:
                raise ValueError("a membership_days item needs 'days'")
        elif self.amount is None or self.currency is None:
            raise ValueError(f"a {self.kind} item needs 'amount' and 'currency'")
        if self.amount is not None and self.currency is not None:
            try:
                check_minor_unit(self.amount, self.currency)
            except ValueError as error:
                raise _CrossFieldError([Problem(("amount",), str(error), "minor_unit")]) from None
        return self


class Compensation(_Model):
    """What one audience gets, who qualifies, and exactly how to get it."""

    audience: Audience = "users"
    items: Annotated[list[CompensationItem], Field(min_length=1)]
    eligibility: Text | None = None
    """Who qualifies, precisely and publicly: 3月29日0:00至12:20期间下单失败的用户."""
    claim_method: Text | None = None
    """Where and how to claim, as a sentence; not needed when automatic."""
    automatic: bool = False
    """True when it is credited without any action; then give delivered_by."""
    delivered_by: Time | None = None
    """When automatic compensation will have arrived."""
    claim_deadline: Time | None = None
    """The last moment to claim (for compensation that must be claimed)."""
    valid_until: Time | None = None
    """Until when a voucher, credit or membership can be used."""
    restrictions: list[Text] = []
    """Caps and conditions, each stated: 每个账户限领一次 / one per account."""
    overcharge_refund: Text | None = None
    """How and by when amounts charged by mistake are refunded."""
    if_not_received: Text | None = None
    """What to do if it does not arrive, as a verb phrase: 拨打客服热线… / call …."""


class Contact(_Model):
    """A customer-service channel: 客服热线 (value 400-000-0000), hours 每日9:00-21:00."""

    channel: Text
    """The channel's name: 客服热线 / Support hotline."""
    value: NonEmpty | None = None
    """A number, address or URL, the same in every language."""
    hours: Text | None = None
    """When it is staffed: 每日9:00-21:00 / daily 09:00-21:00."""


def _one_or_many(value: Any) -> Any:
    # People write a single compensation plan without the list around it.
    return [value] if isinstance(value, Mapping) else value


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
        >>> incident.status
        'investigating'
    """

    organization: Text
    """The company, as it signs its notices: {zh: 优品汇, en: Youpinhui}."""
    service: Text
    """The product or service that failed, as users know it."""
    audiences: Annotated[list[Audience], Field(min_length=1)] = ["users"]
    """Who is affected and addressed: users, merchants, partners, drivers, riders, developers."""
    severity: Severity = "P1"
    """P0: core service unavailable for more than 30 minutes, or data or funds at risk; P1: core
    service down or badly degraded for many users; P2: a feature degraded, workaround exists; P3:
    minor."""
    status: Status = "investigating"
    """Where the response stands now; 'resolved' needs resolved_at."""
    timezone: SafeStr
    """IANA time zone every notice states its times in, e.g. Asia/Shanghai (written 北京时间)."""
    started_at: Time
    """When users were first affected, with its UTC offset: 2026-03-29T00:14:00+08:00."""
    detected_at: Time | None = None
    """When the team noticed; left out, the notices do not claim a detection time."""
    resolved_at: Time | None = None
    """When service was fully restored."""
    published_at: Time
    """When this notice goes out; the ETA and next update must be later."""
    impact: Impact = Impact()
    data: DataSafety | None = None
    """Whether user data and funds are safe; required when impact.involves is not empty."""
    cause: Cause = Cause()
    progress: Text | None = None
    """What changed since the last update (for a progress update)."""
    components: list[Component] = []
    """Per region or feature, when recovery is staged."""
    timeline: list[TimelineEntry] = []
    actions: list[Text] = []
    """What was done to restore service."""
    workaround: Text | None = None
    """What users can do meanwhile, as a verb phrase: 通过网页版下单 / order on the website."""
    eta: Eta | None = None
    """Estimated recovery: a time, or {earliest, latest}; always drafted as an estimate."""
    next_update_at: Time | None = None
    """When the next update will be published."""
    compensation: Annotated[list[Compensation], BeforeValidator(_one_or_many)] = []
    """One plan per audience (users and merchants may get different terms)."""
    prevention: list[Text] = []
    """Concrete, checkable measures, each with a date; never 'this will never happen again'."""
    contacts: list[Contact] = []
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

    @model_validator(mode="after")
    def _times_in_order(self) -> Incident:
        problems = list(_order_problems(self))
        if problems:
            raise _CrossFieldError(problems)
        return self

    @property
    def zone(self) -> ZoneInfo:
        """The zone every draft states its times in."""
        return ZoneInfo(self.timezone)


class _PlanTiming(BaseModel):
    model_config = ConfigDict(extra="ignore")
    audience: Audience = "users"
    claim_deadline: Time | None = None


class _Timing(BaseModel):
    """Just the facts the time-order checks read, so they run even when other fields are invalid."""

    model_config = ConfigDict(extra="ignore")
    audiences: list[Audience] = ["users"]
    status: Status = "investigating"
    started_at: Time
    detected_at: Time | None = None
    resolved_at: Time | None = None
    published_at: Time
    eta: Eta | None = None
    next_update_at: Time | None = None
    compensation: Annotated[list[_PlanTiming], BeforeValidator(_one_or_many)] = []


def _order_problems(incident: Incident | _Timing) -> Iterator[Problem]:
    start = incident.started_at
    if incident.detected_at is not None and incident.detected_at < start:
        yield Problem(("detected_at",), "must not be earlier than started_at", "time_order")
    if incident.resolved_at is not None:
        if incident.resolved_at < start:
            yield Problem(("resolved_at",), "must not be earlier than started_at", "time_order")
    elif incident.status == "resolved":
        yield Problem(("resolved_at",), "status is 'resolved': give resolved_at", "missing")
    if incident.published_at < start:
        yield Problem(("published_at",), "must not be earlier than started_at", "time_order")
    if incident.eta is not None and incident.eta.latest < incident.published_at:
        yield Problem(("eta",), "an ETA must not be earlier than published_at", "time_order")
    if incident.next_update_at is not None and incident.next_update_at <= incident.published_at:
        yield Problem(("next_update_at",), "must be later than published_at", "time_order")
    plans: list[Compensation] | list[_PlanTiming] = incident.compensation
    for i, plan in enumerate[Compensation | _PlanTiming](plans):
        if plan.claim_deadline is not None and plan.claim_deadline < incident.published_at:
            loc = ("compensation", i, "claim_deadline")
            yield Problem(loc, "must not be earlier than published_at", "time_order")
        if plan.audience not in incident.audiences:
            loc = ("compensation", i, "audience")
            yield Problem(loc, f"{plan.audience!r} is not in audiences", "value_error")


class Problem(tuple[tuple[str | int, ...], str, str]):
    """One invalid fact: where (``loc``), what is wrong (``msg``) and its ``type``."""

    __slots__ = ()

    def __new__(cls, loc: tuple[str | int, ...], msg: str, type: str) -> Problem:
        return super().__new__(cls, (loc, msg, type))

    @property
    def loc(self) -> tuple[str | int, ...]:
        return self[0]

    @property
    def msg(self) -> str:
        return self[1]

    @property
    def type(self) -> str:
        return self[2]

    @property
    def path(self) -> str:
        """The field as a dotted path, e.g. ``compensation[0].currency``."""
        return format_loc(self.loc)

    def to_dict(self) -> dict[str, Any]:
        return {"loc": list(self.loc), "msg": self.msg, "type": self.type}


class _CrossFieldError(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.path}: {p.msg}" for p in problems))
        self.problems = problems


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


def format_loc(loc: tuple[str | int, ...]) -> str:
    """Write a pydantic location as a path a person can find in a facts file.

    Examples:
        >>> format_loc(("compensation", 0, "items", 1, "currency"))
        'compensation[0].items[1].currency'
    """
    out = ""
    for part in loc:
        if isinstance(part, str) and unsafe_character(part) is not None:
            part = ascii(part)  # an unknown key is echoed: never echo a terminal escape
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


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
    try:
        return Incident.model_validate(data)
    except ValidationError as error:
        problems = _problems(error)
    # Cross-field checks run only once every field is valid; run them on the times
    # alone too, so one pass reports every problem a person has to fix.
    if not any(p.type == "time_order" for p in problems):
        try:
            timing = _Timing.model_validate(data)
        except ValidationError:
            pass
        else:
            seen = {p.loc for p in problems}
            problems += [p for p in _order_problems(timing) if p.loc not in seen]
    raise FactsError(problems, source)


def _problems(error: ValidationError) -> list[Problem]:
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        loc = tuple(
            p for p in item["loc"] if not (isinstance(p, str) and p.startswith("function-"))
        )
        cross = item.get("ctx", {}).get("error")
        if isinstance(cross, _CrossFieldError):
            problems += [Problem(loc + p.loc, p.msg, p.type) for p in cross.problems]
            continue
        msg = _MESSAGES.get(item["type"], item["msg"].removeprefix("Value error, "))
        problems.append(Problem(loc, msg, item["type"]))
    return problems


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
    return [
        Problem((*loc, lang), f"no {lang} text given for this fact", "missing_translation")
        for loc, text in _texts(incident, ())
        if getattr(text, lang) is None
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
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "crisiscomms incident facts"
    return schema
