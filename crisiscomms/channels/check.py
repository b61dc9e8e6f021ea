"""One entry point: a channel's text or payload in, length figures and findings out.

``check_length(channel, content)`` counts the way the platform counts and reports every
limit the content passes as an ``over-length`` finding (a field of the wrong shape as
``channel-format``). It never shortens anything: over a limit, write a shorter text.

Content per channel (a plain string is accepted where one text is all there is):

========== ==================================================================================
notice     ``str``: figures only, no limit.
sms        ``str`` or ``{"text", "signature"?, "region"?}``; ``region`` ``cn`` (mainland) or
           ``intl`` (international, Hong Kong, Taiwan); by default from ``lang``: ``zh`` /
           ``zh-Hans`` / ``zh-CN`` -> ``cn``, anything else -> ``intl``.
x          ``str`` or ``{"text"}``.
weibo      ``str`` or ``{"text"}``.
wechat     ``{"subscription"?: {key: value}, "template"?: {key: value}, "article"?: {"title",
           "digest", "content"}}``; a value may be ``"..."`` or ``{"value": "..."}``.
push       ``str`` (the body) or ``{"title"?, "body"?, "data"?}``, or ready payloads under
           ``"apns"`` / ``"fcm"``.
email      ``str`` (the subject) or ``{"subject", ...}``; only the subject has limits.
statuspage ``str`` (the body) or ``{"name"?, "body"?}`` or ``{"incident": {...}}``.
========== ==================================================================================

Examples:
    A mainland SMS counts the signature with its brackets (【示例商城】 is 6):

    >>> text = "服务已恢复，补偿券已发放，详见App公告。"
    >>> report = check_length("sms", text, signature="示例商城")
    >>> report.figures["text"]["units"], report.figures["text"]["parts"], report.ok
    (27, 1, True)

    Every Chinese character and full-width mark weighs 2 on X:

    >>> report = check_length("x", "支付服务中断。" * 30, lang="en")
    >>> print(report.findings[0].message)
    X post is 420 weighted characters, over the limit of 280 weighted characters:
    the platform rejects it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..findings import Finding
from .limits import Limits, default_limits
from .push import (
    apns_payload,
    compact_json,
    count_lines,
    display_width,
    fcm_payload,
    index_past_bytes,
    index_past_width,
)
from .report import LengthReport, bad_format, over_length
from .sms import Region, count_sms
from .wechat import check_article, check_subscription, check_template
from .weibo import count_weibo
from .xweight import count_x

CHANNELS: tuple[str, ...] = (
    "notice",
    "sms",
    "weibo",
    "x",
    "push",
    "wechat",
    "email",
    "statuspage",
)


def text_figures(text: str) -> dict[str, int]:
    """Return the plain measures of a text every report carries.

    Examples:
        >>> text_figures("停机👍🏽")
        {'chars': 4, 'utf16': 6, 'utf8_bytes': 14, 'graphemes': 3, 'display_width': 6}
    """
    from wcwidth import iter_graphemes

    return {
        "chars": len(text),
        "utf16": len(text.encode("utf-16-le", "surrogatepass")) // 2,
        "utf8_bytes": len(text.encode("utf-8", "surrogatepass")),
        "graphemes": len(list(iter_graphemes(text))),
        "display_width": display_width(text),
    }


def default_sms_region(lang: str) -> Region:
    """Return ``cn`` for Simplified Chinese (mainland numbers), else ``intl``.

    Examples:
        >>> default_sms_region("zh"), default_sms_region("zh-Hant-HK"), default_sms_region("en")
        ('cn', 'intl', 'intl')
    """
    tag = lang.replace("_", "-").lower()
    if tag == "zh" or tag.startswith(("zh-hans", "zh-cn")):
        return "cn"
    return "intl"


def check_length(
    channel: str,
    content: str | Mapping[str, Any],
    *,
    lang: str = "zh",
    limits: Limits | None = None,
    region: Region | None = None,
    signature: str | None = None,
) -> LengthReport:
    """Measure ``content`` for ``channel`` and report what passes the channel's limits.

    Args:
        channel: one of :data:`CHANNELS`.
        content: the text, or the channel's payload (see the module docstring).
        lang: language of the findings' ``message`` (both zh and en are in ``messages``),
            and for SMS the default region.
        limits: limits to use; :func:`~crisiscomms.channels.load_limits` builds one with
            overrides. Defaults to the shipped ``channels.toml``.
        region: SMS only: ``cn`` or ``intl``.
        signature: SMS only: the sender signature the platform prepends (without brackets).

    Raises:
        ValueError: unknown channel, or a payload of the wrong shape for the channel.
    """
    limits = limits or default_limits()
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}; expected one of {', '.join(CHANNELS)}")
    if channel == "wechat":
        return _wechat(_mapping(channel, content), lang, limits)
    if channel == "push":
        payload = {"body": content} if isinstance(content, str) else _mapping(channel, content)
        return _push(payload, lang, limits)
    if channel == "email":
        payload = {"subject": content} if isinstance(content, str) else _mapping(channel, content)
        return _email(payload, lang, limits)
    if channel == "statuspage":
        return _statuspage(content, lang, limits)
    payload = {"text": content} if isinstance(content, str) else _mapping(channel, content)
    text = _text(channel, payload, "text")
    if channel == "sms":
        asked = region or payload.get("region") or default_sms_region(lang)
        chosen: Region
        if asked == "cn":
            chosen = "cn"
        elif asked == "intl":
            chosen = "intl"
        else:
            raise ValueError(f"sms region must be 'cn' or 'intl', got {asked!r}")
        sign = signature if signature is not None else payload.get("signature")
        return _sms(text, chosen, None if sign is None else str(sign), lang, limits)
    if channel == "x":
        return _x(text, lang, limits)
    if channel == "weibo":
        return _weibo(text, lang, limits)
    return LengthReport("notice", {"text": text_figures(text)})


def _mapping(channel: str, content: object) -> Mapping[str, Any]:
    if not isinstance(content, Mapping):
        raise ValueError(f"{channel} content must be a mapping, got {type(content).__name__}")
    return content


def _text(channel: str, payload: Mapping[str, Any], key: str) -> str:
    value = payload.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"{channel} {key!r} must be a string, got {type(value).__name__}")
    return value


def _sms(
    text: str, region: Region, signature: str | None, lang: str, limits: Limits
) -> LengthReport:
    count = count_sms(text, region=region, signature=signature, limits=limits)
    severity = limits.severity("sms.severity")
    max_parts = limits.number("sms.max_parts")
    findings: list[Finding] = []
    note: tuple[str, str] | None = None
    if count.encoding == "UCS-2" and region == "intl" and count.ucs2_because:
        distinct = "".join(dict.fromkeys(ch for _, ch in count.ucs2_because))
        chars, more = distinct[:5], len(distinct) > 5  # the first five, and say there are more
        note = (
            f"含非 GSM-7 字符（{chars}{'等' if more else ''}），整条短信改用 UCS-2 编码。",
            f"Characters outside GSM-7 ({chars}{', …' if more else ''}) switch the whole SMS "
            "to UCS-2.",
        )
    overflow = count.overflow_index(max_parts) if max_parts else None
    if overflow is not None:
        unit: str = count.unit
        amount, limit = count.units, count.single
        if max_parts > 1:
            amount, limit, unit = count.parts, max_parts, "parts"
        findings.append(
            over_length(
                text,
                overflow - count.prefix,
                what=("短信", "SMS"),
                count=amount,
                limit=limit,
                unit=unit,
                consequence="split",
                severity=severity,
                lang=lang,
                note=note,
            )
        )
    if count.max_total and count.units > count.max_total:
        past = _first_past(count.weights, count.max_total)
        findings.append(
            over_length(
                text,
                past - count.prefix,
                what=("短信（含签名）", "SMS (signature included)"),
                count=count.units,
                limit=count.max_total,
                unit="chars",
                consequence="rejected",
                severity="error",
                lang=lang,
            )
        )
    figures = {"text": {**text_figures(text), **count.figures()}}
    return LengthReport("sms", figures, tuple(findings))


def _first_past(weights: tuple[int, ...], limit: int) -> int:
    used = 0
    for i, w in enumerate(weights):
        used += w
        if used > limit:
            return i
    return len(weights)


def _x(text: str, lang: str, limits: Limits) -> LengthReport:
    count = count_x(text, limits)
    findings: list[Finding] = []
    if count.limit and count.weighted > count.limit:
        findings.append(
            over_length(
                text,
                count.over_at if count.over_at is not None else 0,
                what=("X 帖子", "X post"),
                count=count.weighted,
                limit=count.limit,
                unit="weighted",
                consequence="rejected",
                severity=limits.severity("x.severity"),
                lang=lang,
            )
        )
    figures = {"text": {**text_figures(text), **count.figures()}}
    return LengthReport("x", figures, tuple(findings))


def _weibo(text: str, lang: str, limits: Limits) -> LengthReport:
    count = count_weibo(text, limits)
    findings: list[Finding] = []
    if count.over_total_at is not None:
        findings.append(
            over_length(
                text,
                count.over_total_at,
                what=("微博", "Weibo post"),
                count=count.length,
                limit=count.max_total,
                unit="weibo",
                consequence="rejected",
                severity=limits.severity("weibo.max_total_severity"),
                lang=lang,
            )
        )
    elif count.over_visible_at is not None:
        findings.append(
            over_length(
                text,
                count.over_visible_at,
                what=("微博（信息流可见部分）", "Weibo post (visible in the feed)"),
                count=count.length,
                limit=count.visible,
                unit="weibo",
                consequence="folded",
                severity=limits.severity("weibo.visible_severity"),
                lang=lang,
            )
        )
    figures = {"text": {**text_figures(text), **count.figures()}}
    return LengthReport("weibo", figures, tuple(findings))


def _wechat(payload: Mapping[str, Any], lang: str, limits: Limits) -> LengthReport:
    unknown = set(payload) - {"subscription", "template", "article"}
    if unknown:
        raise ValueError(
            f"wechat content has unknown part(s) {sorted(unknown)}; "
            "expected subscription, template, article"
        )
    figures: dict[str, Any] = {}
    findings: list[Finding] = []
    checks = {
        "subscription": check_subscription,
        "template": check_template,
        "article": check_article,
    }
    for part, check in checks.items():
        if part in payload:
            report = check(_mapping(f"wechat {part}", payload[part]), lang=lang, limits=limits)
            figures[part] = report.figures
            findings.extend(report.findings)
    return LengthReport("wechat", figures, tuple(findings))


def _push(payload: Mapping[str, Any], lang: str, limits: Limits) -> LengthReport:
    title = _text("push", payload, "title")
    body = _text("push", payload, "body")
    data = payload.get("data")
    if data is not None and not isinstance(data, Mapping):
        raise ValueError("push 'data' must be a mapping")
    payloads = {
        "apns": payload.get("apns", apns_payload(title, body, data)),
        "fcm": payload.get("fcm", fcm_payload(title, body, data)),
    }
    limit = limits.number("push.payload_bytes")
    line_width = limits.number("push.line_width")
    figures: dict[str, Any] = {}
    findings: list[Finding] = []
    for name, ready in payloads.items():
        size = len(compact_json(ready))
        figures[f"{name}_payload"] = {"bytes": size, "limit": limit}
        if limit and size > limit:
            overhead = size - len(body.encode("utf-8", "surrogatepass"))
            findings.append(
                over_length(
                    body,
                    index_past_bytes(body, max(0, limit - overhead)),
                    what=(f"推送负载（{name.upper()}）", f"Push payload ({name.upper()})"),
                    count=size,
                    limit=limit,
                    unit="bytes",
                    consequence="rejected",
                    severity=limits.severity("push.payload_severity"),
                    lang=lang,
                )
            )
    severity = limits.severity("push.visible_severity")
    for field, text, zh in (("title", title, "推送标题"), ("body", body, "推送正文")):
        lines = count_lines(text, line_width) if text and line_width else 0
        figures[field] = {**text_figures(text), "lines": lines, "line_width": line_width}
        budgets: dict[int, list[str]] = {}
        for platform in ("ios", "android"):
            budget = limits.number(f"push.{platform}_{field}_lines")
            figures[field][f"{platform}_lines"] = budget
            if budget and lines > budget:
                budgets.setdefault(budget, []).append("iOS" if platform == "ios" else "Android")
        for budget, platforms in budgets.items():
            shown = "/".join(platforms)
            findings.append(
                over_length(
                    text,
                    _past_lines(text, budget, line_width),
                    what=(f"{zh}（{shown}）", f"Push {field} ({shown})"),
                    count=lines,
                    limit=budget,
                    unit=(f"行（每行约 {line_width} 列）", f"lines of ≈{line_width} columns"),
                    consequence="cut",
                    severity=severity,
                    lang=lang,
                )
            )
    return LengthReport("push", figures, tuple(findings))


def _past_lines(text: str, lines: int, line_width: int) -> int:
    """Return where ``text`` goes past ``lines`` lines: never at its very end.

    Wrapping breaks lines early (a Latin word moves whole to the next line), so a text can
    fill more lines than its width alone says; the span then starts at the last character.
    """
    index = index_past_width(text, lines * line_width)
    return min(index, max(0, len(text) - 1))


_SUBJECT_PREFIX = "Subject: "


def _email(payload: Mapping[str, Any], lang: str, limits: Limits) -> LengthReport:
    subject = _text("email", payload, "subject")
    line = len(_SUBJECT_PREFIX) + len(subject)
    hard = limits.number("email.hard_line")
    recommended = limits.number("email.recommended_line")
    phone = limits.number("email.phone_width")
    shown = display_width(subject)
    figures: dict[str, Any] = {
        "subject": {
            **text_figures(subject),
            "header_line_chars": line,
            "hard_line": hard,
            "recommended_line": recommended,
            "phone_width": phone,
        }
    }
    findings: list[Finding] = []
    if "\n" in subject or "\r" in subject:
        findings.append(
            bad_format(
                subject,
                messages={
                    "zh": "邮件主题含换行符：主题必须是一行。",
                    "en": "The e-mail subject has a line break: a subject is one line.",
                },
                severity="error",
                lang=lang,
            )
        )
    prefix = len(_SUBJECT_PREFIX)
    what = ("邮件主题行", "E-mail subject line")
    if hard and line > hard:
        findings.append(
            over_length(
                subject,
                hard - prefix,
                what=what,
                count=line,
                limit=hard,
                unit="chars",
                consequence="rejected",
                severity=limits.severity("email.hard_severity"),
                lang=lang,
            )
        )
    elif recommended and line > recommended:
        findings.append(
            over_length(
                subject,
                recommended - prefix,
                what=what,
                count=line,
                limit=recommended,
                unit="chars",
                consequence="long",
                severity=limits.severity("email.recommended_severity"),
                lang=lang,
                note=("（RFC 5322 建议每行不超过 78 个字符）", "(RFC 5322 recommends 78 a line.)"),
            )
        )
    if phone and shown > phone:
        findings.append(
            over_length(
                subject,
                index_past_width(subject, phone),
                what=("邮件主题（手机收件箱）", "E-mail subject (phone inbox)"),
                count=shown,
                limit=phone,
                unit="columns",
                consequence="cut",
                severity=limits.severity("email.phone_severity"),
                lang=lang,
            )
        )
    return LengthReport("email", figures, tuple(findings))


def _statuspage(content: object, lang: str, limits: Limits) -> LengthReport:
    if isinstance(content, str):
        payload: Mapping[str, Any] = {"body": content}
    else:
        payload = _mapping("statuspage", content)
        inner = payload.get("incident", payload.get("incident_update"))
        if isinstance(inner, Mapping):
            payload = inner
    limit = limits.number("statuspage.max_chars")
    figures: dict[str, Any] = {}
    findings: list[Finding] = []
    for key in ("name", "body"):
        if key not in payload:
            continue
        text = _text("statuspage", payload, key)
        figures[key] = {**text_figures(text), "limit": limit}
        if key == "body" and limit and len(text) > limit:
            findings.append(
                over_length(
                    text,
                    limit,
                    what=("状态页更新", "Status page update"),
                    count=len(text),
                    limit=limit,
                    unit="chars",
                    consequence="long",
                    severity=limits.severity("statuspage.severity"),
                    lang=lang,
                )
            )
    return LengthReport("statuspage", figures, tuple(findings))
