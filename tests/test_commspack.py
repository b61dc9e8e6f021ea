"""The communications pack: one set of facts, every voice (issue 11 §3)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from support import MINIMAL, ROOT

from crisiscomms.cli import main
from crisiscomms.commspack import INDEX_NAME, CommsPack, build_pack, pack_index, stage_kinds
from crisiscomms.commspack.checks import cross_channel, cross_language
from crisiscomms.commspack.documents import document_langs
from crisiscomms.commspack.files import PackFile, basic_length
from crisiscomms.errors import ExitStatus, InputError
from crisiscomms.factcheck import check_parity
from crisiscomms.factcheck.claims import unsupported_claims
from crisiscomms.factfiles import load_facts, read_facts
from crisiscomms.facts import FactsError, Incident, parse_incident
from crisiscomms.templating import shipped_hashes, vetted_hashes

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
INCIDENTS = sorted((ROOT / "tests" / "incidents").glob("*.yaml"))
SCHEMA = json.loads((ROOT / "crisiscomms" / "schemas" / "pack.schema.json").read_text("utf-8"))
DOCUMENTS = ("cs_script", "faq", "community", "briefing")
COOLING = ROOT / "examples" / "ecommerce-cooling-failure.yaml"


@cache
def _pack(path: Path) -> CommsPack:
    return build_pack(read_facts(str(path)))


def _ongoing(**more: Any) -> dict[str, Any]:
    return {**MINIMAL, "impact": {"symptoms": {"zh": "无法登录", "en": "logins failing"}}, **more}


# --- what the pack holds ------------------------------------------------------------------


def test_a_resolved_incident_publishes_the_apology_and_its_compensation() -> None:
    made = _pack(COOLING)
    assert (made.stage, made.kinds) == ("resolved", ["apology", "compensation_notice"])
    names = {f.name for f in made.files}
    for kind in ("apology", "compensation-notice"):
        assert {f"{kind}.notice.zh.txt", f"{kind}.notice.en.txt"} <= names
    for doc in ("cs-script", "faq", "community", "briefing"):
        assert {f"{doc}.zh.txt", f"{doc}.en.txt"} <= names


def test_the_stage_follows_the_lifecycle() -> None:
    assert stage_kinds(parse_incident(_ongoing())) == ["first_statement"]
    progress = {"zh": "已定位原因", "en": "we found the cause"}
    assert stage_kinds(parse_incident(_ongoing(progress=progress))) == ["progress_update"]
    resolved = _ongoing(status="resolved", resolved_at="2026-03-29T20:20:00+08:00")
    assert stage_kinds(parse_incident(resolved)) == ["apology"]


def test_kinds_given_replace_the_stages_own() -> None:
    made = build_pack(_ongoing(), kinds=["first-statement", "progress_update"], langs=["en"])
    assert made.kinds == ["first_statement", "progress_update"]
    assert {f.lang for f in made.files} == {"en"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_our_documents_have_no_findings_for_complete_facts(path: Path) -> None:
    made = _pack(path)
    for file in made.files:
        assert file.template["vetted"], file.name
        if file.role == "notice" and file.channel != "notice":
            # A short channel may run past its platform's limit on long facts: that is
            # measured (benchmarks/channel_fit.py) and said, never cut. Nothing else.
            assert {f.rule for f in file.findings} <= {"over-length"}, file.name
            continue
        assert file.findings == [], (file.name, [(f.rule, f.excerpt) for f in file.findings])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_documents_agree_across_languages(path: Path) -> None:
    made = _pack(path)
    for doc in DOCUMENTS:
        slug = doc.replace("_", "-")
        zh, en = made.file(f"{slug}.zh.txt"), made.file(f"{slug}.en.txt")
        assert check_parity(zh.text, en.text) == ((), ())


@pytest.mark.parametrize("path", EXAMPLES + INCIDENTS, ids=lambda p: p.stem)
def test_no_document_claims_what_the_facts_lack(path: Path) -> None:
    incident = read_facts(str(path))
    made = _pack(path)
    for file in made.files:
        if file.role == "document":
            assert unsupported_claims(file.text, incident, file.lang) == [], file.name


def test_the_community_message_fits_a_chat_window() -> None:
    for path in EXAMPLES:
        for lang in ("zh", "en"):
            file = _pack(path).file(f"community.{lang}.txt")
            assert file.length["display_width"] <= file.length["max_display_width"]


def test_chinese_documents_number_their_lists_and_join_date_and_time() -> None:
    for doc in ("cs-script", "faq", "briefing"):
        text = _pack(COOLING).file(f"{doc}.zh.txt").text
        assert "\n- " not in text
        assert "3月29日 " not in text
    assert "北京时间3月29日13:30" in _pack(COOLING).file("cs-script.zh.txt").text


# --- what the script may and may not say ----------------------------------------------------


def _script(facts: dict[str, Any], lang: str = "zh") -> tuple[str, Incident]:
    incident = parse_incident(facts)
    made = build_pack(incident, langs=[lang])
    return made.file(f"cs-script.{lang}.txt").text, incident


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_script_says_nothing_the_facts_do_not_hold(lang: str) -> None:
    text, incident = _script(_ongoing(impact={"involves": ["payments", "accounts"]}), lang)
    assert unsupported_claims(text, incident, lang) == []
    # No compensation in the facts: not a word of it, and no cause, ETA or safe money.
    words = {
        "zh": ["补偿", "赔偿", "原因是", "预计", "资金未受影响"],
        "en": ["compensation", "caused by", "expect service", "money was not affected"],
    }
    for word in words[lang]:
        assert word not in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_missing_answer_is_a_placeholder_with_its_finding(lang: str) -> None:
    made = build_pack(_ongoing(impact={"involves": ["payments"]}), langs=[lang])
    script = made.file(f"cs-script.{lang}.txt")
    shown = {"zh": "【待补充：下次更新时间】", "en": "[TO FILL: next update time]"}[lang]
    assert shown in script.text
    assert "missing-next-update" in {f.rule for f in script.findings}
    assert not made.ready


def test_a_known_answer_is_given_in_the_facts_words() -> None:
    facts = _ongoing(
        next_update_at="2026-03-29T21:00:00+08:00",
        cause={"status": "confirmed", "description": {"zh": "一次配置变更", "en": "a change"}},
        funds={"status": "intact"},
        impact={"involves": ["payments"], "symptoms": {"zh": "无法支付", "en": "payments failing"}},
    )
    text, _ = _script(facts)
    assert "我们将于北京时间3月29日21:00前发布下一次进展" in text
    assert "一次配置变更" in text
    assert "用户资金未受影响" in text
    assert text.count("【待补充") == text.count("【待补充：咨询渠道】") == 1  # no contacts given


def test_the_script_names_what_agents_must_not_say_and_where_to_send_questions() -> None:
    text = _pack(COOLING).file("cs-script.zh.txt").text
    assert "三、不能说的话" in text and "四、超出口径的问题" in text
    assert "400-000-6789" in text
    en = _pack(COOLING).file("cs-script.en.txt").text
    assert "What you must not say" in en and "400-000-6789" in en


def test_the_briefing_says_what_is_not_known_and_one_timetable() -> None:
    facts = _ongoing(next_update_at="2026-03-29T21:00:00+08:00")
    made = build_pack(facts, langs=["zh", "en"])
    zh, en = made.file("briefing.zh.txt").text, made.file("briefing.en.txt").text
    assert "二、尚未掌握的情况" in zh and "故障原因：尚未查明" in zh
    assert "四、统一的时间表" in zh and "北京时间3月29日21:00" in zh.split("四、统一的时间表")[1]
    assert "首次声明（长文公告，英文）" in zh
    assert "What we do not know yet" in en and "One timetable" in en


# --- hostile and missing facts -----------------------------------------------------------


def test_fact_text_is_shown_as_written_never_run() -> None:
    facts = _ongoing(
        impact={"symptoms": {"zh": "{{ 7*7 }}无法登录", "en": "{% raw %}{{ 7*7 }} logins failing"}}
    )
    made = build_pack(facts)
    assert "{{ 7*7 }}无法登录" in made.file("cs-script.zh.txt").text
    assert "{% raw %}{{ 7*7 }} logins failing" in made.file("faq.en.txt").text


def test_a_fact_missing_in_one_language_stops_the_whole_pack(tmp_path: Path) -> None:
    facts = _ongoing(impact={"symptoms": {"zh": "无法登录"}})
    with pytest.raises(FactsError, match=r"impact\.symptoms"):
        build_pack(facts)
    assert build_pack(facts, langs=["zh"]).langs == ["zh"]


def test_unknown_channels_and_languages_are_refused() -> None:
    with pytest.raises(InputError, match="unknown channel 'fax'"):
        build_pack(_ongoing(), channels=["fax"])
    with pytest.raises(InputError, match="unknown draft language"):
        build_pack(_ongoing(), langs=["fr"])


def test_a_language_without_document_templates_is_named_not_skipped_silently(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import crisiscomms.commspack.building as building

    monkeypatch.setattr(building, "document_langs", lambda: ("zh",))
    made = build_pack(_ongoing(next_update_at="2026-03-29T21:00:00+08:00"), langs=["zh", "en"])
    assert {g["lang"] for g in made.gaps} == {"en"}
    assert not made.ready
    assert pack_index(made)["not_drafted"][0] == {
        "document": "cs_script",
        "lang": "en",
        "reason": "no template in this language",
    }


# --- parity across languages and channels ---------------------------------------------------


def _file(text: str, channel: str | None, lang: str) -> PackFile:
    return PackFile(
        name=f"x.{channel}.{lang}.txt", kind="first_statement", role="notice", channel=channel,
        lang=lang, text=text, template={}, length=basic_length(text),
    )  # fmt: skip


def test_a_short_channel_may_say_less_but_never_another_number() -> None:
    full = _file("约800万用户受影响，我们将于北京时间22:00前发布下一次进展。", "notice", "zh")
    short = _file("约800万用户受影响，北京时间22:00前更新。", "sms", "zh")
    wrong = _file("约500万用户受影响。", "weibo", "zh")
    cross_channel([full, short, wrong], "notice")
    assert short.findings == []
    assert [(f.rule, f.excerpt) for f in wrong.findings] == [("parity-mismatch", "500万")]


def test_languages_are_compared_with_the_english_file() -> None:
    zh = _file("约800万用户受影响。", "notice", "zh")
    en = _file("About 5 million users were affected.", "notice", "en")
    cross_language([zh, en])
    assert [f.excerpt for f in zh.findings] == ["800万"]
    assert [f.excerpt for f in en.findings] == ["5 million"]


# --- the command and the index -------------------------------------------------------------


def test_the_command_writes_every_file_and_a_valid_index(tmp_path: Path) -> None:
    out = tmp_path / "pack"
    assert main(["pack", str(COOLING), "--out", str(out), "--channel", "notice,sms,email"]) == 0
    index = json.loads((out / INDEX_NAME).read_text("utf-8"))
    jsonschema.validate(index, SCHEMA)
    listed = {entry["file"] for entry in index["files"]}
    assert listed | {INDEX_NAME} == {p.name for p in out.iterdir()}
    for entry in index["files"]:
        text = (out / entry["file"]).read_text("utf-8")
        assert entry["length"]["chars"] == len(text)
        assert (entry["channel"] is None) == (entry["role"] != "notice")
    channels = {e["channel"] for e in index["files"] if e["role"] == "notice"}
    assert channels == {"notice", "sms", "email"}


def test_the_command_keeps_files_unless_forced(tmp_path: Path) -> None:
    args = ["pack", str(COOLING), "--out", str(tmp_path), "--lang", "zh"]
    assert main(args) == ExitStatus.CLEAN
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    (tmp_path / "faq.zh.txt").write_text("mine", "utf-8")
    assert main(args) == ExitStatus.BAD_INPUT
    assert (tmp_path / "faq.zh.txt").read_text("utf-8") == "mine"
    assert main([*args, "--force"]) == ExitStatus.CLEAN
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_missing_facts_exit_1_with_the_pack_written(tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(_ongoing()), "utf-8")
    out = tmp_path / "out"
    assert main(["pack", str(facts), "--out", str(out)]) == ExitStatus.FINDINGS
    index = json.loads((out / INDEX_NAME).read_text("utf-8"))
    jsonschema.validate(index, SCHEMA)
    assert index["ready"] is False and index["summary"]["error"] > 0


@pytest.mark.parametrize(
    "extra",
    [["--lang", "fr"], ["--channel", "fax"], ["--kind", "memo"], ["--lang", ","], ["--out", ""]],
)
def test_bad_usage_is_exit_2_and_writes_nothing(tmp_path: Path, extra: list[str]) -> None:
    out = tmp_path / "out"
    args = ["pack", str(COOLING), "--out", str(out), *extra]
    assert main(args) == ExitStatus.BAD_INPUT
    assert not out.exists()


def test_bad_facts_are_exit_2_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({**MINIMAL, "started_at": "yesterday"}), "utf-8")
    assert main(["pack", str(facts), "--out", str(tmp_path / "out")]) == ExitStatus.BAD_INPUT
    assert "started_at" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# --- vetting -----------------------------------------------------------------------------


def test_every_pack_document_is_vetted_in_every_language() -> None:
    hashes = shipped_hashes()
    for lang in document_langs():
        for doc in DOCUMENTS:
            assert f"{lang}/pack/{doc}" in hashes
    assert hashes == vetted_hashes()


def test_the_readme_shows_what_the_pack_drafts() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    made = build_pack(
        load_facts(str(COOLING)).incident, langs=["zh", "en"], channels=["notice", "sms", "x"]
    )
    assert f"wrote {len(made.files) + 1} files into pack" in readme  # and pack.json
    for name in ("apology.sms.zh.txt", "apology.x.zh.txt"):
        assert f"$ cat pack/{name}\n{made.file(name).text}" in readme
    x_en = made.file("apology.x.en.txt")
    assert not x_en.findings and x_en.length["channel"]["form"]["used"] == "brief"
    assert "brief written form" in readme and "320 of 280" in readme
    from crisiscomms.channels.variants import forms_of
    from crisiscomms.templating import get_template, render

    incident = load_facts(str(COOLING)).incident
    template = get_template("apology", "en", None, "x")
    full = forms_of("x", render(template, incident, "en"), template.id, incident, "en")[0]
    assert full.report.figures["text"]["weighted"] == 320
    shown = readme.split("$ head -13 pack/cs-script.zh.txt\n", 1)[1].split("\n…\n", 1)
    script = made.file("cs-script.zh.txt").text
    assert script.startswith(shown[0])
    assert shown[1].split("\n```", 1)[0] in script


def test_an_eta_without_a_next_update_is_what_the_documents_answer_with() -> None:
    # KDDI, 2022: an estimated recovery time, no next update time. The progress update is
    # complete with it; the documents asked for a next update time all the same.
    facts = _ongoing(
        eta="2026-03-29T23:30:00+08:00",
        contacts=[{"channel": {"zh": "客服热线", "en": "Hotline"}, "value": "400-123-4567"}],
    )
    made = build_pack(parse_incident(facts))
    for f in made.files:
        if f.role == "document":
            assert "【待补充：下次更新时间】" not in f.text, f.name
            assert "[TO FILL: next update time]" not in f.text, f.name
    script = next(f for f in made.files if f.kind == "cs_script" and f.lang == "zh")
    assert "23:30" in script.text


def test_a_traditional_briefing_names_what_was_published_in_traditional() -> None:
    made = build_pack(read_facts(str(COOLING)), langs=("zh", "zh-Hant-HK", "zh-Hant-TW"))
    for lang, sms in (("zh-Hant-HK", "短訊"), ("zh-Hant-TW", "簡訊")):
        briefing = next(f for f in made.files if f.kind == "briefing" and f.lang == lang)
        listed = briefing.text.split("三、")[1].split("四、")[0]
        assert sms in listed and "繁體中文" in listed, listed[:200]
        assert not {"长文公告", "简体中文", "繁体中文", "短信"} & set(listed.split("（")), listed[
            :200
        ]
        assert "長文公告" in listed


def test_a_resolved_briefing_does_not_promise_an_update_it_says_will_not_come() -> None:
    # BEA, 2019: service back, data still being checked, no next update and no time for the
    # result. Section 2 promised a next update that section 4 said no channel commits to.
    facts = _ongoing(
        status="resolved",
        resolved_at="2026-03-29T20:20:00+08:00",
        data={"status": "under_investigation"},
    )
    made = build_pack(parse_incident(facts), langs=("zh", "en"))
    for lang, next_update, result in (
        ("zh", "【待补充：下次更新时间】", "【待补充：核查结果公布时间】"),
        ("en", "[TO FILL: next update time]", "[TO FILL: time the result is published]"),
    ):
        briefing = next(f for f in made.files if f.kind == "briefing" and f.lang == lang)
        assert next_update not in briefing.text
        assert result in briefing.text
