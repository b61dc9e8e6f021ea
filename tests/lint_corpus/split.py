"""Split the labelled statements into a fixed dev split and a fixed test split.

Run: ``python tests/lint_corpus/split.py raw/zh.jsonl raw/en.jsonl`` (paths relative to this
folder). A statement's split follows from its id alone (a stable hash), so adding statements
never moves one from dev to test or back. Rules are tuned on ``dev.jsonl`` only; ``test.jsonl``
is scored, never read while tuning.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEST_SHARE = 32  # percent of statements in the test split

LANGS = {"zh", "zh-Hant", "en"}
REGISTERS = {
    "notice", "cs-chat", "social", "wechat-article", "status-page", "app-store-reply", "game",
    "institution", "enterprise-email", "sms",
}  # fmt: skip
LABELS = {
    "vague-fix-no-timeline", "vague-time", "empty-apology", "vague-scope", "over-promise",
    "blame-shift", "minimizing", "no-data-safety-statement", "unfilled-placeholder",
}  # fmt: skip


def split_of(statement_id: str) -> str:
    """Return ``"test"`` or ``"dev"`` for a statement id; the answer never changes.

    Examples:
        >>> split_of("zh-0001") in ("dev", "test")
        True
    """
    bucket = int(hashlib.sha256(statement_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "test" if bucket < TEST_SHARE else "dev"


def check(row: dict[str, object], where: str) -> None:
    """Raise ValueError naming ``where`` when a row breaks the format in GUIDELINES.md."""
    if set(row) != {"id", "lang", "register", "labels", "text"}:
        raise ValueError(f"{where}: keys must be id, lang, register, labels, text")
    labels = row["labels"]
    if row["lang"] not in LANGS or row["register"] not in REGISTERS:
        raise ValueError(f"{where}: unknown lang or register")
    if not isinstance(labels, list) or not set(labels) <= LABELS or labels != sorted(set(labels)):
        raise ValueError(f"{where}: labels must be a sorted list of known rule ids")
    if not isinstance(row["text"], str) or not row["text"].strip():
        raise ValueError(f"{where}: empty text")


def main(paths: list[str]) -> int:
    """Read every raw file, check each row, and write dev.jsonl and test.jsonl."""
    rows: dict[str, dict[str, object]] = {}
    for name in paths:
        path = HERE / name
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            check(row, f"{path}:{number}")
            if str(row["id"]) in rows:
                raise ValueError(f"{path}:{number}: duplicate id {row['id']}")
            rows[str(row["id"])] = row
    for split in ("dev", "test"):
        chosen = [rows[i] for i in sorted(rows) if split_of(i) == split]
        lines = [json.dumps(r, ensure_ascii=False) for r in chosen]
        (HERE / f"{split}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{split}: {len(chosen)} statements")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
