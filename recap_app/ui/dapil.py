"""Electoral districts in the window: the dapil chooser and the views of one dapil.

A contest with several districts (DPR, DPRD Provinsi) has one form per dapil; the pages that show
the office's figures (regency list, province page, plenary mode) show one dapil at a time, or all
regencies grouped by dapil. Pair contests and the DPD (one district) are unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox


def several(election) -> bool:
    """True when the contest has more than one district (the chooser is shown)."""
    return election.has_districts


def overview_form(election):
    """The form whose contestants the window's totals strip and charts name: the election's one
    form, or for several districts any district's form (every dapil lists the same parties, and the
    office totals hold each party's total)."""
    return election.form_for(election.districts[0]) if election.has_districts else election.form


class TopContestants:
    """A form seen through its ``n`` contestants with the most votes (the totals strip of a
    legislative contest would not fit 18 parties): ``contestants`` and ``total_key`` only."""

    def __init__(self, form, fields: dict, n: int = 6):
        self._form = form
        ranked = sorted(form.contestants, key=lambda c: -(fields.get(form.total_key(c)) or 0))
        self.contestants = tuple(sorted(ranked[:n], key=lambda c: c.nomor or 0)) if len(ranked) > n else \
            form.contestants

    def total_key(self, c) -> str:
        return self._form.total_key(c)


def bar_form(election, totals: dict):
    """What the totals strip shows: the pairs, or the six strongest parties of the province."""
    form = overview_form(election)
    if len(form.contestants) > 8:
        return TopContestants(form, totals.get("fields", {}))
    return form


def district_view(ws, totals: dict, kode: str | None):
    """(form, regencies, totals view) of one dapil (``kode``), or of the whole office when None or
    when the contest has one district. The totals view has "fields" and "regencies" like
    core.totals.province_totals()."""
    e = ws.election
    regencies = ws.regencies()
    if not e.has_districts or kode is None:
        return overview_form(e), regencies, totals
    d = next(x for x in totals["dapil"] if x["kode"] == kode)
    members = set(d["regencies"])
    view = {"fields": d["fields"], "regencies": {k: v for k, v in totals["regencies"].items() if k in members},
            "received": d["received"], "expected": d["expected"], "blank": d["blank"]}
    return e.form_for(kode), [r for r in regencies if r.kode in members], view


def order_by_district(election, rows: list[dict], kode: str | None) -> list[dict]:
    """Status rows of one dapil, or every row grouped by dapil (definition order) for None; each row
    gains "dapil" (the district's name), "dapil_nomor" (its place in the definition, from 0), by
    which the list tells the groups apart, and "dapil_pendek" (the name's number: "II" of "JAWA
    TENGAH II", "2" of "JAWA TENGAH 2"), the list's Dapil column."""
    if not election.has_districts:
        return rows
    by = {r["kode"]: r for r in rows}
    out = []
    for i, d in enumerate(election.districts):
        if kode is not None and d.kode != kode:
            continue
        short = d.nama.rsplit(" ", 1)[-1]
        out += [dict(by[k], dapil=d.nama, dapil_nomor=i, dapil_pendek=short) for k in d.wilayah if k in by]
    return out


class DapilBox(QComboBox):
    """The dapil chooser: "Semua dapil" (optional) and every district "3301 JAWA TENGAH I (8 kursi)".

    Signals:
        chosen(object): the district code chosen, or None for all.
    """

    chosen = Signal(object)

    def __init__(self, election, *, everything: bool = True, parent=None):
        super().__init__(parent)
        self.setObjectName("dapilBox")
        if everything:
            self.addItem(self.tr("Semua dapil"), None)
        for d in election.districts:
            self.addItem(f"{d.kode} {d.nama} ({d.kursi} kursi)", d.kode)
        self.currentIndexChanged.connect(lambda _i: self.chosen.emit(self.currentData()))

    def kode(self) -> str | None:
        """The chosen district code (None: all)."""
        return self.currentData()

    def choose(self, kode: str | None) -> None:
        i = self.findData(kode)
        if i >= 0:
            self.setCurrentIndex(i)
