"""What a publication shows, read from the workspace in one go (reads only).

:func:`take` gathers the election, the office, the marks, every kabupaten/kota (status, open
findings, the latest official revision column by column, its revisions and adoption events),
the province and per-dapil sums (:func:`recap_app.core.totals.province_totals`), the audit
chain head of the data and the data fingerprint printed on the paper certificate. Everything
the site holds comes from a :class:`Snapshot`; nothing else is read while rendering, so the
same workspace state always gives the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ... import __version__
from ..certificate import statuses
from ..domain import JUMLAH, Contestant
from ..errors import RecapError
from ..forms import Form
from ..reconcile import stored_by_region, verify_stored
from ..totals import province_totals
from .common import marks_of

#: audit actions that never change what a publication shows: they do not move its chain head
#: (so publishing, printing, backing up or logging in does not change the published bytes)
NON_DATA_ACTIONS = ("publication.", "document.", "backup.", "bundle.export", "user.", "draft.", "keys.")

#: certificate events shown in a regency's history besides its revisions
EVENT_ACTIONS = ("certificate.adopt", "certificate.reopen", "bundle.adoption", "bundle.conflict_resolve",
                 "double_entry.resolve", "double_entry.send_back")


@dataclass(frozen=True)
class Column:
    """One column of a received certificate: a kecamatan (or an unknown code), or JUMLAH."""

    kode: str
    nama: str
    tingkat: str  # "kecamatan", "jumlah", or "tidak_dikenal" for a code not in the region set


@dataclass
class RegencyView:
    """One kabupaten/kota as published.

    Attributes:
        kode, nama: region code ("33.01") and name ("Kabupaten Cilacap").
        status: the certificate status (certificate.Status values: "belum masuk" ... "ditetapkan").
        revision: number of the latest official revision, or None when not received.
        errors, warnings: open findings (None while not received or not checked).
        columns: the latest revision's columns in certificate order (kecamatan, then JUMLAH).
        values: {column code: {field key: int or None}} of that revision (blank is None).
        revisions: [{number, created_at, reason, content_sha256, source_sha256}], oldest first.
        events: [{id, at, action, revision, reason}] adoption, reopening and conflict events.
        adopted: {revision, at} of the adopted revision, or None.
        findings: the open findings [{code, severity, column, field, expected, actual, message}].
        district: the dapil code, or None for a contest with one district.
        form: the certificate form of its district.
    """

    kode: str
    nama: str
    status: str
    revision: int | None
    errors: int | None
    warnings: int | None
    columns: list[Column]
    values: dict
    revisions: list[dict]
    events: list[dict]
    adopted: dict | None
    findings: list[dict]
    district: str | None
    form: Form

    @property
    def received(self) -> bool:
        """True when an official revision was received."""
        return self.revision is not None

    @property
    def total(self) -> dict:
        """The JUMLAH column as certified ({} when not received)."""
        return self.values.get(JUMLAH, {})


@dataclass
class DistrictView:
    """One dapil (legislative contests): its regencies and sums over its own form.

    Attributes:
        kode, nama, kursi: as the election definition gives them.
        regencies: codes of its kabupaten/kota, official order.
        form: election.form_for(district): its contestants and field keys.
        fields: {field key: sum or None}; received, expected: certificates counted.
    """

    kode: str
    nama: str
    kursi: int | None
    regencies: list[str]
    form: Form
    fields: dict
    received: int
    expected: int


@dataclass
class Snapshot:
    """Everything a publication shows (see :func:`take`).

    Attributes:
        election: the Election; office_name, office_code: "KPU Provinsi Jawa Tengah", "33".
        marks: ("CONTOH",), ("SIMULASI",) or ().
        regencies: RegencyView per kabupaten/kota, official order.
        districts: DistrictView per dapil (one, the whole province, for pair contests).
        fields: province sums of the fields every district's form has; received/expected counts.
        contestants: [(Contestant, field key)] summed at province level (pairs, parties, individuals).
        form: the form the province figures are labelled with (the first district's).
        head: {id, hash, at} of the newest audit record that changes published data.
        data_fingerprint: SHA-256 of the province certificate's data as the paper prints it
            (first 16 hex digits in the footer), or None when the contest prints no certificate.
        public_key, key_fingerprint: the office key (``ed25519:<base64>``, SHA-256 hex).
    """

    election: object
    office_name: str
    office_code: str
    province_name: str
    marks: tuple[str, ...]
    regencies: list[RegencyView]
    districts: list[DistrictView]
    fields: dict
    received: int
    expected: int
    contestants: list[tuple[Contestant, str]]
    form: Form
    head: dict
    data_fingerprint: str | None
    public_key: str
    key_fingerprint: str
    public_pem: bytes = b""
    program_version: str = __version__
    _by_kode: dict = field(default_factory=dict, repr=False)

    @property
    def adopted(self) -> int:
        """How many certificates are adopted (ditetapkan)."""
        return sum(1 for r in self.regencies if r.adopted)

    @property
    def final(self) -> bool:
        """True when every certificate is received and adopted (the figures are final)."""
        return bool(self.regencies) and all(r.adopted for r in self.regencies)

    def regency(self, kode: str) -> RegencyView:
        """The RegencyView of a kabupaten/kota code. KeyError for a code not in the region set."""
        if not self._by_kode:
            self._by_kode = {r.kode: r for r in self.regencies}
        return self._by_kode[kode]


def data_head(conn) -> dict:
    """{id, hash, at} of the newest audit record that changes what a publication shows.

    Records whose action starts with one of :data:`NON_DATA_ACTIONS` are passed over;
    {id: 0, hash: 64 zeros, at: None} for a log holding none.
    """
    for rid, rhash, at, action in conn.execute("SELECT id, hash, at, action FROM audit ORDER BY id DESC"):
        if not action.startswith(NON_DATA_ACTIONS):
            return {"id": rid, "hash": rhash, "at": at}
    return {"id": 0, "hash": "0" * 64, "at": None}


def office_name(ws) -> str:
    """The office setting "office.name", else "KPU Provinsi <province>" / "KPU Kota <name>" (docs/tiers.md)."""
    name = ws.setting("office.name")
    return name or ws.election.kpu_short


def data_fingerprint(ws) -> str | None:
    """The data fingerprint of the province certificate (documents "sertifikat"), as printed
    on paper ("Sidik data SHA-256", first 16 hex digits); None when this contest has no
    printable province certificate (legislative contests with several dapil)."""
    from .. import documents

    try:
        return documents.render(ws, ["sertifikat"]).parts[0].fingerprint
    except RecapError:
        return None


def _revisions(ws) -> dict[str, list[dict]]:
    sources = dict(ws.conn.execute("SELECT id, sha256 FROM source_file"))
    out: dict[str, list[dict]] = {}
    for r in ws.conn.execute(
            "SELECT c.region_kode, r.number, r.created_at, r.reason, r.content_sha256, r.source_file_id "
            "FROM revision r JOIN certificate c ON c.id = r.certificate_id WHERE r.kind = 'resmi' "
            "ORDER BY c.region_kode, r.number"):
        out.setdefault(r[0], []).append({"number": r[1], "created_at": r[2], "reason": r[3],
                                         "content_sha256": r[4], "source_sha256": sources.get(r[5])})
    return out


def _events(ws, numbers: dict[int, tuple[str, int]]) -> dict[str, list[dict]]:
    q = ",".join("?" * len(EVENT_ACTIONS))
    out: dict[str, list[dict]] = {}
    for rid, at, action, entity, after in ws.conn.execute(
            f"SELECT id, at, action, entity, after FROM audit WHERE action IN ({q}) AND entity LIKE 'certificate:%' "
            "ORDER BY id", EVENT_ACTIONS):
        try:
            a = json.loads(after) if after else {}
        except ValueError:
            a = {}
        a = a if isinstance(a, dict) else {}
        revision = a.get("revision")
        if revision is None and a.get("revision_id") in numbers:
            revision = numbers[a["revision_id"]][1]
        out.setdefault(entity.split(":", 1)[1], []).append(
            {"id": rid, "at": at, "action": action, "revision": revision, "reason": a.get("reason")})
    return out


def take(ws, identity) -> Snapshot:
    """Read everything a publication shows from an open workspace (reads only).

    Args:
        ws: the open Workspace.
        identity: the office key (bundle.keys.OfficeIdentity); only its public half is used.
    Returns:
        A Snapshot.
    Raises:
        WorkspaceError: "tampered": figures, or findings, changed outside the program.
    """
    from cryptography.hazmat.primitives import serialization

    e = ws.election
    rows = statuses(ws)
    latest = ws.latest_values()
    verify_stored(ws, latest=latest)  # the findings shown are what the rules give on these figures
    found = stored_by_region(ws)
    revisions = _revisions(ws)
    numbers = {rid: (k, n) for rid, k, n in ws.conn.execute(
        "SELECT r.id, c.region_kode, r.number FROM revision r JOIN certificate c ON c.id = r.certificate_id")}
    events = _events(ws, numbers)
    totals = province_totals(ws)
    regencies = []
    for row in rows:
        kode = row["kode"]
        d = e.district_of(kode)
        form = e.form_of_region(kode)
        known = {c.kode: c.nama for c in ws.columns_of(kode)}
        if kode in latest:
            info, values = latest[kode]
            cols = [Column(c, "Jumlah" if c == JUMLAH else known.get(c, c),
                           "jumlah" if c == JUMLAH else ("kecamatan" if c in known else "tidak_dikenal"))
                    for c in info.columns]
        else:
            values, cols = {}, []
        adoption = ws.adoption(kode)
        adopted = None
        if adoption:
            adopted = {"revision": numbers.get(adoption["revision_id"], (kode, None))[1], "at": adoption["at"]}
        open_ = [f for f in found.get(kode, []) if not f.resolved]
        regencies.append(RegencyView(
            kode=kode, nama=row["nama"], status=str(row["status"]), revision=row["revision"], errors=row["errors"],
            warnings=row["warnings"], columns=cols, values=values, revisions=revisions.get(kode, []),
            events=events.get(kode, []), adopted=adopted,
            findings=[{"code": f.code, "severity": f.severity, "column": f.column, "field": f.field,
                       "expected": f.expected, "actual": f.actual, "message": f.message} for f in open_],
            district=None if (d is None or d.whole) else d.kode, form=form))
    districts = []
    for d, t in zip(e.districts, totals["dapil"], strict=True):
        districts.append(DistrictView(d.kode, d.nama, d.kursi, list(t["regencies"]), e.form_for(d), t["fields"],
                                      t["received"], t["expected"]))
    form = e.form_for(e.districts[0])
    contestants = [(c, form.total_key(c)) for c in form.contestants if form.total_key(c) in totals["fields"]]
    head = data_head(ws.conn)
    pub = identity.public_key
    from ..office_key import fingerprint, public_key_text

    return Snapshot(
        election=e, office_name=office_name(ws), office_code=e.office_code, province_name=e.province_name,
        marks=marks_of(ws), regencies=regencies, districts=districts, fields=totals["fields"],
        received=totals["received"], expected=totals["expected"], contestants=contestants, form=form,
        head=head, data_fingerprint=data_fingerprint(ws), public_key=public_key_text(pub),
        key_fingerprint=fingerprint(pub),
        public_pem=pub.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
