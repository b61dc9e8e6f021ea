"""The ``crisiscomms lint`` command: lint files or stdin, print findings as text or JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import CrisisCommsError, ExitStatus, InputError
from ..findings import Finding, has_errors
from ..inputs import MAX_TEXT_BYTES, decode, read_input
from ..kinds import KINDS, LINT_LANGS, kind_slug
from ..report import format_findings
from . import LintConfig, find_config, lint, load_config

SCHEMA_ID = "crisiscomms.lint/v1"


def add_parser(subparsers: Any) -> None:
    """Register the ``lint`` subcommand on an argparse subparsers object."""
    kinds = ", ".join(kind_slug(k) for k in KINDS)
    parser = subparsers.add_parser(
        "lint",
        help="lint any text for vague wording",
        description="Lint notices for vague wording. Exit 0: no error-severity finding; "
        "1: some; 2: bad input or usage.",
    )
    parser.add_argument("files", metavar="FILE", nargs="*", help="files to lint; - or none: stdin")
    parser.add_argument("--lang", choices=LINT_LANGS, default="auto", help="default: auto")
    parser.add_argument("--kind", metavar="KIND", help=f"add completeness checks for: {kinds}")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--config", metavar="PATH", help="pyproject.toml or .crisiscomms.toml")
    parser.add_argument("--no-color", action="store_true", help="no colour in text output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Lint every file named in ``args``; return an :class:`ExitStatus`.

    Nothing is printed unless every file could be read and linted: a bad file
    is reported alone, with exit status 2.
    """
    try:
        results = [_lint_one(path, args) for path in (args.files or ["-"])]
    except CrisisCommsError as error:
        print(f"crisiscomms lint: error: {error}", file=sys.stderr)
        return ExitStatus.BAD_INPUT
    if args.format == "json":
        print(json.dumps(to_document(results, args), ensure_ascii=False, indent=2))
    else:
        colour = not args.no_color and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        blocks = [format_findings(found, path, colour=colour) for path, found in results if found]
        if blocks:
            print("\n".join(blocks))
    findings = [f for _path, found in results for f in found]
    return ExitStatus.FINDINGS if has_errors(findings) else ExitStatus.CLEAN


def to_document(
    results: list[tuple[str, list[Finding]]], args: argparse.Namespace
) -> dict[str, Any]:
    """Return the JSON document (schema ``crisiscomms.lint/v1``) for lint results."""
    findings = [f for _path, found in results for f in found]
    return {
        "schema": SCHEMA_ID,
        "lang": args.lang,
        "kind": args.kind,
        "files": [
            {"path": path, "findings": [f.to_dict() for f in found]} for path, found in results
        ],
        "summary": {
            level: sum(1 for f in findings if f.severity == level)
            for level in ("error", "warning", "info")
        },
    }


def _lint_one(path: str, args: argparse.Namespace) -> tuple[str, list[Finding]]:
    name = "<stdin>" if path == "-" else path
    text = _read(path, name)
    config = _config(args.config, Path.cwd() if path == "-" else Path(path).parent)
    try:
        return name, lint(text, lang=args.lang, kind=args.kind, config=config)
    except CrisisCommsError as error:
        raise type(error)(f"{name}: {error}") from None


def _read(path: str, name: str) -> str:
    # A regular file or stdin, at most MAX_TEXT_BYTES, UTF-8 with or without a BOM.
    return decode(read_input(path, MAX_TEXT_BYTES), name)


def _config(explicit: str | None, start: Path) -> LintConfig:
    if explicit:
        if not Path(explicit).is_file():
            raise InputError(f"--config {explicit}: no such file")
        return load_config(explicit)
    found = find_config(start)
    return load_config(found) if found else LintConfig()


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``lint`` on its own (``python -m crisiscomms.lint.command``)."""
    parser = argparse.ArgumentParser(prog="crisiscomms")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["lint", *(sys.argv[1:] if argv is None else argv)])
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
