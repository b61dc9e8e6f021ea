"""The parts of the incident facts: scale, impact, data, funds, cause, times, contacts.

:class:`crisiscomms.facts.Incident` puts them together; each part checks only
itself, the checks across parts are in :mod:`crisiscomms.factrules`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from .factbase import (
    AudienceRef,
    Count,
    FactModel,
    HttpsUrl,
    NonEmpty,
    Percent,
    Text,
    Time,
    default_audience,
    no_items,
    one_or_many,
)

_Model = FactModel

Severity = Literal["P0", "P1", "P2", "P3"]
Status = Literal[
    "investigating", "identified", "mitigating", "recovering", "monitoring", "resolved"
]
Precision = Literal["exact", "estimate", "at_least"]
ImpactKind = Literal["outage", "degradation", "protective_measure"]
Sensitive = Literal[
    "accounts", "logins", "payments", "balances", "orders", "personal_data", "transfers"
]
#: What a data statement must answer for, and what a funds statement must.
DATA_AREAS: frozenset[str] = frozenset({"accounts", "logins", "orders", "personal_data"})
FUNDS_AREAS: frozenset[str] = frozenset({"payments", "balances", "transfers"})
DataStatus = Literal["intact", "under_investigation", "lost", "exposed", "restored"]
FundsStatus = Literal["intact", "under_investigation", "affected"]
CauseStatus = Literal["unknown", "preliminary", "confirmed"]
CauseParty = Literal["own", "supplier", "customer_config", "external"]
ComponentState = Literal["down", "degraded", "recovering", "recovered"]
ErrorBasis = Literal["requests", "transactions", "network"]


class Scale(_Model):
    """How many of one audience are affected: a count, a share, both, or all of them.

    Nothing given means the number is still being counted; the drafts say so and,
    after recovery, when it will be published (``impact.scale_final_by``).
    """

    audience: AudienceRef = Field(default_factory=default_audience)
    """Who is counted; one of the incident's audiences."""
    count: Count | None = None
    """How many: 8000000. Leave out when nobody knows yet."""
    share_percent: Percent | None = None
    """The share of all of them, 0-100: 15 for about 15% of customers."""
    all: bool = False
    """True when every one of them is affected (give no count or share then)."""
    precision: Precision | None = None
    """exact, estimate (drafted as 约 / about) or at_least (a lower bound: 超过 / more than);
    required with a count or share."""

    @model_validator(mode="after")
    def _numbers_and_precision(self) -> Scale:
        numbers = self.count is not None or self.share_percent is not None
        if self.all and numbers:
            raise ValueError("all: true stands alone; leave out count and share_percent")
        if numbers and self.precision is None:
            raise ValueError("say whether the numbers are exact or an estimate (precision)")
        if not numbers and self.precision is not None:
            raise ValueError(f"precision is {self.precision!r} but no count or share is given")
        return self

    @property
    def known(self) -> bool:
        return self.all or self.count is not None or self.share_percent is not None


class ErrorRate(_Model):
    """A share of requests, transactions or the network that fails: never a share of users."""

    percent: Percent
    """The share that fails: 10.2 for 10.2%; drafted as about 10.2% (约有10.2%)."""
    of: ErrorBasis = "requests"
    """What the share is of: requests (calls to the service), transactions (payments, card
    authorisations) or network (the share of a CDN's or carrier's network returning errors)."""
    region: Text | None = None
    """Where this rate applies, when rates differ by region: 欧洲 / Europe."""


