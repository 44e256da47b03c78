"""The audit log in words: a phrase for every action id and readable details (window and CLI).

The log stores stable ids ("certificate.adopt") and the record's data as JSON; the clerk reads
"Sertifikat ditetapkan" and "revisi 2; sidik 9dc3d575ef0f…". :func:`action_text` gives the
phrase of an id, :func:`entity_text` the object ("sertifikat 33.01"), :func:`details` the
before/after data as one line of text. Each comes in Indonesian (the default) and English
(``lang="en"``, the window's English mode and ``RECAP_LANG=en``). An id not in :data:`ACTIONS`
(a newer program's record) is shown as it is, never hidden.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from .formatting import local_time, number

#: action id | Indonesian phrase | English phrase (one record kind a line)
_ACTION_TABLE = """
workspace.create                  | Ruang kerja dibuat | Workspace created
workspace.demo                    | Ruang kerja CONTOH diisi | Demonstration workspace filled
workspace.restore                 | Ruang kerja dipulihkan dari cadangan | Workspace restored from a backup
setting.change                    | Pengaturan diubah | Setting changed
region.alias_accept               | Ejaan nama wilayah diterima | Region spelling accepted
certificate.revision              | Sertifikat disimpan (revisi baru) | Certificate saved (new revision)
certificate.import                | Sertifikat diimpor dari berkas | Certificate imported from a file
certificate.demo                  | Sertifikat contoh dimuat | Demonstration certificate loaded
certificate.second_entry          | Entri kedua disimpan | Second entry saved
certificate.double_entry_result   | Hasil keputusan entri ganda disimpan | Double-entry result saved
certificate.adopt                 | Sertifikat ditetapkan | Certificate adopted
certificate.reopen                | Sertifikat dibuka kembali | Certificate reopened
double_entry.resolve              | Entri ganda diputuskan | Double entry decided
double_entry.send_back            | Sertifikat dikembalikan untuk diketik ulang | Certificate sent back for retyping
draft.start                       | Draf mulai diketik | Draft started
draft.discard                     | Draf dibuang | Draft discarded
findings.refresh                  | Pemeriksaan dijalankan | Checks run
finding.explain                   | Temuan dijelaskan | Finding explained
finding.override                  | Kesalahan dikesampingkan ketua | Error overridden by the chair
document.print                    | Dokumen disimpan sebagai PDF | Documents saved as PDF
document.printer                  | Dokumen dicetak ke printer | Documents printed
document.export                   | Rekapitulasi diekspor | Recap exported
plenary.set                       | Data rapat pleno diubah | Plenary details changed
plenary.attendance_add            | Peserta rapat pleno dicatat | Plenary attendee recorded
plenary.attendance_remove         | Peserta rapat pleno dihapus | Plenary attendee removed
plenary.witness_set               | Saksi dicatat | Witness recorded
plenary.objection_add             | Kejadian khusus/keberatan dicatat | Special event/objection recorded
bundle.export                     | Bundel diekspor | Bundle exported
bundle.import                     | Bundel diimpor | Bundle imported
bundle.revision                   | Sertifikat diterima dari bundel | Certificate received from a bundle
bundle.adoption                   | Penetapan diterima dari bundel | Adoption received from a bundle
bundle.conflict_resolve           | Konflik bundel diputuskan | Bundle conflict decided
keys.trust                        | Kunci kantor lain dipercaya | Another office's key trusted
backup.create                     | Cadangan dibuat | Backup made
tps.import                        | Data TPS diimpor (bahan pembanding, bukan hasil resmi) | TPS data imported (a source to compare with, not the official result)
user.add                          | Akun dibuat | Account created
user.role                         | Peran akun diubah | Account role changed
user.activate                     | Akun diaktifkan | Account enabled
user.deactivate                   | Akun dinonaktifkan | Account disabled
user.password                     | Kata sandi diganti | Password changed
user.login_failed                 | Gagal masuk | Failed login
backup.failed                     | Cadangan otomatis gagal dibuat | Automatic backup failed
anchor.sign                       | Kepala rantai audit ditandatangani | Audit chain head signed
audit.accept                      | Ruang kerja diterima sebagaimana adanya (rantai lain dari catatan PC ini) | Workspace accepted as it is (chain unlike this PC's note)
office_key.passphrase             | Kata sandi kunci kantor ditetapkan | Office key passphrase set
state.digest                      | Sidik keadaan terlindung dicatat | Protected state fingerprint recorded
schema.migrate                    | Struktur ruang kerja diperbarui | Workspace structure upgraded
candidate.alias_accept            | Ejaan nama calon diterima | Candidate spelling accepted
dct.number                        | Nomor urut calon DPD ditetapkan | DPD ballot numbers set
seats.decide                      | Keputusan pleno tentang kursi dicatat | Plenary seat decision recorded
seats.replace                     | Calon terpilih diganti | Elected candidate replaced
seats.adopt                       | Perolehan kursi ditetapkan | Seat allocation adopted
seats.reopen                      | Penetapan kursi dibuka kembali | Seat allocation reopened
publication.push                  | Situs dikirim ke tujuan jarak jauh | Site pushed to the remote
dct.import                        | DCT diimpor | Candidate list imported
publication.publish               | Situs publik diterbitkan | Public site published
"""

#: action id -> (Indonesian phrase, English phrase)
ACTIONS: dict[str, tuple[str, str]] = {
    cells[0]: (cells[1], cells[2])
    for cells in ([c.strip() for c in line.split("|")] for line in _ACTION_TABLE.strip().splitlines())}

#: entity kind (the part before ":") -> (Indonesian word, English word)
ENTITIES: dict[str, tuple[str, str]] = {
    "certificate": ("sertifikat", "certificate"), "finding": ("temuan", "finding"),
    "findings": ("beberapa temuan", "several findings"), "documents": ("dokumen", "documents"),
    "plenary": ("rapat pleno", "plenary"), "attendance": ("peserta", "attendee"),
    "witness": ("saksi paslon", "witness of pair"), "objection": ("catatan", "record"),
    "bundle": ("bundel", "bundle"), "key": ("kunci", "key"), "user": ("akun", "account"),
    "setting": ("pengaturan", "setting"), "region": ("wilayah", "region"), "workspace": ("ruang kerja", "workspace"),
    "election": ("pemilihan", "election"), "tps": ("data TPS sumber", "TPS data of source"),
}

#: detail keys -> (Indonesian label, English label); keys not listed are shown by their own name
LABELS: dict[str, tuple[str, str]] = {
    "revision": ("revisi", "revision"), "revision_id": ("", ""), "kind": ("jenis", "kind"),
    "reason": ("alasan", "reason"), "sha256": ("sidik", "fingerprint"), "source_file_id": ("", ""),
    "file": ("berkas", "file"), "paper": ("kertas", "paper"), "region": ("wilayah", "region"),
    "documents": ("dokumen", "documents"), "text": ("teks", "text"), "keys": ("temuan", "findings"),
    "key": ("temuan", "finding"), "expected": ("seharusnya", "expected"), "actual": ("tercatat", "recorded"),
    "role": ("peran", "role"), "name": ("nama", "name"), "status": ("status", "status"),
    "present": ("hadir", "present"), "place": ("tempat", "place"), "date": ("tanggal", "date"),
    "time_start": ("mulai", "from"), "time_end": ("selesai", "to"), "nomor_urut": ("nomor urut", "ballot number"),
    "printer": ("printer", "printer"), "copies": ("salinan", "copies"), "format": ("format", "format"),
    "rows": ("baris", "rows"), "election": ("pemilihan", "election"), "simulation": ("simulasi", "simulation"),
    "demo": ("contoh", "demonstration"), "alias": ("ejaan", "spelling"), "from": ("dari", "from"),
    "audit_last_id": ("catatan audit terakhir", "last audit record"), "previous_kept_as": ("berkas lama", "old file"),
    "sequence": ("nomor urut bundel", "bundle number"), "pages": ("halaman", "pages"),
    "document": ("dokumen", "document"), "title": ("", ""), "regions": ("wilayah", "regions"),
    "checked": ("diperiksa", "checked"), "findings": ("temuan", "findings"), "fields": ("isian", "fields"),
    "audit_last_hash": ("", ""), "size": ("bita", "bytes"), "base_sequence": ("sejak bundel", "since bundle"),
    "manifest_sha256": ("sidik manifes", "manifest fingerprint"), "certificates": ("sertifikat", "certificates"),
    "revisions": ("revisi", "revisions"), "audit": ("catatan audit", "audit records"),
    "sources": ("berkas asli", "source files"), "result": ("hasil", "result"), "sender": ("pengirim", "sender"),
    "mode": ("cara", "mode"), "added": ("ditambahkan", "added"), "adopted": ("ditetapkan", "adopted"),
    "conflicts": ("konflik", "conflicts"), "ours_newer": ("data kita lebih baru", "ours newer"),
    "gap": ("celah nomor", "sequence gap"), "audit_records": ("catatan audit", "audit records"),
    "explanations": ("penjelasan", "explanations"), "keep": ("dipakai", "kept"), "conflict": ("konflik", "conflict"),
    "theirs_sha256": ("sidik kiriman", "their fingerprint"), "bundle": ("bundel", "bundle"), "by": ("oleh", "by"),
    "at": ("waktu", "time"), "counts": ("jumlah", "counts"), "province": ("provinsi", "province"),
    "rules_version": ("", ""), "office_code": ("kode kantor", "office code"),
    "office_name": ("kantor", "office"), "public_key": ("", ""), "differences": ("perbedaan", "differences"),
    "entry1": ("entri 1", "entry 1"), "entry2": ("entri 2", "entry 2"), "kept_entry2": ("entri 2 dipakai", "entry 2 kept"),
    "result_revision_id": ("", ""), "base_revision_id": ("", ""), "first_account": ("akun pertama", "first account"),
    "active": ("aktif", "active"), "error": ("galat", "error"),
    "chain_head": ("kepala rantai", "chain head"), "changed": ("diubah", "changed"), "data_time": ("waktu data", "data time"),
    "files": ("berkas", "files"), "out": ("tujuan", "destination"), "removed": ("dihapus", "removed"),
    "audit_hash": ("hash catatan", "record hash"), "audit_id": ("catatan audit", "audit record"),
    "purpose": ("untuk", "purpose"), "genesis": ("awal rantai", "chain start"), "workspace_id": ("identitas ruang kerja",
                                                                                                "workspace id"),
    "protected": ("dilindungi kata sandi", "passphrase-protected"), "office": ("kantor", "office"),
    "unchanged": ("tetap", "unchanged"), "remote": ("tujuan jarak jauh", "remote"), "source": ("sumber", "source"),
    "tps": ("TPS", "polling stations"), "content_sha256": ("sidik isi", "content fingerprint"),
    "noted_head": ("kepala yang dicatat PC ini", "head noted on this PC"), "noted_state": ("keadaan catatan PC",
                                                                                         "state of the PC's note"),
    "noted_at": ("waktu catatan PC", "time of the PC's note"), "file_head": ("kepala rantai berkas", "file's chain head"),
}

#: labels that mean something else for one action: (action, key) -> (Indonesian, English)
ACTION_LABELS: dict[tuple[str, str], tuple[str, str]] = {
    ("keys.trust", "key"): ("sidik kunci", "key fingerprint"),
    ("anchor.sign", "key"): ("sidik kunci", "key fingerprint"),
    ("office_key.passphrase", "key"): ("sidik kunci", "key fingerprint"),
    ("bundle.export", "key"): ("sidik kunci", "key fingerprint"),
    ("publication.publish", "key"): ("sidik kunci", "key fingerprint"),
}

#: stored words -> (Indonesian, English) where a value is a code (a witness's status, a revision's kind)
VALUES: dict[str, tuple[str, str]] = {
    "present": ("hadir", "present"), "absent": ("tidak hadir", "absent"),
    "refused": ("hadir, menolak menandatangani", "present, refused to sign"),
    "resmi": ("resmi", "official"), "entri_kedua": ("entri kedua", "second entry"),
    "keberatan": ("keberatan saksi", "witness objection"), "kejadian_khusus": ("kejadian khusus", "special event"),
    "ours": ("data kita", "ours"), "theirs": ("data kiriman", "theirs"),
}

_YES_NO = {True: ("ya", "yes"), False: ("tidak", "no")}
#: the longest detail text shown (the full JSON stays in the record and in --format json)
MAX_DETAILS = 400


def _lang(lang: str) -> int:
    return 1 if lang == "en" else 0


def action_text(action: str, lang: str = "id") -> str:
    """The phrase of an action id ("certificate.adopt" -> "Sertifikat ditetapkan"); an unknown id as it is."""
    pair = ACTIONS.get(action)
    return pair[_lang(lang)] if pair else action


def entity_text(entity: str | None, lang: str = "id") -> str:
    """The object of a record in words: "certificate:33.01" -> "sertifikat 33.01"; "documents" -> "dokumen"."""
    if not entity:
        return ""
    kind, _, rest = entity.partition(":")
    pair = ENTITIES.get(kind)
    if pair is None:
        return entity
    if kind == "finding" and rest:
        rest = rest.replace("|", " ").replace("  ", " ").strip()
    return f"{pair[_lang(lang)]} {rest}".strip()


def _value(key: str, v, lang: str) -> str:
    i = _lang(lang)
    if isinstance(v, bool):
        return _YES_NO[v][i]
    if isinstance(v, int):
        return str(v) if key in ("revision", "nomor_urut", "sequence", "audit_last_id", "copies") else number(v)
    if isinstance(v, str):
        if key in ("sha256", "manifest_sha256") or (len(v) == 64 and all(c in "0123456789abcdef" for c in v)):
            return v[:12] + "…"
        if key.endswith("_at") or key == "at":
            return local_time(v, lang)
        return VALUES[v][_lang(lang)] if v in VALUES else v
    if isinstance(v, list):
        if v and all(isinstance(x, Mapping) and "document" in x for x in v):
            pages = ("halaman", "pages")[i]
            return ", ".join(f"{x['document']} ({x.get('pages', '?')} {pages}, {str(x.get('sha256', ''))[:12]}…)"
                             for x in v)
        shown = [_value(key, x, lang) for x in v[:5]]
        more = f" (+{len(v) - 5})" if len(v) > 5 else ""
        return ", ".join(shown) + more
    if isinstance(v, Mapping):
        return "(" + _pairs(v, lang) + ")"
    return str(v)


def _label(key: str, lang: str, action: str = "") -> str:
    return (ACTION_LABELS.get((action, key)) or LABELS.get(key, (key, key)))[_lang(lang)]


def _pairs(data: Mapping, lang: str, action: str = "") -> str:
    out = []
    for k, v in data.items():
        if v is None or v == "" or v == [] or v == {}:
            continue
        label = _label(k, lang, action)
        if label == "" and k in LABELS:  # internal ids the clerk does not need
            continue
        out.append(f"{label}: {_value(k, v, lang)}")
    return "; ".join(out)


def _decode(raw):
    if isinstance(raw, str):
        try:
            return json.loads(raw)
        except ValueError:
            return raw
    return raw


def details(action: str, before=None, after=None, lang: str = "id") -> str:
    """The data of a record as one readable line (no JSON), at most :data:`MAX_DETAILS` characters.

    ``before``/``after`` are the record's decoded data (or its JSON text). A change shows
    "dari X menjadi Y" ("from X to Y"); a set of values shows "label: value; label: value".
    """
    before, after = _decode(before), _decode(after)
    i = _lang(lang)
    if isinstance(after, Mapping):
        text = _pairs(after, lang, action)
        if isinstance(before, Mapping):
            changed = [k for k in after if before.get(k) != after.get(k)]
            parts = []
            for k in changed:
                label = _label(k, lang, action) or k
                old = before.get(k)
                old_t = _value(k, old, lang) if old not in (None, "") else ("kosong", "blank")[i]
                parts.append(f"{label}: {old_t} → {_value(k, after.get(k), lang)}")
            text = "; ".join(parts) if parts else text
    elif after is None and isinstance(before, Mapping):
        text = ("sebelumnya: ", "before: ")[i] + _pairs(before, lang, action)
    elif after is None:
        text = ""
    else:
        old = _value("", before, lang) if before not in (None, "") else ""
        new = _value("", after, lang)
        text = f"{old} → {new}" if old else new
    return text if len(text) <= MAX_DETAILS else text[:MAX_DETAILS - 1] + "…"


def describe(record, lang: str = "id") -> str:
    """One line for a record (an :class:`recap_app.core.audit.AuditRecord` or any object with id, at,
    actor, action, entity, before, after): "#12 8 Mei 2019 17.30 WIB operator — Sertifikat
    ditetapkan — sertifikat 33.01 — revisi 1; sidik 9dc3…"."""
    parts = [f"#{record.id}", local_time(record.at, lang), record.actor, "—", action_text(record.action, lang)]
    what = entity_text(record.entity, lang)
    if what:
        parts += ["—", what]
    more = details(record.action, record.before, record.after, lang)
    if more:
        parts += ["—", more]
    return " ".join(parts)
