"""Read and write the precompiled rule data in ``rules/compiled/<lang>.json``.

The generator is :mod:`.compile_rules`: run ``python -m crisiscomms.lint.compile_rules``
after editing ``rules/*.toml`` and commit the JSON; a test regenerates and compares.

Expanding the ``{a|b|}`` notation into some 25,000 phrases and running every
rule's examples cost about 0.1 s, paid by every process that lints (every
``draft``). The generator does both once, and refuses to write data whose
examples misbehave. Each JSON file records the sha256 of the TOML it came
from; the loader uses it only while the TOML is unchanged, so an edited rule
file that was not recompiled is parsed and its examples run at load, as before.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from .rules import Rule, RuleSet

#: Bump when the JSON layout changes; a file of another format is not used.
FORMAT = 1
_TUPLE_FIELDS = frozenset(
    f.name for f in dataclasses.fields(Rule) if str(f.type).startswith("tuple")
)


def source_text(lang: str) -> str:
    """Return the text of the packaged ``rules/<lang>.toml``."""
    source = resources.files("crisiscomms.lint").joinpath("rules", f"{lang}.toml")
    return source.read_text(encoding="utf-8")


def source_digest(text: str) -> str:
    """Return the sha256 (hex) a compiled file records for its TOML source text.

    Examples:
        >>> source_digest("[language]\\ncode = \\"zh\\"\\n")[:12]
        '7dd38630791a'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def compiled_path(lang: str) -> Path:
    """Return where the compiled data of ``lang`` lives inside the package."""
    return Path(str(resources.files("crisiscomms.lint").joinpath("rules", "compiled"))) / (
        f"{lang}.json"
    )


def to_json(rules: RuleSet, digest: str) -> str:
    """Return the compiled-data text for ``rules``, verified rules parsed from a TOML.

    Args:
        rules: the parsed rules, whose examples have been run.
        digest: :func:`source_digest` of the TOML they were parsed from.

    Returns:
        Deterministic JSON, one phrase per line so that diffs stay readable.
    """
    data = {
        "generated_by": "python -m crisiscomms.lint.compile_rules",
        "format": FORMAT,
        "source": f"rules/{rules.lang}.toml",
        "source_sha256": digest,
        "language": {"code": rules.lang, "word_boundaries": rules.word_boundaries},
        "rules": [_rule_to_json(rule) for rule in rules.rules],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _rule_to_json(rule: Rule) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(Rule):
        value = getattr(rule, f.name)
        if isinstance(value, re.Pattern):
            value = value.pattern  # Patterns from rule files carry no flags.
        out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


def load_compiled(lang: str, toml_text: str | None = None) -> RuleSet | None:
    """Return the precompiled rules of ``lang``, or None when they cannot be trusted.

    The data is trusted only when it is of this :data:`FORMAT` and records the
    digest of the current ``rules/<lang>.toml``; anything missing, stale or
    malformed yields None, and the caller parses and checks the TOML instead.

    Args:
        lang: ``zh``, ``zh-Hant`` or ``en``.
        toml_text: the TOML source to compare with (the packaged file by default).

    Returns:
        The rules, equal to what parsing the TOML gives, or None.
    """
    try:
        text = source_text(lang) if toml_text is None else toml_text
        data = json.loads(compiled_path(lang).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("source_sha256") != source_digest(text):
            return None
        language = data["language"]
        if language["code"] != lang:
            return None
        rules = tuple(_rule_from_json(raw) for raw in data["rules"])
        return RuleSet(lang=lang, word_boundaries=language["word_boundaries"], rules=rules)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, re.error):
        return None  # Unusable data is never an error: the TOML path still verifies.


def _rule_from_json(raw: dict[str, Any]) -> Rule:
    fields: dict[str, Any] = {k: tuple(v) if k in _TUPLE_FIELDS else v for k, v in raw.items()}
    if fields.get("extend") is not None:
        fields["extend"] = re.compile(fields["extend"])
    return Rule(**fields)
