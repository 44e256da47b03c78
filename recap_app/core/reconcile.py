"""Reconciliation: every rule over every certificate, stored findings, explanations and overrides.

The evaluation itself is pure (:func:`check_workspace`, :class:`Reconciler`); the stored state
lives in the tables of :mod:`recap_app.core.schema.findings`. Findings are stored per
certificate revision and recomputed whenever a certificate's latest revision (or the rules
version) changes (:func:`refresh_findings`; :mod:`recap_app.core.certificate` does it in the
same transaction as every new revision). An error blocks adoption until the figures are fixed
or the chair overrides it with a recorded reason; a warning needs a recorded explanation. No
setting turns a rule off (docs/rules.md).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from . import auth
from .clock import now_iso
from .domain import JUMLAH, Region
from .election import Election
from .errors import RecapError, WorkspaceError
from .rules import RULES_VERSION, Finding, check_certificate, check_province
from .schema.findings import scope_seal
from .status import latest_revisions, open_counts, regency_basis, stored_checks  # noqa: F401 (open_counts: its callers)
from .store import Values, Workspace
from .text import clean_text


class ReconcileError(RecapError):
    """A reconciliation request the clerk must correct (unknown finding, empty text, ...)."""


@dataclass(frozen=True)
class StoredFinding(Finding):
    """A finding with its record: explanation {text, by, at} and override {reason, by, at}.

    ``revision_id`` is the certificate revision the finding was computed on (None for the
    province set). ``resolved``: an error is resolved by an override, a warning by an
    explanation.
    """

    explanation: dict | None = None
    override: dict | None = None
    revision_id: int | None = None

    @property
    def resolved(self) -> bool:
        """True when nothing is left to do: an overridden error, an explained warning."""
        if self.severity == "error":
            return self.override is not None
        return self.explanation is not None

    def to_dict(self) -> dict:
        """JSON-ready form: the finding's fields plus explanation, override, resolved."""
        d = super().to_dict()
        d.update(explanation=self.explanation, override=self.override, resolved=self.resolved,
                 revision_id=self.revision_id)
        return d


# --------------------------------------------------------------------------- pure evaluation
class Reconciler:
    """Evaluates every rule over a set of certificates, remembering each regency's result by
    content hash so that a second run recomputes only the changed regencies and the province.

    Args:
        election: the election definition.
        regencies: the submitting regions (official order).
        kecamatan: {regency code: its column regions (official order)}.
        province: code stored as the region of province findings ("33").
    """

    def __init__(self, election: Election, regencies: Iterable[Region],
                 kecamatan: Mapping[str, list[Region]], province: str):
        self.election = election
        self.regencies = list(regencies)
        self.kecamatan = kecamatan
        self.province = province
        self._cache: dict[str, tuple[str, list[Finding]]] = {}
        self._by_code = {r.kode: r for r in self.regencies}
        self.recomputed: list[str] = []

    @classmethod
    def for_workspace(cls, ws: Workspace) -> Reconciler:
        """A reconciler for the workspace's election and region set (two queries)."""
        regencies = ws.regencies()
        kec: dict[str, list[Region]] = {r.kode: [] for r in regencies}
        for r in ws.regions(ws.election.column_tier):
            kec.setdefault(r.kode_induk, []).append(r)
        province = regencies[0].kode_induk if regencies else ws.election.province_code
        return cls(ws.election, regencies, kec, province)

    def regency(self, kode: str, columns: list[str], values: Values, sha: str | None = None) -> list[Finding]:
        """Findings of one certificate (cached by ``sha`` when given)."""
        if sha is not None:
            hit = self._cache.get(kode)
            if hit and hit[0] == sha:
                return hit[1]
        region = self._by_code.get(kode) or Region(kode, self.province, "", kode)
        out = regency_findings(self.election, region, self.kecamatan.get(kode, []), columns, values)
        self.recomputed.append(kode)
        if sha is not None:
            self._cache[kode] = (sha, out)
        return out

    def run(self, certs: Mapping[str, tuple[list[str], Values, str | None]]) -> dict[str, list[Finding]]:
        """All findings, grouped by scope (regency code, and the province code for the province set).

        Args:
            certs: {regency code: (columns, values, content sha or None)} for every received
                certificate.
        """
        self.recomputed = []
        by_scope: dict[str, list[Finding]] = {}
        jumlah: dict[str, dict | None] = {}
        for r in self.regencies:
            if r.kode not in certs:
                continue
            cols, values, sha = certs[r.kode]
            by_scope[r.kode] = self.regency(r.kode, list(cols), values, sha)
            jumlah[r.kode] = values.get(JUMLAH) if JUMLAH in cols else None
        flat = [f for fs in by_scope.values() for f in fs]
        by_scope[self.province] = self.province_findings(jumlah, flat)
        return by_scope

    def province_findings(self, jumlah: Mapping[str, Mapping[str, int | None] | None],
                          regency_findings: Iterable[Finding]) -> list[Finding]:
        """The office's own set: W.601 per missing regency and the rules on the total of each
        district (one district — the whole province — for a pair contest).

        Args:
            jumlah: {regency code: its JUMLAH column or None} for every received certificate.
            regency_findings: the regencies' findings (a total's finding names the regencies
                whose JUMLAH column breaks the same rule).
        Returns:
            Findings, district by district in definition order. Their region is the province
            code for a contest with one district, else the district code.
        """
        e = self.election
        flat = list(regency_findings)
        out: list[Finding] = []
        several = e.has_districts
        for d in e.districts:
            members = self.regencies if d.whole else [self._by_code[k] for k in d.wilayah if k in self._by_code]
            codes = {r.kode for r in members}
            scope = d.kode if several else self.province
            name = f"Total dapil {d.nama}" if several else None
            out += check_province(e.form_for(d), scope, members, {k: v for k, v in jumlah.items() if k in codes},
                                  [f for f in flat if f.region in codes], office_tier=e.tier, scope_name=name)
        return out


