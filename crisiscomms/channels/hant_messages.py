"""Generate ``messages.zh-Hant.toml``: the checks' Chinese messages in Traditional text.

Run ``python -m crisiscomms.channels.hant_messages`` after editing a Chinese message in
``crisiscomms/channels/*.py``, ``crisiscomms/factcheck/*.py``, ``templates/claims.toml`` or the
pack's own messages (``crisiscomms/commspack/pack.toml``)
and commit the result; a test regenerates and compares.
Every run of Chinese characters in the modules' string literals (not their docstrings)
is converted for each region as the templates are (:func:`crisiscomms.hant.convert`:
OpenCC's regional configuration, then ``crisiscomms/hant/fixes.toml``);
:mod:`crisiscomms.hant.lookup` looks the runs up when a finding is built.
"""

from __future__ import annotations

import ast
import json
import re
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path

from ..hant.lookup import DATA_FILE, REGIONS

HERE = Path(__file__).resolve().parent
_HEADER = (
    "# GENERATED from the Chinese messages in crisiscomms/channels/*.py by\n"
    "# `python -m crisiscomms.channels.hant_messages`; do not edit.\n"
    "# Fix wording in crisiscomms/hant/fixes.toml, rerun, read the result.\n"
)
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def runs(source: str) -> list[str]:
    """Return the runs of Chinese characters in the string literals of ``source`` (no docstrings).

    Examples:
        >>> runs('def f():\\n    "文档"\\n    return ("短信", f"超过上限 {n} 个字")\\n')
        ['短信', '超过上限', '个字']
    """
    tree = ast.parse(source)
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found += [] if id(node) in docstrings else _RUN.findall(node.value)
    return list(dict.fromkeys(found))


def derive(sources: Mapping[str, str]) -> str:
    """Return the text of ``messages.zh-Hant.toml`` for the modules' ``sources`` (name -> text)."""
    from ..hant import convert  # Only the generator needs OpenCC.

    found = sorted({run for name in sorted(sources) for run in runs(sources[name])})
    lines = [_HEADER]
    for region in REGIONS:
        lines.append(f"[{region}]")
        for run in found:
            hant = convert(run, region)
            if hant != run:
                lines.append(f"{_quoted(run)} = {_quoted(hant)}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def module_sources() -> dict[str, str]:
    """Return the text of every module of the channel and fact checks, by file name; the
    messages of ``templates/claims.toml`` come as one more source of string literals."""
    paths = [*sorted(HERE.glob("*.py")), *sorted((HERE.parent / "factcheck").glob("*.py"))]
    sources = {f"{p.parent.name}/{p.name}": p.read_text(encoding="utf-8") for p in paths}
    sources["claims.toml"] = repr(_claims_messages())
    sources["pack.toml"] = repr(_pack_messages())
    return sources


def _pack_messages() -> list[str]:
    """Return the Chinese messages and suggestions of the pack's own findings (``pack.toml``)."""
    from ..commspack.data import pack_data

    said = pack_data()["messages"].values()
    return [spec[key]["zh"] for spec in said for key in ("message", "suggestion") if key in spec]


def _claims_messages() -> list[str]:
    """Return the Chinese messages and suggestions of ``templates/claims.toml`` and
    ``templates/contradictions.toml``."""
    from ..factcheck.claims import SAID
    from ..resources import templates_root

    said: list[str] = []
    for name in ("claims.toml", "contradictions.toml"):
        claims = tomllib.loads((templates_root() / name).read_text(encoding="utf-8"))
        said += [body[key]["zh"] for body in claims.values() for key in SAID if key in body]
    return said


def main(argv: list[str] | None = None) -> int:
    """Regenerate the file, or with ``--check`` only compare."""
    from ..hant import write_generated

    args = sys.argv[1:] if argv is None else argv
    command = "python -m crisiscomms.channels.hant_messages"
    return write_generated(DATA_FILE, derive(module_sources()), command, args)


if __name__ == "__main__":
    raise SystemExit(main())
