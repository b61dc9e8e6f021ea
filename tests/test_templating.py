"""The template sandbox, custom template packs, and the vetting manifest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crisiscomms import draft
from crisiscomms.errors import TemplateError
from crisiscomms.templating import shipped_hashes, tidy, vetted_hashes

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "ecommerce-cooling-failure.yaml"

FACTS = {
    "organization": {"zh": "示例科技", "en": "Example Tech"},
    "service": {"zh": "示例App", "en": "the Example app"},
    "timezone": "Asia/Shanghai",
    "started_at": "2026-03-29T01:00:00+08:00",
    "published_at": "2026-03-29T01:20:00+08:00",
    "next_update_at": "2026-03-29T02:00:00+08:00",
    "impact": {"symptoms": {"zh": "无法登录", "en": "log-in failures"}},
    "timeline": [{"at": "2026-03-29T01:05:00+08:00", "text": {"zh": "发现", "en": "found"}}],
}


def pack(tmp_path: Path, body: str, lang: str = "zh", kind: str = "first_statement") -> Path:
    (tmp_path / lang).mkdir(parents=True, exist_ok=True)
    (tmp_path / lang / f"{kind}.txt.j2").write_text(body, encoding="utf-8")
    return tmp_path


# Public sandbox escapes (and the two CVEs fixed in Jinja2 3.1.5 / 3.1.6) must stay closed.
ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ incident.__class__.__init__.__globals__ }}",
    "{{ incident|attr('__class__') }}",
    "{{ '{0.__class__.__base__}'.format(incident) }}",
    "{{ ''|attr('format')('{0.__class__.__mro__}', incident) }}",
    "{% set f = ''.format %}{{ f('{0.__class__}', incident) }}",
    "{{ incident.timeline.append(1) }}",
    "{{ incident.timeline.clear() }}",
    "{{ fmt.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ range(10 ** 9)|list }}",
]


@pytest.mark.parametrize("body", ESCAPES)
def test_custom_template_cannot_escape_the_sandbox(tmp_path: Path, body: str) -> None:
    templates = pack(tmp_path, "标题\n\n" + body)
    try:
        text = draft(FACTS, "first_statement", "zh", templates=templates).text
    except TemplateError as error:
        assert "zh/first_statement" in str(error)
    else:
        # Some attempts render as nothing (Jinja's sandboxed str.format); none may leak.
        assert not any(leak in text for leak in ("<class", "<function", "<module", "uid="))


def test_custom_template_overrides_one_file_and_is_not_vetted(tmp_path: Path) -> None:
    body = (
        "{{ incident.service|t }}故障通知\n\n"
        "{{ incident.started_at|datetime }}起{{ incident.service|t }}无法使用。"
        "我们将于{{ incident.next_update_at|datetime }}前发布下一次进展。\n"
    )
    templates = pack(tmp_path, body)
    custom = draft(FACTS, "first_statement", "zh", templates=templates)
    assert custom.text.startswith("示例App故障通知\n")
    assert "北京时间3月29日02:00" in custom.text
    assert not custom.vetted
    # The other language and the other kinds still come from the shipped pack.
    assert draft(FACTS, "first_statement", "en", templates=templates).vetted


def test_custom_template_that_hides_a_missing_fact_is_refused(tmp_path: Path) -> None:
    facts = {k: v for k, v in FACTS.items() if k != "next_update_at"}
    templates = pack(tmp_path, "{{ incident.service|t }}故障通知\n\n正文。\n")
    with pytest.raises(TemplateError, match="next_update_at"):
        draft(facts, "first_statement", "zh", templates=templates)


def test_misspelt_fact_in_a_template_fails_loudly(tmp_path: Path) -> None:
    templates = pack(tmp_path, "{{ incident.servce|t }}\n")
    with pytest.raises(TemplateError, match="servce"):
        draft(FACTS, "first_statement", "zh", templates=templates)


def test_broken_template_through_the_cli_names_file_and_line(tmp_path: Path) -> None:
    templates = pack(tmp_path, "标题\n\n{% if %}\n")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "crisiscomms", "draft", "all", str(EXAMPLE),
         "--templates", str(templates), "--out", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "first_statement.txt.j2:3" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_missing_template_pack_folder_is_bad_input(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "crisiscomms", "draft", "all", str(EXAMPLE),
         "--templates", str(tmp_path / "nope")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "nope" in result.stderr


def test_every_shipped_template_was_vetted_as_it_is_now() -> None:
    # Fails when a shipped template changed after its last review: read the changed
    # template's drafts in full, in both languages, then `python -m crisiscomms.vetting --write`.
    assert shipped_hashes() == vetted_hashes()


def test_tidy_keeps_paragraphs_and_drops_stray_blank_lines() -> None:
    assert tidy("标题\n\n\n\n正文  \n \n\n结尾") == "标题\n\n正文\n\n结尾\n"
