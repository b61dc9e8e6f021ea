"""Measure lint throughput against the ceiling of one regex alternation of all phrases.

Run: ``python benchmarks/bench_lint.py`` (add ``--quick`` to skip the 10 MB runs).
Prints chars/s for: the regex alternation alone, lint() on 1 MB of mixed
zh/en notice text, growth over 1/2/4/10 MB, and adversarial inputs.
"""

from __future__ import annotations

import re
import sys
import time

from crisiscomms.lint import lint
from crisiscomms.lint.catalog import plan_for, ruleset
from crisiscomms.lint.textfold import fold

NOTICE = (
    "【故障说明】北京时间3月29日 14:05起，约12%的用户无法下单。技术团队正在排查原因，"
    "我们将于30分钟后发布下一次进展。用户资金与账户数据安全，未受影响。\n\n"
    "Since 14:05 UTC about 12% of users cannot check out. Engineers are investigating; "
    "next update by 15:30 UTC. Your funds and account data are safe.\n\n"
    "本次故障由机房制冷系统失效引起，对此我们深表歉意。系统目前运行平稳，历时约2小时。\n\n"
    "The incident lasted about 2 hours. We have added monitoring to every region.\n\n"
)


def mixed_text(size: int) -> str:
    """Return about ``size`` characters of realistic mixed zh/en notice text."""
    return (NOTICE * (size // len(NOTICE) + 1))[:size]


def timed(fn: object, text: str, repeat: int = 3) -> float:
    """Return the best chars/s of ``fn(text)`` over ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        fn(text)  # type: ignore[operator]
        best = min(best, time.perf_counter() - began)
    return len(text) / best


def main(argv: list[str]) -> int:
    """Print every figure; nothing is asserted."""
    phrases = sorted(
        {p for lang in ("zh", "zh-Hant", "en") for r in ruleset(lang).rules for p in r.phrases},
        key=len,
        reverse=True,
    )
    alternation = re.compile("|".join(map(re.escape, phrases)))
    lint("预热")  # load and check rules outside the timing
    text = mixed_text(1_000_000)
    ceiling = timed(lambda t: alternation.findall(t.lower()), text, 2)
    ours = timed(lint, text)
    scanner = plan_for(("zh", "zh-Hant", "en")).scanner
    scan_only = timed(lambda t: scanner.scan(fold(t)), text)
    print(f"trigger phrases: {len(phrases)}")
    print(f"regex alternation ceiling (1 MB): {ceiling / 1e6:8.2f} M chars/s")
    print(f"lint(), lang=auto (1 MB):         {ours / 1e6:8.2f} M chars/s  "
          f"({ours / ceiling:.0%} of the ceiling)")  # fmt: skip
    print(f"one-pass trigger scan alone (1 MB): {scan_only / 1e6:6.2f} M chars/s")
    sizes = [1, 2, 4] if "--quick" in argv else [1, 2, 4, 10]
    for mb in sizes:
        sample = mixed_text(mb * 1_000_000)
        began = time.perf_counter()
        lint(sample)
        print(f"  {mb:>2} MB: {time.perf_counter() - began:6.2f} s")
    adversarial = {
        "no newline, repeated trigger": "正在修复" * 250_000,
        "repeated vague word": "尽快" * 500_000,
        "punctuation run": "。" * 1_000_000,
        "digits and 点": "1点" * 500_000,
        "english words": "we are investigating " * 50_000,
        "durations, no break": "2小时" * 330_000,
    }
    if "--quick" not in argv:
        adversarial["10 MB, no newline"] = mixed_text(10_000_000).replace("\n", " ")
    for name, sample in adversarial.items():
        began = time.perf_counter()
        count = len(lint(sample))
        elapsed = time.perf_counter() - began
        print(f"  adversarial {name:30} {len(sample) / 1e6:5.1f} MB {elapsed:6.2f} s "
              f"({count} findings)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
