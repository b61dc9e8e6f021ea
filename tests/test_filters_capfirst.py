"""|capfirst: a sentence's first word gets its capital, a name keeps its own casing.

A trial drafted KDDI's outage of "au mobile services" as "Au mobile services: outage".
au is a brand written in lower case, as are npm, eBay and iCloud; an editor leaves
them as they are, and still writes "The Youpinhui app" at a sentence's start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support import MINIMAL, changed

from crisiscomms import compiledcache, filters
from crisiscomms.drafting import draft, written_for
from crisiscomms.facts import parse_incident
from crisiscomms.filters import capfirst, lowercase_names
from crisiscomms.kinds import CHANNELS, KINDS
from crisiscomms.view import view_of

AU = {
    "zh": "au移动通信服务（含UQ mobile和povo）",
    "en": "au mobile services (including UQ mobile and povo)",
}
WRITTEN = [(k, c) for k in KINDS for c in CHANNELS if written_for(k, c)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Youpinhui app", "The Youpinhui app"),
        ("an outage", "An outage"),
        (
            "online banking and the HSBC HK mobile banking app",
            "Online banking and the HSBC HK mobile banking app",
        ),
        (
            "mobile voice, SMS and mobile data services",
            "Mobile voice, SMS and mobile data services",
        ),
        ("more than 8 million", "More than 8 million"),
        ("e-commerce orders", "E-commerce orders"),
        ("Alipay", "Alipay"),
        ("", ""),
        ("110 calls", "110 calls"),
    ],
)
def test_a_common_first_word_gets_its_capital(text: str, expected: str) -> None:
    assert capfirst(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "eBay listings",  # a capital inside the word: a name styled so
        "iCloud and Apple ID",
        "iOS users",
        "x86 servers",
        "bilibili.com and the bilibili app",  # a domain
        "@KDDI_Support on X",  # a handle
    ],
)
def test_a_name_styled_in_lower_case_keeps_its_casing(text: str) -> None:
    assert capfirst(text) == text


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("au mobile services", {"au"}, "au mobile services"),
        ("au's network", {"au"}, "au's network"),
        ("npm registry", {"npm"}, "npm registry"),
        ("austerity measures", {"au"}, "Austerity measures"),  # a whole word only
        ("the au app", {"au"}, "The au app"),
    ],
)
def test_a_name_the_facts_write_untranslated_keeps_its_casing(
    text: str, names: set[str], expected: str
) -> None:
    assert capfirst(text, frozenset(names)) == expected


def test_names_are_the_lower_case_latin_words_of_the_chinese_texts() -> None:
    facts = changed(
        MINIMAL,
        service=AU,
        workaround={"zh": "使用 npm 镜像或Wi-Fi通话", "en": "use an npm mirror or Wi-Fi calling"},
    )
    names = lowercase_names(view_of(parse_incident(facts)))
    # "mobile" is part of the name "UQ mobile"; English words are not names.
    assert names == frozenset({"au", "povo", "npm"})


def test_an_address_in_a_chinese_text_names_nothing() -> None:
    """support@… and https://… are addresses: "support teams …" still gets its capital."""
    facts = changed(
        MINIMAL,
        workaround={
            "zh": "发送邮件至support@example.com，或访问https://status.example.com",
            "en": "e-mail support@example.com or visit https://status.example.com",
        },
    )
    assert lowercase_names(view_of(parse_incident(facts))) == frozenset()


@pytest.mark.parametrize(("kind", "channel"), WRITTEN)
def test_a_lower_case_brand_is_never_capitalised_in_an_english_draft(
    kind: str, channel: str
) -> None:
    facts: dict[str, Any] = changed(MINIMAL, service=AU, organization={"zh": "KDDI", "en": "KDDI"})
    text = draft(facts, kind, "en", channel=channel).text
    assert "Au " not in text and "Au\n" not in text
    assert "au mobile services" in text


def test_the_service_alone_as_a_lower_case_brand_keeps_its_casing_in_the_title() -> None:
    facts = changed(
        MINIMAL, service={"zh": "au", "en": "au"}, organization={"zh": "KDDI", "en": "KDDI"}
    )
    assert draft(facts, "first_statement", "en").text.startswith("au: ")
    generic = draft(MINIMAL, "first_statement", "en").text
    assert generic.startswith("The Example app: ")


def test_templates_compiled_on_disk_are_kept_apart_by_our_filters() -> None:
    """Jinja compiles |capfirst's context into the call: code compiled before must not load.

    The command line keeps compiled templates on disk; one compiled when capfirst took
    no context failed with "missing 1 required positional argument" after it did.
    """
    assert Path(filters.__file__).read_bytes() in compiledcache._fingerprint()
