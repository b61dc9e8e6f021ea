"""Regenerate the golden drafts in tests/fixtures/<example>/ from examples/*.yaml.

Every kind in every draft language: zh, en, and the Traditional zh-Hant-HK and
zh-Hant-TW (tests/test_hant.py compares those; test_drafting.py zh and en).

    python tests/regen_golden.py            # rewrite every golden file
    python tests/regen_golden.py --check    # exit 1 if any golden file is out of date

After regenerating, read every changed file in full (``git diff tests/fixtures``)
before committing: a golden file is a reviewed notice, not a snapshot.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Collection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))


def golden_path(example: Path, kind_slug: str, lang: str) -> Path:
    return FIXTURES / example.stem / f"expected.{kind_slug}.{lang}.txt"


def expected_drafts(example: Path) -> dict[Path, str]:
    """Return golden file path -> the draft text the library produces now."""
    from crisiscomms.drafting import draft_all
    from crisiscomms.factfiles import read_facts
    from crisiscomms.kinds import DRAFT_LANGS, kind_slug

    incident = read_facts(str(example))
    drafts = draft_all(incident, langs=DRAFT_LANGS)
    return {golden_path(example, kind_slug(d.kind), d.lang): d.text for d in drafts}


def sync(expected: dict[Path, str], check: bool, orphans: Collection[Path] = ()) -> int:
    """Write each stale golden file (or only list it with ``check``); remove ``orphans``.

    Returns how many files were stale or orphaned. Shared with
    tests/incidents/regen_incident_golden.py.
    """
    stale = 0
    for path, text in expected.items():
        current = path.read_text("utf-8") if path.exists() else None
        if current == text:
            continue
        stale += 1
        if check:
            print(f"stale: {path.relative_to(ROOT)}")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
            print(f"wrote: {path.relative_to(ROOT)}")
    for orphan in sorted(orphans):
        stale += 1
        if check:
            print(f"orphan: {orphan.relative_to(ROOT)}")
        else:
            orphan.unlink()
            print(f"removed: {orphan.relative_to(ROOT)}")
    return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args()
    expected: dict[Path, str] = {}
    for example in example_files():
        expected.update(expected_drafts(example))
    stale = sync(expected, args.check)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
