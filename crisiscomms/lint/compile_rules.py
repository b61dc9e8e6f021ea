"""Precompile the rule files into JSON the linter loads without expanding or re-checking.

Run ``python -m crisiscomms.lint.compile_rules`` after editing ``rules/*.toml``
(after ``python -m crisiscomms.lint.derive_hant`` when ``zh.toml`` changed) and
commit ``rules/compiled/*.json``; a test regenerates and compares. Every rule's
examples run first: data whose examples misbehave is never written. The format
and the loader are in :mod:`.compiled`.
"""

from __future__ import annotations

import sys
import tomllib

from .catalog import check_examples
from .compiled import compiled_path, source_digest, source_text, to_json
from .rules import RULE_LANGS, parse_rules


def compile_lang(lang: str) -> str:
    """Parse ``rules/<lang>.toml``, run every rule's examples, and return its JSON.

    Raises:
        ConfigError: when the data is malformed or an example misbehaves;
            nothing is written then.
    """
    text = source_text(lang)
    origin = f"rules/{lang}.toml"
    rules = parse_rules(tomllib.loads(text), origin)
    check_examples(rules, origin)
    return to_json(rules, source_digest(text))


def main(argv: list[str] | None = None) -> int:
    """Regenerate every ``rules/compiled/<lang>.json``, or with ``--check`` compare only."""
    args = sys.argv[1:] if argv is None else argv
    stale = []
    for lang in RULE_LANGS:
        expected, target = compile_lang(lang), compiled_path(lang)
        if "--check" in args:
            current = target.read_text(encoding="utf-8") if target.exists() else ""
            if current != expected:
                stale.append(str(target))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(expected, encoding="utf-8")
        print(f"wrote {target}")
    for path in stale:
        print(f"{path} is out of date; run python -m crisiscomms.lint.compile_rules")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
