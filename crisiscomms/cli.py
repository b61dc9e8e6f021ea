"""The ``crisiscomms`` command: draft notices from a facts file, lint any text.

Exit codes are :class:`~crisiscomms.errors.ExitStatus`: 0 clean, 1 findings at
error severity (drafts are still written), 2 bad input or usage (nothing written),
3 an internal error (one line; the traceback with ``--debug``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import ExitStatus, InputError
from .guard import guarded_streams, run_guarded
from .kinds import CHANNELS, KINDS, kind_slug, normalize_channel, normalize_kind

if TYPE_CHECKING:
    from .drafting import Draft
    from .journal.store import Journal
    from .plan import CommsPlan
    from .plan_progress import Tracking

_EXTENSIONS = {"text": "txt", "markdown": "md", "json": "json"}
_DEBUG, _DEBUG_HELP = "--debug", "on an internal error, print the traceback too"


#: Commands that do one job, bounded by their input, and end: see :func:`run`.
_ONE_JOB = frozenset({"draft", "pack", "example", "schema"})
_own_process = False


def run() -> int:
    """Run the command line as the program of its process (``python -m crisiscomms``, the
    ``crisiscomms`` script): :func:`main`, without the cycle collector's walks for one job.

    A draft's start builds a few hundred thousand objects that live until the process
    ends (modules, models, rules, tables). Python's cycle collector walks them again and
    again while they are made, and once more, all of them, as the process exits: a fifth
    of the command's start, to find no garbage that reference counting does not free.
    A command of :data:`_ONE_JOB` therefore runs with the collector paused, and what is
    left at its end is frozen (:func:`gc.freeze`), which exiting does not walk. Any other
    command (the journal's database, the MCP server, lint over any number of files) gets
    the collector back before it runs.
    """
    global _own_process
    _own_process = True
    gc.disable()
    try:
        return main()
    finally:
        if not gc.isenabled():
            gc.freeze()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status instead of raising.

    Bad input is exit 2 with a message naming what to fix; a failure that is a
    bug is exit 3 with one line (the traceback too with ``--debug``). Output that
    cannot be written (a closed pipe, a full disk) never ends in a traceback.
    """
    with guarded_streams():
        # Parsing is guarded too: --help and --version write to standard output, which
        # may be full or closed (`crisiscomms --help >/dev/full`).
        return run_guarded(lambda: _parse_and_run(argv))


def _parse_and_run(argv: Sequence[str] | None) -> int:
    from .rulecache import use_rule_cache

    use_rule_cache()  # before the parser: the lint command's module reads the registry
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = _parser(next((a for a in arguments if not a.startswith("-")), None))
    args = parser.parse_args(arguments)
    if _own_process and args.command not in _ONE_JOB:
        gc.enable()  # see run(): this command may run long, or without bound
    if args.command is None:
        parser.print_help(sys.stderr)
        return ExitStatus.BAD_INPUT
    return run_guarded(lambda: int(args.run(args)), debug=args.debug)


#: The commands defined here: their parsers need nothing imported (``lint`` and ``journal``
#: define theirs in their packages, which import the linter, the facts models and more).
_OWN_COMMANDS = frozenset({"draft", "pack", "example", "plan", "schema", "mcp"})


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """Build the parser; for one of :data:`_OWN_COMMANDS`, without the other packages' commands.

    Only the top-level help and an unknown command list the commands, and neither has
    one of ours as its command, so leaving the others out changes no output.
    """
    parser = argparse.ArgumentParser(
        prog="crisiscomms",
        description="Draft and lint bilingual crisis communications for platform outages.",
    )
    parser.add_argument("--version", action="version", version=f"crisiscomms {__version__}")
    parser.add_argument(_DEBUG, action="store_true", help=_DEBUG_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    draft = commands.add_parser(
        "draft",
        help="draft notices from a facts file",
        description="Draft notices from a facts file (YAML, JSON or TOML; - for stdin).",
    )
    kinds = ", ".join(kind_slug(k) for k in KINDS)
    draft.add_argument("kind", metavar="KIND", help=f"one of: {kinds}, or all")
    draft.add_argument("facts", metavar="FACTS", help="facts file, or - for stdin")
    draft.add_argument(
        "--lang",
        default="zh,en",
        help="comma-separated: zh, en, zh-Hant-HK, zh-Hant-TW, zh-Hant (= zh-Hant-TW) "
        "(default: zh,en)",
    )
    draft.add_argument(
        "--channel",
        default="notice",
        metavar="CHANNEL",
        help=f"comma-separated: {', '.join(CHANNELS)}, or all (default: notice, the long form)",
    )
    draft.add_argument("--format", choices=list(_EXTENSIONS), default="text")
    draft.add_argument(
        "--out",
        metavar="DIR",
        help="write <kind>.<lang>.<ext> (or <kind>.<channel>.<lang>.<ext>) files into DIR",
    )
    draft.add_argument(
        "--force", action="store_true", help="with --out: replace files that already exist"
    )
    draft.add_argument(
        "--templates", metavar="DIR", help="a template pack (zh/, en/) overriding shipped templates"
    )
    draft.add_argument("--no-color", action="store_true", help="no colour in findings")
    draft.set_defaults(run=_run_draft)

    pack = commands.add_parser(
        "pack",
        help="write everything one stage of an incident needs: notices, scripts, index",
        description="Draft the stage's notices in every language and channel, the customer-service "
        "script, help-centre FAQ, community message and internal briefing, all checked against "
        "each other, with an index pack.json; written all together or not at all.",
    )
    pack.add_argument("facts", metavar="FACTS", help="facts file, or - for stdin")
    pack.add_argument("--out", metavar="DIR", required=True, help="folder to write the pack into")
    pack.add_argument("--lang", help="comma-separated languages (default: every one)")
    pack.add_argument("--channel", help="comma-separated notice channels (default: every one)")
    pack.add_argument("--kind", help="comma-separated notice kinds instead of the stage's own")
    pack.add_argument("--force", action="store_true", help="replace files that already exist")
    pack.add_argument(
        "--templates", metavar="DIR", help="a template pack (zh/, en/) overriding shipped templates"
    )
    pack.add_argument("--no-color", action="store_true", help="no colour in findings")
    pack.set_defaults(run=_run_pack)

    example = commands.add_parser(
        "example",
        help="print a complete, commented example facts file",
        description="Print an example facts file built on a real outage (default: the "
        "e-commerce cooling failure). --list shows them all.",
    )
    example.add_argument("name", nargs="?", default="ecommerce-cooling-failure")
    example.add_argument("--list", action="store_true", help="list the example names")
    example.set_defaults(run=_run_example)

    plan = commands.add_parser(
        "plan",
        help="plan what to publish, where and by when",
        description="Plan what to publish, where and by when, from the facts' severity, status "
        "and audiences. Figures come from [plan] in the nearest .crisiscomms.toml (or --config).",
    )
    plan.add_argument("facts", metavar="FACTS", help="facts file, or - for stdin")
    plan.add_argument("--format", choices=["text", "json"], default="text")
    plan.add_argument("--lang", choices=["en", "zh"], default="en", help="language of the text")
    plan.add_argument("--config", metavar="FILE", help="a .crisiscomms.toml with a [plan] table")
    plan.add_argument(
        "--db",
        metavar="URL",
        help="mark the steps the incident journal shows published (default: $CRISISCOMMS_DB, "
        "else ./crisiscomms-journal.sqlite3 when it exists)",
    )
    plan.add_argument(
        "--now",
        metavar="TIME",
        help="judge the steps at this time (ISO 8601 with offset; default: now, with a journal)",
    )
    plan.set_defaults(run=_run_plan)

    schema = commands.add_parser("schema", help="print the JSON Schema of the facts")
    schema.set_defaults(run=_run_schema)

    if command not in _OWN_COMMANDS:
        from .lint import command as lint_command

        lint_command.add_parser(commands)

        from .journal import command as journal_command

        journal_command.add_parser(commands)

    mcp = commands.add_parser(
        "mcp", help="run an MCP server over stdio (needs: pip install 'crisiscomms[mcp]')"
    )
    mcp.set_defaults(run=_run_mcp)
    for subparser in commands.choices.values():  # also after the command: draft ... --debug
        subparser.add_argument(
            _DEBUG, action="store_true", default=argparse.SUPPRESS, help=_DEBUG_HELP
        )
    return parser


def _run_draft(args: argparse.Namespace) -> int:
    from .compiledcache import use_compiled_cache
    from .drafting import draft_all
    from .factfiles import load_facts
    from .facts import FactsError
    from .outfiles import write_all
    from .report import format_findings

    kinds = list(KINDS) if args.kind.strip().lower() == "all" else [normalize_kind(args.kind)]
    langs = [part.strip() for part in args.lang.split(",") if part.strip()]
    if not langs:
        raise InputError("--lang: give at least one language (zh, en, zh-Hant-HK, zh-Hant-TW)")
    if args.out == "":
        raise InputError("--out: give a folder name")
    channels = _channels(args.channel)
    facts = load_facts(args.facts)
    use_compiled_cache()
    try:
        drafts = draft_all(
            facts.incident, kinds, langs, templates=args.templates, channels=channels
        )
    except FactsError as error:  # e.g. a fact with no text in a language asked for
        raise facts.explain(error) from None

    outputs = [(f"{_name(d)}.{_EXTENSIONS[args.format]}", _render(d, args.format))
               for d in drafts]  # fmt: skip
    if args.out is not None:
        for path in write_all(Path(args.out), outputs, force=args.force):
            print(f"wrote {path}", file=sys.stderr)
    elif args.format == "json":
        document = {"schema": "crisiscomms.drafts/v1", "drafts": [d.to_dict() for d in drafts]}
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        for i, (name, body) in enumerate(outputs):
            if len(outputs) > 1:
                print(("\n" if i else "") + f"==> {name} <==")
            print(body, end="")

    colour = not args.no_color and sys.stderr.isatty() and "NO_COLOR" not in os.environ
    reports = [format_findings(d.findings, _name(d), colour=colour)
               for d in drafts if d.findings]  # fmt: skip
    if reports:
        print("\n".join(reports), file=sys.stderr)
    return ExitStatus.CLEAN if all(d.ready for d in drafts) else ExitStatus.FINDINGS


def _channels(value: str) -> list[str]:
    """Read ``--channel``: comma-separated channel names, or ``all``."""
    names = [part.strip() for part in value.split(",") if part.strip()]
    if not names:
        raise InputError(f"--channel: give at least one channel ({', '.join(CHANNELS)})")
    if [n.lower() for n in names] == ["all"]:
        return list(CHANNELS)
    return [normalize_channel(n) for n in names]


def _name(draft: Draft) -> str:
    """Name a draft in file names and finding reports: apology.zh, apology.sms.zh."""
    if draft.channel == "notice":
        return f"{kind_slug(draft.kind)}.{draft.lang}"
    return f"{kind_slug(draft.kind)}.{draft.channel}.{draft.lang}"


def _run_pack(args: argparse.Namespace) -> int:
    from .commspack import build_pack, write_pack
    from .compiledcache import use_compiled_cache
    from .factfiles import load_facts
    from .facts import FactsError
    from .report import format_findings

    def listed(option: str, value: str | None) -> list[str] | None:
        if value is None:
            return None
        parts = [part.strip() for part in value.split(",") if part.strip()]
        if not parts:
            raise InputError(f"{option}: give at least one value")
        return parts

    langs, channels = listed("--lang", args.lang), listed("--channel", args.channel)
    kinds = listed("--kind", args.kind)
    if args.out == "":
        raise InputError("--out: give a folder name")
    facts = load_facts(args.facts)
    use_compiled_cache()
    try:
        made = build_pack(
            facts.incident, langs=langs, channels=channels, kinds=kinds, templates=args.templates
        )
    except FactsError as error:  # e.g. a fact with no text in a language asked for
        raise facts.explain(error) from None
    written = write_pack(Path(args.out), made, force=args.force)
    print(f"wrote {len(written)} files into {args.out} (stage: {made.stage})", file=sys.stderr)
    colour = not args.no_color and sys.stderr.isatty() and "NO_COLOR" not in os.environ
    reports = [format_findings(f.findings, f.name, colour=colour) for f in made.files if f.findings]
    for gap in made.gaps:
        reports.append(f"{gap['document']}.{gap['lang']}: not drafted ({gap['reason']})")
    if reports:
        print("\n".join(reports), file=sys.stderr)
    return ExitStatus.CLEAN if made.ready else ExitStatus.FINDINGS


def _render(draft: Draft, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(draft.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if draft.channel != "notice" and list(draft.parts) != ["text"]:
        return _render_parts(draft, markdown=fmt == "markdown")
    if fmt == "markdown" and draft.channel == "notice":
        return draft.markdown()
    return draft.text


def _render_parts(draft: Draft, *, markdown: bool) -> str:
    """Print a structured channel draft part by part (and a Statuspage payload as JSON)."""
    blocks: list[tuple[str, str, str]] = [(name, text, "") for name, text in draft.parts.items()]
    if draft.payload is not None:
        payload = json.dumps(draft.payload, ensure_ascii=False, indent=2)
        blocks.append(("payload", payload, "json"))
    out: list[str] = []
    for name, text, language in blocks:
        fence = language or ("html" if name == "html" else "")
        if markdown:
            body = f"```{fence}\n{text}\n```" if fence else text
            out.append(f"## {name}\n\n{body}\n")
        else:
            out.append(f"--- {name} ---\n{text}\n")
    return "\n".join(out)


def _run_plan(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from .factfiles import load_facts
    from .plan import format_plan, plan
    from .plan_config import PlanConfig, find_plan_config, load_plan_config

    facts = load_facts(args.facts)
    start = Path.cwd() if args.facts == "-" else Path(args.facts).parent
    found = Path(args.config) if args.config else find_plan_config(start)
    config = load_plan_config(found) if found else PlanConfig.defaults()
    result = plan(facts.incident, config)
    tracking = _plan_tracking(result, facts.incident.id, args.db, args.now)
    if tracking is not None:
        result = replace(result, tracking=tracking)
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(format_plan(result, args.lang))
    return ExitStatus.CLEAN


def _plan_tracking(
    result: CommsPlan, incident_id: str | None, db: str | None, now_arg: str | None
) -> Tracking | None:
    """Judge the plan's steps at ``--now`` against the incident's notices in the journal.

    ``--db`` must name a journal, and the facts must have an id. Without it, the journal of
    ``$CRISISCOMMS_DB`` or ``./crisiscomms-journal.sqlite3`` is used when there is one and
    the facts have an id. None (not judged) when there is neither a journal nor ``--now``.
    """
    from datetime import UTC, datetime

    from .journal.command import parse_time
    from .plan_progress import Tracking, track

    if db is not None and incident_id is None:
        raise InputError(
            "--db: the facts have no id, so no journal entry can be theirs: add the id "
            "the notices were published under (id: 2026-03-29-cooling)"
        )
    now = parse_time(now_arg, "--now") if now_arg else datetime.now(UTC)
    journal = _plan_journal(db) if incident_id is not None else None
    if journal is None:
        return None if now_arg is None else Tracking(now, None, track(result.steps, [], now))
    with journal:
        published = journal.publications(incident_id)
    return Tracking(now, journal.shown, track(result.steps, published, now))


def _plan_journal(db: str | None) -> Journal | None:
    """The journal ``--db`` names (it must be one), else the default one when it exists."""
    from .journal.model import rules

    named = os.environ.get("CRISISCOMMS_DB", "").strip()
    if db is None and not named and not Path(rules()["default_file"]).is_file():
        return None  # no journal here: SQLAlchemy is not even imported
    from .journal.store import Journal, open_journal, resolve_url

    if db is not None:
        return open_journal(db)
    journal = Journal(resolve_url(None))
    try:
        if journal.version() is None:
            journal.close()
            return None
        journal.check_schema()
    except BaseException:
        journal.close()
        raise
    return journal


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
    from .guard import OutputFailed, first_os_error
    from .mcp_server import serve

    if sys.__stdout__ is None or sys.__stdin__ is None:
        raise InputError("the MCP server talks over stdin and stdout: both must be open")
    try:
        serve()
    except BaseExceptionGroup as group:  # the SDK's task group: a full or closed pipe
        failed = first_os_error(group)
        if failed is None:
            raise
        raise OutputFailed(failed) from None
    return ExitStatus.CLEAN


if __name__ == "__main__":
    sys.exit(run())
