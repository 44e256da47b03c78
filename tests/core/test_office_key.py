"""The office key file: made whole or not at all, never over its public copy, never by a command
that only shows it, refused with a message that says what to do (docs/security.md, "The office key")."""

from __future__ import annotations

import json
import os
import stat

import pytest
from click.testing import CliRunner
from test_bundle_helpers import db_hash

from recap_app.cli import main
from recap_app.core import anchors, auth, office_key
from recap_app.core.bundle import export
from recap_app.core.office_key import OfficeKeyError, default_key_path, load_identity
from recap_app.core.store import Workspace

STRONG = "kabut-pagi-di-dieng-2019"


def test_a_new_key_is_whole_private_and_alone_in_its_folder():
    ident = load_identity()
    path = default_key_path()
    assert ident.created and path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert sorted(p.name for p in path.parent.iterdir()) == ["kantor_ed25519.pem", "kantor_ed25519.pub"]
    again = load_identity()
    assert not again.created and again.fingerprint == ident.fingerprint


def test_a_key_interrupted_while_it_is_made_leaves_nothing(monkeypatch):
    """The key is written under a temporary name and linked into place: stopped before the link,
    the key's name does not exist (a reader never sees a half key) and the temporary file is gone."""
    def stop(*_a):
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(office_key.os, "link", stop)
        with pytest.raises(KeyboardInterrupt):
            load_identity()
    assert list(default_key_path().parent.iterdir()) == []
    assert load_identity().created


def test_a_key_made_meanwhile_by_another_process_is_the_one_used(monkeypatch, tmp_path):
    theirs = load_identity(tmp_path / "lain.pem")
    real_link = os.link

    def race(src, dst):  # the other process links its key first
        real_link(theirs.path, dst)
        return real_link(src, dst)

    monkeypatch.setattr(office_key.os, "link", race)
    mine = load_identity()
    assert not mine.created and mine.fingerprint == theirs.fingerprint
    assert not [p for p in default_key_path().parent.iterdir() if p.name.endswith(".baru")]


def test_an_empty_or_damaged_key_file_is_named_with_what_to_do():
    path = default_key_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    path.chmod(0o600)
    with pytest.raises(OfficeKeyError) as exc:
        load_identity()
    assert exc.value.code == "bad_key"
    assert exc.value.message == (
        f"Berkas kunci kantor {path} kosong (0 bita): kunci tidak dapat dipakai. Pulihkan berkas itu dari salinan "
        "kunci kantor; bila kunci ini belum pernah menandatangani apa pun, hapus berkas itu agar kunci baru dibuat "
        "(kantor penerima lalu perlu sidik yang baru).")
    path.write_bytes(b"-----BEGIN PRIVATE KEY-----\nbukan kunci\n")
    with pytest.raises(OfficeKeyError) as exc:
        load_identity()
    assert "rusak atau bukan kunci PEM: kunci tidak dapat dipakai." in exc.value.message
    assert "http" not in exc.value.message and "Unable" not in exc.value.message  # no library English


def test_the_public_copy_is_never_taken_for_the_key(tmp_path):
    """A key path ending in .pub is the name of the public copy written beside a key: refused,
    nothing is written (it was once the same file, and the public copy overwrote the key)."""
    with pytest.raises(OfficeKeyError) as exc:
        load_identity(tmp_path / "k.pub")
    assert exc.value.code == "bad_key" and ".pub" in exc.value.message
    assert not (tmp_path / "k.pub").exists()
    folder = tmp_path / "bukan-berkas"
    folder.mkdir(mode=0o755)
    with pytest.raises(OfficeKeyError) as exc:
        load_identity(folder)
    assert exc.value.message == (f"Kunci kantor {folder} bukan berkas biasa (folder, perangkat atau tautan ke sana); "
                                 "diharapkan berkas kunci (.pem).")


def test_keys_show_never_makes_a_key():
    r = CliRunner().invoke(main, ["keys", "show"])
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Galat: Belum ada kunci kantor di komputer ini ({default_key_path()}).")
    assert not default_key_path().exists()
    ident = load_identity()
    r = CliRunner().invoke(main, ["keys", "show", "--format", "json"])
    assert json.loads(r.stdout)["fingerprint"] == ident.fingerprint


def test_a_refused_export_or_publication_makes_no_key(demo_ws, tmp_path):
    demo_ws.close()
    db = str(demo_ws.path)
    foreign = tmp_path / "situs"
    foreign.mkdir()
    (foreign / "catatan.txt").write_text("milik orang lain")
    for args in (["bundle", "export", "--db", db, "--out", str(tmp_path / "tidak-ada" / "b.zip")],
                 ["bundle", "export", "--db", db, "--out", db],
                 ["publish", "--db", db, "--out", str(foreign)],
                 ["publish", "--db", db, "--out", str(tmp_path / "tidak-ada" / "situs")]):
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 1 and "tidak ada yang ditulis" in r.stderr.lower(), (args, r.output)
        assert not default_key_path().exists(), args
    r = CliRunner().invoke(main, ["bundle", "export", "--db", db, "--out", str(tmp_path / "b.zip")])
    assert r.exit_code == 0 and "Kunci kantor baru dibuat" in r.stdout  # the first real signature says so


