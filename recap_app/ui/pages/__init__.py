"""The pages of the main window (tabs after the editor), one module each; page_factories lists them.

A page's module is imported when the page is first built (the tab shown or asked for), not at
start: the window opens on the editor and most sessions never see most pages.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication

from ..jobs import JobRunner

#: {class name: module of this package that defines it}
_PAGES = {"AuditPage": "audit", "BundlesPage": "bundles", "ComparePage": "compare", "DocumentsPage": "documents",
          "FindingsPage": "findings", "ImportPage": "importing", "PlenaryPage": "plenary", "ProvincePage": "province",
          "PublicationPage": "publication", "SeatsPage": "seats"}


def __getattr__(name: str):
    """``pages.FindingsPage`` and the like, importing the page's module on first use."""
    if name in _PAGES:
        return getattr(importlib.import_module(f".{_PAGES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def has_seats(election) -> bool:
    """True for a contest that allocates seats (DPR, DPD, DPRD Provinsi): the page is offered."""
    return election.form_kind != "paslon" and (election.seats or {}).get("method") in ("sainte_lague",
                                                                                      "suara_terbanyak")


def _factory(cls: str, window):
    return lambda: __getattr__(cls)(window)


def page_factories(window):
    """[(key, title, factory)] for the pages after the editor, in tab order."""
    if getattr(window, "jobs", None) is None:
        window.jobs = JobRunner(window)
    seats = [("seats", QCoreApplication.translate("MainWindow", "Kursi"), _factory("SeatsPage", window))] \
        if has_seats(window.ws.election) else []
    return [
        ("import", QCoreApplication.translate("MainWindow", "Impor"), _factory("ImportPage", window)),
        ("findings", QCoreApplication.translate("MainWindow", "Temuan"), _factory("FindingsPage", window)),
        ("province", QCoreApplication.translate("MainWindow", "Provinsi"), _factory("ProvincePage", window)),
        *seats,
        ("plenary", QCoreApplication.translate("MainWindow", "Pleno"), _factory("PlenaryPage", window)),
        ("compare", QCoreApplication.translate("MainWindow", "Bandingkan"), _factory("ComparePage", window)),
        ("documents", QCoreApplication.translate("MainWindow", "Dokumen"), _factory("DocumentsPage", window)),
        ("bundles", QCoreApplication.translate("MainWindow", "Bundel"), _factory("BundlesPage", window)),
        ("publication", QCoreApplication.translate("MainWindow", "Publikasi"), _factory("PublicationPage", window)),
        ("audit", QCoreApplication.translate("MainWindow", "Log audit"), _factory("AuditPage", window)),
    ]


__all__ = [*_PAGES, "has_seats", "page_factories"]
