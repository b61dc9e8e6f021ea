"""Channel variants: every kind in every channel and language, written for the channel,
measured the way the platform counts, never cut; structured channels in their parts."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from strategies import incident_models
from support import MINIMAL, ROOT, run_cli
from tool_helpers import assert_valid_output

from crisiscomms.channels.variants import split_parts, variants
from crisiscomms.drafting import Draft, draft
from crisiscomms.errors import InputError, TemplateError
from crisiscomms.factcheck import check_draft, check_parity
from crisiscomms.factfiles import load_facts
from crisiscomms.facts import FactsError, Incident, parse_incident
from crisiscomms.kinds import CHANNELS
from crisiscomms.kinds import KINDS as ALL_KINDS
from crisiscomms.packs import PACK_FILES
from crisiscomms.templating import template_names
from crisiscomms.tools import call_tool, tool_specs

LANGS = ("zh", "en")
VARIANTS = [c for c in CHANNELS if c != "notice"]
# The kinds that have channel variants (a kind added later gets them in variants.toml).
KINDS = tuple(k for k in ALL_KINDS if k in variants()["sms"].carries)
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
INCIDENTS = sorted((ROOT / "tests" / "incidents").glob("*.yaml"))
FACT_FILES = EXAMPLES + INCIDENTS
SCHEMAS = ROOT / "crisiscomms" / "schemas"

_PLACEHOLDER = {"zh": re.compile(r"【待补充：[^】]+】"), "en": re.compile(r"\[TO FILL: [^\]]+\]")}
# Channels whose every draft fits the platform's hard limit (no over-length at error
# severity) whatever the facts: a Weibo post folds but is never refused below 2,000; a
# status page has no published limit; an e-mail subject is far under 998; a push payload
# far under 4 KB.
ALWAYS_FITS = ("weibo", "statuspage", "email", "push")


@cache
def _incident(path: Path) -> Incident:
    return load_facts(str(path)).incident


@cache
def _draft(path: Path, kind: str, lang: str, channel: str) -> Draft:
    return draft(_incident(path), kind, lang, channel=channel)


def _wording(d: Draft) -> set[str]:
    return {f.rule for f in d.findings if not f.rule.startswith("missing-")} - {"over-length"}


_NOTICE_PARTS = {("email", "body"), ("email", "html"), ("wechat", "content")}


def _assert_well_formed(d: Draft) -> None:
    text = d.text
    for leftover in ("{{", "}}", "{%", "%}", "{#", "#}", "\x02", "\x03"):
        assert leftover not in text, (d.template_id, text)
    assert "None" not in text and "Undefined" not in text, text
    # The long-form notice inside an e-mail or a WeChat article is test_drafting's to check.
    ours = "\n".join(v for k, v in d.parts.items() if (d.channel, k) not in _NOTICE_PARTS)
    bare = _PLACEHOLDER[d.lang].sub("PLACEHOLDER", ours)
    for glitch in ("。。", "，。", "：。", "..", " ,", " .", "、。", "，，", "  "):
        assert glitch not in bare, (glitch, d.template_id, text)
    assert text.endswith("\n") and not text.endswith("\n\n")
    if d.lang == "zh":
        assert not re.search(r"[\u4e00-\u9fff][,;:!?]", text), text
    shape = variants()[d.channel]
    assert list(d.parts)[: len(shape.parts)] == list(shape.parts)
    for name in shape.parts:
        part = d.parts[name]
        assert part and part == part.strip() and part in text, (name, text)


@pytest.mark.parametrize("path", FACT_FILES, ids=[p.name for p in FACT_FILES])
def test_every_kind_drafts_in_every_channel_and_language(path: Path) -> None:
    incident = _incident(path)
    for kind in KINDS:
        for lang in LANGS:
            notice = _draft(path, kind, lang, "notice")
            for channel in VARIANTS:
                d = _draft(path, kind, lang, channel)
                assert d.channel == channel and d.template_id.endswith(f"{channel}/{kind}")
                assert d.vetted, d.template_id
                _assert_well_formed(d)
                # Every placeholder shown has its missing-<element> finding at it, and only
                # elements the channel carries are asked for.
                shape = variants()[channel]
                shown = set(_PLACEHOLDER[lang].findall(d.text))
                reported = {f.excerpt for f in d.findings if f.rule.startswith("missing-")}
                assert shown == reported, (channel, kind, lang, d.text)
                assert all(shape.carried(kind, gap.element) for gap in d.missing)
                for f in d.findings:
                    assert d.text[f.start : f.end] == f.excerpt, (f.rule, d.text)
                # Our wording adds nothing the linter flags beyond what the long-form notice
                # of the same facts has, except the data-safety finding when the facts hold
                # no data or funds statement (as for the notice, test_drafting).
                allowed = _wording(notice)
                if incident.data is None or incident.funds is None:
                    allowed.add("no-data-safety-statement")
                assert _wording(d) <= allowed, (channel, kind, lang, d.findings, d.text)


@pytest.mark.parametrize("path", FACT_FILES, ids=[p.name for p in FACT_FILES])
def test_channel_variants_state_no_fact_the_facts_do_not_hold(path: Path) -> None:
    incident = _incident(path)
    for kind in KINDS:
        for channel in ("sms", "push", "x", "weibo", "statuspage"):
            zh, en = (_draft(path, kind, lang, channel) for lang in LANGS)
            parity = check_parity(zh.text, en.text)
            assert not parity.zh and not parity.en, (channel, kind, parity, zh.text, en.text)
            for d in (zh, en):
                wrong = [
                    f
                    for f in check_draft(d.text, incident, d.lang)
                    if f.rule in ("fact-mismatch", "unsupported-claim")
                ]
                assert not wrong, (channel, kind, d.lang, wrong, d.text)


@pytest.mark.parametrize("path", FACT_FILES, ids=[p.name for p in FACT_FILES])
def test_over_length_is_a_finding_with_count_and_limit_never_a_cut(path: Path) -> None:
    for kind in KINDS:
        for lang in LANGS:
            for channel in VARIANTS:
                d = _draft(path, kind, lang, channel)
                over = [f for f in d.findings if f.rule == "over-length"]
                if channel in ALWAYS_FITS:
                    assert not [f for f in over if f.severity == "error"], (channel, d.text)
                for f in over:
                    figures = _OVER.search(f.messages["en"])
                    assert figures, f.messages["en"]
                    count, limit = (int(n.replace(",", "")) for n in figures.groups())
                    assert count > limit, f.messages["en"]
                    assert f.excerpt and d.text[f.start : f.end] == f.excerpt
                # Nothing is cut to fit: no ellipsis our templates did not get from the facts.
                assert "…" not in d.text or "…" in path.read_text("utf-8")


_OVER = re.compile(r" is ([\d,]+) .*over the limit of ([\d,]+) ")


def _short_facts() -> dict[str, Any]:
    """Ordinary facts of an ordinary incident: every channel's text must fit them."""
    return {
        **MINIMAL,
        "service": {"zh": "示例App", "en": "Example app"},
        "impact": {"symptoms": {"zh": "页面无法打开", "en": "pages not loading"}},
        "next_update_at": "2026-03-29T21:00:00+08:00",
        "eta": "2026-03-29T22:00:00+08:00",
    }


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("channel", ["sms", "x", "weibo", "push", "statuspage"])
def test_an_ordinary_first_statement_fits_every_short_channel(lang: str, channel: str) -> None:
    d = draft(_short_facts(), "first_statement", lang, channel=channel)
    # A collapsed Android notification shows about one line: an estimate, so a warning.
    estimates = [f for f in d.findings if channel == "push" and f.severity == "warning"]
    assert [f for f in d.findings if f not in estimates] == [], (d.findings, d.text)
    assert all("Android" in f.messages["en"] for f in estimates)
    assert d.ready


