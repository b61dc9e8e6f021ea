"""Channels: how long a notice is, counted the way each platform counts it.

``check_length(channel, content)`` is the entry point: it returns a
:class:`LengthReport` of figures (encoding, units, parts, weighted length, bytes, display
columns...) and ``over-length`` findings. Nothing here ever shortens a text; over a limit,
write a shorter one. The limits live in ``channels.toml`` with their sources, and every one
can be overridden with :func:`load_limits`.

The counters are usable on their own: :func:`count_sms`, :func:`count_x`,
:func:`count_weibo`, :func:`payload_bytes` / :func:`display_width`, and the WeChat field
checks. :func:`safe_prefix` and :func:`safe_cut` are for a caller who must shorten anyway:
they never cut inside a grapheme cluster.

Examples:
    >>> r = check_length("sms", "Outage: payments down since 09:10 UTC. Next update 10:00 UTC.",
    ...                  region="intl")
    >>> r.figures["text"]["encoding"], r.figures["text"]["parts"]
    ('GSM-7', 1)
"""

from __future__ import annotations

from .check import CHANNELS, check_length, default_sms_region, text_figures
from .graphemes import boundaries, graphemes, safe_cut, safe_prefix
from .limits import Limits, default_limits, load_limits
from .push import apns_payload, compact_json, display_width, fcm_payload, payload_bytes
from .report import CHANNEL_FORMAT, OVER_LENGTH, RULE_IDS, LengthReport
from .sms import SmsCount, bracket_signature, count_sms, is_gsm7
from .wechat import check_article, check_subscription, check_template
from .weibo import WeiboCount, count_weibo
from .xweight import XCount, count_x, is_emoji_sequence

__all__ = [
    "CHANNELS",
    "CHANNEL_FORMAT",
    "OVER_LENGTH",
    "RULE_IDS",
    "LengthReport",
    "Limits",
    "SmsCount",
    "WeiboCount",
    "XCount",
    "apns_payload",
    "boundaries",
    "bracket_signature",
    "check_article",
    "check_length",
    "check_subscription",
    "check_template",
    "compact_json",
    "count_sms",
    "count_weibo",
    "count_x",
    "default_limits",
    "default_sms_region",
    "display_width",
    "fcm_payload",
    "graphemes",
    "is_emoji_sequence",
    "is_gsm7",
    "load_limits",
    "payload_bytes",
    "safe_cut",
    "safe_prefix",
    "text_figures",
]
