"""Real, public incidents: every facts file validates, drafts, and matches its golden drafts.

The facts files in ``tests/incidents/`` are written by us from public post-incident
reports and news (the source is in each file's first comment). Their golden drafts
are in ``tests/incidents/golden/``; regenerate them with
``python tests/incidents/regen_incident_golden.py`` and read every change.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from crisiscomms.drafting import draft_all
from crisiscomms.factfiles import read_facts
from crisiscomms.kinds import DEFAULT_LANGS as DRAFT_LANGS
from crisiscomms.kinds import KINDS, kind_slug

HERE = Path(__file__).resolve().parent
INCIDENTS = HERE / "incidents"
FILES = sorted(INCIDENTS.glob("*.yaml"))
CHINESE_MARKETS = {"Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei"}
URL = re.compile(r"https?://\S+")


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


regen = _load("regen_incident_golden", INCIDENTS / "regen_incident_golden.py")


def test_the_set_spans_markets_and_industries() -> None:
    incidents = {}
    for path in FILES:
        incident = read_facts(str(path))
        incidents[incident.id or path.stem] = incident
    assert len(incidents) >= 15
    chinese = [i for i in incidents.values() if i.timezone in CHINESE_MARKETS]
    assert len(chinese) >= 5
    assert len(incidents) - len(chinese) >= 5


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_facts_file_names_its_public_source(path: Path) -> None:
    lines = path.read_text("utf-8").splitlines()
    header = "\n".join(
        line for line in lines[: next(i for i, x in enumerate(lines) if not x.startswith("#"))]
    )
    assert re.match(r"# Sources?: ", header), f"{path.name}: open with '# Source: ...'"
    assert URL.search(header), f"{path.name}: the opening comment must give the source's address"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_facts_file_validates_and_drafts_every_kind(path: Path) -> None:
    incident = read_facts(str(path))
    drafts = draft_all(incident)
    assert {(d.kind, d.lang) for d in drafts} == {(k, lang) for k in KINDS for lang in DRAFT_LANGS}
    for d in drafts:
        assert d.text.strip(), f"{path.name}: empty {d.kind}/{d.lang}"
        assert "None" not in d.text and "{{" not in d.text


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_drafts_match_their_golden_files(path: Path) -> None:
    stale = []
    for golden, text in regen.expected_drafts(path).items():
        if not golden.exists():
            stale.append(f"missing {golden.relative_to(HERE)}")
        elif golden.read_text("utf-8") != text:
            stale.append(f"differs {golden.relative_to(HERE)}")
    assert not stale, (
        "golden drafts out of date (run python tests/incidents/regen_incident_golden.py and read "
        "the diff): " + ", ".join(stale)
    )


def test_no_golden_draft_without_a_facts_file() -> None:
    stems = {p.stem for p in FILES}
    expected = {f"{kind_slug(k)}.{lang}.txt" for k in KINDS for lang in DRAFT_LANGS}
    for folder in sorted((INCIDENTS / "golden").iterdir()):
        assert folder.name in stems, f"golden/{folder.name} has no facts file"
        assert {p.name for p in folder.glob("*.txt")} <= expected


score = _load("checklist_score", HERE.parent / "benchmarks" / "checklist_score.py")


def test_the_checklist_score_reads_what_a_draft_carries() -> None:
    path = INCIDENTS / "09-cathay-united.compensation.yaml"
    scores = score.score_file(path)
    assert {(s.kind, s.lang) for s in scores} == {(k, lang) for k in KINDS for lang in DRAFT_LANGS}
    apology = next(s for s in scores if s.kind == "apology" and s.lang == "zh")
    names = {item.name for item in apology.items}
    assert {"start time with zone", "end time with zone", "duration", "apology"} <= names
    compensation = next(s for s in scores if s.kind == "compensation_notice" and s.lang == "en")
    assert any(item.name == "comp: eligibility" and item.ok for item in compensation.items)


def test_the_checklist_score_misses_what_a_draft_lacks() -> None:
    incident = read_facts(str(INCIDENTS / "11-optus.first.yaml"))
    text = "Optus services are down. We are working on it."
    draft = next(d for d in draft_all(incident) if d.kind == "first_statement" and d.lang == "en")
    thin = type(draft)(**{**draft.__dict__, "text": text, "findings": ()})
    result = score.score_draft(INCIDENTS / "11-optus.first.yaml", incident, thin)
    missed = {item.name for item in result.items if not item.ok}
    assert {"symptoms", "start time with zone", "affected region"} <= missed
