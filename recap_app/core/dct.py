"""The final candidate list (DCT) of a workspace: loading a list the definition lacks, and the
ballot numbers of individual candidates (DPD) the office confirms or sets.

The candidates live in the workspace's stored definition (meta key ``election``, the copy of
resources/elections/<id>.json made at ``recap init``); changing it is allowed only before the
first certificate is stored, since every certificate of a dapil is read against its list.
Both acts need the "settings" permission (an office setting, like the office's members), are
one transaction with an audit record (file name, SHA-256, what changed) and write nothing on
refusal. Refusals are :class:`DctError`, naming the file, line and column, what was found and
what was expected (docs/elections.md, "Candidate lists").

Sources: PKPU 10/2023 (DCT per dapil and party; a party lists at most as many candidates as the
dapil has seats, UU 7/2017 art. 244); the DCT of DPD candidates is ordered by the KPU's drawing
of ballot numbers.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import re
from pathlib import Path

from . import auth
from .domain import ContestantKind
from .election import Election
from .errors import RecapError
from .importer.names import normalize
from .importer.reader import read_workbook
from .store import Workspace

#: header spellings accepted for each column of a DCT file (normalised: upper case, "_" as space)
HEADERS = {
    "dapil": ("DAPIL", "KODE DAPIL", "DAERAH PEMILIHAN", "NAMA DAPIL", "NO DAPIL"),
    "partai": ("PARTAI", "NOMOR PARTAI", "NO PARTAI", "NOMOR URUT PARTAI", "NAMA PARTAI"),
    "nomor_urut": ("NOMOR URUT", "NO URUT", "NOMOR", "NO", "NOMOR URUT CALON", "NO URUT CALON"),
    "nama": ("NAMA", "NAMA CALON", "NAMA LENGKAP"),
    "jenis_kelamin": ("JENIS KELAMIN", "JK", "L P", "KELAMIN"),
    "tempat_tinggal": ("TEMPAT TINGGAL", "DOMISILI", "KABUPATEN KOTA", "ALAMAT", "KAB KOTA"),
}
REQUIRED = ("dapil", "partai", "nomor_urut", "nama", "jenis_kelamin")
SEXES = {"L": "L", "LAKI LAKI": "L", "LAKI": "L", "PRIA": "L", "P": "P", "PEREMPUAN": "P", "WANITA": "P"}
MAX_BYTES = 5 * 1024 * 1024


class DctError(RecapError):
    """A candidate list or a ballot numbering was refused; nothing was written."""


def _refuse_if_certificates(ws: Workspace, what: str) -> None:
    n = ws.conn.execute("SELECT COUNT(*) FROM revision").fetchone()[0]
    if n:
        first = ws.conn.execute("SELECT c.region_kode FROM revision r JOIN certificate c ON c.id = r.certificate_id "
                                "ORDER BY r.id LIMIT 1").fetchone()[0]
        raise DctError(f"{what} ditolak: ruang kerja sudah menyimpan {n} revisi sertifikat (yang pertama {first}); "
                       "daftar calon hanya dapat diubah sebelum sertifikat pertama disimpan.", "certificates_stored")


def _store_definition(ws: Workspace, raw: dict, actor: str, action: str, after: dict) -> None:
    """Replace the stored definition (inside the caller's transaction) and the in-memory election."""
    new = Election.from_dict(raw)
    for d in new.districts:
        new.form_for(d)  # a list that cannot give a form is refused before anything is written
    ws.db["meta"].upsert({"key": "election", "value": json.dumps(raw, ensure_ascii=False)}, pk="key")
    before = {"candidates": len(ws.election.raw.get("contest", {}).get("candidates", ()))}
    ws.record(actor, action, f"election:{ws.election.id}", before, after)
    ws.election = new


# --------------------------------------------------------------------------- reading a DCT file
def _rows(name: str, data: bytes) -> list[list]:
    """The first sheet (or the CSV) as rows of cell values."""
    wb = read_workbook(name, data)
    sheets = [s for s in wb.sheets if not s.hidden and s.name != "_recap"] or wb.sheets
    return sheets[0].rows if sheets else []


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _header(name: str, rows: list[list]) -> tuple[int, dict[str, int]]:
    for r, row in enumerate(rows[:10]):
        cols: dict[str, int] = {}
        for c, v in enumerate(row):
            n = normalize(_text(v))
            for key, spellings in HEADERS.items():
                if n in spellings and key not in cols:
                    cols[key] = c
        if all(k in cols for k in REQUIRED):
            return r, cols
    want = ", ".join(REQUIRED)
    raise DctError(f"Berkas {name}: baris kepala kolom tidak ditemukan di 10 baris pertama; diharapkan kolom {want} "
                   "(dan tempat_tinggal bila ada).", "bad_dct")


def _where(name: str, r: int, c: int, col: str) -> str:
    return f"Berkas {name}, baris {r + 1}, kolom {c + 1} ({col})"


def _district(e: Election, text: str):
    n = normalize(text)
    digits = re.sub(r"\D", "", text)
    for d in e.districts:
        if text == d.kode or n == normalize(d.nama) or (digits and digits == re.sub(r"\D", "", d.kode)):
            return d
    if digits and len(digits) <= 2:  # "1" -> the first district of a two-part code such as 33-01
        for d in e.districts:
            if re.sub(r"\D", "", d.kode).endswith(digits.zfill(2)) and len(re.sub(r"\D", "", d.kode)) == 4:
                return d
    return None


def read_dct(e: Election, name: str, data: bytes) -> list[dict]:
    """The candidates of a DCT file (CSV, xlsx, xls, ods), checked against the definition.

    Columns (by header, any order): dapil (code, number or name), partai (number or name),
    nomor_urut, nama, jenis_kelamin (L/P), tempat_tinggal (optional).

    Returns:
        [{dapil, partai, nomor_urut, nama, jenis_kelamin, tempat_tinggal}] in file order.
    Raises:
        DctError("bad_dct"): unreadable, no header, an unknown dapil or party, a nomor urut that
            is not a whole number >= 1 or appears twice in a party's list, an empty name, a sex
            other than L/P, more candidates in a party's list than the dapil has seats, or no
            candidate at all; the message names file, line, column, what was found and expected.
    """
    if len(data) > MAX_BYTES:
        raise DctError(f"Berkas {name} berukuran {len(data)} bita; daftar calon diharapkan paling besar {MAX_BYTES} "
                       "bita.", "bad_dct")
    try:
        rows = _rows(name, data)
    except RecapError as exc:
        raise DctError(exc.message, "bad_dct") from exc
    hr, cols = _header(name, rows)
    partai_form = e.form_kind == "partai"
    parties = {c.nomor: c for c in e.contestants if c.kind == ContestantKind.PARTAI}
    by_name = {}
    for p in parties.values():
        for n in (p.nama, p.short, f"PARTAI {p.short}"):
            by_name[normalize(n)] = p
    out: list[dict] = []
    seen: dict[tuple, int] = {}
    for r in range(hr + 1, len(rows)):
        row = rows[r]

        def cell(key, row=row):
            c = cols.get(key)
            return _text(row[c]) if c is not None and c < len(row) else ""

        if not any(_text(v) for v in row):
            continue
        raw = cell("dapil")
        d = _district(e, raw)
        if d is None:
            raise DctError(f"{_where(name, r, cols['dapil'], 'dapil')}: \"{raw}\" bukan dapil {e.name}; diharapkan "
                           f"salah satu dari {', '.join(x.kode for x in e.districts)}.", "bad_dct")
        raw = cell("partai")
        party = None
        if partai_form:
            party = parties.get(int(raw)) if raw.isdigit() else by_name.get(normalize(raw))
            if party is None:
                raise DctError(f"{_where(name, r, cols['partai'], 'partai')}: \"{raw}\" bukan partai peserta; "
                               f"diharapkan nomor partai ({', '.join(str(n) for n in sorted(parties))}) atau "
                               "namanya.", "bad_dct")
        raw = cell("nomor_urut")
        if not raw.isdigit() or int(raw) < 1:
            raise DctError(f"{_where(name, r, cols['nomor_urut'], 'nomor_urut')}: \"{raw}\"; diharapkan nomor urut "
                           "berupa bilangan bulat mulai 1.", "bad_dct")
        nomor = int(raw)
        nama = cell("nama")
        if not nama:
            raise DctError(f"{_where(name, r, cols['nama'], 'nama')}: kosong; diharapkan nama calon.", "bad_dct")
        raw = cell("jenis_kelamin")
        sex = SEXES.get(normalize(raw))
        if sex is None:
            raise DctError(f"{_where(name, r, cols['jenis_kelamin'], 'jenis_kelamin')}: \"{raw}\"; diharapkan L "
                           "atau P.", "bad_dct")
        key = (d.kode, party.nomor if party else None, nomor)
        if key in seen:
            whose = f"partai {party.short} " if party else ""
            raise DctError(f"{_where(name, r, cols['nomor_urut'], 'nomor_urut')}: nomor urut {nomor} {whose}dapil "
                           f"{d.nama} sudah ada di baris {seen[key] + 1}; diharapkan satu calon per nomor urut.",
                           "bad_dct")
        seen[key] = r
        out.append({"dapil": d.kode, "partai": party.nomor if party else None, "nomor_urut": nomor, "nama": nama,
                    "jenis_kelamin": sex, "tempat_tinggal": cell("tempat_tinggal") or None, "_line": r})
    if not out:
        raise DctError(f"Berkas {name}: tidak ada baris calon di bawah kepala kolom; diharapkan satu baris per calon.",
                       "bad_dct")
    counts: dict[tuple, list[dict]] = {}
    for c in out:
        counts.setdefault((c["dapil"], c["partai"]), []).append(c)
    for (dapil, partai), people in counts.items():
        d = e.district_by_code[dapil]
        if d.kursi is not None and len(people) > d.kursi:
            whose = f"partai {parties[partai].short}" if partai else "calon perseorangan"
            last = people[d.kursi]
            raise DctError(f"Berkas {name}, baris {last['_line'] + 1}: {whose} mencalonkan {len(people)} orang di dapil "
                           f"{d.kode} {d.nama}, padahal dapil itu hanya {d.kursi} kursi; diharapkan paling banyak "
                           f"{d.kursi} calon (UU 7/2017 pasal 244).", "bad_dct")
    for c in out:
        del c["_line"]
    return out


def import_dct(ws: Workspace, path: str | Path, actor: str) -> dict:
    """Load a candidate list into a workspace whose definition has none (DPRD Provinsi 2024).

    Returns:
        {"file", "sha256", "calon": n, "dapil": {code: n}} (also the audit record's content).
    Raises:
        NotAllowed: permission "settings" missing.
        DctError: "dct_exists" (the definition has a list already), "certificates_stored", and
            every refusal of :func:`read_dct`; OSError-based "unreadable".
    """
    auth.require(ws, actor, "settings")
    path = Path(path)
    e = ws.election
    if e.form_kind not in ("partai", "perseorangan"):
        raise DctError(f"{e.name} tidak mempunyai daftar calon anggota legislatif.", "dct_exists")
    if e.raw.get("contest", {}).get("candidates"):
        n = len(e.raw["contest"]["candidates"])
        from .formatting import number

        raise DctError(f"Definisi {e.id} sudah memuat daftar calon ({number(n)} calon); DCT hanya dimuat ke ruang kerja yang "
                       "belum mempunyainya.", "dct_exists")
    _refuse_if_certificates(ws, "Memuat DCT")
    from . import files

    try:
        data = files.read_named(path, 64 << 20, "berkas DCT (xlsx, ods atau csv)")
    except files.FileRefused as exc:
        raise DctError(exc.message, exc.code) from exc
    people = read_dct(e, path.name, data)
    raw = copy.deepcopy(e.raw)
    raw["contest"]["candidates"] = people
    sha = hashlib.sha256(data).hexdigest()
    per = {}
    for c in people:
        per[c["dapil"]] = per.get(c["dapil"], 0) + 1
    summary = {"file": path.name, "sha256": sha, "calon": len(people), "dapil": per}
    with ws.transaction():
        _refuse_if_certificates(ws, "Memuat DCT")
        ws.store_source_file(path.name, data, actor)
        _store_definition(ws, raw, actor, "dct.import", summary)
    return summary


# --------------------------------------------------------------------------- DPD ballot numbers
def read_numbers(path: str | Path) -> dict[str, int]:
    """{name: nomor urut} from a file: CSV with columns nama and nomor_urut, or lines "Nama=1".

    Raises DctError("bad_dct") naming the line.
    """
    path = Path(path)
    try:
        text = path.read_bytes()[:MAX_BYTES].decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DctError(f"Berkas {path.name} tidak dapat dibaca sebagai teks UTF-8 ({exc}).", "unreadable") from exc
    lines = [ln for ln in text.splitlines()]
    if lines and "=" not in lines[0]:
        delim = ";" if lines[0].count(";") > lines[0].count(",") else ","
        rows = list(csv.reader(io.StringIO(text), delimiter=delim))
        head = [normalize(h) for h in rows[0]]
        try:
            ni, ui = head.index("NAMA"), next(i for i, h in enumerate(head) if h in ("NOMOR URUT", "NO URUT", "NOMOR"))
        except (ValueError, StopIteration):
            raise DctError(f"Berkas {path.name}, baris 1: kepala kolom {', '.join(rows[0])}; diharapkan nama dan "
                           "nomor_urut.", "bad_dct") from None
        pairs = [(i + 1, r[ni] if ni < len(r) else "", r[ui] if ui < len(r) else "")
                 for i, r in enumerate(rows[1:], 1) if any(x.strip() for x in r)]
    else:
        pairs = [(i + 1, *ln.rsplit("=", 1)) if "=" in ln else (i + 1, ln, "") for i, ln in enumerate(lines)
                 if ln.strip()]
    return parse_numbers([f"{n}={v}" for _, n, v in pairs], path.name, [i for i, _, _ in pairs])


def parse_numbers(items: list[str], source: str = "perintah", lines: list[int] | None = None) -> dict[str, int]:
    """{name: nomor urut} from "Nama=1" items. Raises DctError("bad_dct") naming the item."""
    out: dict[str, int] = {}
    for i, item in enumerate(items):
        where = f"{source}, baris {lines[i]}" if lines else f"{source}, isian ke-{i + 1}"
        name, sep, num = item.rpartition("=")
        if not sep or not name.strip():
            raise DctError(f"{where}: \"{item}\"; diharapkan NAMA=NOMOR, misalnya \"Abdul Kholik=1\".", "bad_dct")
        if not num.strip().isdigit() or int(num) < 1:
            raise DctError(f"{where}: nomor urut \"{num.strip()}\" untuk {name.strip()}; diharapkan bilangan bulat "
                           "mulai 1.", "bad_dct")
        out[name.strip()] = int(num)
    return out


def number_candidates(ws: Workspace, numbers: dict[str, int], actor: str) -> dict:
    """Confirm or set the ballot numbers of individual candidates (DPD) before the first certificate.

    Args:
        numbers: {candidate name (as in the list; case and punctuation ignored): nomor urut}.
    Returns:
        {"nomor": {name: number} of every candidate after the change, "belum": [names still unnumbered]}.
    Raises:
        NotAllowed: permission "settings" missing.
        DctError: "not_individual" (the contest has no individual candidates),
            "certificates_stored", "unknown_candidate" (a name not on the list),
            "duplicate_number" (two candidates with one number).
    """
    auth.require(ws, actor, "settings")
    e = ws.election
    if e.form_kind != "perseorangan":
        raise DctError(f"{e.name}: nomor urut calon ditetapkan dalam DCT (recap dct import), bukan dengan perintah "
                       "ini; perintah ini untuk calon perseorangan (DPD).", "not_individual")
    _refuse_if_certificates(ws, "Menetapkan nomor urut")
    raw = copy.deepcopy(e.raw)
    people = raw["contest"]["candidates"]
    index = {normalize(c["nama"]): c for c in people}
    for name, n in numbers.items():
        c = index.get(normalize(name))
        if c is None:
            known = ", ".join(x["nama"] for x in people)
            raise DctError(f"Calon \"{name}\" tidak ada dalam daftar calon {e.name}; diharapkan salah satu dari: "
                           f"{known}.", "unknown_candidate")
        c["nomor_urut"] = n
    taken: dict[int, str] = {}
    for c in people:
        n = c.get("nomor_urut")
        if n is None:
            continue
        if n in taken:
            raise DctError(f"Nomor urut {n} diberikan kepada {taken[n]} dan {c['nama']}; diharapkan satu calon per "
                           "nomor urut.", "duplicate_number")
        taken[n] = c["nama"]
    left = [c["nama"] for c in people if c.get("nomor_urut") is None]
    after = {"nomor": {c["nama"]: c.get("nomor_urut") for c in people}, "belum": left}
    with ws.transaction():
        _refuse_if_certificates(ws, "Menetapkan nomor urut")
        if left:  # the form waits for every number; store the definition without building it
            ws.db["meta"].upsert({"key": "election", "value": json.dumps(raw, ensure_ascii=False)}, pk="key")
            ws.record(actor, "dct.number", f"election:{e.id}", None, after)
            ws.election = Election.from_dict(raw)
        else:
            _store_definition(ws, raw, actor, "dct.number", after)
    return after


def candidate_list(e: Election) -> list[dict]:
    """The stored list as rows {dapil, partai, nomor_urut, nama, jenis_kelamin, tempat_tinggal} (for display)."""
    return [dict(c) for c in e.raw.get("contest", {}).get("candidates", ())]
