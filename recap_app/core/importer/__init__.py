"""Import of regency recap certificates (DB1 / D.Hasil Kabupaten/Kota) from spreadsheets.

Entry point: :func:`import_files`. Each file is read (reader), its certificate found (layout),
checked, and stored in one transaction with the original file and an audit record; a refused
file writes nothing. See docs/import.md for the layouts read and the report's keys.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import sqlite3
import zipfile
import zlib
from pathlib import Path
from typing import NamedTuple

from .. import certificate, files, reconcile
from ..domain import JUMLAH
from ..errors import ImportRefused, RecapError, WorkspaceError, os_text
from ..store import Workspace, cells_json, stored_shape, values_sha256
from . import reader
from .layout import Context, Found, NotACertificate, find_certificate
from .names import name_key
from .numbers import short
from .reader import read_workbook
from .report import (
    ACCEPTED,
    CANCELLED,
    MADE_BY,
    MADE_BY_EN,
    REFUSED,
    UNCHANGED,
    FileReport,
    ImportReport,
    Interrupted,
    NotFlushed,
)

__all__ = ["import_files", "import_bytes", "read_file", "read_for_comparison", "ImportReport", "FileReport",
           "TEMPLATE_META_SHEET"]

#: hidden sheet of the province's own template holding the machine-readable identity
TEMPLATE_META_SHEET = "_recap"


def build_context(ws: Workspace) -> Context:
    """The election, regions and accepted aliases of a workspace, as the layout finder needs them."""
    kec: dict[str, list] = {}
    for r in ws.regions(ws.election.column_tier):
        kec.setdefault(r.kode_induk, []).append(r)
    spellings: dict[tuple, set[str]] = {}
    for dapil, partai, nomor, alias_norm in ws.conn.execute(
            "SELECT dapil, partai, nomor_urut, alias_norm FROM candidate_alias"):
        spellings.setdefault((dapil, partai or None, nomor), set()).add(alias_norm)
    return Context(ws.election, ws.regencies(), kec, ws.aliases(), candidate_aliases=spellings)


def import_files(ws: Workspace, paths, actor: str, accept_names: bool = False, reason: str | None = None,
                 expect_region: str | None = None, *, progress=None, cancelled=None,
                 read_ahead: bool = False) -> ImportReport:
    """Import regency certificate files, one transaction per file, one automatic backup per call.

    The files' commits reach the disk together at the end (:meth:`Workspace.synced_at_end`).

    Args:
        ws: the open workspace.
        paths: files to import (xlsx, xls, ods, csv), in order.
        actor: acting user (needs the "import" permission).
        accept_names: accept kecamatan names that only nearly match (remembered as aliases).
        reason: why, recorded with every new revision.
        expect_region: when given, a file for any other kabupaten/kota is refused.
        progress: called as ``progress(done, total, file name)`` before each file and
            ``progress(total, total, "")`` at the end (the window's progress bar).
        cancelled: a callable; once it returns True the remaining files are skipped, each
            reported with code "cancelled" (the files already stored stay stored).
        read_ahead: read the next files in a forked child while each file is stored
            (:mod:`.ahead`; the same reports and the same stored rows, only sooner). Asked by
            the command line; ignored where it is not safe (not Linux, other threads running).
    Returns:
        ImportReport; ``report.ok`` is False when any file was refused.
    Raises:
        NotAllowed: the actor may not import.
        Interrupted: Ctrl+C (KeyboardInterrupt) during the loop: the open file's transaction is
            rolled back; its ``report`` holds the files handled before it.
        NotFlushed: the disk refused to flush the files' commits at the end (a WorkspaceError,
            code "io_error"); its ``report`` says which files were stored; no backup is made.
    """
    from .. import auth

    auth.require(ws, actor, "import")
    report = ImportReport()
    paths = list(paths)
    # each file its own transaction with its findings (core/reconcile.py); all of them flushed to
    # the disk once, at the end, before the report says what was stored (Workspace.synced_at_end)
    try:
        with ws.synced_at_end(), reconcile.batch(ws):
            _import_each(ws, paths, report, actor, accept_names, reason, expect_region, progress, cancelled,
                         read_ahead)
    except KeyboardInterrupt as exc:
        if isinstance(exc, Interrupted):
            raise
        raise Interrupted(report) from exc
    except WorkspaceError as exc:
        if exc.code != "io_error":
            raise
        from ..startup import forget_checked

        forget_checked(ws.path)  # the file is checked whole at its next start
        raise NotFlushed(exc.message, report) from exc
    if any(f.status == ACCEPTED for f in report.files):
        from .. import backup

        backup.auto_backup(ws, "import", actor)  # after the commits; never raises (docs/security.md)
    if progress is not None:
        progress(len(paths), len(paths), "")
    return report


def _import_each(ws: Workspace, paths: list, report: ImportReport, actor: str, accept_names: bool,
                 reason: str | None, expect_region: str | None, progress, cancelled, read_ahead: bool) -> None:
    """The loop of :func:`import_files`: every file read, found and stored in turn into ``report``."""
    from . import ahead as reading_ahead

    ctx = build_context(ws)
    ahead = None
    if read_ahead and not ws.conn.in_transaction and reading_ahead.usable(paths):
        ahead = _start_ahead(paths, ctx, expect_region)
        if ahead is not None:
            _warm(ws)
    try:
        for i, path in enumerate(paths):
            path = Path(path)
            if cancelled is not None and cancelled():
                report.files.append(FileReport(path.name, code=CANCELLED, message=(
                    f"Berkas {path.name}: impor dibatalkan sebelum berkas ini; tidak ada yang disimpan.")))
                continue
            if progress is not None:
                progress(i, len(paths), f"{path.name} ({i + 1}/{len(paths)})")
            prepared = ahead.get(i) if ahead is not None else None
            if prepared is not None:
                data = prepared[0]
            else:
                try:
                    data = read_file(path)
                except ImportRefused as exc:
                    report.files.append(FileReport(path.name, code=exc.code, message=exc.message))
                    continue
                except OSError as exc:
                    report.files.append(FileReport(path.name, code="unreadable", message=(
                        f"Berkas {path.name} tidak dapat dibaca ({os_text(exc)}). Tidak ada yang disimpan.")))
                    continue
            # import_bytes turns every problem of one file into a refusal: the next files are still read
            rep = import_bytes(ws, path.name, data, actor, accept_names=accept_names, reason=reason,
                               expect_region=expect_region, context=ctx, prepared=prepared)
            report.files.append(rep)
            if rep.ok and any(n["match"] == "near" for n in rep.names + rep.calon):
                if ahead is not None:  # the child's context is now old: the rest is read here
                    ahead.stop()
                    ahead = None
                try:
                    ctx = build_context(ws)  # new aliases were accepted
                except Exception:  # noqa: BLE001 - the old context still reads the next files (aliases as near)
                    pass
    finally:
        if ahead is not None:
            ahead.close()


def _warm(ws: Workspace) -> None:
    """While the child reads the first file, what the first file's transaction would do first:
    the full check of the protected state (``Workspace.guard``, then skipped at the transaction's
    start unless somebody commits meanwhile) and the batch's reconciler. A problem found here is
    left for that transaction to meet and report, exactly as without this."""
    with contextlib.suppress(RecapError, sqlite3.Error):
        ws.guard()
        reconcile.warm_batch(ws)


def _start_ahead(paths: list, ctx: Context, expect_region: str | None):
    """A :class:`.ahead.ReadAhead` over ``paths`` with this context (the caller has asked
    :func:`.ahead.usable`), or None when no process can be made."""
    from . import ahead

    def prepare(path: Path) -> tuple[bytes, Found, list[str], Plan | None]:
        data = read_file(path)
        found, notes = _find(path.name, data, expect_region, ctx)
        try:
            planned = plan(ctx.election, found, ctx.kecamatan.get(found.regency.kode, []), path.name, found.sheet)
        except RecapError:  # the parent makes it again, refusal and all
            planned = None
        else:  # what storing needs of the certificate besides its plan: not the figures, nor the form
            found = dataclasses.replace(found, columns=[], values={}, field_rows={}, form=None)
        return data, found, notes, planned

    try:
        return ahead.ReadAhead(paths, prepare)
    except OSError:  # no process could be made (limits, memory): read in process
        return None


def read_for_comparison(ws: Workspace, path, prefix: str = "") -> tuple[dict[str, dict], list[str]]:
    """Another source's figures for :func:`recap_app.core.compare.compare_external`, stored nowhere.

    Reads a CSV keyed by region code or the program's own long export (compare.read_external_csv),
    or any spreadsheet holding certificates of this election in a layout the importer reads (the
    Situng workbooks, a regency's DB1, the province template): every sheet that holds a
    certificate gives its kecamatan columns (by kecamatan code) and its JUMLAH column (by regency
    code). A kecamatan name that only nearly matches is taken as the region it resembles and said.

    Returns:
        ({region code: {field key: int or None}}, notes for the clerk).
    Raises:
        CompareError / ImportRefused: the file cannot be read or holds no figures (the message
        names file, sheet, cell or row, and what was expected).
    """
    from .. import compare

    path = Path(path)
    if path.suffix.lower() in (".csv", ".txt"):
        try:
            return compare.read_external_csv(path, ws.election, prefix), []
        except compare.CompareError as exc:
            if exc.code != "no_key_column":
                raise
    try:
        data = read_file(path)
    except OSError as exc:
        raise ImportRefused(f"Berkas {path.name} tidak dapat dibaca ({os_text(exc)}).", "unreadable") from exc
    ctx = build_context(ws)
    wb = read_workbook(path.name, data)
    figures: dict[str, dict] = {}
    notes: list[str] = []
    for sh in wb.sheets:
        if sh.name == TEMPLATE_META_SHEET:
            continue
        try:
            found = find_certificate(sh, ctx, path.name)
        except NotACertificate:
            continue
        for c in found.columns:
            code = found.regency.kode if c.kode == JUMLAH else c.kode
            figures[code] = dict(found.values.get(c.kode, {}))
        notes.append(f"lembar {sh.name}: {found.regency.nama} ({found.regency.kode}), "
                     f"{len(found.columns)} kolom")
        notes += [f"lembar {sh.name}: \"{short(c.header)}\" dibaca sebagai {ws.region(c.kode).nama} ({c.kode}) "
                  "karena namanya mirip" for c in found.near]
    if not figures:
        raise ImportRefused(f"Berkas {path.name}: tidak ada sertifikat yang dikenali pada lembar "
                            f"{', '.join(s.name for s in wb.sheets) or '-'}; diharapkan tabel dengan baris formulir "
                            "(I-V) dan kolom kecamatan, atau CSV berkunci kode wilayah.", "no_certificate")
    return figures, notes


def read_file(path: Path) -> bytes:
    """The bytes of a file to import, refusing anything that is not a regular file.

    The file is opened without blocking (a FIFO would otherwise wait for a writer), checked with
    ``fstat`` on the open descriptor (``stat.S_ISREG``), then read with a bounded read of
    ``reader.MAX_FILE_BYTES + 1`` bytes: /dev/zero reports size 0 and never ends (core/files.py).

    Raises:
        ImportRefused: not a regular file (code "not_regular_file"), larger than
            ``reader.MAX_FILE_BYTES`` (code "too_large").
        OSError: the file cannot be opened or read.
    """
    try:
        return files.read_regular(path, reader.MAX_FILE_BYTES)
    except files.NotRegular as exc:
        raise ImportRefused(f"Berkas {path.name}: {exc.what}, bukan berkas biasa; diharapkan berkas lembar kerja "
                            "xlsx, xls, ods atau csv. Tidak ada yang disimpan.", "not_regular_file") from exc
    except files.TooLarge as exc:
        raise reader.too_large(path.name, exc.size) from exc


def import_bytes(ws: Workspace, name: str, data: bytes, actor: str, *, accept_names: bool = False,
                 reason: str | None = None, expect_region: str | None = None,
                 context: Context | None = None, prepared: tuple[bytes, Found, list[str], Plan | None] | None = None
                 ) -> FileReport:
    """Import one file given as bytes (the window and tests use this). Never raises for bad input:
    a refusal comes back as a FileReport with status "ditolak" and nothing written.

    ``context``: a :func:`build_context` result to reuse across files (built when omitted).
    ``prepared``: (data, found, notes, plan or None) of these bytes already read ahead with that
    context (:mod:`.ahead`); the certificate is then not looked for again, nor its plan made."""
    from .. import auth

    auth.require(ws, actor, "import")
    rep = FileReport(name, sha256=hashlib.sha256(data).hexdigest())
    try:
        planned = None
        if prepared is not None and prepared[0] is data:
            found, meta_notes, planned = prepared[1:]  # read ahead (ahead.py) from these very bytes
        else:
            found, meta_notes = _find(name, data, expect_region, context or build_context(ws))
        _store(ws, rep, found, name, data, actor, accept_names, reason, planned)
        rep.notes[:0] = meta_notes
    except RecapError as exc:
        msg = exc.message if name in exc.message else f"Berkas {name}: {exc.message} Tidak ada yang disimpan."
        rep.status, rep.code, rep.message = REFUSED, exc.code, msg
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:  # damaged deeper inside
        rep.status, rep.code = REFUSED, "damaged"
        rep.message = (f"Berkas {name} rusak: isi terkompresinya tidak utuh ({exc}); diharapkan berkas spreadsheet "
                       "yang utuh. Minta kiriman ulang dari kabupaten/kota. Tidak ada yang disimpan.")
    except Exception as exc:  # never crash on a file: anything unforeseen is a refusal, nothing written
        rep.status, rep.code = REFUSED, "unexpected"
        rep.message = (f"Berkas {name} tidak dapat diimpor karena kesalahan tak terduga ({type(exc).__name__}: "
                       f"{exc}). Tidak ada yang disimpan; laporkan berkas ini ke pengelola aplikasi.")
    return rep


def _find(name: str, data: bytes, expect_region: str | None, ctx: Context) -> tuple[Found, list[str]]:
    """The certificate of one file's bytes, found with ``ctx`` alone (the workspace is not read:
    the read-ahead child runs this). Raises the file's refusal (ImportRefused and the like)."""
    e = ctx.election
    if expect_region and expect_region not in ctx.regency_by_code:
        first = ctx.regencies[0] if ctx.regencies else None
        example = f", misalnya {first.kode} ({first.nama})" if first else ""
        raise ImportRefused(f"Berkas {name}: kode wilayah {short(expect_region)} yang diminta (--region) bukan "
                            f"kabupaten/kota dalam {e.name}; diharapkan kode salah satu dari {len(ctx.regencies)} "
                            f"kabupaten/kota daftar wilayah {e.region_set}{example}. Tidak ada yang disimpan.",
                            "unknown_region")
    wb = read_workbook(name, data)
    notes = list(wb.notes)
    meta = {}
    sheets = []
    for sh in wb.sheets:
        if sh.name == TEMPLATE_META_SHEET:
            meta = {str(r[0]).strip(): str(r[1]).strip() for r in sh.rows if len(r) > 1 and r[0] and r[1] is not None}
        else:
            sheets.append(sh)
    if meta:
        if meta.get("election_id") != e.id:
            raise ImportRefused(f"Berkas {name}: templat untuk pemilihan {meta.get('election_id')!r}, diharapkan "
                                f"{e.id} ({e.name}); berkas ini untuk pemilihan lain.", "wrong_election")
    found: list[Found] = []
    skipped = []
    hidden = {sh.name for sh in sheets if sh.hidden}
    for sh in sheets:
        try:
            found.append(find_certificate(sh, ctx, name))
        except NotACertificate as exc:
            skipped.append(f"{exc} (dilewati)")
        except ImportRefused as exc:
            if sh.name not in hidden:
                raise
            skipped.append(f"lembar tersembunyi {sh.name} tidak terbaca sebagai sertifikat ({exc.message}) (dilewati)")
    pool = [f for f in found if f.sheet not in hidden] or found  # hidden sheets only when nothing visible
    if not pool:
        raise ImportRefused(f"Berkas {name}: tidak ada sertifikat yang dikenali pada lembar "
                            f"{', '.join(s.name for s in sheets) or '-'} ({'; '.join(skipped)}); diharapkan tabel "
                            "dengan baris formulir (I-V) dan kolom kecamatan.", "no_certificate")
    pool.sort(key=lambda f: -f.score)
    best = pool[0]
    for other in pool[1:]:
        if other.regency.kode != best.regency.kode or other.values != best.values:
            raise ImportRefused(f"Berkas {name}: lembar {best.sheet} dan {other.sheet} sama-sama berisi sertifikat "
                                f"({best.regency.nama} / {other.regency.nama}) dengan isi berbeda; diharapkan satu "
                                "sertifikat per berkas.", "several_certificates")
    notes.extend(skipped)
    for f in found:
        if f is not best:
            notes.append(f"lembar tersembunyi {f.sheet} tidak dipakai" if f.sheet in hidden
                         else f"lembar {f.sheet} berisi salinan yang sama; tidak dipakai")
    if meta.get("region_kode") and meta["region_kode"] != best.regency.kode:
        raise ImportRefused(f"Berkas {name}: templat untuk wilayah {meta['region_kode']}, tetapi isinya "
                            f"{best.regency.nama} ({best.regency.kode}); berkas ini untuk kabupaten/kota lain.",
                            "wrong_regency")
    if expect_region and best.regency.kode != expect_region:
        want = ctx.regency_by_code.get(expect_region)
        raise ImportRefused(f"Berkas {name}: sertifikat {best.regency.nama} ({best.regency.kode}), diharapkan "
                            f"{want.nama if want else expect_region} ({expect_region}); berkas ini untuk "
                            "kabupaten/kota lain.", "wrong_regency")
    if meta:
        notes.append(f"templat program (pemilihan {meta.get('election_id')}, wilayah {meta.get('region_kode')})")
    return best, notes


