"""Run a command so that nothing ends in a traceback a user did not ask for.

:func:`run_guarded` maps what can go wrong onto :class:`~crisiscomms.errors.ExitStatus`:
bad input is 2 with its message; output that cannot be written is 2 with one line
(or none, for a reader that stopped reading, as ``| head`` does); anything else is a
bug, 3, with one line, and the traceback only when asked for with ``--debug``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

from .errors import CrisisCommsError, ExitStatus


class OutputFailed(Exception):
    """Standard output could not be written: closed, full, or its reader has gone."""

    def __init__(self, error: OSError | None) -> None:
        super().__init__(error)
        self.error = error


class _Stdout:
    """Standard output whose write failures become :class:`OutputFailed`."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        if self._inner is None:
            raise OutputFailed(None)
        try:
            return int(self._inner.write(text))
        except OSError as error:
            raise OutputFailed(error) from None

    def flush(self) -> None:
        if self._inner is None:
            return
        try:
            self._inner.flush()
        except OSError as error:
            raise OutputFailed(error) from None

    def isatty(self) -> bool:
        return self._inner is not None and bool(self._inner.isatty())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _Stderr(_Stdout):
    """Standard error that ignores failures: there is nowhere left to report them."""

    def write(self, text: str) -> int:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            return int(self._inner.write(text))
        return len(text)

    def flush(self) -> None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self._inner.flush()


@contextlib.contextmanager
def guarded_streams() -> Iterator[None]:
    """Put guarded standard output and error in place for the duration of a command."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Stdout(saved[0]), _Stderr(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def run_guarded(run: Callable[[], int], *, debug: bool = False) -> int:
    """Run a command; return its exit status, or the status of what went wrong."""
    try:
        status = run()
        sys.stdout.flush()
        return status
    except CrisisCommsError as error:
        _say(f"crisiscomms: error: {error}")
        return ExitStatus.BAD_INPUT
    except OutputFailed as failed:
        _mute_stdout()
        if not isinstance(failed.error, BrokenPipeError):
            reason = "it is closed" if failed.error is None else failed.error.strerror
            _say(f"crisiscomms: error: cannot write to standard output: {reason}")
        return ExitStatus.BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if debug:
            import traceback  # here: a command that does not fail never needs it

            traceback.print_exc(file=sys.stderr)
        _say(f"crisiscomms: internal error: {_one_line(error)}")
        return ExitStatus.INTERNAL


def first_os_error(group: BaseExceptionGroup[Any]) -> OSError | None:
    """The first ``OSError`` inside an exception group (nested groups included), if any."""
    for error in group.exceptions:
        if isinstance(error, OSError):
            return error
        if isinstance(error, BaseExceptionGroup):
            found = first_os_error(error)
            if found is not None:
                return found
    return None


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    text = text if len(text) <= 200 else text[:199] + "…"
    hint = "please report it; run again with --debug for the traceback"
    return (
        f"{type(error).__name__}: {text} ({hint})" if text else f"{type(error).__name__} ({hint})"
    )


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _mute_stdout() -> None:
    """Point the process's standard output at the null device, so no flush fails at exit."""
    real = sys.__stdout__
    if real is None:
        return
    with contextlib.suppress(OSError, ValueError, AttributeError):
        if isinstance(sys.stdout, _Stdout) and sys.stdout._inner is not real:
            return  # a stream put in place by a caller (a test): leave the process alone
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, real.fileno())
        os.close(null)
