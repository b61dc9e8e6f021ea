"""The render time limit counts the draft's processor time, never the time it waits.

A busy server must not fail a draft that waited for the processor, and a
template that spins must end. The processor-time clock is read only once a draft
has rendered for ``FIRST_LOOK`` seconds (it is a slow system call on some
virtual machines), so these tests use drafts longer than that.
"""

from __future__ import annotations

import time

import pytest

from crisiscomms import limits
from crisiscomms.errors import TemplateError


def _spin(seconds: float) -> None:
    """Spend ``seconds`` of this thread's processor time."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_a_draft_that_waits_is_not_stopped() -> None:
    with limits.budget("t", limits.RenderLimits(seconds=0.2)) as spent:
        spent.step()
        time.sleep(0.5)  # wall-clock time past the limit, almost no processor time
        spent.step()
        time.sleep(0.3)
        spent.step()


def test_a_draft_that_spins_is_stopped_soon_after_its_limit() -> None:
    began = time.thread_time()
    with (
        limits.budget("t", limits.RenderLimits(seconds=0.2)) as spent,
        pytest.raises(TemplateError, match=r"template t: .*more than 0\.2 s of processor time"),
    ):
        for _ in range(300):  # 3 s of processor time: far past the limit
            spent.step()
            _spin(0.01)
    # The limit counts from the first look (FIRST_LOOK seconds in): well under a second in all.
    assert time.thread_time() - began < 0.2 + limits.FIRST_LOOK + 0.5


def test_a_short_draft_never_reads_the_processor_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_cpu_clock() -> float:
        raise AssertionError("a short draft read the processor-time clock")

    monkeypatch.setattr(limits.time, "thread_time", no_cpu_clock)
    with limits.budget("t") as spent:
        for _ in range(1000):
            spent.step()
