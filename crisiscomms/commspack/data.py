"""The pack's data (``pack.toml``): stages, documents, labels and the community limit."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import TemplateError

_PATH = Path(__file__).with_name("pack.toml")


@cache
def pack_data() -> dict[str, Any]:
    """Return ``pack.toml`` as read (once)."""
    try:
        with _PATH.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise TemplateError(f"{_PATH}: {error}") from None


def documents() -> tuple[str, ...]:
    """Return the ids of the documents a pack holds, in the order they are written."""
    return tuple(pack_data()["documents"])


def label(group: str, key: str, lang: str) -> str:
    """Return how ``lang`` names ``key`` of ``group`` (``kinds``, ``channels``, ``langs``).

    A Chinese variant without a label of its own uses the Simplified one; an
    unknown key is named by itself, so a kind or channel added later still shows.

    Examples:
        >>> label("channels", "sms", "zh"), label("kinds", "progress_update", "en")
        ('短信', 'progress update')
    """
    names: dict[str, str] = pack_data()["labels"].get(group, {}).get(key, {})
    fallback = "zh" if lang.startswith("zh") else "en"
    return names.get(lang) or names.get(fallback) or key


def document_label(doc: str, lang: str) -> str:
    """Return how ``lang`` names a document (客服口径 / customer-service script)."""
    names: dict[str, str] = pack_data()["documents"][doc]["label"]
    return names.get(lang) or names["zh" if lang.startswith("zh") else "en"]


def messages(name: str, **values: object) -> tuple[dict[str, str], dict[str, str]]:
    """Return the message and suggestion of one of the pack's own findings, filled in.

    In each Traditional region's text too (:mod:`crisiscomms.hant.lookup`): the templates
    are put in Traditional before the values go in, so a quoted excerpt stays as written.
    """
    from ..hant.lookup import with_hant

    spec = pack_data()["messages"][name]
    message = {lang: text.format(**values) for lang, text in with_hant(spec["message"]).items()}
    return message, with_hant(spec["suggestion"])


def extension(channel: str) -> str:
    """Return the file extension of a channel's drafts (``txt`` unless ``pack.toml`` says)."""
    return str(pack_data().get("extensions", {}).get(channel, "txt"))
