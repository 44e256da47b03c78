"""Accounts, passwords, open mode, separation of duties, and the CLI that manages them."""

import sqlite3

import pytest
from argon2 import PasswordHasher
from click.testing import CliRunner

from recap_app.cli import main
from recap_app.core import audit, auth, certificate
from recap_app.core.demo import real_certificates
from recap_app.core.errors import NotAllowed, RecapError
from recap_app.core.store import Workspace


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch):
    """Argon2id with small parameters: same code path, a fraction of the time."""
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def audit_count(ws):
    return ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env or {}, catch_exceptions=False)


# ----------------------------------------------------------------- open mode
def test_open_mode_lets_any_named_user_act(ws):
    assert auth.open_mode(ws)
    assert auth.authenticate(ws, "siti") == "siti"
    assert auth.authenticate(ws, None) == "tester"  # RECAP_USER (conftest)
    for p in auth.PERMISSIONS:
        auth.require(ws, "siti", p)
    with pytest.raises(NotAllowed, match="^Nama pengguna yang bertindak harus diisi.$"):
        auth.require(ws, "  ", "import")


def test_first_account_must_be_admin_and_nothing_is_written(ws):
    n = audit_count(ws)
    with pytest.raises(RecapError) as ei:
        auth.add_user(ws, "siti", "ani", "operator", "Gunung-sindoro-24-kabut")
    assert ei.value.message == "Akun pertama harus admin (bukan operator), agar ada yang dapat mengelola pengguna."
    assert audit_count(ws) == n and auth.open_mode(ws)


# ----------------------------------------------------------------- accounts and passwords
@pytest.fixture
def staffed(ws):
    auth.add_user(ws, "pendiri", "Kepala", "admin", "Gunung-ungaran-59-kabut")
    auth.add_user(ws, "Kepala", "ani", "operator", "Gunung-dieng-66-kabut")
    auth.add_user(ws, "Kepala", "budi", "verifikator", "Gunung-prau-73-kabut")
    auth.add_user(ws, "Kepala", "ketua", "ketua", "Gunung-kendeng-94-kabut")
    return ws


def test_login(staffed):
    assert not auth.open_mode(staffed)
    assert auth.authenticate(staffed, "kepala", "Gunung-ungaran-59-kabut") == "Kepala"  # stored spelling
    bad = "Nama pengguna atau kata sandi salah untuk 'kepala'."
    with pytest.raises(NotAllowed, match=f"^{bad}$"):
        auth.authenticate(staffed, "kepala", "salah-salah")
    with pytest.raises(NotAllowed, match="^Nama pengguna atau kata sandi salah untuk 'hantu'.$"):
        auth.authenticate(staffed, "hantu", "apa-saja-x")
    failed = [(r.actor, r.entity, r.after) for r in audit.query(staffed, action="user.login_failed",
                                                                 newest_first=False)]
    assert failed == [("kepala", "user:kepala", {"reason": "bad_password"}),
                      ("hantu", "user:hantu", {"reason": "unknown_user"})]
    assert audit.verify_chain(staffed).ok


def test_password_from_environment_and_never_a_blocking_prompt(staffed, monkeypatch):
    with pytest.raises(auth.PasswordNeeded) as ei:  # pytest's stdin is not a terminal
        auth.authenticate(staffed, "ani")
    assert ei.value.message == ("Kata sandi diperlukan: ruang kerja ini memakai akun pengguna. Isi variabel "
                                "RECAP_PASSWORD atau jalankan perintah di terminal agar kata sandi dapat ditanyakan.")
    monkeypatch.setenv("RECAP_PASSWORD", "Gunung-dieng-66-kabut")
    assert auth.authenticate(staffed, "ani") == "ani"