class Plan(NamedTuple):
    """What storing one found certificate writes, worked out from the certificate and the region
    set alone (pure: the read-ahead child makes it while the parent stores the file before).

    Attributes:
        columns: the certificate's columns as stored (kecamatan in official order, then JUMLAH).
        values: {column: {field: int or None}}, every field of the form (JUMLAH summed from the
            kecamatan when the file has none, or an empty one).
        sha: :func:`recap_app.core.store.values_sha256` of columns and values (the revision's content hash).
        report: the FileReport fields these figures give (kecamatan read and missing, names
            taken as near or alias, blanks, dashes, recomputed cells, jumlah_computed, ...).
        findings: the rules on these figures (:func:`recap_app.core.reconcile.regency_findings`):
            the findings stored with the revision.
        cells: :func:`recap_app.core.store.cells_json` of columns and values (the cells' document).
    """

    columns: list[str]
    values: dict[str, dict[str, int | None]]
    sha: str
    report: dict
    findings: list
    cells: str


def plan(election, found: Found, regions: list, name: str, sheet: str) -> Plan:
    """The :class:`Plan` of a found certificate.

    Args:
        election: the workspace's election; found: the certificate found in the file;
        regions: the regency's column regions (kecamatan) in official order; name, sheet: the
            file and sheet, for the refusal.
    Raises:
        ImportRefused: every figure is blank ("empty_certificate").
    """
    kode = found.regency.kode
    regions_by = {r.kode: r for r in regions}
    by_kode = {c.kode: c for c in found.columns}
    kec = [k for k in regions_by if k in by_kode]
    columns = kec + [JUMLAH]
    keys = (found.form or election.form_of_region(kode)).field_keys
    values = {c: {k: found.values.get(c, {}).get(k) for k in keys} for c in columns}
    if all(values[c][k] is None for c in kec for k in keys):
        raise ImportRefused(f"Berkas {name}, lembar {sheet}: semua sel angka kosong; diharapkan sertifikat "
                            "yang sudah diisi.", "empty_certificate")
    jumlah_empty = JUMLAH in by_kode and all(v is None for v in values[JUMLAH].values()) and not any(
        rc["kolom"] == JUMLAH for rc in found.recomputed)
    report: dict = {"jumlah_computed": False}
    if JUMLAH not in by_kode or jumlah_empty:
        report["jumlah_computed"] = True
        for k in keys:
            present = [values[c][k] for c in kec if values[c][k] is not None]
            values[JUMLAH][k] = sum(present) if present else None
    report["kecamatan"] = [{"kode": k, "nama": regions_by[k].nama, "header": by_kode[k].header,
                            "match": by_kode[k].match} for k in kec]
    report["kecamatan_missing"] = [{"kode": r.kode, "nama": r.nama} for r in regions if r.kode not in by_kode]
    report["names"] = [{"header": c.header, "kode": c.kode, "nama": regions_by[c.kode].nama, "match": c.match}
                       for c in found.columns if c.match in ("near", "alias")]
    report["calon"] = [{"cell": c.ref, "header": c.header, "field": c.key, "nama": c.nama, "dapil": c.dapil,
                        "partai": c.partai, "nomor_urut": c.nomor_urut, "match": "near"}
                       for c in found.near_candidates]
    report["fields_read"] = len(found.field_rows)
    report["fields_absent"] = [k for k in keys if k not in found.field_rows]
    blanks: dict[str, list[str]] = {}
    for k in keys:
        if k in found.field_rows:
            cols = [c for c in columns if c in by_kode and values[c][k] is None]
            if cols:
                blanks[k] = cols
    report["blanks"] = blanks
    stored = stored_shape(values, columns, election.form_of_region(kode).field_keys)  # as the revision stores them
    findings = reconcile.regency_findings(election, found.regency, regions, columns, stored)
    return Plan(columns, values, values_sha256(columns, values), report, findings, cells_json(columns, values))


