"""Draft and lint bilingual crisis communications for platform outages."""

from __future__ import annotations

__version__ = "0.1.0"