class Impact(_Model):
    """What users notice, where, on what, and how many of them."""

    kind: ImpactKind | None = None
    """outage (service unavailable), degradation (errors, slowness, some features failing) or
    protective_measure (restricted on purpose, e.g. accounts locked to stop an attack). Left
    out, the notices use neutral words (服务异常 / service disruption)."""
    symptoms: Text | None = None
    """What users see, as a noun phrase that fits any tense: 页面无法加载、无法下单 / pages not
    loading, orders failing."""
    features: list[Text] = Field(default_factory=no_items)
    regions: list[Text] = Field(default_factory=no_items)
    platforms: list[Text] = Field(default_factory=no_items)
    not_affected: list[Text] = Field(default_factory=no_items)
    """What still works, stated so readers need not ask."""
    involves: list[Sensitive] = Field(default_factory=no_items)
    """Sensitive areas hit. accounts, logins, orders, personal_data call for a data statement
    (``data``); payments, balances, transfers for a funds statement (``funds``)."""
    scale: Annotated[list[Scale], BeforeValidator(one_or_many)] = Field(default_factory=no_items)
    """How many are affected, one entry per audience; empty: still being counted."""
    scale_final_by: Time | None = None
    """When the final number affected will be published, if it is not final yet."""
    requests_failing_percent: Percent | None = None
    """Share of requests that fail (an error rate), NOT a share of users: short for
    error_rates: [{percent, of: requests}]."""
    error_rates: list[ErrorRate] = Field(default_factory=no_items)
    """Error rates with what they are a share of and where: [{percent: 10.2, of: transactions,
    region: {zh: 欧洲, en: Europe}}]. Not a share of users (that is scale)."""

    @model_validator(mode="before")
    @classmethod
    def _one_error_rate_field(cls, value: Any) -> Any:
        # requests_failing_percent is the short form of one error rate of requests.
        if not isinstance(value, dict) or value.get("requests_failing_percent") is None:
            return value
        if value.get("error_rates"):
            raise ValueError(
                "give the error rate once: error_rates (with of and region), "
                "or requests_failing_percent, not both"
            )
        rate = {"percent": value["requests_failing_percent"], "of": "requests"}
        return {**value, "error_rates": [rate]}


class DataStatement(_Model):
    """What happened to user data (accounts, orders, personal data): never implied by funds."""

    status: DataStatus
    """intact (checked: nothing lost or exposed), under_investigation (result by result_by or
    the next update), lost, exposed, or restored (affected, then restored in full)."""
    description: Text | None = None
    """What was checked, lost, exposed or restored, as a sentence."""
    result_by: Time | None = None
    """When the result of the check will be published (under_investigation)."""

    @model_validator(mode="after")
    def _say_what(self) -> DataStatement:
        if self.status in ("lost", "exposed", "restored") and self.description is None:
            raise ValueError(f"data status is {self.status!r}: describe what, in description")
        return self


class FundsStatement(_Model):
    """What happened to money (payments, balances, transfers): stated only when given."""

    status: FundsStatus
    """intact (balances and payments verified correct), under_investigation, or affected
    (say what went wrong in description, and how and when it is refunded in a compensation
    plan's overcharge_refund: the compensation notice asks for it)."""
    description: Text | None = None
    """What was verified, or what went wrong, as a sentence."""
    result_by: Time | None = None
    """When the result of the check will be published (under_investigation)."""

    @model_validator(mode="after")
    def _say_what(self) -> FundsStatement:
        if self.status == "affected" and self.description is None:
            raise ValueError("funds status is 'affected': describe what, and how it is put right")
        return self


class AudienceFunds(FundsStatement):
    """What happened to one audience's money, when audiences differ (passengers' overcharges,
    drivers' delayed rewards; cardholders and merchants)."""

    audience: AudienceRef
    """Whose money this statement is about: an audience id of ``audiences``."""


class Cause(_Model):
    """The cause as far as it is known, and the rumours it was not."""

    status: CauseStatus = "unknown"
    """unknown; preliminary (the area is known, details still under investigation, drafted as
    初步判断…与…有关); confirmed (drafted as 经排查，本次故障由…引起)."""
    description: Text | None = None
    """The cause as a noun phrase that fits 由…引起 / caused by …: 机房制冷系统故障 / a cooling
    failure in the data centre."""
    not_caused_by: list[Text] = Field(default_factory=no_items)
    """Rumours to correct: 网传的“黑客攻击” / a cyber attack, as rumoured online."""
    party: CauseParty = "own"
    """Where the fault arose: own (our systems or work, the default); supplier (equipment or a
    service we buy: a telecom operator's data centre, a power contractor); customer_config (a
    customer's valid action set off a fault of ours); external (an outside event: a storm, a
    grid failure). The notices state the cause as described and, for any party but our own,
    that it is still our responsibility: never the supplier's or the customer's fault."""

    @model_validator(mode="after")
    def _known_cause_needs_description(self) -> Cause:
        if self.status != "unknown" and self.description is None:
            raise ValueError(f"cause status is {self.status!r}: add a description")
        if self.status == "unknown" and self.description is not None:
            raise ValueError("a description is given: set status to 'preliminary' or 'confirmed'")
        if self.status == "unknown" and self.party != "own":
            raise ValueError(
                f"party is {self.party!r} but the cause is unknown: give the cause "
                "(status preliminary or confirmed, and a description) or leave party out"
            )
        return self


