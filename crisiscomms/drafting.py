"""Facts in, drafts out: :func:`draft` and :func:`draft_all`."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .completeness import MissingFact, missing_facts, placeholder_text
from .errors import InputError, TemplateError
from .facts import FactsError, Incident, Problem, missing_translations, parse_incident
from .findings import Finding
from .kinds import DRAFT_LANGS, KINDS, DraftLang, NoticeKind, normalize_kind, normalize_lang
from .lint import COMPLETENESS_RULES, lint
from .packs import Pack, read_pack
from .templating import get_template, render


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

    @property
    def title(self) -> str:
        """The first line of the notice."""
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
        """Return the draft as JSON-ready data."""
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
        }


def draft(
    incident: Incident | Mapping[str, Any],
    kind: str,
    lang: str = "zh",
    *,
    templates: str | Path | None = None,
) -> Draft:
    """Draft one notice of ``kind`` in ``lang`` from the incident facts.

    Args:
        incident: an :class:`Incident`, or facts as a mapping (validated here).
        kind: ``first_statement``, ``progress_update``, ``apology`` or
            ``compensation_notice`` (``first-statement`` works too).
        lang: ``zh`` (Simplified Chinese) or ``en``.
        templates: a template pack folder (``zh/``, ``en/``) overriding the
            shipped templates file by file; its drafts are not ``vetted``.

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
    untranslated = _untranslated(incident, lang_)
    if untranslated:
        raise FactsError(untranslated)
    return _draft(incident, normalize_kind(kind), lang_, _pack(templates))


def _draft(incident: Incident, kind_: NoticeKind, lang_: DraftLang, pack: Pack | None) -> Draft:
    """Render one checked kind and language: the facts and translations are already valid."""
    template = get_template(kind_, lang_, pack)
    text = render(template, incident, lang_)
    gaps = missing_facts(incident, kind_)
    findings = _placeholder_findings(text, gaps, lang_, template.id)
    return Draft(
        kind=kind_,
        lang=lang_,
        text=text,
        template_id=template.id,
        template_hash=template.sha256,
        findings=tuple(findings + _wording_findings(text, lang_, gaps)),
        missing=tuple(gaps),
        vetted=template.vetted,
    )


def draft_all(
    incident: Incident | Mapping[str, Any],
    kinds: Iterable[str] | None = None,
    langs: Iterable[str] | None = None,
    *,
    templates: str | Path | None = None,
) -> list[Draft]:
    """Draft every kind in every language (or those given), kind by kind.

    Every language is checked for missing translations before anything is
    rendered, so a caller never gets half of a set of drafts.
    """
    if not isinstance(incident, Incident):
        incident = parse_incident(incident)
    # Asked twice ("zh,zh"), drafted once: two identical drafts would overwrite each other.
    kinds_ = list(KINDS) if kinds is None else list(dict.fromkeys(map(normalize_kind, kinds)))
    langs_ = list(DRAFT_LANGS) if langs is None else list(dict.fromkeys(map(normalize_lang, langs)))
    untranslated = [p for lang in langs_ for p in _untranslated(incident, lang)]
    if untranslated:
        raise FactsError(untranslated)
    pack = _pack(templates)
    return [_draft(incident, kind, lang, pack) for kind in kinds_ for lang in langs_]


#: Missing translations of the last few incidents drafted, by language.
_CHECKED: OrderedDict[tuple[int, str], tuple[Incident, list[Problem]]] = OrderedDict()


def _untranslated(incident: Incident, lang: DraftLang) -> list[Problem]:
    """:func:`missing_translations`, looked up once per incident and language (facts are frozen)."""
    key = (id(incident), lang)
    held = _CHECKED.get(key)
    if held is None or held[0] is not incident:
        held = _CHECKED[key] = (incident, missing_translations(incident, lang))
        if len(_CHECKED) > 16:
            _CHECKED.popitem(last=False)
    return list(held[1])


def _pack(templates: str | Path | None) -> Pack | None:
    """Check and read a template pack whole, before any of it is used (at every call)."""
    if templates is None:
        return None
    folder = Path(templates)
    if not folder.is_dir():
        raise InputError(f"template pack {folder}: no such folder")
    return read_pack(str(folder.resolve()))


def _wording_findings(text: str, lang: str, gaps: list[MissingFact]) -> list[Finding]:
    """Lint the draft's wording; completeness is judged from the facts, not the text.

    The facts say exactly what is missing, and each placeholder already has its
    ``missing-<element>`` finding; the linter's findings that only restate a
    missing fact (its placeholder, or a vague sentence the fact would make
    concrete) are left to that finding.
    """
    restated = {"unfilled-placeholder", *COMPLETENESS_RULES}
    restated.update(rule for gap in gaps for rule in gap.supersedes)
    return [f for f in lint(text, lang=lang) if f.rule not in restated]


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
        findings.append(
            Finding.at(
                text,
                start,
                start + len(shown),
                rule=gap.rule,
                severity="error",
                messages=gap.why,
                lang=lang,
                suggestions=gap.question,
            )
        )
    return findings
