"""Record which shipped templates a person has reviewed: ``python -m crisiscomms.vetting``.

A draft says whether its template is ``vetted``: the template text (with its
macros) hashes to what ``templates/manifest.toml`` recorded after the last
full read in both languages. A test fails when a shipped template changes
and the manifest does not, so no edit reaches users unread.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .resources import templates_root
from .templating import shipped_hashes


def write_manifest() -> Path:
    """Record the shipped templates' current hashes as vetted (run after reviewing them)."""
    path = templates_root() / "manifest.toml"
    lines = [
        "# sha256 of each shipped template (with its macros) as last reviewed by a person.",
        "# After reading a changed template in full, in both languages, run:",
        "#   python -m crisiscomms.vetting --write",
        "[vetted]",
    ]
    lines += [f'"{tid}" = "{sha}"' for tid, sha in sorted(shipped_hashes().items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        print("usage: python -m crisiscomms.vetting --write", file=sys.stderr)
        sys.exit(2)
    print(f"wrote {write_manifest()}")
