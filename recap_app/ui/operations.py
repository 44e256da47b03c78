"""The window's background jobs as named operations, each calling one core function (no Qt here)."""

from __future__ import annotations

from pathlib import Path

from ..core import certificate, reconcile
from ..core.errors import Cancelled

# Every operation has the job signature (ws, progress, cancelled, **args): the window binds the
# arguments with functools.partial and hands it to JobRunner.start, which runs it on the worker
# with the worker's own Workspace connection (jobs.py). progress(done, total, text) updates the
# progress dialog; cancelled() is true once the clerk pressed Batal. Progress texts the clerk
# reads are translated by the caller and passed in (label, labels). Core modules backed by slow
# libraries (openpyxl, reportlab, cryptography) are imported on first use, so the window starts
# without them.


# ------------------------------------------------------------------ import page
def import_files(ws, progress, cancelled, *, paths, actor, accept_names=False, reason=None):
    """importer.import_files, one file at a time (one transaction each); cancelling skips the rest."""
    from ..core import importer

    report = importer.ImportReport()
    for i, p in enumerate(paths):
        if cancelled():
            report.files.append(importer.FileReport(Path(p).name, code="cancelled", message=(
                f"Berkas {Path(p).name}: impor dibatalkan sebelum berkas ini; tidak ada yang disimpan.")))
            continue
        progress(i, len(paths), f"{Path(p).name} ({i + 1}/{len(paths)})")
        part = importer.import_files(ws, [p], actor, accept_names=accept_names, reason=reason)
        report.files.extend(part.files)
    progress(len(paths), len(paths), "")
    return report


def write_templates(ws, progress, cancelled, *, folder):
    """importer.template.write_templates for every kabupaten/kota of the workspace."""
    from ..core.importer import template

    return template.write_templates(ws, [r.kode for r in ws.regencies()], folder)


# ------------------------------------------------------------------ findings
def recheck_findings(ws, progress, cancelled, *, actor, label=""):
    """reconcile.refresh_findings over every certificate (the findings page's re-check)."""
    progress(0, 1, label)
    return reconcile.refresh_findings(ws, actor)


def refresh_stale_findings(ws, progress, cancelled, *, actor):
    """reconcile.refresh_findings for the certificates out of date (after opening, importing or saving)."""
    return reconcile.refresh_findings(ws, actor)


# ------------------------------------------------------------------ certificate editor
def adopt(ws, progress, cancelled, *, kode, actor):
    """certificate.adopt: adopt (tetapkan) one certificate (it re-checks and backs up)."""
    return certificate.adopt(ws, kode, actor)


def reopen(ws, progress, cancelled, *, kode, actor, reason):
    """certificate.reopen: reopen an adopted certificate, with the chair's reason."""
    return certificate.reopen(ws, kode, actor, reason)


def save_certificate(ws, progress, cancelled, *, kode, columns, values, actor, reason):
    """certificate.save: the typed certificate becomes a new revision; findings and draft in one transaction."""
    return certificate.save(ws, kode, columns, values, actor, reason)


def submit_second_entry(ws, progress, cancelled, *, kode, columns, values, actor):
    """double_entry.submit_second_entry: entry 2, typed by another person, waits for the coordinator."""
    from ..core import double_entry

    return double_entry.submit_second_entry(ws, kode, columns, values, actor)


# ------------------------------------------------------------------ documents
def render_preview(ws, progress, cancelled, *, names, paper, region, rasterise, labels=("", "")):
    """documents.render, then ``rasterise(pdf)`` for the page images: returns (rendered, images)."""
    from ..core import documents

    progress(0, 2, labels[0])
    rendered = documents.render(ws, names, paper=paper, region=region)
    if cancelled():
        raise Cancelled()
    progress(1, 2, labels[1])
    return rendered, rasterise(rendered.pdf)


def save_pdf(ws, progress, cancelled, *, actor, path, names, paper, region, label=""):
    """documents.print_documents: write the chosen documents to a PDF file (recorded as printed)."""
    from ..core import documents

    progress(0, 1, label)
    return documents.print_documents(ws, actor, path, names, paper=paper, region=region)


# ------------------------------------------------------------------ bundles
def export_bundle(ws, progress, cancelled, *, path, actor, full, with_sources, label=""):
    """bundle.export.export_bundle: write and sign a bundle."""
    from ..core.bundle.export import export_bundle

    progress(0, 1, label)
    return export_bundle(ws, path, actor, full=full, with_sources=with_sources)


def verify_bundle(ws, progress, cancelled, *, path):
    """bundle.verify.verify_bundle: check a bundle's signature, fingerprints and data (writes nothing)."""
    from ..core.bundle.verify import verify_bundle

    return verify_bundle(path)


def import_bundle(ws, progress, cancelled, *, path, actor, accept_key):
    """bundle.importer.import_bundle: verify a bundle and store what it brings."""
    from ..core.bundle.importer import import_bundle

    return import_bundle(ws, path, actor, accept_key=accept_key)


# ------------------------------------------------------------------ publication
def _stepped(progress, labels):
    """A core progress callback that shows the caller's (translated) label for each step."""
    if not labels:
        return progress
    return lambda done, total, _text="": progress(done, total, labels[min(done, len(labels) - 1)])


def publish_site(ws, progress, cancelled, *, out, actor, remote=None, full=False, labels=()):
    """publish.publish: write the public site (changed files only, audited); then, when a remote
    is given and the clerk did not cancel, remote.push_and_record with rclone. A failed push
    leaves the written site and its record; its message is in ``result.push_error``."""
    from ..core import publish

    result = publish.publish(ws, actor, out, progress=_stepped(progress, labels))
    if remote and not cancelled():
        from ..core.publish import remote as rc

        try:
            result.push = rc.push_and_record(ws, actor, out, remote, full=full,
                                             progress=_stepped(progress, labels[-1:]))
        except publish.PublishError as exc:  # the site is written and recorded; only the push failed
            result.push_error = exc.message
    return result


def verify_site(ws, progress, cancelled, *, folder, key=None, label=""):
    """publish.verify_site: check a published folder's signature and every file (writes nothing)."""
    from ..core.publish import verify_site as verify

    progress(0, 1, label)
    return verify(folder, key)
