"""Our template filters: format facts, check every argument, call nothing they are handed.

Each filter states the types it takes (a time, a count, an amount, a text);
anything else is a :class:`~crisiscomms.errors.TemplateError` naming the
filter, before Babel sees it. The formatter of the draft being rendered comes
from a context variable, so templates never see it and threads never share it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from jinja2 import Undefined, pass_context
from jinja2.runtime import Context

from .errors import TemplateError
from .formatting import Formatter
from .view import Record, TextView, Value

_FORMATTER: ContextVar[Formatter | None] = ContextVar("crisiscomms_formatter", default=None)

_MAX_COUNT = 10**15  # no audience is larger; Babel's compact forms stop well before
_MAX_LIST = 1000  # items in one |listing
_LIST_STYLES = ("standard", "or", "unit")


@contextmanager
def formatting(formatter: Formatter) -> Iterator[None]:
    """Make ``formatter`` the one the filters use while rendering one draft."""
    token = _FORMATTER.set(formatter)
    try:
        yield
    finally:
        _FORMATTER.reset(token)


def current_formatter() -> Formatter:
    """Return the formatter of the draft being rendered."""
    formatter = _FORMATTER.get()
    if formatter is None:
        raise TemplateError("formatting filters work only while a draft is rendered")
    return formatter


def formatter_in_use() -> Formatter | None:
    """Return the formatter of the draft being rendered, or None outside a draft."""
    return _FORMATTER.get()


# What each argument must be: a check and how to name it in an error.
_Check = tuple[Callable[[Any], bool], str]
_TIME: _Check = (lambda v: isinstance(v, datetime) and v.tzinfo is not None, "a time")
_COUNT: _Check = (
    lambda v: type(v) is int and 0 <= v <= _MAX_COUNT,
    "a whole number from 0 to 10^15",
)
_SHARE: _Check = (lambda v: type(v) in (int, float) and 0 <= v <= 100, "a percentage (0-100)")


def _is_amount(value: Any) -> bool:
    if type(value) is int or (isinstance(value, Decimal) and value.is_finite()):
        return bool(-(10**15) < value < 10**15)
    return False


_AMOUNT: _Check = (_is_amount, "an amount below 10^15")
_DURATION: _Check = (lambda v: isinstance(v, timedelta), "a duration")
_WORD: _Check = (lambda v: isinstance(v, str) and 0 < len(v) <= 64, "a short name")
_STYLE: _Check = (lambda v: v in _LIST_STYLES, f"one of {', '.join(_LIST_STYLES)}")

#: filter name -> (Formatter method, what each argument must be).
SIGNATURES: dict[str, tuple[str, tuple[_Check, ...]]] = {
    "datetime": ("datetime", (_TIME,)),
    "date": ("date", (_TIME,)),
    "clock": ("clock", (_TIME,)),
    "moment": ("moment", (_TIME,)),
    "at": ("at", (_TIME,)),
    "zone_label": ("zone_label", (_TIME,)),
    "span": ("span", (_TIME, _TIME)),
    "window": ("window", (_TIME, _TIME)),
    "between": ("between", (_TIME, _TIME)),
    "number": ("count", (_COUNT,)),
    "approx_count": ("approx_count", (_COUNT, _WORD)),
    "percent": ("percent", (_SHARE,)),
    "money": ("money", (_AMOUNT, _WORD)),
    "duration": ("duration", (_DURATION,)),
    "term": ("term", (_WORD, _WORD)),
}


def formatting_filter(name: str) -> Callable[..., str]:
    """Return the filter ``name``: check each argument, then format with the draft's Formatter."""
    method, checks = SIGNATURES[name]

    def apply(*args: Any) -> str:
        values = [a._raw if isinstance(a, Value) else _given(a) for a in args]  # unwrap, inlined
        if len(values) != len(checks):
            wanted, given = len(checks) - 1, len(values) - 1
            raise TemplateError(f"|{name} takes {wanted} argument(s), got {given}")
        for i, (value, (check, what)) in enumerate(zip(values, checks, strict=True)):
            if not check(value):
                where = "its value" if i == 0 else f"argument {i}"
                got = type(value).__name__
                raise TemplateError(f"|{name}: {where} must be {what}, not a {got}")
        formatted: str = getattr(current_formatter(), method)(*values)
        return formatted

    apply.__name__ = name
    return apply


def listing(items: Any, style: str = "standard") -> str:
    """Join texts as the language lists them (北京、上海和广州 / a, b, and c)."""
    items = _given(items)
    if not _STYLE[0](style):
        raise TemplateError(f"|listing: the style must be {_STYLE[1]}")
    texts: list[str] = []
    for item in items:
        if not isinstance(item, str) or len(texts) >= _MAX_LIST:
            raise TemplateError(f"|listing takes up to {_MAX_LIST} texts (map('t') first)")
        texts.append(item)
    return current_formatter().join(texts, style)  # type: ignore[arg-type]


#: The data key of a bilingual text each language reads (``zh-Hant-HK`` -> ``zh_Hant_HK``).
_TEXT_KEYS = {lang: lang.replace("-", "_") for lang in ("zh", "en", "zh-Hant-HK", "zh-Hant-TW")}


def text(value: Any) -> str:
    """Return a bilingual fact in the draft's language, without a closing stop."""
    value = _given(value)
    if not isinstance(value, TextView):
        raise TemplateError(f"the 't' filter takes a bilingual text, not a {type(value).__name__}")
    lang = current_formatter().lang
    chosen = value._data.get(_TEXT_KEYS.get(lang) or lang.replace("-", "_"))  # zh_Hant_HK
    if not isinstance(chosen, str):  # drafting checks translations first; this is a template bug
        raise TemplateError(f"no {lang} text for a fact the template uses")
    # Facts are written with or without a closing stop; templates add their own.
    return chosen.rstrip("。．.；;，, ")


