"""Channel variants of a notice: split a rendered variant into its parts, build what a
channel posts (an e-mail's HTML body, a Statuspage incident update), and measure it.

A variant template marks each part with ``{{ part('subject') }}``; :func:`split_parts`
cuts the rendered text at those marks. A template may write more than one form of its
variant, fullest first: after the full form, ``{{ part('compact') }}`` (a form named in
``variants.toml``) starts a more compact one, which writes the parts it words differently
(the rest are the fuller form's) or nothing at all when it has nothing shorter to say for
these facts. :func:`split_forms` returns every form written; drafting uses the first that
fits the channel's limits (:func:`choose`). The draft's text is the variant as the template
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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import TemplateError
from ..facts import Incident
from ..findings import Finding, line_column
from ..keptfor import KeptFor
from ..templating import PART_CLOSE, PART_OPEN
from .check import check_length
from .report import OVER_LENGTH, LengthReport

DATA_FILE = Path(__file__).resolve().parent / "variants.toml"


FULL = "full"
"""The name of a variant's first, fullest form (the one every channel template writes)."""


@dataclass(frozen=True, slots=True)
class Form:
    """A more compact written form of a channel's variant (``variants.toml`` ``forms``).

    ``carries``: per kind, what the form states when the facts link to the full notice
    (the notice states the rest); ``None`` for a kind: what the full form states. Without
    a link, a form states everything the full form does.
    """

    name: str
    carries: Mapping[str, tuple[str, ...] | None]
    states: str | None = None
    """The fuller form whose facts this one states in other words (a thread, the concise
    post's): a language where that form is within every limit publishes it instead."""


@dataclass(frozen=True, slots=True)
class Variant:
    """One channel's shape: its parts in order, and the elements it carries per kind."""

    channel: str
    parts: tuple[str, ...]
    measure: str
    carries: Mapping[str, tuple[str, ...] | None]
    settings: Mapping[str, Any]
    forms: tuple[Form, ...] = ()
    safety: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    """Per kind, the parts that state the facts' safety instructions while service is down."""
    marked: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    """Per kind, the parts too short for them that say, on the same condition, there are some."""

    def carried(self, kind: str, element: str, form: str = FULL, linked: bool = False) -> bool:
        """True when this channel's ``kind`` variant states ``element`` (or its placeholder).

        ``form``: which written form; a compact form states less only when ``linked``
        (the facts link to the full notice, which states the rest).
        """
        chosen = self.carries.get(kind)
        if form != FULL and linked:
            compact = next(f for f in self.forms if f.name == form).carries
            chosen = compact.get(kind, chosen)
        return chosen is None or element in chosen

    def safety_parts(self, kind: str) -> tuple[str, ...]:
        """Return the parts of the ``kind`` variant that state the safety instructions.

        Every written form states them there while service is down (``variants.toml``
        ``safety``); a kind whose notice does not state them has none.
        """
        return self.safety.get(kind, ())

    def marked_parts(self, kind: str) -> tuple[str, ...]:
        """Return the parts of the ``kind`` variant that say it holds safety instructions.

        A subject or a keyword has no room for an instruction; while service is down it
        says there is one (``variants.toml`` ``marked``), never states one of its own.
        """
        return self.marked.get(kind, ())

    @property
    def form_names(self) -> tuple[str, ...]:
        """The names of the forms a template may write, fullest first."""
        return (FULL, *(f.name for f in self.forms))


@cache
def variants() -> dict[str, Variant]:
    """Return every channel variant described in ``variants.toml``."""
    with DATA_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    found: dict[str, Variant] = {}
    for channel, spec in data.items():
        forms = tuple(
            Form(name, _carries(form.get("carries", {})), form.get("states"))
            for name, form in spec.get("forms", {}).items()
        )
        clash = {FULL, *spec["parts"]} & {f.name for f in forms}
        if clash:
            raise TemplateError(f"{DATA_FILE.name} [{channel}]: form named like a part: {clash}")
        safety = _parts_per_kind(spec, "safety", channel)
        marked = _parts_per_kind(spec, "marked", channel)
        found[channel] = Variant(
            channel=channel,
            parts=tuple(spec["parts"]),
            measure=spec["measure"],
            carries=_carries(spec.get("carries", {})),
            settings=spec,
            forms=forms,
            safety=safety,
            marked=marked,
        )
    return found


