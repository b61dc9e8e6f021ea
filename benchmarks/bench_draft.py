"""How fast drafting is: warm draft() per call, and the CLI's cold start.

    python benchmarks/bench_draft.py [--calls 2000] [--runs 10]

Prints figures against the targets in issue 3: a warm ``draft()`` under 1 ms
per call, and ``crisiscomms draft first-statement EXAMPLE --lang zh`` starting
within 1.5x of a bare ``python -c "import jinja2, pydantic, babel"``. Absolute
times drift about 1.5x between runs on shared machines; the ratio is steadier.
Not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ecommerce-cooling-failure.yaml"
WARM_TARGET_US = 1000.0
COLD_TARGET_RATIO = 1.5


def warm_draft(calls: int) -> list[tuple[str, str, float]]:
    """Median µs per ``draft()`` call for each kind and language, after a warm-up."""
    from crisiscomms.drafting import draft
    from crisiscomms.factfiles import read_facts
    from crisiscomms.kinds import DRAFT_LANGS, KINDS

    incident = read_facts(str(EXAMPLE))
    figures = []
    for kind in KINDS:
        for lang in DRAFT_LANGS:
            for _ in range(20):  # compile the template, fill the caches
                draft(incident, kind, lang)
            samples = []
            for _ in range(calls):
                start = time.perf_counter_ns()
                draft(incident, kind, lang)
                samples.append(time.perf_counter_ns() - start)
            figures.append((kind, lang, statistics.median(samples) / 1000))
    return figures


def _median_seconds(command: list[str], runs: int) -> float:
    subprocess.run(command, capture_output=True, check=True)  # warm the OS file cache
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def cold_start(runs: int) -> tuple[float, float]:
    """Median seconds of the CLI drafting one notice, and of the bare imports."""
    cli = [sys.executable, "-m", "crisiscomms", "draft", "first-statement", str(EXAMPLE)]
    cli += ["--lang", "zh"]
    bare = [sys.executable, "-c", "import jinja2, pydantic, babel"]
    return _median_seconds(cli, runs), _median_seconds(bare, runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--calls", type=int, default=2000, help="draft() calls per kind/lang")
    parser.add_argument("--runs", type=int, default=10, help="process starts per command")
    args = parser.parse_args()

    print(f"warm draft(), median of {args.calls} calls (target < {WARM_TARGET_US:.0f} µs)")
    figures = warm_draft(args.calls)
    for kind, lang, micros in figures:
        verdict = "ok" if micros < WARM_TARGET_US else "OVER"
        print(f"  {kind:<20} {lang}  {micros:8.1f} µs  {verdict}")
    worst = max(m for _, _, m in figures)
    print(f"  worst: {worst:.1f} µs ({worst / WARM_TARGET_US:.2f} of the target)")

    print(f"\ncold start, median of {args.runs} runs (target ratio <= {COLD_TARGET_RATIO})")
    cli, bare = cold_start(args.runs)
    ratio = cli / bare
    verdict = "ok" if ratio <= COLD_TARGET_RATIO else "OVER"
    print(f"  crisiscomms draft first-statement --lang zh  {cli * 1000:7.1f} ms")
    print(f"  python -c 'import jinja2, pydantic, babel'   {bare * 1000:7.1f} ms")
    print(f"  ratio: {ratio:.2f}x  {verdict}")

    # Where the cold start goes. `import pydantic` alone is lazy: it does not load the
    # BaseModel machinery every pydantic model needs, so the bare figure above is a floor
    # no program with a pydantic model reaches.
    print("\nbreakdown, median of the same runs")
    for label, code in (
        (
            "import jinja2, babel + pydantic.BaseModel",
            "import jinja2, babel; from pydantic import BaseModel",
        ),
        ("import crisiscomms (models, templates, linter)", "import crisiscomms"),
    ):
        seconds = _median_seconds([sys.executable, "-c", code], args.runs)
        print(f"  {label:<48} {seconds * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