def test_passwords_are_argon2id_hashes_never_plain_text(staffed):
    hashes = [r[0] for r in staffed.conn.execute("SELECT password_hash FROM user_account")]
    assert len(hashes) == 4 and all(h.startswith("$argon2id$") for h in hashes)
    staffed.close()
    raw = staffed.path.read_bytes() + (staffed.path.with_name("ws.sqlite-wal").read_bytes()
                                       if staffed.path.with_name("ws.sqlite-wal").exists() else b"")
    for pw in (b"Gunung-ungaran-59-kabut", b"Gunung-dieng-66-kabut", b"Gunung-prau-73-kabut", b"Gunung-kendeng-94-kabut"):
        assert pw not in raw


def test_default_hasher_is_memory_hard():
    h = PasswordHasher()  # what auth.HASHER is outside tests
    assert h.memory_cost >= 65536 and h.time_cost >= 3


def test_bad_accounts_refused(staffed):
    cases = [
        (("ANI", "operator", "Gunung-sewu-101-kabut"), "Nama pengguna 'ANI' sudah dipakai."),
        (("dewi", "bos", "Gunung-andong-80-kabut"), "Peran 'bos' tidak dikenal; pilih salah satu: operator, verifikator, "
                                         "ketua, admin."),
        (("dewi", "operator", "pendek"), "Kata sandi terlalu pendek: 6 karakter; minimal 10."),
        (("", "operator", "Gunung-andong-80-kabut"), "Nama pengguna '' tidak sah: diharapkan 1 sampai 64 karakter."),
    ]
    n = audit_count(staffed)
    for args, msg in cases:
        with pytest.raises(RecapError) as ei:
            auth.add_user(staffed, "Kepala", *args)
        assert ei.value.message == msg
    with pytest.raises(NotAllowed, match="tidak berhak mengelola akun pengguna"):
        auth.add_user(staffed, "ani", "dewi", "operator", "Gunung-andong-80-kabut")
    assert audit_count(staffed) == n


def test_disable_role_and_last_admin(staffed):
    auth.set_active(staffed, "Kepala", "ani", False)
    with pytest.raises(NotAllowed, match="^Akun 'ani' dinonaktifkan; hubungi admin.$"):
        auth.authenticate(staffed, "ani", "Gunung-dieng-66-kabut")
    with pytest.raises(NotAllowed, match="^Akun 'ani' dinonaktifkan; hubungi admin.$"):
        auth.require(staffed, "ani", "import")
    auth.set_active(staffed, "Kepala", "ani", True)
    auth.require(staffed, "ani", "import")
    with pytest.raises(RecapError, match="^'Kepala' adalah admin aktif terakhir; tidak dapat dinonaktifkan.$"):
        auth.set_active(staffed, "Kepala", "Kepala", False)
    with pytest.raises(RecapError, match="^'Kepala' adalah admin aktif terakhir; perannya tidak dapat diubah.$"):
        auth.set_role(staffed, "Kepala", "Kepala", "ketua")
    auth.set_role(staffed, "Kepala", "budi", "ketua")
    assert auth.role_of(staffed, "budi") == "ketua"


def test_password_change_own_or_by_admin(staffed):
    auth.set_password(staffed, "ani", "ani", "baru-sekali")
    assert auth.authenticate(staffed, "ani", "baru-sekali") == "ani"
    with pytest.raises(NotAllowed):
        auth.set_password(staffed, "ani", "budi", "curian-123")
    auth.set_password(staffed, "Kepala", "budi", "diganti-admin")
    assert auth.authenticate(staffed, "budi", "diganti-admin") == "budi"


def test_every_account_change_is_audited_with_the_user(staffed):
    rows = staffed.conn.execute("SELECT actor, action, entity, after FROM audit WHERE action LIKE 'user.%' "
                                "ORDER BY id").fetchall()
    assert rows == [
        ("pendiri", "user.add", "user:Kepala", '{"first_account": true, "role": "admin"}'),
        ("Kepala", "user.add", "user:ani", '{"first_account": false, "role": "operator"}'),
        ("Kepala", "user.add", "user:budi", '{"first_account": false, "role": "verifikator"}'),
        ("Kepala", "user.add", "user:ketua", '{"first_account": false, "role": "ketua"}'),
    ]


