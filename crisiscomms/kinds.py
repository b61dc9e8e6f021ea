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

DraftLang = Literal["zh", "en"]
DRAFT_LANGS: tuple[DraftLang, ...] = get_args(DraftLang)

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
    raise InputError(f"unknown notice kind {value!r}; choose one of: {choices}")


def kind_slug(kind: NoticeKind) -> str:
    """Return the kind as written on the command line and in file names (kebab-case)."""
    return kind.replace("_", "-")


def normalize_lang(value: str) -> DraftLang:
    """Accept a drafting language (``zh`` or ``en``); reject anything else clearly.

    Examples:
        >>> normalize_lang("ZH")
        'zh'
    """
    candidate = value.strip().lower()
    for lang in DRAFT_LANGS:
        if lang == candidate:
            return lang
    raise InputError(f"unknown draft language {value!r}; choose one of: {', '.join(DRAFT_LANGS)}")