def regency_findings(election: Election, regency: Region, kecamatan: list[Region], columns: list[str],
                     values: Values) -> list[Finding]:
    """Every rule on one certificate of ``regency`` (:func:`recap_app.core.rules.check_certificate`
    with the regency's form and the election's tiers): what is stored with its revision.

    Args:
        kecamatan: the regency's column regions in official order; columns, values: the
            certificate as stored ({column: {field: int or None}}, every field of the form).
    """
    return check_certificate(election.form_of_region(regency.kode), regency, kecamatan, columns, values,
                             column_tier=election.column_tier, office_tier=election.tier)


def _ordered(by_scope: Mapping[str, list], regencies: Iterable[Region], province: str) -> list:
    out = []
    for r in regencies:
        out.extend(by_scope.get(r.kode, ()))
    out.extend(by_scope.get(province, ()))
    return out


def check_workspace(ws: Workspace) -> list[Finding]:
    """Every rule over the latest official revision of every certificate. Pure: writes nothing.

    Returns:
        Findings ordered by regency (official order), then the province set (W.601 for each
        missing regency and the rules on the province total).
    """
    rec = Reconciler.for_workspace(ws)
    latest = ws.latest_values()
    certs = {k: (list(info.columns), vals, info.content_sha256) for k, (info, vals) in latest.items()}
    return _ordered(_with_linked(ws, rec.run(certs)), rec.regencies, rec.province)


def _with_linked(ws: Workspace, by_scope: dict[str, list]) -> dict[str, list]:
    """Add the comparison with linked workspaces (W.105, computed afresh: the other files change on
    their own) to each regency's findings."""
    from .linked import linked_findings

    for f in linked_findings(ws):
        by_scope.setdefault(f.region, []).append(f)
    return by_scope


# --------------------------------------------------------------------------- stored findings
def _province_basis(latest: Mapping[str, int]) -> str:
    canon = json.dumps(sorted(latest.items()), separators=(",", ":"))
    return hashlib.sha256(canon.encode()).hexdigest()[:32] + f"|{RULES_VERSION}"


def stale_regions(ws: Workspace) -> list[str]:
    """Scopes whose stored findings do not match the current data (regency codes, and the
    province code when the province set is out of date)."""
    latest = latest_revisions(ws)
    checks = stored_checks(ws)
    out = [k for k, rid in latest.items() if checks.get(k) != regency_basis(rid)]
    province = _province_code(ws)
    if checks.get(province) != _province_basis(latest):
        out.append(province)
    return out


