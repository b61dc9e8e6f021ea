"""Notice kinds and languages: the closed sets every part of the library shares."""

from __future__ import annotations

from typing import Literal, get_args

from .errors import InputError

NoticeKind = Literal[
    "first_statement",
    "progress_update",
    "apology",
    "compensation_notice",
    "resolution_notice",
    "post_incident_report",
]
KINDS: tuple[NoticeKind, ...] = get_args(NoticeKind)

DraftLang = Literal["zh", "en", "zh-Hant-HK", "zh-Hant-TW"]
DRAFT_LANGS: tuple[DraftLang, ...] = get_args(DraftLang)
#: What a draft is made in when no language is asked for.
DEFAULT_LANGS: tuple[DraftLang, ...] = ("zh", "en")
#: Traditional Chinese for Hong Kong and for Taiwan.
HANT_LANGS: tuple[DraftLang, ...] = ("zh-Hant-HK", "zh-Hant-TW")
#: What ``zh-Hant`` without a region drafts in: Taiwan, as CLDR's likely subtags
#: (zh-Hant -> zh-Hant-TW) and Babel's ``zh_Hant`` locale data, which is Taiwan's.
HANT_DEFAULT: DraftLang = "zh-Hant-TW"

Channel = Literal["notice", "sms", "weibo", "x", "push", "wechat", "email", "statuspage"]
#: Where a notice goes out: the long-form notice, and one written variant per platform.
CHANNELS: tuple[Channel, ...] = get_args(Channel)

LintLang = Literal["zh", "zh-Hant", "en", "auto"]
LINT_LANGS: tuple[LintLang, ...] = get_args(LintLang)


def normalize_kind(value: str) -> NoticeKind:
    """Accept ``first-statement`` or ``first_statement``; reject anything else clearly.

    Examples:
        >>> normalize_kind("compensation-notice")
        'compensation_notice'
    """
    candidate = value.strip().lower().replace("-", "_")
    for kind in KINDS:
        if kind == candidate:
            return kind
    choices = ", ".join(kind_slug(k) for k in KINDS)
    hint = _did_you_mean(candidate, {k: kind_slug(k) for k in KINDS})
    raise InputError(f"unknown notice kind {value!r}{hint}; choose one of: {choices}")


def kind_slug(kind: NoticeKind) -> str:
    """Return the kind as written on the command line and in file names (kebab-case)."""
    return kind.replace("_", "-")


def normalize_lang(value: str) -> DraftLang:
    """Accept a drafting language (``zh``, ``en``, ``zh-Hant-HK``, ``zh-Hant-TW``, or
    ``zh-Hant``, which means :data:`HANT_DEFAULT`); reject anything else clearly.

    Examples:
        >>> normalize_lang("ZH"), normalize_lang("zh_hant_hk"), normalize_lang("zh-Hant")
        ('zh', 'zh-Hant-HK', 'zh-Hant-TW')
    """
    candidate = value.strip().lower().replace("_", "-")
    if candidate == "zh-hant":
        return HANT_DEFAULT
    for lang in DRAFT_LANGS:
        if lang.lower() == candidate:
            return lang
    choices = ", ".join([*DRAFT_LANGS, "zh-Hant"])
    known = {lang.lower(): lang for lang in DRAFT_LANGS} | _REGION_TAGS
    hint = _did_you_mean(candidate, known)
    raise InputError(f"unknown draft language {value!r}{hint}; choose one of: {choices}")


#: Tags readers write for a region, and the drafting language that serves it.
_REGION_TAGS = {
    "zh-hk": "zh-Hant-HK", "zh-mo": "zh-Hant-HK", "zh-tw": "zh-Hant-TW",
    "zh-cn": "zh", "zh-hans": "zh", "zh-sg": "zh", "en-us": "en", "en-gb": "en",
}  # fmt: skip


def _did_you_mean(candidate: str, known: dict[str, str]) -> str:
    """Return '' or ' (did you mean X?)': the known value whose key is closest to ``candidate``."""
    if candidate in known:
        return f" (did you mean {known[candidate]}?)"
    import difflib  # only on this error path: the command line starts without it

    close = difflib.get_close_matches(candidate, list(known), n=1, cutoff=0.75)
    return f" (did you mean {known[close[0]]}?)" if close else ""


def lint_lang(lang: str) -> LintLang:
    """Return the linter's language for a draft language: both regions lint as ``zh-Hant``.

    Examples:
        >>> lint_lang("zh-Hant-HK"), lint_lang("en")
        ('zh-Hant', 'en')
    """
    if lang in HANT_LANGS:
        return "zh-Hant"
    return normalize_lint_lang(lang)


def normalize_lint_lang(lang: str) -> LintLang:
    for known in LINT_LANGS:
        if known == lang:
            return known
    choices = ", ".join((*LINT_LANGS, *HANT_LANGS))
    raise InputError(f"unknown language {lang!r}; choose one of: {choices}")


def normalize_channel(value: str) -> Channel:
    """Accept a channel name (``sms``, ``WeChat``); reject anything else clearly.

    Examples:
        >>> normalize_channel("SMS")
        'sms'
    """
    candidate = value.strip().lower()
    for channel in CHANNELS:
        if channel == candidate:
            return channel
    raise InputError(f"unknown channel {value!r}; choose one of: {', '.join(CHANNELS)}")
