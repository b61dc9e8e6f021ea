"""Tell Traditional from Simplified Chinese, to answer in the script of the text."""

from __future__ import annotations

import re

# Common characters whose Traditional and Simplified forms differ, one pair per position.
_HANT = "們務時間復處將為後這來說關戶帳號資訊題應預計於點發佈與還會對無體網經過"
_HANS = "们务时间复处将为后这来说关户帐号资讯题应预计于点发布与还会对无体网经过"
_HANT_ONLY = re.compile(f"[{''.join(t for t, s in zip(_HANT, _HANS, strict=True) if t != s)}]")
_HANS_ONLY = re.compile(f"[{''.join(s for t, s in zip(_HANT, _HANS, strict=True) if t != s)}]")


def chinese_variant(text: str) -> str:
    """Return ``zh-Hant`` when ``text`` reads as Traditional Chinese, else ``zh``.

    Examples:
        >>> chinese_variant("正在緊急修復中，預計今晚恢復"), chinese_variant("正在紧急修复中")
        ('zh-Hant', 'zh')
    """
    sample = text[:4096]
    return "zh-Hant" if len(_HANT_ONLY.findall(sample)) > len(_HANS_ONLY.findall(sample)) else "zh"
