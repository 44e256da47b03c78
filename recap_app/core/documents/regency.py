"""A regency certificate as received (DB1 / D.Hasil Kabupaten/Kota), for checking against the paper."""

from __future__ import annotations

import json

from .. import formatting as fmt
from ..domain import tier_word
from .common import Source, region_label, title_block
from .page import Part, frame_size, p, styles
from .plenary import DocumentError
from .tables import wide_table

NAME = "sertifikat_kabupaten"


def build(src: Source, paper: str, region: str | None) -> Part:
    """Blocks I–V with one column per kecamatan plus the regency's own JUMLAH column, exactly as stored
    (latest official revision). DRAF unless that certificate is adopted.

    Raises DocumentError when no region is given, the code is unknown or nothing was received.
    """
    ws = src.ws
    if not region:
        raise DocumentError(f"Sebutkan {tier_word(src.election.child_tier)} yang sertifikatnya dicetak, misalnya "
                            f"--region {src.regencies[0].kode if src.regencies else '33.01'}.", "region_required")
    r = ws.region(region)
    if r is None or r.tingkat != src.election.child_tier:
        raise DocumentError(f"{tier_word(src.election.child_tier).capitalize()} dengan kode {region!r} tidak ada dalam "
                            "pemilihan ini.",
                            "unknown_region")
    info = ws.latest_revision(region)
    if info is None:
        raise DocumentError(f"Sertifikat {r.nama} ({region}) belum diterima; tidak ada yang dapat dicetak.",
                            "not_received")
    values = ws.revision_values(info.id)
    width, _ = frame_size(paper, True)
    st = styles()
    e = src.election
    form = e.received_form
    source = ""
    if info.source_file_id is not None:
        row = ws.conn.execute("SELECT name, sha256 FROM source_file WHERE id = ?", (info.source_file_id,)).fetchone()
        if row:
            source = f"{row[0]} (SHA-256 {row[1][:16]})"
    adopted = ws.adoption(region)
    ident = [
        (e.child_title, f"{r.nama.upper()} ({region})"),
        ("PEMILIHAN", e.name.upper()),
        ("REVISI", f"{info.number}, dicatat {fmt.date_long(info.created_at)} oleh {info.created_by}"),
        ("BERKAS ASAL", source or "tidak ada (dimasukkan langsung)"),
        ("SIDIK ISI", info.content_sha256),
        ("STATUS", f"ditetapkan {fmt.date_long(adopted['at'])} oleh {adopted['by']}" if adopted
         else "belum ditetapkan"),
    ]
    story = title_block(src, form, [
        f"SERTIFIKAT REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA DARI SETIAP {e.column_title} DI TINGKAT "
        f"{e.child_title}",
        f"SEBAGAIMANA DITERIMA: {region_label(r)}"], width, ident)
    columns = []
    for code in info.columns:
        if code == "JUMLAH":
            columns.append((code, "JUMLAH"))
        else:
            c = ws.region(code)
            columns.append((code, f"{code} {region_label(c) if c else ''}".strip()))
    story += wide_table(e.form_of_region(region), columns, values, width)
    story.append(p("Salinan data sebagaimana diterima untuk dicocokkan dengan dokumen kertas; bukan pengganti "
                   "dokumen asli. Sel kosong berarti tidak diisi (bukan nol).", st["small"]))
    history = revision_history(ws, region)
    if len(history) > 1:
        story.append(p("RIWAYAT REVISI DAN PENETAPAN", st["body"]))
        for line in history:
            story.append(p(line, st["small"]))
    payload = {"election": e.id, "region": region, "revision": info.number, "content_sha256": info.content_sha256,
               "adopted": bool(adopted), "history": history}
    return Part(NAME, f"{form} {r.nama} sebagaimana diterima", True, story, payload, src.marks(not adopted))


def revision_history(ws, region: str) -> list[str]:
    """Lines of a certificate's history, oldest first: every official revision (number, date,
    who, reason) and every adoption and reopening (docs/security.md: a reopened certificate's documents
    show its history). Read from the revisions and the audit log."""
    events = []
    for rev in ws.revisions(region):
        why = f"; alasan: {rev.reason}" if rev.reason else ""
        events.append((rev.created_at, f"Revisi {rev.number} dicatat {fmt.date_long(rev.created_at)} oleh "
                                       f"{rev.created_by}{why}."))
    labels = {"certificate.adopt": "Ditetapkan", "certificate.reopen": "Dibuka kembali"}
    for at, actor, action, after in ws.conn.execute(
            "SELECT at, actor, action, after FROM audit WHERE entity = ? AND action IN "
            "('certificate.adopt', 'certificate.reopen') ORDER BY id", (f"certificate:{region}",)):
        reason = ""
        if after:
            reason = (json.loads(after) or {}).get("reason") or ""
        why = f"; alasan: {reason}" if reason else ""
        events.append((at, f"{labels[action]} {fmt.date_long(at)} oleh {actor}{why}."))
    return [text for _, text in sorted(events, key=lambda e: e[0])]