def _parts_per_kind(spec: Mapping[str, Any], key: str, channel: str) -> dict[str, tuple[str, ...]]:
    """Return ``spec[key]`` (kind -> part names), every name checked against the parts."""
    chosen = {kind: tuple(parts) for kind, parts in spec.get(key, {}).items()}
    unknown = {p for parts in chosen.values() for p in parts} - set(spec["parts"])
    if unknown:
        raise TemplateError(f"{DATA_FILE.name} [{channel}.{key}]: no such part: {unknown}")
    return chosen


def _carries(spec: Mapping[str, Any]) -> dict[str, tuple[str, ...] | None]:
    return {kind: None if chosen == "all" else tuple(chosen) for kind, chosen in spec.items()}


def linked(incident: Incident, kind: str) -> bool:
    """True when the facts hold the page a channel's text links to for ``kind``.

    The same page the templates' ``link`` macro writes: the compensation page for a
    compensation notice, else this notice's page, else the status page.
    """
    links = incident.links
    if links is None:
        return False
    own = links.compensation if kind == "compensation_notice" else None
    return bool(own or links.notice or links.status_page)


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
    split = _cut(rendered, template_id)
    if tuple(split.parts) != expected:
        raise TemplateError(
            f"template {template_id} writes the parts {list(split.parts)}; "
            f"expected {list(expected)} in order"
        )
    return split


def _cut(rendered: str, template_id: str) -> Split:
    """Cut ``rendered`` at its part marks (it must start with one; each part once)."""
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
    if len(set(names)) != len(names):
        raise TemplateError(f"template {template_id} writes a part twice: {names}")
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


def split_forms(rendered: str, shape: Variant, template_id: str) -> list[tuple[str, Split]]:
    """Return each form the template wrote, fullest first, as (form name, split).

    The full form writes every part; a later form (started by ``{{ part('<form>') }}``,
    forms in the order of ``variants.toml``) writes some of the parts, in order, and takes
    the others from the form before it; a form that writes nothing is not offered.

    Examples:
        >>> shape = Variant("x", ("title", "body"), "text", {}, {}, (Form("compact", {}),))
        >>> full = "\\x02title\\x03A long title\\n\\x02body\\x03Text."
        >>> rendered = full + "\\x02compact\\x03\\x02title\\x03Short"
        >>> [(name, s.text) for name, s in split_forms(rendered, shape, "t")]
        [('full', 'A long title\\nText.\\n'), ('compact', 'Short\\nText.\\n')]
    """
    names = shape.form_names
    marks = [m for m in _MARK.finditer(rendered) if m.group(1) in names[1:]]
    if [m.group(1) for m in marks] != [n for n in names[1:] if n in {m.group(1) for m in marks}]:
        raise TemplateError(
            f"template {template_id} writes its forms out of order; expected {list(names)}"
        )
    ends = [m.start() for m in marks] + [len(rendered)]
    full = split_parts(rendered[: ends[0]], shape.parts, template_id)
    if marks:  # the full form ends as a whole rendered text does: with one line break
        full = Split(full.text.rstrip() + "\n", full.parts, full.starts)
    forms = [(names[0], full)]
    for mark, end in zip(marks, ends[1:], strict=True):
        chunk = rendered[mark.end() : end]
        if not chunk.strip():
            continue
        own = _cut(chunk, template_id)
        order = [p for p in shape.parts if p in own.parts]
        if list(own.parts) != order:
            raise TemplateError(
                f"template {template_id}: form {mark.group(1)!r} writes the parts "
                f"{list(own.parts)}; expected some of {list(shape.parts)} in order"
            )
        forms.append((mark.group(1), _substitute(forms[-1][1], own.parts)))
    return forms


