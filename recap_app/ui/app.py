"""Start-up of the desktop program: the workspace to open, login, translations, fonts, the window, crash reports."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..core.election import RESOURCES
from ..core.errors import RecapError

I18N = RESOURCES / "i18n"
#: the size of the window pictured by ``recap gui --screenshot``: the screen of most office laptops
PICTURE_SIZE = (1366, 768)
FONTS = RESOURCES / "fonts"


def startup_workspace(db: str | os.PathLike | None):
    """Open the workspace to land on.

    --db PATH if given (it must exist); else RECAP_DB or the last workspace used; else (or when
    that file has gone) the demonstration workspace, created on first use with the 35 real
    Pilpres 2019 certificates (marked CONTOH).

    Returns:
        The open Workspace. Raises WorkspaceError (a RecapError) when --db cannot be opened.
    """
    from ..core.paths import demo_workspace_path, remember_workspace, resolve_workspace
    from ..core.startup import open_checked

    if db:
        path = Path(db)
    else:
        path = resolve_workspace(None)
        if not path.is_file():
            path = demo_workspace_path()
    if not db and path == demo_workspace_path() and not path.exists():
        from ..core.demo import make_demo

        make_demo(path).close()
    ws = open_checked(path)  # integrity check; a damaged file names the latest good backup (docs/security.md §5)
    remember_workspace(path)
    return ws


def install_translation(app, lang: str | None) -> list:
    """Install the translations for a language (Indonesian is the program's source language).

    Args:
        lang: "id", "en" or None (None follows RECAP_LANG, else the system locale).
    Returns:
        The installed QTranslators: Qt's own catalogue for the language when Qt ships one
        (qtbase_<lang>.qm), then for "en" the program's English, for "id" our Indonesian for the
        texts of Qt's own dialogs and buttons (Qt ships no Indonesian: resources/i18n/qtbase_id.ts).
        Sets the window's language for dates (fmt.LANG) and Qt's default locale.
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from . import fmt

    lang = lang or os.environ.get("RECAP_LANG") or ("en" if QLocale.system().language() == QLocale.Language.English
                                                    else "id")
    lang = "en" if lang == "en" else "id"
    fmt.LANG = lang
    QLocale.setDefault(QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Indonesian,
                               QLocale.Country.AnyCountry if lang == "en" else QLocale.Country.Indonesia))
    # Qt's own catalogue for the language when Qt ships one, then ours: for "id" ours holds the
    # texts of Qt's dialogs, buttons and menus (Qt ships no Indonesian), for "en" the program's English
    files = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{lang}.qm"]
    files.append(I18N / ("recap_app_en.qm" if lang == "en" else "qtbase_id.qm"))
    installed = []
    for file in files:
        tr = QTranslator(app)
        if file.is_file() and tr.load(str(file)):
            app.installTranslator(tr)
            installed.append(tr)
    return installed


def register_fonts() -> None:
    """Register the bundled TTF fonts (resources/fonts) so text renders on a bare machine."""
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    families = []
    if FONTS.is_dir():
        for ttf in sorted(FONTS.glob("*.ttf")):
            fid = QFontDatabase.addApplicationFont(str(ttf))
            if fid >= 0:
                families.extend(QFontDatabase.applicationFontFamilies(fid))
    if "DejaVu Sans" in families or "DejaVu Sans" in QFontDatabase.families():
        font = QFont("DejaVu Sans", 9)
        QApplication.setFont(font)


def make_app(lang: str | None = None):
    """The QApplication (created once), with fonts and translation installed."""
    from PySide6.QtWidgets import QApplication

    from .qtload import quick_source_scan

    quick_source_scan()  # before the window's modules load (ui/qtload.py)
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("recap_app")
    app.setOrganizationName("recap_app")
    register_fonts()
    for old in getattr(app, "_recap_translators", []):  # switching language (tests, or a second window)
        app.removeTranslator(old)
    app._recap_translators = install_translation(app, lang)
    return app


