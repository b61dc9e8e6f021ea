"""The ``crisiscomms`` command: draft notices from a facts file, lint any text.

Exit codes are :class:`~crisiscomms.errors.ExitStatus`: 0 clean, 1 findings at
error severity (drafts are still written), 2 bad input or usage (nothing written).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import CrisisCommsError, ExitStatus, InputError
from .kinds import KINDS, kind_slug, normalize_kind

if TYPE_CHECKING:
    from .drafting import Draft

_EXTENSIONS = {"text": "txt", "markdown": "md", "json": "json"}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status instead of raising."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return ExitStatus.BAD_INPUT
    try:
        return int(args.run(args))
    except CrisisCommsError as error:
        print(f"crisiscomms: error: {error}", file=sys.stderr)
        return ExitStatus.BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crisiscomms",
        description="Draft and lint bilingual crisis communications for platform outages.",
    )
    parser.add_argument("--version", action="version", version=f"crisiscomms {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    draft = commands.add_parser(
        "draft",
        help="draft notices from a facts file",
        description="Draft notices from a facts file (YAML, JSON or TOML; - for stdin).",
    )
    kinds = ", ".join(kind_slug(k) for k in KINDS)
    draft.add_argument("kind", metavar="KIND", help=f"one of: {kinds}, or all")
    draft.add_argument("facts", metavar="FACTS", help="facts file, or - for stdin")
    draft.add_argument("--lang", default="zh,en", help="comma-separated: zh, en (default: zh,en)")
    draft.add_argument("--format", choices=list(_EXTENSIONS), default="text")
    draft.add_argument("--out", metavar="DIR", help="write <kind>.<lang>.<ext> files into DIR")
    draft.add_argument(
        "--templates", metavar="DIR", help="a template pack (zh/, en/) overriding shipped templates"
    )
    draft.add_argument("--no-color", action="store_true", help="no colour in findings")
    draft.set_defaults(run=_run_draft)

    example = commands.add_parser(
        "example",
        help="print a complete, commented example facts file",
        description="Print an example facts file built on a real outage (default: the "
        "e-commerce cooling failure). --list shows them all.",
    )
    example.add_argument("name", nargs="?", default="ecommerce-cooling-failure")
    example.add_argument("--list", action="store_true", help="list the example names")
    example.set_defaults(run=_run_example)

    schema = commands.add_parser("schema", help="print the JSON Schema of the facts")
    schema.set_defaults(run=_run_schema)

    from .lint import command as lint_command

    lint_command.add_parser(commands)

    mcp = commands.add_parser(
        "mcp", help="run an MCP server over stdio (needs: pip install 'crisiscomms[mcp]')"
    )
    mcp.set_defaults(run=_run_mcp)
    return parser


def _run_draft(args: argparse.Namespace) -> int:
    from .drafting import draft_all
    from .factfiles import read_facts
    from .report import format_findings

    kinds = list(KINDS) if args.kind.strip().lower() == "all" else [normalize_kind(args.kind)]
    langs = [part.strip() for part in args.lang.split(",") if part.strip()]
    if not langs:
        raise InputError("--lang: give at least one language (zh, en)")
    incident = read_facts(args.facts)
    drafts = draft_all(incident, kinds, langs, templates=args.templates)

    outputs = [(f"{kind_slug(d.kind)}.{d.lang}.{_EXTENSIONS[args.format]}", _render(d, args.format))
               for d in drafts]  # fmt: skip
    if args.out:
        _write_all(Path(args.out), outputs)
    elif args.format == "json":
        document = {"schema": "crisiscomms.drafts/v1", "drafts": [d.to_dict() for d in drafts]}
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        for i, (name, body) in enumerate(outputs):
            if len(outputs) > 1:
                print(("\n" if i else "") + f"==> {name} <==")
            print(body, end="")

    colour = not args.no_color and sys.stderr.isatty() and "NO_COLOR" not in os.environ
    reports = [format_findings(d.findings, f"{kind_slug(d.kind)}.{d.lang}", colour=colour)
               for d in drafts if d.findings]  # fmt: skip
    if reports:
        print("\n".join(reports), file=sys.stderr)
    return ExitStatus.CLEAN if all(d.ready for d in drafts) else ExitStatus.FINDINGS


def _render(draft: Draft, fmt: str) -> str:
    if fmt == "markdown":
        return draft.markdown()
    if fmt == "json":
        return json.dumps(draft.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return draft.text


def _write_all(folder: Path, outputs: list[tuple[str, str]]) -> None:
    """Write every file or none: each goes to a temporary file first, then is renamed."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"--out {folder}: cannot create folder: {error.strerror}") from None
    staged: list[tuple[Path, Path]] = []
    try:
        for name, body in outputs:
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=folder, prefix=f".{name}.", delete=False
            ) as handle:
                staged.append((Path(handle.name), folder / name))
                handle.write(body)
        for temporary, final in staged:
            temporary.replace(final)
    except OSError as error:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise InputError(f"--out {folder}: cannot write: {error.strerror}") from None
    for _, final in staged:
        print(f"wrote {final}", file=sys.stderr)


def _run_example(args: argparse.Namespace) -> int:
    from .resources import examples_root

    names = sorted(path.stem for path in examples_root().glob("*.yaml"))
    if args.list:
        print("\n".join(names))
        return ExitStatus.CLEAN
    if args.name not in names:
        raise InputError(f"no example named {args.name!r}; choose one of: {', '.join(names)}")
    sys.stdout.write((examples_root() / f"{args.name}.yaml").read_text("utf-8"))
    return ExitStatus.CLEAN


def _run_schema(args: argparse.Namespace) -> int:
    from .facts import incident_json_schema

    print(json.dumps(incident_json_schema(), ensure_ascii=False, indent=2))
    return ExitStatus.CLEAN


def _run_mcp(args: argparse.Namespace) -> int:
    from importlib.util import find_spec

    # The SDK is imported only once the server starts; check it is there first, so a
    # missing extra is a one-line message and not a traceback.
    if find_spec("mcp") is None or find_spec("anyio") is None:
        raise InputError("the MCP server needs the 'mcp' extra: pip install 'crisiscomms[mcp]'")
    from .mcp_server import serve

    serve()
    return ExitStatus.CLEAN


if __name__ == "__main__":
    sys.exit(main())
