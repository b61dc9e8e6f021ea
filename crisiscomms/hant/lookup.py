"""The checks' messages in Traditional Chinese (lengths, facts), looked up in generated data.

A finding's message is written in Simplified Chinese and English where the check builds
it; a Traditional draft (``zh-Hant-HK``, ``zh-Hant-TW``) shows the message in its own
region's script and words (短訊 in Hong Kong, 簡訊 in Taiwan, as its templates say). The
length checks (:mod:`crisiscomms.channels`) and the fact checks
(:mod:`crisiscomms.factcheck`: their message templates and the messages of
``templates/claims.toml``) use it. The Traditional text of each run of Chinese
characters in the checks' messages is in ``crisiscomms/channels/messages.zh-Hant.toml``,
written by :mod:`crisiscomms.channels.hant_messages`; nothing is converted at run time.
It lives here, not in :mod:`crisiscomms.channels`, so that a fact check does not import
every channel's length check (about 40 ms at start-up).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from ..kinds import HANT_DEFAULT

DATA_FILE = Path(__file__).resolve().parents[1] / "channels" / "messages.zh-Hant.toml"
#: The Traditional languages a message is given in.
REGIONS = ("zh-Hant-HK", "zh-Hant-TW")


@cache
def _table(region: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    with DATA_FILE.open("rb") as handle:
        pairs: dict[str, str] = tomllib.load(handle).get(region, {})
    if not pairs:
        return None, {}
    keys = sorted(pairs, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), pairs


def to_hant(text: str, region: str) -> str:
    """Return a check's Simplified-Chinese message in ``region``'s Traditional text.

    Examples:
        >>> to_hant("短信长度 80 个字，超过上限 70 个字，会被拆成多条并分别计费。", "zh-Hant-TW")
        '簡訊長度 80 個字，超過上限 70 個字，會被拆成多條並分別計費。'
    """
    pattern, pairs = _table(region)
    if pattern is None:
        return text
    return pattern.sub(lambda m: pairs[m.group(0)], text)


def with_hant(messages: Mapping[str, str]) -> dict[str, str]:
    """Return ``messages`` (``zh``, ``en``) with each Traditional region's text added, and
    ``zh-Hant`` (a Traditional text of no stated region: Taiwan's, as ``zh-Hant`` means)."""
    out = dict(messages)
    if "zh" in out:
        for region in REGIONS:
            out.setdefault(region, to_hant(out["zh"], region))
        out.setdefault("zh-Hant", out[HANT_DEFAULT])
    return out
