"""The polling-station (TPS) source as stored: C1 / C.Hasil figures per TPS, apart from the certificates.

The figures a KPPS wrote on its C1 (2019) or C.Hasil (2020 on) form, as typed into Situng or
Sirekap, are what a witness points to when a kecamatan figure is disputed. They are a source to
compare with, never the legal result (docs/domain.md §1): they live in their own tables
(schema/tps.py), and no sum, document, export or bundle reads them.

A TPS set is held as columns (:class:`TpsData`): entry *i* of every list is TPS *i*, in source
order. One import stores one set in one transaction with one audit record ("tps.import"); a new
import of the same source (``sumber``: "situng", "sirekap", ...) replaces the rows of the previous
one in that transaction, and ``tps_import`` keeps the history.

Integrity (docs/security.md §3.5, as for certificate cells): the rows table is too large for the
state digests (core/state.py ``EXCLUDED``), so the SHA-256 of the stored content
(:func:`content_sha256`: the raw columns, hashed as a few long strings, not row by row) is kept with
the import row and in its audit record. :func:`load` refuses rows that no longer hash to both
("tampered"); :func:`verify` is the check ``recap audit verify`` runs.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field

from .audit import Problem
from .clock import now_iso
from .errors import RecapError, WorkspaceError
from .store import Workspace
from .text import shown

#: the first bytes hashed by :func:`content_sha256` (the layout of the hashed content, version 1)
CONTENT_TAG = b"recap_app.tps/1\n"

#: the audit event of an import, and the entity it names ("tps:situng")
ACTION = "tps.import"


class TpsError(RecapError):
    """No TPS set to read (code "no_tps"), or an unknown source or import."""


@dataclass
class TpsData:
    """A TPS set as columns; entry *i* of every list is TPS *i*, in source order.

    Attributes:
        isian: the field keys carried (the form's keys, form order: ``dpt_l``, ``paslon_1``, ...).
        baris: the TPS's line in the CSV file (header = line 1) or its position in the JSON list (from 1).
        kode_kecamatan: the kecamatan code ("33.01.02").
        kode_desa: the desa/kelurahan code ("33.01.02.2001"), None where the source has none.
        desa: the desa/kelurahan name as the source spells it ("" when it gives none).
        no_tps: the TPS number within its desa (1, 2, ...).
        angka: {field key: figures, one per TPS (int, None = blank: never zero)}.
    """

    isian: tuple[str, ...]
    baris: list[int] = field(default_factory=list)
    kode_kecamatan: list[str] = field(default_factory=list)
    kode_desa: list[str | None] = field(default_factory=list)
    desa: list[str] = field(default_factory=list)
    no_tps: list[int] = field(default_factory=list)
    angka: dict[str, list[int | None]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.baris)

    def figures_texts(self) -> list[str]:
        """Each TPS's figures as stored (``tps.angka``): a JSON array in :attr:`isian` order, e.g.
        ``[140,144,147,59,206,4,210]`` (``null`` for a blank). One C-level dump and split, not one
        dump per row."""
        if not self.isian:
            return ["[]"] * len(self)
        whole = json.dumps(list(zip(*(self.angka[k] for k in self.isian), strict=True)), separators=(",", ":"))
        return [f"[{part}]" for part in whole[2:-2].split("],[")] if len(self) else []

    def place(self, i: int) -> str:
        """TPS *i* as the clerk reads it: "kecamatan 33.01.02, desa MENGANTI (33.01.02.2001), TPS 1"."""
        desa = self.desa[i] or "(tanpa nama)"
        code = f" ({self.kode_desa[i]})" if self.kode_desa[i] else ""
        return f"kecamatan {self.kode_kecamatan[i]}, desa {shown(desa)}{code}, TPS {self.no_tps[i]}"


@dataclass(frozen=True)
class TpsImport:
    """One import of a TPS source (a row of ``tps_import``).

    Attributes:
        id: import number; sumber: the source ("situng"); format: "csv" or "json".
        berkas, berkas_size, berkas_sha256: the file as imported (name, bytes, SHA-256 of its bytes).
        isian: the field keys carried; jumlah_tps: the number of TPS.
        content_sha256: SHA-256 of the stored rows (:func:`content_sha256`).
        imported_at, imported_by: when and by whom.
        replaced_by, replaced_at: the import that replaced its rows, and when (None while current).
    """

    id: int
    sumber: str
    format: str
    berkas: str
    berkas_size: int
    berkas_sha256: str
    isian: tuple[str, ...]
    jumlah_tps: int
    content_sha256: str
    imported_at: str
    imported_by: str
    replaced_by: int | None = None
    replaced_at: str | None = None

    @property
    def current(self) -> bool:
        """True while its rows are the source's current set."""
        return self.replaced_by is None

    def to_dict(self) -> dict:
        """JSON-ready form (``recap tps history --format json``, ``impor`` of ``recap tps check``)."""
        return {"id": self.id, "sumber": self.sumber, "format": self.format, "berkas": self.berkas,
                "berkas_size": self.berkas_size, "berkas_sha256": self.berkas_sha256, "isian": list(self.isian),
                "jumlah_tps": self.jumlah_tps, "sha256": self.content_sha256, "diimpor_pada": self.imported_at,
                "diimpor_oleh": self.imported_by, "diganti_oleh": self.replaced_by, "diganti_pada": self.replaced_at}


@dataclass
class StoredTps:
    """A TPS set read back and checked (:func:`load`): its import and its columns."""

    info: TpsImport
    data: TpsData


_IMPORT_COLUMNS = ("id, sumber, format, berkas, berkas_size, berkas_sha256, isian, jumlah_tps, content_sha256, "
                   "imported_at, imported_by, replaced_by, replaced_at")


def _info(row) -> TpsImport:
    return TpsImport(row[0], row[1], row[2], row[3], row[4], row[5], tuple(json.loads(row[6])), *row[7:])


# --------------------------------------------------------------------------- the content hash
def content_sha256(data: TpsData, texts: list[str] | None = None) -> str:
    """SHA-256 (hex) of a TPS set's content: the field list, then each column as one long string.

    The columns are hashed whole (a JSON array each for baris, kode_kecamatan, kode_desa, desa and
    no_tps; the stored figure arrays joined by newlines), so 100,000 TPS hash in milliseconds.
    ``texts``: the stored figure texts when already at hand (:meth:`TpsData.figures_texts`).
    """
    h = hashlib.sha256(CONTENT_TAG)
    h.update(json.dumps(list(data.isian)).encode("utf-8") + b"\n")
    for column in (data.baris, data.kode_kecamatan, data.kode_desa, data.desa, data.no_tps):
        h.update(json.dumps(column, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
    h.update("\n".join(data.figures_texts() if texts is None else texts).encode("utf-8"))
    return h.hexdigest()


# --------------------------------------------------------------------------- history
def imports(ws: Workspace, sumber: str | None = None) -> list[TpsImport]:
    """Every import (of one source, or all), newest first."""
    sql = f"SELECT {_IMPORT_COLUMNS} FROM tps_import"
    args: tuple = ()
    if sumber is not None:
        sql += " WHERE sumber = ?"
        args = (sumber,)
    return [_info(r) for r in ws.conn.execute(sql + " ORDER BY id DESC", args)]


def current(ws: Workspace, sumber: str | None = None) -> TpsImport | None:
    """The current import of ``sumber`` (None: of the source imported last), or None when there is none."""
    return next((i for i in imports(ws, sumber) if i.current), None)


def replace_set(ws: Workspace, data: TpsData, *, sumber: str, format: str, berkas: str, berkas_size: int,
                berkas_sha256: str, actor: str, note: dict | None = None,
                texts: list[str] | None = None) -> TpsImport:
    """Store a TPS set as the current set of ``sumber``: one transaction, one audit record.

    The rows of the source's previous import are deleted in the same transaction and that import
    is marked replaced (its history row stays). Storage only: the caller checks the permission
    ("import") and the file (core/tps_import.py).

    Args:
        data: the set (columns); format: "csv" or "json"; berkas, berkas_size, berkas_sha256: the file.
        note: more facts for the audit record (unknown kecamatan, blanks), JSON-serialisable.
        texts: ``data.figures_texts()`` when the caller has them already.
    Returns:
        The new import's :class:`TpsImport`.
    Raises:
        WorkspaceError: read-only, full disk, locked, or state changed outside the program.
    """
    texts = data.figures_texts() if texts is None else texts
    sha = content_sha256(data, texts)
    at = now_iso()
    with ws.transaction():
        prev = current(ws, sumber)
        new_id = ws.db["tps_import"].insert({
            "sumber": sumber, "format": format, "berkas": shown(berkas), "berkas_size": berkas_size,
            "berkas_sha256": berkas_sha256, "isian": json.dumps(list(data.isian)), "jumlah_tps": len(data),
            "content_sha256": sha, "imported_at": at, "imported_by": actor}).last_pk
        with ws.bulk_writes("tps"):
            if prev is not None:
                ws.conn.execute("DELETE FROM tps WHERE import_id = ?", (prev.id,))
            ws.conn.executemany(
                "INSERT INTO tps (import_id, baris, kode_kecamatan, kode_desa, desa, no_tps, angka) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                zip([new_id] * len(data), data.baris, data.kode_kecamatan, data.kode_desa, data.desa, data.no_tps,
                    texts, strict=True))
        if prev is not None:
            ws.conn.execute("UPDATE tps_import SET replaced_by = ?, replaced_at = ? WHERE id = ?", (new_id, at, prev.id))
        before = None if prev is None else {"impor": prev.id, "sha256": prev.content_sha256, "jumlah_tps": prev.jumlah_tps}
        ws.record(actor, ACTION, f"tps:{sumber}", before,
                  {"impor": new_id, "sumber": sumber, "format": format, "berkas": shown(berkas),
                   "berkas_sha256": berkas_sha256, "jumlah_tps": len(data), "isian": list(data.isian),
                   "sha256": sha, "mengganti": None if prev is None else prev.id, **(note or {})})
    return _info(ws.conn.execute(f"SELECT {_IMPORT_COLUMNS} FROM tps_import WHERE id = ?", (new_id,)).fetchone())


# --------------------------------------------------------------------------- reading, checked
def _audited(conn: sqlite3.Connection, sumber: str) -> dict[int, str]:
    """{import id: content SHA-256} as the audit records of ``sumber``'s imports carry them."""
    out: dict[int, str] = {}
    for (after,) in conn.execute("SELECT after FROM audit WHERE entity = ? AND action = ?", (f"tps:{sumber}", ACTION)):
        try:
            a = json.loads(after) if after else None
        except ValueError:
            continue
        if isinstance(a, dict) and isinstance(a.get("impor"), int) and isinstance(a.get("sha256"), str):
            out[a["impor"]] = a["sha256"]
    return out


def _read(conn: sqlite3.Connection, info: TpsImport) -> tuple[TpsData, list[str]]:
    """The stored rows of one import as columns, and their figure texts as stored.

    Raises:
        ValueError: a figure text that is not a JSON array of the import's width (changed outside
            the program; the caller reports it as such).
    """
    data = TpsData(info.isian)
    texts: list[str] = []
    codes: dict[str, str] = {}  # one string object per distinct code or name, not one per row
    cur = conn.execute("SELECT baris, kode_kecamatan, kode_desa, desa, no_tps, angka FROM tps WHERE import_id = ? "
                       "ORDER BY baris", (info.id,))
    while rows := cur.fetchmany(20_000):
        for baris, kec, desa_kode, desa, no, angka in rows:
            data.baris.append(baris)
            data.kode_kecamatan.append(codes.setdefault(kec, kec))
            data.kode_desa.append(None if desa_kode is None else codes.setdefault(desa_kode, desa_kode))
            data.desa.append(codes.setdefault(desa, desa))
            data.no_tps.append(no)
            texts.append(angka)
    width = len(info.isian)
    flat = json.loads("[" + ",".join(t[1:-1] for t in texts if t != "[]") + "]") if width else []
    if len(flat) != width * len(texts) or any(t[:1] != "[" or t[-1:] != "]" for t in texts):
        raise ValueError("figure texts of the wrong width")
    data.angka = {k: flat[j::width] for j, k in enumerate(info.isian)}
    return data, texts


def _changed(info: TpsImport, why: str) -> WorkspaceError:
    return WorkspaceError(
        f"Data TPS sumber {info.sumber} (impor #{info.id}, berkas {info.berkas}) {why}. Data ini tidak dipakai; "
        "jalankan 'recap audit verify' dan pulihkan cadangan yang baik.", "tampered")


def load(ws: Workspace, sumber: str | None = None) -> StoredTps:
    """The current TPS set of ``sumber`` (None: of the source imported last), checked.

    The import history, the stored definition and the region set are checked against the chain
    (:meth:`Workspace.guard`); the rows must hash to the import's ``content_sha256`` and that hash
    must be the one its audit record carries, so figures changed with ``sqlite3`` are never used.

    Returns:
        :class:`StoredTps` (about 0,2 s for 115.401 TPS).
    Raises:
        TpsError: "no_tps" when nothing was imported (or not from ``sumber``).
        WorkspaceError: "tampered".
    """
    ws.guard(("tps_import", "meta", "region"))
    info = current(ws, sumber)
    if info is None:
        known = sorted({i.sumber for i in imports(ws)})
        what = f"dari sumber {sumber!r} " if sumber else ""
        have = f" Sumber yang ada: {', '.join(known)}." if known else ""
        raise TpsError(f"Belum ada data TPS {what}yang diimpor di ruang kerja {ws.path}.{have} Impor dulu dengan: "
                       f"recap tps import --db {ws.path} BERKAS", "no_tps")
    try:
        data, texts = _read(ws.conn, info)
    except (ValueError, TypeError) as exc:
        raise _changed(info, "telah diubah di luar program (angka TPS tidak terbaca)") from exc
    if len(data) != info.jumlah_tps or content_sha256(data, texts) != info.content_sha256:
        raise _changed(info, "telah diubah di luar program (SHA-256 baris TPS tidak cocok dengan yang tercatat)")
    logged = _audited(ws.conn, info.sumber).get(info.id)
    if logged != info.content_sha256:
        why = "tidak tercatat di log audit" if logged is None else "SHA-256-nya berbeda dari yang tercatat di log audit"
        raise _changed(info, f"{why} (diubah atau disisipkan di luar program)")
    return StoredTps(info, data)


def verify(ws: Workspace) -> list[Problem]:
    """Every TPS import against its rows and its audit record (``recap audit verify``).

    A current import's rows must hash to its ``content_sha256`` and the audit record of the import
    must carry that hash; a replaced import must have no rows left; no row may belong to an import
    that is not in the history.

    Returns:
        Problems of kind "content" (rows changed, added or left behind outside the program) or
        "unaudited" (an import without its audit record, or one whose hash differs).
    """
    conn = ws.conn
    problems: list[Problem] = []
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'tps_import'").fetchone() is None:
            return []
        history = [_info(r) for r in conn.execute(f"SELECT {_IMPORT_COLUMNS} FROM tps_import ORDER BY id")]
        counts = dict(conn.execute("SELECT import_id, COUNT(*) FROM tps GROUP BY import_id").fetchall())
    except (sqlite3.DatabaseError, ValueError) as exc:
        return [Problem("unreadable", None, f"Data TPS tidak dapat dibaca: {exc}.")]
    known = {i.id for i in history}
    for stray in sorted(set(counts) - known):
        problems.append(Problem("content", None, f"Ada {counts[stray]} baris TPS untuk impor #{stray} yang tidak ada "
                                                 "dalam riwayat impor TPS (ditambahkan di luar program)."))
    audited: dict[str, dict[int, str]] = {}
    for info in history:
        what = f"Data TPS sumber {info.sumber} (impor #{info.id}, berkas {info.berkas})"
        if not info.current:
            if counts.get(info.id):
                problems.append(Problem("content", None, f"{what} sudah diganti impor #{info.replaced_by}, tetapi "
                                                         f"{counts[info.id]} barisnya masih ada (diubah di luar program)."))
            continue
        try:
            data, texts = _read(conn, info)
            ok = len(data) == info.jumlah_tps and content_sha256(data, texts) == info.content_sha256
        except (ValueError, TypeError, sqlite3.DatabaseError):
            ok = False
        if not ok:
            problems.append(Problem("content", None, f"{what}: baris TPS-nya telah diubah di luar program (isinya tidak "
                                                     "cocok lagi dengan SHA-256 yang tercatat)."))
        logged = audited.setdefault(info.sumber, _audited(conn, info.sumber)).get(info.id)
        if logged != info.content_sha256:
            why = "tidak mempunyai catatan audit" if logged is None else "berbeda SHA-256-nya dari catatan auditnya"
            problems.append(Problem("unaudited", None, f"{what} {why} (diubah atau disisipkan di luar program)."))
    return problems
