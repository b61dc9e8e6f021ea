"""The template environment, the compiled templates, and rendering one draft.

Templates are plain text, one whole notice per file per language
(``templates/<lang>/<kind>.txt.j2``). They run in :class:`NoticeSandbox`
(an allowlist sandbox, :mod:`crisiscomms.sandbox`) with ``StrictUndefined``:
a misspelt fact fails loudly instead of printing nothing into a public
statement. They see a read-only view of the facts (:mod:`crisiscomms.view`),
never the model, and each draft renders within :mod:`crisiscomms.limits`.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, lru_cache
from typing import Any

import jinja2
from jinja2 import StrictUndefined, TemplateNotFound, TemplateSyntaxError

from . import limits
from .compiledcache import compiled_cache
from .completeness import elements, placeholder_text
from .errors import TemplateError
from .facts import Incident
from .filters import capfirst, current_formatter, formatting, our_filters
from .formatting import Formatter
from .keptfor import KeptFor
from .kinds import DRAFT_LANGS, KINDS, NoticeKind
from .packs import CHANNELS_DIR, MACROS, PACK_FILES, VARIANT_CHANNELS, Pack, PackLoader
from .resources import templates_root
from .sandbox import NoticeSandbox
from .view import view_of

__all__ = ["Template", "capfirst", "environment", "get_template", "render", "tidy"]

_MAX_MESSAGE = 300  # characters of an error raised inside a template that reach the user


@dataclass(frozen=True)
class Template:
    """A compiled notice template and what identifies the exact text that was vetted.

    ``sha256`` covers the notice template and the shared macros it imports, so
    any change to the words a reader sees changes the hash.
    """

    id: str
    sha256: str
    vetted: bool
    compiled: jinja2.Template


#: How every notice environment parses and renders (the compiled cache is keyed by these too).
ENV_OPTIONS: dict[str, Any] = {
    "undefined": StrictUndefined,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": False,
    "autoescape": False,
    "auto_reload": False,
    "cache_size": -1,
}


@lru_cache(maxsize=32)
def environment(pack: Pack | None = None) -> NoticeSandbox:
    """Return the sandboxed environment for a template pack (templates compile once).

    Args:
        pack: a checked pack (:func:`~crisiscomms.packs.read_pack`) whose templates
            override the shipped ones file by file; ``None`` for the shipped
            templates only. Environments are cached by the pack's content.
    """
    env = NoticeSandbox(
        functions=(placeholder, part),
        loader=PackLoader(pack),
        bytecode_cache=compiled_cache(ENV_OPTIONS),
        **ENV_OPTIONS,
    )
    env.filters.update(our_filters())
    return env


def template_names(kind: str, lang: str, channel: str = "notice") -> list[str]:
    """Return the files a template is made of, the template itself first.

    A channel variant (``zh/channels/sms/first_statement.txt.j2``) may use the channel
    macros, the notice macros and the long-form notice of its kind (an e-mail body or a
    WeChat article is the notice itself), so its hash covers all four.
    """
    if channel == "notice":
        return [f"{lang}/{kind}.txt.j2", f"{lang}/{MACROS}.txt.j2"]
    return [
        f"{lang}/{CHANNELS_DIR}/{channel}/{kind}.txt.j2",
        f"{lang}/{CHANNELS_DIR}/{MACROS}.txt.j2",
        f"{lang}/{MACROS}.txt.j2",
        f"{lang}/{kind}.txt.j2",
    ]


def template_id(kind: str, lang: str, channel: str = "notice") -> str:
    """Return the id a template is vetted under: ``zh/apology``, ``zh/channels/sms/apology``."""
    return template_names(kind, lang, channel)[0].removesuffix(".txt.j2")


@lru_cache(maxsize=512)
def get_template(
    kind: NoticeKind, lang: str, pack: Pack | None = None, channel: str = "notice"
) -> Template:
    """Return the compiled template for ``kind`` in ``lang`` (from ``pack`` when it has one).

    ``channel`` picks a channel variant (``sms``, ``email``...); ``notice`` is the long form.

    Raises:
        TemplateError: the template is missing or does not compile; names the file and line.
    """
    env = environment(pack)
    names = template_names(kind, lang, channel)
    digest = hashlib.sha256()
    try:
        for name in names:
            source, _, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
            digest.update(name.encode() + b"\0" + source.encode("utf-8") + b"\0")
        compiled = env.get_template(names[0])
        for name in names[1:]:
            # Compile what it imports or includes now, so that rendering (which is timed
            # against the render limit) never pays for a compilation.
            env.get_template(name)
    except TemplateNotFound as error:
        raise TemplateError(f"template {error.name} not found") from None
    except TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise TemplateError(f"template {where}: {_clip(error.message or '')}") from None
    except RecursionError:
        raise TemplateError(f"template {names[0]}: nested too deeply to compile") from None
    except Exception as error:  # Python's own compiler limits (nested blocks, memory)
        message = f"{type(error).__name__}: {error}"
        raise TemplateError(f"template {names[0]}: cannot be compiled: {_clip(message)}") from None
    tid = template_id(kind, lang, channel)
    sha = digest.hexdigest()
    vetted = vetted_hashes().get(tid) == sha
    return Template(id=tid, sha256=sha, vetted=vetted, compiled=compiled)


@cache
def vetted_hashes() -> dict[str, str]:
    """Return template id -> sha256 of the shipped templates as last reviewed by a person."""
    path = templates_root() / "manifest.toml"
    try:
        with path.open("rb") as handle:
            return dict(tomllib.load(handle)["vetted"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return {}


def shipped_hashes() -> dict[str, str]:
    """Return template id -> sha256 of the shipped templates as they are now.

    The notices, their channel variants, and the communications pack's documents
    (``<lang>/pack/<doc>``).
    """
    from .commspack.documents import shipped_document_hashes

    hashes = {
        template_id(kind, lang): get_template(kind, lang).sha256
        for lang in DRAFT_LANGS
        for kind in KINDS
    }
    root = templates_root()
    for lang in DRAFT_LANGS:
        for channel in VARIANT_CHANNELS:
            for kind in KINDS:
                name = template_names(kind, lang, channel)[0]
                if name in PACK_FILES and (root / name).is_file():
                    hashes[template_id(kind, lang, channel)] = get_template(
                        kind, lang, None, channel
                    ).sha256
    return {**hashes, **shipped_document_hashes()}


def render(template: Template, incident: Incident, lang: str) -> str:
    """Render ``template`` for ``incident`` in ``lang`` and tidy the whitespace.

    Raises:
        TemplateError: the template failed (a misspelt fact, something the
            sandbox refuses, a broken expression, a render limit); names the template.
    """
    return render_with(template.compiled, template.id, facts_view(incident), incident, lang)


#: Views of the last few incidents drafted: a pack drafts dozens of notices from one.
_VIEWS: KeptFor[Any] = KeptFor(8)


def facts_view(incident: Incident) -> Any:
    """Return the read-only view of ``incident`` templates see, built once per incident.

    Facts are a frozen model, so the view of one :class:`Incident` object never
    changes; it is kept (with the object, so its id is not reused) for the last
    few incidents.
    """
    return _VIEWS.get(incident, None, lambda: view_of(incident, "incident"))


def render_with(
    compiled: jinja2.Template,
    template_id: str,
    facts: Any,
    incident: Incident,
    lang: str,
    extra: dict[str, Any] | None = None,
) -> str:
    """Render a compiled template with ``facts`` as ``incident``, within the render limits.

    :func:`render` passes the facts view; tests pass other things to show
    what the sandbox would let through without it. ``extra`` adds more plain,
    read-only data by name (the communications pack passes what it publishes).
    """
    formatter = _formatter(lang, incident.timezone, incident.published_at)
    pieces: list[str] = []
    with limits.budget(template_id) as spent, formatting(formatter):
        most = spent.limits.output_chars
        size = 0
        try:
            for chunk in compiled.generate(**(extra or {}), incident=facts, lang=lang):
                size += len(chunk)
                if size > most:
                    spent.fail(f"a draft of more than {most:,} characters")
                pieces.append(chunk)
        except TemplateError as error:
            message = str(error)
            if message.startswith(f"template {template_id}"):
                raise
            raise TemplateError(f"template {template_id}: {_clip(message)}") from None
        except RecursionError:
            raise TemplateError(f"template {template_id}: nested or recursing too deeply") from None
        except Exception as error:  # a custom template can raise anything an expression can
            message = f"{type(error).__name__}: {error}"
            raise TemplateError(f"template {template_id}: {_clip(message)}") from None
    return tidy("".join(pieces))


@dataclass(frozen=True)
class _RememberingFormatter(Formatter):
    """A :class:`Formatter` that formats each value once.

    Formatting is a pure function of the formatter's fields and the values (times,
    numbers, names: all immutable), and most of a render's cost is Babel; a pack
    formats the same few times and counts in dozens of drafts. Results are kept by
    the values' ``repr`` (so ``Decimal("10.50")`` and ``Decimal("10.5")``, equal
    but written differently, are kept apart), up to :data:`_MEMO_SIZE` of them.
    """

    _memo: dict[tuple[str, ...], str] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )


_MEMO_SIZE = 4096
_REMEMBERED = (
    "datetime", "date", "clock", "moment", "at", "zone_label", "span", "window", "between",
    "count", "approx_count", "percent", "money", "duration", "term", "join",
)  # fmt: skip


def _remembered(name: str) -> Callable[..., str]:
    plain = getattr(Formatter, name)

    def method(self: _RememberingFormatter, *args: Any) -> str:
        key = (name, *map(repr, args))
        memo = self._memo
        found = memo.get(key)
        if found is None:
            found = plain(self, *args)
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            memo[key] = found
        return found

    method.__name__ = name
    method.__doc__ = plain.__doc__
    return method


for _name in _REMEMBERED:
    setattr(_RememberingFormatter, _name, _remembered(_name))


@lru_cache(maxsize=64)
def _formatter(lang: str, zone: str, reference: datetime) -> Formatter:
    return _RememberingFormatter(lang, zone, reference)


def placeholder(element: str) -> str:
    """Return the visible placeholder of a missing fact (【待补充：…】 / [TO FILL: …])."""
    if not isinstance(element, str):
        raise TemplateError(f"placeholder takes an element name, not a {type(element).__name__}")
    if element not in elements():
        raise TemplateError(f"placeholder: unknown element {element[:40]!r}")
    return placeholder_text(element, current_formatter().lang)


#: What :func:`part` writes before a part's name and after it. Facts cannot hold these
#: control characters (:mod:`crisiscomms.facttypes` refuses them), so a fact can never
#: start a part of its own.
PART_OPEN, PART_CLOSE = "\x02", "\x03"
_PART_NAME = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


def part(name: str) -> str:
    """Start the part ``name`` of a channel draft (an e-mail's ``subject``, a push ``title``).

    The rendered text is split at these marks into the draft's parts.
    """
    if not isinstance(name, str) or not _PART_NAME.match(name):
        raise TemplateError(f"part takes a lower-case name, not {str(name)[:40]!r}")
    return f"{PART_OPEN}{name}{PART_CLOSE}"


def _clip(message: str) -> str:
    line = " ".join(message.split())
    return line if len(line) <= _MAX_MESSAGE else line[: _MAX_MESSAGE - 1] + "…"


_BLANK_RUNS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)


def tidy(text: str) -> str:
    """Strip trailing spaces and collapse runs of blank lines to one.

    Examples:
        >>> tidy("标题  \\n\\n\\n\\n正文\\n")
        '标题\\n\\n正文\\n'
    """
    text = _TRAILING.sub("", text)
    return _BLANK_RUNS.sub("\n\n", text).strip() + "\n"
