"""Official province documents as PDF (docs/documents.md).

``render(ws, ...)`` builds one PDF holding the chosen documents, each numbered on its own
("Halaman x dari y"); ``print_documents(ws, actor, out, ...)`` writes it to a file and records
the print (names, fingerprints) in the audit log. The documents (stable names):

- ``sertifikat``: province certificate (DC1 / D.Hasil Provinsi), landscape, 35 regency columns + JUMLAH;
- ``rekapitulasi``: province totals with every vote figure in words and each pair's percentage;
- ``berita_acara``: minutes of the recap plenary with the attendance;
- ``kejadian_khusus``: special events and witness objections as recorded (DC2);
- ``kejadian_khusus_kosong``: the same form, empty, to fill in by hand;
- ``temuan``: findings report, every finding with its explanation or override;
- ``sertifikat_kabupaten``: a regency certificate as received (needs ``region``);
- ``penetapan_kursi``: the seat decision (DPRD Provinsi) or seat calculation (DPR, DPD): quotient
  tables, seats, elected candidates, ties and how they were decided.

A contest with several districts (DPR, DPRD Provinsi) prints the certificate and the totals page
once per dapil (``dapil``: only one), the minutes with a section per dapil.

Without a document list: every province document, plus the regency certificate when a region
is given.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ..loading import deferred_wide_patterns, lazy_module

with deferred_wide_patterns():  # before any module of the package loads reportlab (docs/performance.md)
    lazy_module("PIL.Image")  # reportlab imports it for bitmaps; no document holds one
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate
    from reportlab.platypus.flowables import PageBreakIfNotEmpty

from ... import __version__
from .. import auth
from ..outputs import check_output_path, write_recorded
from ..store import Workspace
from . import certificate, events, findings, minutes, regency, seats, summary
from .common import DEFAULT_MEMBERS, Source
from .page import FOOTER_H, HEADER_H, MARGIN, PAPERS, Part, fingerprint, make_canvas_class, page_size, register_fonts
from .plenary import DocumentError

__all__ = ["DOCUMENTS", "DocumentError", "Rendered", "default_paper", "offered", "print_documents", "record_print",
           "render"]

#: document name -> (builder, short Indonesian description); order = printing order
DOCUMENTS = {
    certificate.NAME: (certificate.build, "Sertifikat rekapitulasi tingkat provinsi (kolom per kabupaten/kota)"),
    summary.NAME: (summary.build, "Rekapitulasi jumlah provinsi dengan huruf dan persentase"),
    minutes.NAME: (minutes.build, "Berita acara rapat pleno rekapitulasi"),
    events.NAME: (events.build, "Kejadian khusus dan/atau keberatan saksi"),
    events.NAME_EMPTY: (events.build_empty, "Formulir kejadian khusus dan/atau keberatan saksi (kosong)"),
    findings.NAME: (findings.build, "Laporan temuan pemeriksaan beserta penjelasan/pengesampingan"),
    regency.NAME: (regency.build, "Sertifikat kabupaten/kota sebagaimana diterima (perlu --region)"),
    seats.NAME: (seats.build, "Penetapan (DPRD Provinsi) atau perhitungan (DPR, DPD) perolehan kursi dan calon terpilih"),
}

#: documents printed once per dapil of a contest with several districts (they take ``dapil``)
PER_DISTRICT = (certificate.NAME, summary.NAME)

PROVINCE_DOCUMENTS = tuple(n for n in DOCUMENTS if n != regency.NAME)


def offered(election) -> list[str]:
    """The documents of :data:`DOCUMENTS` that exist for ``election``, in printing order: all of them,
    less the seat document for a contest that allocates no seats (Pilpres, Pilkada)."""
    return [n for n in DOCUMENTS if n != seats.NAME or seats.allocates_seats(election)]


@dataclass
class Rendered:
    """A rendered PDF.

    Attributes:
        pdf: the PDF bytes.
        parts: the documents inside, in order, each with name, title, pages and full fingerprint.
    """

    pdf: bytes
    parts: list[Part]

    def summary(self) -> list[dict]:
        """[{document, title, pages, sha256}] for the CLI and the audit record."""
        return [{"document": x.name, "title": x.title, "pages": x.pages, "sha256": x.fingerprint}
                for x in self.parts]


def _choose(documents, region, src: Source | None = None) -> list[str]:
    names = list(documents) if documents else [n for n in PROVINCE_DOCUMENTS if n != seats.NAME or (
        src is not None and seats.available(src))] + ([regency.NAME] if region else [])
    unknown = [n for n in names if n not in DOCUMENTS]
    if unknown:
        raise DocumentError(f"Dokumen {', '.join(unknown)} tidak dikenal. Yang tersedia: {', '.join(DOCUMENTS)}.",
                            "unknown_document")
    return names


def default_paper(ws: Workspace) -> str:
    """The paper the office chose in its settings (``office.paper``: "A4" or "F4"), else A4."""
    paper = str(ws.setting("office.paper") or "A4").upper()
    return paper if paper in PAPERS else "A4"


def render(ws: Workspace, documents: list[str] | None = None, *, paper: str | None = None, now: str | None = None,
           region: str | None = None, dapil: str | None = None) -> Rendered:
    """Render documents to PDF bytes (no writes to the workspace).

    Args:
        documents: names from DOCUMENTS; None for all province documents (plus the regency
            certificate when ``region`` is given).
        paper: "A4" or "F4" (215 x 330 mm); None for the office's paper (:func:`default_paper`).
        now: ISO time printed on the pages; default store.now_iso() (RECAP_FIXED_CLOCK honoured).
        region: kabupaten/kota code for ``sertifikat_kabupaten``.
        dapil: only this district's certificate and totals page (contests with several districts).
    Raises:
        DocumentError: unknown document, paper or dapil, missing/unknown region, regency certificate
            not received, seats of a contest without seats.
    """
    paper = default_paper(ws) if paper is None else paper
    if paper not in PAPERS:
        raise DocumentError(f"Ukuran kertas {paper!r} tidak dikenal; pilih A4 atau F4.", "bad_paper")
    register_fonts()
    src = Source.load(ws, now)
    names = _choose(documents, region, src)
    if dapil is not None:
        src.districts(dapil)  # refuses an unknown dapil before anything is built
    parts: list[Part] = []
    for name in names:
        builder = DOCUMENTS[name][0]
        if name == regency.NAME:
            got = builder(src, paper, region)
        elif name in PER_DISTRICT:
            got = builder(src, paper, dapil)
        else:
            got = builder(src, paper)
        parts.extend(got if isinstance(got, list) else [got])
    for part in parts:  # the fingerprint covers the definition too: swapped names are other data
        part.fingerprint = fingerprint({"document": part.name, "data": part.payload,
                                        "definition": src.definition_sha256})
    return _build_pdf(src, parts, paper)


def _build_pdf(src: Source, parts: list[Part], paper: str) -> Rendered:
    buf = io.BytesIO()
    templates = []
    for i, part in enumerate(parts):
        w, h = page_size(paper, part.wide)
        frame = Frame(MARGIN, MARGIN + FOOTER_H, w - 2 * MARGIN, h - 2 * MARGIN - HEADER_H - FOOTER_H,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=f"f{i}")
        templates.append(PageTemplate(id=f"part{i}", frames=[frame], pagesize=(w, h),
                                      onPage=lambda c, d, i=i: setattr(c, "recap_part", i)))
    meta_subject = "; ".join(f"{x.name} SHA-256 {x.fingerprint}" for x in parts)
    doc = BaseDocTemplate(buf, pagesize=page_size(paper, parts[0].wide), pageTemplates=templates,
                          leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                          title=" + ".join(x.title for x in parts), author=src.office.name,
                          subject=meta_subject, keywords=[f"sha256:{x.name}:{x.fingerprint}" for x in parts],
                          creator=f"recap_app {__version__}", invariant=1, initialFontName="RecapSans")
    story: list = []
    for i, part in enumerate(parts):
        if i:
            story += [NextPageTemplate(f"part{i}"), PageBreakIfNotEmpty()]
        story += part.story
    header_right = src.election.name
    members = 1 + len(src.office.members) if src.office.members else DEFAULT_MEMBERS
    doc.build(story, canvasmaker=make_canvas_class(parts, src.office.name, header_right, src.printed,
                                                   src.chain_head, paraf=(members, len(src.contestants))))
    return Rendered(buf.getvalue(), parts)


def print_documents(ws: Workspace, actor: str, out: str | Path, documents: list[str] | None = None, *,
                    paper: str | None = None, now: str | None = None, region: str | None = None,
                    dapil: str | None = None) -> Rendered:
    """Render and write the PDF to ``out`` (atomically), recording the print in the audit log.
    With the findings report among the documents, findings checked under an older version of the
    rules (or not yet checked) are checked first, as ``recap check`` does.

    Raises:
        DocumentError: see :func:`render`; the file cannot be written (nothing is recorded then).
        NotAllowed: the actor lacks the "print" permission.
    """
    auth.require(ws, actor, "print")
    out = check_output_path(out, ws)
    paper = default_paper(ws) if paper is None else paper
    if (documents is None or findings.NAME in documents) and not ws.readonly:
        from .. import reconcile

        reconcile.refresh_stale(ws, actor)  # checked by an older version of the rules, say: checked again first
    rendered = render(ws, documents, paper=paper, now=now, region=region, dapil=dapil)
    record = {"file": out.name, "paper": paper, "region": region, "documents": rendered.summary()}
    if dapil is not None:
        record["dapil"] = dapil
    write_recorded(ws, out, rendered.pdf, lambda: ws.record(actor, "document.print", "documents", None, record))
    return rendered


def record_print(ws: Workspace, actor: str, rendered: Rendered, printer: str, copies: int, *,
                 paper: str | None = None, region: str | None = None) -> int:
    """Record in the audit log that rendered documents went to a printer (who, which documents with
    their pages and fingerprints, printer, copies, paper). The window calls it once the printer
    accepted the job; permission "print".

    Returns:
        The audit record id (action "document.printer").
    Raises:
        NotAllowed: the actor lacks the "print" permission.
        DocumentError: no printer named, or fewer than one copy.
    """
    auth.require(ws, actor, "print")
    if not str(printer or "").strip():
        raise DocumentError("Printer tidak disebut; pilih printer tujuan.", "no_printer")
    if int(copies) < 1:
        raise DocumentError(f"Jumlah salinan {copies} tidak sah; sedikitnya 1.", "bad_copies")
    with ws.transaction():
        return ws.record(actor, "document.printer", "documents", None,
                         {"printer": str(printer).strip(), "copies": int(copies), "paper": paper, "region": region,
                          "documents": rendered.summary()})
