"""The refusal-code catalogue (core/errors.py CODES): every code the program gives is listed, every
listed code is given somewhere, and docs/errors.md is generated from the catalogue."""

import ast
from pathlib import Path

from recap_app.core.errors import CODES, codes_markdown

ROOT = Path(__file__).resolve().parents[2]
#: callables whose second (or third) positional argument, or ``code=``, is a refusal code
SECOND = ("Error", "Refused", "Allowed", "NotNow", "Needed")
THIRD = ("refused", "refuse", "_refuse", "Answer")


def codes_in_program() -> dict[str, list[str]]:
    """{code: [file:line, ...]} of every literal refusal code under recap_app/."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "recap_app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if not (name.endswith(SECOND) or name in THIRD or name == "too_large"):
                continue
            code = next((k.value.value for k in node.keywords
                         if k.arg == "code" and isinstance(k.value, ast.Constant)), None)
            idx = 2 if name in THIRD else 1
            if code is None and len(node.args) > idx and isinstance(node.args[idx], ast.Constant):
                code = node.args[idx].value
            if isinstance(code, str):
                found.setdefault(code, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_code_given_is_in_the_catalogue():
    used = codes_in_program()
    missing = {c: where for c, where in used.items() if c not in CODES}
    assert missing == {}


def test_every_catalogued_code_is_given_somewhere():
    assert sorted(set(CODES) - set(codes_in_program())) == []


def test_codes_are_plain_snake_case_with_two_descriptions():
    for code, (text_id, text_en) in CODES.items():
        assert code.replace("_", "").isalnum() and code == code.lower(), code
        assert text_id and text_en, code


def test_docs_errors_md_is_generated_from_the_catalogue():
    assert (ROOT / "docs" / "errors.md").read_text(encoding="utf-8") == codes_markdown()


def test_the_operating_system_s_refusals_are_said_in_indonesian_with_their_name():
    import errno

    from recap_app.core.errors import os_text

    assert os_text(FileNotFoundError(errno.ENOENT, "No such file or directory")) == "tidak ada, ENOENT"
    assert os_text(PermissionError(errno.EACCES, "Permission denied")) == "izin ditolak, EACCES"
    assert os_text(OSError(errno.ENOSPC, "No space left on device")) == "disk penuh, ENOSPC"
    assert os_text(OSError(errno.EOWNERDEAD, "Owner died")) == "Owner died"  # unusual: the system's words
    assert os_text(OSError("no errno at all")) == "no errno at all"


def test_a_missing_file_to_import_is_named_in_indonesian(tmp_path):
    from click.testing import CliRunner

    from recap_app.cli import main

    db = tmp_path / "w.sqlite"
    assert CliRunner().invoke(main, ["init", "--election", "pilpres-2019-jateng", "--db", str(db)]).exit_code == 0
    r = CliRunner().invoke(main, ["import", "--db", str(db), str(tmp_path / "tidak-ada.xlsx")])
    assert r.exit_code == 1 and "tidak-ada.xlsx tidak dapat dibaca (tidak ada, ENOENT)" in r.output
    assert "No such file" not in r.output


def test_english_names_a_refusal_by_its_own_sentence_or_its_codes_meaning():
    from recap_app.core.errors import RecapError, english

    assert english(RecapError("Berkas a.xlsx kosong.", "empty")) == "Empty file. [empty]"
    assert english(RecapError("Disk penuh saat menyimpan.", "disk_full")) == "Disk full; nothing changed. [disk_full]"
    assert english(RecapError("x", "not_in_catalogue")) == "The program refused this. [not_in_catalogue]"
    own = RecapError("Kata sandi tidak boleh memuat nama pengguna.", "weak_password",
                     english="The password may not contain the user name.")
    assert english(own) == "The password may not contain the user name. [weak_password]"
    assert own.message == str(own) == "Kata sandi tidak boleh memuat nama pengguna."  # the record stays Indonesian
    assert all(en.strip() and en == en.strip() for _, en in CODES.values())
