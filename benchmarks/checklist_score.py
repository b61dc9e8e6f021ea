"""Score the drafts of real incidents against the checklist items a machine can check.

Every facts file in ``tests/incidents/`` is drafted in every kind, in zh and en.
For each draft, each item of ``CHECKLISTS.md`` that a program can check and
that the facts support (a start time with its zone, the next-update time, the
data and funds statements, the scale in numbers, the cause as far as it is
known, what was not affected, prevention, contact, every compensation term...)
is either in the text or not. Items the facts do not support are not counted:
the drafts then show a placeholder, which is what they should do.

On top of the items, per kind and language, the script counts:

- ``unsupported``: ``unsupported-claim`` findings of ``check_draft`` (a claim the
  facts do not hold);
- ``mismatch``: ``fact-mismatch`` findings of ``check_draft`` (a number or time
  that disagrees with the facts);
- ``parity``: ``parity-mismatch`` findings of ``check_parity`` on the zh/en pair
  (counted on the zh side, where the pair is drafted from the same facts);
- ``lint``: the draft's own findings (the linter, with the kind's completeness
  checks) beyond the ``missing-*`` placeholders the missing facts call for, in the
  templates' own wording; findings inside a free-text
  fact (the organisation's own vague words, 部分用户 / some customers, kept as the
  facts say them) are counted apart as ``lint-facts``, and those not yet decided by hand in
  ``tests/incidents/lint_facts.toml`` (a missing fact the words stand for, or a linter false
  positive) as ``lf-open``;
- ``slips``: wording slips a program can spot (a doubled word such as 服务服务,
  "a" before a vowel, a count with no measure word, a double space).

The target (issue 9): 100% of the supported items, and zero in the four counts and in ``lf-open``.

    python benchmarks/checklist_score.py              # the table
    python benchmarks/checklist_score.py --details    # plus every miss and finding
    python benchmarks/checklist_score.py --show lint-facts   # each finding inside a fact
    python benchmarks/checklist_score.py --json score.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from crisiscomms.drafting import Draft, draft_all
from crisiscomms.factcheck import check_draft, check_parity
from crisiscomms.factcheck.mention import Mention, close
from crisiscomms.factcheck.quantities import find_mentions
from crisiscomms.factfiles import read_facts
from crisiscomms.facts import Incident, Text
from crisiscomms.formatting import Formatter
from crisiscomms.kinds import DEFAULT_LANGS as DRAFT_LANGS
from crisiscomms.kinds import KINDS

ROOT = Path(__file__).resolve().parents[1]
INCIDENTS = ROOT / "tests" / "incidents"
DECISIONS = INCIDENTS / "lint_facts.toml"

PLACEHOLDER = re.compile(r"【待补充[：:][^】]*】|\[TO FILL:[^\]]*\]")
APOLOGY = {"zh": re.compile(r"道歉|歉意|抱歉|致歉"), "en": re.compile(r"(?i)\bapolog|\bsorry\b")}
AUTOMATIC = {
    "zh": re.compile(r"无需(?:任何)?操作|自动(?:发放|到账|抵扣|计入|退还|返还)|无需申请|无需领取"),
    "en": re.compile(r"(?i)do not need to do anything|automatic|no need to (?:claim|apply|do)"),
}
NEXT_INVOICE = {
    "zh": re.compile(r"下(?:一)?期账单|下月账单"),
    "en": re.compile(r"(?i)next (?:bill|invoice)"),
}
DATA_WORDS = {"zh": re.compile(r"数据|信息"), "en": re.compile(r"(?i)\bdata\b|\binformation\b")}
FUNDS_WORDS = {
    "zh": re.compile(r"资金|款项|余额|扣费|扣款|退还|退回|支付|账务"),
    "en": re.compile(r"(?i)\bmoney\b|\bfunds?\b|\bpayments?\b|\brefund|\bbalance|\bcharged?\b"),
}
UNIT_WORDS = {
    "days": {"zh": "天", "en": r"days?"},
    "months": {"zh": r"个月", "en": r"months?"},
}


@dataclass(frozen=True)
class Item:
    """One checklist item for one draft: what it checks, and whether the text has it."""

    name: str
    ok: bool
    detail: str = ""


@dataclass
class Score:
    """What one draft scored."""

    path: str
    kind: str
    lang: str
    items: list[Item] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    mismatch: list[str] = field(default_factory=list)
    parity: list[str] = field(default_factory=list)
    lint: list[str] = field(default_factory=list)
    lint_facts: list[str] = field(default_factory=list)
    #: The same findings as ``lint_facts``, each as (rule, excerpt, the fact's text it lies in).
    lint_facts_found: list[tuple[str, str, str]] = field(default_factory=list)
    #: The findings in ``lint_facts`` that no decision in ``lint_facts.toml`` accounts for.
    lint_facts_open: list[str] = field(default_factory=list)
    slips: list[str] = field(default_factory=list)


#: Wording slips a reader notices at once and a program can spot: a doubled word where a
#: name ends in the word the template adds (…服务服务中断), "a" before a vowel, a count with
#: no measure word (共有138,150，), a double space, a doubled 请.
SLIPS = {
    "zh": (
        ("doubled word", re.compile(r"(服务|系统|平台)\1")),
        ("count without a measure word", re.compile(r"共有[\d,.]+(?:万|亿)?[。，；]")),
        ("doubled 请", re.compile(r"请[^。；\n]{0,6}请")),
    ),
    "en": (
        ("'a' before a vowel", re.compile(r"\ba (?=[aeio])", re.IGNORECASE)),
        ("double space", re.compile(r"\S  +\S")),
        ("'Please if'", re.compile(r"\bPlease if\b")),
    ),
}


def slips(text: str, lang: str) -> list[str]:
    """Return the wording slips in a draft, each as 'what: excerpt'."""
    return [
        f"{name}: {match.group(0).strip()}"
        for name, pattern in SLIPS[lang]
        for match in pattern.finditer(PLACEHOLDER.sub("", text))
    ]


# --- reading the text -------------------------------------------------------------------------


def _norm(text: str, lang: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text.lower() if lang == "en" else text


def says(text: str, fact: Text | None, lang: str) -> bool:
    """Return True when the draft carries the free-text fact in ``lang`` (case aside in en)."""
    if fact is None:
        return True
    value = getattr(fact, lang, None)
    if value is None:
        return False
    wanted = _norm(value, lang).rstrip("。.；;，, ")
    return wanted in _norm(text, lang)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\n\s*\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _block_of(text: str, index: int) -> str:
    for start, end in _blocks(text):
        if start <= index <= end:
            return text[start:end]
    return text


def states_time(text: str, when: datetime, fmt: Formatter, mentions: list[Mention]) -> bool:
    """Return True when a clock time in the text is ``when``, with the zone in its paragraph."""
    local = when.astimezone(fmt.zone)
    offset = int((local.utcoffset() or timedelta(0)).total_seconds() // 60)
    label = fmt.zone_label(when)
    for m in mentions:
        if m.kind != "clock" or local.hour not in m.hours or m.minute != local.minute:
            continue
        if m.month is not None and (m.month, m.day) != (local.month, local.day):
            continue
        if m.offset == offset or label in _block_of(text, m.start):
            return True
    return False


def states_number(
    mentions: list[Mention], kinds: Iterable[str], value: Decimal, currency: str | None = None
) -> bool:
    """Return True when a count, percent or amount in the text agrees with ``value``."""
    wanted = set(kinds)
    for m in mentions:
        if m.kind not in wanted or not close(m, value):
            continue
        if (
            currency is not None
            and m.currency not in (None, currency)
            and currency not in (m.currency or "")
        ):
            continue
        return True
    return False


def states_units(text: str, number: int, unit: str, lang: str) -> bool:
    """Return True when ``3天`` / ``3 days`` (or months) is in the text."""
    pattern = UNIT_WORDS[unit][lang]
    gap = r"\s*" if lang == "zh" else r"\s+"
    return re.search(rf"(?<![\d.]){number}{gap}(?:{pattern})", text) is not None


def states_duration(text: str, span: timedelta, fmt: Formatter, mentions: list[Mention]) -> bool:
    """Return True when the text states the duration, as one mention or as the library writes it."""
    seconds = Decimal(int(span.total_seconds()))
    if any(m.kind == "duration" and close(m, seconds) for m in mentions):
        return True
    return fmt.duration(span) in text


def free_texts(value: Any) -> Iterator[Text]:
    """Yield every free-text fact in the facts, depth first."""
    if isinstance(value, Text):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from free_texts(getattr(value, name))
    elif isinstance(value, list | tuple):
        for entry in value:
            yield from free_texts(entry)


def fact_spans(text: str, incident: Incident, lang: str) -> list[tuple[int, int, str]]:
    """Return where the free-text facts stand in the draft (their words, not the template's),
    each span with the fact's own text."""
    spans: list[tuple[int, int, str]] = []
    folded = text.lower() if lang == "en" else text
    for fact in free_texts(incident):
        value = getattr(fact, lang, None)
        if not value:
            continue
        needle = value.lower() if lang == "en" else value
        start = folded.find(needle)
        while start != -1:
            spans.append((start, start + len(needle), value))
            start = folded.find(needle, start + 1)
    return spans


# --- the checklist ----------------------------------------------------------------------------


Check = Callable[["Context"], Iterator[Item]]


@dataclass
class Context:
    incident: Incident
    text: str
    lang: str
    fmt: Formatter
    mentions: list[Mention]

    def item(self, name: str, ok: bool, detail: str = "") -> Item:
        return Item(name, ok, detail)


def _plain(text: Text | None, lang: str) -> str:
    return "" if text is None else str(getattr(text, lang, "") or "")


def check_symptoms(c: Context) -> Iterator[Item]:
    if c.incident.impact.symptoms is not None:
        yield c.item("symptoms", says(c.text, c.incident.impact.symptoms, c.lang))


def check_where(c: Context) -> Iterator[Item]:
    impact = c.incident.impact
    for group, values in (
        ("region", impact.regions),
        ("feature", impact.features),
        ("platform", impact.platforms),
    ):
        for value in values:
            yield c.item(f"affected {group}", says(c.text, value, c.lang), _plain(value, "en"))


def check_start(c: Context) -> Iterator[Item]:
    yield c.item(
        "start time with zone", states_time(c.text, c.incident.started_at, c.fmt, c.mentions)
    )


def check_end_and_duration(c: Context) -> Iterator[Item]:
    end = c.incident.resolved_at
    if end is None:
        return
    yield c.item("end time with zone", states_time(c.text, end, c.fmt, c.mentions))
    span = end - c.incident.started_at
    yield c.item("duration", states_duration(c.text, span, c.fmt, c.mentions))


def check_next_update(c: Context) -> Iterator[Item]:
    if c.incident.next_update_at is not None:
        ok = states_time(c.text, c.incident.next_update_at, c.fmt, c.mentions)
        yield c.item("next update time", ok)
    cadence = getattr(c.incident, "update_every_minutes", None)
    if cadence is not None:
        minutes = Decimal(cadence * 60)
        ok = any(m.kind == "duration" and close(m, minutes) for m in c.mentions)
        yield c.item("update cadence", ok)


ETA_UNKNOWN = {
    "zh": re.compile(r"(?:尚|暂时?|目前)?(?:无法|不能)(?:预估|估计|预计|给出)"),
    "en": re.compile(r"(?i)\b(?:cannot|can't|are not able to|unable to) (?:yet )?(?:estimate|say)"),
}


def check_eta(c: Context) -> Iterator[Item]:
    eta = c.incident.eta
    if eta == "unknown":
        yield c.item("eta unknown, said so", ETA_UNKNOWN[c.lang].search(c.text) is not None)
        return
    if eta is None or isinstance(eta, str):
        return
    yield c.item("eta (as an estimate)", states_time(c.text, eta.latest, c.fmt, c.mentions))


def check_data(c: Context) -> Iterator[Item]:
    data = c.incident.data
    if data is None:
        return
    if data.description is not None:
        ok = says(c.text, data.description, c.lang)
    else:
        ok = DATA_WORDS[c.lang].search(c.text) is not None and "data" not in _placeholders(c.text)
    yield c.item("data statement", ok, data.status)


def check_funds(c: Context) -> Iterator[Item]:
    funds = getattr(c.incident, "funds", None)
    if funds is None:
        return
    if funds.description is not None:
        ok = says(c.text, funds.description, c.lang)
    else:
        ok = FUNDS_WORDS[c.lang].search(c.text) is not None
    yield c.item("funds statement", ok, funds.status)


def _placeholders(text: str) -> str:
    return " ".join(PLACEHOLDER.findall(text)).lower()


def check_workaround(c: Context) -> Iterator[Item]:
    if c.incident.workaround is not None:
        yield c.item("workaround", says(c.text, c.incident.workaround, c.lang))


def check_required_actions(c: Context) -> Iterator[Item]:
    """Each thing users must do, with its condition and its audience when the facts give them;
    a safety instruction only while service is not back (it is drafted first, then)."""
    for action in getattr(c.incident, "required_actions", []):
        if action.safety and c.incident.status == "resolved":
            continue
        ok = says(c.text, action.text, c.lang) and says(c.text, action.condition, c.lang)
        if action.audience is not None:
            ok = ok and says(c.text, action.audience.name, c.lang)
        name = "safety instruction" if action.safety else "required action"
        yield c.item(name, ok, _plain(action.text, "en"))


def check_progress(c: Context) -> Iterator[Item]:
    if c.incident.progress is not None:
        yield c.item("what changed", says(c.text, c.incident.progress, c.lang))
    for component in c.incident.components:
        yield c.item(
            "recovered / still affected", says(c.text, component.name, c.lang), component.state
        )
        if component.recovered_percent is not None and component.state != "recovered":
            share = Decimal(str(component.recovered_percent))
            ok = states_number(c.mentions, ["percent"], share)
            yield c.item("share recovered", ok, f"{component.recovered_percent}%")


def check_scale(c: Context) -> Iterator[Item]:
    impact = c.incident.impact
    for entry in getattr(impact, "scale", []):
        if entry.count is not None:
            ok = states_number(c.mentions, ["count"], Decimal(entry.count))
            ok = ok or c.fmt.count(entry.count) in c.text
            yield c.item("scale: count", ok, str(entry.count))
        if entry.share_percent is not None:
            ok = states_number(c.mentions, ["percent"], Decimal(str(entry.share_percent)))
            yield c.item("scale: share", ok, f"{entry.share_percent}%")
        if entry.all:
            name = _plain(entry.audience.name, c.lang) if hasattr(entry.audience, "name") else ""
            yield c.item("scale: all", bool(name) and name.lower() in c.text.lower(), "all")
    for rate in getattr(impact, "error_rates", []):
        ok = states_number(c.mentions, ["percent"], Decimal(str(rate.percent)))
        if rate.region is not None:
            ok = ok and says(c.text, rate.region, c.lang)
        yield c.item("error rate", ok, f"{rate.percent}% of {rate.of}")


def check_not_affected(c: Context) -> Iterator[Item]:
    for thing in c.incident.impact.not_affected:
        yield c.item("not affected", says(c.text, thing, c.lang), _plain(thing, "en"))


def check_cause(c: Context) -> Iterator[Item]:
    cause = c.incident.cause
    if cause.status != "unknown" and cause.description is not None:
        yield c.item(f"cause ({cause.status})", says(c.text, cause.description, c.lang))
    for rumour in cause.not_caused_by:
        yield c.item("rumour denied", says(c.text, rumour, c.lang), _plain(rumour, "en"))


def check_apology(c: Context) -> Iterator[Item]:
    yield c.item("apology", APOLOGY[c.lang].search(c.text) is not None)


def check_actions(c: Context) -> Iterator[Item]:
    for action in c.incident.actions:
        yield c.item("what was done", says(c.text, action, c.lang), _plain(action, "en"))


def check_prevention(c: Context) -> Iterator[Item]:
    for measure in c.incident.prevention:
        yield c.item("prevention", says(c.text, measure, c.lang), _plain(measure, "en"))


def check_contact(c: Context) -> Iterator[Item]:
    for contact in c.incident.contacts:
        ok = says(c.text, contact.channel, c.lang)
        if contact.value is not None:
            ok = ok and contact.value in c.text
        yield c.item("contact", ok, _plain(contact.channel, "en"))


def check_compensation(c: Context) -> Iterator[Item]:
    for plan in c.incident.compensation:
        yield from _plan_items(c, plan)


def _plan_items(c: Context, plan: Any) -> Iterator[Item]:
    referral = getattr(plan, "referral", None)
    if referral is not None:
        yield c.item("comp: referral", says(c.text, referral, c.lang))
    for item in plan.items:
        yield from _value_items(c, item)
    if plan.eligibility is not None:
        yield c.item("comp: eligibility", says(c.text, plan.eligibility, c.lang))
    if plan.claim_method is not None:
        yield c.item("comp: how to claim", says(c.text, plan.claim_method, c.lang))
    if plan.automatic:
        yield c.item("comp: automatic", AUTOMATIC[c.lang].search(c.text) is not None)
    if plan.delivered_by is not None:
        ok = states_time(c.text, plan.delivered_by, c.fmt, c.mentions)
        yield c.item("comp: arrives by", ok)
    if plan.claim_deadline is not None:
        ok = states_time(c.text, plan.claim_deadline, c.fmt, c.mentions)
        yield c.item("comp: claim deadline", ok)
    if plan.valid_until is not None:
        ok = states_time(c.text, plan.valid_until, c.fmt, c.mentions)
        yield c.item("comp: valid until", ok)
    start = getattr(plan, "available_from", None)
    if start is not None:
        yield c.item("comp: usable from", states_time(c.text, start, c.fmt, c.mentions))
    days = getattr(plan, "valid_for_days", None)
    if days is not None:
        yield c.item("comp: validity (days)", states_units(c.text, days, "days", c.lang))
    if getattr(plan, "applies_to", None) == "next_invoice":
        yield c.item("comp: next invoice", NEXT_INVOICE[c.lang].search(c.text) is not None)
    for restriction in plan.restrictions:
        yield c.item("comp: restriction", says(c.text, restriction, c.lang))
    if plan.overcharge_refund is not None:
        yield c.item("comp: overcharge refund", says(c.text, plan.overcharge_refund, c.lang))
    if plan.if_not_received is not None:
        yield c.item("comp: if it does not arrive", says(c.text, plan.if_not_received, c.lang))


def _value_items(c: Context, item: Any) -> Iterator[Item]:
    if item.amount is not None:
        ok = states_number(c.mentions, ["money"], Decimal(item.amount), item.currency)
        yield c.item("comp: amount", ok, f"{item.amount} {item.currency}")
    if getattr(item, "percent", None) is not None:
        ok = states_number(c.mentions, ["percent"], Decimal(str(item.percent)))
        yield c.item("comp: percent", ok and says(c.text, item.of, c.lang), f"{item.percent}%")
    if getattr(item, "basis", None) is not None:
        yield c.item("comp: basis", says(c.text, item.basis, c.lang))
    for unit in ("days", "months"):
        number = getattr(item, unit, None)
        if number is not None:
            yield c.item(f"comp: membership {unit}", states_units(c.text, number, unit, c.lang))
    tier = getattr(item, "tier", None)
    if tier is not None:
        yield c.item("comp: membership tier", says(c.text, tier, c.lang))
    if item.quantity > 1:
        ok = re.search(rf"(?<![\d.]){item.quantity}(?![\d.])", c.text) is not None
        yield c.item("comp: quantity", ok, str(item.quantity))
    if item.description is not None:
        yield c.item("comp: item terms", says(c.text, item.description, c.lang))


#: The items of CHECKLISTS.md a program can check, per notice kind.
CHECKLIST: dict[str, tuple[Check, ...]] = {
    "first_statement": (
        check_symptoms,
        check_where,
        check_start,
        check_data,
        check_funds,
        check_workaround,
        check_required_actions,
        check_next_update,
        check_eta,
    ),
    "progress_update": (
        check_progress,
        check_workaround,
        check_required_actions,
        check_eta,
        check_next_update,
        check_data,
        check_funds,
    ),
    "apology": (
        check_apology,
        check_start,
        check_end_and_duration,
        check_scale,
        check_not_affected,
        check_cause,
        check_data,
        check_funds,
        check_actions,
        check_prevention,
        check_contact,
    ),
    "compensation_notice": (check_compensation,),
    "resolution_notice": (
        check_start,
        check_end_and_duration,
        check_scale,
        check_not_affected,
        check_data,
        check_funds,
        check_required_actions,
        check_apology,
        check_contact,
    ),
    "post_incident_report": (
        check_start,
        check_end_and_duration,
        check_scale,
        check_not_affected,
        check_cause,
        check_data,
        check_funds,
        check_actions,
        check_prevention,
        check_contact,
    ),
}


# --- scoring ----------------------------------------------------------------------------------


def incident_files(root: Path = INCIDENTS) -> list[Path]:
    return sorted(root.glob("*.yaml"))


def read_decisions(path: Path = DECISIONS) -> list[dict[str, str]]:
    """Return the hand decisions on lint findings inside facts (empty when there is no file)."""
    if not path.is_file():
        return []
    entries: list[dict[str, str]] = tomllib.loads(path.read_text("utf-8")).get("finding", [])
    return entries


def decision_for(
    decisions: list[dict[str, str]], path: str, lang: str, rule: str, fact: str
) -> dict[str, str] | None:
    """Return the decision that accounts for one finding inside a fact, if there is one."""
    for entry in decisions:
        if (
            entry["file"] == Path(path).name
            and entry["lang"] == lang
            and entry["rule"] == rule
            and entry["fact"] in fact
        ):
            return entry
    return None


#: The hand decisions, read once.
DECISIONS_READ: list[dict[str, str]] = read_decisions()


def score_file(path: Path) -> list[Score]:
    incident = read_facts(str(path))
    drafts = {(d.kind, d.lang): d for d in draft_all(incident)}
    scores: list[Score] = []
    for kind in KINDS:
        for lang in DRAFT_LANGS:
            draft = drafts[(kind, lang)]
            scores.append(score_draft(path, incident, draft))
        zh, en = drafts[(kind, "zh")], drafts[(kind, "en")]
        report = check_parity(zh.text, en.text)
        for side, found in (("zh", report.zh), ("en", report.en)):
            target = next(s for s in scores if s.kind == kind and s.lang == side)
            target.parity = [f.excerpt for f in found]
    return scores


def score_draft(path: Path, incident: Incident, draft: Draft) -> Score:
    fmt = Formatter(draft.lang, incident.timezone, incident.published_at)
    context = Context(incident, draft.text, draft.lang, fmt, find_mentions(draft.text))
    score = Score(str(path.relative_to(ROOT)), draft.kind, draft.lang)
    for check in CHECKLIST[draft.kind]:
        score.items.extend(check(context))
    for finding in check_draft(draft.text, incident, draft.lang):
        label = f"{finding.rule}: {finding.excerpt}"
        if finding.rule == "unsupported-claim":
            score.unsupported.append(label)
        elif finding.rule == "fact-mismatch":
            score.mismatch.append(label)
    score.slips = slips(draft.text, draft.lang)
    # The draft's own findings: the linter with the kind's completeness checks, where a
    # placeholder stands in for the wording finding it explains (elements.toml `supersedes`).
    spans = fact_spans(draft.text, incident, draft.lang)
    for finding in draft.findings:
        label = f"{finding.rule}: {finding.excerpt}"
        if finding.rule.startswith("missing-") or finding.rule == "unfilled-placeholder":
            continue
        inside = [
            fact for start, end, fact in spans if start <= finding.start and finding.end <= end
        ]
        if inside:
            score.lint_facts.append(label)
            fact = min(inside, key=len)
            score.lint_facts_found.append((finding.rule, finding.excerpt, fact))
            if decision_for(DECISIONS_READ, score.path, draft.lang, finding.rule, fact) is None:
                score.lint_facts_open.append(label)
        else:
            score.lint.append(label)
    return score


def summarise(scores: list[Score]) -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    groups: dict[tuple[str, str], list[Score]] = defaultdict(list)
    for score in scores:
        groups[(score.kind, score.lang)].append(score)
    for (kind, lang), group in sorted(
        groups.items(), key=lambda kv: (KINDS.index(kv[0][0]), kv[0][1])
    ):
        items = [item for s in group for item in s.items]
        met = sum(item.ok for item in items)
        table[f"{kind}/{lang}"] = {
            "items": len(items),
            "met": met,
            "percent": round(100 * met / len(items), 1) if items else 100.0,
            "unsupported": sum(len(s.unsupported) for s in group),
            "mismatch": sum(len(s.mismatch) for s in group),
            "parity": sum(len(s.parity) for s in group),
            "lint": sum(len(s.lint) for s in group),
            "lint_facts": sum(len(s.lint_facts) for s in group),
            "lint_facts_open": sum(len(s.lint_facts_open) for s in group),
            "slips": sum(len(s.slips) for s in group),
        }
    return table


def missed_items(scores: list[Score]) -> Counter[str]:
    return Counter(f"{s.kind}/{s.lang}: {i.name}" for s in scores for i in s.items if not i.ok)


#: The table's columns: key in the summary, title, width.
COLUMNS = (
    ("items", "items", 7),
    ("met", "met", 6),
    ("percent", "%", 7),
    ("unsupported", "unsupp", 8),
    ("mismatch", "mism", 6),
    ("parity", "parity", 8),
    ("lint", "lint", 6),
    ("lint_facts", "lint-facts", 12),
    ("lint_facts_open", "lf-open", 9),
    ("slips", "slips", 7),
)


def show_lint_facts(scores: list[Score]) -> None:
    """Print every lint finding inside a free-text fact, one a line, then the distinct ones
    (the same words of the same facts file in every kind where they are drafted)."""
    print("\nLint findings inside the facts' own text (file kind/lang rule: excerpt | fact):")
    distinct: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    for s in scores:
        for rule, excerpt, fact in s.lint_facts_found:
            print(f"  {s.path} {s.kind}/{s.lang} {rule}: {excerpt} | {fact}")
            distinct[(s.path, s.lang, rule, fact)].append(s.kind)
    print(f"\n{len(distinct)} distinct (file, lang, rule, fact), with the decision on each:")
    for (path, lang, rule, fact), kinds in sorted(distinct.items()):
        print(f"  {Path(path).name} {lang} {rule}: {fact}  [{', '.join(kinds)}]")
        entry = decision_for(DECISIONS_READ, path, lang, rule, fact)
        if entry is None:
            print("    OPEN: no decision in tests/incidents/lint_facts.toml")
        else:
            print(f"    {entry['decision']}: {entry.get('stands_for', entry.get('why', ''))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--details", action="store_true", help="list every miss and finding")
    parser.add_argument("--json", metavar="FILE", help="also write the scores as JSON")
    parser.add_argument(
        "--show",
        choices=["lint-facts"],
        help="list each finding of that column: file, kind, lang, rule, excerpt and the fact",
    )
    parser.add_argument("--dir", default=str(INCIDENTS), help="facts files to score")
    args = parser.parse_args(argv)
    files = incident_files(Path(args.dir))
    scores = [score for path in files for score in score_file(path)]
    table = summarise(scores)
    print(f"{len(files)} facts files, {len(scores)} drafts\n")
    print(f"{'kind/lang':<24}" + "".join(f"{title:>{width}}" for _, title, width in COLUMNS))
    for name, row in table.items():
        print(f"{name:<24}" + "".join(f"{row[key]:>{width}}" for key, _, width in COLUMNS))
    if args.details:
        print("\nItems missed (kind/lang: item - how often):")
        for name, count in missed_items(scores).most_common():
            print(f"  {name} - {count}")
        print("\nPer draft:")
        for s in scores:
            misses = [
                f"{i.name}{f' [{i.detail}]' if i.detail else ''}" for i in s.items if not i.ok
            ]
            found = (
                s.unsupported
                + s.mismatch
                + [f"parity: {p}" for p in s.parity]
                + s.lint
                + [f"(in a fact) {x}" for x in s.lint_facts]
                + [f"slip: {x}" for x in s.slips]
            )
            if misses or found:
                print(f"  {s.path} {s.kind}/{s.lang}")
                for line in misses:
                    print(f"    missing: {line}")
                for line in found:
                    print(f"    finding: {line}")
    if args.show == "lint-facts":
        show_lint_facts(scores)
    if args.json:
        payload = {
            "summary": table,
            "drafts": [
                {
                    "path": s.path,
                    "kind": s.kind,
                    "lang": s.lang,
                    "items": [{"name": i.name, "ok": i.ok, "detail": i.detail} for i in s.items],
                    "unsupported": s.unsupported,
                    "mismatch": s.mismatch,
                    "parity": s.parity,
                    "lint": s.lint,
                    "lint_facts": s.lint_facts,
                    "lint_facts_open": s.lint_facts_open,
                    "slips": s.slips,
                }
                for s in scores
            ],
        }
        Path(args.json).write_text(json.dumps(payload, ensure_ascii=False, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
