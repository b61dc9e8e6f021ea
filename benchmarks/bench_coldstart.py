"""How fast the CLI starts: one notice drafted in a new process against a bare import.

    python benchmarks/bench_coldstart.py [--runs 20] [--importtime]

Times ``python -m crisiscomms draft first-statement EXAMPLE --lang zh`` and a bare
``python -c "import jinja2, pydantic, babel"``, each started ``--runs`` times, the two
alternated so that a burst of load on a shared machine hits both alike, and prints
each command's median wall-clock and CPU time, their ratios (target: within 1.5x,
issue 11 §4) and the load average; on a shared machine the CPU ratio is the steadier.
It also times, in the same rounds, three starts that do less than the command and
that no start of it can beat, each printed as a ratio to the bare import next to the
target: the floor, each library the command uses used once (a pydantic model
validated, YAML read, a date formatted, a template rendered); pydantic used at all
(one trivial model defined and validated); and the facts model alone (the example
facts read and validated by ``crisiscomms.factfiles.read_facts``: no rendering, no
lint). When one of these is already over the target, the target is below what the
mandated parts cost to start, whatever the command does. Run it from outside the
checkout to time another copy of the package on ``PYTHONPATH`` (``python -m`` and
``python -c`` put the working folder first).
``--importtime`` also prints the command's costliest imports (``-X importtime``,
cumulative). Not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ecommerce-cooling-failure.yaml"
TARGET_RATIO = 1.5
COMMAND = [sys.executable, "-m", "crisiscomms", "draft", "first-statement", str(EXAMPLE)]
COMMAND += ["--lang", "zh"]
BARE = [sys.executable, "-c", "import jinja2, pydantic, babel"]
# What using the libraries at all costs beyond importing them: one pydantic model
# validated, a YAML document read, a date formatted for zh, a Jinja2 template rendered.
# The command cannot start faster than this while it uses each of them.
FLOOR = [
    sys.executable,
    "-c",
    "import jinja2, pydantic, babel, babel.dates, yaml\n"
    "class A(pydantic.BaseModel):\n    x: int\n"
    "A.model_validate(yaml.load('x: 1', Loader=yaml.CSafeLoader))\n"
    "babel.dates.format_date(None, locale='zh')\n"
    "jinja2.Environment().from_string('{{ x }}').render(x=1)",
]
# What using pydantic at all costs: a model is built (its validator and schema) when
# its class is defined, the first a process defines being the dearest.
PYDANTIC = [
    sys.executable,
    "-c",
    "import jinja2, pydantic, babel\n"
    "from pydantic import BaseModel\n"
    "class A(BaseModel):\n    x: int\n"
    "A.model_validate({'x': 1})",
]
# The facts model alone: the project's facts models built and the example read and
# validated as the command reads it, with nothing rendered or linted.
FACTS = [
    sys.executable,
    "-c",
    "import jinja2, pydantic, babel\n"
    "import crisiscomms.facts\n"
    "from crisiscomms.factfiles import read_facts\n"
    f"read_facts({str(EXAMPLE)!r})",
]
BARE_LABEL = "python -c 'import jinja2, pydantic, babel'"
STARTS = {
    "crisiscomms draft first-statement --lang zh": COMMAND,
    BARE_LABEL: BARE,
    "floor: each library used once": FLOOR,
    "pydantic used: one model validated": PYDANTIC,
    "facts model: example read and validated": FACTS,
}
# An installed wheel has its bytecode compiled at install time (site-packages has it for
# jinja2, pydantic and babel); a checkout run with PYTHONDONTWRITEBYTECODE would compile
# every crisiscomms module from source on each start, which no user pays. The first
# (untimed) start writes the bytecode.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _once(argv: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one start of ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


Runs = list[tuple[float, float]]


def alternate(runs: int) -> dict[str, Runs]:
    """(wall, CPU) seconds of each start of each of :data:`STARTS`, by label.

    The starts take turns, one of each per round, so that a burst of load on a shared
    machine falls on all of them alike.
    """
    for argv in STARTS.values():
        _once(argv)  # warm the file cache, bytecode, user caches
    timed: dict[str, Runs] = {label: [] for label in STARTS}
    for _ in range(runs):
        for label, argv in STARTS.items():
            timed[label].append(_once(argv))
    return timed


def import_costs(top: int) -> list[tuple[int, str]]:
    """The command's ``top`` costliest imports: (cumulative µs, module), costliest first."""
    argv = [sys.executable, "-X", "importtime", *COMMAND[1:]]
    done = subprocess.run(argv, check=True, capture_output=True, text=True, env=ENV)
    costs = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.removeprefix("import time:").split("|", 2)
        if cumulative.strip().isdigit():
            costs.append((int(cumulative), name.rstrip()))
    return sorted(costs, reverse=True)[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=20, help="process starts per command")
    parser.add_argument("--importtime", action="store_true", help="also list costly imports")
    args = parser.parse_args()

    timed = alternate(args.runs)
    bare = timed[BARE_LABEL]
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"cold start, median of {args.runs} starts each (load average {load})")
    print(f"  {'':<46} {'wall':>9} {'CPU':>9}")
    for label, runs in timed.items():
        wall, cpu = (statistics.median(r[i] for r in runs) * 1000 for i in (0, 1))
        print(f"  {label:<46} {wall:6.1f} ms {cpu:6.1f} ms")
    print(f"ratio to the bare import (target <= {TARGET_RATIO}x, issue 11 §4)")
    print(f"  {'':<46} {'CPU best':>9} {'CPU med':>8} {'wall med':>8}")
    for label, runs in timed.items():
        if label == BARE_LABEL:
            continue
        best = min(r[1] for r in runs) / min(r[1] for r in bare)
        cpu, wall = (
            statistics.median(r[i] for r in runs) / statistics.median(r[i] for r in bare)
            for i in (1, 0)
        )
        verdict = "ok" if best <= TARGET_RATIO else "OVER"
        print(f"  {label:<46} {best:8.2f}x {cpu:7.2f}x {wall:7.2f}x  {verdict}")
    print(f"  (CPU best: the least CPU time of {args.runs} starts over the bare import's least;")
    print("   on a shared machine the steadiest figure, other processes only ever add to it)")
    if args.importtime:
        print("costliest imports (cumulative, one run):")
        for micros, name in import_costs(15):
            print(f"  {micros / 1000:7.1f} ms  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