def _store(ws: Workspace, rep: FileReport, found: Found, name: str, data: bytes, actor: str,
           accept_names: bool, reason: str | None, planned: Plan | None = None) -> None:
    """Store one found certificate (one transaction), or raise its refusal. ``planned``: its
    :class:`Plan` already made (read ahead); made here otherwise."""
    kode = found.regency.kode
    rep.kode, rep.nama, rep.sheet, rep.transposed = kode, found.regency.nama, found.sheet, found.transposed
    if found.near and not accept_names:
        items = "; ".join(f"\"{short(c.header)}\" (sel {c.ref}) mungkin {ws.region(c.kode).nama} ({c.kode})"
                          + "".join(f" atau {r.nama} ({r.kode})" for r in c.suggestions) for c in found.near)
        raise ImportRefused(f"Berkas {name}, lembar {found.sheet}: nama kecamatan tidak persis sama dengan daftar "
                            f"wilayah: {items}. Periksa, lalu impor lagi dengan --accept-names untuk menerima ejaan "
                            "ini (akan diingat untuk wilayah itu).", "near_names")
    if found.near_candidates and not accept_names:
        items = "; ".join(f"\"{short(c.header)}\" (sel {c.ref}) mungkin {c.nama} (nomor urut {c.nomor_urut}"
                          + (f", partai nomor {c.partai}" if c.partai is not None else "") + ")"
                          for c in found.near_candidates[:8])
        more = f" dan {len(found.near_candidates) - 8} lainnya" if len(found.near_candidates) > 8 else ""
        raise ImportRefused(f"Berkas {name}, lembar {found.sheet}: nama calon tidak persis sama dengan daftar calon: "
                            f"{items}{more}. Periksa, lalu impor lagi dengan --accept-names untuk menerima ejaan ini "
                            "(akan diingat untuk calon itu).", "near_names")
    p = planned or plan(ws.election, found, ws.columns_of(kode), name, found.sheet)
    columns, values, sha = p.columns, p.values, p.sha
    for key, value in p.report.items():
        setattr(rep, key, value)
    rep.dashes = found.dashes
    rep.recomputed = found.recomputed
    rep.notes.extend(found.notes)
    keys = next(iter(values.values())).keys()
    # the "already there" check runs inside the write transaction (BEGIN IMMEDIATE holds the write
    # lock): a second import of the same file at the same time waits, then sees the first's revision
    with ws.transaction():
        latest = ws.latest_revision(kode)
        if latest is not None and latest.content_sha256 == sha:
            rep.status, rep.revision = UNCHANGED, latest.number
            return
        if latest is not None:
            before = ws.revision_values(latest.id)
            for c in sorted(set(before) | set(values), key=lambda c: (c == JUMLAH, c)):
                for k in keys:
                    b, a = before.get(c, {}).get(k), values.get(c, {}).get(k)
                    if b != a:
                        rep.differences.append({"kolom": c, "field": k, "before": b, "after": a})
            certificate.not_adopted(ws, kode, certificate.OFFICIAL).raise_if_not()  # said before a reason is asked
            made = _made_by(ws, latest)  # only the records of the protected actions (an index search)
            if latest.source_file_id is None or made:
                rep.replaces = _replaced(latest, made)  # said in the refusal, or in the accepted file's report
                if not (reason or "").strip():
                    raise ImportRefused(_replaces_entry(ws, rep, name, found.sheet), "reason_needed")
        for c in found.near:
            ws.add_alias(c.kode, c.header, name_key(c.header), actor)
        for c in found.near_candidates:
            _accept_candidate_name(ws, c, actor)
        file_id = ws.find_source_file(rep.sha256) or ws.store_source_file(name, data, actor)
        rid = certificate.record_revision(ws, kode, columns, values, actor=actor, permission="import",
                                          source_file_id=file_id, reason=reason, action="certificate.import",
                                          findings=p.findings, content_sha256=sha, cells_json=p.cells)
    rep.status, rep.revision = ACCEPTED, ws.revision_info(rid).number