def save_screenshot(widget, path: str | os.PathLike, painted: bool = False) -> None:
    """Render a widget (already shown) to a PNG file.

    Args:
        painted: the widget is a window shown and painted: offscreen (QT_QPA_PLATFORM=offscreen)
            it is saved from what it has just painted (its backing store: the same pixels as
            rendering it again, without painting twice). Otherwise, or on another platform, it
            is rendered again with QWidget.grab.
    """
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    picture = None
    if painted and widget.isWindow() and QApplication.platformName() == "offscreen" and widget.screen() is not None:
        picture = widget.screen().grabWindow(widget.winId())
        ratio = widget.devicePixelRatioF()
        if picture.isNull() or (picture.width(), picture.height()) != (round(widget.width() * ratio),
                                                                      round(widget.height() * ratio)):
            picture = None
    if picture is None:
        picture = widget.grab()
    # quality 80 is zlib level 1 in Qt's PNG writer: lossless as any level, several times faster than
    # the default level 6, and for a window (large flat areas) the file is no larger
    picture.save(str(path), "PNG", 80)


def create_window(ws, actor: str | None = None, auto_check: bool = True):
    """Build the main window over an open workspace (checking stale findings on the worker); its
    open-workspace and new-workspace actions switch to the chosen workspace (switch_workspace)."""
    from ..core.clock import default_actor
    from .main_window import MainWindow

    window = MainWindow(ws, actor or default_actor(), auto_check=auto_check)
    window.workspace_requested.connect(lambda path: switch_workspace(window, path))
    return window


def login(ws, interactive: bool = True) -> str | None:
    """The acting user: RECAP_USER (with RECAP_PASSWORD when the workspace has accounts), else
    asked in a dialog when accounts exist. Returns None when nobody could be authenticated."""
    from ..core import auth
    from ..core.clock import default_actor

    if auth.open_mode(ws):
        return default_actor()
    if os.environ.get("RECAP_PASSWORD") is not None:
        try:
            return auth.authenticate(ws, os.environ.get("RECAP_USER"), os.environ["RECAP_PASSWORD"])
        except RecapError as exc:
            print(f"Galat: {exc.message}", file=sys.stderr)
            if not interactive:
                return None
    if not interactive:
        print("Galat: ruang kerja ini memakai akun; berikan RECAP_USER dan RECAP_PASSWORD.", file=sys.stderr)
        return None
    from .settings import LoginDialog

    dlg = LoginDialog(ws, os.environ.get("RECAP_USER") or default_actor())
    return dlg.actor if dlg.exec() else None


def switch_workspace(window, path) -> None:
    """Close the window's workspace and open another in a new window."""
    from PySide6.QtCore import QCoreApplication

    from . import fmt
    from .widgets import inform

    try:
        ws = startup_workspace(path)
    except RecapError as exc:
        inform(window, QCoreApplication.translate("MainWindow", "Buka ruang kerja"), fmt.refusal(exc), error=True)
        return
    actor = login(ws) if path else window.actor
    if actor is None:
        ws.close()
        return
    new = create_window(ws, actor)
    new.setGeometry(window.geometry())
    new.show()
    window.close()
    window.ws.close()


def _reconnect(exc) -> bool:
    """An SQLite error reached the top of the window (no core call caught it): the window's
    connection no longer reads its file as SQLite wrote it (the file replaced, its -wal or -shm
    removed by another program while the window was open). The main window closes that
    connection and opens the workspace again through the start-up check, which names the latest
    good backup if the file itself is damaged. Returns whether a window took it."""
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    app = QApplication.instance()
    windows = [w for w in (app.topLevelWidgets() if app else []) if isinstance(w, MainWindow) and w.isVisible()]
    for w in windows:
        if w.connection_lost(exc):
            return True
    return False


