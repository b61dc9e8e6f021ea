"""Draft and lint bilingual crisis communications for platform outages.

Examples:
    >>> from crisiscomms import draft
    >>> notice = draft({
    ...     "organization": {"zh": "示例科技", "en": "Example Tech"},
    ...     "service": {"zh": "示例App", "en": "the Example app"},
    ...     "timezone": "Asia/Shanghai",
    ...     "started_at": "2026-03-29T01:00:00+08:00",
    ...     "published_at": "2026-03-29T01:20:00+08:00",
    ...     "next_update_at": "2026-03-29T02:00:00+08:00",
    ...     "impact": {"symptoms": {"zh": "无法登录", "en": "log-in failures"}},
    ... }, "first_statement", "zh")
    >>> "我们将于北京时间3月29日02:00前发布下一次进展。" in notice.text
    True
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .lazynames import lazy_names

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .drafting import Draft, draft, draft_all
    from .facts import Incident
    from .findings import Finding
    from .lint import lint

__all__ = ["Draft", "Finding", "Incident", "__version__", "draft", "draft_all", "lint"]

# The public names are imported when first used, so that ``crisiscomms --version``, a
# command's argument parsing and a submodule import do not load every model and rule.
_LAZY = {
    "Draft": "drafting",
    "draft": "drafting",
    "draft_all": "drafting",
    "Incident": "facts",
    "Finding": "findings",
    "lint": "lint",
}


__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__, globals())


class _Package(ModuleType):
    """This package, whose ``lint`` stays the function when the ``lint`` subpackage loads.

    Importing a submodule binds it on its package; eagerly importing ``lint`` used to
    rebind the name to the function at once. Lazily, the function must win later too.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "lint" and isinstance(value, ModuleType):
            return  # ``crisiscomms.lint`` is the function; the subpackage is in sys.modules
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
