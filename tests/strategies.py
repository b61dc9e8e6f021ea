"""Hypothesis strategies for valid incident facts.

Import from any test as ``from strategies import incidents`` (pytest puts
``tests/`` on ``sys.path``). ``incidents()`` draws a *mapping* of facts (what a
user writes in a YAML file, with real ``datetime`` objects) that
``parse_incident`` accepts; ``incident_models()`` draws the validated model.

Free text is drawn from small bilingual phrase pools rather than random
strings: the properties we check (no "None", no empty brackets, the numbers
and times present) are about what the templates add, and a random fact that
happens to contain "None" or "()" would make them meaningless.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from crisiscomms.facts import Incident, parse_incident

#: Zones with a name (北京时间), whole-hour, half-hour, negative and DST offsets.
ZONES = (
    "Asia/Shanghai",
    "UTC",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "America/Los_Angeles",
    "Europe/Berlin",
)

STATUSES = ("investigating", "identified", "mitigating", "recovering", "monitoring", "resolved")

_PHRASES = (
    ("无法登录", "log-in failures"),
    ("无法下单", "orders failing"),
    ("页面加载缓慢", "pages loading slowly"),
    ("支付失败", "payments failing"),
    ("消息发送延迟", "messages arriving late"),
    ("华东地区", "East China"),
    ("北京", "Beijing"),
    ("手机App", "the mobile app"),
    ("网站", "the website"),
    ("数据库主节点故障", "the primary database failed"),
    ("一次配置变更导致服务过载", "a configuration change overloaded the service"),
    ("网传的“遭受攻击”", "an attack, as rumoured online"),
    ("已将流量切换至备用集群", "we moved traffic to the standby cluster"),
    ("增加跨机房容灾演练", "rehearse data-centre failover every quarter"),
    ("在App首页点击“故障补偿”领取", 'tap "Outage compensation" on the home screen'),
    ("故障期间下单失败的用户", "users whose orders failed during the outage"),
    ("拨打客服热线", "call the support hotline"),
    ("每个账户限领一次", "one per account"),
)

AUDIENCES = ("users", "merchants", "passengers", "enterprise_customers")
SENSITIVE = ("accounts", "logins", "payments", "balances", "orders", "personal_data", "transfers")
CURRENCIES = ("CNY", "USD", "EUR", "JPY", "HKD")


def texts() -> st.SearchStrategy[dict[str, str]]:
    """A bilingual free-text fact, given in both languages."""
    return st.sampled_from(_PHRASES).map(lambda pair: {"zh": pair[0], "en": pair[1]})


_PREVENTION = (
    ("4月30日前完成双路供电改造", "add a second power feed by Apr 30"),
    ("5月31日前上线跨机房自动切换", "switch data centres automatically by May 31"),
    ("6月30日前完成全部告警规则复核", "review every alert rule by Jun 30"),
)


def _prevention() -> st.SearchStrategy[dict[str, str]]:
    return st.sampled_from(_PREVENTION).map(lambda pair: {"zh": pair[0], "en": pair[1]})


def text_lists(max_size: int = 3) -> st.SearchStrategy[list[dict[str, str]]]:
    return st.lists(texts(), max_size=max_size, unique_by=lambda t: t["zh"])


def counts() -> st.SearchStrategy[int]:
    """Counts users meet: small, round (800万), nearly round (835万) and ragged (8,351,234)."""
    return st.one_of(
        st.integers(min_value=1, max_value=9_999),
        st.integers(min_value=1, max_value=999).map(lambda n: n * 10_000),
        st.integers(min_value=1, max_value=99).map(lambda n: n * 1_000_000),
        st.integers(min_value=1, max_value=10**10),  # the most a count may be
    )


def scale_entries(audience: str) -> st.SearchStrategy[dict[str, Any]]:
    """How many of ``audience`` are affected: a count, a share, both, all, or not known yet."""
    numbers = st.fixed_dictionaries(
        {
            "audience": st.just(audience),
            "precision": st.sampled_from(["exact", "estimate", "at_least"]),
        },
        optional={"count": counts(), "share_percent": st.sampled_from([0.5, 3, 12, 45.5, 100])},
    ).filter(lambda e: "count" in e or "share_percent" in e)
    return st.one_of(
        numbers,
        st.just({"audience": audience, "all": True}),
        st.just({"audience": audience}),
    )


def amounts() -> st.SearchStrategy[Decimal]:
    """Money amounts as people write them: 10, 200, 9.9, 0.5."""
    return st.one_of(
        st.integers(min_value=1, max_value=5000).map(Decimal),
        st.integers(min_value=1, max_value=99_999).map(lambda n: Decimal(n).scaleb(-2)),
    )


def compensation_items() -> st.SearchStrategy[dict[str, Any]]:
    kinds = ["voucher", "credit", "sla_credit", "refund", "cash", "fee_waiver"]
    value = st.one_of(
        st.fixed_dictionaries(
            {"amount": amounts(), "currency": st.sampled_from(CURRENCIES)}
        ).filter(lambda v: v["currency"] != "JPY" or v["amount"] == v["amount"].to_integral()),
        st.fixed_dictionaries({"percent": st.sampled_from([10, 25, 100]), "of": st.just(_OF)}),
        st.fixed_dictionaries({"basis": st.just(_BASIS)}),
    )
    money_item = st.tuples(
        st.fixed_dictionaries(
            {"kind": st.sampled_from(kinds)},
            optional={"quantity": st.integers(1, 5), "description": texts(), "per": st.just(_PER)},
        ),
        value,
    ).map(lambda pair: {**pair[0], **pair[1]})
    membership = st.one_of(
        st.fixed_dictionaries(
            {"kind": st.just("membership"), "days": st.integers(1, 365)},
            optional={"tier": st.just(_TIER)},
        ),
        st.fixed_dictionaries(
            {"kind": st.just("membership"), "months": st.integers(1, 12)},
            optional={"tier": st.just(_TIER)},
        ),
    )
    return st.one_of(money_item, membership)


_OF = {"zh": "当月服务费", "en": "the monthly fee"}
_BASIS = {"zh": "按SLA条款计算", "en": "as set out in the SLA"}
_PER = {"zh": "每笔受影响订单", "en": "per affected order"}
_TIER = {"zh": "超级会员", "en": "Premium"}
_REFERRAL = {
    "zh": "客户经理将在两个工作日内与您联系",
    "en": "your account manager will contact you within two working days",
}


@st.composite
def _moment(draw: st.DrawFn, base: datetime, min_minutes: int, max_minutes: int) -> datetime:
    # Add in UTC: Python adds wall-clock time when both sides share a ZoneInfo,
    # which lands on times that do not exist across a DST change.
    later = base.astimezone(UTC) + timedelta(minutes=draw(st.integers(min_minutes, max_minutes)))
    return later.astimezone(base.tzinfo)


@st.composite
def incidents(draw: st.DrawFn, complete: bool = False) -> dict[str, Any]:
    """Valid incident facts as a mapping.

    Optional facts are present or absent at random. With ``complete=True``
    every fact that any notice kind asks for is given, so drafting reports no
    missing fact at all.
    """
    zone_name = draw(st.sampled_from(ZONES))
    zone = ZoneInfo(zone_name)
    # Dates across the year (and around DST changes) and across a year boundary.
    started = (
        datetime(2025, 1, 1, tzinfo=UTC)
        + timedelta(minutes=draw(st.integers(0, 2 * 365 * 24 * 60)) // 5 * 5)
    ).astimezone(zone)
    status = draw(st.sampled_from(STATUSES))
    detected = draw(st.none() | _moment(started, 0, 30))
    published = draw(_moment(started, 10, 3 * 24 * 60))
    resolved = None
    if status == "resolved" or complete or draw(st.booleans()):
        span = int((published.astimezone(UTC) - started.astimezone(UTC)).total_seconds() // 60)
        resolved = draw(_moment(started, 1, span))
    audiences = draw(st.lists(st.sampled_from(AUDIENCES), min_size=1, max_size=2, unique=True))
    facts: dict[str, Any] = {
        "organization": {"zh": "示例科技", "en": "Example Tech"},
        "service": {"zh": "示例App", "en": "the Example app"},
        "audiences": audiences,
        "severity": draw(st.sampled_from(["P0", "P1", "P2", "P3"])),
        "status": status,
        "timezone": zone_name,
        "started_at": started,
        "published_at": published,
    }
    if detected is not None:
        facts["detected_at"] = detected
    if resolved is not None:
        facts["resolved_at"] = resolved

    impact: dict[str, Any] = {
        "features": draw(text_lists()),
        "regions": draw(text_lists()),
        "platforms": draw(text_lists()),
        "not_affected": draw(text_lists(1)),
        "involves": draw(st.lists(st.sampled_from(SENSITIVE), max_size=3, unique=True)),
    }
    if draw(st.booleans()):
        impact["kind"] = draw(st.sampled_from(["outage", "degradation", "protective_measure"]))
    rates = st.sampled_from([0.5, 3, 40, 100])
    if draw(st.booleans()):
        impact["requests_failing_percent"] = draw(rates)
    elif draw(st.booleans()):
        impact["error_rates"] = draw(
            st.lists(
                st.fixed_dictionaries(
                    {"percent": rates},
                    optional={
                        "of": st.sampled_from(["requests", "transactions", "network"]),
                        "region": texts(),
                    },
                ),
                min_size=1,
                max_size=2,
            )
        )
    scale = [draw(scale_entries(a)) for a in draw(st.permutations(audiences))]
    if complete:
        # The apology needs the number (of the first audience at least), or a date for it.
        scale = [e if len(e) > 1 else {"audience": e["audience"], "all": True} for e in scale]
        impact["symptoms"] = draw(texts())
    elif draw(st.booleans()):
        impact["symptoms"] = draw(texts())
    impact["scale"] = scale[: draw(st.integers(1 if complete else 0, len(scale)))]
    if draw(st.booleans()):
        impact["scale_final_by"] = draw(_moment(published, 60, 7 * 24 * 60))
    facts["impact"] = impact

    def statement(statuses: list[str], described: list[str]) -> st.SearchStrategy[Any]:
        plain = st.fixed_dictionaries(
            {"status": st.sampled_from(statuses)},
            optional={"description": texts(), "result_by": _moment(published, 30, 24 * 60)},
        )
        told = st.fixed_dictionaries(
            {"status": st.sampled_from(described), "description": texts()},
        )
        return st.one_of(plain, told)

    data = statement(["intact", "under_investigation"], ["lost", "exposed", "restored"])
    funds = statement(["intact", "under_investigation"], ["affected"])
    if complete:
        # Complete facts draft with no finding at all: the linter does not yet read a
        # plain "data was lost / exposed" or "money was affected" as a data statement.
        facts["data"] = draw(statement(["intact", "under_investigation"], ["restored"]))
        if draw(st.booleans()) or set(impact["involves"]) & {"payments", "balances", "transfers"}:
            facts["funds"] = draw(statement(["intact", "under_investigation"], ["intact"]))
    else:
        if draw(st.booleans()):
            facts["data"] = draw(data)
        if draw(st.booleans()):
            facts["funds"] = draw(funds)
    if draw(st.booleans()):
        facts["funds_per_audience"] = [
            {"audience": audience, **draw(funds)}
            for audience in draw(st.lists(st.sampled_from(audiences), max_size=2, unique=True))
        ]

    cause = st.one_of(
        st.just({"status": "unknown"}),
        st.fixed_dictionaries(
            {"status": st.sampled_from(["preliminary", "confirmed"]), "description": texts()},
            optional={
                "not_caused_by": text_lists(2),
                "party": st.sampled_from(["own", "supplier", "customer_config", "external"]),
            },
        ),
    )
    if complete:
        facts["cause"] = {
            "status": "confirmed",
            "description": draw(texts()),
            "party": draw(st.sampled_from(["own", "supplier", "customer_config", "external"])),
        }
    elif draw(st.booleans()):
        facts["cause"] = draw(cause)

    def maybe(key: str, strategy: st.SearchStrategy[Any], required: bool = False) -> None:
        if required or draw(st.booleans()):
            facts[key] = draw(strategy)

    maybe("progress", texts(), complete)
    maybe("workaround", texts())
    maybe("actions", text_lists())
    # Dated, as the checklist asks (an undated measure draws undated-prevention: see
    # test_undated_prevention in test_drafting.py).
    maybe("prevention", st.lists(_prevention(), min_size=1, max_size=3), complete)
    maybe(
        "timeline",
        st.lists(
            st.fixed_dictionaries(
                {"at": _moment(started, 0, _minutes(started, published)), "text": texts()}
            ),
            min_size=1,
            max_size=3,
        ),
        complete,  # the post-incident report asks for it
    )
    maybe(
        "components",
        st.lists(
            st.fixed_dictionaries(
                {
                    "name": texts(),
                    # A resolved incident has every part back (facts say so or are refused).
                    "state": st.sampled_from(
                        ["recovered"]
                        if status == "resolved"
                        else ["down", "degraded", "recovering", "recovered"]
                    ),
                },
                optional={
                    # After the start: a recovered part's since is when it came back.
                    **(
                        {"since": _moment(started, 1, _minutes(started, published))}
                        if _minutes(started, published) >= 1
                        else {}
                    ),
                    "recovered_percent": st.sampled_from([45, 95, 99.5]),
                    "kind": st.sampled_from(["outage", "degradation", "protective_measure"]),
                    "as_of": _moment(started, 0, _minutes(started, published)),
                },
            ),
            min_size=1,
            max_size=2,
        ),
    )
    maybe("next_update_at", _moment(published, 5, 24 * 60), complete)
    maybe("update_every_minutes", st.sampled_from([15, 30, 60, 120, 90]))
    action = st.one_of(
        texts(),
        st.fixed_dictionaries(
            {"text": texts()},
            optional={
                "condition": texts(),
                "audience": st.sampled_from(audiences),
                "safety": st.booleans(),
            },
        ),
    )
    maybe("required_actions", st.lists(action, min_size=1, max_size=2))
    maybe(
        "links",
        st.fixed_dictionaries(
            {},
            optional={
                "status_page": st.just("https://status.example.com"),
                "compensation": st.just("https://www.example.com/compensation"),
            },
        ),
    )
    if draw(st.booleans()):
        latest = draw(_moment(published, 0, 24 * 60))
        choice = draw(st.sampled_from(["time", "window", "unknown"]))
        if choice == "time":
            facts["eta"] = latest
        elif choice == "window":
            earliest = latest - timedelta(minutes=draw(st.integers(5, 120)))
            facts["eta"] = {"earliest": earliest, "latest": latest}
        else:
            facts["eta"] = "unknown"
    maybe(
        "contacts",
        st.lists(
            st.fixed_dictionaries(
                {"channel": texts()},
                optional={"value": st.just("400-000-1234"), "hours": texts()},
            ),
            min_size=1,
            max_size=2,
        ),
        complete,
    )
    maybe("signature", texts())

    if complete or draw(st.booleans()):
        plans = []
        for audience in draw(st.lists(st.sampled_from(audiences), min_size=1, max_size=2)):
            plans.append(draw(compensation_plans(audience, published, complete)))
        # Money taken wrongly: complete facts say how and when it is refunded.
        funds_hit = (facts.get("funds") or {}).get("status") == "affected" or any(
            g.get("status") == "affected" for g in facts.get("funds_per_audience", [])
        )
        if complete and funds_hit and not any("overcharge_refund" in p for p in plans):
            plans[0]["overcharge_refund"] = draw(texts())
        facts["compensation"] = plans
    return facts


@st.composite
def compensation_plans(
    draw: st.DrawFn, audience: str, published: datetime, complete: bool = False
) -> dict[str, Any]:
    """One compensation plan for ``audience``; with ``complete`` nothing it needs is missing."""
    plan: dict[str, Any] = {
        "audience": audience,
        "items": draw(st.lists(compensation_items(), min_size=0, max_size=3)),
        "automatic": draw(st.booleans()),
    }
    if not plan["items"] or draw(st.booleans()):
        # A plan without items is a referral, or the refund of overcharges alone.
        if plan["items"] or draw(st.booleans()):
            plan["referral"] = _REFERRAL
        else:
            plan["overcharge_refund"] = draw(texts())
    later = _moment(published, 60, 60 * 24 * 60)
    optional = {
        "eligibility": texts(),
        "claim_method": texts(),
        "delivered_by": later,
        "claim_deadline": later,
        "if_not_received": texts(),
    }
    for key, strategy in optional.items():
        if complete or draw(st.booleans()):
            plan[key] = draw(strategy)
    validity = draw(st.sampled_from(["valid_until", "valid_for_days", "applies_to", None]))
    if validity is None and complete:
        validity = "valid_until"
    if plan["items"] and all(item["kind"] == "membership" for item in plan["items"]):
        validity = None  # a membership's length is its days or months: it has no validity
    if validity == "valid_until":
        plan["valid_until"] = draw(later)
        if draw(st.booleans()):
            plan["available_from"] = plan["valid_until"] - timedelta(days=draw(st.integers(1, 5)))
    elif validity == "valid_for_days":
        plan["valid_for_days"] = draw(st.integers(1, 90))
        plan["valid_for_days_from"] = draw(st.sampled_from(["issue", "claim"]))
    elif validity == "applies_to":
        plan["applies_to"] = "next_invoice"
    if draw(st.booleans()):
        plan["restrictions"] = draw(st.lists(texts(), min_size=1, max_size=2))
    if draw(st.booleans()):
        plan["overcharge_refund"] = draw(texts())
    return plan


def _minutes(start: datetime, end: datetime) -> int:
    return int((end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() // 60)


def incident_models(complete: bool = False) -> st.SearchStrategy[Incident]:
    """Validated :class:`Incident` objects."""
    return incidents(complete=complete).map(parse_incident)
