"""How much one draft may cost: time, steps, and the text a template builds.

A :class:`Budget` is opened per draft and lives in a context variable, so
concurrent drafts in threads (or tasks) each count their own; nothing here
uses signals or process-wide tracing. The sandbox charges the budget at
every loop iteration and block it enters (a *step*) and for every string or
list it builds; a template that runs away ends with a :class:`TemplateError`
that names it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from .errors import TemplateError


@dataclass(frozen=True)
class RenderLimits:
    """The bounds of one draft; a shipped notice uses well under 1% of each."""

    seconds: float = 2.0
    """Processor time the rendering thread may spend on one draft, counted once the draft has
    rendered for :data:`FIRST_LOOK` (0.05) seconds of wall-clock time. Not wall-clock time: on a
    loaded machine a draft waits for the processor without spending any, and a busy server
    must not turn a waiting draft into a failed one. A template cannot wait for anything
    else (no input, output or sleep reaches it), so its time is all processor time."""
    steps: int = 2_000_000
    """Loop iterations, macro calls and blocks entered while rendering one draft."""
    output_chars: int = 1_000_000
    """Characters in the draft, and in any one string a template builds."""
    items: int = 100_000
    """Items in any one list or range a template builds, or a filter goes through."""
    work_chars: int = 20_000_000
    """Characters a template builds in all, intermediate text included; a list item counts
    as :data:`ITEM_WEIGHT` characters."""
    int_bits: int = 256
    """The largest integer arithmetic may produce, in bits."""


LIMITS = RenderLimits()

#: Wall-clock seconds a draft renders before its processor time is first read (see :class:`Budget`).
FIRST_LOOK = 0.05

#: What one list item weighs against ``work_chars``: a pointer and its share of an object.
ITEM_WEIGHT = 8


class Budget:
    """What one draft has spent so far of its :class:`RenderLimits`."""

    __slots__ = (
        "_cpu_deadline",
        "_next_look",
        "_steps_left",
        "_work_left",
        "limits",
        "template_id",
    )

    def __init__(self, template_id: str, limits: RenderLimits) -> None:
        self.template_id = template_id
        self.limits = limits
        # The processor-time clock is a system call, and a slow one on some virtual machines
        # (milliseconds): a draft reads only the wall clock until it has run FIRST_LOOK
        # seconds, which almost none does. The time limit counts from that first look.
        self._next_look = time.monotonic() + FIRST_LOOK
        self._cpu_deadline: float | None = None
        self._steps_left = limits.steps
        self._work_left = limits.work_chars

    def step(self) -> None:
        """Count one loop iteration or block; raise when the steps or the time run out.

        The clock is read at every step: a step may hold one long filter call (a
        sort of a large list), so counting steps alone would not bound the time.
        """
        self._steps_left -= 1
        if self._steps_left <= 0:
            self.fail(f"more than {self.limits.steps:,} loop steps")
        if time.monotonic() > self._next_look:
            self._look()

    def _look(self) -> None:
        """Read the thread's processor time: start counting it, or end a draft past its limit."""
        spent = time.thread_time()
        if self._cpu_deadline is None:
            self._cpu_deadline = spent + self.limits.seconds
        elif spent > self._cpu_deadline:
            self.fail(f"rendering took more than {self.limits.seconds:g} s of processor time")
        # The thread's processor time never runs ahead of the wall clock: the next look is
        # due when the wall clock could first have reached the deadline.
        self._next_look = time.monotonic() + (self._cpu_deadline - spent)

    def check_items(self, size: int) -> None:
        """Check a list or range of ``size`` items a template iterates over."""
        if size > self.limits.items:
            self.fail(f"a list or range of more than {self.limits.items:,} items")

    def charge_items(self, size: int) -> None:
        """Count a list of ``size`` items being built (each weighs as much as a few characters)."""
        self.check_items(size)
        self._spend(size * ITEM_WEIGHT)

    def charge_text(self, size: int) -> None:
        """Count a string of ``size`` characters being built; raise when it is too long."""
        if size > self.limits.output_chars:
            self.fail(f"a text of more than {self.limits.output_chars:,} characters")
        self._spend(size)

    def _spend(self, work: int) -> None:
        self._work_left -= work
        if self._work_left < 0:
            self.fail(f"more than {self.limits.work_chars:,} characters built in all")

    def fail(self, what: str) -> None:
        """Raise the error that ends this draft."""
        raise TemplateError(f"template {self.template_id}: stopped after {what} (render limit)")


_CURRENT: ContextVar[Budget | None] = ContextVar("crisiscomms_render_budget", default=None)


def current() -> Budget | None:
    """Return the budget of the draft being rendered in this thread or task, if any."""
    return _CURRENT.get()


@contextmanager
def budget(template_id: str, limits: RenderLimits | None = None) -> Iterator[Budget]:
    """Open a budget for one draft for the duration of the ``with`` block."""
    spent = Budget(template_id, limits or LIMITS)
    token = _CURRENT.set(spent)
    try:
        yield spent
    finally:
        _CURRENT.reset(token)