#: how a revision that came from no file was made, by its audit action (the refusal's words)
_MADE_BY = MADE_BY  # the actions whose revisions a file does not replace without a reason


def _made_by(ws: Workspace, latest) -> str:
    """The action of :data:`_MADE_BY` that stored revision ``latest`` ("bundle.revision"...), ""
    when it was stored otherwise (an imported file) or no record names it. Reads only the
    certificate's records of those actions."""
    import json

    marks = ", ".join("?" * len(_MADE_BY))
    for action, after in ws.conn.execute(f"SELECT action, after FROM audit WHERE entity = ? AND action IN ({marks}) "
                                         "ORDER BY id DESC", (f"certificate:{latest.region_kode}", *_MADE_BY)):
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            rec = json.loads(after or "null")
            if rec.get("revision") == latest.number and rec.get("kind") == latest.kind:
                return action
    return ""


def _replaced(latest, made: str) -> dict:
    """The ``replaces`` record of a file report: the revision not from a file that the file would
    replace (or replaced, with a reason): {"revision": number, "made": the action of
    :data:`_MADE_BY` or "", "by": user, "at": ISO time (UTC), "reason": its reason or None}."""
    return {"revision": latest.number, "made": made, "by": latest.created_by, "at": latest.created_at,
            "reason": latest.reason}


