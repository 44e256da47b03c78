"""The pages of the main window (tabs after the editor), one module each; page_factories lists them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..jobs import JobRunner
from .audit import AuditPage
from .bundles import BundlesPage
from .compare import ComparePage
from .documents import DocumentsPage
from .findings import FindingsPage
from .importing import ImportPage
from .plenary import PlenaryPage
from .province import ProvincePage
from .publication import PublicationPage
from .seats import SeatsPage, has_seats


def page_factories(window):
    """[(key, title, factory)] for the pages after the editor, in tab order."""
    if getattr(window, "jobs", None) is None:
        window.jobs = JobRunner(window)
    seats = [("seats", QCoreApplication.translate("MainWindow", "Kursi"), lambda: SeatsPage(window))] \
        if has_seats(window.ws.election) else []
    return [
        ("import", QCoreApplication.translate("MainWindow", "Impor"), lambda: ImportPage(window)),
        ("findings", QCoreApplication.translate("MainWindow", "Temuan"), lambda: FindingsPage(window)),
        ("province", QCoreApplication.translate("MainWindow", "Provinsi"), lambda: ProvincePage(window)),
        *seats,
        ("plenary", QCoreApplication.translate("MainWindow", "Pleno"), lambda: PlenaryPage(window)),
        ("compare", QCoreApplication.translate("MainWindow", "Bandingkan"), lambda: ComparePage(window)),
        ("documents", QCoreApplication.translate("MainWindow", "Dokumen"), lambda: DocumentsPage(window)),
        ("bundles", QCoreApplication.translate("MainWindow", "Bundel"), lambda: BundlesPage(window)),
        ("publication", QCoreApplication.translate("MainWindow", "Publikasi"), lambda: PublicationPage(window)),
        ("audit", QCoreApplication.translate("MainWindow", "Log audit"), lambda: AuditPage(window)),
    ]


__all__ = ["AuditPage", "BundlesPage", "ComparePage", "DocumentsPage", "FindingsPage", "ImportPage", "PlenaryPage",
           "ProvincePage", "PublicationPage", "SeatsPage", "page_factories"]