def capfirst(value: Any, names: Collection[str] = frozenset()) -> str:
    """Capitalise a sentence's first word, unless it is a name written in lower case.

    Only a first letter in lower case changes (``capitalize`` would lower the
    rest: App -> app). A name keeps its own casing, as an editor leaves it, at
    the start of a title or a sentence too. A first word is a name when

    - it has a capital or a digit after its first letter, or a dot, ``@``,
      ``/`` or ``_`` in it: eBay, iCloud, iOS, x86, bilibili.com;
    - it is one of ``names``, as a whole word: the lower-case names the facts
      write in Latin letters in their Chinese texts too (see
      :func:`lowercase_names`). Brands are not translated; common words are.

    Examples:
        >>> capfirst("the Youpinhui app")
        'The Youpinhui app'
        >>> capfirst("eBay listings")
        'eBay listings'
        >>> capfirst("au mobile services", names={"au"})  # 服务：au移动通信服务
        'au mobile services'
    """
    value = _given(value)
    if not isinstance(value, str):
        raise TemplateError(f"|capfirst takes a text, not a {type(value).__name__}")
    if not value[:1].islower() or _is_name(value, names):
        return value
    return value[:1].upper() + value[1:]


def _is_name(text: str, names: Collection[str]) -> bool:
    word = text.split(None, 1)[0].rstrip(_CLOSING)
    if any(c.isupper() or c.isdigit() for c in word[1:]) or any(c in "./@_" for c in word):
        return True
    for name in names:
        if text.startswith(name) and not text[len(name) : len(name) + 1].isalnum():
            return True
    return False


_CLOSING = ".,;:!?)]}'\"’”"

#: The first word of a run of Latin words in a Chinese text: au in "au移动通信服务",
#: povo in "UQ mobile和povo", but not mobile, which is part of the name "UQ mobile", nor
#: a part of an address (support@example.com, https://…, example.com).
_LATIN_WORD = re.compile(
    r"(?<![A-Za-z0-9] )(?<![A-Za-z0-9.@/_'-])[a-z][A-Za-z0-9]*"
    r"(?![A-Za-z0-9@/_-])(?!\.[A-Za-z0-9])(?!:/)"
)


@lru_cache(maxsize=8)
def lowercase_names(facts: Record) -> frozenset[str]:
    """Return the words the facts' Chinese texts write in Latin letters starting in lower case.

    A Chinese text translates common words and keeps names as they are, so these
    are names: ``au`` in ``au移动通信服务``, ``npm`` in ``使用npm镜像``. Kept for the
    last few facts views (a view never changes).
    """
    found: set[str] = set()
    stack: list[Any] = [facts]
    while stack:
        item = stack.pop()
        if isinstance(item, TextView):
            for lang, text in item._data.items():
                if lang != "en" and isinstance(text, str):
                    found.update(_LATIN_WORD.findall(text))
        elif isinstance(item, Record):
            stack.extend(item._data.values())
        elif isinstance(item, tuple):
            stack.extend(item)
    return frozenset(found)


@pass_context
def _capfirst_in_draft(context: Context, value: Any) -> str:
    """|capfirst in a template: the names are those of the facts being drafted."""
    facts = context.get("incident")
    return capfirst(value, lowercase_names(facts) if isinstance(facts, Record) else frozenset())


#: Text in brackets, which a noun phrase may hold commas in: 一个缺陷（读取出错后，它……）.
_BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)|【[^【】]*】|\[[^\[\]]*\]")
_CLAUSE_BREAK = re.compile(r"[，；,;]")


def reads_as_clause(value: Any) -> bool:
    """True when a text reads as a clause, not a noun phrase: a comma or semicolon outside
    brackets. A template then gives it a frame of its own (原因是：…) rather than one a noun
    fits (由…引起).

    Examples:
        >>> reads_as_clause("一个竞态条件，使DNS记录被清空")
        True
        >>> reads_as_clause("一个缺陷（读错后，它停了）")
        False
    """
    value = _given(value)
    if not isinstance(value, str):
        raise TemplateError(f"|reads_as_clause takes a text, not a {type(value).__name__}")
    return bool(_CLAUSE_BREAK.search(_BRACKETED.sub("", value)))


def first_clause(value: Any) -> str:
    """Return a text up to its first comma, colon or semicolon: the clause a template reads
    for the sentence's own subject and verb (a workaround that says who can do what).

    Examples:
        >>> first_clause("暂不退出登录状态，已登录的设备仍可收发消息")
        '暂不退出登录状态'
        >>> first_clause("stay logged in: devices that are logged in can still send")
        'stay logged in'
    """
    value = _given(value)
    if not isinstance(value, str):
        raise TemplateError(f"|first_clause takes a text, not a {type(value).__name__}")
    return _FIRST_BREAK.split(value, maxsplit=1)[0]


_FIRST_BREAK = re.compile(r"[，；：,;:]")


def _given(value: Any) -> Any:
    if isinstance(value, Undefined):
        str(value)  # StrictUndefined raises here, naming the misspelt fact
    return value


def our_filters() -> dict[str, Callable[..., str | bool]]:
    """Return every filter of ours, by the name templates use."""
    filters: dict[str, Callable[..., str | bool]] = {
        name: formatting_filter(name) for name in SIGNATURES
    }
    filters.update(
        listing=listing,
        t=text,
        capfirst=_capfirst_in_draft,
        reads_as_clause=reads_as_clause,
        first_clause=first_clause,
    )
    return filters