def replacement_text(ws: Workspace, rep: FileReport, lang: str = "id") -> str:
    """What a file replaces (``rep.replaces``, see :func:`_replaced`) and the figures it changes
    (``rep.differences``, the first five named by kecamatan and the form's label), in Indonesian
    or English (``lang`` "en"); "" when it replaces nothing protected. The window's reason dialog
    shows it; the refusal ``reason_needed`` is made of it."""
    from ..formatting import figure, local_time

    r = rep.replaces
    if not r:
        return ""
    en = lang == "en"
    how = (MADE_BY_EN if en else MADE_BY).get(r["made"], "made without a file" if en else "dibuat tanpa berkas")
    region = ws.region(rep.kode) if rep.kode else None
    form = ws.election.form_of_region(rep.kode)

    def column(kolom: str) -> str:
        c = ws.region(kolom) if kolom != JUMLAH else None
        return f"{c.nama} ({kolom})" if c else kolom

    changes = rep.differences
    to = " to " if en else " menjadi "
    shown = "; ".join(f"{column(d['kolom'])} {form.field_label(d['field'], lang)}: {figure(d['before'])}{to}"
                      f"{figure(d['after'])}" for d in changes[:5])
    more = (f" and {len(changes) - 5} more" if en else f" dan {len(changes) - 5} lainnya") if len(changes) > 5 else ""
    why = (f", reason: \"{short(r['reason'])}\"" if en else f", alasan: \"{short(r['reason'])}\"") if r["reason"] else ""
    name = f"{region.nama if region else rep.kode} ({rep.kode})"
    if en:
        head = f"The certificate of {name}, revision {r['revision']}, {how} by {r['by']} on {local_time(r['at'], 'en')}{why}."
        if not changes:
            return head + " The file has the same figures and other columns (kecamatan); it would replace it."
        return head + f" The file would replace it and change {len(changes)} figure(s) ({shown}{more})."
    head = f"sertifikat {name} revisi {r['revision']} {how} oleh {r['by']} pada {local_time(r['at'])}{why}."
    if not changes:
        return head + " Angka berkas ini sama, kolomnya (kecamatan) berbeda; berkas ini akan menggantinya."
    return head + f" Berkas ini akan menggantinya dan mengubah {len(changes)} isian ({shown}{more})."


