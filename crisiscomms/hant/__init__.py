"""Traditional Chinese for Hong Kong and Taiwan: the regions, and converting Simplified text.

Drafts in ``zh-Hant-HK`` and ``zh-Hant-TW`` render from whole Traditional
templates committed under ``templates/zh-Hant-HK/`` and ``templates/zh-Hant-TW/``
(written first by :mod:`crisiscomms.hant.generate`, then read and vetted by a
person); nothing is converted at render time. Conversion is used in two places
only: the generator, and facts given in Simplified Chinese alone
(:mod:`crisiscomms.hant.facts`), which a draft lists for a person to check.

Both use :func:`convert`: OpenCC's regional configuration (``s2hk``, ``s2twp``),
then the regional wording fixes of ``fixes.toml`` (what the converter gets
wrong in a public notice).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

from ..errors import InputError

#: The OpenCC configuration each region's text is converted with.
OPENCC_CONFIGS = {"zh-Hant-HK": "s2hk", "zh-Hant-TW": "s2twp"}
HANT_LANGS = tuple(OPENCC_CONFIGS)

_FIXES = Path(__file__).with_name("fixes.toml")


@cache
def fixes() -> dict[str, list[tuple[str, str]]]:
    """Return region -> (converter output, what the region writes), longest first."""
    with _FIXES.open("rb") as handle:
        data = tomllib.load(handle)
    table: dict[str, list[tuple[str, str]]] = {}
    for lang in HANT_LANGS:
        pairs = {str(k): str(v) for k, v in data.get("phrases", {}).get(lang, {}).items()}
        table[lang] = sorted(pairs.items(), key=lambda kv: -len(kv[0]))
    return table


@cache
def term_overrides() -> dict[str, dict[str, object]]:
    """Return region -> the entries its ``terms.toml`` sets instead of converting zh's."""
    with _FIXES.open("rb") as handle:
        data = tomllib.load(handle)
    return {lang: dict(data.get("terms", {}).get(lang, {})) for lang in HANT_LANGS}


@cache
def _opencc(config: str) -> Callable[[str], str]:
    try:
        import opencc  # Loaded only when something is converted (about 0.1 s).
    except ImportError:
        raise InputError(
            "converting Simplified Chinese to Traditional needs OpenCC: "
            "pip install 'crisiscomms[hant]', or give the facts' Traditional text "
            "(zh-Hant, zh-Hant-HK or zh-Hant-TW)"
        ) from None
    converter = opencc.OpenCC(f"{config}.json")
    convert_text: Callable[[str], str] = converter.convert
    return convert_text


@lru_cache(maxsize=4096)
def convert(text: str, lang: str) -> str:
    """Return Simplified ``text`` in the Traditional characters and wording of ``lang``.

    Cached: the same facts are converted once for every kind drafted from them.

    Examples:
        >>> convert("网络数据", "zh-Hant-TW"), convert("网络数据", "zh-Hant-HK")
        ('網路資料', '網絡數據')
    """
    out = _opencc(OPENCC_CONFIGS[lang])(text)
    return apply_fixes(out, lang)


def apply_fixes(text: str, lang: str) -> str:
    """Apply the region's wording fixes (``fixes.toml``) to converted text, in one pass."""
    pairs = fixes()[lang]
    if not pairs:
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        for wrong, right in pairs:
            if text.startswith(wrong, i):
                out.append(right)
                i += len(wrong)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def write_generated(target: Path, expected: str, command: str, args: list[str]) -> int:
    """Write a generated Traditional data file, or with ``--check`` in ``args`` only compare.

    Returns the exit status: 1 when ``--check`` finds ``target`` out of date (and says to
    run ``command``), else 0.
    """
    if "--check" in args:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != expected:
            print(f"{target} is out of date; run {command}")
            return 1
        return 0
    target.write_text(expected, encoding="utf-8")
    print(f"wrote {target}")
    return 0
