"""Build a communications pack: every notice of the stage, and the documents people speak from."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import kinds as kinds_module
from ..drafting import Draft, _draft, _prepared, no_variant, read_template_pack, written_for
from ..errors import InputError
from ..facts import Incident, parse_incident
from ..findings import Finding
from ..hant.facts import Converted
from ..kinds import DRAFT_LANGS, kind_slug, normalize_channel, normalize_kind, normalize_lang
from ..packs import Pack
from ..templating import facts_view
from ..view import Record
from .checks import cross_channel, cross_language, document_findings
from .data import document_label, documents, extension, label, messages, pack_data
from .documents import document_langs, document_template, render_document
from .files import PackFile, basic_length
from .stages import stage_kinds, stage_of

NOTICE = "notice"
_NO_TEMPLATE = "no template in this language"


def draft_channels() -> tuple[str, ...]:
    """Return the channels notices can be drafted for (:data:`crisiscomms.kinds.CHANNELS`)."""
    return tuple(kinds_module.CHANNELS)


def draft_langs() -> tuple[str, ...]:
    """Return the languages notices can be drafted in (:data:`crisiscomms.kinds.DRAFT_LANGS`)."""
    return tuple(DRAFT_LANGS)


@dataclass
class CommsPack:
    """Everything one stage of an incident needs, from one set of facts."""

    incident_id: str | None
    stage: str
    status: str
    kinds: list[str]
    langs: list[str]
    channels: list[str]
    files: list[PackFile]
    gaps: list[dict[str, str]] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        """True when no file has a finding at error severity and nothing is left out."""
        return not self.gaps and all(f.ready for f in self.files)

    def file(self, name: str) -> PackFile:
        """Return the file called ``name``."""
        for f in self.files:
            if f.name == name:
                return f
        raise KeyError(name)


def build_pack(
    incident: Incident | Mapping[str, Any],
    *,
    langs: Iterable[str] | None = None,
    channels: Iterable[str] | None = None,
    kinds: Iterable[str] | None = None,
    templates: str | Path | None = None,
) -> CommsPack:
    """Draft the pack of the incident's stage: notices in every language and channel, and documents.

    Args:
        incident: an :class:`Incident`, or facts as a mapping (validated here).
        langs: drafting languages (default: every one the library drafts in).
        channels: notice channels (default: every one the library drafts for).
        kinds: notice kinds instead of the stage's own (``pack.toml``).
        templates: a custom template pack; its notices and macros are used, unvetted.

    Raises:
        FactsError: invalid facts, or a free-text fact without text in a language asked for.
        InputError: an unknown language, channel or kind.
        TemplateError: a custom template is broken.
    """
    if not isinstance(incident, Incident):
        incident = parse_incident(incident)
    langs_ = _choose(langs, draft_langs(), normalize_lang)
    channels_ = _choose(channels, draft_channels(), _normalize_channel)
    kinds_ = stage_kinds(incident) if kinds is None else _choose(kinds, (), normalize_kind)
    # Raises FactsError for a missing translation. Each language's facts are prepared
    # (Traditional text filled in) once, and every notice of that language drafts from them.
    each = _prepared(incident, [normalize_lang(lang) for lang in langs_])
    prepared: dict[str, Incident] = {lang: facts for lang, (facts, _) in each.items()}
    pack = read_template_pack(templates)

    notices = [
        _notice_file(each[normalize_lang(lang)], kind, channel, lang, pack)
        for kind in kinds_
        for channel in channels_
        for lang in langs_
    ]
    for kind in kinds_:
        for channel in channels_:
            cross_language([f for f in notices if f.kind == kind and f.channel == channel])
        for lang in langs_:
            same = [f for f in notices if f.kind == kind and f.lang == lang]
            cross_channel(same, NOTICE)

    docs, gaps = _documents(prepared, langs_, notices, pack)
    for doc in documents():
        cross_language([f for f in docs if f.kind == doc])
    return CommsPack(
        incident_id=incident.id,
        stage=stage_of(incident),
        status=incident.status,
        kinds=list(kinds_),
        langs=list(langs_),
        channels=list(channels_),
        files=notices + docs,
        gaps=gaps,
    )


def _choose(given: Iterable[str] | None, default: Iterable[str], normalize: Any) -> list[str]:
    if given is None:
        return list(default)
    chosen = list(dict.fromkeys(normalize(value) for value in given))
    if not chosen:
        raise InputError("give at least one value")
    return chosen


def _normalize_channel(value: str) -> str:
    candidate = value.strip().lower()
    available = draft_channels()
    if candidate not in available:
        raise InputError(f"unknown channel {value!r}; choose one of: {', '.join(available)}")
    return candidate


def _notice_file(
    prepared: tuple[Incident, tuple[Converted, ...]],
    kind: str,
    channel: str,
    lang: str,
    pack: Pack | None,
) -> PackFile:
    """Draft one notice as :func:`~crisiscomms.drafting.draft` does, from the prepared facts."""
    kind_, channel_ = normalize_kind(kind), normalize_channel(channel)
    if not written_for(kind_, channel_):
        raise InputError(no_variant(kind_, channel_))
    made: Draft = _draft(*prepared, kind_, normalize_lang(lang), pack, channel_)
    name = f"{kind_slug(made.kind)}.{channel}.{lang}.{extension(channel)}"
    length = basic_length(made.text)
    file = PackFile(
        name=name,
        kind=made.kind,
        role="notice",
        channel=channel,
        lang=lang,
        text=made.text,
        template={"id": made.template_id, "sha256": made.template_hash, "vetted": made.vetted},
        length=length,
        missing=[m.to_dict() for m in made.missing],
    )
    file.add(made.findings)  # a channel draft carries its own over-length findings
    if made.length is not None:
        file.length["channel"] = dict(made.length)
    return file


def _documents(
    prepared: Mapping[str, Incident], langs: list[str], notices: list[PackFile], pack: Pack | None
) -> tuple[list[PackFile], list[dict[str, str]]]:
    files: list[PackFile] = []
    gaps: list[dict[str, str]] = []
    # What every document of a language sees is the same: its facts, and the pack's listing.
    listings = {lang: _listing(notices, langs, lang) for lang in langs if lang in document_langs()}
    for doc in documents():
        for lang in langs:
            if lang not in document_langs():
                gaps.append({"document": doc, "lang": lang, "reason": _NO_TEMPLATE})
                continue
            template = document_template(doc, lang, pack)
            incident = prepared[lang]
            facts = facts_view(incident)
            listing = listings[lang]
            text = render_document(template, incident, facts, lang, listing)
            file = PackFile(
                name=f"{doc.replace('_', '-')}.{lang}.txt",
                kind=doc,
                role="document",
                channel=None,
                lang=lang,
                text=text,
                template={"id": template.id, "sha256": template.sha256, "vetted": template.vetted},
                length=basic_length(text),
            )
            file.add(document_findings(text, incident, lang))
            if doc == "community":
                _community_length(file)
            files.append(file)
    return files, gaps


def _listing(notices: list[PackFile], langs: list[str], lang: str) -> Record:
    """What the briefing lists: the pack's files, named in ``lang`` (plain, read-only data)."""
    notice_rows = tuple(
        Record(
            {
                "kind": label("kinds", f.kind, lang),
                "channel": label("channels", f.channel or NOTICE, lang),
                "lang": label("langs", f.lang, lang),
                "file": f.name,
            }
        )
        for f in notices
    )
    doc_rows = tuple(
        Record(
            {
                "kind": document_label(doc, lang),
                "lang": label("langs", other, lang),
                "file": f"{doc.replace('_', '-')}.{other}.txt",
            }
        )
        for doc in documents()
        if doc != "briefing"
        for other in langs
        if other in document_langs()
    )
    return Record({"notices": notice_rows, "documents": doc_rows})


def _community_length(file: PackFile) -> None:
    from ..channels import display_width

    spec = pack_data()["community"]
    most = int(spec["max_width"])
    width = sum(display_width(line) for line in file.text.splitlines())
    file.length["display_width"] = width
    file.length["max_display_width"] = most
    if width <= most:
        return
    message, suggestion = messages("community_length", width=width, most=most)
    file.add(
        [
            Finding.at(
                file.text,
                0,
                len(file.text),
                rule="over-length",
                severity=spec["severity"],
                messages=message,
                lang=file.lang,
                suggestions=suggestion,
            )
        ]
    )


__all__ = ["NOTICE", "CommsPack", "build_pack", "draft_channels", "draft_langs"]
