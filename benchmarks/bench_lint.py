"""Measure lint speed against two baselines over the same text, side by side in one run.

Run: ``python benchmarks/bench_lint.py`` (``--quick`` skips the 10 MB runs, ``--once`` times
each size once instead of the best of three rounds, ``--rounds N`` takes the best of N,
``--fresh`` also times each size of section 3 in a new process of its own). Prints:

1. lint() on 1 MiB of mixed zh/en notice text, as a share of a bare
   ``ahocorasick-rs`` scan of the linter's own lexicon over the same text
   (target: at least 15%);
2. lint() of one 2 KiB notice against one compiled regex alternation of the
   lexicon over it (target: at most 2x);
3. lint() of 100 KB, 1 MB and 10 MB (characters) and the ratios, for ordinary
   text and for text with about a million findings at 10 MB (target: linear,
   10x the text in at most 12x the time). In one process, each run inherits the heap the
   runs before it left (a 10 MB run with a million findings takes half a gigabyte), so the
   same work can take a fifth more or less from round to round; ``--fresh`` times every
   size in a process of its own as well, which starts each from the same state, round by round,
   and also prints the median of each round's own ratios (the best of each size alone pairs
   figures from different rounds, and so moves with the machine's load).

Nothing is asserted: machines are shared and timings drift.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Any

import ahocorasick_rs

from crisiscomms.lint import lint
from crisiscomms.lint.catalog import plan_for

MIB = 1 << 20
NOTICE = (
    "【故障说明】北京时间3月29日 14:05起，约12%的用户无法下单。技术团队正在排查原因，"
    "我们将于30分钟后发布下一次进展。用户资金与账户数据安全，未受影响。\n\n"
    "Since 14:05 UTC about 12% of users cannot check out. Engineers are investigating; "
    "next update by 15:30 UTC. Your funds and account data are safe.\n\n"
    "本次故障由机房制冷系统失效引起，对此我们深表歉意。系统目前运行平稳，历时约2小时。\n\n"
    "The incident lasted about 2 hours. We have added monitoring to every region.\n\n"
)
# Every sentence draws findings: the worst case for the work done per finding.
DENSE = "正在修复中，尽快恢复。部分用户受影响。We are investigating, ASAP.\n\n"


def repeat(unit: str, size: int) -> str:
    """Return ``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def best(fn: Callable[[], object], repeat_times: int = 3) -> float:
    """Return the best wall time of ``fn()`` in seconds."""
    times = []
    for _ in range(repeat_times):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return min(times)


def timed(fn: Callable[[], list[Any]], repeat_times: int) -> tuple[float, float, list[Any]]:
    """Return the best wall time and the best CPU time of ``fn()`` in seconds, and its result.

    CPU time (this process only) is the steadier figure on a shared machine: another
    process's load stretches the wall clock, not the work done.
    """
    elapsed, cpu, result = float("inf"), float("inf"), list[Any]()
    for _ in range(repeat_times):
        began, began_cpu = time.perf_counter(), time.process_time()
        result = fn()
        cpu = min(cpu, time.process_time() - began_cpu)
        elapsed = min(elapsed, time.perf_counter() - began)
    return elapsed, cpu, result


