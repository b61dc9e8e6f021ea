"""Print how check_draft's time grows with the text: 100 KB, 1 MB and 10 MB, and the ratios.

check_draft must be linear in the text length and the number of findings
(issue 8 §6): a 10× larger input may take at most 12× the time. The text is a
mix of Chinese (Simplified and Traditional) and English notice sentences full
of counts, amounts, times, durations and claims, many of which disagree with
the facts, so findings grow with the text too. Printed per size: the text
layer's normalising and reading (``find_mentions``), the number checks
(``fact-mismatch``), the claim checks (``unsupported-claim``) and the whole of
check_draft, linter included.

    python benchmarks/bench_check_draft.py [--sizes 100000,1000000,10000000] [--repeat 3]
        [--big-repeat 1] [--stages normalize,find_mentions,number,claim,check_draft]

Sizes up to 1 MB are timed ``--repeat`` times and the best run kept (the machines
are shared, and a single short run is noisy); larger ones ``--big-repeat`` times
(once by default: a 10 MB run takes tens of seconds). Compare the CPU rows: on a
shared machine another process's load stretches the wall clock, not the work; with
the load average above the number of cores, even CPU ratios move by a tenth or
two from run to run, so compare best-of runs taken in turn, not single ones.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from typing import Any

from crisiscomms.factcheck.checking import check_draft, fact_values, unsupported_claims
from crisiscomms.factcheck.mismatches import mismatches
from crisiscomms.factcheck.quantities import find_mentions
from crisiscomms.facts import parse_incident
from crisiscomms.text import normalize

FACTS: dict[str, Any] = {
    "organization": {"zh": "示例科技", "en": "Example Tech"},
    "service": {"zh": "示例App", "en": "the Example app"},
    "timezone": "Asia/Shanghai",
    "started_at": "2026-03-29T20:00:00+08:00",
    "published_at": "2026-03-29T20:30:00+08:00",
    "eta": "2026-03-29T22:00:00+08:00",
    "next_update_at": "2026-03-29T21:00:00+08:00",
    "impact": {"scale": [{"count": 8000000, "precision": "estimate"}]},
}

PARAGRAPH = (
    "北京时间3月29日20:00起，示例App无法下单，约{n}万用户受到影响。我们正在紧急修复中，"
    "预计今晚22:00前恢复，将于21:00发布下一次进展。受影响用户可获得{m}元补偿。\n"
    "預計晚上十點恢復，約八百萬用戶受影響，我們將於三十分鐘後更新。\n"
    "About {n}0,000 users could not place orders since 20:00 UTC+8. We expect service back "
    "by 14:00 UTC and will post the next update in 30 minutes. No user data was lost.\n\n"
)


def make_text(size: int) -> str:
    """Return ``size`` characters of notice text, its numbers varying paragraph by paragraph."""
    parts: list[str] = []
    total = i = 0
    while total < size:
        part = PARAGRAPH.format(n=500 + i % 400, m=i % 50)
        parts.append(part)
        total += len(part)
        i += 1
    return "".join(parts)[:size]


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Return the best wall and CPU times of ``repeat`` runs of ``fn``, and its last result.

    CPU time (this process only) is the steadier figure on a shared machine.
    """
    best, best_cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        best_cpu = min(best_cpu, time.process_time() - c0)
        best = min(best, time.perf_counter() - t0)
    return best, best_cpu, result


def main() -> None:
    """Time each stage at each size and print the times and the growth ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--big-repeat", type=int, default=1, help="runs of sizes over 1 MB")
    parser.add_argument("--no-lint", action="store_true", help="skip the whole check_draft row")
    parser.add_argument("--stages", default="", help="comma-separated prefixes of stages to run")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    incident = parse_incident(FACTS)
    values = fact_values(incident)
    stages: dict[str, Callable[[str], Any]] = {
        "normalize": normalize,
        "find_mentions": find_mentions,
        "number checks": lambda text: list(mismatches(text, values, "zh")),
        "claim checks": lambda text: unsupported_claims(text, incident, "zh"),
    }
    if not args.no_lint:
        stages["check_draft (with lint)"] = lambda text: check_draft(text, incident, "zh")
    if args.stages:
        wanted = args.stages.split(",")
        stages = {k: v for k, v in stages.items() if any(k.startswith(w) for w in wanted)}
    results: dict[str, list[float]] = {name: [] for name in stages}
    cpu_results: dict[str, list[float]] = {name: [] for name in stages}
    print(f"{'stage':<26}" + "".join(f"{size / 1e6:>10.1f} MB" for size in sizes) + "  ratios")
    for name, fn in stages.items():
        counts = []
        for size in sizes:
            text = make_text(size)
            repeat = args.repeat if size <= 1_000_000 else args.big_repeat
            seconds, cpu, found = timed(lambda fn=fn, text=text: fn(text), repeat)
            results[name].append(seconds)
            cpu_results[name].append(cpu)
            counts.append(len(found) if isinstance(found, list) else len(text))
        for clock, times in (("", results[name]), (" (cpu)", cpu_results[name])):
            ratios = [times[i + 1] / times[i] for i in range(len(times) - 1)]
            print(
                f"{name + clock:<26}"
                + "".join(f"{t:>11.2f}s" for t in times)
                + "  "
                + " ".join(f"{r:.1f}x" for r in ratios)
                + f"   (items: {', '.join(map(str, counts))})",
                flush=True,
            )
    print("target: each 10x larger input takes at most 12x the time")
    print("load average (1, 5, 15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
