"""One file of a communications pack, and how long it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding


@dataclass
class PackFile:
    """A file of the pack: a notice (kind × channel × language) or a document.

    ``kind`` is a notice kind (``first_statement``) or a document id
    (``cs_script``, ``faq``, ``community``, ``briefing``); ``channel`` is the
    notice channel, or ``None`` for a document. ``findings`` hold everything
    found in ``text``: the draft's own, fact checks, and parity with the other
    languages and channels.
    """

    name: str
    kind: str
    role: str  # "notice" or "document"
    channel: str | None
    lang: str
    text: str
    template: dict[str, Any]
    length: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    missing: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        """True when nothing at error severity is found in the file."""
        return not any(f.severity == "error" for f in self.findings)

    def add(self, findings: list[Finding] | tuple[Finding, ...]) -> None:
        """Add findings not already held (the same rule over the same span), keep text order."""
        held = {(f.rule, f.start, f.end) for f in self.findings}
        for f in findings:
            if (f.rule, f.start, f.end) not in held:
                held.add((f.rule, f.start, f.end))
                self.findings.append(f)
        self.findings.sort(key=lambda f: (f.start, f.end, f.rule))

    def to_dict(self) -> dict[str, Any]:
        """Return the file's entry in ``pack.json``."""
        return {
            "file": self.name,
            "role": self.role,
            "kind": self.kind,
            "channel": self.channel,
            "lang": self.lang,
            "template": dict(self.template),
            "length": dict(self.length),
            "ready": self.ready,
            "findings": [f.to_dict() for f in self.findings],
            "missing_facts": list(self.missing),
        }


def basic_length(text: str) -> dict[str, Any]:
    """Return the figures every file has: code points, UTF-8 bytes, lines.

    Examples:
        >>> basic_length("一行\\ntwo\\n")
        {'chars': 7, 'bytes': 11, 'lines': 2}
    """
    return {"chars": len(text), "bytes": len(text.encode("utf-8")), "lines": text.count("\n")}
