"""The certificate lifecycle: save, findings, adopt, reopen, status, and what may happen now.

One module holds every state change of a received certificate and the questions a face asks
before offering an action (docs/state-machines.md draws them):

- :func:`record_revision` stores a new revision, its findings and the discarded draft in ONE
  transaction (the importer, the editor, double entry and bundle import all come here);
- :func:`adopt` (tetapkan) locks the latest revision; :func:`reopen` unlocks it with a reason;
- :func:`status` / :func:`statuses` give the :class:`Status` of one or every certificate;
- ``can_edit``, ``can_adopt``, ``can_reopen`` answer "may this user do this now?" with an
  :class:`Answer` that carries the reason; the acting functions raise the same refusal as
  :class:`NotNow` (the state forbids it now) or :class:`recap_app.core.errors.NotAllowed`
  (the user's role forbids it).

States (:class:`Status`): belum masuk → draf (received, not yet checked) → ada kesalahan /
ada peringatan / sesuai (by the open findings) → ditetapkan (adopted, locked) → reopened back
to the findings' state. Permissions are checked here, in the core, for every face.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from . import auth, drafts, reconcile
from .clock import now_iso
from .domain import Region
from .errors import NotAllowed, NotNow
from .status import Status, status, statuses  # noqa: F401 (the lifecycle's words, kept here for its callers)
from .store import RevisionInfo, Values, Workspace, stored_shape, values_sha256
from .text import clean_text, optional_text

#: revision kinds: the official entry and a second entry (double entry, never counted)
OFFICIAL = "resmi"
SECOND_ENTRY = "entri_kedua"


class Answer(NamedTuple):
    """The answer to "may this happen now?": ``allowed`` and, when not, why (Indonesian), a code
    and, where the refusal has one, the same in English (``english``, for the English window)."""

    allowed: bool
    reason: str = ""
    code: str = ""
    english: str = ""

    def __bool__(self) -> bool:
        return self.allowed

    def raise_if_not(self, role: bool = False) -> None:
        """Raise the refusal: NotAllowed for a role (``role``), NotNow for the state."""
        if not self.allowed:
            raise (NotAllowed if role else NotNow)(self.reason, self.code, english=self.english)


YES = Answer(True)


def decided(ws: Workspace, entry2_id: int) -> bool:
    """True when the coordinator has decided on this second entry (kept figures or sent back)."""
    return ws.conn.execute("SELECT 1 FROM double_entry_decision WHERE entry2_revision_id = ?",
                           (entry2_id,)).fetchone() is not None


def pending_second_entry(ws: Workspace, kode: str) -> RevisionInfo | None:
    """The second entry of a certificate awaiting the coordinator, or None (adoption waits for it)."""
    e2 = ws.latest_revision(kode, SECOND_ENTRY)
    if e2 is None or decided(ws, e2.id):
        return None
    return e2


def _status_of(received: bool, adopted: bool, checked: bool, findings) -> Status:
    if not received:
        return Status.BELUM_MASUK
    if adopted:
        return Status.DITETAPKAN
    if not checked:
        return Status.DRAF
    open_ = [f for f in findings if not f.resolved]
    if any(f.severity == "error" for f in open_):
        return Status.ADA_KESALAHAN
    if open_:
        return Status.ADA_PERINGATAN
    return Status.SESUAI


def _regency(ws: Workspace, kode: str) -> Region:
    r = ws.region(kode)
    if r is None or r.tingkat != ws.election.child_tier:
        raise NotNow(f"Kode {kode!r} bukan kabupaten/kota pengirim sertifikat dalam pemilihan ini.",
                     "unknown_region")
    return r


def _named(r: Region) -> str:
    return f"{r.nama} ({r.kode})"


# --------------------------------------------------------------------------- questions
def _role(ws: Workspace, actor: str, permission: str) -> Answer:
    try:
        auth.require(ws, actor, permission)
    except NotAllowed as exc:
        return Answer(False, exc.message, exc.code, exc.english)
    return YES


def can_edit(ws: Workspace, kode: str, actor: str, kind: str = OFFICIAL) -> Answer:
    """May ``actor`` store a new revision of this certificate now (type, paste, import)?

    No while the certificate is adopted (reopen it first), or when the role lacks "edit"
    (for a second entry: "second_entry").
    """
    role = _role(ws, actor, "edit" if kind == OFFICIAL else "second_entry")
    return role if not role else not_adopted(ws, kode, kind)


def not_adopted(ws: Workspace, kode: str, kind: str) -> Answer:
    """No new revision (of either kind: OFFICIAL, SECOND_ENTRY) while the certificate is adopted:
    YES, or the refusal "adopted" naming what to do (reopen it first)."""
    if not ws.adoption(kode):
        return YES
    if kind == OFFICIAL:
        return Answer(False, f"Sertifikat {kode} sudah ditetapkan; buka kembali dulu (ketua) sebelum mengubah.",
                      "adopted")
    r = ws.region(kode)
    return Answer(False, f"{_named(r) if r else kode} sudah ditetapkan; entri kedua tidak diterima sebelum dibuka "
                  "kembali.", "adopted")


def can_adopt(ws: Workspace, kode: str, actor: str, found: Iterable[reconcile.StoredFinding] | None = None) -> Answer:
    """May ``actor`` adopt (tetapkan) this certificate now?

    No when the role lacks "adopt", nothing was received, it is adopted already, a second
    entry waits for the coordinator, or an error finding is neither fixed nor overridden.
    Findings as stored are used (adopt() refreshes them first).

    Args:
        found: the certificate's current findings (reconcile.findings of ``kode``) when the caller
            has read them already (the window shares one read); None reads them here.
    """
    role = _role(ws, actor, "adopt")
    if not role:
        return role
    r = ws.region(kode)
    if r is None or r.tingkat != ws.election.child_tier:
        return Answer(False, f"Kode {kode!r} bukan kabupaten/kota pengirim sertifikat dalam pemilihan ini.",
                      "unknown_region")
    if ws.latest_revision(kode) is None:
        return Answer(False, f"{_named(r)}: sertifikat belum masuk; tidak ada yang dapat ditetapkan.", "not_received")
    if ws.adoption(kode):
        return Answer(False, f"{_named(r)} sudah ditetapkan.", "already_adopted")
    if pending_second_entry(ws, kode):
        return Answer(False, f"{_named(r)}: entri kedua belum diputuskan koordinator; selesaikan entri ganda dulu.",
                      "double_entry_pending")
    try:  # whoever entered the figures may not adopt them, whatever role they hold now
        auth.check_separation(ws, actor, kode)
    except NotAllowed as exc:
        return Answer(False, exc.message, exc.code, exc.english)
    if found is None:
        found = reconcile.findings(ws, kode)
    open_errors = [f for f in found if f.severity == "error" and not f.resolved]
    if open_errors:
        shown = "; ".join(f"{f.code} {f.column or '-'} {f.field or ''}".strip() for f in open_errors[:5])
        more = f" dan {len(open_errors) - 5} lainnya" if len(open_errors) > 5 else ""
        more_en = f" and {len(open_errors) - 5} more" if len(open_errors) > 5 else ""
        return Answer(False, f"{_named(r)} tidak dapat ditetapkan: {len(open_errors)} kesalahan belum diselesaikan "
                      f"({shown}{more}). Perbaiki angkanya atau minta ketua mengesampingkan dengan alasan.",
                      "unresolved_errors",
                      f"{_named(r)} cannot be adopted: {len(open_errors)} error findings unresolved ({shown}{more_en}). "
                      "Correct the figures, or ask the ketua to override with a reason.")
    return YES


def can_reopen(ws: Workspace, kode: str, actor: str) -> Answer:
    """May ``actor`` reopen this certificate now? No when the role lacks "reopen" or it is not adopted."""
    role = _role(ws, actor, "reopen")
    if not role:
        return role
    r = ws.region(kode)
    if r is None:
        return Answer(False, f"Kode {kode!r} bukan wilayah dalam pemilihan ini.", "unknown_region")
    if not ws.adoption(kode):
        return Answer(False, f"{_named(r)} belum ditetapkan; tidak ada yang dibuka kembali.", "not_adopted")
    return YES


def open_warnings(ws: Workspace, kode: str) -> list:
    """Warnings of the certificate that have no explanation yet (adoption lists them)."""
    return [f for f in reconcile.findings(ws, kode) if f.severity == "warning" and not f.resolved]


# --------------------------------------------------------------------------- acts
def record_revision(ws: Workspace, kode: str, columns: list[str], values: Values, *, actor: str,
                    permission: str = "edit", kind: str = OFFICIAL, action: str = "certificate.revision",
                    source_file_id: int | None = None, reason: str | None = None,
                    discard_draft: bool = False, findings: list | None = None,
                    content_sha256: str | None = None, cells_json: str | None = None) -> int:
    """Store a new revision of a certificate with its findings, in one transaction.

    The revision, its audit record, the recomputed findings of the certificate (and of the
    office's totals when every certificate is checked) and the discarded draft commit together
    or not at all.

    Args:
        kode: the submitting region; columns: column codes in order (column regions, then JUMLAH);
        values: {column: {field: int or None}} (missing fields are stored blank).
        actor: acting user; permission: what the act needs ("edit" typing, "import" a file,
            "bundle_import", "resolve_double_entry"); kind: OFFICIAL or SECOND_ENTRY.
        action: the audit event id; source_file_id: the imported file; reason: why.
        discard_draft: remove the draft of this kind (the editor's save: the figures it held are
            now stored). Imports leave a draft alone: a clerk's typing is never thrown away unseen.
        findings: the rules on exactly these figures, already evaluated
            (:func:`recap_app.core.reconcile.regency_findings`; the importer's plan); None: evaluated here.
        content_sha256: the figures' content hash when the caller has it for values of the stored
            shape (:meth:`recap_app.core.store.Workspace.insert_revision`); cells_json: the
            cells' JSON document made with it (the same method).
    Returns:
        The new revision id.
    Raises:
        NotAllowed: the role lacks ``permission``; NotNow: the certificate is adopted.
        WorkspaceError: storage failure (nothing written).
    """
    auth.require(ws, actor, permission)
    reason = optional_text(reason, "Alasan", multiline=True, limit=10_000)
    with ws.transaction():
        not_adopted(ws, kode, kind).raise_if_not()
        def with_findings(rid: int, cols: list[str], stored) -> None:
            # before the revision's audit record: the findings' stored check is under its state digests
            reconcile.refresh_region(ws, kode, actor, written=(rid, cols, stored), computed=findings)

        rid = ws.insert_revision(kode, columns, values, actor=actor, source_file_id=source_file_id, reason=reason,
                                 kind=kind, action=action, content_sha256=content_sha256, cells_json=cells_json,
                                 before_record=with_findings if kind == OFFICIAL else None)
        if discard_draft:
            drafts.discard_draft(ws, kode, actor, kind)
    return rid


#: :func:`save` without ``based_on``: the figures are stored over whatever revision is the latest
ANY_BASE = object()


def save(ws: Workspace, kode: str, columns: list[str], values: Mapping, actor: str,
         reason: str | None = None, *, based_on: int | None | object = ANY_BASE) -> int:
    """The editor's save: a typed certificate becomes a new official revision, its draft goes.

    A change to a certificate already received needs a reason (recorded with the revision).

    Args:
        based_on: the id of the revision the typed figures started from (None: typed as a new
            certificate). When another revision was stored since (another window, another clerk,
            an import), nothing is stored: figures typed over an older revision never replace a
            newer one unseen. Left out: stored over the latest revision, whichever it is.
    Raises:
        NotAllowed: no "edit" permission; NotNow: adopted; "changed_meanwhile": a revision was
        stored after ``based_on`` (the message names it); "no_change": the figures are those of
        the latest revision (no revision is stored for nothing); TextError: a reason is needed or
        holds control characters.
    """
    from .formatting import local_time

    auth.require(ws, actor, "edit")
    with ws.transaction():  # the checks and the revision under one write lock
        latest = ws.latest_revision(kode)
        if based_on is not ANY_BASE and latest is not None and latest.id != based_on:
            r = ws.region(kode)
            started = "sebagai sertifikat baru" if based_on is None else f"dari revisi {_number_of(ws, based_on)}"
            raise NotNow(f"{_named(r) if r else kode} sudah disimpan sebagai revisi {latest.number} oleh "
                         f"{latest.created_by} ({local_time(latest.created_at)}) sejak isian ini dimulai "
                         f"{started}; angka yang diketik tidak disimpan di atasnya tanpa diperiksa. Bandingkan "
                         "dengan revisi terbaru, lalu simpan lagi di atasnya.", "changed_meanwhile")
        if same_as_latest(ws, kode, columns, values, latest):
            raise NotNow(f"Tidak ada perubahan: angka yang diketik sama dengan revisi {latest.number}; tidak ada "
                         "revisi baru yang disimpan.", "no_change")
        if latest is not None:
            reason = clean_text(reason, "Alasan perubahan")
        elif reason is not None and reason.strip():
            reason = clean_text(reason, "Alasan perubahan")
        else:
            reason = None
        return record_revision(ws, kode, list(columns), dict(values), actor=actor, permission="edit", reason=reason,
                               action="certificate.revision", discard_draft=True)


def same_as_latest(ws: Workspace, kode: str, columns: list[str], values: Mapping,
                   latest: RevisionInfo | None = None) -> bool:
    """Whether ``columns`` and ``values`` ({column: {field: int or None}}, a missing field blank) are
    exactly the certificate's latest official revision (``latest``: that revision when read already;
    False when nothing is received yet)."""
    latest = latest if latest is not None else ws.latest_revision(kode)
    if latest is None or list(columns) != list(latest.columns):
        return False
    keys = ws.election.form_of_region(kode).field_keys
    return values_sha256(list(columns), stored_shape(dict(values), list(columns), keys)) == latest.content_sha256


def _number_of(ws: Workspace, revision_id: int) -> str:
    """The number of a revision by its id, for a message ("?" when it is gone)."""
    row = ws.conn.execute("SELECT number FROM revision WHERE id = ?", (revision_id,)).fetchone()
    return str(row[0]) if row else "?"


def revision_id_of(ws: Workspace, kode: str, number: int) -> int:
    """The id of a regency's official revision by its number (as the window and ``recap revisions``
    show it).

    Raises:
        NotNow "unknown_region": ``kode`` is no kabupaten/kota of the election; RecapError
        "no_revision": the certificate has no revision of that number (the message lists the
        numbers it has).
    """
    from .errors import RecapError

    _regency(ws, kode)  # "unknown_region" before any revision is looked for
    by_number = {r.number: r.id for r in ws.revisions(kode)}
    if number not in by_number:
        raise RecapError(f"Sertifikat {kode} tidak mempunyai revisi {number} (ada: "
                         f"{', '.join(str(n) for n in by_number) or 'tidak ada'}).", "no_revision")
    return by_number[number]


def adopt(ws: Workspace, kode: str, actor: str, *, seen: int | None = None) -> int:
    """Adopt (tetapkan) a regency's latest certificate revision.

    Findings are refreshed first, in the same transaction; adoption is refused while an error
    of that certificate is unresolved or a second entry awaits the coordinator
    (:func:`can_adopt`). After the commit an automatic backup is made
    (:func:`recap_app.core.backup.auto_backup`, "adopt").

    Args:
        seen: the id of the revision the chair looked at before adopting (the window's open
            certificate, ``recap adopt --revision``). When another revision was stored since (an
            import, a bundle, another clerk), nothing is adopted: a chair never adopts figures
            unseen. None: the latest revision, whichever it is.
    Returns:
        The adopted revision id.
    Raises:
        NotAllowed: permission "adopt" missing; NotNow: not received, already adopted,
        pending second entry, unresolved errors; "changed_meanwhile": the latest revision is not
        ``seen`` (the message names both); "no_revision": ``seen`` is no revision of this certificate.
    """
    from .formatting import local_time

    auth.require(ws, actor, "adopt")
    _regency(ws, kode)
    with ws.transaction():
        latest = ws.latest_revision(kode)
        if seen is not None and seen not in {r.id for r in ws.revisions(kode)}:
            raise NotNow(f"Revisi yang diperiksa (id {seen}) bukan revisi sertifikat {kode}; tidak ada yang "
                         "ditetapkan.", "no_revision")
        if seen is not None and latest is not None and latest.id != seen:
            r = ws.region(kode)
            raise NotNow(f"{_named(r) if r else kode} sudah disimpan sebagai revisi {latest.number} oleh "
                         f"{latest.created_by} ({local_time(latest.created_at)}) sesudah revisi "
                         f"{_number_of(ws, seen)} yang diperiksa; tidak ada yang ditetapkan. Periksa revisi "
                         f"{latest.number}, lalu tetapkan lagi.", "changed_meanwhile")
        reconcile.refresh_findings_of(ws, kode, actor)
        reconcile.verify_stored(ws, kode)  # "tampered": never adopt on findings changed outside the program
        answer = can_adopt(ws, kode, actor)
        answer.raise_if_not(role=answer.code == "separation")
        rev = ws.latest_revision(kode)
        assert rev is not None  # can_adopt checked
        ws.revision_values(rev.id)  # WorkspaceError "tampered": never adopt figures changed outside the program
        at = now_iso()
        ws.conn.execute("UPDATE certificate SET adopted_revision_id = ?, adopted_at = ?, adopted_by = ? "
                        "WHERE region_kode = ?", (rev.id, at, actor, kode))
        ws.record(actor, "certificate.adopt", f"certificate:{kode}", None,
                  {"revision": rev.number, "revision_id": rev.id, "sha256": rev.content_sha256})
    if not ws.conn.in_transaction:  # committed: keep an automatic backup (never raises)
        from . import backup

        backup.auto_backup(ws, "adopt", actor)
    return rev.id


def reopen(ws: Workspace, kode: str, actor: str, reason: str) -> None:
    """Reopen an adopted certificate (the chair's act), with a recorded reason.

    Raises:
        NotAllowed: permission "reopen" missing; NotNow: unknown region, not adopted;
        TextError: empty reason.
    """
    auth.require(ws, actor, "reopen")
    _regency(ws, kode)
    reason = clean_text(reason, "Alasan membuka kembali")
    with ws.transaction():
        can_reopen(ws, kode, actor).raise_if_not()
        state = ws.adoption(kode)
        ws.conn.execute("UPDATE certificate SET adopted_revision_id = NULL, adopted_at = NULL, adopted_by = NULL "
                        "WHERE region_kode = ?", (kode,))
        ws.record(actor, "certificate.reopen", f"certificate:{kode}", state, {"reason": reason})
