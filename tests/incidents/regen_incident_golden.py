"""Regenerate the golden drafts of the real incidents in tests/incidents/golden/.

    python tests/incidents/regen_incident_golden.py           # rewrite every golden draft
    python tests/incidents/regen_incident_golden.py --check   # exit 1 if any is out of date

Each facts file in tests/incidents/ is drafted in every kind, in zh and en, into
golden/<file>/<kind>.<lang>.txt. After regenerating, read every changed draft in
full (``git diff tests/incidents/golden``) before committing: a golden draft is a
notice someone has read, not a snapshot.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GOLDEN = HERE / "golden"


def incident_files() -> list[Path]:
    """Return the facts files of the real incidents, in name order."""
    return sorted(HERE.glob("*.yaml"))


def golden_path(facts_file: Path, kind_slug: str, lang: str) -> Path:
    """Return where the golden draft of one kind and language of one facts file lives."""
    return GOLDEN / facts_file.stem / f"{kind_slug}.{lang}.txt"


def expected_drafts(facts_file: Path) -> dict[Path, str]:
    """Return golden path -> the draft text the library produces now."""
    from crisiscomms.drafting import draft_all
    from crisiscomms.factfiles import read_facts
    from crisiscomms.kinds import kind_slug

    incident = read_facts(str(facts_file))
    return {golden_path(facts_file, kind_slug(d.kind), d.lang): d.text for d in draft_all(incident)}


def main() -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    from regen_golden import sync

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only report stale golden drafts")
    args = parser.parse_args()
    expected: dict[Path, str] = {}
    for facts_file in incident_files():
        expected.update(expected_drafts(facts_file))
    stale = sync(expected, args.check, set(GOLDEN.glob("*/*.txt")) - set(expected))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