def _bare_action(value: Any) -> Any:
    """Accept a required action written as bare text: {zh: ..., en: ...}."""
    if isinstance(value, dict) and "text" not in value:
        return {"text": value}
    return value


class RequiredAction(_Model):
    """Something users must do: for everyone or one audience, always or under a condition."""

    text: Text
    """What to do, as a verb phrase drafted as an instruction (请… / Please …): 前往网点或致电客服
    重置密码 / reset your password at a branch or through the hotline."""
    condition: Text | None = None
    """When it applies, as a clause drafted 如果… / If …: 您的手机无法拨打紧急电话000 / your
    phone cannot reach 000."""
    audience: AudienceRef | None = None
    """Who must do it (an audience id or your own); left out, everyone the notice addresses."""
    safety: bool = False
    """A safety instruction (emergency calls, a device that will not start): drafted first,
    under 安全提示 / For your safety, while service is not back."""


RequiredActionRef = Annotated[
    RequiredAction, BeforeValidator(_bare_action, json_schema_input_type=Text | RequiredAction)
]


class TimelineEntry(_Model):
    """Something that happened or was done, at a time."""

    at: Time
    text: Text


class Component(_Model):
    """One region or feature when recovery is staged."""

    name: Text
    state: ComponentState
    since: Time | None = None
    """When this part entered its state: for a recovered part, when it came back (drafted
    "back to normal since 11:40" / 11:40起已恢复); for a part still down, degraded or
    recovering, when that began. Not the outage's start, unless the part did go down then."""
    kind: ImpactKind | None = None
    """What befell this part, when parts differ: outage, degradation or protective_measure (a
    ground stop while the system is down). Still-affected parts are drafted outage first."""
    recovered_percent: Percent | None = None
    """How much of it is back, while it is recovering: 45 for 45% of affected customers' sites
    (drafted 已恢复45% / 45% back); with as_of, the time that share was measured."""
    as_of: Time | None = None
    """When recovered_percent was measured; left out, as of this notice."""


class Eta(_Model):
    """An estimated recovery time or window; always drafted as an estimate."""

    earliest: Time | None = None
    latest: Time

    @model_validator(mode="before")
    @classmethod
    def _accept_bare_time(cls, value: Any) -> Any:
        if isinstance(value, datetime | int | float) or (
            isinstance(value, str) and value != "unknown"
        ):
            return {"latest": value}  # a number is refused as a time there, by name
        return value

    @model_validator(mode="after")
    def _window_in_order(self) -> Eta:
        if self.earliest is not None and self.earliest >= self.latest:
            raise ValueError("eta.earliest must be before eta.latest")
        return self


class Contact(_Model):
    """A customer-service channel: 客服热线 (value 400-000-0000), hours 每日9:00-21:00."""

    channel: Text
    """The channel's name: 客服热线 / Support hotline."""
    value: NonEmpty | None = None
    """A number, address or URL, the same in every language."""
    hours: Text | None = None
    """When it is staffed: 每日9:00-21:00 / daily 09:00-21:00."""


class Links(_Model):
    """Public pages a notice can point to (https only)."""

    notice: HttpsUrl | None = None
    """This notice's permanent page."""
    status_page: HttpsUrl | None = None
    """The live status page."""
    compensation: HttpsUrl | None = None
    """The page where compensation is explained or claimed."""
