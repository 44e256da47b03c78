"""The window's background jobs as named operations, each calling one core function (no Qt here)."""

from __future__ import annotations

from ..core import certificate, reconcile
from ..core.errors import Cancelled

# Every operation has the job signature (ws, progress, cancelled, **args): the window binds the
# arguments with functools.partial and hands it to JobRunner.start, which runs it on the worker
# with the worker's own Workspace connection (jobs.py). progress(done, total, text) updates the
# progress bar in the status bar; cancelled() is true once the clerk pressed Batal. Progress texts the clerk
# reads are translated by the caller and passed in (label, labels). Core modules backed by slow
# libraries (openpyxl, reportlab, cryptography) are imported on first use, so the window starts
# without them.


# ------------------------------------------------------------------ import page
def import_files(ws, progress, cancelled, *, paths, actor, accept_names=False, reason=None):
    """importer.import_files: one transaction per file, progress per file, one automatic backup for
    the whole batch; cancelling skips the files not yet read (each reported "cancelled"). When the
    disk refuses to flush the files at the end, the report still comes, with the disk's problem
    among the warnings (the window shows both)."""
    from ..core import importer
    from ..core.importer.report import NotFlushed

    try:
        return importer.import_files(ws, paths, actor, accept_names=accept_names, reason=reason, progress=progress,
                                     cancelled=cancelled)
    except NotFlushed as exc:
        ws.warnings.append(exc.message)
        return exc.report


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
def adopt(ws, progress, cancelled, *, kode, actor, seen=None):
    """certificate.adopt: adopt (tetapkan) one certificate (it re-checks and backs up); refused when
    the latest revision is not ``seen``, the one the chair had open."""
    return certificate.adopt(ws, kode, actor, seen=seen)


def reopen(ws, progress, cancelled, *, kode, actor, reason):
    """certificate.reopen: reopen an adopted certificate, with the chair's reason."""
    return certificate.reopen(ws, kode, actor, reason)


def save_certificate(ws, progress, cancelled, *, kode, columns, values, actor, reason, based_on=certificate.ANY_BASE):
    """certificate.save: the typed certificate becomes a new revision; findings and draft in one
    transaction; refused when a revision was stored after ``based_on`` (the one typing began from)."""
    return certificate.save(ws, kode, columns, values, actor, reason, based_on=based_on)


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


def print_to_printer(ws, progress, cancelled, *, actor, names, paper, region, printer, copies, send, labels=("", "")):
    """documents.render, then ``send(pdf, printer, copies, paper, title)`` (CUPS lp, or Qt's printer),
    then documents.record_print: the print is in the audit log once the printer took it.

    Returns (rendered, the print system's job id)."""
    from ..core import auth, documents

    auth.require(ws, actor, "print")  # before anything is sent
    progress(0, 2, labels[0])
    rendered = documents.render(ws, names, paper=paper, region=region)
    if cancelled():
        raise Cancelled()
    progress(1, 2, labels[1])
    title = " + ".join(p.title for p in rendered.parts)
    job = send(rendered.pdf, printer, copies, paper, title[:200])
    documents.record_print(ws, actor, rendered, printer, copies, paper=paper, region=region)
    return rendered, job


# ------------------------------------------------------------------ plenary
def set_plenary(ws, progress, cancelled, *, actor, place, date, time_start, time_end):
    """documents.plenary.set_plenary: the plenary's place, date and times (one transaction, audited)."""
    from ..core.documents import plenary

    return plenary.set_plenary(ws, actor, place=place, date=date, time_start=time_start, time_end=time_end)


def add_attendance(ws, progress, cancelled, *, actor, people):
    """documents.plenary.add_attendance for each (name, role, present) of ``people``, in order."""
    from ..core.documents import plenary

    return [plenary.add_attendance(ws, actor, name, role, present) for name, role, present in people]


def remove_attendance(ws, progress, cancelled, *, actor, attendance_id):
    """documents.plenary.remove_attendance: one person off the attendance list."""
    from ..core.documents import plenary

    return plenary.remove_attendance(ws, actor, attendance_id)


