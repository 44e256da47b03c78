"""The seats of a legislative workspace: votes from the office totals, the threshold, Sainte-Laguë
per dapil, the elected candidates, the plenary's decisions on ties, replacements, and adoption.

The arithmetic is :mod:`recap_app.core.seats` (pure, exact fractions); this module feeds it
from the workspace and keeps what the plenary adds (docs/seats.md):

- party votes of a dapil = the party totals (``partai_<n>_jumlah``) of the dapil's regencies'
  JUMLAH columns, added up (UU 7/2017 art. 415: the party's valid votes are party-only votes
  plus its candidates' votes); the candidates' own votes likewise;
- the parties that take part: DPR those with at least ``threshold_percent`` of the national
  valid votes held in the definition (UU 7/2017 art. 414(1)); DPRD Provinsi every party;
- equal votes between candidates: the wider spread over the regencies, then the kecamatan
  columns held (PKPU 6/2024 art. 29(1));
- equal quotients for the last seat(s), or equal candidates for a party's last seat(s), are
  never decided here: :func:`decide` records the plenary's decision (who, when, how), and every
  computation re-applies the stored decisions from scratch, each only while it answers the same
  question (a decision that no longer fits is reported, not applied);
- a deceased or withdrawn elected candidate (:func:`replace`) is skipped and the seat passes to
  the next in line;
- where KPU Provinsi decides the seats (DPRD Provinsi) the result is adopted (:func:`adopt`,
  the chair) and locked until reopened with a reason (:func:`reopen`); for the DPR (KPU RI
  decides) the result is a calculation only.

Every write is one transaction with an audit record and checks the actor's permission; refusals
are :class:`recap_app.core.seats.SeatError` (or ``NotNow``/``NotAllowed``) naming what was found
and what was expected.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from fractions import Fraction

from . import auth
from .certificate import Answer
from .clock import now_iso
from .domain import JUMLAH, Contestant, ContestantKind, District
from .errors import NotAllowed, NotNow
from .seats import (
    Allocation,
    CandidateTie,
    CandidateVotes,
    Elected,
    SeatError,
    Tie,
    elect_candidates,
    format_quotient,
    sainte_lague,
    threshold_parties,
)
from .store import Workspace
from .text import clean_text

#: causes of a replacement (PKPU 6/2024: the elected candidate dies, withdraws, or no longer
#: meets the requirements) and how they are printed
CAUSES = {"meninggal_dunia": "meninggal dunia", "mengundurkan_diri": "mengundurkan diri",
          "tidak_memenuhi_syarat": "tidak lagi memenuhi syarat"}

KURSI, CALON = "kursi", "calon"


# --------------------------------------------------------------------------- results
@dataclass(frozen=True)
class PartyResult:
    """One party (or the DPD roster as a whole) in one dapil.

    Attributes:
        party: the party (None for the DPD roster).
        suara: the party's valid votes in the dapil (None while blank).
        ikut: True when the party takes part in the allocation (past the threshold).
        kursi: seats won (the certain ones while a tie is open).
        quotients: the party's quotients (votes / 1, 3, 5, ...) down to its first without a seat.
        elected: the candidates' ranking and the elected (None when the party has no seat or
            its candidates' votes are blank).
    """

    party: Contestant | None
    suara: int | None
    ikut: bool
    kursi: int
    quotients: tuple[Fraction, ...] = ()
    elected: Elected | None = None


@dataclass(frozen=True)
class DistrictResult:
    """The seats of one dapil.

    Attributes:
        district: the dapil; received / expected: certificates in the totals.
        parties: every party of the dapil (ballot order), or one entry for the DPD roster.
        allocation: the Sainte-Laguë allocation, None when it could not be computed (``problems``).
        ties: the open ties: ("kursi", Tie) or ("calon", party number, CandidateTie).
        decisions: the stored decisions applied ({id, jenis, ...} as stored).
        stale: stored decisions that no longer answer the figures' question (reported, not applied).
        replacements: the replacements applied ({id, partai, nomor_urut, cause, reason, ...}).
        problems: why something could not be computed (Indonesian sentences).
    """

    district: District
    received: int
    expected: int
    parties: tuple[PartyResult, ...]
    allocation: Allocation | None
    ties: tuple[tuple, ...] = ()
    decisions: tuple[dict, ...] = ()
    stale: tuple[dict, ...] = ()
    replacements: tuple[dict, ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """True when every seat and every elected candidate is set (no open tie, nothing missing)."""
        return not self.ties and not self.problems and self.received == self.expected


@dataclass(frozen=True)
class SeatResult:
    """The seats of a whole contest.

    Attributes:
        method: "sainte_lague" or "suara_terbanyak"; decided_by: "KPU RI" or "KPU Provinsi".
        decision: True when this office decides the seats (adoption applies), False for a
            calculation only (DPR: KPU RI decides).
        threshold: {"persen", "partai": [numbers past it], "suara_nasional": {n: votes}, "sumber"}.
        districts: one :class:`DistrictResult` per dapil, in definition order.
        adoption: the current adoption {id, at, by, sha256} or None.
    """

    election_id: str
    body: str
    method: str
    decided_by: str
    decision: bool
    threshold: dict
    districts: list[DistrictResult]
    adoption: dict | None = None

    @property
    def open_ties(self) -> list[tuple[DistrictResult, tuple]]:
        return [(d, t) for d in self.districts for t in d.ties]

    @property
    def complete(self) -> bool:
        return all(d.complete for d in self.districts)

    def seats_by_party(self) -> dict[int, int]:
        """{party number: seats over every dapil} (the certain seats while a tie is open)."""
        out: dict[int, int] = {}
        for d in self.districts:
            for p in d.parties:
                if p.party is not None:
                    out[p.party.nomor] = out.get(p.party.nomor, 0) + p.kursi
        return out

    def to_dict(self) -> dict:
        """The JSON of `recap seats --format json` (docs/seats.md; keys in Indonesian)."""
        return result_dict(self)

    @property
    def sha256(self) -> str:
        """SHA-256 of the result (without the adoption record): equal results, equal value."""
        d = result_dict(self)
        d.pop("penetapan", None)
        return hashlib.sha256(json.dumps(d, ensure_ascii=False, sort_keys=True,
                                         separators=(",", ":")).encode()).hexdigest()


# --------------------------------------------------------------------------- reading the figures
def _latest_jumlah(ws: Workspace, verify: bool) -> tuple[dict[str, dict], dict[str, dict] | None]:
    """({regency: its JUMLAH column}, {regency: every column} when ``verify``) of the latest revisions.

    ``verify`` reads every cell through the store (each revision checked against its content
    SHA-256, as totals and documents do); otherwise only the JUMLAH cells are read (one small query).
    """
    if verify:
        latest = ws.latest_values()
        return ({k: v.get(JUMLAH, {}) for k, (info, v) in latest.items() if JUMLAH in info.columns},
                {k: v for k, (_, v) in latest.items()})
    rows = ws.conn.execute(
        """SELECT c.region_kode, x.field, x.value FROM revision r JOIN certificate c ON c.id = r.certificate_id
           JOIN cell x ON x.revision_id = r.id AND x.kolom = ?
           WHERE r.kind = 'resmi' AND r.number = (SELECT MAX(number) FROM revision r2
               WHERE r2.certificate_id = r.certificate_id AND r2.kind = 'resmi')""", (JUMLAH,)).fetchall()
    out: dict[str, dict] = {}
    for kode, fld, value in rows:
        out.setdefault(kode, {})[fld] = value
    received = {k for (k,) in ws.conn.execute(
        "SELECT DISTINCT c.region_kode FROM revision r JOIN certificate c ON c.id = r.certificate_id "
        "WHERE r.kind = 'resmi'")}
    for k in received - set(out):
        out[k] = {}
    return out, None


def _columns_of(ws: Workspace, members: list[str], keys: list[str]) -> dict[str, dict[str, dict]]:
    """{regency: {kecamatan column: {key: value}}} of the latest revisions, for a few keys only."""
    q = ",".join("?" * len(keys))
    m = ",".join("?" * len(members))
    out: dict[str, dict[str, dict]] = {}
    for kode, kolom, fld, value in ws.conn.execute(
            f"""SELECT c.region_kode, x.kolom, x.field, x.value FROM revision r
                JOIN certificate c ON c.id = r.certificate_id JOIN cell x ON x.revision_id = r.id
                WHERE r.kind = 'resmi' AND c.region_kode IN ({m}) AND x.field IN ({q}) AND x.kolom != ?
                AND r.number = (SELECT MAX(number) FROM revision r2 WHERE r2.certificate_id = r.certificate_id
                    AND r2.kind = 'resmi')""", [*members, *keys, JUMLAH]):
        out.setdefault(kode, {}).setdefault(kolom, {})[fld] = value
    return out


def _sum(cols: list[dict], key: str) -> int | None:
    xs = [c.get(key) for c in cols]
    return None if not xs or any(x is None for x in xs) else sum(xs)


# --------------------------------------------------------------------------- stored inputs
def _decisions(ws: Workspace) -> list[dict]:
    rows = ws.conn.execute(
        """SELECT id, dapil, kind, partai, question, winners, how, decided_by, decided_at, recorded_by, recorded_at
           FROM seat_decision WHERE withdrawn_at IS NULL ORDER BY id""").fetchall()
    return [{"id": r[0], "dapil": r[1], "jenis": r[2], "partai": r[3] or None, "pertanyaan": json.loads(r[4]),
             "pemenang": json.loads(r[5]), "cara": r[6], "oleh": r[7], "waktu": r[8], "dicatat_oleh": r[9],
             "dicatat_pada": r[10]} for r in rows]


def _replacements(ws: Workspace) -> list[dict]:
    rows = ws.conn.execute(
        """SELECT id, dapil, partai, nomor_urut, cause, reason, recorded_by, recorded_at FROM seat_replacement
           WHERE withdrawn_at IS NULL ORDER BY id""").fetchall()
    return [{"id": r[0], "dapil": r[1], "partai": r[2] or None, "nomor_urut": r[3], "sebab": r[4], "alasan": r[5],
             "dicatat_oleh": r[6], "dicatat_pada": r[7]} for r in rows]


def adoption(ws: Workspace) -> dict | None:
    """The current adoption of the seat decision {id, at, by, sha256}, or None (never adopted or reopened)."""
    row = ws.conn.execute("SELECT id, adopted_at, adopted_by, result_sha256 FROM seat_adoption "
                          "WHERE reopened_at IS NULL ORDER BY id DESC LIMIT 1").fetchone()
    return {"id": row[0], "at": row[1], "by": row[2], "sha256": row[3]} if row else None


def seat_question(tie: Tie) -> dict:
    """The question a seat tie asks, as stored with a decision (the quotient exact, as "p/q")."""
    return {"kursi": list(tie.seats), "partai": list(tie.parties), "hasil_bagi": _frac(tie.quotient),
            "pembagi": list(tie.divisors)}


def candidate_question(tie: CandidateTie) -> dict:
    """The question a candidate tie asks, as stored with a decision."""
    return {"kursi_partai": list(tie.places), "calon": list(tie.candidates), "suara": tie.suara,
            "sebaran": list(tie.spread)}


def _frac(q: Fraction) -> str:
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"


# --------------------------------------------------------------------------- the computation
def _threshold(e) -> dict:
    seats = e.seats or {}
    pct = seats.get("threshold_percent") or 0
    out = {"persen": pct, "partai": None, "suara_nasional": None, "sumber": None}
    if pct and e.national_votes:
        out.update(partai=threshold_parties(e.national_votes, Fraction(str(pct))),
                   suara_nasional={str(k): v for k, v in sorted(e.national_votes.items())},
                   sumber=(e.raw.get("contest", {}).get("national_votes") or {}).get("source"))
    return out


def compute(ws: Workspace, *, verify: bool = True) -> SeatResult:
    """The seats of the workspace's contest from its current figures and the stored decisions.

    Reads only; the same figures and decisions always give the same result.

    Args:
        verify: read every figure through the store's content check (as adoption and the
            documents do); False reads only the JUMLAH cells (the quick view of `recap seats`),
            and the spread columns of candidates with equal votes.
    Raises:
        SeatError("no_seats"): the contest has no seats (a pair contest).
        WorkspaceError: "tampered" figures (with ``verify``).
    """
    e = ws.election
    method = (e.seats or {}).get("method")
    if method not in ("sainte_lague", "suara_terbanyak") or e.form_kind == "paslon":
        raise SeatError(f"{e.name} tidak membagi kursi; perintah ini untuk pemilu DPR, DPD dan DPRD.", "no_seats")
    jumlah, allcols = _latest_jumlah(ws, verify)
    threshold = _threshold(e)
    decisions, replacements = _decisions(ws), _replacements(ws)
    regencies = [r.kode for r in ws.regencies()]
    out = []
    for d in e.districts:
        members = regencies if d.whole else [k for k in regencies if k in set(d.wilayah)]
        got = [k for k in members if k in jumlah]
        cols = [jumlah[k] for k in got]
        form = e.form_for(d)
        mine_dec = [x for x in decisions if x["dapil"] == d.kode]
        mine_rep = [x for x in replacements if x["dapil"] == d.kode]
        spread_of = _spread_reader(ws, got, allcols)
        if form.contestant_kind == ContestantKind.PERSEORANGAN:
            out.append(_individuals(d, form, cols, len(got), len(members), mine_dec, mine_rep, spread_of))
        else:
            out.append(_parties(d, form, cols, len(got), len(members), threshold, mine_dec, mine_rep, spread_of))
    return SeatResult(e.id, e.body, method, (e.seats or {}).get("decided_by", ""),
                      (e.seats or {}).get("decided_by") == "KPU Provinsi", threshold, out, adoption(ws))


def _spread_reader(ws: Workspace, members: list[str], allcols: dict | None):
    """A function keys -> {key: (regencies with votes, kecamatan columns with votes)}."""
    def spread(keys: list[str]) -> dict[str, tuple[int, int]]:
        if allcols is not None:
            per = {k: {c: v for c, v in allcols[k].items() if c != JUMLAH} for k in members if k in allcols}
        else:
            per = _columns_of(ws, members, keys) if members and keys else {}
        out = {}
        for key in keys:
            regs = kecs = 0
            for cols in per.values():
                n = sum(1 for v in cols.values() if (v.get(key) or 0) > 0)
                kecs += n
                regs += 1 if n else 0
            out[key] = (regs, kecs)
        return out
    return spread


def _candidates(people: list[Contestant], keys: list[str], fields: dict, spread_of) -> list[CandidateVotes] | None:
    """The list as seats.CandidateVotes (None when a candidate's votes are blank); spreads read
    only when two candidates have the same votes."""
    votes = [fields.get(k) for k in keys]
    if any(v is None for v in votes):
        return None
    spreads: dict[str, tuple] = {}
    if len(set(votes)) < len(votes):
        spreads = spread_of(keys)
    return [CandidateVotes(c.nomor, c.nama, v, spreads.get(k, ()), c.jenis_kelamin or None)
            for c, k, v in zip(people, keys, votes, strict=True)]


def _apply_candidates(d: District, party: int | None, cands: list[CandidateVotes], seats: int, decisions, reps,
                      ties, applied, stale, used_reps) -> Elected:
    excluded = [r["nomor_urut"] for r in reps if r["partai"] == party]
    known = {c.nomor_urut for c in cands}
    for r in reps:
        if r["partai"] == party and r["nomor_urut"] in known:
            used_reps.append(r)
    excluded = [n for n in excluded if n in known]
    el = elect_candidates(cands, seats, excluded=excluded)
    mine = [x for x in decisions if x["jenis"] == CALON and x["partai"] == party]
    if el.tie is not None and not el.tie.decided:
        q = candidate_question(el.tie)
        fit = [x for x in mine if x["pertanyaan"] == q]
        if fit:
            el = elect_candidates(cands, seats, excluded=excluded, decisions=fit[-1]["pemenang"])
            applied.append(fit[-1])
            stale.extend(x for x in mine if x is not fit[-1])
        else:
            ties.append((CALON, party, el.tie))
            stale.extend(mine)
    else:
        stale.extend(mine)
    return el


def _parties(d: District, form, cols, received, expected, threshold, decisions, reps, spread_of) -> DistrictResult:
    fields = {k: _sum(cols, k) for k in form.block_iv_keys} if cols else {}
    problems: list[str] = []
    passing = threshold["partai"]
    votes: dict[int, int] = {}
    blank = []
    for p in form.contestants:
        v = fields.get(form.total_key(p))
        if passing is not None and p.nomor not in passing:
            continue
        if v is None:
            blank.append(p)
        else:
            votes[p.nomor] = v
    if not cols:
        problems.append(f"Dapil {d.kode} {d.nama}: belum ada sertifikat yang masuk; kursi belum dapat dihitung.")
    elif blank:
        problems.append(f"Dapil {d.kode} {d.nama}: jumlah suara {', '.join(p.short for p in blank)} kosong di kolom "
                        "JUMLAH sekurang-kurangnya satu kabupaten/kota; kursi belum dapat dihitung.")
    ties: list[tuple] = []
    applied: list[dict] = []
    stale: list[dict] = []
    used_reps: list[dict] = []
    alloc = None
    seat_dec = [x for x in decisions if x["jenis"] == KURSI]
    if not problems:
        try:
            alloc = sainte_lague(votes, d.kursi or 0)
        except SeatError as exc:
            problems.append(f"Dapil {d.kode} {d.nama}: {exc.message}")
    if alloc is not None and alloc.tie is not None:
        q = seat_question(alloc.tie)
        fit = [x for x in seat_dec if x["pertanyaan"] == q]
        if fit:
            alloc = sainte_lague(votes, d.kursi or 0, decisions=fit[-1]["pemenang"])
            applied.append(fit[-1])
            stale.extend(x for x in seat_dec if x is not fit[-1])
        else:
            ties.append((KURSI, alloc.tie))
            stale.extend(seat_dec)
    else:
        stale.extend(seat_dec)
    parties = []
    for p in form.contestants:
        ikut = passing is None or p.nomor in passing
        won = alloc.won.get(p.nomor, 0) if alloc is not None and ikut else 0
        el = None
        if won and alloc is not None:
            people = list(form.candidates[p.nomor])
            keys = [form.candidate_key(p.nomor, c.nomor) for c in people]
            cands = _candidates(people, keys, fields, spread_of)
            if cands is None:
                problems.append(f"Dapil {d.kode} {d.nama}: suara calon {p.short} kosong; calon terpilih belum dapat "
                                "ditetapkan.")
            elif not cands:
                problems.append(f"Dapil {d.kode} {d.nama}: {p.short} memperoleh {won} kursi tetapi daftar calonnya "
                                "tidak ada dalam definisi (muat DCT dengan: recap dct import).")
            else:
                el = _apply_candidates(d, p.nomor, cands, won, decisions, reps, ties, applied, stale, used_reps)
        else:
            stale.extend(x for x in decisions if x["jenis"] == CALON and x["partai"] == p.nomor)
        q = alloc.quotients.get(p.nomor, ()) if alloc is not None else ()
        parties.append(PartyResult(p, fields.get(form.total_key(p)) if fields else None, ikut, won, q, el))
    return DistrictResult(d, received, expected, tuple(parties), alloc, tuple(ties), tuple(applied), _unique(stale),
                          tuple(used_reps), tuple(problems))


def _individuals(d: District, form, cols, received, expected, decisions, reps, spread_of) -> DistrictResult:
    fields = {k: _sum(cols, k) for k in form.block_iv_keys} if cols else {}
    people = list(form.contestants)
    keys = [form.total_key(c) for c in people]
    problems: list[str] = []
    ties: list[tuple] = []
    applied: list[dict] = []
    stale: list[dict] = []
    used: list[dict] = []
    el = None
    cands = _candidates(people, keys, fields, spread_of) if cols else None
    if not cols:
        problems.append(f"{d.nama}: belum ada sertifikat yang masuk; calon terpilih belum dapat dihitung.")
    elif cands is None:
        problems.append(f"{d.nama}: suara calon kosong di kolom JUMLAH sekurang-kurangnya satu kabupaten/kota.")
    else:
        el = _apply_candidates(d, None, cands, d.kursi or 0, decisions, reps, ties, applied, stale, used)
    total = sum(v for v in (fields.get(k) for k in keys) if v is not None) if fields else None
    return DistrictResult(d, received, expected, (PartyResult(None, total, True, d.kursi or 0, (), el),), None,
                          tuple(ties), tuple(applied), _unique(stale), tuple(used), tuple(problems))


def _unique(xs: list[dict]) -> tuple[dict, ...]:
    return tuple({x["id"]: x for x in xs}.values())


# --------------------------------------------------------------------------- JSON
def _candidate_dict(c: CandidateVotes) -> dict:
    return {"nomor_urut": c.nomor_urut, "nama": c.nama, "suara": c.suara, "jenis_kelamin": c.jenis_kelamin,
            "sebaran": list(c.spread)}


def _tie_dict(d: DistrictResult, t: tuple) -> dict:
    if t[0] == KURSI:
        tie: Tie = t[1]
        names = {p.party.nomor: p.party.short for p in d.parties if p.party is not None}
        return {"jenis": KURSI, "kursi": list(tie.seats), "partai": list(tie.parties),
                "nama_partai": [names.get(n, str(n)) for n in tie.parties], "hasil_bagi": _frac(tie.quotient),
                "hasil_bagi_tampil": format_quotient(tie.quotient), "pembagi": list(tie.divisors),
                "pesan": f"Dapil {d.district.kode} {d.district.nama}: {tie.message}"}
    party, tie = t[1], t[2]
    return {"jenis": CALON, "partai": party, "kursi_partai": list(tie.places), "calon": list(tie.candidates),
            "suara": tie.suara, "sebaran": list(tie.spread),
            "pesan": f"Dapil {d.district.kode} {d.district.nama}" + (f", partai nomor {party}" if party else "")
                     + f": {tie.message}"}


def district_dict(d: DistrictResult) -> dict:
    """One dapil of the JSON (docs/seats.md)."""
    a = d.allocation
    won_at: dict[tuple[int, int], int] = {}
    order = []
    if a is not None:
        for s in a.order:
            won_at[(s.party, s.divisor)] = s.seat
            order.append({"kursi": s.seat, "partai": s.party, "pembagi": s.divisor, "hasil_bagi": _frac(s.quotient),
                          "hasil_bagi_tampil": format_quotient(s.quotient), "keputusan": s.by_decision})
    parties = []
    for p in d.parties:
        el = p.elected
        item = {"nomor": p.party.nomor if p.party else None, "nama": p.party.nama if p.party else d.district.nama,
                "nama_singkat": p.party.short if p.party else "", "suara": p.suara, "ikut": p.ikut,
                "kursi": p.kursi,
                "hasil_bagi": [{"pembagi": 2 * i + 1, "hasil_bagi": _frac(q), "hasil_bagi_tampil": format_quotient(q),
                                "kursi": won_at.get((p.party.nomor, 2 * i + 1)) if p.party else None}
                               for i, q in enumerate(p.quotients)],
                "terpilih": [_candidate_dict(c) for c in el.elected] if el else [],
                "peringkat": [{"peringkat": r.rank, **_candidate_dict(r.candidate), "status": str(r.standing),
                               "dasar": str(r.basis), "catatan": r.note} for r in el.ranking] if el else [],
                "diganti": [{"calon": _candidate_dict(o), "pengganti": _candidate_dict(i) if i else None}
                            for o, i in el.replaced] if el else [],
                "kosong": el.vacant if el else 0}
        parties.append(item)
    return {"kode": d.district.kode, "nama": d.district.nama, "kursi": d.district.kursi, "masuk": d.received,
            "diharapkan": d.expected, "lengkap": d.complete, "partai": parties, "urutan": order,
            "seri": [_tie_dict(d, t) for t in d.ties], "keputusan": list(d.decisions),
            "keputusan_tidak_berlaku": list(d.stale), "penggantian": list(d.replacements), "masalah": list(d.problems)}


def result_dict(r: SeatResult) -> dict:
    """The whole JSON (docs/seats.md)."""
    dapil = [district_dict(d) for d in r.districts]
    totals = r.seats_by_party()
    names = {}
    for d in r.districts:
        for p in d.parties:
            if p.party is not None:
                names[p.party.nomor] = p.party
    return {"election": r.election_id, "lembaga": r.body, "metode": r.method, "ditetapkan_oleh": r.decided_by,
            "sifat": "keputusan" if r.decision else "perhitungan", "ambang_batas": r.threshold,
            "lengkap": r.complete, "seri_terbuka": len(r.open_ties),
            "kursi_partai": [{"nomor": n, "nama": names[n].nama, "nama_singkat": names[n].short, "kursi": k}
                             for n, k in sorted(totals.items()) if k] if totals else [],
            "dapil": dapil, "penetapan": r.adoption}


# --------------------------------------------------------------------------- acts
def _must_be_open(ws: Workspace) -> None:
    a = adoption(ws)
    if a is not None:
        raise NotNow(f"Penetapan perolehan kursi sudah ditetapkan ({a['at']} oleh {a['by']}); buka kembali dulu "
                     "(ketua, dengan alasan: recap seats reopen) sebelum mengubah keputusan.", "seats_adopted")


def _district(ws: Workspace, kode: str) -> District:
    d = ws.election.district_by_code.get(kode)
    if d is None:
        known = ", ".join(x.kode for x in ws.election.districts)
        raise SeatError(f"Dapil {kode!r} tidak ada dalam {ws.election.name}; diharapkan salah satu dari: {known}.",
                        "unknown_district")
    return d


def decide(ws: Workspace, dapil: str, winners: list[int], how: str, actor: str, *, party: int | None = None,
           decided_by: str | None = None, decided_at: str | None = None) -> dict:
    """Record the plenary's decision on an open tie of a dapil (equal quotients for the last
    seat(s), or with ``party`` equal candidates for the party's last seat(s)).

    Args:
        winners: the party numbers (seat tie) or nomor urut (candidate tie) that take the open
            seats, in seat order.
        how: how it was decided ("undian", "pengundian dalam rapat pleno ...").
        decided_by: who decided (default "Rapat pleno <office>"); decided_at: when (ISO date or
            date-time; default now).
    Returns:
        The stored decision {id, dapil, jenis, partai, pertanyaan, pemenang, cara, oleh, waktu}.
    Raises:
        NotAllowed: permission "adopt" missing; NotNow("seats_adopted"): the seat decision is adopted.
        SeatError: unknown dapil; "no_tie" (no open tie of that kind); "tie_decision_mismatch"
            (winners not fitting the tie); TextError: empty ``how``.
    """
    auth.require(ws, actor, "adopt")
    d = _district(ws, dapil)
    how = clean_text(how, "Cara memutuskan")
    who = clean_text(decided_by, "Yang memutuskan") if decided_by else f"Rapat pleno {_office_name(ws)}"
    when = decided_at or now_iso()
    with ws.transaction():
        _must_be_open(ws)
        res = next(x for x in compute(ws, verify=True).districts if x.district.kode == d.kode)
        individual = ws.election.form_for(d).contestant_kind == ContestantKind.PERSEORANGAN
        if party is None and not individual:
            tie = next((t[1] for t in res.ties if t[0] == KURSI), None)
            if tie is None:
                raise SeatError(f"Dapil {d.kode} {d.nama}: tidak ada hasil bagi sama yang memperebutkan kursi "
                                "terakhir; tidak ada yang perlu diputuskan.", "no_tie")
            votes = res.allocation.votes if res.allocation else {}
            sainte_lague(votes, d.kursi or 0, decisions=winners)  # refuses a decision that does not fit
            question, kind = seat_question(tie), KURSI
        else:
            tie = next((t[2] for t in res.ties if t[0] == CALON and t[1] == party), None)
            if tie is None:
                whose = f"partai nomor {party}" if party is not None else "perseorangan"
                raise SeatError(f"Dapil {d.kode} {d.nama}: tidak ada calon {whose} dengan suara sama yang "
                                "memperebutkan kursi terakhir; tidak ada yang perlu diputuskan.", "no_tie")
            pr = next(p for p in res.parties if (p.party.nomor if p.party else None) == party)
            el = pr.elected
            excluded = [r.candidate.nomor_urut for r in el.ranking if r.standing == "dikecualikan"]
            elect_candidates([r.candidate for r in el.ranking], el.seats, excluded=excluded,
                             decisions=winners)  # refuses a decision that does not fit
            question, kind = candidate_question(tie), CALON
        rid = ws.db["seat_decision"].insert({
            "dapil": d.kode, "kind": kind, "partai": party or 0, "question": json.dumps(question),
            "winners": json.dumps(list(winners)), "how": how, "decided_by": who, "decided_at": when,
            "recorded_by": actor, "recorded_at": now_iso()}).last_pk
        stored = {"id": rid, "dapil": d.kode, "jenis": kind, "partai": party, "pertanyaan": question,
                  "pemenang": list(winners), "cara": how, "oleh": who, "waktu": when}
        ws.record(actor, "seats.decide", f"dapil:{d.kode}", None, stored)
    return stored


def replace(ws: Workspace, dapil: str, party: int | None, nomor_urut: int, cause: str, reason: str,
            actor: str) -> dict:
    """Record that an elected candidate died, withdrew or no longer qualifies: the seat passes to
    the next in line (PKPU 6/2024) on every computation from now on.

    Args:
        party: the party number (None for a DPD candidate); cause: a key of :data:`CAUSES`.
    Returns:
        The stored replacement {id, dapil, partai, nomor_urut, sebab, alasan}.
    Raises:
        NotAllowed: permission "adopt" missing; NotNow("seats_adopted").
        SeatError: unknown dapil, "unknown_candidate" (not on the list), "not_elected" (not among
            the elected), "bad_cause"; TextError: empty reason.
    """
    auth.require(ws, actor, "adopt")
    d = _district(ws, dapil)
    if cause not in CAUSES:
        raise SeatError(f"Sebab penggantian {cause!r} tidak dikenal; diharapkan salah satu dari: "
                        f"{', '.join(CAUSES)}.", "bad_cause")
    reason = clean_text(reason, "Alasan penggantian")
    with ws.transaction():
        _must_be_open(ws)
        res = next(x for x in compute(ws, verify=True).districts if x.district.kode == d.kode)
        pr = next((p for p in res.parties if (p.party.nomor if p.party else None) == party), None)
        form = ws.election.form_for(d)
        people = form.contestants if party is None else form.candidates.get(party, ())
        who = next((c for c in people if c.nomor == nomor_urut), None)
        if pr is None or who is None:
            raise SeatError(f"Dapil {d.kode} {d.nama}: calon nomor urut {nomor_urut}"
                            + (f" partai nomor {party}" if party is not None else "")
                            + " tidak ada dalam daftar calon.", "unknown_candidate")
        elected = {c.nomor_urut for c in pr.elected.elected} if pr.elected else set()
        if nomor_urut not in elected:
            raise SeatError(f"Dapil {d.kode} {d.nama}: {who.nama} (nomor urut {nomor_urut}) tidak termasuk calon "
                            "terpilih; penggantian hanya untuk calon terpilih.", "not_elected")
        rid = ws.db["seat_replacement"].insert({
            "dapil": d.kode, "partai": party or 0, "nomor_urut": nomor_urut, "cause": cause, "reason": reason,
            "recorded_by": actor, "recorded_at": now_iso()}).last_pk
        stored = {"id": rid, "dapil": d.kode, "partai": party, "nomor_urut": nomor_urut, "nama": who.nama,
                  "sebab": cause, "alasan": reason}
        ws.record(actor, "seats.replace", f"dapil:{d.kode}", None, stored)
    return stored


def can_adopt(ws: Workspace, actor: str) -> Answer:
    """May ``actor`` adopt the seat decision now? (see :func:`adopt`) An Answer with the reason."""
    try:
        auth.require(ws, actor, "adopt")
    except NotAllowed as exc:
        return Answer(False, exc.message, exc.code, exc.english)
    e = ws.election
    if (e.seats or {}).get("decided_by") != "KPU Provinsi":
        return Answer(False, f"Kursi {e.name} ditetapkan oleh {(e.seats or {}).get('decided_by') or 'lembaga lain'}; "
                      "di provinsi hasilnya hanya perhitungan dan tidak ditetapkan.", "not_decided_here")
    if adoption(ws) is not None:
        return Answer(False, "Penetapan perolehan kursi sudah ditetapkan.", "already_adopted")
    pending = [r.kode for r in ws.regencies() if not ws.adoption(r.kode)]
    if pending:
        return Answer(False, f"{len(pending)} sertifikat kabupaten/kota belum ditetapkan (misalnya {pending[0]}); "
                      "kursi ditetapkan setelah semua sertifikat ditetapkan.", "not_all_adopted")
    res = compute(ws, verify=True)
    if res.open_ties:
        d, t = res.open_ties[0]
        return Answer(False, f"Masih ada {len(res.open_ties)} hasil sama yang belum diputuskan rapat pleno "
                      f"({_tie_dict(d, t)['pesan']}).", "open_tie")
    problems = [p for d in res.districts for p in d.problems]
    if problems:
        return Answer(False, problems[0], "seats_incomplete")
    return Answer(True)


def adopt(ws: Workspace, actor: str) -> dict:
    """The chair adopts the seat decision (DPRD Provinsi): the result, its SHA-256 and who/when
    are stored, audited, and decisions and replacements are locked until :func:`reopen`.

    Refused (NotNow, with the reason) where the office does not decide the seats
    ("not_decided_here"), when adopted already, while a regency certificate is not adopted
    ("not_all_adopted"), while a tie is open ("open_tie") or something is missing ("seats_incomplete").

    Returns:
        {id, at, by, sha256}.
    Raises:
        NotAllowed: permission "adopt" missing; NotNow: see above.
    """
    auth.require(ws, actor, "adopt")
    with ws.transaction():
        can_adopt(ws, actor).raise_if_not()
        res = compute(ws, verify=True)
        sha = res.sha256
        at = now_iso()
        payload = result_dict(res)
        payload.pop("penetapan", None)
        rid = ws.db["seat_adoption"].insert({"adopted_at": at, "adopted_by": actor, "result_sha256": sha,
                                             "result": json.dumps(payload, ensure_ascii=False)}).last_pk
        ws.record(actor, "seats.adopt", "seats", None, {"id": rid, "sha256": sha,
                                                         "kursi": {str(k): v for k, v in res.seats_by_party().items()}})
    return {"id": rid, "at": at, "by": actor, "sha256": sha}


def reopen(ws: Workspace, actor: str, reason: str) -> None:
    """The chair reopens the adopted seat decision with a recorded reason (permission "reopen").

    Raises:
        NotAllowed: permission missing; NotNow("not_adopted"); TextError: empty reason.
    """
    auth.require(ws, actor, "reopen")
    reason = clean_text(reason, "Alasan membuka kembali")
    with ws.transaction():
        a = adoption(ws)
        if a is None:
            raise NotNow("Penetapan perolehan kursi belum ditetapkan; tidak ada yang dibuka kembali.", "not_adopted")
        ws.conn.execute("UPDATE seat_adoption SET reopened_at = ?, reopened_by = ?, reopen_reason = ? WHERE id = ?",
                        (now_iso(), actor, reason, a["id"]))
        ws.record(actor, "seats.reopen", "seats", a, {"reason": reason})


def adopted_result(ws: Workspace) -> dict | None:
    """The result as adopted (the stored JSON), or None."""
    a = adoption(ws)
    if a is None:
        return None
    row = ws.conn.execute("SELECT result FROM seat_adoption WHERE id = ?", (a["id"],)).fetchone()
    return json.loads(row[0])


def _office_name(ws: Workspace) -> str:
    return ws.setting("office.name") or ws.election.kpu_name


# --------------------------------------------------------------------------- the calculator
def calculate(votes: dict[int, int], seats: int, *, winners: list[int] = (),
              names: dict[int, str] | None = None) -> dict:
    """`recap seats calc`: Sainte-Laguë on given votes (a simulation; nothing stored).

    Args:
        votes: {party number: votes}; seats: the dapil's seats; winners: a simulated decision
            on a tie (party numbers in seat order); names: {party number: name} to print.
    Returns:
        One dapil entry of the JSON (docs/seats.md) with "kode" "simulasi", parties by number.
    Raises:
        SeatError: as :func:`recap_app.core.seats.sainte_lague`.
    """
    alloc = sainte_lague(votes, seats, decisions=winners)
    ties = [(KURSI, alloc.tie)] if alloc.tie is not None and not alloc.tie.decided else []
    d = District("simulasi", "SIMULASI", seats)
    names = names or {}
    parties = [PartyResult(Contestant(ContestantKind.PARTAI, n, names.get(n, f"Partai nomor {n}"),
                                      _short(names.get(n)) or f"Partai {n}"), v, True, alloc.won[n], alloc.quotients[n])
               for n, v in alloc.votes.items()]
    return district_dict(DistrictResult(d, 0, 0, tuple(parties), alloc, tuple(ties)))


def _short(name: str | None) -> str:
    """A short form of a party's full name for the tables ("PARTAI KEBANGKITAN BANGSA" -> "PKB")."""
    if not name:
        return ""
    words = name.split()
    if len(name) <= 16:
        return name
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def party_names_csv(path) -> dict[int, str]:
    """{party number: name} from a vote CSV's "nama_partai" or "nama" column, when it has one
    (best effort: {} when there is none; the figures themselves are read by
    :func:`recap_app.core.seats.read_votes_csv`, which refuses a bad file)."""
    import csv
    import io

    from . import files

    try:
        text = files.read_named(path, 16 << 20, "berkas CSV suara partai").decode("utf-8-sig")
    except (files.FileRefused, UnicodeDecodeError):
        return {}
    first = text.split("\n", 1)[0]
    delim = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delim))
    if not rows:
        return {}
    head = [h.strip().lower().replace(" ", "_") for h in rows[0]]
    num = next((i for i, h in enumerate(head) if h in ("nomor", "nomor_partai")), None)
    nam = next((i for i, h in enumerate(head) if h in ("nama_partai", "nama")), None)
    if num is None or nam is None:
        return {}
    out = {}
    for r in rows[1:]:
        if len(r) > max(num, nam) and r[num].strip().isdigit() and r[nam].strip():
            out[int(r[num])] = r[nam].strip()
    return out
