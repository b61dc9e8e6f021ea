"""Measure what a length check costs per draft, channel by channel.

Run: ``python benchmarks/bench_channels.py``. Prints the best microseconds per call of
``check_length`` for a typical short text of each channel (a pack checks dozens), the
throughput of the counters on a long text, and a warm ``draft(..., channel=...)`` per
channel (render, split into parts, lint, measure) next to the long-form notice. Nothing is
asserted.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from crisiscomms.channels import check_length, count_sms, count_weibo, count_x
from crisiscomms.drafting import draft
from crisiscomms.factfiles import read_facts
from crisiscomms.kinds import CHANNELS
from crisiscomms.resources import examples_root

SMS_ZH = (
    "支付服务自09:10起中断，预计今晚22:00前恢复，下次进展10:00发布。详情 https://s.example.cn/i/42"
)
SMS_EN = (
    "Payments down since 09:10 UTC. ETA 22:00 UTC; next update 10:00. https://s.example.com/i/42"
)
POST = (
    "【支付服务中断进展】自今天09:10起，约12%的用户无法完成支付。技术团队已定位到数据库故障，"
    "预计今晚22:00前恢复；下一次进展将于10:00发布。资金与账户数据安全。https://status.example.com/i/42"
)
CASES: dict[str, Any] = {
    "sms (cn)": ("sms", SMS_ZH),
    "sms (intl)": ("sms", SMS_EN),
    "x": ("x", POST),
    "weibo": ("weibo", POST),
    "push": ("push", {"title": "支付服务中断", "body": POST}),
    "wechat": (
        "wechat",
        {
            "subscription": {"thing1": "支付服务中断", "time2": "2026年11月28日 22:00"},
            "article": {"title": "支付服务中断进展", "digest": POST, "content": POST * 20},
        },
    ),
    "email": ("email", {"subject": "【进展】支付服务中断，预计今晚22:00前恢复"}),
    "statuspage": ("statuspage", {"name": "Payments", "body": POST}),
}


def best_us(fn: Callable[[], object], repeat: int = 5, number: int = 200) -> float:
    """Return the best microseconds per call of ``fn`` over ``repeat`` runs of ``number``."""
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - began) / number)
    return best * 1e6


def main() -> int:
    """Print every figure."""
    print("check_length, best µs per call")
    total = 0.0
    for name, (channel, content) in CASES.items():
        micros = best_us(lambda c=channel, t=content: check_length(c, t))
        total += micros
        print(f"  {name:<12} {micros:8.1f}")
    print(f"  {'all eight':<12} {total:8.1f}")
    long_text = POST * 200
    print(f"counters on {len(long_text):,} characters, M chars/s")
    for name, counter in (("sms", count_sms), ("x", count_x), ("weibo", count_weibo)):
        micros = best_us(lambda f=counter: f(long_text), repeat=3, number=3)  # type: ignore[misc]
        print(f"  {name:<12} {len(long_text) / micros:8.2f}")
    incident = read_facts(str(examples_root() / "login-outage.yaml"))
    print("draft(first_statement, channel=...), warm, best µs per draft (zh / en)")
    for channel in CHANNELS:
        figures = []
        for lang in ("zh", "en"):
            draft(incident, "first_statement", lang, channel=channel)  # compile once
            figures.append(
                best_us(
                    lambda c=channel, g=lang: draft(incident, "first_statement", g, channel=c),
                    repeat=3,
                    number=20,
                )
            )
        print(f"  {channel:<12} {figures[0]:8.0f} {figures[1]:8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
