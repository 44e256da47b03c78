"""The status of each certificate, read from what is stored: the CLI's ``recap status``, the
window's regency list, the published site.

Light on purpose (no rules, no forms, no accounts): a status is a question about stored rows
(the latest official revision, the stored check of its findings, the open findings, the
adoption), answered in a few queries; the lifecycle that changes them is
:mod:`recap_app.core.certificate`, the evaluation that stores findings
:mod:`recap_app.core.reconcile`. docs/state-machines.md draws the states.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING

from .domain import RULES_VERSION
from .errors import NotNow, WorkspaceError
from .schema.findings import SEAL_FORMAT, seals_of

if TYPE_CHECKING:  # pragma: no cover
    from .store import Workspace


class Status(StrEnum):
    """The status of a submitting region's certificate (the words the clerk reads)."""

    BELUM_MASUK = "belum masuk"  # no official revision received
    DRAF = "draf"  # received, the rules have not been run on its latest revision
    ADA_KESALAHAN = "ada kesalahan"  # an error neither fixed nor overridden by the chair
    ADA_PERINGATAN = "ada peringatan"  # no open error, a warning without an explanation
    SESUAI = "sesuai"  # every finding resolved (or none)
    DITETAPKAN = "ditetapkan"  # adopted in the plenary; the certificate is locked


def statuses(ws: Workspace) -> list[dict]:
    """[{kode, nama, status, revision, errors, warnings}] for every submitting region, in
    official order; ``status`` is a :class:`Status` (a str); ``errors``/``warnings`` count the
    open (unresolved) findings, None while the region is not received or not checked. Reads only.

    Raises:
        WorkspaceError: code "tampered" when an adoption or other protected state was changed
            outside the program (Workspace.guard): a forged "ditetapkan" is never shown; and when
            a certificate's stored findings no longer match their stored check's content hash
            (:func:`refuse_changed_findings`): a deleted error is never shown as "sesuai".
    """
    ws.guard()
    counts = open_counts(ws)
    adopted = {k for k, rid in ws.conn.execute("SELECT region_kode, adopted_revision_id FROM certificate")
               if rid is not None}
    latest = ws.latest_revisions()
    out = []
    for region in ws.regencies():
        info = latest.get(region.kode)
        c = counts.get(region.kode)
        if info is None:
            st = Status.BELUM_MASUK
        elif region.kode in adopted:
            st = Status.DITETAPKAN
        elif c is None:
            st = Status.DRAF
        else:
            st = Status.ADA_KESALAHAN if c["error"] else Status.ADA_PERINGATAN if c["warning"] else Status.SESUAI
        out.append({"kode": region.kode, "nama": region.nama, "status": st,
                    "revision": info.number if info else None,
                    "errors": None if c is None else c["error"], "warnings": None if c is None else c["warning"]})
    return out


def status(ws: Workspace, kode: str) -> Status:
    """The status of one submitting region's certificate."""
    for row in statuses(ws):
        if row["kode"] == kode:
            return row["status"]
    raise NotNow(f"Kode {kode!r} bukan wilayah pengirim sertifikat dalam pemilihan ini.", "unknown_region")


def latest_revisions(ws: Workspace) -> dict[str, int]:
    """{regency code: id of its latest official revision} (one light query)."""
    rows = ws.conn.execute(
        """SELECT c.region_kode, r.id FROM revision r JOIN certificate c ON c.id = r.certificate_id
           WHERE r.kind = 'resmi' AND r.number = (SELECT MAX(number) FROM revision r2
               WHERE r2.certificate_id = r.certificate_id AND r2.kind = 'resmi')""").fetchall()
    return dict(rows)


def regency_basis(revision_id: int) -> str:
    """What a regency's stored check must say for its findings to be current: "<revision id>|<rules
    version>" (table ``finding_check``, column ``basis``)."""
    return f"{revision_id}|{RULES_VERSION}"


def stored_checks(ws: Workspace) -> dict[str, str]:
    """{scope (regency code or the province code): basis} of every stored check (``finding_check``)."""
    return dict(ws.conn.execute("SELECT scope, basis FROM finding_check"))


def open_counts(ws: Workspace) -> dict[str, dict[str, int]]:
    """{regency code: {"error": n, "warning": n}} of the open (unresolved) stored findings of each
    regency whose stored check matches its latest revision — what :func:`recap_app.core.reconcile.stored_by_region`
    would count, in one SQL query (the status list of the CLI and the window). A received regency
    missing from the answer has not been checked on its latest revision yet. Reads only."""
    latest = latest_revisions(ws)
    checks = stored_checks(ws)
    current = {k: rid for k, rid in latest.items() if checks.get(k) == regency_basis(rid)}
    out = {k: {"error": 0, "warning": 0} for k in current}
    if not current:
        return out
    refuse_changed_findings(ws, current)
    # resolved = a note of the finding's kind (override for an error, explanation for a warning)
    # for the same key ("code|region|column|field", Finding.key) and the same figures and columns;
    # a regency's findings name it as their region: one naming another region is never resolved here
    rows = ws.conn.execute(
        f"""SELECT f.scope, f.revision_id, f.severity, COUNT(*) FROM finding f
            WHERE f.revision_id IN ({','.join('?' * len(current))}) AND NOT (f.region = f.scope AND EXISTS (
                SELECT 1 FROM finding_note n
                WHERE n.key = f.code || '|' || f.region || '|' || COALESCE(f.kolom, 'None') || '|'
                              || COALESCE(f.field, 'None')
                  AND n.kind = CASE f.severity WHEN 'error' THEN 'override' ELSE 'explanation' END
                  AND n.expected IS f.expected AND n.actual IS f.actual AND n.columns = f.columns))
            GROUP BY f.scope, f.revision_id, f.severity""", tuple(current.values()))
    for scope, revision_id, severity, n in rows:  # by scope and checked revision, as the seals count them
        if scope in out and revision_id == current[scope] and severity in out[scope]:
            out[scope][severity] = n
    return out


def changed_findings(ws: Workspace, scopes: Mapping[str, int | None]) -> list[str]:
    """The scopes (regency codes; the province code) among ``scopes`` ({scope: the revision id its
    check names, None for the province set}) whose stored findings are not the ones their stored
    check sealed (``finding_check.findings_seal``, under the audit chain: how many errors, warnings
    and distinct findings, and each error): a finding deleted, added, softened or copied onto
    another, or an error changed, outside the program. Two light queries; a workspace of an older
    schema opened read-only (no seals yet) gives []."""
    if not scopes:
        return []
    try:
        seals = dict(ws.conn.execute("SELECT scope, findings_seal FROM finding_check"))
    except sqlite3.OperationalError:  # before the seals' migration, read-only: nothing to compare with
        return []
    now = seals_of(ws.conn, scopes)
    return [s for s in scopes if (seals.get(s) or "").startswith(SEAL_FORMAT) and now[s] != seals[s]]


def refuse_changed_findings(ws: Workspace, scopes: Mapping[str, int | None]) -> None:
    """Refuse (WorkspaceError "tampered") when :func:`changed_findings` names any scope."""
    changed = changed_findings(ws, scopes)
    if changed:
        shown = ", ".join(changed[:10]) + (" dan lainnya" if len(changed) > 10 else "")
        raise WorkspaceError(
            f"Temuan tersimpan {shown} tidak cocok dengan sidik pemeriksaannya yang tercatat: temuan diubah di luar "
            "program, jadi statusnya tidak ditampilkan. Tidak ada yang dilakukan; jalankan 'recap audit verify' dan "
            "pulihkan cadangan yang baik.", "tampered")
