"""Generate ``data/registry.zh-Hant.toml``: the registry's Chinese messages in Traditional script.

Run ``python -m crisiscomms.lint.hant_messages`` after editing the messages in
``data/registry.toml`` and commit the result; a test regenerates and compares.
Traditional text is folded to Simplified before matching, so only the few
strings a reader sees need a Traditional form. They are converted as a Taiwan notice is
(``zh-Hant`` means Taiwan): OpenCC's ``s2twp`` with the project's regional fixes, so a
reader sees 登入, 資料 and 「」 rather than the mainland's 登錄, 數據 and “”.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

_HEADER = (
    "# GENERATED from registry.toml by `python -m crisiscomms.lint.hant_messages`; do not edit.\n"
)


def derive(source: str) -> str:
    """Return the text of ``registry.zh-Hant.toml`` for the text of ``registry.toml``.

    Examples:
        >>> print(derive('["x"]\\nmessage.zh = "没有时间"\\n').strip().splitlines()[-1])
        message = "沒有時間"
    """
    from ..hant import convert as to_hant  # only the generator needs OpenCC

    def convert(text: str) -> str:
        return to_hant(text, "zh-Hant-TW")

    out = [_HEADER]
    for rule_id, table in tomllib.loads(source).items():
        lines = [
            f"{key} = {json.dumps(convert(table[key]['zh']), ensure_ascii=False)}"
            for key in ("message", "suggestion")
            if "zh" in table.get(key, {})
        ]
        if lines:
            out += [f"[{json.dumps(rule_id)}]", *lines, ""]
    return "\n".join(out).rstrip("\n") + "\n"


def data_dir() -> Path:
    """Return the folder holding the registry files."""
    return Path(__file__).with_name("data")


def main(argv: list[str] | None = None) -> int:
    """Regenerate the file, or with ``--check`` only compare."""
    from ..hant import write_generated

    args = sys.argv[1:] if argv is None else argv
    expected = derive((data_dir() / "registry.toml").read_text(encoding="utf-8"))
    target = data_dir() / "registry.zh-Hant.toml"
    return write_generated(target, expected, "python -m crisiscomms.lint.hant_messages", args)


if __name__ == "__main__":
    raise SystemExit(main())
