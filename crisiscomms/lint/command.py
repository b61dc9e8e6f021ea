"""The ``crisiscomms lint`` command: lint files or stdin, print findings as text or JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CrisisCommsError, ExitStatus, InputError
from ..findings import Finding, has_errors
from ..inputs import MAX_TEXT_BYTES, decode, read_input
from ..kinds import HANT_LANGS, KINDS, LINT_LANGS, kind_slug
from ..report import format_findings
from . import LintConfig, find_config, lint, load_config
from .catalog import ruleset
from .registry import RuleDoc, registry

if TYPE_CHECKING:
    from ..facts import Incident

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
    parser.add_argument(
        "--lang", choices=(*LINT_LANGS, *HANT_LANGS), default="auto", help="default: auto"
    )
    parser.add_argument("--kind", metavar="KIND", help=f"add completeness checks for: {kinds}")
    parser.add_argument(
        "--facts",
        metavar="FACTS",
        help="also check the text against a facts file: numbers, times and claims the "
        "facts do not hold (fact-mismatch, unsupported-claim)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--config", metavar="PATH", help="pyproject.toml or .crisiscomms.toml")
    parser.add_argument("--no-color", action="store_true", help="no colour in text output")
    parser.set_defaults(run=run)
    rules = subparsers.add_parser(
        "rules",
        help="list every rule id with its severity",
        description="List every rule id the library can emit, with its default severity.",
    )
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(run=run_rules)
    explain = subparsers.add_parser(
        "explain",
        help="explain one rule, with examples",
        description="Print what a rule catches, why, and examples that get it and do not.",
    )
    explain.add_argument("rule", metavar="RULE", help="a rule id (see: crisiscomms rules)")
    explain.set_defaults(run=run_explain)


def run_rules(args: argparse.Namespace) -> int:
    """Print every registered rule id, its severity, source and one-line summary."""
    docs = list(registry().values())
    if args.format == "json":
        data = [{"rule": d.id, "severity": d.severity, "source": d.source,
                 "summary": d.summary} for d in docs]  # fmt: skip
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return ExitStatus.CLEAN
    width = max(len(d.id) for d in docs)
    for d in docs:
        print(f"{d.id:{width}}  {d.severity:7}  {d.source:17}  {d.summary.get('en', '')}")
    return ExitStatus.CLEAN


def run_explain(args: argparse.Namespace) -> int:
    """Print the registry's documentation of one rule, and its examples."""
    doc = registry().get(args.rule.strip().lower())
    if doc is None:
        print(f"crisiscomms explain: error: unknown rule id {args.rule!r}; see `crisiscomms rules`",
              file=sys.stderr)  # fmt: skip
        return ExitStatus.BAD_INPUT
    print(explain_text(doc))
    return ExitStatus.CLEAN


def explain_text(doc: RuleDoc) -> str:
    """Return the text ``crisiscomms explain`` prints for one rule."""
    lines = [f"{doc.id} ({doc.severity}, {doc.source})", ""]
    lines += [doc.summary.get("en", ""), doc.summary.get("zh", ""), "", doc.description, ""]
    if doc.kinds:
        lines += [f"Checked for notice kinds: {', '.join(doc.kinds)}", ""]
    if doc.messages:
        lines += [
            "Message:",
            f"  {doc.messages.get('en', '')}",
            f"  {doc.messages.get('zh', '')}",
            "",
        ]
    bad, good = list(doc.bad), list(doc.good)
    for lang in ("zh", "en") if doc.source.startswith("lint") else ():
        rule = ruleset(lang).get(doc.id)
        if rule is not None:
            bad += [e for e in rule.should_fail if e not in bad]
            good += [e for e in rule.should_pass if e not in good]
    lines += ["Gets it:", *(f"  ✗ {e}" for e in bad), "", "Does not:", *(f"  ✓ {e}" for e in good)]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Lint every file named in ``args``; return an :class:`ExitStatus`.

    Nothing is printed unless every file could be read and linted: a bad file
    is reported alone, with exit status 2.
    """
    files = args.files or ["-"]
    try:
        incident = _facts(args.facts, files)
        results = [_lint_one(path, args, incident) for path in files]
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
        **({"facts": args.facts} if args.facts else {}),
        "files": [
            {"path": path, "findings": [f.to_dict() for f in found]} for path, found in results
        ],
        "summary": {
            level: sum(1 for f in findings if f.severity == level)
            for level in ("error", "warning", "info")
        },
    }


def _lint_one(
    path: str, args: argparse.Namespace, incident: Incident | None = None
) -> tuple[str, list[Finding]]:
    name = "<stdin>" if path == "-" else path
    text = _read(path, name)
    config = _config(args.config, Path.cwd() if path == "-" else Path(path).parent)
    try:
        if incident is not None:
            from ..factcheck import check_draft  # only a check against facts needs it

            return name, check_draft(text, incident, args.lang, args.kind, config)
        return name, lint(text, lang=args.lang, kind=args.kind, config=config)
    except CrisisCommsError as error:
        raise type(error)(f"{name}: {error}") from None


def _facts(path: str | None, files: list[str]) -> Incident | None:
    """Read the facts of ``--facts``, if given (before any text: stdin is read once)."""
    if path is None:
        return None
    if path == "-" and "-" in files:
        raise InputError("--facts -: the text is read from stdin, so the facts must be a file")
    from ..factfiles import read_facts

    return read_facts(path)


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
    from ..guard import guarded_streams, run_guarded

    def parse_and_run() -> int:
        parser = argparse.ArgumentParser(prog="crisiscomms")
        add_parser(parser.add_subparsers(dest="command", required=True))
        args = parser.parse_args(["lint", *(sys.argv[1:] if argv is None else argv)])
        return int(args.run(args))

    # As in crisiscomms.cli: a closed pipe or a full disk is one line, not a traceback.
    with guarded_streams():
        return run_guarded(parse_and_run)


if __name__ == "__main__":
    raise SystemExit(main())
