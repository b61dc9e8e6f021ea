"""Compensation facts: one plan per audience, each item with exactly one value form.

A plan gives items (a voucher, a service credit, months of membership…) or
refers the audience elsewhere ("your account manager will contact you"), or
both. An item's value is a fixed amount, a percent of something, or a basis
("per the SLA"), optionally per something ("per affected order").
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from babel.numbers import is_currency
from pydantic import Field, field_validator, model_validator

from .factbase import (
    AudienceRef,
    CrossFieldError,
    FactModel,
    Problem,
    Text,
    default_audience,
    no_items,
)
from .facttypes import Amount, Count, Percent, SafeStr, Time, check_minor_unit

ItemKind = Literal["voucher", "credit", "sla_credit", "membership", "refund", "cash", "fee_waiver"]
#: Items that expire, so a plan giving one must say how long it is valid.
EXPIRING: frozenset[str] = frozenset({"voucher", "credit"})


#: What people write for a currency, and its ISO 4217 code.
_CODES = {
    "RMB": "CNY", "人民币": "CNY", "元": "CNY", "¥": "CNY", "￥": "CNY", "HK$": "HKD",
    "港币": "HKD", "港元": "HKD", "NT$": "TWD", "NTD": "TWD", "新台币": "TWD", "新臺幣": "TWD",
    "US$": "USD", "$": "USD", "美元": "USD", "日元": "JPY", "円": "JPY", "YEN": "JPY",
    "€": "EUR", "£": "GBP",
}  # fmt: skip


class CompensationItem(FactModel):
    """One thing given. Value: ``amount``+``currency``, ``percent``+``of``, or ``basis``.

    Examples:
        >>> CompensationItem(kind="membership", months=1, tier=Text(zh="超级会员")).months
        1
        >>> CompensationItem(kind="sla_credit", percent=10, of=Text(en="the monthly fee")).percent
        10.0
    """

    kind: ItemKind
    """voucher, credit (account balance), sla_credit (service credit under the SLA, not a
    balance), membership (days or months), refund, cash or fee_waiver."""
    amount: Amount | None = None
    """A fixed value, exact in the currency's minor unit (10, 9.90; not 0.001 CNY)."""
    currency: SafeStr | None = None
    """ISO 4217 code of the amount: CNY, USD, HKD."""
    percent: Percent | None = None
    """A share of something (give ``of``): 10 for 10% of the monthly fee."""
    of: Text | None = None
    """What the percent is of, as a noun phrase: 当月服务费 / the monthly fee."""
    basis: Text | None = None
    """A value set by a rule rather than a number: 按SLA条款 / per the SLA terms."""
    per: Text | None = None
    """What one unit is given for: 每笔受影响订单 / per affected order."""
    days: Annotated[Count, Field(le=3660)] | None = None
    """Days of membership (kind membership)."""
    months: Annotated[Count, Field(le=120)] | None = None
    """Months of membership (kind membership)."""
    tier: Text | None = None
    """The membership tier given: 超级会员 / Premium."""
    quantity: Annotated[Count, Field(le=1000)] = 1
    """How many of this item each eligible person gets."""
    description: Text | None = None
    """A short qualifier: 无门槛 / no minimum spend."""

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str | None) -> str | None:
        if value is not None and not is_currency(value.upper()):
            meant = _CODES.get(value.strip().upper())
            hint = f"; write {meant}" if meant else " (CNY, HKD, TWD, USD, JPY…)"
            raise ValueError(f"unknown ISO 4217 currency code {value!r}{hint}")
        return None if value is None else value.upper()

    @model_validator(mode="after")
    def _one_value_form(self) -> CompensationItem:
        if self.kind == "membership":
            if (self.days is None) == (self.months is None):
                raise ValueError("a membership item needs either 'days' or 'months'")
            if self.amount is not None or self.percent is not None or self.basis is not None:
                raise ValueError("a membership item is given in days or months, not an amount")
            return self
        if self.days is not None or self.months is not None or self.tier is not None:
            raise ValueError(f"days, months and tier belong to membership items, not {self.kind}")
        forms = [
            name
            for name, given in (
                ("amount", self.amount is not None or self.currency is not None),
                ("percent", self.percent is not None or self.of is not None),
                ("basis", self.basis is not None),
            )
            if given
        ]
        if len(forms) != 1:
            raise ValueError(
                f"a {self.kind} item needs exactly one value: amount+currency, "
                f"percent+of, or basis (given: {', '.join(forms) or 'none'})"
            )
        if forms == ["amount"]:
            if self.amount is None or self.currency is None:
                raise ValueError(f"a {self.kind} item needs both 'amount' and 'currency'")
            try:
                check_minor_unit(self.amount, self.currency)
            except ValueError as error:  # name the amount, not the whole item
                raise CrossFieldError([Problem(("amount",), str(error), "minor_unit")]) from None
        if forms == ["percent"] and (self.percent is None or self.of is None):
            raise ValueError("a percent value needs both 'percent' and 'of'")
        return self


