"""Print the linter's precision, recall and F1 per rule on the dev and test splits.

Run: ``python benchmarks/lint_accuracy.py`` (``-v`` lists every miss and false
alarm on **dev** only; ``--split dev`` scores dev alone, which is all one looks at
while tuning; ``--rule ID`` limits ``-v`` to one rule). The corpus is
``tests/lint_corpus/{dev,test}.jsonl`` (format in ``tests/lint_corpus/GUIDELINES.md``).
Rules are tuned on dev; the test split is only scored, and only its aggregate figures
are ever printed.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from crisiscomms.lint import WORDING_RULES, lint

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "lint_corpus"
SPLITS = ("dev", "test")


@dataclass
class Score:
    """True positives, false positives and false negatives of one rule."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of reports that were right (1.0 when nothing was reported)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of labelled cases that were reported (1.0 when none were labelled)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Statement:
    """One labelled statement of the corpus."""

    id: str
    lang: str
    register: str
    labels: frozenset[str]
    text: str


def read_split(split: str, folder: Path = CORPUS) -> list[Statement]:
    """Return the statements of ``split`` (``dev`` or ``test``); [] when the file is absent."""
    path = folder / f"{split}.jsonl"
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            rows.append(
                Statement(
                    raw["id"],
                    raw["lang"],
                    raw.get("register", ""),
                    frozenset(raw["labels"]),
                    raw["text"],
                )
            )
    return rows


def evaluate(rows: list[Statement], keep_misses: bool = False) -> dict[str, Score]:
    """Lint every statement (language auto-detected) and score each wording rule."""
    scores = {rule: Score() for rule in WORDING_RULES}
    for row in rows:
        found = {f.rule for f in lint(row.text)}
        for rule, score in scores.items():
            if rule in found and rule in row.labels:
                score.tp += 1
            elif rule in found:
                score.fp += 1
                if keep_misses:
                    score.misses.append(f"false alarm {row.id}: {row.text}")
            elif rule in row.labels:
                score.fn += 1
                if keep_misses:
                    score.misses.append(f"missed {row.id}: {row.text}")
    return scores


def main(argv: list[str]) -> int:
    """Print one table per split; with ``-v`` also every mistake on dev."""
    splits = SPLITS
    if "--split" in argv:
        chosen = argv[argv.index("--split") + 1 :][:1]
        if not chosen or chosen[0] not in SPLITS:
            print(f"--split takes one of {', '.join(SPLITS)}", file=sys.stderr)
            return 2
        splits = (chosen[0],)
    only = argv[argv.index("--rule") + 1] if "--rule" in argv[:-1] else None
    for split in splits:
        rows = read_split(split)
        if not rows:
            print(f"{split}: no statements")
            continue
        verbose = "-v" in argv and split == "dev"  # never show test statements
        clean = sum(1 for r in rows if not r.labels)
        print(f"\n{split}: {len(rows)} statements ({clean} clean)")
        print(f"{'rule':28} {'n':>4} {'prec':>6} {'recall':>6} {'F1':>6}")
        for rule, s in evaluate(rows, keep_misses=verbose).items():
            n = s.tp + s.fn
            print(f"{rule:28} {n:>4} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
            for miss in s.misses if only in (None, rule) else ():
                print(f"    {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
