"""The program clock and the acting user's default name.

Every record the program writes takes its time from :func:`now_iso` (UTC, ISO 8601 with
seconds); ``RECAP_FIXED_CLOCK`` fixes it for reproducible tests and documents. Times are
shown and printed in the office's zone by :mod:`recap_app.core.formatting`.
"""

from __future__ import annotations

import datetime as _dt
import os


def now_iso() -> str:
    """Current UTC time, ISO 8601 with seconds (the clock every record uses)."""
    fixed = os.environ.get("RECAP_FIXED_CLOCK")
    if fixed:
        return fixed
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def default_actor() -> str:
    """The acting user's name: RECAP_USER, else the OS login name."""
    user = os.environ.get("RECAP_USER")
    if user:
        return user
    import getpass  # only when RECAP_USER is not set

    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no login name on the machine
        return "operator"