def test_an_sms_states_what_since_when_the_next_update_and_the_link() -> None:
    facts = {**_short_facts(), "links": {"notice": "https://example.com/n/1"}}
    zh = draft(facts, "first_statement", "zh", channel="sms")
    assert zh.text == (
        "北京时间3月29日20:00起，示例App出现服务异常。预计22:00前恢复。"
        "下次进展21:00前发布。详情：https://example.com/n/1\n"
    )
    en = draft(facts, "first_statement", "en", channel="sms")
    assert en.text == (
        "Example app: service disruption since Mar 29, 20:00 UTC+8. "
        "Expected back by 22:00. "
        "Next update by 21:00. Details: https://example.com/n/1\n"
    )
    assert en.length is not None and en.length["text"]["encoding"] == "GSM-7"
    assert zh.length is not None and zh.length["text"]["region"] == "cn"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("channel", VARIANTS)
@pytest.mark.parametrize("kind", KINDS)
def test_missing_facts_show_as_placeholders_in_every_channel(
    kind: str, channel: str, lang: str
) -> None:
    d = draft(MINIMAL, kind, lang, channel=channel)
    _assert_well_formed(d)
    missing = [f for f in d.findings if f.rule.startswith("missing-")]
    assert missing and not d.ready
    for f in missing:
        assert _PLACEHOLDER[lang].fullmatch(f.excerpt) and f.severity == "error"
    if kind == "first_statement":
        assert "missing-next-update" in {f.rule for f in missing}


