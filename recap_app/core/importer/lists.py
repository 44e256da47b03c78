"""The list section of a legislative certificate: parties with their candidates (DPR, DPRD
Provinsi) or individual candidates (DPD), found by number and name; then the valid and invalid
vote rows.

Regency sheets number their blocks their own way: Model D.HASIL KABKO-DPR 2024 prints the
parties under "III RINCIAN PEROLEHAN SUARA PARTAI POLITIK DAN CALON" and the valid, invalid
and total votes as IV, V and VI, where the province's form has them as IV and V.A–V.C. So the
list section is read by what its rows say, not by their block number:

- a party row: the party's number and name ("1 | PARTAI KEBANGKITAN BANGSA", "1. PKB",
  "IV.1 ..." in the province's template); with figures it holds the party-only votes, without
  figures it is a heading and the party-only votes follow on a "Suara partai politik" row;
- a candidate row inside a party block: nomor urut and name ("1 | ALAMUDIN DIMYATI ROIS");
- "JUMLAH SUARA SAH <PARTAI> DAN CALON": the party total;
- "JUMLAH SUARA SAH SELURUH ...", "JUMLAH SUARA TIDAK SAH", "JUMLAH SUARA SAH DAN TIDAK SAH":
  V.A, V.B, V.C (by label, whatever their number).

Names are compared without case, punctuation or academic and religious titles ("Dr. H.",
"S.Sos., M.M."). A candidate whose nomor urut fits but whose name only nearly matches is
reported for the clerk to confirm (``--accept-names``, remembered); one who is not on the list
is refused, and a sheet whose lists are those of another dapil is refused naming that dapil.
Blocks I–III above the list section are read by :func:`recap_app.core.importer.rows.find_form_rows`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..domain import Contestant, ContestantKind, Region
from ..errors import ImportRefused
from .context import Context, NearCandidate
from .grid import Grid, cell_text
from .names import normalize
from .numbers import short
from .rows import find_form_rows, refuse_error_label

#: similarity (difflib ratio on title-free names) from which a candidate name is a near match
NEAR_NAME = 0.8

#: words of academic degrees and honorifics written around names on Indonesian ballots
#: (normalised: "S.Sos." -> "S SOS"); they are ignored when names are compared
TITLE_WORDS = frozenset("""
    DR DRS DRA DRG IR H HJ HAJI HAJJAH PROF KH K R RA RM RR S M SH SE ST SP SPD SAG SHI SSOS SIP SKOM SKM
    SKED SKEP SPSI STP SFARM SPT SSI SS SSN SSY SY SOS AG PD HUM KES KN PSI KOM IKOM KEP FARM MH MM MA MT MSI
    MPD MAG MKES MHUM MKN MSC MBA MAP MIP ME MED MPH MPP MSE MEC MKEB AMD APT PHD BA LLM CMED CPM CLA CFP
    GELAR BC
