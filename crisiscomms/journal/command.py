"""The ``crisiscomms journal`` command: publish, status, list, show, upgrade.

Exit codes: ``status`` 1 when a promise is overdue, 0 otherwise; ``publish`` 1 when
the text leaves out a time the facts hold for that kind (recorded, reported); 2 on
bad input, a bad or unreachable database, or a journal of another schema version.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import Any

from ..errors import ExitStatus, InputError
from ..kinds import KINDS, kind_slug

_DB_HELP = (
    "journal database: a SQLite file or sqlite:///FILE, or postgresql+psycopg://USER@HOST/DB "
    "(default: $CRISISCOMMS_DB, else ./crisiscomms-journal.sqlite3)"
)


def add_parser(subparsers: Any) -> None:
    """Register ``journal`` and its subcommands on an argparse subparsers object."""
    journal = subparsers.add_parser(
        "journal",
        help="record published notices and see which promised update is overdue",
        description="The incident journal: what was published where, what it promised, "
        "and what is overdue.",
    )
    commands = journal.add_subparsers(dest="journal_command", metavar="SUBCOMMAND")
    journal.set_defaults(run=_usage(journal))

    publish = commands.add_parser(
        "publish",
        help="record that a notice was published",
        description="Record a published notice and every time its text promises (next update, "
        "ETA, check results, compensation deadlines). The text is the one drafted from FACTS, "
        "or the file given with --text.",
    )
    publish.add_argument("facts", metavar="FACTS", help="facts file, or - for stdin")
    kinds = ", ".join(kind_slug(k) for k in KINDS)
    publish.add_argument("--kind", required=True, help=f"one of: {kinds}")
    publish.add_argument(
        "--channel", default="notice", help="where it was published (default: notice)"
    )
    publish.add_argument("--lang", required=True, help="the language published: zh or en")
    publish.add_argument(
        "--at", metavar="TIME", help="when (ISO 8601 with offset; default: the facts' published_at)"
    )
    publish.add_argument(
        "--text", metavar="FILE", help="the text as published (default: the draft)"
    )
    publish.add_argument("--db", metavar="URL", help=_DB_HELP)
    publish.add_argument("--format", choices=("text", "json"), default="text")
    publish.set_defaults(run=run_publish)

    status = commands.add_parser(
        "status",
        help="an incident's timeline and what is overdue (exit 1 when anything is)",
        description="The incident's notices and promises, and what is overdue at --now. "
        "Exit 1 when anything is overdue, 0 otherwise, 2 on bad input.",
    )
    status.add_argument("incident", metavar="INCIDENT", help="the incident id (id in the facts)")
    status.add_argument("--now", metavar="TIME", help="judge at this time (ISO 8601 with offset)")
    status.add_argument("--db", metavar="URL", help=_DB_HELP)
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.set_defaults(run=run_status)

    show = commands.add_parser(
        "show", help="everything recorded for an incident", description="Every publication "
        "recorded for the incident and every promise, judged now. Exit 0 (see status).",
    )  # fmt: skip
    show.add_argument("incident", metavar="INCIDENT")
    show.add_argument("--db", metavar="URL", help=_DB_HELP)
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(run=run_show)

    listing = commands.add_parser(
        "list", help="the incidents in the journal", description="The incidents in the journal, "
        "most recent first. --open: only those not resolved or with promises outstanding.",
    )  # fmt: skip
    listing.add_argument("--open", action="store_true", help="only open incidents")
    listing.add_argument("--now", metavar="TIME", help=argparse.SUPPRESS)
    listing.add_argument("--db", metavar="URL", help=_DB_HELP)
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(run=run_list)

    upgrade = commands.add_parser(
        "upgrade", help="bring a journal to this version's schema",
        description="Create the journal, or run the schema migrations it lacks.",
    )  # fmt: skip
    upgrade.add_argument("--db", metavar="URL", help=_DB_HELP)
    upgrade.set_defaults(run=run_upgrade)
    for command in commands.choices.values():  # `journal` itself gets it from cli.py
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help="on an internal error, print the traceback too")  # fmt: skip


def _usage(parser: argparse.ArgumentParser) -> Any:
    def run(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return ExitStatus.BAD_INPUT

    return run


def parse_time(value: str, option: str) -> datetime:
    """An ISO 8601 time with its offset; anything else is bad input naming the option.

    Examples:
        >>> parse_time("2026-11-28T16:31+08:00", "--now").isoformat()
        '2026-11-28T16:31:00+08:00'
    """
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"{option}: {value!r} is not a time: write it like 2026-11-28T16:31:00+08:00"
        ) from None
    if when.tzinfo is None:
        raise InputError(
            f"{option}: {value!r} has no time zone: write it like 2026-11-28T16:31:00+08:00"
        )
    return when


def run_publish(args: argparse.Namespace) -> int:
    """Record a publication; exit 1 when its text leaves out a promised time of the facts."""
    from ..factfiles import load_facts
    from ..facts import FactsError
    from ..inputs import MAX_TEXT_BYTES, decode, read_input
    from . import publish
    from .report import format_publication
    from .store import resolve_url

    facts = load_facts(args.facts)
    at = parse_time(args.at, "--at") if args.at else None
    text = None
    if args.text is not None:
        if args.text == args.facts == "-":
            raise InputError("--text: the facts already come from stdin; give the text as a file")
        text = decode(read_input(args.text, MAX_TEXT_BYTES), args.text)
    shown = resolve_url(args.db).render_as_string(hide_password=True)
    try:
        done = publish(
            facts.incident, args.kind, args.channel, args.lang, at=at, text=text, db=args.db
        )
    except FactsError as error:
        raise facts.explain(error) from None
    if args.format == "json":
        data = {
            "schema": "crisiscomms.journal-publish/v1",
            "publication": done.publication.to_dict(),
            "not_in_text": [
                {"type": c.type, "due_at": c.due_at.isoformat(), "field": c.field,
                 "audience": c.audience} for c in done.missing
            ],
        }  # fmt: skip
        print(json.dumps(data, ensure_ascii=False, indent=2))
    print(format_publication(done.publication, list(done.missing), shown), end="", file=sys.stderr)
    return ExitStatus.FINDINGS if done.missing else ExitStatus.CLEAN


def run_status(args: argparse.Namespace) -> int:
    """Print the incident's status; exit 1 when anything is overdue."""
    from . import status
    from .report import format_status

    now = parse_time(args.now, "--now") if args.now else datetime.now(UTC)
    report = status(_incident_id(args.incident), now=now, db=args.db)
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_status(report), end="")
    return ExitStatus.FINDINGS if report.overdue else ExitStatus.CLEAN