def test_a_long_passphrase_is_taken_and_a_too_long_one_refused_in_words():
    long = "kabut turun pelan di dataran tinggi dieng " * 5  # 210 characters
    assert auth.check_password(long) == long
    with pytest.raises(Exception) as exc:
        auth.check_password(long * 2)
    assert exc.value.code == "weak_password" and "maksimal 255" in exc.value.message
    ident = load_identity(passphrase=long)
    assert ident.protected and load_identity(create=False, passphrase=long).fingerprint == ident.fingerprint
    with pytest.raises(OfficeKeyError) as exc:  # longer than the library takes: a wrong passphrase, said as such
        load_identity(create=False, passphrase="x" * 2000)
    assert exc.value.code == "bad_passphrase"


def test_protecting_the_key_while_another_process_makes_it_protects_that_key(demo_ws, monkeypatch):
    """`recap keys passphrase` finds no key, and an open-mode export makes one (unprotected) in that
    instant: the passphrase is set on the key that is there, never reported over a bare key."""
    real = office_key.load_identity

    def made_meanwhile(path=None, create=True, passphrase=None):
        if create and not default_key_path().exists():
            real(default_key_path(), passphrase="")  # the other process: a key without a passphrase
        return real(path, create=create, passphrase=passphrase)

    monkeypatch.setattr(office_key, "load_identity", made_meanwhile)
    ident = anchors.protect_key(demo_ws, "tester", None, STRONG)
    assert ident.protected and office_key.is_protected()
    assert real(create=False, passphrase=STRONG).fingerprint == ident.fingerprint


def test_a_bundle_takes_its_name_only_after_its_record(demo_ws, tmp_path, monkeypatch):
    """Stopped between the commit and the rename, the export leaves its record and no bundle
    under the name (never a signed bundle the sending office has no record of)."""
    load_identity()

    real = os.replace

    def stop(src, dst):  # killed just before the bundle is renamed (other renames go on)
        if os.fspath(dst) == os.fspath(tmp_path / "b.zip"):
            raise KeyboardInterrupt
        return real(src, dst)

    with monkeypatch.context() as m:
        m.setattr(export.os, "replace", stop)
        with pytest.raises(KeyboardInterrupt):
            export.export_bundle(demo_ws, tmp_path / "b.zip", "tester")
    assert not (tmp_path / "b.zip").exists()
    assert demo_ws.conn.execute("SELECT sequence, file_name FROM bundle_export").fetchall() == [(1, "b.zip")]
    before = db_hash(demo_ws)
    r = export.export_bundle(demo_ws, tmp_path / "b.zip", "tester")  # the clerk makes it again: the next number
    assert r.sequence == 2 and (tmp_path / "b.zip").exists() and db_hash(demo_ws) != before


def test_a_workspace_with_accounts_signs_only_after_the_ketua_made_the_key(demo_ws, tmp_path, monkeypatch):
    auth.add_user(demo_ws, "admin", "admin", "admin", STRONG)
    auth.add_user(demo_ws, "admin", "operator1", "operator", "Gunung-slamet-38-kabut")
    monkeypatch.setenv("RECAP_KEY_PASSPHRASE", STRONG)
    with pytest.raises(OfficeKeyError) as exc:  # an operator's anchor makes no key either
        anchors.sign(demo_ws, "operator1", "manual")
    assert exc.value.code == "no_key" and not default_key_path().exists()
    from recap_app.core.errors import english

    assert english(exc.value).startswith("There is no office key yet (")  # the English window keeps the advice
    assert "recap keys passphrase (in the window: File › Users and roles, Office key passphrase)." in english(exc.value)
    with Workspace.open(demo_ws.path, readonly=True) as other:
        assert other.conn.execute("SELECT COUNT(*) FROM anchor").fetchone()[0] == 0


def test_no_output_is_ever_written_over_a_key_file(demo_ws, tmp_path):
    """The key, its public copy, any PEM key or `ed25519:` text: refused as an output like a
    workspace is (a bundle once overwrote the office key given as --out)."""
    ident = load_identity()
    demo_ws.close()
    db = str(demo_ws.path)
    key, pub = default_key_path(), office_key.public_path()
    before = (key.read_bytes(), pub.read_bytes())
    for args in (["bundle", "export", "--db", db, "--out", str(key)],
                 ["bundle", "export", "--db", db, "--out", str(pub)],
                 ["publish", "--db", db, "--out", str(tmp_path / "situs"), "--changed-list", str(key)],
                 ["print", "--db", db, "--out", str(key)]):
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 1, (args, r.output)
        assert "adalah berkas kunci (kunci kantor atau kunci publiknya); berkas itu tidak ditimpa" in r.stderr, args
    assert (key.read_bytes(), pub.read_bytes()) == before and stat.S_IMODE(key.stat().st_mode) == 0o600
    assert load_identity(create=False).fingerprint == ident.fingerprint


