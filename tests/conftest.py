"""Test-wide settings."""

from __future__ import annotations

import os

from hypothesis import settings

# On CI, property tests replay the same examples every run, so a submission lands or
# fails on its own merits; on a developer's machine they keep exploring new ones.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