class Compensation(FactModel):
    """What one audience gets, who qualifies, and exactly how to get it."""

    audience: AudienceRef = Field(default_factory=default_audience)
    """Whose plan this is; must be one of the incident's audiences."""
    items: list[CompensationItem] = Field(default_factory=no_items)
    """What each eligible person gets; may be empty when ``referral`` says where to go, or
    when the plan is the refund of overcharges alone (``overcharge_refund``)."""
    referral: Text | None = None
    """Where this audience is handled instead, as a sentence: 客户经理将与您联系 / your account
    manager will contact you."""
    eligibility: Text | None = None
    """Who qualifies, precisely and publicly: 3月29日0:00至12:20期间下单失败的用户."""
    claim_method: Text | None = None
    """Where and how to claim, as a sentence. When automatic, how it reaches people if that
    is more than being credited (无需申请，从9月及以后的账单中扣减): the notices then say it in
    these words, and delivered_by is not asked for."""
    automatic: bool = False
    """True when it is credited without any action; then give delivered_by."""
    delivered_by: Time | None = None
    """When automatic compensation will have arrived."""
    claim_deadline: Time | None = None
    """The last moment to claim (for compensation that must be claimed)."""
    valid_until: Time | None = None
    """Until when a voucher or credit can be used (or give valid_for_days, or applies_to)."""
    valid_for_days: Annotated[Count, Field(le=3660)] | None = None
    """Valid for this many days from when it is issued (or claimed: valid_for_days_from)."""
    valid_for_days_from: Literal["issue", "claim"] = "issue"
    """What valid_for_days counts from: issue (发放) or claim (领取)."""
    available_from: Time | None = None
    """When it can first be used, if later than it is issued: usable 10-12 to 10-16."""
    applies_to: Literal["next_invoice"] | None = None
    """next_invoice: deducted from the next invoice, nothing to spend or expire."""
    restrictions: list[Text] = Field(default_factory=no_items)
    """Caps and conditions, each stated: 每个账户限领一次 / one per account."""
    overcharge_refund: Text | None = None
    """How and by when amounts charged by mistake are refunded, as a clause: 多扣款项将于3个
    工作日内原路退回 / overcharges go back to the card within 3 working days. When the
    incident's funds were affected (funds.status: affected), the compensation notice asks
    for it."""
    if_not_received: Text | None = None
    """What to do if it does not arrive, as a verb phrase: 拨打客服热线… / call …."""

    @model_validator(mode="after")
    def _something_given(self) -> Compensation:
        if not self.items and self.referral is None and self.overcharge_refund is None:
            raise ValueError(
                "a plan needs items, a referral saying where this audience goes, or an"
                " overcharge_refund saying how and when overcharges are refunded"
            )
        validity = [
            name
            for name in ("valid_until", "valid_for_days", "applies_to")
            if getattr(self, name) is not None
        ]
        if len(validity) > 1:
            raise ValueError(f"give one validity, not {' and '.join(validity)}")
        if validity and self.items and all(item.kind == "membership" for item in self.items):
            # Trial F: 5 days of a membership were drafted "valid for 30 days from issue".
            raise ValueError(
                f"{validity[0]} is the validity of a voucher or credit: a membership's length"
                " is its days or months"
            )
        start, end = self.available_from, self.valid_until
        if start is not None and end is not None and start >= end:
            raise ValueError("available_from must be before valid_until")
        return self

    @property
    def expires(self) -> bool:
        """True when an item expires (a voucher or credit): then the plan needs a validity."""
        return any(item.kind in EXPIRING for item in self.items)

    def times(self) -> list[tuple[str, datetime]]:
        """Return (field, time) for each time this plan holds."""
        return [
            (name, at)
            for name in ("delivered_by", "claim_deadline", "valid_until")
            if (at := getattr(self, name)) is not None
        ]