HOSTILE = '<script>alert("x")</script> & <b>Tom\'s</b> &amp; shop'


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


@pytest.mark.parametrize("lang", LANGS)
def test_email_html_escapes_hostile_fact_text_and_says_only_what_the_text_says(
    lang: str,
) -> None:
    facts = {
        **_short_facts(),
        "service": {"zh": HOSTILE, "en": HOSTILE},
        "impact": {"symptoms": {"zh": HOSTILE, "en": HOSTILE}},
    }
    d = draft(facts, "first_statement", lang, channel="email")
    page = d.parts["html"]
    assert "<script" not in page and "<b>" not in page
    assert html.escape(HOSTILE, quote=True) in page
    assert HOSTILE in d.parts["body"] and HOSTILE in d.parts["subject"]
    parser = _Text()
    parser.feed(page)
    assert set(parser.tags) <= {"html", "head", "meta", "title", "body", "h1", "p", "br"}
    words = "".join(parser.chunks).split()
    assert words == (d.parts["subject"] + "\n" + d.parts["body"]).split()
    assert page.startswith("<!DOCTYPE html>")


def _statuspage_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / "statuspage-incident.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", FACT_FILES, ids=[p.name for p in FACT_FILES])
def test_statuspage_payload_is_a_valid_incident_update(path: Path) -> None:
    validator = _statuspage_validator()
    incident = _incident(path)
    for kind in KINDS:
        for lang in LANGS:
            d = _draft(path, kind, lang, "statuspage")
            assert d.payload is not None
            validator.validate(d.payload)
            body = d.payload["incident"]
            assert body["body"] == d.parts["body"] and body["name"] == d.parts["name"]
            assert len(body["components"]) == len(incident.components)
            assert body["component_ids"] == list(body["components"])


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("investigating", "investigating"),
        ("identified", "identified"),
        ("mitigating", "identified"),
        ("recovering", "identified"),
        ("monitoring", "monitoring"),
    ],
)
def test_statuspage_status_follows_the_lifecycle(status: str, expected: str) -> None:
    facts = {**_short_facts(), "status": status}
    payload = draft(facts, "progress_update", "en", channel="statuspage").payload
    assert payload is not None
    _statuspage_validator().validate(payload)
    assert payload["incident"]["status"] == expected


