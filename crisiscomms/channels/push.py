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
import re
from collections.abc import Mapping
from typing import Any

from wcwidth import iter_graphemes, width


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


# A break may fall after a run of spaces, between two wide (CJK) characters, or inside a
# word only when the word alone is longer than a line.
_TOKEN = re.compile(
    r"\s+|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff"
    r"\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]+|.",
    re.S,
)


def count_lines(text: str, line_width: int) -> int:
    """Return how many lines of ``line_width`` columns ``text`` fills, keeping its line breaks.

    Greedy filling as a phone does: a Latin word moves whole to the next line, Chinese
    breaks between any two characters, a word longer than a line is broken.

    Examples:
        >>> body = "支付服务中断，我们正在排查原因，预计今晚22:00前恢复，届时另行通知。"
        >>> count_lines(body, 40)     # 66 columns: two lines of 40
        2
        >>> count_lines("Payments are down since 09:10 UTC; next update at 10:00.", 20)
        4
    """
    if line_width <= 0:
        return 0
    lines = 0
    for paragraph in _LINE_BREAK.split(text):
        lines += _paragraph_lines(paragraph, line_width)
    return lines


_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


def _paragraph_lines(paragraph: str, line_width: int) -> int:
    if display_width(paragraph) <= line_width:
        return 1
    lines, used = 1, 0
    for match in _TOKEN.finditer(paragraph):
        token = match.group()
        columns = width(token, control_codes="ignore")
        if token.isspace():
            used = min(used + columns, line_width)  # spaces at a break vanish
            continue
        if used + columns <= line_width:
            used += columns
            continue
        if columns <= line_width:
            lines, used = lines + 1, columns
            continue
        for cluster in iter_graphemes(token):
            cluster_columns = width(cluster, control_codes="ignore")
            if used + cluster_columns > line_width:
                lines, used = lines + 1, 0
            used += cluster_columns
    return lines


def index_past_width(text: str, columns: int) -> int:
    """Return the code-point index of the first cluster past ``columns`` display columns."""
    used = 0
    position = 0
    for cluster in iter_graphemes(text):
        used += width(cluster, control_codes="ignore")
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