# ----------------------------------------------------------------- separation of duties
def test_who_entered_a_certificate_cannot_verify_it(ws):
    cols, values = real_certificates()["33.19"]
    auth.check_separation(ws, "ani", "33.19")  # nothing entered yet: nothing to separate
    certificate.record_revision(ws, "33.19", cols, values, actor="ani")
    with pytest.raises(NotAllowed) as ei:
        auth.check_separation(ws, " ANI ", "33.19")
    assert ei.value.code == "separation"
    assert ei.value.message == ("Pemisahan tugas: 'ANI' memasukkan sertifikat 33.19 (revisi 1), jadi tidak boleh "
                                "melakukan entri kedua atau memverifikasinya (menjelaskan, mengesampingkan, menetapkan). Minta pengguna lain, atau bertindak dengan namanya (--user).")
    auth.check_separation(ws, "budi", "33.19")
    certificate.record_revision(ws, "33.19", cols, values, actor="budi", reason="koreksi")
    auth.check_separation(ws, "ani", "33.19")  # the current revision is budi's now
    with pytest.raises(NotAllowed):
        auth.check_separation(ws, "budi", "33.19")


# ----------------------------------------------------------------- CLI
def test_cli_open_mode_without_user_never_prompts(tmp_path):
    db = tmp_path / "a.sqlite"
    r = run("init", "--election", "pilpres-2019-jateng", "--db", db)
    assert r.exit_code == 0 and "Catatan" not in r.output
    r = run("users", "list", "--db", db)
    assert r.exit_code == 0
    assert r.output == "Belum ada akun: ruang kerja dalam mode terbuka (siapa pun dapat bertindak tanpa kata sandi).\n"


def test_cli_init_with_user_but_no_password_stays_open(tmp_path):
    db = tmp_path / "a.sqlite"
    r = run("init", "--election", "pilpres-2019-jateng", "--db", db, "--user", "kepala")
    assert r.exit_code == 0
    assert "mode terbuka; buat admin dengan: recap users add NAMA --role admin" in r.output
    with Workspace.open(db) as w:
        assert auth.open_mode(w)


def test_cli_init_creates_first_admin_then_passwords_are_needed(tmp_path):
    db = tmp_path / "a.sqlite"
    r = run("init", "--election", "pilpres-2019-jateng", "--db", db, "--user", "kepala",
            env={"RECAP_PASSWORD": "Gunung-telomoyo-87-kabut"})
    assert r.exit_code == 0, r.output
    assert "Admin pertama dibuat: kepala." in r.output
    r = run("users", "list", "--db", db, "--user", "kepala")
    assert r.exit_code == 1 and "Galat: Kata sandi diperlukan" in r.output
    r = run("users", "add", "ani", "--role", "operator", "--db", db, "--user", "kepala",
            env={"RECAP_PASSWORD": "Gunung-telomoyo-87-kabut", "RECAP_NEW_PASSWORD": "Gunung-dieng-66-kabut"})
    assert r.exit_code == 0 and r.output == "Akun dibuat: ani (peran operator).\n"
    r = run("users", "list", "--db", db, "--user", "kepala", "--format", "json",
            env={"RECAP_PASSWORD": "Gunung-telomoyo-87-kabut"})
    assert r.exit_code == 0
    assert '"name": "ani"' in r.output and '"role": "operator"' in r.output
    r = run("users", "list", "--db", db, "--user", "ani", env={"RECAP_PASSWORD": "Gunung-dieng-66-kabut"})
    assert r.exit_code == 1
    assert r.output == ("Galat: Pengguna 'ani' (peran operator) tidak berhak mengelola akun pengguna "
                        "(izin 'users'; dimiliki peran: admin).\n")
    r = run("users", "add", "budi", "--role", "verifikator", "--db", db, "--user", "kepala",
            env={"RECAP_PASSWORD": "Gunung-telomoyo-87-kabut"})
    assert r.exit_code == 1 and "Kata sandi baru untuk 'budi' diperlukan" in r.output


