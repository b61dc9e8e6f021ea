"""The stable rule ids: a contract with drafting, the CLI, configs and users.

The ids and everything said about them live in the registry
(:mod:`.registry`, ``data/registry.toml``); these tuples are views of it.
"""

from __future__ import annotations

from .registry import ids_from, registry

#: Rules that judge wording, in any text.
WORDING_RULES: tuple[str, ...] = ids_from("lint")

#: Rules that judge what a notice of a given kind leaves out (``lint --kind``).
COMPLETENESS_RULES: tuple[str, ...] = ids_from("lint-completeness")

#: Every rule the linter itself can report.
LINT_RULES: tuple[str, ...] = WORDING_RULES + COMPLETENESS_RULES

#: Every rule id the library can emit.
RULE_IDS: tuple[str, ...] = tuple(registry())
