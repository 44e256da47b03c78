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
    assert "Cara pakai: main [OPTIONS] COMMAND [ARGS]..." in r.output and "Perintah:" in r.output
