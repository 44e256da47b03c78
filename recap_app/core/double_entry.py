"""Double entry: a certificate typed a second time by another person, compared field by field,
and a coordinator's recorded decision (docs/rules.md; practice of kiesraad/abacus).

States of a certificate's double entry (:func:`state`):

- ``tidak ada``: no second entry since the last decision;
- ``menunggu``: a second entry waits for the coordinator (adoption is refused meanwhile);
- ``selesai``: the coordinator kept entry 1 or entry 2 per differing field; when any entry-2
  figure was kept, a new official revision holds the result;
- ``dikembalikan``: the coordinator sent the certificate back to be typed again.

Entry 1 is the latest official revision; entry 2 is stored as a revision of kind
``entri_kedua`` (never counted in totals). The person typing entry 2 must not be the author of
entry 1.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import auth
from .certificate import SECOND_ENTRY, decided, pending_second_entry, record_revision
from .clock import now_iso
from .compare import CompareReport, compare_revisions
from .errors import NotAllowed, RecapError
from .store import Values, Workspace
from .text import optional_text, plain

ENTRY2 = SECOND_ENTRY
KEEP = ("entri_1", "entri_2")


class DoubleEntryError(RecapError):
    """A double-entry request the clerk must correct (nothing written)."""


def _region_name(ws: Workspace, kode: str) -> str:
    r = ws.region(kode)
    if r is None or r.tingkat != ws.election.child_tier:
        raise DoubleEntryError(f"Kode {kode!r} bukan kabupaten/kota pengirim sertifikat dalam pemilihan ini.",
                               "unknown_region")
    return f"{r.nama} ({kode})"


def state(ws: Workspace, kode: str) -> dict:
    """{status, entry1, entry2, decision} for a certificate; entries are RevisionInfo or None,
    decision the last {outcome, by, at, reason, result_revision_id} or None."""
    e1, e2 = ws.latest_revision(kode), ws.latest_revision(kode, ENTRY2)
    row = ws.conn.execute(
        "SELECT outcome, by, at, reason, result_revision_id, entry2_revision_id FROM double_entry_decision "
        "WHERE region = ? ORDER BY id DESC LIMIT 1", (kode,)).fetchone()
    decision = None if row is None else dict(zip(("outcome", "by", "at", "reason", "result_revision_id",
                                                  "entry2_revision_id"), row, strict=True))
    if e2 is not None and not decided(ws, e2.id):
        status = "menunggu"
    elif decision is not None:
        status = decision["outcome"]
    else:
        status = "tidak ada"
    return {"status": status, "entry1": e1, "entry2": e2, "decision": decision}


def submit_second_entry(ws: Workspace, kode: str, columns: list[str], values: Values, actor: str) -> int:
    """Store entry 2 of a certificate (typed by someone other than entry 1's author).

    Args:
        columns, values: as for :func:`recap_app.core.certificate.record_revision`.
    Returns:
        The entry-2 revision id.
    Raises:
        NotAllowed: permission "second_entry" missing, same person as entry 1, adopted certificate.
        DoubleEntryError: unknown region, no entry 1 yet, an entry 2 already waiting.
    """
    auth.require(ws, actor, "second_entry")
    name = _region_name(ws, kode)
    e1 = ws.latest_revision(kode)
    if e1 is None:
        raise DoubleEntryError(f"{name}: entri pertama belum ada; entri kedua membandingkan dengan entri pertama.",
                               "no_entry1")
    if ws.adoption(kode):
        raise NotAllowed(f"{name} sudah ditetapkan; entri kedua tidak diterima sebelum dibuka kembali.", "adopted")
    auth.check_separation(ws, actor, kode)  # the author of entry 1 may not type entry 2
    if pending_second_entry(ws, kode):
        raise DoubleEntryError(f"{name}: sudah ada entri kedua yang menunggu keputusan koordinator.",
                               "entry2_pending")
    return record_revision(ws, kode, columns, values, actor=actor, permission="second_entry", kind=ENTRY2,
                           action="certificate.second_entry", reason="entri kedua", discard_draft=True)


def differences(ws: Workspace, kode: str) -> CompareReport:
    """Field-by-field differences between entry 1 (latest official) and the waiting entry 2.

    Raises:
        DoubleEntryError: no entry 2 waiting.
    """
    name = _region_name(ws, kode)
    e2 = pending_second_entry(ws, kode)
    e1 = ws.latest_revision(kode)
    if e2 is None or e1 is None:
        raise DoubleEntryError(f"{name}: tidak ada entri kedua yang menunggu keputusan.", "no_entry2")
    report = compare_revisions(ws, e1.id, e2.id)
    report.source_a, report.source_b = "entri 1", "entri 2"
    return report


def resolve(ws: Workspace, kode: str, choices: Mapping[tuple[str, str], str], actor: str,
            reason: str | None = None) -> int | None:
    """The coordinator keeps entry 1 or entry 2 for every differing figure.

    Args:
        choices: {(column, field): "entri_1" | "entri_2"}, one for every difference.
        reason: optional note recorded with the decision.
    Returns:
        The id of the new official revision when any entry-2 figure was kept, else None.
    Raises:
        NotAllowed: permission "resolve_double_entry" missing; the actor entered entry 1.
        DoubleEntryError: nothing waiting, a difference without a choice, a choice for a figure
            that does not differ, an unknown choice (nothing written).
    """
    auth.require(ws, actor, "resolve_double_entry")
    name = _region_name(ws, kode)
    reason = optional_text(reason, "Catatan keputusan", multiline=True)
    auth.check_separation(ws, actor, kode)  # the author of entry 1 may not decide on it
    report = differences(ws, kode)
    diffs = {(d.column, d.field): d for d in report.differences}
    bad = [v for v in choices.values() if v not in KEEP]
    if bad:
        raise DoubleEntryError(f"{name}: pilihan {bad[0]!r} tidak dikenal (diharapkan entri_1 atau entri_2).",
                               "bad_choice")
    extra = [k for k in choices if k not in diffs]
    if extra:
        raise DoubleEntryError(f"{name}: kolom {extra[0][0]} isian {extra[0][1]} tidak berbeda antara kedua entri; "
                               "tidak ada yang dipilih di sana.", "not_a_difference")
    missing = [k for k in diffs if k not in choices]
    if missing:
        shown = ", ".join(f"{c} {f}" for c, f in missing[:5]) + (" ..." if len(missing) > 5 else "")
        raise DoubleEntryError(f"{name}: {len(missing)} perbedaan belum dipilih (entri_1 atau entri_2): {shown}.",
                               "choice_missing")
    e1 = ws.latest_revision(kode)
    e2 = pending_second_entry(ws, kode)
    assert e1 is not None and e2 is not None  # differences() checked
    with ws.transaction():
        result = None
        if any(v == "entri_2" for v in choices.values()):
            values = ws.revision_values(e1.id)
            columns = list(e1.columns)
            for (col, fld), keep in choices.items():
                if keep == "entri_2":
                    if col not in values:
                        values[col] = {}
                        columns.append(col)
                    values[col][fld] = diffs[(col, fld)].value_b
            result = record_revision(ws, kode, columns, values, actor=actor, permission="resolve_double_entry",
                                     reason=reason or "keputusan entri ganda",
                                     action="certificate.double_entry_result")
        did = ws.db["double_entry_decision"].insert({
            "region": kode, "entry1_revision_id": e1.id, "entry2_revision_id": e2.id, "outcome": "selesai",
            "result_revision_id": result, "reason": reason, "by": actor, "at": now_iso()}).last_pk
        ws.db["double_entry_choice"].insert_all(
            [{"decision_id": did, "kolom": c, "field": f, "entry1": diffs[(c, f)].value_a,
              "entry2": diffs[(c, f)].value_b, "keep": keep} for (c, f), keep in choices.items()])
        ws.record(actor, "double_entry.resolve", f"certificate:{kode}", None,
                  {"entry1": e1.number, "entry2": e2.number, "differences": len(diffs),
                   "kept_entry2": sum(v == "entri_2" for v in choices.values()), "result_revision_id": result,
                   "reason": reason})
    return result


def send_back(ws: Workspace, kode: str, actor: str, reason: str) -> None:
    """The coordinator sends the certificate back to be typed again (entry 2 is set aside).

    Raises:
        NotAllowed: permission "resolve_double_entry" missing.
        DoubleEntryError: nothing waiting, empty reason.
    """
    auth.require(ws, actor, "resolve_double_entry")
    name = _region_name(ws, kode)
    reason = plain(reason, "Alasan pengembalian", multiline=True)
    if not reason:
        raise DoubleEntryError(f"{name}: alasan pengembalian tidak boleh kosong.", "empty_text")
    e2 = pending_second_entry(ws, kode)
    e1 = ws.latest_revision(kode)
    if e2 is None or e1 is None:
        raise DoubleEntryError(f"{name}: tidak ada entri kedua yang menunggu keputusan.", "no_entry2")
    with ws.transaction():
        ws.db["double_entry_decision"].insert({
            "region": kode, "entry1_revision_id": e1.id, "entry2_revision_id": e2.id, "outcome": "dikembalikan",
            "result_revision_id": None, "reason": reason, "by": actor, "at": now_iso()})
        ws.record(actor, "double_entry.send_back", f"certificate:{kode}", None,
                  {"entry1": e1.number, "entry2": e2.number, "reason": reason})
