"""The import report: per file accepted, unchanged or refused, with everything the clerk must see.

JSON shape (``ImportReport.to_dict()``), stable keys::

    {"ok": bool, "files": [{
        "file": name, "sha256": hex, "status": "diterima" | "sudah ada" | "ditolak",
        "code": refusal code or null, "message": Indonesian sentence or null,
        "kode": regency code, "nama": regency name, "sheet": sheet used, "transposed": bool,
        "revision": number stored (or the unchanged one), "kecamatan": [{kode, nama, header, match}],
        "kecamatan_missing": [{kode, nama}], "fields_read": n, "fields_absent": [key],
        "blanks": {key: [column code]}, "dashes": [{cell, field, kolom}],
        "recomputed": [{cell, field, kolom, value, rumus, dihitung, di_lembar_kerja}] (formulas without a
        saved result, recomputed as the form defines the field; "di_lembar_kerja": what the spreadsheet
        program shows for the formula where it is a simple sum, else null),
        "jumlah_computed": bool,
        "names": [{header, kode, nama, match}],
        "calon": [{cell, header, field, nama, dapil, partai, nomor_urut, match}] (candidate names
        accepted as near spellings), "differences": [{kolom, field, before, after}],
        "notes": [text], "replaces": null or {revision, made, by, at, reason} (the revision made
        without a file, typed or received in a bundle, that the file would replace or replaced)}]}
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..errors import WorkspaceError
from ..formatting import figure, number

ACCEPTED = "diterima"
UNCHANGED = "sudah ada"
REFUSED = "ditolak"
#: the code of a file not imported because the import was cancelled before it (status "ditolak")
CANCELLED = "cancelled"


def differs(rc: dict) -> bool:
    """True when a recomputed cell's formula (``rc``: one of FileReport.recomputed) shows, in the
    spreadsheet program and its printout, another figure than the one stored by the form's
    definition. Blank parts: the program shows 0, which is not another sum."""
    shown = rc.get("di_lembar_kerja")
    return shown is not None and shown != (rc["value"] or 0)


#: how a revision that no file made was stored (its audit action), as a report and a refusal say it
MADE_BY = {"certificate.revision": "diketik di aplikasi",
           "certificate.double_entry_result": "hasil keputusan entri ganda",
           "bundle.revision": "diterima dari bundel kantor lain"}
MADE_BY_EN = {"certificate.revision": "typed in the program",
              "certificate.double_entry_result": "decided by the double entry",
              "bundle.revision": "received in another office's bundle"}


@dataclass
class FileReport:
    """What happened to one file (see the module docstring for the JSON keys)."""

    file: str
    sha256: str = ""
    status: str = REFUSED
    code: str | None = None
    message: str | None = None
    kode: str | None = None
    nama: str | None = None
    sheet: str | None = None
    transposed: bool = False
    revision: int | None = None
    kecamatan: list[dict] = field(default_factory=list)
    kecamatan_missing: list[dict] = field(default_factory=list)
    fields_read: int = 0
    fields_absent: list[str] = field(default_factory=list)
    blanks: dict[str, list[str]] = field(default_factory=dict)
    dashes: list[dict] = field(default_factory=list)
    recomputed: list[dict] = field(default_factory=list)
    jumlah_computed: bool = False
    names: list[dict] = field(default_factory=list)
    calon: list[dict] = field(default_factory=list)
    differences: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    replaces: dict | None = None  # the revision not from a file it replaces (importer._replaced), or None

    @property
    def ok(self) -> bool:
        return self.status != REFUSED

    def replaced_line(self, en: bool = False) -> str:
        """One line naming the revision not from a file this file replaced (``replaces``)."""
        from ..formatting import local_time

        r = self.replaces or {}
        how = (MADE_BY_EN if en else MADE_BY).get(r.get("made", ""), "made without a file" if en else "dibuat tanpa berkas")
        if en:
            return (f"Replaces revision {r.get('revision')} ({how} by {r.get('by')}, {local_time(r.get('at'), 'en')}); "
                    "the reason given is recorded with the new revision.")
        return (f"Menggantikan revisi {r.get('revision')} ({how} oleh {r.get('by')}, {local_time(r.get('at'))}); "
                "alasan yang diberikan dicatat pada revisi baru.")

    def whole_blanks(self) -> list[str]:
        """The fields blank in every column of this file (stored blank, not zero)."""
        ncols = len(self.kecamatan) + (0 if self.jumlah_computed else 1)
        return [k for k, cols in self.blanks.items() if len(cols) >= ncols]

    def to_text(self, label=None, column_word: str = "kecamatan", same_blanks: list[str] | None = None,
                lang: str = "id") -> str:
        """The report of this file as the CLI prints it (Indonesian), or in English (``lang`` "en",
        the window's English translation: the program's own words in English; a refusal's
        meaning in English from its code, then its Indonesian message as recorded; notes, which
        quote the file, stay as written).

        ``label``: field key -> the form's label ("I.A.2 DPTb LK"), so that the clerk reads the
        form's words, not internal keys (ImportReport.to_text passes the certificate's form).
        ``column_word``: what a column is at this office ("kecamatan"; "desa/kelurahan" at a
        kabupaten/kota office, docs/tiers.md).
        ``same_blanks``: the labels of the fields blank in every column of the file reported just
        before: when this file's are the same, they are named as such instead of listed again.
        """
        en = lang == "en"
        lab = label or (lambda key: key)
        if self.status == REFUSED:
            if not en:
                return f"{'DIBATALKAN' if self.code == CANCELLED else 'DITOLAK'}  {self.file}\n  {self.message}"
            if self.code == CANCELLED:
                return f"CANCELLED  {self.file}\n  Not imported: the import was cancelled before this file; nothing of it is stored."
            from ..errors import CODES

            meaning = CODES.get(self.code or "", ("", ""))[1] or "the program refused this file"
            return (f"REFUSED  {self.file}\n  {meaning[0].upper()}{meaning[1:]} [{self.code}]; nothing is stored.\n"
                    f"  In Indonesian, as recorded: {self.message}")
        head = ({ACCEPTED: "ACCEPTED", UNCHANGED: "ALREADY THERE"} if en else
                {ACCEPTED: "DITERIMA", UNCHANGED: "SUDAH ADA"})[self.status]
        sheet = "sheet" if en else "lembar"
        lines = [f"{head} {self.file}: {self.nama} ({self.kode}), {sheet} {self.sheet}"
                 + ((f" ({column_word} in rows)" if en else f" ({column_word} dalam baris)") if self.transposed else "")]
        if self.status == UNCHANGED:
            lines.append(f"  Same figures as revision {self.revision}; nothing changed." if en else
                         f"  Isi sama dengan revisi {self.revision}; tidak ada yang diubah.")
        else:
            lines.append(f"  Stored as revision {self.revision}." if en else f"  Disimpan sebagai revisi {self.revision}.")
        if self.replaces and self.status == ACCEPTED:  # a typed or received revision replaced, with a reason
            lines.append("  " + self.replaced_line(en))
        lines.append(f"  {len(self.kecamatan)} {column_word}, {self.fields_read} "
                     + ("fields read." if en else "isian dibaca."))
        if self.kecamatan_missing:
            missing = ", ".join(f"{k['nama']} ({k['kode']})" for k in self.kecamatan_missing)
            lines.append(f"  Not in the file ({column_word}): {missing}" if en else
                         f"  {column_word[:1].upper()}{column_word[1:]} tidak ada di berkas: {missing}")
        for n in self.names:
            lines.append(f"  Name \"{n['header']}\" accepted as {n['nama']} ({n['kode']}) [{n['match']}]." if en else
                         f"  Nama \"{n['header']}\" diterima sebagai {n['nama']} ({n['kode']}) [{n['match']}].")
        for n in self.calon:
            lines.append(f"  Candidate name \"{n['header']}\" (cell {n['cell']}) accepted as {n['nama']} (ballot number "
                         f"{n['nomor_urut']}) [{n['match']}]." if en else
                         f"  Nama calon \"{n['header']}\" (sel {n['cell']}) diterima sebagai {n['nama']} (nomor urut "
                         f"{n['nomor_urut']}) [{n['match']}].")
        if self.fields_absent:
            absent = ", ".join(map(lab, self.fields_absent))
            lines.append(f"  Fields not in the file (stored blank): {absent}" if en else
                         f"  Isian tidak ada di berkas (disimpan kosong): {absent}")
        if self.blanks:
            whole = self.whole_blanks()
            part = {k: cols for k, cols in self.blanks.items() if k not in set(whole)}
            every = ("  Blank in every column (stored blank, not zero): " if en else
                     "  Kosong di semua kolom (disimpan kosong, bukan nol): ")
            if whole and [lab(k) for k in whole] == same_blanks:
                lines.append(every + (f"{len(whole)} fields, the same as the file before." if en else
                                      f"{len(whole)} isian, sama dengan berkas sebelumnya."))
            elif whole:
                lines.append(every + (f"{len(whole)} fields: " if en else f"{len(whole)} isian: ")
                             + ", ".join(map(lab, whole)))
            for k, cols in part.items():
                lines.append(f"  Blank (not zero): {lab(k)} in {', '.join(cols)}" if en else
                             f"  Kosong (bukan nol): {lab(k)} di {', '.join(cols)}")
        if self.dashes:
            cells = (", ".join(d["cell"] for d in self.dashes[:20])
                     + (f" (+{len(self.dashes) - 20})" if len(self.dashes) > 20 else ""))
            lines.append(("  \"-\" read as 0: " if en else "  \"-\" dibaca sebagai 0: ") + cells)
        blank = "blank" if en else "kosong"
        for rc in self.recomputed[:40]:
            how = " + ".join(lab(x.strip()) for x in rc["dihitung"].split(" + "))
            shown = number(rc["di_lembar_kerja"], blank)
            if en:
                lines.append(f"  Recomputed: cell {rc['cell']} ({lab(rc['field'])}, {rc['kolom']}) = "
                             f"{number(rc['value'], blank)} from {how} (formula without a saved result: {rc['rumus'] or '-'}"
                             + (f"; the spreadsheet shows {shown} for that formula, see the note below)" if differs(rc)
                                else ")"))
            else:
                lines.append(f"  Dihitung ulang: sel {rc['cell']} ({lab(rc['field'])}, {rc['kolom']}) = "
                             f"{number(rc['value'], blank)} dari {how} (rumus tanpa hasil tersimpan: {rc['rumus'] or '-'}"
                             + (f"; di lembar kerja rumus itu tampil {shown}, lihat catatan di bawah)" if differs(rc)
                                else ")"))
        if len(self.recomputed) > 40:
            more = len(self.recomputed) - 40
            lines.append(f"  ... and {more} more cells recomputed." if en else f"  ... dan {more} sel lain dihitung ulang.")
        if self.jumlah_computed:
            lines.append("  No JUMLAH column, or blank throughout: computed as the sum of the columns." if en else
                         "  Kolom JUMLAH tidak ada atau kosong seluruhnya: dihitung dari jumlah kolom kecamatan.")
        for d in self.differences[:60]:
            lines.append(f"  {'Changed' if en else 'Berubah'}: {d['kolom']} {lab(d['field'])}: {figure(d['before'])} -> "
                         f"{figure(d['after'])}")
        if len(self.differences) > 60:
            more = len(self.differences) - 60
            lines.append(f"  ... and {more} more changes." if en else f"  ... dan {more} perubahan lain.")
        for n in self.notes:
            lines.append(f"  {'Note' if en else 'Catatan'}: {n}")
        return "\n".join(lines)


@dataclass
class ImportReport:
    """The report of one import run: one FileReport per file, in the order given."""

    files: list[FileReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every file was accepted or was already there unchanged."""
        return all(f.ok for f in self.files)

    def to_dict(self) -> dict:
        return {"ok": self.ok, "files": [asdict(f) for f in self.files]}

    def to_text(self, election=None, lang: str = "id") -> str:
        """Every file's report and the summary line; with ``election`` the fields are named by the
        form's labels (each file's certificate form: election.form_of_region). ``lang`` "en": in
        English (:meth:`FileReport.to_text`), the form's English labels."""
        acc = sum(1 for f in self.files if f.status == ACCEPTED)
        same = sum(1 for f in self.files if f.status == UNCHANGED)
        ref = sum(1 for f in self.files if f.status == REFUSED and f.code != CANCELLED)
        stopped = sum(1 for f in self.files if f.code == CANCELLED)

        def label_of(f):
            if election is None or not f.kode:
                return None
            form = election.form_of_region(f.kode)
            return (lambda key: form.label(key, "en")) if lang == "en" else form.label

        word = "kecamatan"
        if election is not None:
            from ..domain import tier_word

            word = tier_word(election.column_tier)
        parts: list[str] = []
        previous: list[str] | None = None  # the labels of the last file's fields blank in every column
        i = 0
        while i < len(self.files):
            f = self.files[i]
            j = i
            while j < len(self.files) and self.files[j].code == CANCELLED:
                j += 1
            if j - i >= 2:  # the files after a Ctrl+C: one block, not two lines each
                names = [x.file for x in self.files[i:j]]
                shown = ", ".join(names[:10]) + (f" dan {j - i - 10} lainnya" if j - i > 10 else "")
                if lang == "en":
                    shown = ", ".join(names[:10]) + (f" and {j - i - 10} more" if j - i > 10 else "")
                    parts.append(f"CANCELLED  {j - i} files not imported (the import was cancelled before them; "
                                 f"nothing of them is stored):\n  {shown}")
                else:
                    parts.append(f"DIBATALKAN  {j - i} berkas tidak diimpor (impor dibatalkan sebelum berkas-berkas "
                                 f"ini; tidak ada yang disimpan dari berkas-berkas ini):\n  {shown}")
                i = j
                continue
            parts.append(f.to_text(label_of(f), word, same_blanks=previous, lang=lang))
            if f.status != REFUSED:
                lab = label_of(f) or (lambda key: key)
                previous = [lab(k) for k in f.whole_blanks()] if f.blanks else []
            i += 1
        body = "\n".join(parts)
        if lang == "en":
            after = f", {stopped} not imported (cancelled)" if stopped else ""
            return f"{body}\nSummary: {acc} accepted, {same} already there, {ref} refused{after}."
        after = f", {stopped} tidak diimpor karena dibatalkan" if stopped else ""
        return f"{body}\nRingkasan: {acc} diterima, {same} sudah ada, {ref} ditolak{after}."


class Interrupted(KeyboardInterrupt):
    """Ctrl+C that stops an import at once (the second one; :func:`recap_app.core.importer.import_files`):
    the open file's transaction is rolled back, and ``report`` holds the files handled before it
    (those ACCEPTED are stored, and flushed to the disk)."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__()
        self.report = report


class NotFlushed(WorkspaceError):
    """The disk refused to flush an import's commits at its end (code "io_error"): ``report``
    says which files were stored; whether they are on the disk is not certain."""

    def __init__(self, message: str, report: ImportReport) -> None:
        super().__init__(message, "io_error")
        self.report = report
