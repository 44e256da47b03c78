"""CLI commands: check, explain, override, adopt, reopen, compare, entry2 (a thin layer over
recap_app.core.reconcile, compare and double_entry)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import common as cmd


def _blank_rows(form, blank_fields) -> str:
    """Blank fields as form rows: "I.A.2, I.A.3 (LK), V.B" (a row named alone is blank whole)."""
    blank = set(blank_fields)
    parts = []
    for row in form.rows:
        keys = [f.key for f in row.fields]
        hit = [f for f in row.fields if f.key in blank]
        if not hit:
            continue
        if len(hit) == len(keys):
            parts.append(row.number)
        else:
            parts.append(f"{row.number} ({', '.join(f.sex or f.key for f in hit)})")
    return ", ".join(parts)


def _grouped_text(election, fs, status_rows) -> list[str]:
    """Findings as lines a clerk can read: per regency, blank fields (W.602) on one line."""
    from ..core.domain import JUMLAH
    from ..core.formatting import local_time

    lines: list[str] = []
    by_region: dict[str, list] = {}
    for f in fs:
        by_region.setdefault(f.region, []).append(f)
    names = {r["kode"]: (r["nama"], r["status"]) for r in status_rows}
    order = [r["kode"] for r in status_rows] + [k for k in by_region if k not in names]
    for kode in order:
        items = by_region.get(kode)
        if not items:
            continue
        nama, status = names.get(kode, (election.office_title.title() if election else "Provinsi", ""))
        lines.append(f"{kode} {nama}" + (f" — {status}" if status else ""))
        blanks = [f for f in items if f.code == "W.602"]
        for f in items:
            if f.code == "W.602":
                continue
            sev = "KESALAHAN" if f.severity == "error" else "peringatan"
            where = " ".join(x for x in (f.column, f.field) if x)  # the column and field it is about, if any
            lines.append(f"  {f.code} {sev}" + (f" [{where}]" if where else "") + f": {f.message}")
            lines.append(f"      kunci (explain --key KUNCI, override KUNCI ALASAN): {f.key}")
            if f.explanation:
                lines.append(f"      penjelasan ({f.explanation['by']}, {local_time(f.explanation['at'])}): "
                             f"{f.explanation['text']}")
            if f.override:
                lines.append(f"      dikesampingkan ketua ({f.override['by']}, {local_time(f.override['at'])}): "
                             f"{f.override['reason']}")
        if blanks:
            open_ = [f for f in blanks if not f.resolved]
            everywhere = [f.field for f in blanks if len(f.columns) > 1 or f.columns == (JUMLAH,)]
            lines.append(f"  W.602 peringatan: {len(blanks)} isian kosong (kosong bukan nol; "
                         f"{len(blanks) - len(open_)} sudah dijelaskan), baris {_blank_rows(election.form_at(kode), [f.field for f in blanks])}")
            if len(everywhere) < len(blanks):
                for f in blanks:
                    if f.field not in everywhere:
                        lines.append(f"      {f.message}")
            if open_:
                lines.append(f"      jelaskan sekaligus (oleh pemeriksa, bukan yang memasukkan): recap explain --user "
                             f"NAMA_PEMERIKSA --code W.602 --region {kode} \"PENJELASAN\"")
    return lines


def register(main):
    """Attach check, explain, override, adopt, reopen, compare and the entry2 group to `recap`."""

    @cmd.write_command(main, "check")
    @cmd.format_option
    @click.option("--strict", is_flag=True, help="Status keluar 1 bila ada kesalahan yang belum diselesaikan.")
    @click.option("--region", "region", default=None, help="Hanya temuan wilayah ini (kode).")
    def check_cmd(db, user, fmt, strict, region):
        """Periksa semua sertifikat dengan semua aturan dan catat temuannya.

        Status keluar 0 bila pemeriksaan berjalan, apa pun temuannya; dengan --strict, 1 bila
        ada kesalahan yang belum diperbaiki atau dikesampingkan ketua.
        """
        from ..core import certificate, reconcile
        from ..core.clock import default_actor
        from ..core.errors import WorkspaceError

        with cmd.open_ws(db) as ws:
            fs = None
            try:
                fs = reconcile.refresh_findings(ws, user or default_actor())  # the current findings, stored
            except WorkspaceError as exc:  # a read-only file: report without storing; never past a forgery
                if exc.code != "readonly":
                    raise
            latest = ws.latest_values()  # the figures the findings are about, checked against the chain
            reconcile.verify_stored(ws, latest=latest)  # every rule run again: stored findings are what they give
            fs = reconcile.findings(ws) if fs is None else fs
            if region is not None:
                fs = [f for f in fs if f.region == region]
            status_rows = certificate.statuses(ws)
            election = ws.election
        open_errors = sum(1 for f in fs if f.severity == "error" and not f.resolved)
        if fmt == "json":
            cmd.emit_json([f.to_dict() for f in fs])
        else:
            errors = [f for f in fs if f.severity == "error"]
            warnings = [f for f in fs if f.severity == "warning"]
            received = sum(1 for r in status_rows if r["status"] != "belum masuk")
            from ..core.formatting import number

            click.echo(f"Pemeriksaan: {received} dari {len(status_rows)} sertifikat masuk; "
                       f"{number(len(errors))} kesalahan ({number(open_errors)} belum diselesaikan), "
                       f"{number(len(warnings))} peringatan ({number(sum(1 for f in warnings if not f.resolved))} "
                       "belum dijelaskan).")
            if any(f.code == "W.602" for f in fs):
                from ..core.domain import tier_word

                click.echo(f"Isian kosong (W.602) dihitung satu per isian, ditulis satu baris per "
                           f"{tier_word(election.child_tier)}; setiap temuan satu per satu: recap check --format json.")
            for line in _grouped_text(election, fs, status_rows):
                click.echo(line)
        if strict and open_errors:
            sys.exit(1)

    @cmd.write_command(main, "explain")
    @click.option("--key", "keys", multiple=True, help="Kunci temuan (lihat recap check); boleh berulang.")
    @click.option("--code", "code", default=None, help="Semua temuan dengan kode aturan ini (mis. W.602).")
    @click.option("--region", "region", default=None, help="Semua temuan wilayah ini (kode).")
    @click.argument("text")
    def explain_cmd(db, user, keys, code, region, text):
        """Catat penjelasan untuk temuan (siapa, kapan, teks)."""
        from ..core import reconcile
        from ..core.errors import RecapError

        if not keys and not code and not region:
            raise RecapError("Pilih temuan dengan --key, --code atau --region.", "usage")
        with cmd.acting(db, user) as (ws, actor):
            chosen = list(keys)
            if code or region:
                chosen += [f.key for f in reconcile.findings(ws, region) if code is None or f.code == code]
            if not chosen:
                raise RecapError("Tidak ada temuan yang cocok dengan pilihan itu.", "no_finding")
            n = reconcile.explain(ws, list(dict.fromkeys(chosen)), text, actor)
        click.echo(f"{n} temuan dijelaskan.")

    @cmd.write_command(main, "override")
    @click.argument("key")
    @click.argument("reason")
    def override_cmd(db, user, key, reason):
        """Ketua mengesampingkan satu kesalahan dengan alasan yang dicatat."""
        from ..core import reconcile

        with cmd.acting(db, user) as (ws, actor):
            reconcile.override(ws, key, reason, actor)
        click.echo(f"Kesalahan {key} dikesampingkan; alasan dicatat.")

    @cmd.write_command(main, "adopt")
    @click.argument("kode")
    @click.option("--revision", "revision", type=click.IntRange(min=1), default=None,
                  help="Nomor revisi yang sudah diperiksa: ditolak bila revisi terbaru bukan itu.")
    def adopt_cmd(db, user, kode, revision):
        """Tetapkan sertifikat kabupaten/kota (ditolak selama ada kesalahan yang belum diselesaikan)."""
        from ..core import certificate

        with cmd.acting(db, user) as (ws, actor):
            seen = certificate.revision_id_of(ws, kode, revision) if revision is not None else None
            rid = certificate.adopt(ws, kode, actor, seen=seen)
            number = ws.revision_info(rid).number
            still = certificate.open_warnings(ws, kode)
        click.echo(f"Sertifikat {kode} revisi {number} ditetapkan.")
        if still:  # as the window lists them before asking: adopted all the same, but said
            codes = sorted({f.code for f in still})
            click.echo(f"Perhatian: {len(still)} peringatan belum dijelaskan ({', '.join(codes)}); lihat: recap check "
                       f"--region {kode}")

    @cmd.write_command(main, "reopen")
    @click.argument("kode")
    @click.option("--reason", "reason", required=True, help="Alasan membuka kembali (dicatat).")
    def reopen_cmd(db, user, kode, reason):
        """Buka kembali sertifikat yang sudah ditetapkan (ketua), dengan alasan."""
        from ..core import certificate

        with cmd.acting(db, user) as (ws, actor):
            certificate.reopen(ws, kode, actor, reason)
        click.echo(f"Sertifikat {kode} dibuka kembali.")

    @cmd.read_command(main, "compare")
    @click.option("--prefix", default="", help="Awalan nama kolom angka di CSV (mis. situng_).")
    @click.option("--name", "source_name", default=None, help="Nama sumber lain dalam laporan.")
    @click.option("--region", "region", default=None, help="Bandingkan revisi sertifikat wilayah ini.")
    @click.option("--rev", "revs", multiple=True, type=int,
                  help="Nomor revisi (dua kali; bawaan: dua revisi terakhir).")
    @click.argument("file", required=False, type=click.Path(path_type=Path))
    def compare_cmd(db, fmt, prefix, source_name, region, revs, file):
        """Bandingkan angka dengan sumber lain atau dua revisi sertifikat.

        Sumber lain: CSV ekspor program ini (recap export --format csv), CSV berkunci kode wilayah,
        lembar kerja berisi sertifikat (xlsx, xls, ods; misalnya lembar kerja Situng), atau bundel
        bertanda tangan dari kantor di bawahnya (recap bundle export; docs/tiers.md).

        Status keluar 0 bila perbandingan berjalan, apa pun hasilnya.
        """
        from ..core import compare
        from ..core.errors import RecapError

        if bool(file) == bool(region):
            raise RecapError("Pilih salah satu: berkas CSV, atau --region KODE untuk membandingkan revisi.", "usage")
        with cmd.open_ws(db, readonly=True) as ws:
            if file:
                from ..core.bundle.upstream import bundle_figures, is_bundle

                if is_bundle(file):  # a signed bundle of an office below (or of this office)
                    figures, notes, name = bundle_figures(ws, file)
                else:
                    from ..core.importer import read_for_comparison

                    figures, notes = read_for_comparison(ws, file, prefix)
                    name = Path(file).name
                report = compare.compare_external(ws, figures, source_name or name)
                report.notes[:0] = notes
            else:
                all_revs = ws.revisions(region)
                if revs and len(revs) != 2:
                    raise RecapError("Sebutkan tepat dua --rev, atau tidak sama sekali.", "usage")
                by_number = {r.number: r for r in all_revs}
                if revs:
                    missing = [n for n in revs if n not in by_number]
                    if missing:
                        raise RecapError(f"Sertifikat {region} tidak mempunyai revisi {missing[0]} (ada: "
                                         f"{', '.join(str(n) for n in by_number) or 'tidak ada'}).", "no_revision")
                    pair = [by_number[n] for n in revs]
                elif len(all_revs) >= 2:
                    pair = all_revs[-2:]
                else:
                    raise RecapError(f"Sertifikat {region} mempunyai kurang dari dua revisi.", "no_revision")
                report = compare.compare_revisions(ws, pair[0].id, pair[1].id)
        if fmt == "json":
            cmd.emit_json(report.to_dict())
            return
        _echo_report(report)

    def _echo_report(report):
        from collections import Counter

        from ..core.formatting import number

        faults = Counter(d.fault for d in report.differences if d.fault)
        click.echo(f"{report.source_a} dibandingkan dengan {report.source_b}: {number(report.compared)} angka "
                   f"dibandingkan, {number(len(report.differences))} berbeda"
                   + (f" ({number(sum(faults.values()))} mirip salah ketik)" if faults else "") + ".")
        for d in report.differences:
            click.echo(f"  {d.message}")
        if report.unknown_codes:
            click.echo(f"Kode tidak dikenal ({len(report.unknown_codes)}): {', '.join(report.unknown_codes[:20])}")
        if report.not_received:
            click.echo(f"Belum ada di ruang kerja ({len(report.not_received)}): "
                       f"{', '.join(report.not_received[:20])}")
        for note in report.notes:
            click.echo(f"Catatan: {note}")

    @main.group("entry2")
    def entry2_group():
        """Entri ganda: sertifikat diketik kedua kali oleh orang lain, lalu diputuskan koordinator."""

    @cmd.write_command(entry2_group, "enter")
    @click.option("--region", "region", required=True, help="Kode kabupaten/kota.")
    @click.option("--prefix", default="", help="Awalan nama kolom angka di CSV.")
    @click.argument("file", type=click.Path(path_type=Path))
    def entry2_enter(db, user, region, prefix, file):
        """Simpan entri kedua dari JSON {kolom: {isian: angka}} atau CSV berkunci kode kecamatan."""
        from ..core import double_entry

        with cmd.acting(db, user) as (ws, actor):
            columns, values = _read_entry(ws, region, file, prefix)
            double_entry.submit_second_entry(ws, region, columns, values, actor)
            report = double_entry.differences(ws, region)
        from ..core.formatting import number

        click.echo(f"Entri kedua {region} disimpan; {number(len(report.differences))} perbedaan dengan entri pertama.")
        for d in report.differences:
            click.echo(f"  {d.message}")

    @cmd.read_command(entry2_group, "diff")
    @click.option("--region", "region", required=True, help="Kode kabupaten/kota.")
    def entry2_diff(db, fmt, region):
        """Perbedaan antara entri 1 dan entri 2 yang menunggu keputusan."""
        from ..core import double_entry

        with cmd.open_ws(db, readonly=True) as ws:
            report = double_entry.differences(ws, region)
        if fmt == "json":
            cmd.emit_json(report.to_dict())
        else:
            _echo_report(report)

    @cmd.write_command(entry2_group, "resolve")
    @click.option("--region", "region", required=True, help="Kode kabupaten/kota.")
    @click.option("--keep", "keeps", multiple=True, help="KOLOM:ISIAN=1|2, mis. 33.01.02:paslon_1=2; boleh berulang.")
    @click.option("--all", "keep_all", type=click.Choice(["1", "2"]), default=None,
                  help="Pilihan untuk semua perbedaan yang tidak disebut dengan --keep.")
    @click.option("--reason", default=None, help="Catatan keputusan.")
    def entry2_resolve(db, user, region, keeps, keep_all, reason):
        """Koordinator memilih entri 1 atau entri 2 untuk setiap perbedaan."""
        from ..core import double_entry
        from ..core.errors import RecapError

        choices: dict[tuple[str, str], str] = {}
        for k in keeps:
            try:
                where, which = k.rsplit("=", 1)
                col, fld = where.rsplit(":", 1)
            except ValueError:
                raise RecapError(f"--keep {k!r} tidak dipahami; bentuknya KOLOM:ISIAN=1 atau =2.", "usage") from None
            if which not in ("1", "2"):
                raise RecapError(f"--keep {k!r}: pilihan harus 1 atau 2.", "usage")
            choices[(col, fld)] = f"entri_{which}"
        with cmd.acting(db, user) as (ws, actor):
            if keep_all:
                for d in double_entry.differences(ws, region).differences:
                    choices.setdefault((d.column, d.field), f"entri_{keep_all}")
            rid = double_entry.resolve(ws, region, choices, actor, reason)
            number = ws.revision_info(rid).number if rid else None
        click.echo(f"Entri ganda {region} diputuskan" + (f"; hasilnya revisi {number}." if number else
                                                         "; entri 1 tetap berlaku."))

    @cmd.write_command(entry2_group, "send-back")
    @click.option("--region", "region", required=True, help="Kode kabupaten/kota.")
    @click.option("--reason", "reason", required=True, help="Alasan pengembalian.")
    def entry2_send_back(db, user, region, reason):
        """Koordinator mengembalikan sertifikat untuk diketik ulang."""
        from ..core import double_entry

        with cmd.acting(db, user) as (ws, actor):
            double_entry.send_back(ws, region, actor, reason)
        click.echo(f"Entri ganda {region} dikembalikan untuk diketik ulang.")


def _read_entry(ws, region: str, file: Path, prefix: str):
    """(columns, values) of an entry file: JSON {column: {field: int|null}} or a CSV keyed by
    kecamatan code (the regency's own code = its JUMLAH column)."""
    from ..core import compare
    from ..core.domain import JUMLAH
    from ..core.errors import RecapError

    if file.suffix.lower() == ".json":
        try:
            data = json.loads(file.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as exc:
            raise RecapError(f"Berkas {file.name} bukan JSON yang dapat dibaca: {exc}.", "bad_file") from exc
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise RecapError(f"Berkas {file.name}: diharapkan objek {{kolom: {{isian: angka}}}}.", "bad_file")
        for col, vals in data.items():
            for k, v in vals.items():
                if k not in ws.election.all_field_keys:
                    raise RecapError(f"Berkas {file.name}, kolom {col}: isian {k!r} tidak dikenal.", "bad_file")
                if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
                    raise RecapError(f"Berkas {file.name}, kolom {col}, isian {k}: {v!r} bukan bilangan bulat "
                                     "tidak negatif.", "bad_file")
        figures = data
    else:
        figures = compare.read_external_csv(file, ws.election, prefix)
        if region in figures:
            figures[JUMLAH] = figures.pop(region)
    order = [r.kode for r in ws.columns_of(region)] + [JUMLAH]
    unknown = [c for c in figures if c not in order]
    if unknown:
        raise RecapError(f"Berkas {file.name}: kolom {unknown[0]} bukan kecamatan {region} atau JUMLAH.", "bad_file")
    columns = [c for c in order if c in figures]
    return columns, {c: dict(figures[c]) for c in columns}
