"""The pack's documents: vetted templates ``templates/<lang>/pack/<doc>.txt.j2``, rendered.

They render exactly as notices do (:func:`crisiscomms.templating.render_with`: the
sandbox, the read-only facts view, the render limits) and may import the notice
macros of their language, from the shipped templates or a custom pack's override.
Besides ``incident`` and ``lang`` they see ``pack``: plain data naming the files the
pack publishes (the internal briefing lists them).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import TemplateNotFound, TemplateSyntaxError

from ..compiledcache import compiled_cache
from ..errors import TemplateError
from ..filters import our_filters
from ..packs import MACROS, Pack, PackLoader
from ..resources import templates_root
from ..sandbox import NoticeSandbox
from ..templating import ENV_OPTIONS, Template, placeholder, vetted_hashes
from .data import documents

SHARED = "_pack"  # the macros the documents of one language share


def document_langs() -> tuple[str, ...]:
    """Return the languages that have pack templates (``templates/<lang>/pack/``)."""
    return _document_langs()


@cache
def _document_langs() -> tuple[str, ...]:
    root = templates_root()
    found = [p.parent.name for p in root.glob("*/pack") if p.is_dir()]
    return tuple(sorted(found, key=lambda lang: (lang != "zh", lang != "en", lang)))


def _names(doc: str, lang: str) -> list[str]:
    """The files whose text a document's hash covers: itself, the pack macros, the notice macros."""
    return [f"{lang}/pack/{doc}.txt.j2", f"{lang}/pack/{SHARED}.txt.j2", f"{lang}/{MACROS}.txt.j2"]


@cache
def _shipped_document(name: str) -> tuple[str, str]:
    path = templates_root() / name
    try:
        return path.read_text("utf-8"), str(path)
    except FileNotFoundError:
        raise TemplateNotFound(name) from None


class DocumentLoader(PackLoader):
    """Load the shipped pack documents by name, and everything else as :class:`PackLoader` does."""

    def __init__(self, pack: Pack | None = None) -> None:
        super().__init__(pack)
        self._documents = {
            f"{lang}/pack/{doc}.txt.j2"
            for lang in document_langs()
            for doc in (*documents(), SHARED)
        }

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if template in self._documents:
            source, filename = _shipped_document(template)
            return source, filename, lambda: True
        return super().get_source(environment, template)


@lru_cache(maxsize=8)
def document_environment(pack: Pack | None = None) -> NoticeSandbox:
    """Return the sandboxed environment of the pack documents (compiled once per template pack)."""
    env = NoticeSandbox(
        functions=(placeholder,),
        loader=DocumentLoader(pack),
        bytecode_cache=compiled_cache(ENV_OPTIONS),
        **ENV_OPTIONS,
    )
    env.filters.update(our_filters())
    return env


@lru_cache(maxsize=64)
def document_template(doc: str, lang: str, pack: Pack | None = None) -> Template:
    """Return the compiled template of ``doc`` in ``lang``, with its hash and vetted flag.

    Raises:
        TemplateError: the template is missing or does not compile.
    """
    env = document_environment(pack)
    names = _names(doc, lang)
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
    template_id = f"{lang}/pack/{doc}"
    sha = digest.hexdigest()
    vetted = vetted_hashes().get(template_id) == sha
    return Template(id=template_id, sha256=sha, vetted=vetted, compiled=compiled)


def shipped_document_hashes() -> dict[str, str]:
    """Return template id -> sha256 of every shipped pack document as it is now."""
    return {
        f"{lang}/pack/{doc}": document_template(doc, lang).sha256
        for lang in document_langs()
        for doc in documents()
        if (Path(templates_root()) / f"{lang}/pack/{doc}.txt.j2").is_file()
    }


def render_document(template: Template, incident: Any, facts: Any, lang: str, pack: Any) -> str:
    """Render a document template; ``pack`` is the plain data the briefing lists."""
    from ..templating import render_with

    return render_with(template.compiled, template.id, facts, incident, lang, {"pack": pack})
