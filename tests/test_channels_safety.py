"""Safety instructions in channel variants: first, in every written form, while service is down.

A facts file's ``required_actions`` entry with ``safety: true`` (Optus, 8 Nov 2023: if your
phone cannot reach 000, use a phone on another network) is stated by the long-form first
statement and progress update under 安全提示 / For your safety while service is not back.
Every channel variant of those kinds states it too (``variants.toml`` ``safety`` says in
which parts): first in a short text, in the full, compact and brief forms alike, link or no
link, in every language; never in an apology or a compensation notice, nor once service
is back, as with the notices. A field with no room for a sentence (an e-mail subject, a
WeChat template message's issue keyword) says, on the same condition, that there are some
(``variants.toml`` ``marked``), and states none of its own.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import changed

from crisiscomms.channels import variants as v
from crisiscomms.drafting import Draft, draft
from crisiscomms.facts import Incident, parse_incident
from crisiscomms.kinds import DRAFT_LANGS, KINDS
from crisiscomms.templating import get_template, render

ROOT = Path(__file__).resolve().parent
OPTUS = ROOT / "incidents" / "11-optus.update.yaml"
CHANNELS = tuple(v.variants())
CHANNEL_KINDS = tuple(k for k in KINDS if k in v.variant("sms").carries)
SAFETY_KINDS = ("first_statement", "progress_update")
#: The long-form notices that state the instructions while service is down: a resolution
#: notice drafted before service is back does too (its short texts say service is back).
NOTICE_SAFETY_KINDS = (*SAFETY_KINDS, "resolution_notice")
LEAD = {"zh": "安全提示：", "en": "For your safety:"}
#: How the texts write the incident's start: their first sentence about the outage has it.
START = "04:05"


@cache
def _facts() -> dict[str, Any]:
    with OPTUS.open(encoding="utf-8") as handle:
        facts: dict[str, Any] = yaml.safe_load(handle)
    return facts


def _optus(**changes: Any) -> dict[str, Any]:
    return changed(_facts(), **changes)


#: The Optus progress update as published (no link, no next-update time); with a link to
#: the notice and a next-update time (every form written, nothing missing); and once
#: service is back.
ONGOING = _optus()
LINKED = _optus(
    links={"notice": "https://www.optus.com.au/outage"},
    next_update_at="2023-11-08T15:30:00+11:00",
)
RESOLVED = _optus(status="resolved", resolved_at="2023-11-08T13:10:00+11:00")
TWO_SAFETY = _optus(
    required_actions=[
        {
            "safety": True,
            "condition": {
                "zh": "您的手机在紧急情况下无法接通000",
                "en": "your phone cannot reach 000 in an emergency",
            },
            "text": {
                "zh": "借用家人或邻居使用其他网络的电话拨打",
                "en": "use a family member's or neighbour's phone on another network",
            },
        },
        {
            "safety": True,
            "audience": "customers",
            "condition": {
                "zh": "医疗警报设备依赖固定电话",
                "en": "a medical alarm relies on the landline",
            },
            "text": {
                "zh": "改用手机通过其他网络求助",
                "en": "call for help with a mobile phone on another network",
            },
        },
        {"text": {"zh": "重启手机", "en": "restart your phone"}},
    ]
)


@cache
def _incident(name: str) -> Incident:
    facts = {"ongoing": ONGOING, "linked": LINKED, "resolved": RESOLVED, "two": TWO_SAFETY}[name]
    return parse_incident(facts)


def _instructions(incident: Incident, lang: str) -> list[str]:
    """Return the fact text of each safety instruction in ``lang`` (condition, then action)."""
    found = []
    for action in incident.required_actions:
        if action.safety:
            if action.condition is not None:
                found.append(getattr(action.condition, lang))
            found.append(getattr(action.text, lang))
    return found


def _forms(name: str, kind: str, lang: str, channel: str) -> list[tuple[str, v.Split]]:
    """Return every form the channel's template writes for these facts, fullest first."""
    template = get_template(kind, lang, None, channel)  # type: ignore[arg-type]
    rendered = render(template, _incident(name), lang)
    return v.split_forms(rendered, v.variant(channel), template.id)


def _draft(name: str, kind: str, lang: str, channel: str = "notice") -> Draft:
    return draft(_incident(name), kind, lang, channel=channel)


def _notice(name: str, kind: str, lang: str) -> str:
    return _draft(name, kind, lang).text


def _is_notice(part: str, name: str, kind: str, lang: str) -> bool:
    """True when the part is the long-form notice itself (an e-mail body, a WeChat article)."""
    return part.strip() == _notice(name, kind, lang).strip()


def test_every_channel_says_where_a_first_statement_and_a_progress_update_state_them() -> None:
    for channel in CHANNELS:
        shape = v.variant(channel)
        assert {k for k in CHANNEL_KINDS if shape.safety_parts(k)} == set(SAFETY_KINDS), channel
        # An apology and a compensation notice do not, as their notices do not.
        assert not shape.safety_parts("apology") and not shape.safety_parts("compensation_notice")


