"""The sandboxed Jinja2 environment, the template pack, and the render context.

Templates are plain text, one whole notice per file per language
(``templates/<lang>/<kind>.txt.j2``). They run in an immutable sandbox with
``StrictUndefined``: a misspelt fact fails loudly instead of printing nothing
into a public statement. Filters only format values; none calls a value it
is handed.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    Undefined,
    pass_context,
)
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .completeness import elements, placeholder_text
from .errors import TemplateError
from .facts import Incident, Text
from .formatting import Formatter
from .kinds import DRAFT_LANGS, KINDS, NoticeKind
from .resources import templates_root


@dataclass(frozen=True)
class Template:
    """A compiled notice template and what identifies the exact text that was vetted.

    ``sha256`` covers the notice template and the shared macros it imports, so
    any change to the words a reader sees changes the hash.
    """

    id: str
    sha256: str
    vetted: bool
    render: Callable[..., str]


@cache
def environment(pack: str | None = None) -> ImmutableSandboxedEnvironment:
    """Return the sandboxed environment for a template pack (templates compile once).

    Args:
        pack: a folder with ``zh/`` and ``en/`` templates that override the
            shipped ones file by file; ``None`` for the shipped templates only.
    """
    shipped = FileSystemLoader(str(templates_root()))
    loader: BaseLoader = (
        shipped if pack is None else ChoiceLoader([FileSystemLoader(pack), shipped])
    )
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        autoescape=False,
        auto_reload=False,
        cache_size=-1,
    )
    # Filter name -> Formatter method. Jinja's own ``join`` and ``count`` stay as they are.
    formatting = {
        "datetime": "datetime",
        "date": "date",
        "clock": "clock",
        "moment": "moment",
        "at": "at",
        "span": "span",
        "window": "window",
        "zone_label": "zone_label",
        "number": "count",
        "approx_count": "approx_count",
        "percent": "percent",
        "money": "money",
        "duration": "duration",
        "between": "between",
        "listing": "join",
        "term": "term",
    }
    env.filters.update({name: _formatting_filter(method) for name, method in formatting.items()})
    env.filters["t"] = _text_filter
    env.filters["capfirst"] = capfirst
    return env


@cache
def get_template(kind: NoticeKind, lang: str, pack: str | None = None) -> Template:
    """Return the compiled template for ``kind`` in ``lang`` (from ``pack`` when it has one).

    Raises:
        TemplateError: the template is missing or does not compile; names the file and line.
    """
    env = environment(pack)
    names = [f"{lang}/{kind}.txt.j2", f"{lang}/_macros.txt.j2"]
    digest = hashlib.sha256()
    try:
        for name in names:
            source, _, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
            digest.update(name.encode() + b"\0" + source.encode("utf-8") + b"\0")
        compiled = env.get_template(names[0])
    except TemplateNotFound as error:
        raise TemplateError(f"template {error.name} not found") from None
    except TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise TemplateError(f"template {where}: {error.message}") from None
    template_id = f"{lang}/{kind}"
    sha = digest.hexdigest()
    vetted = vetted_hashes().get(template_id) == sha
    return Template(id=template_id, sha256=sha, vetted=vetted, render=compiled.render)


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
    """Return template id -> sha256 of the shipped templates as they are now."""
    return {
        f"{lang}/{kind}": get_template(kind, lang).sha256 for lang in DRAFT_LANGS for kind in KINDS
    }


def render(template: Template, incident: Incident, lang: str) -> str:
    """Render ``template`` for ``incident`` in ``lang`` and tidy the whitespace.

    Raises:
        TemplateError: the template failed (a misspelt fact, a forbidden
            attribute in the sandbox, a broken expression); names the template.
    """
    fmt = Formatter(lang, incident.timezone, incident.published_at)

    def placeholder(element: str) -> str:
        if element not in elements():
            raise TemplateError(f"template {template.id}: unknown element {element!r}")
        return placeholder_text(element, lang)

    try:
        text = template.render(incident=incident, lang=lang, fmt=fmt, placeholder=placeholder)
    except TemplateError:
        raise
    except Exception as error:  # a custom template can raise anything an expression can
        raise TemplateError(f"template {template.id}: {type(error).__name__}: {error}") from None
    return tidy(text)


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


def capfirst(value: str) -> str:
    """Upper-case the first letter only (``capitalize`` would lower the rest: App → app).

    Examples:
        >>> capfirst("the Youpinhui app")
        'The Youpinhui app'
    """
    return value[:1].upper() + value[1:]


@pass_context
def _text_filter(context: Context, value: Any) -> str:
    lang = context["lang"]
    if isinstance(value, Undefined):
        str(value)  # StrictUndefined raises here, naming the misspelt fact
    if not isinstance(value, Text):
        raise TemplateError(f"the 't' filter takes a bilingual text, not {type(value).__name__}")
    text = getattr(value, lang)
    if text is None:  # drafting checks translations first; this is a template bug
        raise TemplateError(f"no {lang} text for a fact the template uses")
    # Facts are written with or without a closing stop; templates add their own.
    return str(text).rstrip("。．.；;，, ")


def _formatting_filter(name: str) -> Callable[..., str]:
    @pass_context
    def apply(context: Context, value: Any, *args: Any) -> str:
        if isinstance(value, Undefined):
            str(value)  # StrictUndefined raises here, naming the misspelt fact
        method: Callable[..., str] = getattr(context["fmt"], name)
        return method(value, *args)

    apply.__name__ = name
    return apply