def run_show(args: argparse.Namespace) -> int:
    """Print everything recorded for the incident."""
    from . import status
    from .report import format_status

    report = status(_incident_id(args.incident), db=args.db)
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_status(report), end="")
    return ExitStatus.CLEAN


def run_list(args: argparse.Namespace) -> int:
    """Print the incidents in the journal."""
    from . import incidents
    from .report import format_list

    now = parse_time(args.now, "--now") if args.now else None
    found = incidents(open_only=args.open, now=now, db=args.db)
    if args.format == "json":
        print(json.dumps([s.to_dict() for s in found], ensure_ascii=False, indent=2))
    else:
        print(format_list(found), end="")
    return ExitStatus.CLEAN


def run_upgrade(args: argparse.Namespace) -> int:
    """Create the journal or bring its schema to this version."""
    from .store import Journal, resolve_url

    with Journal(resolve_url(args.db)) as journal:
        before = journal.version()
        after = journal.check_schema(create=True, upgrade=True)
        print(f"journal {journal.shown}: schema version {before or 0} -> {after}", file=sys.stderr)
    return ExitStatus.CLEAN


def _incident_id(value: str) -> str:
    value = value.strip()
    if not value or len(value) > 128:
        raise InputError("INCIDENT: give the incident id from the facts (id: 2026-03-29-cooling)")
    return value