def add_objection(ws, progress, cancelled, *, actor, kind, text, nomor_urut=None, region=None):
    """documents.plenary.add_objection: a special event or a witness objection (form DC2)."""
    from ..core.documents import plenary

    return plenary.add_objection(ws, actor, kind, text, nomor_urut=nomor_urut, region=region)


def compare_source(ws, progress, cancelled, *, path, name, prefix="", label=""):
    """importer.read_for_comparison + compare.compare_external: the workspace against another source
    (the program's own CSV export, a CSV keyed by region code, or spreadsheets of the certificates)."""
    from ..core import compare
    from ..core.importer import read_for_comparison

    progress(0, 1, label)
    figures, notes = read_for_comparison(ws, path, prefix)
    report = compare.compare_external(ws, figures, name)
    report.notes[:0] = notes
    return report


# ------------------------------------------------------------------ the TPS behind a kecamatan figure
def tps_behind(ws, progress, cancelled, *, kode, label=""):
    """tps_check.behind: one kecamatan's TPS, their sums and its certificate column (read only; the
    whole TPS set is read and its hash checked, about 0,5 s for the 115.401 TPS of a province)."""
    from ..core import tps_check

    progress(0, 1, label)
    return tps_check.behind(ws, kode)


# ------------------------------------------------------------------ findings: explain, override
def explain_findings(ws, progress, cancelled, *, actor, keys, text):
    """reconcile.explain: one explanation for every finding of ``keys`` (one transaction)."""
    return reconcile.explain(ws, list(keys), text, actor)


def override_findings(ws, progress, cancelled, *, actor, keys, reason):
    """reconcile.override for each error of ``keys`` (the chair; each its own record)."""
    for i, key in enumerate(keys):
        if cancelled():
            raise Cancelled()
        progress(i, len(keys), "")
        reconcile.override(ws, key, reason, actor)
    return len(keys)


# ------------------------------------------------------------------ bundles
def export_bundle(ws, progress, cancelled, *, path, actor, full, with_sources, label="", identity=None):
    """bundle.export.export_bundle: write and sign a bundle (``identity``: the office key unlocked in
    the window, else the core loads it)."""
    from ..core.bundle.export import export_bundle

    progress(0, 1, label)
    return export_bundle(ws, path, actor, full=full, with_sources=with_sources, identity=identity)


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


def publish_site(ws, progress, cancelled, *, out, actor, remote=None, full=False, labels=(), identity=None):
    """publish.publish: write the public site (changed files only, audited); then, when a remote
    is given and the clerk did not cancel, remote.push_and_record with rclone. A failed push
    leaves the written site and its record; its message is in ``result.push_error``."""
    from ..core import publish

    result = publish.publish(ws, actor, out, identity=identity, progress=_stepped(progress, labels))
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
# ------------------------------------------------------------------ quick writes from a dialog
def run_here(ws, operation, **args):
    """Run an operation at once on the calling thread with its own connection ``ws`` (the window's, on
    the UI thread): for the short writes of a modal dialog, which waits for the answer anyway."""
    return operation(ws, lambda *_a: None, lambda: False, **args)


# ------------------------------------------------------------------ users and roles (admin)
def add_user(ws, progress, cancelled, *, actor, name, role, password):
    """auth.add_user: a new account (admin; the first account of a workspace must be an admin)."""
    from ..core import auth

    return auth.add_user(ws, actor, name, role, password)


def set_role(ws, progress, cancelled, *, actor, name, role):
    """auth.set_role: another role for an account (admin)."""
    from ..core import auth

    return auth.set_role(ws, actor, name, role)


def set_active(ws, progress, cancelled, *, actor, name, active):
    """auth.set_active: disable or enable an account; its history stays (admin)."""
    from ..core import auth

    return auth.set_active(ws, actor, name, active)


def protect_key(ws, progress, cancelled, *, actor, old, new):
    """anchors.protect_key: set or change the office key's passphrase, making the key when there is
    none (ketua or admin; audited "office_key.passphrase"). Returns the OfficeIdentity."""
    from ..core import anchors

    return anchors.protect_key(ws, actor, old, new)


def set_password(ws, progress, cancelled, *, actor, name, password):
    """auth.set_password: a new password (one's own, or anyone's by an admin)."""
    from ..core import auth

    return auth.set_password(ws, actor, name, password)
