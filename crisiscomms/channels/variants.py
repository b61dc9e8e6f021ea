"""Channel variants of a notice: split a rendered variant into its parts, build what a
channel posts (an e-mail's HTML body, a Statuspage incident update), and measure it.

A variant template marks each part with ``{{ part('subject') }}``; :func:`split_parts`
cuts the rendered text at those marks. The draft's text is the variant as the template
lays it out, without the marks; each part is one stripped slice of it, so a finding in a
part points into the draft's text. Nothing here shortens a text: a part past its channel's
limit gets an ``over-length`` finding with the count and the limit.

What each channel is made of, and which missing facts it shows, is data:
``variants.toml``.
"""

from __future__ import annotations

import dataclasses
import html
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import TemplateError
from ..facts import Incident
from ..findings import Finding, line_column
from ..templating import PART_CLOSE, PART_OPEN
from .check import check_length
from .report import LengthReport

DATA_FILE = Path(__file__).resolve().parent / "variants.toml"


@dataclass(frozen=True, slots=True)
class Variant:
    """One channel's shape: its parts in order, and the elements it carries per kind."""

    channel: str
    parts: tuple[str, ...]
    measure: str
    carries: Mapping[str, tuple[str, ...] | None]
    settings: Mapping[str, Any]

    def carried(self, kind: str, element: str) -> bool:
        """True when this channel's ``kind`` variant states ``element`` (or its placeholder)."""
        chosen = self.carries.get(kind)
        return chosen is None or element in chosen


@cache
def variants() -> dict[str, Variant]:
    """Return every channel variant described in ``variants.toml``."""
    with DATA_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    found: dict[str, Variant] = {}
    for channel, spec in data.items():
        carries: dict[str, tuple[str, ...] | None] = {
            kind: None if chosen == "all" else tuple(chosen)
            for kind, chosen in spec.get("carries", {}).items()
        }
        found[channel] = Variant(
            channel=channel,
            parts=tuple(spec["parts"]),
            measure=spec["measure"],
            carries=carries,
            settings=spec,
        )
    return found


def variant(channel: str) -> Variant:
    """Return the shape of ``channel`` (``sms``, ``email``...)."""
    try:
        return variants()[channel]
    except KeyError:
        raise TemplateError(f"no channel variant {channel!r} in {DATA_FILE.name}") from None


_MARK = re.compile(f"{PART_OPEN}([a-z][a-z0-9_]*){PART_CLOSE}")


@dataclass(frozen=True, slots=True)
class Split:
    """A rendered variant: its text without the part marks, and where each part is."""

    text: str
    parts: dict[str, str]
    starts: dict[str, int]


def split_parts(rendered: str, expected: tuple[str, ...], template_id: str) -> Split:
    """Cut ``rendered`` at its part marks; every expected part, once each, in order.

    Examples:
        >>> rendered = "\\x02subject\\x03Hi\\n\\n\\x02body\\x03Text.\\n"
        >>> s = split_parts(rendered, ("subject", "body"), "t")
        >>> s.text, s.parts, s.starts
        ('Hi\\n\\nText.\\n', {'subject': 'Hi', 'body': 'Text.'}, {'subject': 0, 'body': 4})
    """
    pieces: list[str] = []
    names: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    size = 0
    marks = list(_MARK.finditer(rendered))
    if not marks or rendered[: marks[0].start()].strip():
        raise TemplateError(f"template {template_id}: it must start with {{{{ part(...) }}}}")
    for i, mark in enumerate(marks):
        before = rendered[position : mark.start()]
        pieces.append(before)
        size += len(before)
        names.append(mark.group(1))
        end = marks[i + 1].start() if i + 1 < len(marks) else len(rendered)
        body = rendered[mark.end() : end]
        spans.append((size, size + len(body)))
        pieces.append(body)
        size += len(body)
        position = end
    if tuple(names) != expected:
        raise TemplateError(
            f"template {template_id} writes the parts {names}; expected {list(expected)} in order"
        )
    text = "".join(pieces)
    parts: dict[str, str] = {}
    starts: dict[str, int] = {}
    for name, (start, end) in zip(names, spans, strict=True):
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            raise TemplateError(f"template {template_id}: part {name!r} is empty")
        parts[name] = stripped
        starts[name] = start + (len(chunk) - len(chunk.lstrip()))
    return Split(text, parts, starts)


