"""Push notifications: payload bytes, and how much of the title and body a phone shows.

APNs and FCM refuse a payload over 4,096 bytes. The bytes counted are those of the compact
UTF-8 JSON a sender posts (``ensure_ascii=False``, separators ``(',', ':')``): a Chinese
character is 3 bytes, an emoji 4, and JSON escapes (``\\n``, ``\\"``) count as written.

What a phone shows is measured in display columns (``wcwidth``: a CJK character or an
emoji is 2 columns, a Latin letter 1), wrapped at a configurable line width: iOS shows
about one title line and four body lines, a collapsed Android notification about one line
each. Those budgets are estimates, so they are warnings and configurable.

Examples:
    >>> payload_bytes({"aps": {"alert": {"title": "服务中断", "body": "预计22:00前恢复"}}})
    72

    (45 bytes of ASCII JSON plus 9 Chinese characters of 3 bytes each.)
    >>> display_width("服务中断 Outage")
    15
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from wcwidth import iter_graphemes, width, wrap


def compact_json(payload: Any) -> bytes:
    """Return ``payload`` as a sender serialises it: compact UTF-8 JSON, non-ASCII as is."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8", "surrogatepass")


def payload_bytes(payload: Any) -> int:
    """Return the size in bytes of ``payload`` as compact UTF-8 JSON."""
    return len(compact_json(payload))


def apns_payload(title: str, body: str, data: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Return the APNs payload for an alert with ``title`` and ``body`` plus custom keys."""
    payload: dict[str, Any] = {"aps": {"alert": {"title": title, "body": body}}}
    for key, value in (data or {}).items():
        if key != "aps":
            payload[key] = value
    return payload


def fcm_payload(title: str, body: str, data: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Return the FCM message payload (notification plus string-valued data)."""
    payload: dict[str, Any] = {"notification": {"title": title, "body": body}}
    if data:
        payload["data"] = {
            str(k): v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
            for k, v in data.items()
        }
    return payload


def display_width(text: str) -> int:
    """Return the display width of one line of ``text`` in columns (controls count 0)."""
    return max(0, width(text, control_codes="ignore"))


def wrapped_lines(text: str, line_width: int) -> list[str]:
    """Return ``text`` wrapped at ``line_width`` columns, keeping its own line breaks.

    Examples:
        >>> body = "支付服务中断，我们正在排查原因，预计今晚22:00前恢复，届时另行通知。"
        >>> len(wrapped_lines(body, 40))     # 66 columns: two lines of 40
        2
    """
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(wrap(paragraph, line_width, control_codes="ignore") or [""])
    return lines


def index_past_width(text: str, columns: int) -> int:
    """Return the code-point index of the first cluster past ``columns`` display columns."""
    used = 0
    position = 0
    for cluster in iter_graphemes(text):
        used += display_width(cluster)
        if used > columns:
            return position
        position += len(cluster)
    return len(text)


def index_past_bytes(text: str, limit: int) -> int:
    """Return the code-point index of the first character past ``limit`` UTF-8 bytes."""
    used = 0
    for i, ch in enumerate(text):
        used += len(ch.encode("utf-8", "surrogatepass"))
        if used > limit:
            return i
    return len(text)
