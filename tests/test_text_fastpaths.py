"""The text layer's faster forms answer exactly as the plain forms they replace.

Segments and clause breaks come from each character's positions, not from a regex
class; normalize skips the passes a text's characters cannot start; the paragraph
pattern is led by the line break. Each is checked here against its plain form.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from crisiscomms.lint.grammar import CLAUSE_BREAKS, SENTENCE_BREAKS, Breaks
from crisiscomms.text.lines import LineIndex, line_col
from crisiscomms.text.normalize import (
    _SHORT,
    _fold_or_rare,
    _has_astral,
    _patterns,
    _present,
    _rare_chars,
    _rare_edits,
    _tables,
    normalize,
)
from crisiscomms.text.segments import Segments, char_positions

# The plain forms: a regex per scope, as segments.py wrote them before.
_PLAIN_ENDS = {
    "sentence": re.compile(r"[。!?;\n.](?:(?<!\.)|(?=\s|$))"),
    "clause": re.compile(r"[。!?;\n.,](?:(?<![.,])|(?<=\.)(?=\s|$)|(?<=,)(?!\d))"),
    "paragraph": re.compile(
        r"\n[ \t]*\n|\n(?<=[。!?.;:…]\n)"
        r"| (?<=[。!?.;:…] )[ \t]{0,7}\n|\t(?<=[。!?.;:…]\t)[ \t]{0,7}\n"
    ),
}
_BREAKY = st.text(
    alphabet=st.sampled_from(list("。!?.;:…,，、：；\n \t a1٣３²\u3000\u2028")), max_size=40
)


@settings(max_examples=400, deadline=None)
@given(_BREAKY)
def test_segments_match_the_plain_patterns(text: str) -> None:
    segments = Segments(text)
    for scope, pattern in _PLAIN_ENDS.items():
        assert segments.ends(scope) == [m.end() for m in pattern.finditer(text)], scope  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(_BREAKY)
def test_breaks_and_positions(text: str) -> None:
    assert char_positions(text, "，。,") == [i for i, c in enumerate(text) if c in "，。,"]
    breaks = Breaks(text)
    for kind in (CLAUSE_BREAKS, SENTENCE_BREAKS):
        # A full stop before a space ends an English sentence for a gap too ("now. Our team").
        stops = [i for i, c in enumerate(text[:-1]) if c == "." and text[i + 1].isspace()]
        plain = [*sorted({i for i, c in enumerate(text) if c in kind} | set(stops)), len(text)]
        assert breaks.positions(kind) == plain
        for p in range(len(text) + 1):
            assert breaks.next(p, kind) == min(q for q in plain if q >= p)


_ODD = ("\u200b", "\u00a0", "\u3000", "о", "Α", "ﬁ", "預", "Ｎ", "\U0001d41f", "\U00020000")
_PLAIN = "ab sx正在修复中，。 \r\n\t"
_NORMALISABLE = st.text(alphabet=st.sampled_from([*_PLAIN, *_ODD]), max_size=30)


@settings(max_examples=400, deadline=None)
@given(_NORMALISABLE)
def test_normalize_skips_only_passes_that_find_nothing(text: str) -> None:
    patterns = _patterns()
    assert _has_astral(text) == any(c > "\uffff" for c in text)
    if _rare_chars().isdisjoint(text):
        skipped: dict[int, str] = {}
        _rare_edits(text, skipped)
        assert skipped == {}
        assert [m.span() for m in patterns["gap"].finditer(text)] == [
            m.span() for m in patterns["space_gap"].finditer(text)
        ]
    if text.isascii():  # no gap before a CJK character: the gap pass is skipped
        assert not any(patterns[p].search(text) for p in ("gap", "space_gap"))
    normalize(text)  # and every path runs


def test_a_short_text_s_characters_are_those_the_class_finds() -> None:
    """_present reads a short text as a set, a long one by searching the compiled class."""
    chars = _tables().fold_or_rare_chars
    every = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
    assert chars == frozenset(_fold_or_rare().findall(every))
    for text in (every[:3000], _PLAIN + "".join(_ODD), every):
        assert _present(text) == frozenset(_fold_or_rare().findall(text))
    assert len(every) > _SHORT  # the search path is the one compared to


def _plain_line_col(text: str, index: int) -> tuple[int, int]:
    """Line and column by walking every character up to ``index``: the definition."""
    line, start, i = 1, 0, 0
    while i < index:
        if text[i] == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            if i + 1 >= index:
                break  # on the LF of a CRLF: still this line
            i += 1
        if text[i] in "\n\r\u2028\u2029\x85":
            line, start = line + 1, i + 1
        i += 1
    return line, index - start + 1


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "b", "正", "\n", "\n\n", "\r\n", "\r", "\u2028"]), max_size=20
    ).map("".join),
    st.lists(st.integers(0, 40), max_size=12),
)
def test_line_index_answers_as_counting_does_in_any_order(text: str, asked: list[int]) -> None:
    # Findings are asked for mostly in text order, with jumps back (one rule after another):
    # an index that counts on from its last answer must give every answer a count from 0 does.
    lines = LineIndex(text)
    for index in (min(i, len(text)) for i in asked):
        assert lines.line_col(index) == _plain_line_col(text, index) == line_col(text, index)