def _replaces_entry(ws: Workspace, rep: FileReport, name: str, sheet: str) -> str:
    """The refusal of a file that would replace, without a reason, a revision not made from a file
    (typed in the editor, decided by double entry, received in a bundle): such a revision is
    usually a correction made on purpose, and a file sent earlier must not undo it unnoticed. The
    message names the revision, who made it, when (office time) and why, and the first figures
    the file would change (:func:`replacement_text`), then how to import it all the same."""
    return (f"Berkas {name}, lembar {sheet}: {replacement_text(ws, rep)} Bila berkas ini yang berlaku (misalnya "
            "perbaikan dari kabupaten/kota), impor lagi dengan alasan: --reason \"...\" (di jendela: isi alasan saat "
            "ditanya). Tidak ada yang disimpan.")


def _accept_candidate_name(ws: Workspace, c, actor: str) -> None:
    """Remember a candidate spelling the clerk accepted (inside the import's transaction), audited."""
    from ..clock import now_iso
    from .lists import name_key as person_key

    ws.db["candidate_alias"].upsert({"dapil": c.dapil, "partai": c.partai or 0, "nomor_urut": c.nomor_urut,
                                     "alias": c.header, "alias_norm": person_key(c.header), "accepted_by": actor,
                                     "accepted_at": now_iso()}, pk=("dapil", "partai", "nomor_urut", "alias_norm"))
    ws.record(actor, "candidate.alias_accept", f"calon:{c.dapil}:{c.partai or 0}:{c.nomor_urut}", None,
              {"alias": c.header, "nama": c.nama})