""".split())

_TEMPLATE_NO = re.compile(r"^IV\s*\.\s*(\d{1,2})(?:\s*\.\s*(\d{1,3}|J))?\.?$", re.I)
_NUMBER = re.compile(r"^\(?(\d{1,3})[.)]?$")
_ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII)\.?$")
_V_NO = re.compile(r"^V\s*\.?\s*([ABC])\.?$")
_LEAD = re.compile(r"^\s*(\d{1,3})\s*[.)]?\s+(?=\S)")
_PARTY_ONLY = ("SUARA PARTAI", "SUARA PARTAI POLITIK", "PARTAI POLITIK", "PEROLEHAN SUARA PARTAI",
               "SUARA PARPOL", "SUARA PARTAI SAJA")
#: spellings of V.A–V.C on legislative sheets besides the form's own
_V_EXTRA = {"JUMLAH SUARA SAH SELURUH PARTAI POLITIK DAN CALON": "V.A",
            "JUMLAH SUARA SAH SELURUH PARTAI DAN CALON": "V.A",
            "JUMLAH SUARA SAH SELURUH CALON": "V.A", "JUMLAH SUARA SAH SELURUH CALON ANGGOTA DPD": "V.A",
            "JUMLAH SUARA SAH CALON ANGGOTA DPD": "V.A", "JUMLAH SUARA SAH": "V.A", "SUARA SAH": "V.A",
            "JUMLAH SUARA TIDAK SAH": "V.B", "SUARA TIDAK SAH": "V.B",
            "JUMLAH SUARA SAH DAN TIDAK SAH": "V.C", "JUMLAH SUARA SAH DAN SUARA TIDAK SAH": "V.C",
            "JUMLAH SELURUH SUARA SAH DAN TIDAK SAH": "V.C"}


def name_key(text: object) -> str:
    """A person's name as it is compared: normalised, titles removed ("Dr. H. ACHMAD MAULANI, S.H."
    -> "ACHMAD MAULANI")."""
    words = [w for w in normalize(text).split() if w not in TITLE_WORDS]
    return " ".join(words) or normalize(text)


def name_likeness(a: str, b: str) -> float:
    """Similarity of two name keys, 0..1 (1 for the same letters, 0.9 for one inside the other)."""
    ca, cb = a.replace(" ", ""), b.replace(" ", "")
    if ca == cb:
        return 1.0
    if min(len(ca), len(cb)) >= 6 and (ca in cb or cb in ca):
        return 0.9
    return difflib.SequenceMatcher(None, ca, cb).ratio()


def party_names(p: Contestant) -> set[str]:
    """The normalised ways a sheet names a party: full name, short name, "PARTAI <short>"."""
    out = {normalize(p.nama), normalize(p.short), normalize(f"PARTAI {p.short}")}
    return {x for x in out if x}


@dataclass
class _Line:
    row: int
    ref: str
    template: tuple[int, str | None] | None
    number: int | None
    roman: str | None
    letter: str | None
    label: str
    norm: str
    has_data: bool


@dataclass
class _Candidate:
    line: _Line
    party: int | None
    key: str | None = None  # field key once resolved
    official: Contestant | None = None
    near: bool = False


def _read(grid: Grid, r: int, first: int) -> _Line:
    cells = [cell_text(grid.view(r, c)) for c in range(first)]
    template = number = roman = letter = None
    parts = []
    label_col = None
    for col, t in enumerate(cells):
        if not t:
            continue
        m = _V_NO.match(t)
        if m and not parts:
            roman, letter = "V", m.group(1)
            continue
        m = _TEMPLATE_NO.match(t.replace(" ", ""))
        if m and template is None:
            template = (int(m.group(1)), m.group(2).upper() if m.group(2) else None)
            continue
        m = _NUMBER.match(t)
        if m and number is None and not parts:
            number = int(m.group(1))
            continue
        m = _ROMAN.match(t)
        if m and roman is None and not parts:
            roman = m.group(1)
            continue
        m = _LEAD.match(t)
        if m and number is None and not parts and not normalize(t[m.end():]).startswith(("KECAMATAN", "KEC ")):
            number, t = int(m.group(1)), t[m.end():]
        parts.append(t)
        label_col = col if label_col is None else label_col
    label = " ".join(parts)
    ref = grid.ref(r, label_col if label_col is not None else next((c for c, t in enumerate(cells) if t), 0))
    has_data = any(grid.raw(r, c) is not None for c in range(first, grid.width))
    return _Line(r, ref, template, number, roman, letter, label, normalize(label), has_data)


class _Section:
    """Reads the list section of one sheet against ``ctx.form``."""

    def __init__(self, grid: Grid, ctx: Context, where: str, notes: list[str], regency: Region | None):
        self.grid, self.ctx, self.where, self.notes, self.regency = grid, ctx, where, notes, regency
        self.form = ctx.form
        self.partai = self.form.kind == "partai"
        self.parties = {p.nomor: p for p in self.form.contestants} if self.partai else {}
        self.names = {n: party_names(p) for n, p in self.parties.items()}
        self.by_name = {name: self.parties[n] for n, names in self.names.items() for name in names}
        #: (name, party) longest first, for names inside a label or a label that starts with a name
        self.inner = sorted(((name, self.parties[n]) for n, names in self.names.items() for name in names),
                            key=lambda t: -len(t[0]))
        self.by_first: dict[str, list] = {}
        for name, party in self.inner:
            if len(name) > 8:
                self.by_first.setdefault(name.split()[0], []).append((name, party))
        self.v_syn = {normalize(t): n for t, n in self.form.synonyms.items() if n.startswith("V.")}
        self.v_syn.update(_V_EXTRA)
        self.field_rows: dict[str, int] = {}
        self.candidates: list[_Candidate] = []

    # ------------------------------------------------------------ what a line is
    def party_of(self, ln: _Line) -> Contestant | None:
        """The party a line names by its name (exact spelling, or the name with extra words)."""
        if not self.partai or not ln.norm:
            return None
        hit = self.by_name.get(ln.norm)
        if hit is not None:
            return hit
        for name, p in self.by_first.get(ln.norm.split()[0], ()):
            if ln.norm.startswith(name + " "):
                return p
        return None

    def named_in(self, norm: str) -> Contestant | None:
        """The party whose full or short name appears inside a label ("JUMLAH SUARA SAH PKB DAN CALON")."""
        padded = f" {norm} "
        for name, p in self.inner:  # longest first: the first hit is the longest name inside
            if f" {name} " in padded:
                return p
        return None

    def v_row(self, ln: _Line) -> str | None:
        """The V.A/V.B/V.C row a line is, by its label (exact, else close), or None."""
        if ln.letter is not None:
            return f"V.{ln.letter}"
        hit = self.v_syn.get(ln.norm)
        if hit:
            return hit
        if not ln.norm.startswith(("JUMLAH", "SUARA")) or self.named_in(ln.norm):
            return None
        best, score = None, 0.0
        for text, num in self.v_syn.items():
            ratio = difflib.SequenceMatcher(None, ln.norm, text).ratio()
            if ratio > score:
                best, score = num, ratio
        return best if score >= 0.85 else None

    def section_start(self, ln: _Line) -> bool:
        if ln.template is not None and (not self.partai or ln.template[0] in self.parties):
            return True
        if not ln.has_data and "PEROLEHAN SUARA" in ln.norm and ("PARTAI" in ln.norm or "CALON" in ln.norm):
            return True
        if self.partai:
            return self.party_of(ln) is not None and ln.norm.startswith("PARTAI")
        return any(name_key(ln.label) == name_key(c.nama) for c in self.form.contestants) and ln.has_data

    # ------------------------------------------------------------ recording
    def put(self, key: str, ln: _Line) -> None:
        before = self.field_rows.get(key)
        if before is not None:
            if ln.row in self.grid.hidden_lines:
                self.notes.append(f"baris tersembunyi {ln.ref} mengulang isian {key}; tidak dipakai")
                return
            if before not in self.grid.hidden_lines:
                raise ImportRefused(f"{self.where}, sel {ln.ref}: isian {self.form.field_label(key)} muncul dua kali "
                                    f"(juga di {self.grid.ref(before, 0)}); diharapkan satu baris per isian.",
                                    "duplicate_field")
        self.field_rows[key] = ln.row

    def party_row(self, ln: _Line) -> Contestant:
        """The party of a party row, checking that its number and name agree."""
        p = self.party_of(ln)
        if ln.number is not None and p is not None and ln.number != p.nomor:
            other = self.parties.get(ln.number)
            raise ImportRefused(
                f"{self.where}, sel {ln.ref}: partai nomor {ln.number} bernama \"{short(ln.label)}\", padahal "
                f"\"{short(ln.label)}\" adalah partai nomor {p.nomor}"
                + (f" dan nomor {ln.number} adalah {other.nama}" if other else "")
                + "; diharapkan nomor dan nama partai yang sama.", "unknown_party")
        if p is None and ln.number in self.parties:
            cand = self.parties[ln.number]
            if max(difflib.SequenceMatcher(None, ln.norm, n).ratio() for n in self.names[cand.nomor]) >= 0.75:
                p = cand
        if p is None:
            known = ", ".join(f"{q.nomor} {q.short}" for q in self.parties.values())
            raise ImportRefused(f"{self.where}, sel {ln.ref}: partai \"{short(ln.label)}\""
                                + (f" nomor {ln.number}" if ln.number is not None else "")
                                + f" tidak ada dalam {self.ctx.election.name}; diharapkan salah satu partai "
                                f"peserta: {known}.", "unknown_party")
        return p

    # ------------------------------------------------------------ the walk
    def read(self, start: int, first: int) -> None:
        current: Contestant | None = None
        ended = False
        for r in range(start, self.grid.height):
            ln = _read(self.grid, r, first)
            if not ln.label and ln.number is None and ln.template is None:
                if ln.has_data and r not in self.grid.hidden_lines:
                    self.notes.append(f"baris {self.grid.ref(r, 0)} berisi angka tanpa uraian; tidak dipakai")
                continue
            v = self.v_row(ln) if ln.template is None else None
            open_total = (self.partai and not ended and current is not None and self._is_party_total(ln, current)
                          and self.form.total_key(current) not in self.field_rows)
            if v is not None and not open_total:
                key = self.form.figure_rows[v].fields[0].key
                if ln.has_data or key not in self.field_rows:
                    self.put(key, ln)
                ended = True
                continue
            if ended:
                if "suara_sah" in self.field_rows and "jumlah_suara" in self.field_rows:
                    break  # below the table: signatures and notes
                if ln.has_data and r not in self.grid.hidden_lines:
                    refuse_error_label(self.grid, r, first, self.where)
                    self.notes.append(f"baris {ln.ref} (\"{short(ln.label)}\") berisi angka tetapi bukan isian "
                                      "formulir; tidak dipakai")
                continue
            if ln.template is not None:
                current = self._template_row(ln, current)
                continue
            if not ln.has_data and self._heading(ln):
                continue
            if self.partai and self.party_of(ln) is not None or self.partai and ln.norm.startswith("PARTAI") \
                    and ln.number is not None and not self._candidate_of(current, ln):
                current = self.party_row(ln)
                if ln.has_data:
                    self.put(self.form.party_key(current.nomor), ln)
                continue
            if self.partai and current is not None and ln.number in (None, 0) and any(
                    ln.norm == t or ln.norm.startswith(t + " ") for t in _PARTY_ONLY) and not ln.norm.startswith(
                    "JUMLAH"):
                self.put(self.form.party_key(current.nomor), ln)
                continue
            if self.partai and self._is_party_total(ln, current):
                named = self.named_in(ln.norm)
                owner = named or current
                if owner is None:
                    raise ImportRefused(f"{self.where}, sel {ln.ref}: \"{short(ln.label)}\" tanpa partai di atasnya; "
                                        "diharapkan baris jumlah suara di bawah baris partainya.", "unknown_party")
                current = owner
                self.put(self.form.total_key(owner), ln)
                continue
            if not self.partai or current is not None:
                if ln.label or ln.number is not None:
                    self.candidates.append(_Candidate(ln, current.nomor if current else None))
                continue
            if ln.has_data and r not in self.grid.hidden_lines:
                refuse_error_label(self.grid, r, first, self.where)
                self.notes.append(f"baris {ln.ref} (\"{short(ln.label)}\") berisi angka tetapi bukan isian formulir; "
                                  "tidak dipakai")

    def _heading(self, ln: _Line) -> bool:
        """A line without figures that names a block, not a party or a candidate."""
        return ("PEROLEHAN SUARA" in ln.norm or ln.norm in {normalize(h) for h in self.form.headings}
                or ln.roman is not None and ln.number is None and self.party_of(ln) is None)

    def _is_party_total(self, ln: _Line, current: Contestant | None) -> bool:
        n = ln.norm
        if not n.startswith("JUMLAH") or "SELURUH" in n or "TIDAK SAH" in n:
            return False
        return self.named_in(n) is not None or (current is not None and ("DAN CALON" in n or "PARTAI" in n
                                                                           or n in ("JUMLAH", "JUMLAH SUARA",
                                                                                    "JUMLAH SUARA SAH")))

    def _candidate_of(self, current: Contestant | None, ln: _Line) -> bool:
        if current is None:
            return False
        return any(name_key(c.nama) == name_key(ln.label) for c in self.form.candidates[current.nomor])

    def _template_row(self, ln: _Line, current: Contestant | None) -> Contestant | None:
        n, sub = ln.template
        if not self.partai:  # "IV.3" on an individual form: candidate 3
            self.candidates.append(_Candidate(_Line(ln.row, ln.ref, None, n, None, None, ln.label, ln.norm,
                                                    ln.has_data), None))
            return current
        p = self.parties.get(n)
        if p is None:
            raise ImportRefused(f"{self.where}, sel {ln.ref}: baris IV.{n} menyebut partai nomor {n}, yang tidak ada "
                                f"dalam {self.ctx.election.name}.", "unknown_party")
        if sub is None:
            return p
        if sub == "0":
            self.put(self.form.party_key(n), ln)
        elif sub == "J":
            self.put(self.form.total_key(p), ln)
        else:
            self.candidates.append(_Candidate(_Line(ln.row, ln.ref, None, int(sub), None, None, ln.label, ln.norm,
                                                    ln.has_data), n))
        return p

    # ------------------------------------------------------------ candidates against the list
    def _list_of(self, form, party: int | None) -> list[Contestant]:
        if party is None:
            return list(form.contestants)
        return list(form.candidates.get(party, ()))

    def _key(self, form, party: int | None, c: Contestant) -> str:
        return form.candidate_key(party, c.nomor) if party is not None else form.total_key(c)

    def _match(self, form, cand: _Candidate, aliases: dict) -> tuple[Contestant | None, bool]:
        """(list entry, near) for a candidate row against one form's list; (None, False) when none fits."""
        ln = cand.line
        people = self._list_of(form, cand.party)
        key = name_key(ln.label)
        dapil = form.district.kode if form.district else ""
        by_no = {c.nomor: c for c in people}
        if ln.number is not None:
            c = by_no.get(ln.number)
            if c is None:
                return None, False
            if not ln.label or name_key(c.nama) == key or key in aliases.get((dapil, cand.party, c.nomor), ()):
                return c, False
            return (c, True) if name_likeness(key, name_key(c.nama)) >= NEAR_NAME else (None, False)
        exact = [c for c in people if name_key(c.nama) == key or key in aliases.get((dapil, cand.party, c.nomor), ())]
        if len(exact) == 1:
            return exact[0], False
        near = sorted(((name_likeness(key, name_key(c.nama)), c.nomor or 0, c) for c in people),
                      key=lambda t: (-t[0], t[1]))
        if near and near[0][0] >= NEAR_NAME and (len(near) == 1 or near[1][0] < near[0][0]):
            return near[0][2], True
        return None, False

    def resolve(self) -> list[NearCandidate]:
        """Every candidate row to its field; near names listed; refusals for rows off the list."""
        form = self.form
        aliases = self.ctx.candidate_aliases
        bad = []
        for cand in self.candidates:
            c, near = self._match(form, cand, aliases)
            if c is None:
                bad.append(cand)
                continue
            cand.official, cand.near, cand.key = c, near, self._key(form, cand.party, c)
            self.put(cand.key, cand.line)
        if bad:
            self._refuse(bad)
        dapil = form.district.kode if form.district else ""
        return [NearCandidate(c.line.ref, c.line.label, c.key, c.official.nama, dapil, c.party, c.official.nomor)
                for c in self.candidates if c.near]

    def _refuse(self, bad: list[_Candidate]) -> None:
        e = self.ctx.election
        own = self.form.district
        if self.partai and e.has_districts and own is not None:
            fits = {}
            for d in e.districts:
                if d.kode == own.kode:
                    continue
                other = e.form_for(d)
                fits[d.kode] = sum(1 for c in self.candidates if self._match(other, c, {})[0] is not None
                                   and not self._match(other, c, {})[1])
            best = max(fits, key=lambda k: fits[k]) if fits else None
            mine = len(self.candidates) - len(bad)
            if best is not None and fits[best] > mine:
                d = e.district_by_code[best]
                whose = f"{self.regency.nama} ({self.regency.kode})" if self.regency else "kabupaten/kota ini"
                raise ImportRefused(
                    f"{self.where}: daftar calon di lembar ini adalah daftar dapil {d.kode} {d.nama} ({fits[best]} dari "
                    f"{len(self.candidates)} baris calon cocok dengannya, {mine} dengan dapil sendiri), padahal "
                    f"{whose} termasuk dapil {own.kode} {own.nama}; diharapkan daftar partai dan calon dapil "
                    f"{own.nama}.", "wrong_district")
        shown = []
        for cand in bad[:3]:
            ln = cand.line
            people = self._list_of(self.form, cand.party)
            party = f" {self.parties[cand.party].short}" if cand.party is not None else ""
            where = f"dapil {own.nama}" if own is not None and e.has_districts else e.name
            found = f"calon{party} " + (f"nomor urut {ln.number} " if ln.number is not None else "") + \
                f"\"{short(ln.label)}\""
            if not people:
                expected = (f"daftar calon{party} {where} belum dimuat (muat DCT dengan: recap dct import)"
                            if self.partai else "daftar calon perseorangan belum ada")
            elif ln.number is not None and any(c.nomor == ln.number for c in people):
                c = next(c for c in people if c.nomor == ln.number)
                expected = f"nomor urut {ln.number} adalah {c.nama}"
            else:
                expected = f"salah satu dari {len(people)} calon{party} {where} (nomor urut " \
                           f"{min(c.nomor or 0 for c in people)}–{max(c.nomor or 0 for c in people)})"
            shown.append(f"sel {ln.ref}: {found} tidak ada dalam daftar calon {where}; diharapkan {expected}")
        more = f" (dan {len(bad) - 3} baris calon lain)" if len(bad) > 3 else ""
        raise ImportRefused(f"{self.where}, " + "; ".join(shown) + more + ".", "unknown_candidate")


