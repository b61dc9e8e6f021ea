"""Write the Traditional template folders from the Simplified ones.

Run ``python -m crisiscomms.hant.generate`` (``--check`` to only compare).

For each region (``zh-Hant-HK``, ``zh-Hant-TW``) it writes ``templates/<region>/``:

- every ``templates/zh/**/*.j2`` converted with :func:`crisiscomms.hant.convert`
  (OpenCC's regional configuration, then ``fixes.toml``), imports pointed at the
  region's own folder;
- ``terms.toml``: ``zh/terms.toml`` converted, the region's ``[terms.<region>]``
  entries of ``fixes.toml`` set over it, and ``[element_labels]``, ``[element_why]``
  and ``[element_question]`` (the placeholder labels, and what a ``missing-*`` finding
  says, of ``elements.toml``);
- ``audiences.toml``: the Traditional name and salutation of every shipped audience.

Generated files that no longer have a source are removed. Rerun it after any
change to ``templates/zh``, ``elements.toml``, ``audiences.toml`` or ``fixes.toml``,
read the diff of the generated folders in full, then record them as vetted
(``python -m crisiscomms.vetting --write``). ``--check`` only reports stale files
(exit 1). The output depends on OpenCC's dictionaries: use the version pinned in
``pyproject.toml``'s ``hant`` extra.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..resources import templates_root
from . import HANT_LANGS, convert, term_overrides

SOURCE = "zh"
_HEADER = (
    "# GENERATED from {source} by `python -m crisiscomms.hant.generate`; do not edit.\n"
    "# Fix wording in crisiscomms/hant/fixes.toml, rerun, read the result, re-vet.\n"
)
_IMPORT = re.compile(r"""(["'])zh/""")
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def generated(root: Path | None = None) -> dict[Path, str]:
    """Return every generated file (path under ``root``) and its text."""
    root = root or templates_root()
    out: dict[Path, str] = {}
    terms = _load(root / SOURCE / "terms.toml")
    elements = _load(root / "elements.toml")
    audiences = _load(root / "audiences.toml")
    for lang in HANT_LANGS:
        target = root / lang
        for source in sorted((root / SOURCE).rglob("*.j2")):
            text = source.read_text(encoding="utf-8")
            relative = source.relative_to(root / SOURCE)
            text = _IMPORT.sub(rf"\g<1>{lang}/", convert(text, lang))
            out[target / relative] = text.replace("Simplified-Chinese", f"{lang} (generated)")
        out[target / "terms.toml"] = _terms(terms, elements, lang)
        out[target / "audiences.toml"] = _audiences(audiences, lang)
    return out


def _terms(terms: Mapping[str, Any], elements: Mapping[str, Any], lang: str) -> str:
    data = _merge(_converted(terms, lang), term_overrides()[lang])
    labels = {name: convert(spec["label"]["zh"], lang) for name, spec in elements.items()}
    data["element_labels"] = labels
    # What a missing-* finding says in a Traditional draft: why, and the question to ask.
    data["element_why"] = {
        name: convert(spec["why"]["zh"], lang) for name, spec in elements.items()
    }
    data["element_question"] = {
        name: convert(spec["question"]["zh"], lang) for name, spec in elements.items()
    }
    return _HEADER.format(source=f"{SOURCE}/terms.toml") + _toml(data)


def _audiences(audiences: Mapping[str, Any], lang: str) -> str:
    data = {
        audience_id: {
            key: convert(entry[key]["zh"], lang)
            for key in ("name", "salutation")
            if "zh" in entry.get(key, {})
        }
        for audience_id, entry in audiences.items()
    }
    return _HEADER.format(source="audiences.toml") + _toml(data)


def _converted(value: Any, lang: str) -> Any:
    if isinstance(value, str):
        return convert(value, lang)
    if isinstance(value, Mapping):
        return {key: _converted(item, lang) for key, item in value.items()}
    return value


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _toml(data: Mapping[str, Any], prefix: str = "") -> str:
    """Write nested tables of strings and numbers as TOML (all this folder needs)."""
    scalars = [(k, v) for k, v in data.items() if not isinstance(v, Mapping)]
    tables = [(k, v) for k, v in data.items() if isinstance(v, Mapping)]
    lines = [f"{_key(k)} = {_value(v)}" for k, v in scalars]
    text = "\n".join(lines) + ("\n" if lines else "")
    for key, table in tables:
        name = f"{prefix}{_key(key)}"
        if all(not isinstance(v, Mapping) for v in table.values()) or not prefix:
            text += f"\n[{name}]\n" + _toml(table, f"{name}.")
        else:
            text += _toml(table, f"{name}.")
    return text


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _load(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def stale(root: Path | None = None) -> list[Path]:
    """Return the generated files that differ from what the generator writes now, or are extra."""
    root = root or templates_root()
    expected = generated(root)
    found = [
        p
        for lang in HANT_LANGS
        for p in (root / lang).rglob("*")
        if p.is_file() and (p.suffix == ".j2" or p.name in ("terms.toml", "audiences.toml"))
    ]
    wrong = [p for p, text in expected.items() if not p.is_file() or p.read_text("utf-8") != text]
    return sorted(set(wrong) | {p for p in found if p not in expected})


def main(argv: list[str] | None = None) -> int:
    """Write the generated files (or with ``--check`` only list the stale ones)."""
    args = sys.argv[1:] if argv is None else argv
    root = templates_root()
    changed = stale(root)
    if "--check" in args:
        for path in changed:
            print(f"stale: {path.relative_to(root)}")
        return 1 if changed else 0
    expected = generated(root)
    for path in changed:
        if path in expected:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(expected[path], encoding="utf-8")
            print(f"wrote: {path.relative_to(root)}")
        else:
            path.unlink()
            print(f"removed: {path.relative_to(root)}")
            folder = path.parent
            while folder.name not in HANT_LANGS and not any(folder.iterdir()):
                folder.rmdir()  # a sub-folder (channels/) whose zh source is gone
                folder = folder.parent
    return 0


if __name__ == "__main__":
    sys.exit(main())
