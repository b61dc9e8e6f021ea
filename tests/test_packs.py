"""Template packs are checked whole before use; only known template names are ever loaded."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

import pytest
from support import MINIMAL, ROOT, run_cli

from crisiscomms import draft
from crisiscomms.errors import TemplateError
from crisiscomms.kinds import KINDS
from crisiscomms.packs import MAX_FILE_BYTES, PACK_FILES

FACTS = {
    **MINIMAL,
    "next_update_at": "2026-03-29T21:00:00+08:00",
    "impact": {"symptoms": {"zh": "无法登录", "en": "log-in failures"}},
}
VALID = (
    "{{ incident.service|t }} notice\n\nNext update by {{ incident.next_update_at|datetime }}.\n"
)


def _write(pack: Path, name: str, text: str | bytes = VALID) -> Path:
    path = pack / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _secret(tmp_path: Path) -> tuple[Path, str]:
    token = secrets.token_hex(16)
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{token}\n", encoding="utf-8")
    return secret, token


Arrange = Callable[[Path, Path], None]  # (pack, secret file)

BAD_PACKS: dict[str, tuple[Arrange, str]] = {
    "empty-folder": (lambda pack, secret: None, "holds no template"),
    "empty-language-folder": (lambda pack, secret: (pack / "en").mkdir(), "holds no template"),
    "kebab-case-name": (
        lambda pack, secret: _write(pack, "en/first-statement.txt.j2") and None,
        "en/first-statement.txt.j2 is not a template name",
    ),
    "unknown-kind": (
        lambda pack, secret: _write(pack, "en/press_release.txt.j2") and None,
        "not a template name",
    ),
    "unknown-language": (
        lambda pack, secret: _write(pack, "fr/first_statement.txt.j2") and None,
        "fr/ is not a language folder",
    ),
    "file-at-top": (lambda pack, secret: _write(pack, "README.md") and None, "README.md"),
    "nested-folder": (
        lambda pack, secret: _write(pack, "en/sub/first_statement.txt.j2") and None,
        "en/sub/ is not a language folder",
    ),
    "terms-file": (
        lambda pack, secret: _write(pack, "en/terms.toml", "locale = 'en'") and None,
        "en/terms.toml is not a template name",
    ),
    "symlinked-template": (
        lambda pack, secret: (
            (pack / "en").mkdir() or (pack / "en" / "first_statement.txt.j2").symlink_to(secret)
        ),
        "en/first_statement.txt.j2 is a symlink",
    ),
    "symlinked-language-folder": (
        lambda pack, secret: (pack / "en").symlink_to(secret.parent, target_is_directory=True),
        "en is a symlink",
    ),
    "symlink-leaving-the-pack": (
        lambda pack, secret: (
            (pack / "en").mkdir() or (pack / "en" / "_macros.txt.j2").symlink_to("../../secret.txt")
        ),
        "is a symlink",
    ),
    "not-utf8": (
        lambda pack, secret: _write(pack, "zh/apology.txt.j2", "标题".encode("gb18030")) and None,
        "zh/apology.txt.j2 is not UTF-8",
    ),
    "too-large": (
        lambda pack, secret: _write(pack, "en/apology.txt.j2", "x" * (MAX_FILE_BYTES + 1)) and None,
        "larger than",
    ),
    "fifo": (
        lambda pack, secret: (pack / "en").mkdir() or os.mkfifo(pack / "en" / "apology.txt.j2"),
        "is not a regular file",
    ),
    "hard-link": (
        lambda pack, secret: (
            (pack / "en").mkdir() or os.link(secret, pack / "en" / "apology.txt.j2")
        ),
        "hard-linked",
    ),
}


@pytest.mark.parametrize("case", list(BAD_PACKS), ids=list(BAD_PACKS))
def test_a_bad_pack_is_refused_before_use_and_says_what_a_pack_may_contain(
    case: str, tmp_path: Path
) -> None:
    arrange, expected = BAD_PACKS[case]
    secret, token = _secret(tmp_path)
    pack = tmp_path / "pack"
    pack.mkdir()
    arrange(pack, secret)
    with pytest.raises(TemplateError) as raised:
        draft(FACTS, "first_statement", "en", templates=pack)
    message = str(raised.value)
    assert expected in message
    langs = "{zh,en,zh-Hant-HK,zh-Hant-TW}"
    assert f"a pack may contain only {langs}/<kind>.txt.j2 and {langs}/_macros.txt.j2" in message
    assert "first_statement, progress_update, apology, compensation_notice" in message
    assert token not in message
    assert "\n" not in message


def test_a_bad_pack_through_the_cli_is_bad_input_on_one_line(tmp_path: Path) -> None:
    secret, token = _secret(tmp_path)
    pack = tmp_path / "pack"
    (pack / "en").mkdir(parents=True)
    (pack / "en" / "first_statement.txt.j2").symlink_to(secret)
    example = str(ROOT / "examples" / "login-outage.yaml")
    result = run_cli("draft", "first-statement", example, "--lang", "en", "--templates", str(pack))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "is a symlink" in result.stderr and "a pack may contain only" in result.stderr
    assert token not in result.stderr


def test_overriding_only_the_macros_changes_every_notice_of_that_language(
    tmp_path: Path,
) -> None:
    shipped = (ROOT / "templates" / "en" / "_macros.txt.j2").read_text("utf-8")
    signed = shipped.replace(
        "{{ (incident.signature or incident.organization)|t }}",
        "The {{ (incident.signature or incident.organization)|t }} support team",
    )
    assert signed != shipped
    pack = tmp_path / "pack"
    _write(pack, "en/_macros.txt.j2", signed)
    for kind in ("first_statement", "apology"):
        custom = draft(FACTS, kind, "en", templates=pack)
        assert "The Example Tech support team" in custom.text
        assert not custom.vetted
    assert draft(FACTS, "first_statement", "zh", templates=pack).vetted


def test_a_pack_is_checked_at_every_draft_so_an_edit_is_used_and_a_symlink_refused(
    tmp_path: Path,
) -> None:
    secret, token = _secret(tmp_path)
    pack = tmp_path / "pack"
    template = _write(pack, "en/first_statement.txt.j2")
    assert draft(FACTS, "first_statement", "en", templates=pack).text.startswith("the Example")
    _write(pack, "en/first_statement.txt.j2", VALID.replace(" notice", " update"))
    assert "the Example app update" in draft(FACTS, "first_statement", "en", templates=pack).text
    template.unlink()
    template.symlink_to(secret)
    with pytest.raises(TemplateError, match="is a symlink") as raised:
        draft(FACTS, "first_statement", "en", templates=pack)
    assert token not in str(raised.value)


def test_every_name_a_pack_may_hold_is_a_draft_language_and_kind_or_the_macros() -> None:
    # Per language (zh, en, zh-Hant-HK, zh-Hant-TW): every kind and the macros,
    # 7 channels x every kind, and the channel macros.
    assert len(PACK_FILES) == 4 * (len(KINDS) + 1 + 7 * len(KINDS) + 1)
    assert "zh/_macros.txt.j2" in PACK_FILES and "en/compensation_notice.txt.j2" in PACK_FILES
    assert "zh-Hant-HK/apology.txt.j2" in PACK_FILES
    assert "zh/channels/sms/apology.txt.j2" in PACK_FILES
    assert "en/channels/_macros.txt.j2" in PACK_FILES