def _province_code(ws: Workspace) -> str:
    """The scope of the province set's findings: the parent region of the regencies (read once per batch)."""
    held: _Batch | None = getattr(ws, "_findings_batch", None)
    if held is not None and held.province is not None:
        return held.province
    row = ws.conn.execute(
        "SELECT kode_induk FROM region WHERE tingkat = ? ORDER BY urutan LIMIT 1", (ws.election.child_tier,)).fetchone()
    code = row[0] if row and row[0] else ws.election.province_code
    if held is not None:
        held.province = code
    return code


def _insert(ws: Workspace, scope: str, revision_id: int | None, fs: Iterable[Finding], at: str) -> None:
    with ws.bulk_writes("finding"):  # one trace for the statement, not one per row
        _insert_rows(ws, scope, revision_id, fs, at)


def _insert_rows(ws: Workspace, scope: str, revision_id: int | None, fs: Iterable[Finding], at: str) -> None:
    written: dict[tuple, str] = {}  # the same column lists recur on many findings: written once

    def cols(columns) -> str:
        key = tuple(columns)
        text = written.get(key)
        if text is None:
            text = written[key] = json.dumps(list(key))
        return text

    ws.conn.executemany(
        """INSERT INTO finding (scope, revision_id, key, code, severity, region, kolom, field, expected, actual,
                                message, columns, computed_at, rules_version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(scope, revision_id, f.key, f.code, f.severity, f.region, f.column, f.field, f.expected, f.actual,
          f.message, cols(f.columns), at, RULES_VERSION) for f in fs])


def _set_check(ws: Workspace, scope: str, revision_id: int | None, basis: str, at: str, actor: str) -> None:
    """The stored check of a scope, with the seal of its findings just written (read back as
    stored: :func:`recap_app.core.schema.findings.findings_seal`)."""
    seal = scope_seal(ws.conn, scope, revision_id)
    ws.conn.execute(
        """INSERT INTO finding_check (scope, revision_id, basis, checked_at, checked_by, findings_seal)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(scope) DO UPDATE SET revision_id = excluded.revision_id, basis = excluded.basis,
               checked_at = excluded.checked_at, checked_by = excluded.checked_by,
               findings_seal = excluded.findings_seal""",
        (scope, revision_id, basis, at, actor, seal))


def refresh_findings(ws: Workspace, actor: str) -> list[StoredFinding]:
    """Recompute and store the findings of every certificate whose latest revision (or the
    rules version) changed since it was last checked, and the province set; one transaction
    with one audit record ("findings.refresh") when anything changed.

    Refreshing changes no figure (only the derived findings), so it needs no permission.

    Returns:
        The current findings, as :func:`findings` gives them.
    Raises:
        WorkspaceError: read-only workspace or storage failure (nothing written).
    """
    with ws.transaction():
        _refresh(ws, actor)
    return findings(ws)


def refresh_stale(ws: Workspace, actor: str) -> bool:
    """Recompute and store the findings that are not current (:func:`stale_regions`: checked by an
    older version of the rules, or never), as :func:`refresh_findings` does; nothing is written when
    every check is current. For what shows stored findings (the findings report, the published
    site). Returns whether anything was stale. Raises WorkspaceError as refresh_findings does."""
    if not stale_regions(ws):
        return False
    with ws.transaction():
        _refresh(ws, actor)
    return True


def refresh_findings_of(ws: Workspace, kode: str, actor: str) -> None:
    """Recompute one certificate's stored findings (and the province set when every certificate
    is up to date) inside the caller's transaction, with a "findings.refresh" audit record when
    anything changed (adoption does this first)."""
    _refresh(ws, actor, only=kode)


def refresh_region(ws: Workspace, kode: str, actor: str,
                   written: tuple[int, list[str], Values] | None = None,
                   computed: list[Finding] | None = None) -> None:
    """Recompute the stored findings of one certificate (and of the province when every
    certificate is up to date) inside the caller's transaction; called by
    :func:`recap_app.core.certificate.record_revision` so findings always follow the figures.
    Writes no audit record of its own: the findings are derived from the revision whose audit
    record is in the same transaction.

    ``written``: (revision id, columns, values) of the revision this transaction has just stored,
    every field present as stored: its findings are computed from these figures instead of
    reading them back (they were written by this transaction under its write lock; every later
    read still checks them against the revision's SHA-256 and its audit record). ``computed``:
    :func:`regency_findings` of exactly those figures, already made (the importer's plan)."""
    _refresh(ws, actor, only=kode, audit=False, written=written, computed=computed)


class _Batch:
    """What :func:`batch` keeps between the files of one import: the reconciler (the election and
    region set do not change) and, per revision id, what the province set needs of a certificate
    checked before — its JUMLAH column and the findings stored on that column. A revision's cells
    and the findings computed on it never change (the cells are checked against the revision's
    SHA-256 on every read, the findings are a function of them and of the rules version), so a
    revision read once is not read again for the next file."""

    def __init__(self) -> None:
        self.rec: Reconciler | None = None
        self.jumlah: dict[int, tuple[dict | None, list[StoredFinding]]] = {}
        self.province: str | None = None  # the province set's scope: the region set does not change either


def _reconciler(ws: Workspace) -> Reconciler:
    """The reconciler of the workspace's batch, made at its first use (a new one outside a batch)."""
    held: _Batch | None = getattr(ws, "_findings_batch", None)
    if held is None:
        return Reconciler.for_workspace(ws)
    if held.rec is None:
        held.rec = Reconciler.for_workspace(ws)
    return held.rec


def warm_batch(ws: Workspace) -> None:
    """Build the batch's reconciler now rather than in the first file's transaction (an import
    does it while its first file is still being read); nothing outside a :func:`batch`."""
    if getattr(ws, "_findings_batch", None) is not None:
        _reconciler(ws)


@contextlib.contextmanager
def batch(ws: Workspace) -> Iterator[None]:
    """Several certificates stored one after another (an import of many files, each its own
    transaction): the findings are still refreshed in every file's transaction exactly as
    without it — the regency that changed, and the province set when every certificate is
    checked — but what the province set needs of the regencies checked before is read from the
    workspace once per batch instead of once per file (:class:`_Batch`). The result is the same
    as a full recompute (tests/core/test_findings_batch.py). Nested calls share the outer batch."""
    if getattr(ws, "_findings_batch", None) is not None or ws.conn.in_transaction:
        yield  # inside a caller's transaction a revision id read here could still be rolled back: no batch
        return
    ws._findings_batch = _Batch()
    try:
        yield
    finally:
        ws._findings_batch = None


def _refresh(ws: Workspace, actor: str, only: str | None = None, audit: bool = True,
             written: tuple[int, list[str], Values] | None = None, computed: list[Finding] | None = None) -> None:
    """Refresh inside the caller's transaction. ``only``: limit regency recomputation to one code."""
    latest = latest_revisions(ws)
    checks = stored_checks(ws)
    province = _province_code(ws)
    stale = [k for k, rid in latest.items() if checks.get(k) != regency_basis(rid) and (only is None or k == only)]
    prov_basis = _province_basis(latest)
    if not stale and checks.get(province) == prov_basis:
        return
    held: _Batch | None = getattr(ws, "_findings_batch", None)
    rec = _reconciler(ws)
    at = now_iso()
    stored: dict[str, list[Finding]] = {}
    counts = {"error": 0, "warning": 0}
    for kode in stale:
        if written is not None and written[0] == latest[kode]:
            fs = list(computed) if computed is not None else rec.regency(kode, list(written[1]), written[2])
        else:
            info = ws.revision_info(latest[kode])
            fs = rec.regency(kode, list(info.columns), ws.revision_values(info.id))
        stored[kode] = fs
        ws.conn.execute("DELETE FROM finding WHERE scope = ? AND revision_id = ?", (kode, latest[kode]))
        _insert(ws, kode, latest[kode], fs, at)
        _set_check(ws, kode, latest[kode], regency_basis(latest[kode]), at, actor)
        for f in fs:
            counts[f.severity] += 1
    province_changed = False
    if checks.get(province) != prov_basis and all(checks.get(k) == regency_basis(r) or k in stale
                                                   for k, r in latest.items()):
        jumlah: dict[str, dict | None] = {}
        regency_fs: list[Finding] = []
        for kode, rid in latest.items():
            if kode not in stored and held is not None and rid in held.jumlah:
                jumlah[kode], own = held.jumlah[rid]
                regency_fs.extend(own)
                continue
            info = ws.revision_info(rid)
            if JUMLAH in info.columns:
                # the column as stored, not checked against the revision's hash here (that costs a whole
                # revision per regency at every store): a cell changed outside the program can only make
                # these derived findings wrong, and every reader of figures refuses it (latest_values),
                # as do adoption and recap check, which run the rules again first (verify_stored)
                col = {fld: v for fld, v in ws.conn.execute(
                    "SELECT field, value FROM cell WHERE revision_id = ? AND kolom = ?", (rid, JUMLAH))}
                jumlah[kode] = col
            else:
                jumlah[kode] = None
            if kode in stored:
                regency_fs.extend(stored[kode])
                continue
            own = _load(ws, "scope = ? AND revision_id = ? AND kolom = ?", (kode, rid, JUMLAH))
            regency_fs.extend(own)
            if held is not None:  # checked in an earlier transaction: the same for every later file
                held.jumlah[rid] = (jumlah[kode], own)
        pf = rec.province_findings(jumlah, regency_fs)
        ws.conn.execute("DELETE FROM finding WHERE scope = ? AND revision_id IS NULL", (province,))
        _insert(ws, province, None, pf, at)
        _set_check(ws, province, None, prov_basis, at, actor)
        province_changed = True
    if (not stale and not province_changed) or not audit:
        return
    ws.record(actor, "findings.refresh", "workspace", None,
              {"rules_version": RULES_VERSION, "checked": stale, "province": province_changed, "counts": counts})


def _load(ws: Workspace, where: str, args: tuple) -> list[StoredFinding]:
    return [f for _scope, f in _load_scoped(ws, where, args)]


def _load_scoped(ws: Workspace, where: str, args: tuple) -> list[tuple[str, StoredFinding]]:
    """[(scope, finding)] of the stored findings matching ``where``, in the order stored."""
    rows = ws.conn.execute(
        f"""SELECT code, severity, region, kolom, field, expected, actual, message, columns, revision_id, scope
            FROM finding WHERE {where} ORDER BY id""", args).fetchall()
    parsed: dict[str, tuple] = {}  # the same column lists recur on many rows: parsed once

    def cols(text: str) -> tuple:
        got = parsed.get(text)
        if got is None:
            got = parsed[text] = tuple(json.loads(text))
        return got

    return [(r[10], StoredFinding(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], cols(r[8]), revision_id=r[9]))
            for r in rows]


def _notes(ws: Workspace) -> dict[tuple[str, str], list[tuple]]:
    out: dict[tuple[str, str], list[tuple]] = {}
    for key, kind, text, by, at, expected, actual, columns in ws.conn.execute(
            "SELECT key, kind, text, by, at, expected, actual, columns FROM finding_note ORDER BY id"):
        out.setdefault((key, kind), []).append((text, by, at, expected, actual, tuple(json.loads(columns))))
    return out


def _with_notes(fs: Iterable[Finding], notes, revisions: Mapping[str, int] | None = None) -> list[StoredFinding]:
    out = []
    for f in fs:
        if type(f) is StoredFinding and type(f.columns) is tuple and f.explanation is None and f.override is None and (
                f.revision_id is not None or revisions is None or revisions.get(f.region) is None) and not (
                notes and ((f.key, "explanation") in notes or (f.key, "override") in notes)):
            out.append(f)  # no note for it: the stored finding as it is (what the loop below would make)
            continue
        found = {}
        for kind in ("explanation", "override"):
            for text, by, at, expected, actual, columns in reversed(notes.get((f.key, kind), [])):
                if (expected, actual, columns) == (f.expected, f.actual, tuple(f.columns)):
                    found[kind] = ({"text": text, "by": by, "at": at} if kind == "explanation"
                                   else {"reason": text, "by": by, "at": at})
                    break
        rid = getattr(f, "revision_id", None)
        if rid is None and revisions is not None:
            rid = revisions.get(f.region)
        out.append(StoredFinding(f.code, f.severity, f.region, f.column, f.field, f.expected, f.actual, f.message,
                                 tuple(f.columns), found.get("explanation"), found.get("override"), rid))
    return out


def findings(ws: Workspace, region: str | None = None) -> list[StoredFinding]:
    """The current findings with their explanations and overrides.

    Stored findings are used where they match the current data; when any certificate changed
    since the last :func:`refresh_findings`, everything is computed afresh (pure, nothing
    written), so the answer is always that of the current figures.

    Args:
        region: only findings whose ``region`` is this code (a regency, or the province code).
    Returns:
        Findings ordered by regency (official order), then the province set.
    """
    notes = _notes(ws)
    latest = latest_revisions(ws)
    prov = _province_code(ws)
    if stale_regions(ws):
        fs = check_workspace(ws)
        out = _with_notes(fs, notes, latest)
    else:
        order = {r.kode: i for i, r in enumerate(ws.regencies())}
        stored: list[StoredFinding] = []
        own: dict[tuple, list[StoredFinding]] = {}  # one query for every regency's current findings
        if latest:
            for scope, f in _load_scoped(ws, f"revision_id IN ({','.join('?' * len(latest))})",
                                         tuple(latest.values())):
                own.setdefault((scope, f.revision_id), []).append(f)
        for kode in sorted(latest, key=lambda k: order.get(k, 10**6)):
            stored.extend(own.get((kode, latest[kode]), ()))
        stored.extend(_load(ws, "scope = ? AND revision_id IS NULL", (prov,)))
        by_scope: dict[str, list] = {}
        for f in stored:
            by_scope.setdefault(f.region, []).append(f)
        _with_linked(ws, by_scope)
        regs = [r for r in ws.regencies()]
        out = _with_notes(_ordered(by_scope, regs, prov) + [f for k, fs in by_scope.items()
                                                           if k not in {r.kode for r in regs} | {prov} for f in fs],
                          notes, latest)
    if region is not None:
        out = [f for f in out if f.region == region]
    return out


def stored_by_region(ws: Workspace) -> dict[str, list[StoredFinding]]:
    """Stored findings (with notes) of each regency whose stored check matches its latest
    revision: {regency code: findings}. A received regency missing from the answer has not
    been checked on its latest revision yet (status "draf"). Reads only."""
    latest = latest_revisions(ws)
    checks = stored_checks(ws)
    current = {k: rid for k, rid in latest.items() if checks.get(k) == regency_basis(rid)}
    notes = _notes(ws)
    out: dict[str, list[StoredFinding]] = {k: [] for k in current}
    if current:
        for f in _load(ws, f"revision_id IN ({','.join('?' * len(current))})", tuple(current.values())):
            if f.region in out:
                out[f.region].append(f)
    return {k: _with_notes(v, notes) for k, v in out.items()}


def stored_differences(ws: Workspace, only: str | None = None,
                       latest: Mapping[str, tuple] | None = None) -> dict[str, tuple[list[str], list[str]]]:
    """Where stored findings are not what the rules give on the checked figures.

    The rules are run again on the figures (each revision checked against its SHA-256 and audit
    record, WorkspaceError "tampered" otherwise) and compared, finding by finding (key, severity,
    figures, message and the columns it names, each as often as it is stored), with
    the stored findings of every certificate whose stored check is current (``only``: of that
    regency alone) and with the province set when its check is current.

    Args:
        only: one regency code; None: every certificate and the province set.
        latest: ``ws.latest_values()`` already read by the caller.
    Returns:
        {scope (regency code, or the province code): (keys the rules give that are not stored,
        keys stored that the rules do not give)}; empty when everything holds.
    """
    stored = stored_by_region(ws)
    if only is not None:
        stored = {k: v for k, v in stored.items() if k == only}
    if not stored:
        return {}
    rec = Reconciler.for_workspace(ws)
    if only is not None:
        rid = latest_revisions(ws)[only]
        info = ws.revision_info(rid)
        fresh = {only: rec.regency(only, list(info.columns), ws.revision_values(rid))}
    else:
        latest = ws.latest_values() if latest is None else latest
        fresh = rec.run({k: (list(info.columns), vals, None) for k, (info, vals) in latest.items()})
        if stored_checks(ws).get(rec.province) == _province_basis(latest_revisions(ws)):
            stored[rec.province] = _load(ws, "scope = ? AND revision_id IS NULL", (rec.province,))

    def seen(fs) -> Counter:  # every finding as the rules write it, each as often as it is there
        return Counter((f.key, f.severity, f.expected, f.actual, f.message, tuple(f.columns)) for f in fs)

    out: dict[str, tuple[list[str], list[str]]] = {}
    for scope, fs in stored.items():
        have, want = seen(fs), seen(fresh.get(scope, ()))
        if have != want:
            out[scope] = (sorted({x[0] for x in want - have}), sorted({x[0] for x in have - want}))
    return out


def verify_stored(ws: Workspace, only: str | None = None,
                  latest: Mapping[str, tuple] | None = None) -> None:
    """Refuse to go on when stored findings are not what the rules give on the checked figures.

    Findings are derived and kept out of the state digests (core/state.py): a person with the file
    could delete an error finding and keep its check mark, and the certificate would look free of
    errors until the rules ran again. So before a decision rests on them (adoption, ``recap
    check``) the stored findings are compared with the rules run again (:func:`stored_differences`).

    Raises:
        WorkspaceError: "tampered", naming the certificates (and "the province set").
    """
    differ = stored_differences(ws, only, latest)
    if differ:
        province = _province_code(ws)
        bad = ["himpunan provinsi" if scope == province else scope for scope in differ]
        raise WorkspaceError(
            f"Temuan tersimpan {', '.join(bad[:10])}{' dan lainnya' if len(bad) > 10 else ''} berbeda dari hasil "
            "aturan yang dijalankan ulang pada angkanya: temuan diubah di luar program. Tidak ada yang diputuskan; "
            "jalankan 'recap audit verify' dan pulihkan cadangan yang baik.", "tampered")


def _find(ws: Workspace, key: str) -> StoredFinding:
    for f in findings(ws):
        if f.key == key:
            return f
    raise ReconcileError(f"Temuan {key} tidak ada pada data terakhir. Lihat daftar temuan dengan: recap check.",
                         "unknown_finding")


def _add_note(ws: Workspace, f: StoredFinding, kind: str, text: str, actor: str) -> None:
    ws.db["finding_note"].insert({
        "key": f.key, "kind": kind, "text": text, "by": actor, "at": now_iso(), "region": f.region,
        "revision_id": f.revision_id, "expected": f.expected, "actual": f.actual,
        "columns": json.dumps(list(f.columns))})


def explain(ws: Workspace, finding_key: str | Iterable[str], text: str, actor: str) -> int:
    """Record an explanation (who, when, text) for one finding or several (one transaction).

    A warning with an explanation is resolved; an error stays open (only fixing the figures or
    the chair's override resolves it) but the explanation is kept and printed.

    Args:
        finding_key: a finding key ("W.602|33.01||dptb_l") or an iterable of keys.
        text: the explanation (Indonesian, non-empty).
    Returns:
        The number of findings explained.
    Raises:
        NotAllowed: the actor lacks permission "explain".
        ReconcileError: unknown key or empty text (nothing written).
    """
    auth.require(ws, actor, "explain")
    text = clean_text(text, "Penjelasan")
    keys = [finding_key] if isinstance(finding_key, str) else list(finding_key)
    if not keys:
        raise ReconcileError("Tidak ada temuan yang dipilih untuk dijelaskan.", "no_finding")
    current = {f.key: f for f in findings(ws)}
    unknown = [k for k in keys if k not in current]
    if unknown:
        raise ReconcileError(f"Temuan {unknown[0]} tidak ada pada data terakhir. Lihat daftar temuan dengan: "
                             "recap check.", "unknown_finding")
    for region in dict.fromkeys(current[k].region for k in keys):
        auth.check_separation(ws, actor, region)  # the one who entered the figures does not explain them
    with ws.transaction():
        for k in keys:
            _add_note(ws, current[k], "explanation", text, actor)
        ws.record(actor, "finding.explain", f"finding:{keys[0]}" if len(keys) == 1 else "findings",
                  None, {"keys": keys, "text": text})
    return len(keys)


def override(ws: Workspace, finding_key: str, reason: str, actor: str) -> None:
    """The chair overrides an error with a recorded reason, so it no longer blocks adoption.

    Raises:
        NotAllowed: the actor lacks permission "override" (the chair's).
        ReconcileError: unknown key, a warning (warnings are explained, not overridden), or an
            empty reason (nothing written).
    """
    auth.require(ws, actor, "override")
    reason = clean_text(reason, "Alasan pengesampingan")
    f = _find(ws, finding_key)
    auth.check_separation(ws, actor, f.region)
    if f.severity != "error":
        raise ReconcileError(f"Temuan {finding_key} adalah peringatan; peringatan dijelaskan (recap explain), "
                             "bukan dikesampingkan.", "not_an_error")
    with ws.transaction():
        _add_note(ws, f, "override", reason, actor)
        ws.record(actor, "finding.override", f"finding:{finding_key}", None,
                  {"key": finding_key, "reason": reason, "expected": f.expected, "actual": f.actual})