def install_crash_handler() -> None:
    """Unexpected errors (a bug, not the clerk's input) are written to a report file in the data
    folder and shown in one dialog; the program keeps running. Errors for the clerk are
    RecapError and are shown where they happen."""
    import datetime as _dt
    import traceback

    from ..core.paths import data_dir

    previous = sys.excepthook

    def hook(kind, value, tb):
        import sqlite3

        if isinstance(value, sqlite3.DatabaseError) and _reconnect(value):
            return  # the window's connection lost its file (its -wal/-shm removed outside): reopened
        text = "".join(traceback.format_exception(kind, value, tb))
        path = None
        try:
            folder = data_dir() / "laporan-galat"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"galat-{_dt.datetime.now():%Y%m%d-%H%M%S}.txt"
            path.write_text(text, encoding="utf-8")
        except OSError:
            pass
        print(text, file=sys.stderr)
        try:
            from PySide6.QtCore import QCoreApplication

            from .widgets import inform

            inform(None, QCoreApplication.translate("Dialog", "Kesalahan program"),
                   QCoreApplication.translate("Dialog", "Terjadi kesalahan di dalam program (bukan kesalahan "
                                              "Anda). Data yang sudah disimpan tetap utuh. Laporan: %s")
                   % (path or "-"), error=True)
        except Exception:  # never let the handler itself crash the program
            previous(kind, value, tb)

    sys.excepthook = hook


def no_screen() -> bool:
    """True on Linux without a display to open a window on (no DISPLAY, no WAYLAND_DISPLAY) and no
    Qt platform chosen: Qt would abort the process there with an English message."""
    return (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"))


#: the garbage collector's usual pace (Python's default thresholds), for the long-lived window; the
#: command line that starts it sets a slower one for its short processes (recap_app/cli.py)
GC_PACE = (700, 10, 10)


def run(db=None, screenshot=None, lang: str | None = None) -> int:
    """Run the desktop program (``recap gui``).

    Args:
        db: workspace path (None: last used, else the CONTOH demonstration workspace).
        screenshot: when given, render the main window offscreen to this PNG and exit.
        lang: "id" or "en".
    Returns:
        The process exit status (0 ok, 1 when the workspace cannot be opened).
    """
    if screenshot and not os.environ.get("QT_QPA_PLATFORM"):  # unset or empty, as no_screen() reads it
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not screenshot and no_screen():
        print("Galat: tidak ada layar (DISPLAY dan WAYLAND_DISPLAY kosong), jendela tidak dapat dibuka. Jalankan "
              "di komputer berlayar, atau simpan gambar jendelanya: recap gui --screenshot jendela.png",
              file=sys.stderr)
        return 1
    app = make_app(lang)
    try:
        ws = startup_workspace(db)
    except RecapError as exc:
        if screenshot:
            print(f"Galat: {exc.message}", file=sys.stderr)
        else:
            from . import fmt
            from .widgets import inform

            inform(None, "recap_app", fmt.refusal(exc), error=True)
        return 1
    actor = login(ws, interactive=not screenshot)
    if actor is None:
        ws.close()
        return 1
    window = create_window(ws, actor)
    if screenshot:
        window.picture_only = True
        window.resize(*PICTURE_SIZE)
    else:
        window.restore_state()  # as the clerk left it, always inside the screen
    if screenshot:
        first = window.first_region()
        if first:  # the first certificate open before the window shows: painted once, with it
            window.open_region(first)
        window.show()
        window.jobs.pool.waitForDone()  # the start-up check, so the picture shows real statuses
        for _ in range(5):
            app.processEvents()
        save_screenshot(window, screenshot, painted=True)
        window.close()
        ws.close()
        print(f"Gambar jendela disimpan: {screenshot}")
        return 0
    install_crash_handler()
    window.show()
    from ..core import drafts

    kept = drafts.draft_regions(ws)
    if kept:
        from PySide6.QtCore import QCoreApplication

        window.show_message(QCoreApplication.translate("MainWindow", "Ada draf yang belum disimpan: %s")
                            % ", ".join(kept))
    import gc

    gc.set_threshold(*GC_PACE)  # the window lives all day: the collector back at its usual pace
    code = app.exec()
    ws.close()
    return code