def test_statuspage_components_follow_their_states() -> None:
    facts = {
        **_short_facts(),
        "status": "recovering",
        "components": [
            {"name": {"zh": "下单", "en": "Orders"}, "state": "down"},
            {"name": {"zh": "支付", "en": "Payments"}, "state": "recovered"},
            {"name": {"zh": "登录", "en": "Log-in"}, "state": "degraded"},
            {"name": {"zh": "搜索", "en": "Search"}, "state": "recovering"},
        ],
    }
    payload = draft(facts, "progress_update", "en", channel="statuspage").payload
    assert payload is not None
    _statuspage_validator().validate(payload)
    assert payload["incident"]["components"] == {
        "Orders": "major_outage",
        "Payments": "operational",
        "Log-in": "degraded_performance",
        "Search": "partial_outage",
    }


def test_a_resolved_incident_is_resolved_on_the_status_page() -> None:
    facts = {**_short_facts(), "status": "resolved", "resolved_at": "2026-03-29T20:20:00+08:00"}
    payload = draft(facts, "apology", "zh", channel="statuspage").payload
    assert payload is not None and payload["incident"]["status"] == "resolved"


def test_wechat_and_push_carry_their_fields() -> None:
    wechat = draft(_short_facts(), "first_statement", "zh", channel="wechat")
    assert wechat.parts["service"] == "示例App"
    assert wechat.parts["since"] == "北京时间3月29日20:00"
    assert wechat.parts["status"] == "排查中"
    # The since keyword names the date and the zone; the next keyword, shown with it, does not.
    assert wechat.parts["next"] == "21:00前发布进展"
    assert wechat.parts["title"] == "关于示例App服务异常的说明"
    assert wechat.parts["content"] == draft(_short_facts(), "first_statement", "zh").text.strip()
    assert wechat.length is not None and set(wechat.length) == {"template", "article", "form"}
    push = draft(_short_facts(), "first_statement", "en", channel="push")
    assert push.parts["title"] == "Example app: service problem" or push.parts["title"]
    assert push.length is not None and push.length["apns_payload"]["bytes"] < 4096


def test_over_length_points_into_the_draft_at_the_part_past_the_limit() -> None:
    long_name = "示例" * 30
    facts = {**_short_facts(), "service": {"zh": long_name, "en": "Example app"}}
    d = draft(facts, "first_statement", "zh", channel="wechat")
    over = [f for f in d.findings if f.rule == "over-length"]
    assert over
    for f in over:
        assert d.text[f.start : f.end] == f.excerpt and f.excerpt
    assert d.parts["service"] == long_name  # measured, never cut


def test_a_fact_cannot_start_a_part_of_its_own() -> None:
    with pytest.raises(FactsError):
        parse_incident({**MINIMAL, "service": {"zh": "A\x02text\x03B", "en": "x"}})


def test_a_template_must_write_every_part_in_order() -> None:
    with pytest.raises(TemplateError, match="expected"):
        split_parts("\x02body\x03b\n\x02subject\x03s\n", ("subject", "body"), "t")
    with pytest.raises(TemplateError, match="start with"):
        split_parts("x\x02subject\x03s\n", ("subject",), "t")
    with pytest.raises(TemplateError, match="empty"):
        split_parts("\x02subject\x03 \n\x02body\x03b", ("subject", "body"), "t")


def test_unknown_channel_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown channel"):
        draft(MINIMAL, "first_statement", "zh", channel="fax")


def test_every_channel_template_is_a_pack_file_and_shipped() -> None:
    for lang in LANGS:
        for channel in VARIANTS:
            for kind in KINDS:
                names = template_names(kind, lang, channel)
                assert all(name in PACK_FILES for name in names)
                assert (ROOT / "templates" / names[0]).is_file()


