"""Drafts from complete facts fit the platforms that reject a text past their limit (issue 11 §5).

For every facts file in examples/ and tests/incidents/ and every kind whose facts are complete
(no placeholder lengthens the text; judged as benchmarks/channel_fit.py judges it), the X post
and the WeChat article (digest and title) carry no error-severity ``over-length`` finding, in
every draft language. The shorter written forms (variants.toml ``forms``) get there in whole
sentences, never by cutting and never by leaving out a fact the channel carries without a link.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from crisiscomms.channels import variants as v
from crisiscomms.completeness import missing_facts
from crisiscomms.drafting import draft
from crisiscomms.factfiles import read_facts
from crisiscomms.facts import Incident
from crisiscomms.kinds import KINDS as ALL_KINDS
from crisiscomms.resources import examples_root

ROOT = Path(__file__).resolve().parent
FACT_FILES = sorted(examples_root().glob("*.yaml")) + sorted((ROOT / "incidents").glob("*.yaml"))
KINDS = tuple(k for k in ALL_KINDS if k in v.variants()["sms"].carries)
LANGS = ("zh", "en", "zh-Hant-HK", "zh-Hant-TW")
CHANNELS = ("x", "wechat")

# Drafts from complete facts that are still past a limit, listed so that a fix shows here.
# None since the X thread (session 13): Suda's concise post (two plans with their conditions,
# the claim method, two dated times and no link) was 348 weighted characters, Xinglu's brief
# post (a cash payment's basis and a referral) 384; each is now a thread of posts within 280.
KNOWN_OVER: set[tuple[str, str, str, str]] = set()


@cache
def _incident(path: Path) -> Incident:
    return read_facts(str(path))


def _complete(path: Path) -> list[str]:
    return [kind for kind in KINDS if not missing_facts(_incident(path), kind)]  # type: ignore[arg-type]


@pytest.mark.parametrize("path", FACT_FILES, ids=[p.stem for p in FACT_FILES])
def test_complete_facts_fit_x_and_the_wechat_article_in_every_language(path: Path) -> None:
    over: list[tuple[str, ...]] = []
    still_over: set[tuple[str, str, str, str]] = set()
    for kind in _complete(path):
        for channel in CHANNELS:
            for lang in LANGS:
                d = draft(_incident(path), kind, lang, channel=channel)
                found = [
                    f.message
                    for f in d.findings
                    if f.rule == "over-length" and f.severity == "error"
                ]
                key = (path.stem, kind, channel, lang)
                if key in KNOWN_OVER:
                    if found:
                        still_over.add(key)
                elif found:
                    over.append((*key, f"{d.parts.get('text') or d.parts.get('digest')}: {found}"))
    assert not over, over
    known_here = {key for key in KNOWN_OVER if key[0] == path.stem}
    assert still_over == known_here, f"within the limit now: drop {known_here - still_over}"


def test_the_known_exceptions_are_complete_facts() -> None:
    # An entry for facts that are not complete would excuse nothing this test checks.
    stems = {p.stem: p for p in FACT_FILES}
    for stem, kind, _, _ in KNOWN_OVER:
        assert kind in _complete(stems[stem]), (stem, kind)
