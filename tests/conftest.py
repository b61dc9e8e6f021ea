"""Test-wide settings."""

from __future__ import annotations

import os

from hypothesis import settings

# The command line keeps compiled templates in the user's cache folder; tests leave the
# user's folders alone (tests/test_commspack_speed.py turns it on in a temporary folder).
os.environ.setdefault("CRISISCOMMS_CACHE_DIR", "off")

# On CI, property tests replay the same examples every run, so a submission lands or
# fails on its own merits; on a developer's machine they keep exploring new ones.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