def find_list_rows(grid: Grid, hr: int, first: int, ctx: Context, where: str, notes: list[str],
                   near: list[NearCandidate], regency: Region | None = None) -> dict[str, int]:
    """{field key: grid row} of a legislative certificate: blocks I–III by the form's numbering and
    labels, the list section (parties and candidates, or individual candidates) by number and name,
    then V.A–V.C by label.

    Args:
        near: filled with the candidate rows whose name only nearly matches the list.
        regency: the kabupaten/kota the sheet is for (named in a refusal of another dapil's lists).
    Raises:
        ImportRefused: a party or candidate not on the lists ("unknown_party", "unknown_candidate"),
            another dapil's lists ("wrong_district"), a field twice ("duplicate_field").
    """
    sec = _Section(grid, ctx, where, notes, regency)
    start = None
    for r in range(hr + 1, grid.height):
        if sec.section_start(_read(grid, r, first)):
            start = r
            break
    if start is None:
        return find_form_rows(grid, hr, first, ctx, where, notes)
    rows = find_form_rows(grid, hr, first, ctx, where, notes, lines=range(hr + 1, start))
    sec.field_rows.update(rows)
    sec.read(start, first)
    near.extend(sec.resolve())
    return sec.field_rows


def is_list_form(ctx: Context) -> bool:
    """True for the forms whose block IV is a list read by :func:`find_list_rows`."""
    return ctx.form is not None and ctx.form.contestant_kind in (ContestantKind.PARTAI, ContestantKind.PERSEORANGAN)
