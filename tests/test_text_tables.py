"""The generated folding tables match what their sources give today."""

from __future__ import annotations

import unicodedata

import pytest

from crisiscomms.text import generate_tables
from crisiscomms.text.tables import compat_forms, confusables, format_chars, t2s


def test_t2s_table_is_what_opencc_gives() -> None:
    pytest.importorskip("opencc")
    assert generate_tables.T2S_FILE.read_text(encoding="utf-8") == generate_tables.t2s_source()


def test_confusables_table_is_what_the_unicode_data_gives() -> None:
    pytest.importorskip("confusable_homoglyphs")
    expected = generate_tables.confusables_source()
    assert generate_tables.CONFUSABLES_FILE.read_text(encoding="utf-8") == expected


def test_t2s_folds_the_characters_of_times_and_promises() -> None:
    table = t2s()
    assert [table[c] for c in "點時鐘預計復萬億兩個後"] == list("点时钟预计复万亿两个后")
    assert all(len(v) == 1 for v in table.values())


def test_confusables_read_cyrillic_and_greek_as_latin() -> None:
    table = confusables()
    assert [table[c] for c in "аеорсхΑΟοΙ"] == list("aeopcxAOoI")
    assert all(v.isascii() and v.isalpha() for v in table.values())


def test_format_characters_are_every_cf_character() -> None:
    every = {chr(cp) for cp in range(0x110000) if unicodedata.category(chr(cp)) == "Cf"}
    assert every <= set(format_chars())


def test_compat_forms_keep_meaning() -> None:
    table = compat_forms()
    assert table["２"] == "2" and table["："] == ":" and table["\u3000"] == " "
    assert not {"²", "½", "①", "…"} & set(table)
