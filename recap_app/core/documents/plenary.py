"""Plenary records printed on the documents: office, plenary, attendance, witnesses, objections.

Every write is one transaction with an audit record and checks the actor's permission
(``settings`` for the office, ``edit`` for the plenary records). Bad input raises
:class:`DocumentError` with an Indonesian message; nothing is written then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import auth

#: witness status codes and their printed Indonesian wording
from ..clock import now_iso
from ..errors import RecapError
from ..formatting import to_date
from ..store import Workspace
from ..text import plain

#: witness status codes and their printed Indonesian wording
WITNESS_STATUS = {
    "present": "HADIR",
    "absent": "TIDAK HADIR",
    "refused": "HADIR, MENOLAK MENANDATANGANI",
}

#: objection kinds and their printed wording
OBJECTION_KINDS = {"kejadian_khusus": "Kejadian khusus", "keberatan": "Keberatan saksi"}

_TIME = re.compile(r"^([01]\d|2[0-3])[.:][0-5]\d$")


class DocumentError(RecapError):
    """Plenary data or a print request cannot be accepted (nothing was written)."""


@dataclass(frozen=True)
class Office:
    """The office printed on the documents (office settings).

    Attributes:
        name: "KOMISI PEMILIHAN UMUM PROVINSI JAWA TENGAH" unless set.
        city: where the office sits ("Semarang"); default place of the plenary.
        chair: name of the ketua; "" when not set.
        members: names of the anggota, in signing order.
    """

    name: str
    city: str
    chair: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Plenary:
    """The recap plenary: place, ISO date, times ("09.00"), attendance, witnesses, objections."""

    place: str
    date: str
    time_start: str
    time_end: str
    attendance: tuple[dict, ...] = ()
    witnesses: dict = field(default_factory=dict)  # {nomor_urut: {"name", "status"}}
    objections: tuple[dict, ...] = ()


def office(ws: Workspace) -> Office:
    """The office settings, with defaults derived from the election."""
    default_name = ws.election.kpu_name
    return Office(
        name=ws.setting("office.name") or default_name,
        city=ws.setting("office.city") or "",
        chair=ws.setting("office.chair") or "",
        members=tuple(ws.setting("office.members") or ()),
    )


def set_office(ws: Workspace, actor: str, *, name: str | None = None, city: str | None = None,
               chair: str | None = None, members: list[str] | None = None) -> Office:
    """Change the office settings that are given (None leaves a value as it is).

    Raises:
        DocumentError: an empty chair/member name.
        NotAllowed: the actor lacks the "settings" permission.
    """
    auth.require(ws, actor, "settings")
    name = None if name is None else plain(name, "Nama kantor")
    city = None if city is None else plain(city, "Kota")
    chair = None if chair is None else plain(chair, "Nama ketua")
    members = None if members is None else [plain(m, "Nama anggota") for m in members]
    if chair is not None and not chair:
        raise DocumentError("Nama ketua tidak boleh kosong.", "empty_name")
    if members is not None and any(not m for m in members):
        raise DocumentError("Nama anggota tidak boleh kosong.", "empty_name")
    with ws.transaction():
        for key, value in (("office.name", name), ("office.city", city), ("office.chair", chair),
                           ("office.members", members)):
            if value is not None:
                ws.set_setting(key, value, actor)
    return office(ws)


def _check_date(date: str) -> str:
    try:
        return to_date(date).isoformat()
    except ValueError:
        raise DocumentError(f"Tanggal pleno {date!r} tidak dapat dibaca; tulis sebagai TTTT-BB-HH, "
                            f"misalnya 2019-05-04.", "bad_date") from None


def _check_time(value: str, what: str) -> str:
    if not _TIME.match(value.strip()):
        raise DocumentError(f"Jam {what} {value!r} tidak dapat dibaca; tulis sebagai JJ.MM, misalnya 09.00.",
                            "bad_time")
    return value.strip().replace(":", ".")


def set_plenary(ws: Workspace, actor: str, *, place: str | None = None, date: str | None = None,
                time_start: str | None = None, time_end: str | None = None) -> Plenary:
    """Record (or change) the plenary's place, date (ISO "2019-05-04") and times ("09.00").

    Raises:
        DocumentError: unreadable date or time.
        NotAllowed: the actor lacks the "edit" permission.
    """
    auth.require(ws, actor, "edit")
    new = {}
    if place is not None:
        new["place"] = plain(place, "Tempat rapat pleno")
    if date is not None:
        new["date"] = _check_date(date)
    if time_start is not None:
        new["time_start"] = _check_time(time_start, "mulai")
    if time_end is not None:
        new["time_end"] = _check_time(time_end, "selesai")
    with ws.transaction():
        row = ws.conn.execute("SELECT place, date, time_start, time_end FROM plenary WHERE id = 1").fetchone()
        before = dict(zip(("place", "date", "time_start", "time_end"), row, strict=True)) if row else None
        after = dict(before or {"place": None, "date": None, "time_start": None, "time_end": None})
        after.update(new)
        ws.db["plenary"].upsert({"id": 1, **after, "updated_at": now_iso(), "updated_by": actor}, pk="id")
        ws.record(actor, "plenary.set", "plenary", before, after)
    return plenary(ws)


def add_attendance(ws: Workspace, actor: str, name: str, role: str, present: bool = True) -> int:
    """Add one person to the attendance list (name, role such as "Bawaslu Provinsi"). Returns its id.

    Raises DocumentError for an empty name or role.
    """
    auth.require(ws, actor, "edit")
    name, role = plain(name, "Nama peserta rapat"), plain(role, "Jabatan/unsur peserta rapat")
    if not name or not role:
        raise DocumentError("Nama dan jabatan/unsur peserta rapat harus diisi.", "empty_name")
    with ws.transaction():
        rid = ws.db["plenary_attendance"].insert({
            "name": name, "role": role, "present": 1 if present else 0,
            "recorded_at": now_iso(), "recorded_by": actor}).last_pk
        ws.record(actor, "plenary.attendance_add", f"attendance:{rid}", None,
                  {"name": name, "role": role, "present": bool(present)})
    return rid


def remove_attendance(ws: Workspace, actor: str, attendance_id: int) -> None:
    """Take one person off the attendance list (a name recorded by mistake); the audit log keeps
    who was removed, by whom and when.

    Raises:
        DocumentError: no such entry ("unknown_attendance"); NotAllowed: no "edit" permission.
    """
    auth.require(ws, actor, "edit")
    with ws.transaction():
        row = ws.conn.execute("SELECT name, role, present FROM plenary_attendance WHERE id = ?",
                              (attendance_id,)).fetchone()
        if row is None:
            raise DocumentError(f"Peserta rapat nomor {attendance_id} tidak ada dalam daftar hadir.",
                                "unknown_attendance")
        ws.conn.execute("DELETE FROM plenary_attendance WHERE id = ?", (attendance_id,))
        ws.record(actor, "plenary.attendance_remove", f"attendance:{attendance_id}",
                  {"name": row[0], "role": row[1], "present": bool(row[2])}, None)


def set_witness(ws: Workspace, actor: str, nomor_urut: int, name: str, status: str) -> None:
    """Record the witness of a candidate pair and whether they were present, absent or refused to sign.

    Raises:
        DocumentError: unknown pair number, empty name or unknown status.
    """
    auth.require(ws, actor, "edit")
    numbers = [c.nomor for c in ws.election.ballot_contestants]
    if nomor_urut not in numbers:
        what = {"partai": "Partai nomor", "perseorangan": "Calon nomor urut"}.get(ws.election.form_kind,
                                                                                  "Pasangan calon nomor urut")
        raise DocumentError(f"{what} {nomor_urut} tidak ada; yang ada: "
                            f"{', '.join(map(str, numbers))}.", "unknown_paslon")
    name = plain(name, "Nama saksi")
    if not name:
        raise DocumentError("Nama saksi tidak boleh kosong.", "empty_name")
    if status not in WITNESS_STATUS:
        raise DocumentError(f"Status saksi {status!r} tidak dikenal; pilih present (hadir), absent (tidak hadir) "
                            f"atau refused (menolak menandatangani).", "bad_status")
    with ws.transaction():
        row = ws.conn.execute("SELECT name, status FROM witness WHERE nomor_urut = ?", (nomor_urut,)).fetchone()
        before = {"name": row[0], "status": row[1]} if row else None
        ws.db["witness"].upsert({"nomor_urut": nomor_urut, "name": name, "status": status,
                                 "recorded_at": now_iso(), "recorded_by": actor}, pk="nomor_urut")
        ws.record(actor, "plenary.witness_set", f"witness:{nomor_urut}", before,
                  {"name": name, "status": status})


def add_objection(ws: Workspace, actor: str, kind: str, text: str, *, nomor_urut: int | None = None,
                  region: str | None = None) -> int:
    """Record a special event or a witness objection (form DC2). Returns its id.

    Args:
        kind: "kejadian_khusus" or "keberatan".
        text: the full text as told (no length limit; it flows over pages when printed).
        nomor_urut: the pair whose witness objects (for "keberatan").
        region: the kabupaten/kota concerned, if any.
    Raises:
        DocumentError: unknown kind, empty text, unknown pair or region.
    """
    auth.require(ws, actor, "edit")
    if kind not in OBJECTION_KINDS:
        raise DocumentError(f"Jenis catatan {kind!r} tidak dikenal; pilih kejadian_khusus atau keberatan.",
                            "bad_kind")
    text = plain(text, "Uraian kejadian khusus/keberatan", multiline=True)
    if not text:
        raise DocumentError("Uraian kejadian khusus/keberatan tidak boleh kosong.", "empty_text")
    if nomor_urut is not None and nomor_urut not in [c.nomor for c in ws.election.ballot_contestants]:
        raise DocumentError(f"Pasangan calon nomor urut {nomor_urut} tidak ada.", "unknown_paslon")
    if region is not None and region not in {r.kode for r in ws.regencies()}:
        raise DocumentError(f"Kabupaten/kota dengan kode {region!r} tidak ada dalam pemilihan ini.",
                            "unknown_region")
    with ws.transaction():
        oid = ws.db["objection"].insert({"kind": kind, "region_kode": region, "nomor_urut": nomor_urut,
                                         "text": text, "recorded_at": now_iso(),
                                         "recorded_by": actor}).last_pk
        ws.record(actor, "plenary.objection_add", f"objection:{oid}", None,
                  {"kind": kind, "region": region, "nomor_urut": nomor_urut, "text": text})
    return oid


def plenary(ws: Workspace) -> Plenary:
    """Everything recorded about the plenary (empty strings where nothing was recorded)."""
    row = ws.conn.execute("SELECT place, date, time_start, time_end FROM plenary WHERE id = 1").fetchone()
    place, date, t0, t1 = row if row else (None, None, None, None)
    attendance = tuple({"id": r[0], "name": r[1], "role": r[2], "present": bool(r[3])} for r in ws.conn.execute(
        "SELECT id, name, role, present FROM plenary_attendance ORDER BY id"))
    witnesses = {r[0]: {"name": r[1], "status": r[2]} for r in ws.conn.execute(
        "SELECT nomor_urut, name, status FROM witness ORDER BY nomor_urut")}
    objections = tuple({"id": r[0], "kind": r[1], "region": r[2], "nomor_urut": r[3], "text": r[4],
                        "recorded_at": r[5], "recorded_by": r[6]} for r in ws.conn.execute(
        "SELECT id, kind, region_kode, nomor_urut, text, recorded_at, recorded_by FROM objection ORDER BY id"))
    return Plenary(place or "", date or "", t0 or "", t1 or "", attendance, witnesses, objections)
