"""Which channel drafts of our real incidents go past their platform's limits.

Run: ``python benchmarks/channel_fit.py [--langs zh,en] [--list] [--channels sms,x]``.

Drafts every kind of every facts file in ``examples/`` and ``tests/incidents/`` (36 files x
4 kinds) for each short-form channel and language, and prints, per channel, language and
measured field, how many drafts carry an ``over-length`` finding: all of them, and those
drafted from complete facts (the kind lacks no fact, so no placeholder lengthens the text;
judged on the long-form notice's needs, so the figure does not move with what a channel
carries).
``--list`` prints every over-limit draft with its figure and limit, and the written form it
used (``full``, or a more compact one: see ``variants.toml`` ``forms``). The long-form
notice has no limit and is not drafted here. Nothing is asserted: the figures go in a report.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from crisiscomms.channels.variants import variants
from crisiscomms.completeness import missing_facts
from crisiscomms.drafting import Draft, draft
from crisiscomms.factfiles import read_facts
from crisiscomms.kinds import KINDS as ALL_KINDS

ROOT = Path(__file__).resolve().parent.parent
FACTS = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "incidents").glob("*.yaml")
)
# The kinds that have channel variants (a kind added later gets them in variants.toml).
KINDS = tuple(k for k in ALL_KINDS if k in variants()["sms"].carries)
SHORT_CHANNELS = ("sms", "x", "weibo", "push", "wechat", "email", "statuspage")
_WHAT = re.compile(r"^(.*?) is (\d+) (.*?), over the limit of (\d+)")


def over(d: Draft) -> list[tuple[str, str, int, int]]:
    """Return (field, severity, count, limit) of each over-length finding of ``d``."""
    found = []
    for f in d.findings:
        if f.rule != "over-length":
            continue
        match = _WHAT.match(f.messages.get("en", ""))
        if match is None:
            found.append((f.message, f.severity, 0, 0))
            continue
        found.append((match.group(1), f.severity, int(match.group(2)), int(match.group(4))))
    return found


def main() -> int:
    """Print the over-limit table (and the list of over-limit drafts with ``--list``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", default="zh,en")
    parser.add_argument("--channels", default=",".join(SHORT_CHANNELS))
    parser.add_argument("--list", action="store_true", help="print every over-limit draft")
    args = parser.parse_args()
    langs = args.langs.split(",")
    channels = args.channels.split(",")
    incidents = [(path, read_facts(str(path))) for path in FACTS]
    drafted: Counter[tuple[str, str]] = Counter()
    complete: Counter[tuple[str, str]] = Counter()
    hits: Counter[tuple[str, str, str, str]] = Counter()
    hits_complete: Counter[tuple[str, str, str, str]] = Counter()
    wording: Counter[tuple[str, str]] = Counter()
    forms: Counter[tuple[str, str, str]] = Counter()
    listed: list[str] = []
    for channel in channels:
        for lang in langs:
            for path, incident in incidents:
                for kind in KINDS:
                    d = draft(incident, kind, lang, channel=channel)
                    key = (channel, lang)
                    drafted[key] += 1
                    whole = not missing_facts(incident, kind)
                    used = (d.length or {}).get("form", {}).get("used", "full")
                    forms[(channel, lang, used)] += 1
                    complete[key] += whole
                    wording[key] += sum(
                        1
                        for f in d.findings
                        if f.rule != "over-length"
                        and not f.rule.startswith("missing-")
                        and f.rule != "channel-format"
                    )
                    for field, severity, count, limit in dict.fromkeys(over(d)):
                        hits[(channel, lang, field, severity)] += 1
                        hits_complete[(channel, lang, field, severity)] += whole
                        listed.append(
                            f"{channel:<10} {lang:<10} {kind:<19} {path.stem:<32} "
                            f"{field}: {count} > {limit} ({severity}, {used} form)"
                            f"{'' if whole else '  [facts missing]'}"
                        )
    print(f"{len(incidents)} facts files x {len(KINDS)} kinds, per channel and language")
    print(
        f"{'channel':<10} {'lang':<10} {'field':<40} {'severity':<8} {'over':>10} {'complete':>12}"
    )
    for channel in channels:
        for lang in langs:
            key = (channel, lang)
            rows = sorted((k, n) for k, n in hits.items() if k[:2] == key)
            if not rows:
                print(
                    f"{channel:<10} {lang:<10} {'(none)':<40} {'':<8} "
                    f"{0:>4}/{drafted[key]:<5} {0:>4}/{complete[key]:<5}"
                )
            for k, n in rows:
                print(
                    f"{channel:<10} {lang:<10} {k[2]:<40} {k[3]:<8} "
                    f"{n:>4}/{drafted[key]:<5} {hits_complete[k]:>4}/{complete[key]:<5}"
                )
    print("written form used (full, or a more compact one), per channel and language:")
    for channel in channels:
        for lang in langs:
            used = [f"{name} {n}" for (c, g, name), n in forms.items() if (c, g) == (channel, lang)]
            print(f"  {channel:<10} {lang:<10} {', '.join(used)}")
    print("wording findings (not over-length, not missing-*), per channel and language:")
    shown = ", ".join(f"{c}/{g} {n}" for (c, g), n in wording.items() if n)
    print("  " + (shown or "none"))
    if args.list:
        print("\n".join(listed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
