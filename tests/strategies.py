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

AUDIENCES = ("users", "merchants")
SENSITIVE = ("accounts", "logins", "payments", "orders", "personal_data")
CURRENCIES = ("CNY", "USD", "EUR", "JPY", "HKD")


def texts() -> st.SearchStrategy[dict[str, str]]:
    """A bilingual free-text fact, given in both languages."""
    return st.sampled_from(_PHRASES).map(lambda pair: {"zh": pair[0], "en": pair[1]})


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


def affected() -> st.SearchStrategy[dict[str, Any]]:
    known = st.fixed_dictionaries(
        {"count": counts(), "precision": st.sampled_from(["exact", "estimate"])},
        optional={
            "share_percent": st.sampled_from([0.5, 3, 12, 45.5, 100]),
            "audience": st.sampled_from(AUDIENCES),
        },
    )
    unknown = st.fixed_dictionaries(
        {"precision": st.just("unknown")}, optional={"audience": st.sampled_from(AUDIENCES)}
    )
    return st.one_of(known, unknown)


def amounts() -> st.SearchStrategy[Decimal]:
    """Money amounts as people write them: 10, 200, 9.9, 0.5."""
    return st.one_of(
        st.integers(min_value=1, max_value=5000).map(Decimal),
        st.integers(min_value=1, max_value=99_999).map(lambda n: Decimal(n).scaleb(-2)),
    )


def compensation_items() -> st.SearchStrategy[dict[str, Any]]:
    # An amount must be exact in its currency's smallest unit: yen have no decimals.
    money_item = st.sampled_from(CURRENCIES).flatmap(
        lambda currency: st.fixed_dictionaries(
            {
                "kind": st.sampled_from(["voucher", "credit", "refund", "cash"]),
                "amount": amounts().filter(lambda a: currency != "JPY" or a == a.to_integral()),
                "currency": st.just(currency),
            },
            optional={"quantity": st.integers(1, 5), "description": texts()},
        )
    )
    days_item = st.fixed_dictionaries(
        {"kind": st.just("membership_days"), "days": st.integers(1, 365)}
    )
    return st.one_of(money_item, days_item)


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
        "involves": draw(st.lists(st.sampled_from(SENSITIVE), max_size=2, unique=True)),
    }
    if complete:
        impact["affected"] = {
            "count": draw(counts()),
            "precision": draw(st.sampled_from(["exact", "estimate"])),
        }
        impact["symptoms"] = draw(texts())
    else:
        impact["affected"] = draw(affected())
        if draw(st.booleans()):
            impact["symptoms"] = draw(texts())
    facts["impact"] = impact

    data = st.one_of(
        st.fixed_dictionaries(
            {"status": st.sampled_from(["none_confirmed", "under_investigation"])},
            optional={"description": texts()},
        ),
        st.fixed_dictionaries({"status": st.just("affected"), "description": texts()}),
    )
    if complete:
        # "under_investigation" needs a next update time in the apology; keep it simple.
        facts["data"] = draw(
            st.fixed_dictionaries(
                {"status": st.sampled_from(["none_confirmed", "affected"]), "description": texts()}
            )
        )
    elif draw(st.booleans()):
        facts["data"] = draw(data)

    cause = st.one_of(
        st.just({"status": "unknown"}),
        st.fixed_dictionaries(
            {"status": st.sampled_from(["suspected", "confirmed"]), "description": texts()},
            optional={"not_caused_by": text_lists(2)},
        ),
    )
    if complete:
        facts["cause"] = {"status": "confirmed", "description": draw(texts())}
    elif draw(st.booleans()):
        facts["cause"] = draw(cause)

    def maybe(key: str, strategy: st.SearchStrategy[Any], required: bool = False) -> None:
        if required or draw(st.booleans()):
            facts[key] = draw(strategy)

    maybe("progress", texts(), complete)
    maybe("workaround", texts())
    maybe("actions", text_lists())
    maybe("prevention", st.lists(texts(), min_size=1, max_size=3), complete)
    maybe(
        "timeline",
        st.lists(
            st.fixed_dictionaries({"at": _moment(started, 0, 600), "text": texts()}),
            min_size=1,
            max_size=3,
        ),
    )
    maybe(
        "components",
        st.lists(
            st.fixed_dictionaries(
                {
                    "name": texts(),
                    "state": st.sampled_from(["down", "degraded", "recovering", "recovered"]),
                },
                optional={"since": _moment(started, 0, 600)},
            ),
            min_size=1,
            max_size=2,
        ),
    )
    maybe("next_update_at", _moment(published, 5, 24 * 60), complete)
    if draw(st.booleans()):
        latest = draw(_moment(published, 0, 24 * 60))
        if draw(st.booleans()):
            facts["eta"] = latest
        else:
            earliest = latest - timedelta(minutes=draw(st.integers(5, 120)))
            facts["eta"] = {"earliest": earliest, "latest": latest}
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
        facts["compensation"] = plans
    return facts


@st.composite
def compensation_plans(
    draw: st.DrawFn, audience: str, published: datetime, complete: bool = False
) -> dict[str, Any]:
    """One compensation plan for ``audience``; with ``complete`` nothing it needs is missing."""
    plan: dict[str, Any] = {
        "audience": audience,
        "items": draw(st.lists(compensation_items(), min_size=1, max_size=3)),
        "automatic": draw(st.booleans()),
    }
    later = _moment(published, 60, 60 * 24 * 60)
    optional = {
        "eligibility": texts(),
        "claim_method": texts(),
        "delivered_by": later,
        "claim_deadline": later,
        "valid_until": later,
        "if_not_received": texts(),
    }
    for key, strategy in optional.items():
        if complete or draw(st.booleans()):
            plan[key] = draw(strategy)
    if draw(st.booleans()):
        plan["restrictions"] = draw(st.lists(texts(), min_size=1, max_size=2))
    if draw(st.booleans()):
        plan["overcharge_refund"] = draw(texts())
    return plan


def incident_models(complete: bool = False) -> st.SearchStrategy[Incident]:
    """Validated :class:`Incident` objects."""
    return incidents(complete=complete).map(parse_incident)
