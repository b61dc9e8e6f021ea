"""Facts in, drafts out: :func:`draft` and :func:`draft_all`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .completeness import (
    MissingFact,
    judged_from_facts,
    missing_facts,
    placeholder_text,
    undated_prevention,
)
from .errors import InputError, TemplateError
from .factcheck.names import lint_with_names
from .facts import FactsError, Incident, Problem, missing_translations, parse_incident
from .findings import Finding
from .hant.facts import Converted, hant_facts
from .keptfor import KeptFor
from .kinds import (
    DEFAULT_LANGS,
    HANT_LANGS,
    KINDS,
    Channel,
    DraftLang,
    NoticeKind,
    lint_lang,
    normalize_channel,
    normalize_kind,
    normalize_lang,
)
from .lint import COMPLETENESS_RULES
from .packs import Pack, read_pack
from .templating import Template, get_template, render


@dataclass(frozen=True)
class Draft:
    """A rendered notice, with what it was made from and what it still lacks.

    ``findings`` holds a ``missing-<element>`` error for each placeholder left
    in ``text``, then whatever the linter finds in the wording; a draft with
    findings at error severity is not ready to publish.
    """

    kind: NoticeKind
    lang: DraftLang
    text: str
    template_id: str
    template_hash: str
    findings: tuple[Finding, ...]
    missing: tuple[MissingFact, ...]
    vetted: bool = False
    channel: str = "notice"
    converted: tuple[Converted, ...] = ()
    """Facts given only in Simplified Chinese that a Traditional draft converted: check them."""
    parts: Mapping[str, str] = field(default_factory=dict)
    payload: Mapping[str, Any] | None = None
    length: Mapping[str, Any] | None = None

    @property
    def title(self) -> str:
        """The first line of the notice (a channel's title part when it has one)."""
        for name in ("subject", "title", "name"):
            if name in self.parts:
                return self.parts[name]
        return self.text.split("\n", 1)[0]

    @property
    def ready(self) -> bool:
        """True when nothing at error severity stands in the way of publishing."""
        return not any(f.severity == "error" for f in self.findings)

    def markdown(self) -> str:
        """Return the notice as Markdown: the title as a heading, the body as is."""
        title, _, body = self.text.partition("\n")
        return f"# {title}\n{body}"

    def to_dict(self) -> dict[str, Any]:
        """Return the draft as JSON-ready data.

        A channel variant adds ``parts`` (each part by name: an e-mail's ``subject``,
        ``body`` and ``html``; a push ``title`` and ``body``...), ``payload`` (what the
        channel posts, e.g. a Statuspage incident update) and ``length`` (the channel's
        length figures).
        """
        extra: dict[str, Any] = {}
        if self.channel != "notice":
            extra = {
                "parts": dict(self.parts),
                "payload": self.payload,
                "length": self.length,
            }
        return {
            "kind": self.kind,
            "lang": self.lang,
            "channel": self.channel,
            "title": self.title,
            "text": self.text,
            "template": {
                "id": self.template_id,
                "sha256": self.template_hash,
                "vetted": self.vetted,
            },
            "ready": self.ready,
            "findings": [f.to_dict() for f in self.findings],
            "missing_facts": [m.to_dict() for m in self.missing],
            "converted_facts": [c.to_dict() for c in self.converted],
            **extra,
        }


def draft(
    incident: Incident | Mapping[str, Any],
    kind: str,
    lang: str = "zh",
    *,
    templates: str | Path | None = None,
    channel: str = "notice",
) -> Draft:
    """Draft one notice of ``kind`` in ``lang`` from the incident facts.

    Args:
        incident: an :class:`Incident`, or facts as a mapping (validated here).
        kind: ``first_statement``, ``progress_update``, ``apology`` or
            ``compensation_notice`` (``first-statement`` works too).
        lang: ``zh`` (Simplified Chinese), ``en``, ``zh-Hant-HK`` or ``zh-Hant-TW``
            (Traditional Chinese for Hong Kong or Taiwan readers; ``zh-Hant`` is
            ``zh-Hant-TW``). A Traditional draft uses a fact's Traditional text
            when given and converts its ``zh`` text otherwise, listing each
            converted field in ``Draft.converted``.
        templates: a template pack folder (``zh/``, ``en/``) overriding the
            shipped templates file by file; its drafts are not ``vetted``.
        channel: ``notice`` (the long form), ``sms``, ``weibo``, ``x``, ``push``,
            ``wechat``, ``email`` or ``statuspage``: a variant written for that channel,
            with its parts, its payload and an ``over-length`` finding past its limit.

    Returns:
        The draft. Facts the kind needs but the incident lacks show as visible
        placeholders, each with a ``missing-<element>`` finding at error severity.

    Raises:
        FactsError: the facts are invalid, or a free-text fact has no text in ``lang``.
        InputError: unknown kind or language.
        TemplateError: a custom template is broken or reaches outside the sandbox.

    Examples:
        >>> facts = {
        ...     "organization": {"zh": "示例科技", "en": "Example Tech"},
        ...     "service": {"zh": "示例App", "en": "the Example app"},
        ...     "timezone": "Asia/Shanghai",
        ...     "started_at": "2026-03-29T01:00:00+08:00",
        ...     "published_at": "2026-03-29T01:20:00+08:00",
        ...     "impact": {"symptoms": {"zh": "页面无法打开", "en": "pages not loading"}},
        ... }
        >>> notice = draft(facts, "first-statement", "zh")
        >>> [f.rule for f in notice.findings]
        ['missing-next-update']
        >>> "【待补充：下次更新时间】" in notice.text
        True
    """
    if not isinstance(incident, Incident):
        incident = parse_incident(incident)
    lang_ = normalize_lang(lang)
    kind_ = normalize_kind(kind)
    prepared = _prepared(incident, [lang_])
    channel_ = normalize_channel(channel)
    if not written_for(kind_, channel_):
        raise InputError(no_variant(kind_, channel_))
    return _draft(*prepared[lang_], kind_, lang_, read_template_pack(templates), channel_)


def prepared_facts(incident: Incident, langs: Iterable[str]) -> dict[DraftLang, Incident]:
    """Return the facts each language drafts from (a Traditional language's text filled in).

    Raises:
        FactsError: a free-text fact has no text in one of ``langs``.
    """
    langs_ = list(dict.fromkeys(map(normalize_lang, langs)))
    return {lang: facts for lang, (facts, _) in _prepared(incident, langs_).items()}


def _prepared(
    incident: Incident, langs: list[DraftLang]
) -> dict[DraftLang, tuple[Incident, tuple[Converted, ...]]]:
    """Return the facts each language drafts from (Traditional filled in), or raise for gaps.

    Raises:
        FactsError: a free-text fact has no text in one of ``langs`` (for a
            Traditional language: none in the region's tag, ``zh-Hant`` or ``zh``).
    """
    prepared: dict[DraftLang, tuple[Incident, tuple[Converted, ...]]] = {}
    for lang in langs:
        prepared[lang] = _hant_facts(incident, lang) if lang in HANT_LANGS else (incident, ())
    untranslated = [p for lang in langs for p in _untranslated(prepared[lang][0], lang)]
    if untranslated:
        raise FactsError(untranslated)
    return prepared


def _draft(
    incident: Incident,
    converted: tuple[Converted, ...],
    kind_: NoticeKind,
    lang_: DraftLang,
    pack: Pack | None,
    channel: Channel = "notice",
) -> Draft:
    """Render one checked kind and language: the facts and translations are already valid."""
    template = get_template(kind_, lang_, pack, channel)
    if channel != "notice":
        return _channel_draft(incident, converted, kind_, lang_, channel, template, pack)
    text = render(template, incident, lang_)
    gaps = missing_facts(incident, kind_)
    findings = _placeholder_findings(text, gaps, lang_, template.id)
    findings += undated_prevention(text, incident, lang_)
    return Draft(
        kind=kind_,
        lang=lang_,
        text=text,
        template_id=template.id,
        template_hash=template.sha256,
        findings=tuple(findings + _wording_findings(text, lang_, gaps, incident, kind_)),
        missing=tuple(gaps),
        vetted=template.vetted,
        converted=converted,
    )


def _channel_draft(
    incident: Incident,
    converted: tuple[Converted, ...],
    kind_: NoticeKind,
    lang_: DraftLang,
    channel: Channel,
    template: Template,
    pack: Pack | None = None,
) -> Draft:
    """Split a channel variant into its forms, keep the fullest that fits, and measure it.

    Its forms may be rendered already, as another language's counterpart.
    """
    from .channels import variants
    from .channels.report import with_link_hint

    shape = variants.variant(channel)
    forms = variants.rendered_forms(channel, template, incident, lang_)
    gaps = missing_facts(incident, kind_)
    others = (
        variants.counterparts(channel, kind_, lang_, _drafted_from(incident, lang_), pack)
        if len(forms) > 1
        else []
    )
    chosen = variants.choose(forms, others)
    split, parts, payload, report = chosen.split, chosen.parts, chosen.payload, chosen.report
    text = split.text
    linked = variants.linked(incident, kind_)
    gaps = [gap for gap in gaps if shape.carried(kind_, gap.element, chosen.form, linked)]
    findings = _placeholder_findings(text, gaps, lang_, template.id)
    wording = _wording_findings(text, lang_, gaps, incident, kind_)
    findings += variants.outside_labels(wording, split, shape)
    placed = variants.place_findings(report.findings, split)
    if not linked and "brief" in shape.form_names and report.findings:
        placed = [with_link_hint(f, lang_) for f in placed]  # a link would allow it
    findings += placed
    return Draft(
        kind=kind_,
        lang=lang_,
        text=text,
        template_id=template.id,
        template_hash=template.sha256,
        findings=tuple(findings),
        missing=tuple(gaps),
        vetted=template.vetted,
        channel=channel,
        converted=converted,
        parts=parts,
        payload=payload,
        length={**report.to_dict()["figures"], "form": variants.form_figures(chosen, forms)},
    )


def draft_all(
    incident: Incident | Mapping[str, Any],
    kinds: Iterable[str] | None = None,
    langs: Iterable[str] | None = None,
    *,
    templates: str | Path | None = None,
    channels: Iterable[str] | None = None,
) -> list[Draft]:
    """Draft every kind in zh and en (or the languages given), kind by kind.

    ``channels`` (default: the long-form notice only) drafts each kind and language
    for each channel given, channel by channel within a language.

    Every language is checked for missing translations before anything is
    rendered, so a caller never gets half of a set of drafts.
    """
    if not isinstance(incident, Incident):
        incident = parse_incident(incident)
    # Asked twice ("zh,zh"), drafted once: two identical drafts would overwrite each other.
    kinds_ = list(KINDS) if kinds is None else list(dict.fromkeys(map(normalize_kind, kinds)))
    langs_ = (
        list(DEFAULT_LANGS) if langs is None else list(dict.fromkeys(map(normalize_lang, langs)))
    )
    channels_: list[Channel] = (
        ["notice"] if channels is None else list(dict.fromkeys(map(normalize_channel, channels)))
    )
    # A channel has variants for the kinds published there (no SMS post-incident report):
    # asked for several, each kind goes out on the channels written for it.
    pairs = [(k, c) for k in kinds_ for c in channels_ if written_for(k, c)]
    if not pairs:
        raise InputError(no_variant(kinds_[0], channels_[0]))
    prepared = _prepared(incident, langs_)
    pack = read_template_pack(templates)
    drafts = [
        _draft(*prepared[lang], kind, lang, pack, channel)
        for kind in kinds_
        for lang in langs_
        for channel in channels_
        if (kind, channel) in pairs
    ]
    return with_parity(drafts, incident)


def with_parity(drafts: list[Draft], incident: Incident) -> list[Draft]:
    """Add ``parity-mismatch`` findings between each Chinese draft and the English one of
    the same kind and channel, as ``crisiscomms pack`` checks them: a number or time one
    states and the other does not, such as a zh fact of 1.2万 beside an en fact of 13,000.

    A value the drafts render from a structured fact (a count, an amount, a time) is the
    same fact in both languages; only what the facts' free text states is compared, so a
    count the two languages merely write differently is not reported.
    """
    english = {(d.kind, d.channel): d for d in drafts if d.lang == "en"}
    pairs = [
        (d, other)
        for d in drafts
        if (other := english.get((d.kind, d.channel))) is not None and other is not d
    ]
    if not pairs:  # one language (the command line's default): the checker is not even imported
        return drafts
    from .factcheck.factvalues import FactValues, fact_values
    from .factcheck.mismatches import from_structured_facts
    from .factcheck.parity import check_parity
    from .factcheck.quantities import find_mentions

    values: FactValues | None = None  # read from the facts only when a finding needs them

    def kept(d: Draft, found: tuple[Finding, ...]) -> list[Finding]:
        nonlocal values
        if not found:
            return []
        if values is None:
            values = fact_values(incident)
        mentions = {(m.start, m.end): m for m in find_mentions(d.text)}
        return [
            f
            for f in found
            if (m := mentions.get((f.start, f.end))) is None or not from_structured_facts(m, values)
        ]

    added: dict[int, list[Finding]] = {}
    for d, other in pairs:
        report = check_parity(d.text, other.text, d.lang)
        added.setdefault(id(d), []).extend(kept(d, report.zh))
        added.setdefault(id(other), []).extend(kept(other, report.en))
    return [
        replace(d, findings=d.findings + tuple(added[id(d)])) if added.get(id(d)) else d
        for d in drafts
    ]


def written_for(kind: NoticeKind, channel: Channel) -> bool:
    """True when ``channel`` has a variant of ``kind`` (the long-form notice has every kind)."""
    if channel == "notice":
        return True
    from .channels import variants

    return kind in variants.variant(channel).carries


def no_variant(kind: NoticeKind, channel: Channel) -> str:
    from .kinds import CHANNELS, kind_slug

    written = [c for c in CHANNELS if written_for(kind, c)]
    return (
        f"there is no {channel} variant of the {kind_slug(kind)}; "
        f"it goes out on: {', '.join(written)}"
    )


#: The Traditional facts and the missing translations of the last few incidents drafted.
_HANT: KeptFor[tuple[Incident, tuple[Converted, ...]]] = KeptFor(16)
_CHECKED: KeptFor[list[Problem]] = KeptFor(16)


#: The facts each Traditional copy was made from.
_ORIGINS: KeptFor[Incident] = KeptFor(16)


def _hant_facts(incident: Incident, lang: DraftLang) -> tuple[Incident, tuple[Converted, ...]]:
    """:func:`hant_facts`, converted once per incident and language (facts are frozen).

    The same facts object then drafts every kind and channel of a pack, so the view
    of it and its missing translations are built once too (both are kept by object).
    """

    def convert() -> tuple[Incident, tuple[Converted, ...]]:
        filled, converted = hant_facts(incident, lang)
        _ORIGINS.get(filled, None, lambda: incident)
        return filled, converted

    return _HANT.get(incident, lang, convert)


def _drafted_from(incident: Incident, lang: DraftLang) -> Incident:
    """Return the facts a Traditional copy was made from, while it is still their copy.

    A copy differs from them only in its ``lang`` text, so their zh and en drafts (kept
    when a pack drafted them) are the Traditional draft's counterparts. Else ``incident``.
    """
    origin = _ORIGINS.kept(incident, None) if lang in HANT_LANGS else None
    if origin is None:
        return incident
    current = _HANT.kept(origin, lang)
    return origin if current is not None and current[0] is incident else incident


def _untranslated(incident: Incident, lang: DraftLang) -> list[Problem]:
    """:func:`missing_translations`, looked up once per incident and language (facts are frozen)."""
    return list(_CHECKED.get(incident, lang, lambda: missing_translations(incident, lang)))


def untranslated(incident: Incident, lang: str) -> list[Problem]:
    """Return the free-text facts without text in ``lang`` (looked up once per facts object)."""
    return _untranslated(incident, normalize_lang(lang))


def read_template_pack(templates: str | Path | None) -> Pack | None:
    """Check and read a template pack whole, before any of it is used (at every call)."""
    if templates is None:
        return None
    folder = Path(templates)
    if not folder.is_dir():
        raise InputError(f"template pack {folder}: no such folder")
    return read_pack(str(folder.resolve()))


def _wording_findings(
    text: str, lang: str, gaps: list[MissingFact], incident: Incident, kind: NoticeKind
) -> list[Finding]:
    """Lint the draft's wording; completeness is judged from the facts, not the text.

    The facts say exactly what is missing, and each placeholder already has its
    ``missing-<element>`` finding; the linter's findings that only restate a
    missing fact (its placeholder, or a vague sentence the fact would make
    concrete) are left to that finding.
    """
    restated = {"unfilled-placeholder", *COMPLETENESS_RULES, *judged_from_facts(kind)}
    restated.update(rule for gap in gaps for rule in gap.supersedes)
    return [f for f in lint_with_names(text, incident, lint_lang(lang)) if f.rule not in restated]


def _placeholder_findings(
    text: str, gaps: list[MissingFact], lang: str, template_id: str
) -> list[Finding]:
    findings: list[Finding] = []
    searched_from: dict[str, int] = {}
    for gap in gaps:
        shown = placeholder_text(gap.element, lang)
        start = text.find(shown, searched_from.get(shown, 0))
        if start < 0:
            start = text.find(shown)
        if start < 0:
            raise TemplateError(
                f"template {template_id} shows no placeholder for {gap.path}: "
                f"a draft must never hide a missing fact"
            )
        searched_from[shown] = start + len(shown)
        findings.append(gap.finding(text, start, lang))
    return findings
