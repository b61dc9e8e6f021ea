"""The JSON the draft command prints matches its versioned, written-down schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource

from crisiscomms.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "crisiscomms" / "schemas"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / name).read_text("utf-8"))
    return loaded


def _validator() -> jsonschema.Draft202012Validator:
    drafts, lint = _schema("drafts-output.v1.json"), _schema("lint-output.v1.json")
    statuspage = _schema("statuspage-incident.schema.json")
    registry = Registry().with_resources(
        [(s["$id"], Resource.from_contents(s)) for s in (drafts, lint, statuspage)]
    )
    return jsonschema.Draft202012Validator(drafts, registry=registry)


def _draft(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crisiscomms", "draft", *args],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_draft_json_output_matches_its_schema(example: Path) -> None:
    result = _draft("all", str(example), "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    document = json.loads(result.stdout)
    _validator().validate(document)
    assert len(document["drafts"]) == 2 * len(KINDS)


def test_each_json_file_written_with_out_is_one_draft(tmp_path: Path) -> None:
    result = _draft("apology", str(EXAMPLES[0]), "--format", "json", "--out", str(tmp_path))
    assert result.returncode in (0, 1), result.stderr
    validator = _validator()
    draft_schema = {"$ref": "drafts-output.v1.json#/$defs/draft"}
    written = sorted(tmp_path.glob("*.json"))
    assert [p.name for p in written] == ["apology.en.json", "apology.zh.json"]
    for path in written:
        validator.evolve(schema={**draft_schema, "$id": validator.schema["$id"]}).validate(
            json.loads(path.read_text("utf-8"))
        )


def test_schema_rejects_a_draft_with_an_unknown_kind() -> None:
    document = json.loads(_draft("apology", str(EXAMPLES[0]), "--format", "json").stdout)
    document["drafts"][0]["kind"] = "press_release"
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(document)
