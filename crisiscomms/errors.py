"""Exit codes and the errors that map onto them: one place for both."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """What the ``crisiscomms`` command returns.

    ``CLEAN`` (0): no finding at error severity. ``FINDINGS`` (1): at least one
    finding at error severity (drafts are still written). ``BAD_INPUT`` (2):
    invalid facts, an unreadable file, an unknown option or rule, files in the
    ``--out`` folder that would be replaced without ``--force``: nothing written;
    also when the output cannot be written (a full disk, a closed standard output;
    a reader that stopped reading, as ``| head`` does, ends it without a message).
    ``INTERNAL`` (3): a bug in crisiscomms; one line on stderr, the traceback only
    with ``--debug``.
    """

    CLEAN = 0
    FINDINGS = 1
    BAD_INPUT = 2
    INTERNAL = 3


class CrisisCommsError(Exception):
    """Base class for every error the library raises on bad input."""


class InputError(CrisisCommsError):
    """Input a person or program gave us is unusable; the message names what and where."""


class ConfigError(InputError):
    """A lint configuration (file, rule id, severity) is invalid."""


class TemplateError(CrisisCommsError):
    """A template is missing, broken or unsafe; the message names the template."""
