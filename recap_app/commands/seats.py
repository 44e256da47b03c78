"""CLI commands: seats (a thin layer over recap_app.core.allocation and recap_app.core.seats).

    recap seats --db PATH [--format json]            seats and elected candidates per dapil
    recap seats decide --db PATH --dapil KODE --winner N [--winner N] --how TEXT [--party N]
    recap seats replace --db PATH --dapil KODE [--party N] --candidate NOMOR_URUT --cause C --reason TEXT
    recap seats adopt --db PATH                      (DPRD Provinsi: the chair adopts; locks)
    recap seats reopen --db PATH --reason TEXT
    recap seats calc --kursi N FILE [--winner N] [--format json]   (a simulation on a vote CSV)

Exit status 1 while two equal quotients (or equal candidates) compete for the last seat(s):
the program never decides them; `recap seats decide` records the plenary's decision.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import common as cmd


def _fmt(n) -> str:
    from ..core.formatting import figure

    return figure(n)


def echo_district(d: dict) -> None:
    """One dapil of `recap seats` as text: quotient table, seat order, seats and elected, ties."""
    head = f"Dapil {d['kode']} {d['nama']} ({d['kursi']} kursi"
    head += f"; {d['masuk']} dari {d['diharapkan']} sertifikat)" if d["diharapkan"] else ")"
    if d["diharapkan"] and d["masuk"] < d["diharapkan"]:
        head += " — SEMENTARA: belum semua sertifikat masuk; kursi dan calon terpilih dapat berubah"
    click.echo(head)
    for m in d["masalah"]:
        click.echo(f"  BELUM DAPAT DIHITUNG: {m}")
    parties = [p for p in d["partai"] if p["ikut"] and p["hasil_bagi"]]
    if parties:
        width = max(len(p["hasil_bagi"]) for p in parties)
        click.echo("  Tabel hasil bagi (Sainte-Laguë; [n] = kursi ke-n):")
        click.echo("    " + f"{'partai':<16}{'suara':>12}" + "".join(f"{':' + str(2 * i + 1):>20}" for i in range(width)))
        for p in parties:
            cells = "".join(f"{q['hasil_bagi_tampil'] + (' [' + str(q['kursi']) + ']' if q['kursi'] else ''):>20}"
                            for q in p["hasil_bagi"])
            click.echo(f"    {(p['nama_singkat'] or p['nama'])[:15]:<16}{_fmt(p['suara']):>12}{cells}")
    if d["urutan"]:
        names = {p["nomor"]: p["nama_singkat"] or p["nama"] for p in d["partai"]}
        click.echo("  Urutan kursi: " + "; ".join(
            f"{s['kursi']}. {names.get(s['partai'], s['partai'])} ({s['hasil_bagi_tampil']})"
            + (" [keputusan pleno]" if s["keputusan"] else "") for s in d["urutan"]))
    for p in d["partai"]:
        if not p["kursi"] and not p["terpilih"]:
            continue
        who = ", ".join(f"{c['nomor_urut']}. {c['nama']} ({_fmt(c['suara'])})" for c in p["terpilih"])
        label = p["nama_singkat"] or p["nama"]
        click.echo(f"  {label}: {p['kursi']} kursi" + (f" — terpilih: {who}" if who else ""))
        for r in p["diganti"]:
            inn = r["pengganti"]
            click.echo(f"    {r['calon']['nama']} diganti oleh " + (inn["nama"] if inn else "(belum ada)"))
    for x in d["keputusan"]:
        click.echo(f"  Keputusan pleno #{x['id']} ({x['jenis']}): {x['cara']}, oleh {x['oleh']}, {x['waktu']}")
    for x in d["keputusan_tidak_berlaku"]:
        click.echo(f"  CATATAN: keputusan pleno #{x['id']} ({x['cara']}, {x['waktu']}) tidak lagi menjawab angka "
                   "sekarang; tidak diterapkan.")
    for t in d["seri"]:
        click.echo(f"  SERI: {t['pesan']}")


def register(main):
    """Attach the `seats` group to `recap`."""

    @main.group("seats", invoke_without_command=True)
    @cmd.db_option
    @cmd.format_option
    @click.pass_context
    @cmd.clerk_errors
    def seats_grp(ctx, db, fmt):
        """Perolehan kursi (Sainte-Laguë) dan calon terpilih per dapil.

        Status keluar 1 bila hasil bagi (atau suara calon) yang sama memperebutkan kursi terakhir
        dan rapat pleno belum memutuskannya (recap seats decide), atau kursi belum dapat dihitung.
        """
        if ctx.invoked_subcommand is not None:
            return
        from ..core import allocation

        with cmd.open_ws(db, readonly=True) as ws:
            res = allocation.compute(ws)
            e = ws.election
            data = res.to_dict()
        if fmt == "json":
            cmd.emit_json(data)
        else:
            kind = ("keputusan KPU Provinsi" if res.decision else
                    f"PERHITUNGAN saja: kursi {e.body} ditetapkan oleh {res.decided_by}")
            click.echo(f"{e.name} — perolehan kursi ({kind}).")
            th = data["ambang_batas"]
            if th["partai"] is not None:
                click.echo(f"Ambang batas {th['persen']}% suara sah nasional: {len(th['partai'])} partai ikut "
                           f"pembagian kursi (nomor {', '.join(map(str, th['partai']))}).")
            for d in data["dapil"]:
                echo_district(d)
            if data["kursi_partai"]:
                click.echo("Jumlah kursi: " + ", ".join(f"{p['nama_singkat']} {p['kursi']}" for p in data["kursi_partai"]))
            if data["penetapan"]:
                a = data["penetapan"]
                same = a["sha256"] == res.sha256
                click.echo(f"Ditetapkan {a['at']} oleh {a['by']} (SHA-256 {a['sha256'][:16]})"
                           + ("" if same else "; PERHATIAN: hasil dari angka sekarang berbeda dengan yang ditetapkan."))
        if res.open_ties or any(d.problems for d in res.districts):
            sys.exit(1)

    @cmd.write_command(seats_grp, "decide")
    @click.option("--dapil", "dapil", required=True, help="Kode dapil (mis. 3301, 33-10).")
    @click.option("--winner", "winners", multiple=True, type=int, required=True,
                  help="Nomor partai (atau nomor urut calon dengan --party) yang memperoleh kursi terbuka, urut "
                       "kursinya; boleh berulang.")
    @click.option("--party", "party", type=int, default=None,
                  help="Untuk calon dengan suara sama: nomor partainya (DPD: tanpa ini).")
    @click.option("--how", "how", required=True, help="Cara memutuskan, mis. 'undian dalam rapat pleno'.")
    @click.option("--by", "decided_by", default=None, help="Yang memutuskan (bawaan: Rapat pleno <kantor>).")
    @click.option("--at", "decided_at", default=None, help="Waktu keputusan (TTTT-BB-HH atau ISO; bawaan: sekarang).")
    def seats_decide(db, user, dapil, winners, party, how, decided_by, decided_at):
        """Catat keputusan rapat pleno atas hasil bagi (atau suara calon) yang sama."""
        from ..core import allocation

        with cmd.acting(db, user) as (ws, actor):
            got = allocation.decide(ws, dapil, list(winners), how, actor, party=party, decided_by=decided_by,
                                    decided_at=decided_at)
            res = allocation.compute(ws)
            d = next(x for x in res.to_dict()["dapil"] if x["kode"] == got["dapil"])
        click.echo(f"Keputusan #{got['id']} dicatat: dapil {got['dapil']}, {got['jenis']}, pemenang "
                   f"{', '.join(map(str, got['pemenang']))}; {got['cara']}, oleh {got['oleh']}, {got['waktu']}.")
        echo_district(d)

    @cmd.write_command(seats_grp, "replace")
    @click.option("--dapil", "dapil", required=True, help="Kode dapil.")
    @click.option("--party", "party", type=int, default=None, help="Nomor partai (DPD: tanpa ini).")
    @click.option("--candidate", "nomor_urut", type=int, required=True, help="Nomor urut calon terpilih.")
    @click.option("--cause", type=click.Choice(["meninggal_dunia", "mengundurkan_diri", "tidak_memenuhi_syarat"]),
                  required=True, help="Sebab penggantian.")
    @click.option("--reason", "reason", required=True, help="Keterangan (dicatat), mis. nomor surat.")
    def seats_replace(db, user, dapil, party, nomor_urut, cause, reason):
        """Calon terpilih meninggal dunia atau mengundurkan diri: kursinya beralih ke urutan berikutnya."""
        from ..core import allocation

        with cmd.acting(db, user) as (ws, actor):
            got = allocation.replace(ws, dapil, party, nomor_urut, cause, reason, actor)
            d = next(x for x in allocation.compute(ws).to_dict()["dapil"] if x["kode"] == got["dapil"])
        click.echo(f"Penggantian #{got['id']} dicatat: {got['nama']} ({allocation.CAUSES[cause]}).")
        echo_district(d)

    @cmd.write_command(seats_grp, "adopt")
    def seats_adopt(db, user):
        """Ketua menetapkan perolehan kursi dan calon terpilih (DPRD Provinsi); terkunci sampai dibuka kembali."""
        from ..core import allocation

        with cmd.acting(db, user) as (ws, actor):
            a = allocation.adopt(ws, actor)
        click.echo(f"Perolehan kursi ditetapkan ({a['at']} oleh {a['by']}; SHA-256 {a['sha256']}).")

    @cmd.write_command(seats_grp, "reopen")
    @click.option("--reason", "reason", required=True, help="Alasan membuka kembali (dicatat).")
    def seats_reopen(db, user, reason):
        """Buka kembali penetapan perolehan kursi (ketua), dengan alasan."""
        from ..core import allocation

        with cmd.acting(db, user) as (ws, actor):
            allocation.reopen(ws, actor, reason)
        click.echo("Penetapan perolehan kursi dibuka kembali.")

    @seats_grp.command("calc")
    @click.option("--kursi", "seats", type=int, required=True, help="Jumlah kursi dapil.")
    @click.option("--winner", "winners", multiple=True, type=int,
                  help="Simulasikan keputusan atas hasil bagi yang sama (nomor partai, urut kursinya).")
    @cmd.format_option
    @click.argument("file", type=click.Path(path_type=Path))
    @cmd.clerk_errors
    def seats_calc(seats, winners, fmt, file):
        """Simulasi: bagi KURSI dengan Sainte-Laguë atas CSV nomor,suara (atau nomor_partai,...,suara_sah).

        Status keluar 1 bila hasil bagi yang sama memperebutkan kursi terakhir.
        """
        from ..core import allocation
        from ..core.seats import read_votes_csv

        votes = read_votes_csv(file)
        d = allocation.calculate(votes, seats, winners=list(winners), names=allocation.party_names_csv(file))
        if fmt == "json":
            cmd.emit_json(d)
        else:
            click.echo(f"Simulasi {file.name}: {len(votes)} partai, {seats} kursi (bukan keputusan).")
            echo_district(d)
        if d["seri"]:
            sys.exit(1)