def main(argv: list[str]) -> int:
    """Print the three figures."""
    print("load average (1, 5, 15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    lint("预热 warm-up")  # load and check the rules outside the timing
    words = plan_for(("zh", "en")).scanner.words
    print(f"lexicon: {len(words)} words (zh + en)")

    text = repeat(NOTICE, MIB)
    automaton = ahocorasick_rs.AhoCorasick(words)
    bare = ours = bare_cpu = ours_cpu = float("inf")
    for _ in range(5):  # alternate, so that a change in the machine's load hits both alike
        wall, cpu, _ = timed(lambda: automaton.find_matches_as_indexes(text, overlapping=True), 1)
        bare, bare_cpu = min(bare, wall), min(bare_cpu, cpu)
        wall, cpu, _ = timed(lambda: lint(text), 1)
        ours, ours_cpu = min(ours, wall), min(ours_cpu, cpu)
    print("\n1. 1 MiB mixed zh/en, side by side (best of 5, alternating)")
    print(f"   bare Aho-Corasick scan of the lexicon: {bare * 1000:8.1f} ms "
          f"({MIB / bare / 1e6:6.1f} M chars/s), cpu {bare_cpu * 1000:8.1f} ms")  # fmt: skip
    print(f"   lint():                                {ours * 1000:8.1f} ms "
          f"({MIB / ours / 1e6:6.1f} M chars/s), cpu {ours_cpu * 1000:8.1f} ms")  # fmt: skip
    print(f"   lint speed = {bare / ours:.0%} of the bare scan "
          f"({bare_cpu / ours_cpu:.0%} in cpu time; target >= 15%)")  # fmt: skip

    notice = repeat(NOTICE, 2048)
    alternation = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    runs = 200
    regex = best(lambda: [alternation.findall(notice) for _ in range(runs)]) / runs
    small = best(lambda: [lint(notice) for _ in range(runs)]) / runs
    print("\n2. one 2 KiB notice")
    print(f"   one compiled regex alternation of the lexicon: {regex * 1e6:8.0f} µs")
    print(f"   lint():                                        {small * 1e6:8.0f} µs")
    print(f"   lint = {small / regex:.2f}x the regex (target <= 2x)")

    sizes = [100_000, 1_000_000] if "--quick" in argv else [100_000, 1_000_000, 10_000_000]
    rounds = 1 if "--once" in argv else 3
    if "--rounds" in argv[:-1]:
        rounds = int(argv[argv.index("--rounds") + 1])
    print(f"\n3. growth, ordinary text and text dense with findings (best of {rounds}, every size")
    print("   timed once per round, so a change in the machine's load hits every size alike)")
    print(f"   {'':13} " + "".join(f"{size / 1e6:>9.1f} MB" for size in sizes) + "   ratios")
    for name, unit in (("ordinary", NOTICE), ("dense", DENSE)):
        samples = [repeat(unit, size) for size in sizes]
        times = [float("inf")] * len(sizes)
        cpus = [float("inf")] * len(sizes)
        counts = [0] * len(sizes)
        for _ in range(rounds):
            for at, sample in enumerate(samples):
                elapsed, cpu, found = timed(partial(lint, sample), 1)
                times[at], cpus[at] = min(times[at], elapsed), min(cpus[at], cpu)
                counts[at] = len(found)
        for clock, figures in (("wall", times), ("cpu", cpus)):
            ratios = " ".join(f"{b / a:.1f}x" for a, b in pairwise(figures))
            found = ", ".join(map(str, counts))
            print(f"   {name:8} {clock:4} " + "".join(f"{t:>11.2f}s" for t in figures)
                  + f"   {ratios}   (findings: {found})", flush=True)  # fmt: skip
    if "--fresh" in argv:
        print("   each size in a new process of its own (cpu, best of the rounds; then the")
        print("   median of each round's own ratios, sizes run back to back in every round):")
        for name in ("ordinary", "dense"):
            # Round by round, so that a change in the machine's load hits every size alike.
            runs = [[_fresh_cpu(name, size) for size in sizes] for _ in range(rounds)]
            cpus = [min(run[at] for run in runs) for at in range(len(sizes))]
            ratios = " ".join(f"{b / a:.1f}x" for a, b in pairwise(cpus))
            print(f"   {name:8} cpu  " + "".join(f"{t:>11.2f}s" for t in cpus) + f"   {ratios}")
            steps = range(len(sizes) - 1)
            paired = [statistics.median(run[at + 1] / run[at] for run in runs) for at in steps]
            print(f"   {name:8} median of the rounds' ratios: "
                  + " ".join(f"{r:.1f}x" for r in paired))  # fmt: skip
    print("   target: each 10x larger input takes at most 12x the time")
    return 0


#: Lints one text of a size in a new process and prints the CPU seconds it took.
_FRESH = """
import sys, time
sys.path.insert(0, sys.argv[1])
from bench_lint import DENSE, NOTICE, repeat
from crisiscomms.lint import lint
lint("预热 warm-up")
text = repeat(DENSE if sys.argv[2] == "dense" else NOTICE, int(sys.argv[3]))
start = time.process_time()
lint(text)
print(time.process_time() - start)
"""


def _fresh_cpu(name: str, size: int) -> float:
    """CPU seconds of one lint() of ``size`` characters of ``name`` text in a new process."""
    here = str(Path(__file__).resolve().parent)
    argv = [sys.executable, "-c", _FRESH, here, name, str(size)]
    done = subprocess.run(argv, check=True, capture_output=True, text=True)
    return float(done.stdout.split()[-1])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
