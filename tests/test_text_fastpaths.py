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
from crisiscomms.text.normalize import _has_astral, _patterns, _rare_chars, _rare_edits, normalize
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
        plain = [i for i, c in enumerate(text) if c in kind] + [len(text)]
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
    normalize(text)  # and every path runs
