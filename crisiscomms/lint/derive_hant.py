"""Generate the Traditional Chinese rules (``rules/zh-Hant.toml``) from the Simplified ones.

Run ``python -m crisiscomms.lint.derive_hant`` after editing ``rules/zh.toml``
and commit both files; a test regenerates and compares. Phrases are expanded
before conversion, because OpenCC converts whole words better than the
fragments of a ``{a|b}`` pattern, and each phrase is kept in every variant
OpenCC gives (s2t, s2hk, s2tw, and s2t character by character, because OpenCC
reads 尽快 alone as 儘快 but 将尽快 as 將盡快), so every common spelling matches.
"""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from .phrases import expand_all

CONFIGS = ("s2t", "s2hk", "s2tw")
_LIST_KEYS = ("phrases", "exceptions", "satisfier_phrases")
_HEADER = (
    "# GENERATED from zh.toml by `python -m crisiscomms.lint.derive_hant`; do not edit.\n"
    "# Traditional Chinese rules: phrases in every OpenCC variant\n"
    "# (s2t, s2hk, s2tw, and s2t character by character).\n"
)


def _converters() -> list[Callable[[str], str]]:
    import opencc  # Only the generator needs OpenCC; the linter reads the generated file.

    return [opencc.OpenCC(f"{name}.json").convert for name in CONFIGS]


def derive(zh_source: str) -> str:
    """Return the text of ``zh-Hant.toml`` derived from the text of ``zh.toml``.

    Examples:
        >>> src = '[language]\\ncode = "zh"\\n[[rule]]\\nid = "vague-time"\\nphrases = ["尽快"]\\n'
        >>> "盡快" in derive(src)
        True
    """
    convert = _converters()
    data = tomllib.loads(zh_source)
    out = [_HEADER, "[language]", 'code = "zh-Hant"']
    out.append(f"word_boundaries = {_bool(data['language'].get('word_boundaries', False))}")
    for rule in data.get("rule", []):
        out += ["", "[[rule]]"]
        for key, value in rule.items():
            out.append(_entry(key, _convert_value(key, value, convert)))
    return "\n".join(out) + "\n"


def _convert_value(key: str, value: Any, convert: list[Callable[[str], str]]) -> Any:
    if key in _LIST_KEYS:
        seen: dict[str, None] = {}
        for phrase in expand_all(value):
            for fn in convert:
                seen.setdefault(fn(phrase))
            seen.setdefault("".join(convert[0](ch) for ch in phrase))
        return list(seen)
    if key in ("message", "suggestion"):
        # Messages read best in Taiwan standard forms (為, not the OpenCC default 爲).
        return {lang: convert[2](text) if lang == "zh" else text for lang, text in value.items()}
    if key in ("should_fail", "should_pass"):
        return [convert[0](text) for text in value]
    if key == "extend":
        return convert[0](value)
    return value


def _entry(key: str, value: Any) -> str:
    if isinstance(value, dict):
        return "\n".join(f"{key}.{k} = {_string(v)}" for k, v in value.items())
    if isinstance(value, list):
        items = [f"  {_string(v)}," for v in value]
        return "\n".join([f"{key} = [", *items, "]"])
    if isinstance(value, bool):
        return f"{key} = {_bool(value)}"
    return f"{key} = {_string(value)}"


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON string escapes are valid TOML.


def _bool(value: bool) -> str:
    return "true" if value else "false"


def rules_dir() -> Path:
    """Return the folder holding the packaged rule files."""
    return Path(str(resources.files("crisiscomms.lint").joinpath("rules")))


def main(argv: list[str] | None = None) -> int:
    """Regenerate ``zh-Hant.toml`` next to ``zh.toml``, or with ``--check`` compare only."""
    args = sys.argv[1:] if argv is None else argv
    folder = rules_dir()
    expected = derive((folder / "zh.toml").read_text(encoding="utf-8"))
    target = folder / "zh-Hant.toml"
    if "--check" in args:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != expected:
            print(f"{target} is out of date; run python -m crisiscomms.lint.derive_hant")
            return 1
        return 0
    target.write_text(expected, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
