"""click's own messages speak Indonesian (recap_app/cli_i18n.py)."""

from click.testing import CliRunner

from recap_app.cli import main


def test_usage_errors_in_indonesian(tmp_path):
    r = CliRunner().invoke(main, ["status", "--format", "xml"])
    assert r.exit_code == 2
    assert "Galat: Nilai tidak sah untuk '--format': 'xml' bukan salah satu dari 'text', 'json'." in r.output
    r = CliRunner().invoke(main, ["print"])
    assert "Galat: Pilihan wajib belum diisi '--out'." in r.output
    r = CliRunner().invoke(main, ["nope"])
    assert "Galat: Perintah 'nope' tidak ada." in r.output
    r = CliRunner().invoke(main, ["--help"])
    assert "Cara pakai: main [PILIHAN] PERINTAH [ARGUMEN]..." in r.output and "Perintah:" in r.output


def test_placeholders_and_required_in_indonesian_and_in_english(monkeypatch):
    """The usage line, the value placeholders and click's "[required]" speak the command line's
    language: "[PILIHAN] BERKAS...", "--db BERKAS", "[wajib]"; English with RECAP_LANG=en."""
    r = CliRunner().invoke(main, ["import", "--help"])
    assert r.output.startswith("Cara pakai: main import [PILIHAN] BERKAS...\n")
    assert "--db BERKAS " in r.output and "--user TEKS " in r.output
    r = CliRunner().invoke(main, ["bundle", "export", "--help"])
    assert "--out BERKAS" in r.output and "[wajib]" in r.output and "--since BILANGAN" in r.output
    r = CliRunner().invoke(main, ["bundle", "--help"])
    assert r.output.startswith("Cara pakai: main bundle [PILIHAN] PERINTAH [ARGUMEN]...\n")
    from recap_app import cli_i18n

    assert cli_i18n.metavar("[FILE]") == "[BERKAS]" and cli_i18n.metavar("[a4|f4]") == "[a4|f4]"
    assert cli_i18n.metavar("NOMOR_URUT") == "NOMOR_URUT"
    monkeypatch.setenv("RECAP_LANG", "en")
    assert cli_i18n.metavar("FILES...") == "FILES..." and cli_i18n.text("[OPTIONS]") == "[OPTIONS]"