@pytest.mark.parametrize("name", ["ongoing", "linked", "two"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", SAFETY_KINDS)
@pytest.mark.parametrize("channel", CHANNELS)
def test_every_written_form_states_each_safety_instruction_first(
    name: str, lang: str, kind: str, channel: str
) -> None:
    incident = _incident(name)
    wanted = _instructions(incident, lang)
    assert wanted
    forms = _forms(name, kind, lang, channel)
    if name == "linked" and channel in ("x", "weibo"):
        assert [form for form, _ in forms] == ["full", "compact", "brief"]
    for form, split in forms:
        for part in v.variant(channel).safety_parts(kind):
            text = split.parts[part]
            where = (channel, form, part)
            # The notice's lead, then each instruction's fact text, in the facts' order.
            at = text.find(LEAD[lang])
            assert at >= 0, where
            for fact in wanted:
                found = text.find(fact, at)
                assert found > at, (*where, fact)
                at = found
            start = text.find(START)
            if _is_notice(text, name, kind, lang):
                # The notice's own order: what happened, then the safety instructions.
                assert 0 <= start < text.find(LEAD[lang]), where
            else:
                # Before any sentence about the outage; only a title of its own comes first.
                assert text.find(LEAD[lang]) < start or start < 0, where
                before = text[: text.find(LEAD[lang])]
                assert "。" not in before and ". " not in before.rstrip(". "), where
            # A Chinese safety sentence in full-width punctuation, as the notice writes it.
            if lang == "zh" and not _is_notice(text, name, kind, lang):
                line = text[text.find(LEAD[lang]) :].split("。")[0]
                assert "," not in line and ";" not in line, where


@pytest.mark.parametrize("lang", DRAFT_LANGS)
@pytest.mark.parametrize("kind", SAFETY_KINDS)
@pytest.mark.parametrize("channel", CHANNELS)
def test_the_draft_states_the_notice_s_safety_instruction_in_every_language(
    lang: str, kind: str, channel: str
) -> None:
    # A Traditional draft converts the facts' zh text: it states what its notice states.
    notice = _notice("ongoing", kind, lang)
    lead = LEAD.get(lang, LEAD["zh"])
    (line,) = [line for line in notice.splitlines() if line.startswith(lead)]
    d = _draft("ongoing", kind, lang, channel)
    for part in v.variant(channel).safety_parts(kind):
        assert line.strip() in d.parts[part], (channel, part)


@pytest.mark.parametrize("name", ["ongoing", "linked", "two"])
@pytest.mark.parametrize("kind", SAFETY_KINDS)
@pytest.mark.parametrize("channel", CHANNELS)
def test_drafts_with_safety_instructions_pass_our_own_linter(
    name: str, kind: str, channel: str
) -> None:
    for lang in ("zh", "en"):
        d = _draft(name, kind, lang, channel)
        # Only what the facts lack (no next-update time in the facts as published) and the
        # lengths: a safety instruction is worth a longer message.
        allowed = {"over-length"} | ({"missing-next-update"} if name != "linked" else set())
        assert {f.rule for f in d.findings} <= allowed, (lang, [str(f) for f in d.findings])


@pytest.mark.parametrize("kind", CHANNEL_KINDS)
@pytest.mark.parametrize("channel", CHANNELS)
def test_no_safety_instruction_once_service_is_back_nor_where_the_notice_has_none(
    kind: str, channel: str
) -> None:
    for name in ("resolved", "ongoing"):
        for lang in ("zh", "en"):
            notice = _notice(name, kind, lang)
            stated = LEAD[lang] in notice
            assert stated == (name == "ongoing" and kind in NOTICE_SAFETY_KINDS), (name, lang)
            for form, split in _forms(name, kind, lang, channel):
                for part, text in split.parts.items():
                    if stated or _is_notice(text, name, kind, lang):
                        continue
                    assert LEAD[lang] not in text, (name, lang, form, part)
                    for fact in _instructions(_incident(name), lang):
                        assert fact not in text, (name, lang, form, part)


def test_an_sms_during_the_optus_outage_says_how_to_reach_emergency_services_first() -> None:
    zh = _draft("ongoing", "progress_update", "zh", "sms")
    en = _draft("ongoing", "progress_update", "en", "sms")
    assert zh.text.startswith(
        "安全提示：如果您的手机在紧急情况下无法接通000，请您借用家人或邻居使用其他网络的电话拨打。"
        "最新进展：互联网和电话服务正在逐站恢复，"
    )
    assert en.text.startswith(
        "For your safety: if your phone cannot reach 000 in an emergency, use a family "
        "member's or neighbour's phone on another network. Update on Optus"
    )


def test_several_safety_instructions_each_say_who_and_go_in_order() -> None:
    zh = _draft("two", "first_statement", "zh", "sms").text
    en = _draft("two", "first_statement", "en", "sms").text
    assert zh.startswith(
        "安全提示：如果您的手机在紧急情况下无法接通000，请您借用家人或邻居使用其他网络的电话拨打；"
        "如果医疗警报设备依赖固定电话，请客户改用手机通过其他网络求助。"
    )
    assert en.startswith(
        "For your safety: if your phone cannot reach 000 in an emergency, use a family member's "
        "or neighbour's phone on another network; customers: if a medical alarm relies on the "
        "landline, call for help with a mobile phone on another network. "
    )
    # An instruction that is not for safety stays with the long-form notice.
    assert "重启手机" not in zh and "restart your phone" not in en


def test_a_wechat_digest_past_its_limit_keeps_the_safety_instructions_alone() -> None:
    for lang in ("zh", "en"):
        d = _draft("ongoing", "first_statement", lang, "wechat")
        assert d.length is not None and d.length["form"]["used"] == "brief"
        assert d.parts["digest"].startswith(LEAD[lang])
        assert "000" in d.parts["digest"]
        assert not [f for f in d.findings if f.rule == "over-length" and f.severity == "error"]


# --- fields too short for an instruction: the e-mail subject, the WeChat issue keyword ---------

#: What a field with no room for the instructions says while they stand (variants.toml
#: `marked`): the subject opens with the notice's lead word, the keyword asks to read them.
MARK = {
    ("email", "subject"): {"zh": "安全提示：", "en": "Safety: "},
    ("wechat", "issue"): {"zh": "请先阅读安全提示", "en": "Read safety advice"},
}


def test_the_subject_and_the_issue_keyword_are_the_fields_marked() -> None:
    marked = {
        (channel, part)
        for channel in CHANNELS
        for kind in CHANNEL_KINDS
        for part in v.variant(channel).marked_parts(kind)
    }
    assert marked == set(MARK)
    for channel in CHANNELS:
        shape = v.variant(channel)
        for kind in CHANNEL_KINDS:
            # The kinds whose notice states the instructions, and only those.
            assert bool(shape.marked_parts(kind)) == (
                channel in ("email", "wechat") and kind in SAFETY_KINDS
            )


@pytest.mark.parametrize("name", ["ongoing", "linked", "two"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", SAFETY_KINDS)
@pytest.mark.parametrize("channel", ["email", "wechat"])
def test_a_field_too_short_for_the_instructions_says_the_text_holds_them(
    name: str, lang: str, kind: str, channel: str
) -> None:
    for form, split in _forms(name, kind, lang, channel):
        for part in v.variant(channel).marked_parts(kind):
            text = split.parts[part]
            mark = MARK[(channel, part)][lang]
            assert text.startswith(mark), (form, part, text)
            # A mark, never an instruction of its own nor a cut one.
            for fact in _instructions(_incident(name), lang):
                assert fact not in text and fact[:8] not in text, (form, part)
    d = _draft(name, kind, lang, channel)
    if channel == "wechat":
        # The keyword fits its 20 characters: WeChat would cut it with ….
        assert len(d.parts["issue"]) <= 20
        assert not [f for f in d.findings if f.rule == "over-length" and "issue" in f.message]
    else:
        # What a phone's inbox shows first: the mark, then the notice's title as before.
        # the title it has once service is back, where no mark precedes it.
        title = _draft("resolved", kind, lang, "email").parts["subject"]
        assert d.parts["subject"] == MARK[("email", "subject")][lang] + title


@pytest.mark.parametrize("kind", CHANNEL_KINDS)
@pytest.mark.parametrize("channel", ["email", "wechat"])
def test_no_mark_once_service_is_back_nor_in_an_apology_or_compensation(
    kind: str, channel: str
) -> None:
    for name in ("resolved", "ongoing"):
        for lang in ("zh", "en"):
            d = _draft(name, kind, lang, channel)
            marked = name == "ongoing" and kind in SAFETY_KINDS
            for (ch, part), mark in MARK.items():
                if ch == channel:
                    assert d.parts[part].startswith(mark[lang]) == marked, (name, lang, part)


def test_the_optus_wechat_notice_and_e_mail_say_so_where_they_are_seen_first() -> None:
    zh = _draft("ongoing", "progress_update", "zh", "wechat")
    en = _draft("ongoing", "progress_update", "en", "wechat")
    assert (zh.parts["issue"], en.parts["issue"]) == ("请先阅读安全提示", "Read safety advice")
    assert zh.parts["digest"].startswith("安全提示：如果您的手机在紧急情况下无法接通000")
    zh_mail = _draft("ongoing", "progress_update", "zh", "email")
    en_mail = _draft("ongoing", "progress_update", "en", "email")
    assert zh_mail.parts["subject"] == "安全提示：关于Optus移动、固话及互联网服务中断的最新进展"
    assert en_mail.parts["subject"] == (
        "Safety: Optus mobile, fixed-line and internet services: update on the outage"
    )