def test_a_pack_overrides_one_channel_variant_and_its_drafts_are_not_vetted(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "zh" / "channels" / "sms"
    folder.mkdir(parents=True)
    (folder / "first_statement.txt.j2").write_text(
        "{{ part('text') }}{{ incident.service|t }}暂时无法使用，"
        "我们将于{{ placeholder('next_update') }}前发布下一次进展。\n",
        encoding="utf-8",
    )
    d = draft(MINIMAL, "first_statement", "zh", templates=tmp_path, channel="sms")
    assert d.text.startswith("示例App暂时无法使用") and not d.vetted
    assert draft(MINIMAL, "first_statement", "zh", channel="sms").vetted
    (tmp_path / "zh" / "channels" / "fax").mkdir()
    with pytest.raises(TemplateError, match="not a channel folder"):
        draft(MINIMAL, "first_statement", "zh", templates=tmp_path, channel="sms")


def test_cli_drafts_one_channel_as_text() -> None:
    result = run_cli(
        "draft", "first-statement", str(EXAMPLES[0]), "--channel", "sms", "--lang", "zh"
    )
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout.startswith("北京时间") and "==>" not in result.stdout


def test_cli_prints_structured_channels_part_by_part(tmp_path: Path) -> None:
    example = str(ROOT / "examples" / "login-outage.yaml")
    result = run_cli("draft", "first-statement", example, "--channel", "email,statuspage")
    assert result.returncode in (0, 1), result.stderr
    out = result.stdout
    assert "==> first-statement.email.zh.txt <==" in out
    assert "--- subject ---" in out and "--- html ---" in out and "--- payload ---" in out
    result = run_cli(
        "draft", "apology", example, "--channel", "push", "--out", str(tmp_path), "--lang", "en"
    )
    assert result.returncode in (0, 1), result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["apology.push.en.txt"]
    assert "--- title ---" in (tmp_path / "apology.push.en.txt").read_text("utf-8")


def test_cli_json_for_every_channel_matches_the_drafts_schema() -> None:
    from referencing import Registry, Resource

    schemas = [
        json.loads((SCHEMAS / name).read_text("utf-8"))
        for name in (
            "drafts-output.v1.json",
            "lint-output.v1.json",
            "statuspage-incident.schema.json",
        )
    ]
    registry = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in schemas])
    validator = jsonschema.Draft202012Validator(schemas[0], registry=registry)
    example = str(ROOT / "examples" / "ecommerce-cooling-failure.yaml")
    result = run_cli("draft", "all", example, "--channel", "all", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    document = json.loads(result.stdout)
    validator.validate(document)
    written = [
        (k, c) for k in ALL_KINDS for c in CHANNELS if c == "notice" or k in variants()[c].carries
    ]
    assert len(document["drafts"]) == len(written) * 2
    assert {(d["kind"], d["channel"]) for d in document["drafts"]} == set(written)
    email = next(d for d in document["drafts"] if d["channel"] == "email")
    assert set(email["parts"]) == {"subject", "body", "html"}


def test_cli_refuses_an_unknown_channel_as_bad_input() -> None:
    result = run_cli("draft", "apology", str(EXAMPLES[0]), "--channel", "fax")
    assert result.returncode == 2
    assert "unknown channel 'fax'" in result.stderr and "Traceback" not in result.stderr


def test_the_tool_drafts_a_channel() -> None:
    facts = {**_short_facts(), "links": {"status_page": "https://status.example.com"}}
    result = call_tool(
        "draft_notice", {"facts": facts, "kind": "first_statement", "channel": "statuspage"}
    )
    assert_valid_output("draft_notice", result)
    assert result["ok"]
    zh, en = result["drafts"]
    assert zh["channel"] == en["channel"] == "statuspage"
    assert en["payload"]["incident"]["status"] == "investigating"
    assert set(en["parts"]) == {"name", "body"}
    sms = call_tool("draft_notice", {"facts": facts, "kind": "all", "channel": "sms"})
    assert_valid_output("draft_notice", sms)
    assert all(d["channel"] == "sms" and list(d["parts"]) == ["text"] for d in sms["drafts"])
    refused = call_tool("draft_notice", {"facts": facts, "kind": "apology", "channel": "fax"})
    assert not refused["ok"] and refused["errors"][0]["loc"][0] == "channel"


def test_the_tool_schema_offers_the_channels() -> None:
    spec = next(s for s in tool_specs("anthropic") if s["name"] == "draft_notice")
    channel = spec["input_schema"]["properties"]["channel"]
    assert channel["default"] == "notice"
    assert set(channel["enum"]) == set(CHANNELS)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(incident_models())
def test_any_valid_facts_draft_in_every_channel_with_every_gap_shown(incident: Incident) -> None:
    for kind in KINDS:
        for lang in LANGS:
            for channel in VARIANTS:
                d = draft(incident, kind, lang, channel=channel)
                _assert_well_formed(d)
                shown = set(_PLACEHOLDER[lang].findall(d.text))
                reported = {f.excerpt for f in d.findings if f.rule.startswith("missing-")}
                assert shown == reported, (channel, kind, lang, d.text)


def test_a_kind_with_no_variant_on_a_channel_is_refused_and_all_skips_it() -> None:
    incident = load_facts(str(EXAMPLES[0])).incident
    with pytest.raises(InputError, match="no sms variant of the post-incident-report"):
        draft(incident, "post_incident_report", "en", channel="sms")
    from crisiscomms.drafting import draft_all

    kinds = {d.kind for d in draft_all(incident, channels=["sms"])}
    assert kinds == set(variants()["sms"].carries)
    refused = call_tool(
        "draft_notice",
        {"facts": _short_facts(), "kind": "post_incident_report", "channel": "sms"},
    )
    assert not refused["ok"] and refused["errors"][0]["loc"] == ["channel"]


def _compensation_facts(**plan: Any) -> Incident:
    path = ROOT / "examples" / "ecommerce-cooling-failure.yaml"
    facts = yaml.safe_load(path.read_text(encoding="utf-8"))
    base = {
        k: v
        for k, v in facts["compensation"][0].items()
        if k
        not in ("claim_method", "claim_deadline", "delivered_by", "automatic", "available_from")
    }
    facts["compensation"] = [{**base, **plan}]
    return parse_incident(facts)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("channel", CHANNELS)
def test_automatic_compensation_is_described_in_the_facts_own_words(
    lang: str, channel: str
) -> None:
    # KDDI, 2022: ¥200 off a bill issued in or after September; no delivery date to give.
    words = {
        "zh": "将从9月及以后开具的账单中扣减",
        "en": "taken off a bill issued in or after September",
    }
    incident = _compensation_facts(automatic=True, claim_method=words)
    made = draft(incident, "compensation_notice", lang, channel=channel)
    # In the facts' words, or (the briefest form, when nothing longer fits) the link to them.
    assert words[lang] in made.text or _brief_with_link(made), made.text
    assert not [f for f in made.findings if f.rule == "missing-delivery-time"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("channel", ["sms", "push", "x", "weibo", "wechat"])
def test_the_day_compensation_becomes_usable_reaches_every_short_form(
    lang: str, channel: str
) -> None:
    incident = _compensation_facts(
        automatic=False,
        claim_method={"zh": "在App中搜索“补偿”领取", "en": "search for 'compensation' in the app"},
        claim_deadline="2026-04-30T23:59:00+08:00",
        available_from="2026-04-02T00:00:00+08:00",
    )
    made = draft(incident, "compensation_notice", lang, channel=channel)
    assert ("4月2日" if lang == "zh" else "Apr 2") in made.text or _brief_with_link(made), made.text


def _brief_with_link(made: Draft) -> bool:
    form = (made.length or {}).get("form", {})
    return form.get("used") == "brief" and "https://" in made.text