def _substitute(base: Split, replaced: Mapping[str, str]) -> Split:
    """Return ``base`` with the parts in ``replaced`` worded anew, its layout kept."""
    pieces: list[str] = []
    parts: dict[str, str] = {}
    starts: dict[str, int] = {}
    position = 0
    size = 0
    for name, start in sorted(base.starts.items(), key=lambda item: item[1]):
        before = base.text[position:start]
        pieces.append(before)
        size += len(before)
        new = replaced.get(name, base.parts[name])
        parts[name] = new
        starts[name] = size
        pieces.append(new)
        size += len(new)
        position = start + len(base.parts[name])
    pieces.append(base.text[position:])
    ordered = {name: parts[name] for name in base.parts}
    return Split("".join(pieces), ordered, {name: starts[name] for name in base.parts})


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
        component.name.in_lang(lang): states[component.state] for component in incident.components
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


@dataclass(frozen=True, slots=True)
class Shaped:
    """One written form of a channel variant: its parts, its payload and its length report."""

    form: str
    rank: int
    """Where the form stands in the channel's order, fullest (0) first."""
    split: Split
    parts: dict[str, str]
    payload: dict[str, Any] | None
    report: LengthReport

    @property
    def fit(self) -> tuple[int, int]:
        """How far past its limits the form is: (worst, how many over-length findings).

        worst: 0 within every limit; 1 past a limit the platform tolerates (folded, cut on
        the phone, billed twice); 2 past a limit the platform refuses.
        """
        over = [f for f in self.report.findings if f.rule == OVER_LENGTH]
        if not over:
            return (0, 0)
        return (2 if any(f.severity == "error" for f in over) else 1, len(over))


def shaped(channel: str, form: str, split: Split, incident: Incident, lang: str) -> Shaped:
    """Build a form's parts and payload (an e-mail's HTML, a status-page update) and measure it."""
    parts = dict(split.parts)
    payload: dict[str, Any] | None = None
    if channel == "email":
        parts["html"] = html_body(parts["subject"], parts["body"], lang)
    elif channel == "statuspage":
        payload = statuspage_update(incident, parts, lang)
    shape = variant(channel)
    rank = shape.form_names.index(form)
    if form in shape.settings.get("threads", ()):
        report = measure_thread(channel, parts["text"], lang)
    else:
        report = measure(channel, parts, payload, incident, lang)
    return Shaped(form, rank, split, parts, payload, report)


def choose(forms: list[Shaped], counterparts: Sequence[list[Shaped]] = ()) -> Shaped:
    """Return the form to publish: the fullest within every limit, in every language.

    ``counterparts``: the same variant's forms in the other languages drafted from these
    facts. A form is chosen for all of them at once, so that the languages state the same
    facts (parity): a form fits as well as it fits in the language where it fits worst. A
    language that does not write a form (nothing shorter to say) stands in with its
    nearest fuller one.

    When no form is within every limit: the fullest of those past the fewest limits the
    platform tolerates (a text folded behind 全文 or billed as two messages still reaches
    the reader whole); when the platform refuses them all, the most compact, the least to
    rewrite. Its over-length findings stay.

    A form that states another's facts in other words (a thread, the concise post's) gives
    way to that form in a language where it is within every limit: one post, not a thread.
    """
    groups = (forms, *counterparts)
    ranks = sorted({f.rank for group in groups for f in group})
    fits = [max(_stand_in(group, rank).fit for group in groups) for rank in ranks]
    best = min(fits)
    fitting = [rank for rank, fit in zip(ranks, fits, strict=True) if fit == best]
    chosen = _stand_in(forms, fitting[-1] if best[0] == 2 else fitting[0])
    shape = variants().get(chosen.report.channel)
    form = next((f for f in shape.forms if f.name == chosen.form), None) if shape else None
    if form is None or form.states is None:
        return chosen
    return next((f for f in forms if f.form == form.states and f.fit == (0, 0)), chosen)


