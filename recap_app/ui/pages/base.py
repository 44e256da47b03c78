"""The page base shared by the pages that reload only when shown (LazyPage)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class LazyPage(QWidget):
    """A page that reloads only when shown: a refresh while hidden just marks it out of date."""

    _dirty = True

    def refresh(self) -> None:
        if self.isVisible():
            self._dirty = False
            self.reload_page()
        else:
            self._dirty = True

    def showEvent(self, event):
        if self._dirty:
            self._dirty = False
            self.reload_page()
        super().showEvent(event)

    def reload_page(self) -> None:  # pragma: no cover - overridden
        pass
