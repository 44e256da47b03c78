"""Schema migrations for this capability, registered on the shared migration set (see store.py)."""

from .store import migrations  # noqa: F401