def test_cli_init_short_password_creates_nothing(tmp_path):
    db = tmp_path / "a.sqlite"
    r = run("init", "--election", "pilpres-2019-jateng", "--db", db, "--user", "kepala",
            env={"RECAP_PASSWORD": "pendek"})
    assert r.exit_code == 1 and r.output == "Galat: Kata sandi terlalu pendek: 6 karakter; minimal 10.\n"
    assert not db.exists()


def test_audit_seal_refuses_writes_from_other_tools(ws):
    raw = sqlite3.connect(ws.path)
    with pytest.raises(sqlite3.OperationalError, match="no such function: recap_audit_seal"):
        raw.execute("INSERT INTO audit (id, at, actor, action, entity, prev_hash, hash) "
                    "VALUES (999, 'x', 'x', 'x', 'x', 'x', 'x')")
    with pytest.raises(sqlite3.OperationalError, match="no such function: recap_audit_seal"):
        raw.execute("UPDATE audit_seal SET n = 0")
    raw.close()


# --------------------------------------------------------------------- names and passwords at the boundary
@pytest.mark.parametrize("password", ["12345678901", "password12", "          ", "Kepala-Kepala", "kepala2024!"])
def test_weak_passwords_are_refused(staffed, password):
    with pytest.raises(RecapError) as e:
        auth.set_password(staffed, "Kepala", "Kepala", password)
    assert e.value.code == "weak_password"


def test_passwords_are_compared_in_their_composed_form(staffed):
    composed, decomposed = "Gunung-m\u00e9rapi-42-kabut", "Gunung-me\u0301rapi-42-kabut"
    auth.set_password(staffed, "Kepala", "ani", decomposed)
    assert auth.authenticate(staffed, "ani", composed) == "ani"


def test_a_confusable_name_is_refused(staffed):
    with pytest.raises(RecapError) as e:
        auth.add_user(staffed, "Kepala", "\u043ep1", "operator", "Gunung-andong-80-kabut")  # Cyrillic o
    assert e.value.code == "bad_name" and "U+043E" in e.value.message
    with pytest.raises(RecapError) as e:
        auth.add_user(staffed, "Kepala", "\u00c1ni", "operator", "Gunung-andong-80-kabut")  # Áni beside ani
    assert e.value.code == "name_taken" and "mirip dengan akun 'ani'" in e.value.message


def test_a_name_with_control_characters_cannot_forge_a_log_line(staffed):
    from recap_app.core.text import shown

    with pytest.raises(NotAllowed):
        auth.authenticate(staffed, "ani\n2026-12-01 ketua certificate.adopt", "salah-sekali-99")
    row = staffed.conn.execute("SELECT actor FROM audit ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert row == "ani 2026-12-01 ketua certificate.adopt"  # the line break is gone: one line
    with pytest.raises(NotAllowed):
        auth.authenticate(staffed, "ani\x1b[2J", "salah-sekali-99")
    row = staffed.conn.execute("SELECT actor FROM audit ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert shown(row) == "ani\\x1b[2J"  # listings show the escape, never act on it


def test_an_unknown_name_costs_the_same_hash_as_a_wrong_password(staffed, monkeypatch):
    calls = []
    real = auth.HASHER

    class Counting:
        def hash(self, p):
            return real.hash(p)

        def verify(self, h, p):
            calls.append(h)
            return real.verify(h, p)

    monkeypatch.setattr(auth, "HASHER", Counting())
    for name in ("ani", "tidakada"):
        with pytest.raises(NotAllowed):
            auth.authenticate(staffed, name, "salah-sekali-99")
    assert len(calls) == 2  # one Argon2 verification each: the time does not tell the name is unknown
