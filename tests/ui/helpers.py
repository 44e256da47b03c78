"""Helpers for the window tests: answer the next dialog by keyboard, as a clerk does."""


def when_dialog_opens(qtbot, act, kind=None):
    """Run ``act(dialog)`` as soon as the next modal dialog (of class ``kind``, if given) is up."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll():
        dlg = QApplication.activeModalWidget()
        if dlg is None or (kind is not None and not isinstance(dlg, kind)):
            QTimer.singleShot(20, poll)
            return
        QTimer.singleShot(50, lambda: act(dlg))  # let the dialog settle (a file dialog lists its folder)

    QTimer.singleShot(0, poll)


def type_into_dialog(qtbot, text, key=None, modifier=None, seen=None):
    """When the next modal dialog opens: type ``text`` where its focus is, then press ``key`` (Enter),
    with ``modifier`` (e.g. Ctrl for Ctrl+Enter in a text area). ``seen``: a list the dialog is added to."""
    from PySide6.QtCore import Qt

    def act(dlg):
        if seen is not None:
            seen.append(dlg)
        target = dlg.focusWidget() or dlg
        if text:
            qtbot.keyClicks(target, text)
        qtbot.keyClick(target, key if key is not None else Qt.Key.Key_Return,
                       modifier if modifier is not None else Qt.KeyboardModifier.NoModifier)

    when_dialog_opens(qtbot, act)