def _stand_in(forms: list[Shaped], rank: int) -> Shaped:
    """Return the form of ``forms`` at ``rank``, or the nearest fuller one written."""
    return [f for f in forms if f.rank <= rank][-1]


def forms_of(
    channel: str, rendered: str, template_id: str, incident: Incident, lang: str
) -> list[Shaped]:
    """Return every form a rendered channel variant wrote, shaped and measured."""
    shape = variant(channel)
    return [
        shaped(channel, name, split, incident, lang)
        for name, split in split_forms(rendered, shape, template_id)
    ]


#: The forms of the last few variants drafted, by incident, template and language.
_FORMS: KeptFor[list[Shaped]] = KeptFor(64)


#: Whose forms a draft's choice also weighs: the languages written from the same facts.
COUNTERPARTS: Mapping[str, tuple[str, ...]] = {
    "zh": ("en",),
    "en": ("zh",),
    "zh-Hant-HK": ("zh", "en"),
    "zh-Hant-TW": ("zh", "en"),
}


def counterparts(
    channel: str, kind: Any, lang: str, incident: Incident, pack: Any
) -> list[list[Shaped]]:
    """Return the forms of ``channel``'s ``kind`` variant in the languages ``lang`` agrees with.

    Only languages the facts are written in (every free-text fact has their text);
    rendered from the same template pack.
    """
    if not variant(channel).forms:
        return []
    from ..drafting import untranslated
    from ..templating import get_template

    found: list[list[Shaped]] = []
    for other in COUNTERPARTS.get(lang, ()):
        template = get_template(kind, other, pack, channel)
        held = _FORMS.kept(incident, _form_key(channel, template, other))
        if held is not None:
            found.append(held)
        elif not untranslated(incident, other):
            found.append(rendered_forms(channel, template, incident, other))
    return found


def rendered_forms(channel: str, template: Any, incident: Incident, lang: str) -> list[Shaped]:
    """Return the forms of ``template`` (a channel variant) rendered for ``incident`` in ``lang``.

    Remembered for the last few incidents: a pack drafts each language once as itself and
    once as another language's counterpart, and renders it only once.
    """
    from ..templating import render

    def measured() -> list[Shaped]:
        return forms_of(channel, render(template, incident, lang), template.id, incident, lang)

    return _FORMS.get(incident, _form_key(channel, template, lang), measured)


def _form_key(channel: str, template: Any, lang: str) -> tuple[str, ...]:
    return (channel, template.id, template.sha256, lang)


def form_figures(chosen: Shaped, forms: list[Shaped]) -> dict[str, Any]:
    """Return what the draft's ``length["form"]`` says: the form used and the forms written."""
    return {"used": chosen.form, "written": [form.form for form in forms]}


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
            content["signature"] = incident.organization.in_lang(lang)
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


def thread_posts(text: str) -> list[tuple[int, str]]:
    """Return each post of a thread (posts apart by a blank line) with where it starts.

    Examples:
        >>> thread_posts("One (1/2)\\n\\nTwo (2/2)")
        [(0, 'One (1/2)'), (11, 'Two (2/2)')]
    """
    posts = []
    start = 0
    for gap in [*_BLANK_LINE.finditer(text), None]:
        end = gap.start() if gap else len(text)
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            posts.append((start + lead, chunk.strip()))
        start = gap.end() if gap else end
    return posts


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def measure_thread(channel: str, text: str, lang: str) -> LengthReport:
    """Measure each post of a thread on its own, as the platform takes each.

    The figures are the longest post's under ``text`` (what one post must fit) and every
    post's under ``posts``; a post past the limit has its finding, pointing into it.
    """
    posts = thread_posts(text)
    reports = [(start, check_length(channel, post, lang=lang)) for start, post in posts]
    findings = tuple(
        dataclasses.replace(f, start=start + f.start, end=start + f.end)
        for start, report in reports
        for f in report.findings
    )
    figures = [dict(report.figures["text"]) for _, report in reports]
    longest = max(figures, key=lambda each: int(each.get("weighted", 0)), default={})
    return LengthReport(channel, {"text": longest, "posts": figures}, findings)


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