def html_body(subject: str, body: str, lang: str) -> str:
    """Return the HTML e-mail body built from the plain-text ``body``: the same words, escaped.

    A one-line first paragraph (the notice's title) becomes ``<h1>``, every other
    paragraph (blank-line separated) ``<p>``, line breaks inside one ``<br>``.
    Every character of the text is escaped, so a fact holding markup shows as text.

    Examples:
        >>> print(html_body("S", "A <b>&\\n\\nB", "en"))  # doctest: +ELLIPSIS
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>S</title></head>
        <body>
        <h1>A &lt;b&gt;&amp;</h1>
        <p>B</p>
        </body>
        </html>
    """
    tag = "zh-CN" if lang == "zh" else lang
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", body.strip()) if p.strip()]
    shown = [
        "<p>" + "<br>\n".join(html.escape(line, quote=True) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    ]
    if paragraphs and "\n" not in paragraphs[0]:
        shown[0] = f"<h1>{html.escape(paragraphs[0], quote=True)}</h1>"  # the notice's title
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{html.escape(tag, quote=True)}">',
            f'<head><meta charset="utf-8"><title>{html.escape(subject, quote=True)}</title></head>',
            "<body>",
            *shown,
            "</body>",
            "</html>",
        ]
    )


def statuspage_update(incident: Incident, parts: Mapping[str, str], lang: str) -> dict[str, Any]:
    """Return a Statuspage incident create/update request body built from the facts.

    ``status`` follows the facts' lifecycle, ``body`` is the drafted text, and
    ``components`` maps each affected component to its Statuspage status. Statuspage keys
    components by id; the facts name them, so the names stand in for the ids, and a user
    replaces them with their page's component ids before posting.
    """
    spec = variant("statuspage").settings
    statuses: Mapping[str, str] = spec["incident_status"]
    states: Mapping[str, str] = spec["component_status"]
    components = {
        _in(component.name, lang): states[component.state] for component in incident.components
    }
    return {
        "incident": {
            "name": parts["name"],
            "status": statuses[incident.status],
            "body": parts["body"],
            "components": components,
            "component_ids": list(components),
        }
    }


def measure(
    channel: str,
    parts: Mapping[str, str],
    payload: Mapping[str, Any] | None,
    incident: Incident,
    lang: str,
) -> LengthReport:
    """Run ``channel``'s length check on a drafted variant."""
    shape = variant(channel)
    if shape.measure == "text":
        content: Any = {"text": parts["text"]}
        if channel == "sms" and lang == "zh":
            # Mainland gateways prepend the sender signature 【…】 and count it.
            content["signature"] = _in(incident.organization, lang)
        return check_length(channel, content, lang=lang)
    if shape.measure == "push":
        return check_length("push", {"title": parts["title"], "body": parts["body"]}, lang=lang)
    if shape.measure == "email":
        return check_length("email", {"subject": parts["subject"]}, lang=lang)
    if shape.measure == "wechat":
        fields = {name: parts[name] for name in shape.settings["template_fields"]}
        article = {key: parts[key] for key in ("title", "digest", "content")}
        return check_length("wechat", {"template": fields, "article": article}, lang=lang)
    return check_length("statuspage", dict(payload or {}), lang=lang)


#: Wording rules that read a bare label (排查中) as a sentence.
_LABEL_RULES = frozenset({"vague-fix-no-timeline", "vague-time"})


def outside_labels(findings: list[Finding], split: Split, shape: Variant) -> list[Finding]:
    """Drop wording findings that fall wholly inside a label field (``labels`` in the data).

    A WeChat template message's status field holds a lifecycle label (恢复中); the linter
    reads it as a fix promised with no time, which it is not.
    """
    spans = [
        (split.starts[name], split.starts[name] + len(split.parts[name]))
        for name in shape.settings.get("labels", ())
    ]
    return [
        f
        for f in findings
        if f.rule not in _LABEL_RULES or not any(a <= f.start and f.end <= b for a, b in spans)
    ]


def _in(text: Any, lang: str) -> str:
    """Return a bilingual fact's text in ``lang`` (checked present before drafting)."""
    return str(getattr(text, lang.replace("-", "_"), None) or "")


def place_findings(findings: tuple[Finding, ...], split: Split) -> list[Finding]:
    """Move a length check's findings from the part they measured into the draft's text.

    A finding is placed in the first part whose text holds its excerpt at its span; one
    that spans several parts (a WeChat template message as a whole) points at the first
    of them.
    """
    placed: list[Finding] = []
    for finding in findings:
        offset = next(
            (
                split.starts[name]
                for name, text in split.parts.items()
                if text[finding.start : finding.end] == finding.excerpt
            ),
            None,
        )
        if offset is None:
            first = next(iter(split.parts))
            offset = split.starts[first]
            start, end = offset, offset + len(split.parts[first])
        else:
            start, end = offset + finding.start, offset + finding.end
        line, column = line_column(split.text, start)
        placed.append(
            dataclasses.replace(
                finding,
                start=start,
                end=end,
                line=line,
                column=column,
                excerpt=split.text[start:end],
            )
        )
    return placed