def test_a_refusal_after_the_checks_of_the_path_makes_no_key_either(demo_ws, tmp_path, monkeypatch):
    from recap_app.core.publish import site

    demo_ws.close()
    db = str(demo_ws.path)
    r = CliRunner().invoke(main, ["bundle", "export", "--db", db, "--out", str(tmp_path / "b.zip"), "--since", "999"])
    assert r.exit_code == 1 and "999" in r.stderr and not default_key_path().exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".b.zip")]  # its temporary file is gone too

    def refused(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(site.tempfile, "mkdtemp", refused)
    r = CliRunner().invoke(main, ["publish", "--db", db, "--out", str(tmp_path / "situs")])
    assert r.exit_code == 1 and "tidak dapat ditulis" in r.stderr and not default_key_path().exists()


def test_an_anchor_that_makes_the_key_says_so(demo_ws):
    demo_ws.close()
    r = CliRunner().invoke(main, ["audit", "anchor", "--db", str(demo_ws.path)])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[-1].startswith(f"Kunci kantor baru dibuat: {default_key_path()} (sidik ")
    assert r.stderr.startswith(f"Peringatan: kunci kantor {default_key_path()} tidak dilindungi kata sandi")
    r = CliRunner().invoke(main, ["audit", "anchor", "--db", str(demo_ws.path), "--format", "json"])
    said = json.loads(r.stdout)
    assert (said["key_created"], said["key_protected"], len(said["key_notes"])) == (False, False, 1)


def test_a_passphrase_that_is_not_text_is_refused_in_words(demo_ws, tmp_path, monkeypatch):
    """Bytes of another encoding in an environment variable reach Python as lone surrogates:
    refused with the variable named, never a traceback, nothing made."""
    demo_ws.close()
    monkeypatch.setenv("RECAP_KEY_PASSPHRASE", "Gajah-Terbang\udcff\udcfeMalam-77")
    r = CliRunner().invoke(main, ["bundle", "export", "--db", str(demo_ws.path), "--out", str(tmp_path / "b.zip")])
    assert r.exit_code == 1
    assert r.stderr.startswith("Galat: Kata sandi kunci kantor (RECAP_KEY_PASSPHRASE) memuat bita yang bukan teks "
                               "UTF-8")
    assert not default_key_path().exists() and not (tmp_path / "b.zip").exists()
    with pytest.raises(Exception) as exc:
        auth.check_password("Gajah-Terbang\udcffMalam-77")
    assert exc.value.code == "bad_secret_text"


def test_key_names_that_are_not_keys_are_refused_before_any_advice(demo_ws, tmp_path):
    with pytest.raises(OfficeKeyError) as exc:
        load_identity(tmp_path / "k.PUB")
    assert ".pub" in exc.value.message and not (tmp_path / "k.PUB").exists()
    os.chmod(demo_ws.path, 0o644)
    with pytest.raises(OfficeKeyError) as exc:  # not "chmod 600" and then "delete it" for a workspace
        load_identity(demo_ws.path)
    assert exc.value.message == (f"Berkas {demo_ws.path} adalah basis data SQLite (ruang kerja atau cadangan), bukan "
                                 "kunci kantor; berikan berkas kunci (.pem).")


def test_a_foreign_file_under_the_public_copy_name_is_left_alone(tmp_path):
    (tmp_path / "lain.pub").write_text("catatan orang lain\n")
    load_identity(tmp_path / "lain.pem")
    assert (tmp_path / "lain.pub").read_text() == "catatan orang lain\n"


def test_the_program_s_key_folder_is_made_private_when_a_key_is_made_in_it():
    folder = default_key_path().parent
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    load_identity()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_keys_show_says_whether_a_workspace_signs_with_the_key(demo_ws):
    load_identity()  # no passphrase
    db = str(demo_ws.path)
    r = CliRunner().invoke(main, ["keys", "show", "--db", db])
    assert r.stdout.splitlines()[-1] == (f"Ruang kerja {db}: tanpa akun; menandatangani dengan kunci ini, dengan "
                                         "peringatan di setiap tanda tangan.")
    auth.add_user(demo_ws, "tester", "admin1", "admin", STRONG)
    demo_ws.close()
    r = CliRunner().invoke(main, ["keys", "show", "--db", db, "--format", "json"])
    assert json.loads(r.stdout)["workspace"] == {"path": db, "accounts": True, "usable": False}
    r = CliRunner().invoke(main, ["keys", "show", "--db", db])
    assert r.stdout.splitlines()[-1] == (f"Ruang kerja {db}: memakai akun; TIDAK menandatangani dengan kunci ini "
                                         "sebelum berkata sandi (recap keys passphrase).")
    office_key.change_passphrase(None, None, STRONG)
    r = CliRunner().invoke(main, ["keys", "show", "--db", db])
    assert r.stdout.splitlines()[-1] == f"Ruang kerja {db}: memakai akun; menandatangani dengan kunci ini."
