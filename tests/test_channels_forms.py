"""Written forms of a channel variant: the fullest that fits is drafted, in every language alike.

A channel template may write more compact forms after its full one (variants.toml ``forms``).
Drafting keeps the fullest form within the channel's limits, the same form in zh and en, and
says which in ``length["form"]``; nothing is ever cut, and a compact form drops a must-carry
fact only when the facts link to the full notice.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from crisiscomms.channels import variants as v
from crisiscomms.channels.report import LengthReport, over_length
from crisiscomms.drafting import Draft, draft
from crisiscomms.errors import TemplateError
from crisiscomms.factfiles import read_facts
from crisiscomms.facts import Incident
from crisiscomms.kinds import KINDS as ALL_KINDS
from crisiscomms.resources import examples_root

ROOT = Path(__file__).resolve().parent
FACT_FILES = sorted(examples_root().glob("*.yaml")) + sorted((ROOT / "incidents").glob("*.yaml"))
KINDS = tuple(k for k in ALL_KINDS if k in v.variants()["sms"].carries)
WITH_FORMS = tuple(name for name, shape in v.variants().items() if shape.forms)


@cache
def _incident(path: Path) -> Incident:
    return read_facts(str(path))


@cache
def _draft(path: Path, kind: str, lang: str, channel: str) -> Draft:
    return draft(_incident(path), kind, lang, channel=channel)


def _used(d: Draft) -> str:
    assert d.length is not None
    form = d.length["form"]
    assert form["used"] in form["written"] and form["written"][0] == v.FULL
    return str(form["used"])


def test_the_channels_that_write_shorter_forms() -> None:
    assert set(WITH_FORMS) == {"x", "weibo", "push", "wechat"}
    assert v.variant("x").form_names == ("full", "compact", "concise", "brief", "thread")
    assert v.variant("wechat").form_names == ("full", "compact", "brief", "outline")


@pytest.mark.parametrize("path", FACT_FILES, ids=[p.name for p in FACT_FILES])
def test_zh_and_en_draft_the_same_form_so_they_state_the_same_facts(path: Path) -> None:
    for kind in KINDS:
        for channel in WITH_FORMS:
            zh, en = (_draft(path, kind, lang, channel) for lang in ("zh", "en"))
            # The same form, or a language that does not write it stands in with a fuller one
            # (Chinese WeChat titles are short enough without a brief form), or one language
            # publishes in one post what the other needs a thread for (the same facts).
            assert zh.length is not None and en.length is not None
            pair = {_used(zh), _used(en)}
            if len(pair) > 1 and pair != {"concise", "thread"}:
                assert _used(en) not in zh.length["form"]["written"], (channel, kind)


@pytest.mark.parametrize("path", FACT_FILES, ids=[p.name for p in FACT_FILES])
def test_a_shorter_form_is_used_only_when_the_fuller_one_is_past_a_limit(path: Path) -> None:
    for kind in KINDS:
        for channel in WITH_FORMS:
            drafts = [_draft(path, kind, lang, channel) for lang in ("zh", "en")]
            if _used(drafts[0]) == v.FULL:
                continue
            full = [
                v.forms_of(
                    channel, _rendered(path, kind, d.lang, channel), "t", _incident(path), d.lang
                )[0]
                for d in drafts
            ]
            assert any(f.fit > (0, 0) for f in full), (channel, kind)


def _rendered(path: Path, kind: str, lang: str, channel: str) -> str:
    from crisiscomms.templating import get_template, render

    return render(get_template(kind, lang, None, channel), _incident(path), lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", FACT_FILES, ids=[p.name for p in FACT_FILES])
def test_without_a_link_every_form_shows_every_fact_the_channel_carries(path: Path) -> None:
    incident = _incident(path)
    for kind in KINDS:
        if v.linked(incident, kind):
            continue
        for channel in WITH_FORMS:
            shape = v.variant(channel)
            d = _draft(path, kind, "zh", channel)
            # A brief post leaves facts to the linked notice; a WeChat article's content is
            # the notice itself (it carries "all"), so its brief form (a shorter title, the
            # safety instructions alone as the digest) leaves nothing out.
            if shape.carries.get(kind) is not None:
                assert _used(d) != "brief", (channel, kind)
            full_gaps = {
                gap.element
                for gap in _draft(path, kind, "zh", "notice").missing
                if shape.carried(kind, gap.element)
            }
            assert {gap.element for gap in d.missing} == full_gaps, (channel, kind)


def test_a_brief_post_leaves_symptoms_to_the_linked_notice_and_keeps_the_link() -> None:
    path = examples_root() / "ride-hailing-degradation.yaml"
    for lang in ("zh", "en"):
        d = _draft(path, "first_statement", lang, "x")
        assert _used(d) == "brief"
        assert "https://status.example.com/xinglu" in d.text
        assert not [f for f in d.findings if f.rule == "over-length"]
        full = v.split_forms(_rendered(path, "first_statement", lang, "x"), v.variant("x"), "t")
        assert not full[0][1].text.startswith(d.text.strip()), "a form is written, not cut"


def test_a_long_wechat_title_gives_way_to_the_day_and_what_happened() -> None:
    path = ROOT / "incidents" / "19-faa-notam.first.yaml"
    zh, en = (_draft(path, "apology", lang, "wechat") for lang in ("zh", "en"))
    assert zh.parts["title"] == "关于1月10日服务中断的致歉说明"
    assert en.parts["title"] == "Jan 10 outage: apology"
    assert zh.parts["content"].startswith("关于") and "航行通告" in zh.parts["content"]


def test_past_every_limit_the_most_compact_form_stays_with_its_finding() -> None:
    path = ROOT / "incidents" / "03-didi.update.yaml"
    d = _draft(path, "apology", "en", "x")
    assert _used(d) == "compact"
    (over,) = [f for f in d.findings if f.rule == "over-length"]
    assert "over the limit of 280" in over.message


def _shaped(form: str, rank: int, *severities: str) -> v.Shaped:
    findings = tuple(
        over_length(
            "x" * 10,
            5,
            what=("帖子", "post"),
            count=10,
            limit=5,
            unit="chars",
            consequence="rejected",
            severity=s,
            lang="en",
        )  # type: ignore[arg-type]
        for s in severities
    )
    split = v.Split("x\n", {"text": "x"}, {"text": 0})
    return v.Shaped(form, rank, split, {"text": "x"}, None, LengthReport("x", {}, findings))


def test_choose_keeps_the_fullest_that_fits_and_else_the_least_to_rewrite() -> None:
    full, compact, brief = "full", "compact", "brief"
    fits = [_shaped(full, 0, "error"), _shaped(compact, 1), _shaped(brief, 2)]
    assert v.choose(fits).form == compact
    refused = [_shaped(full, 0, "error"), _shaped(compact, 1, "error")]
    assert v.choose(refused).form == compact
    tolerated = [_shaped(full, 0, "warning"), _shaped(compact, 1, "warning")]
    assert v.choose(tolerated).form == full
    fewer = [_shaped(full, 0, "warning", "warning"), _shaped(compact, 1, "warning")]
    assert v.choose(fewer).form == compact
    # The other language's full form is refused: both take the compact one.
    assert v.choose([_shaped(full, 0), _shaped(compact, 1)], [refused]).form == compact
    # A language without a compact form stands in with its full one.
    assert v.choose([_shaped(full, 0)], [fits]).form == full


def test_forms_are_written_in_order_and_write_known_parts_in_order() -> None:
    shape = v.Variant("p", ("title", "body"), "push", {}, {}, (v.Form("compact", {}),))
    full = "\x02title\x03T\n\n\x02body\x03B\n"
    split = v.split_forms(full + "\x02compact\x03\x02title\x03t\n", shape, "t")
    assert [(name, s.parts) for name, s in split] == [
        ("full", {"title": "T", "body": "B"}),
        ("compact", {"title": "t", "body": "B"}),
    ]
    assert split[1][1].text == "t\n\nB\n" and split[1][1].starts == {"title": 0, "body": 3}
    assert len(v.split_forms(full + "\x02compact\x03 \n", shape, "t")) == 1
    with pytest.raises(TemplateError, match="expected some of"):
        v.split_forms(full + "\x02compact\x03\x02body\x03b\x02title\x03t", shape, "t")
    with pytest.raises(TemplateError, match="twice"):
        v.split_forms(full + "\x02compact\x03\x02title\x03t\x02title\x03u", shape, "t")
    with pytest.raises(TemplateError, match="expected"):
        v.split_forms("\x02title\x03T\n\x02compact\x03\x02title\x03t", shape, "t")
