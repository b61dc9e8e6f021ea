"""Draft and lint bilingual crisis communications for platform outages.

Examples:
    >>> from crisiscomms import draft
    >>> notice = draft({
    ...     "organization": {"zh": "示例科技", "en": "Example Tech"},
    ...     "service": {"zh": "示例App", "en": "the Example app"},
    ...     "timezone": "Asia/Shanghai",
    ...     "started_at": "2026-03-29T01:00:00+08:00",
    ...     "published_at": "2026-03-29T01:20:00+08:00",
    ...     "next_update_at": "2026-03-29T02:00:00+08:00",
    ...     "impact": {"symptoms": {"zh": "无法登录", "en": "log-in failures"}},
    ... }, "first_statement", "zh")
    >>> "我们将于北京时间3月29日02:00前发布下一次进展。" in notice.text
    True
"""

from __future__ import annotations

__version__ = "0.1.0"

from .drafting import Draft, draft, draft_all
from .facts import Incident
from .findings import Finding
from .lint import lint

__all__ = ["Draft", "Finding", "Incident", "__version__", "draft", "draft_all", "lint"]
