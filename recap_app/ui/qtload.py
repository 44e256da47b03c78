"""PySide6 told quickly which modules use it.

For every module imported after it, PySide6 decides whether the module uses PySide6 (so that its
``__feature__`` switches, such as snake_case, apply to it) by reading the module's whole source
with ``inspect.getsource`` and looking for the word "PySide6" (``shibokensupport.feature``,
``_mod_uses_pyside``, PYSIDE-2029). At the window's start that is some ninety modules, Babel's
large ones tokenised too: 15-20 ms. :func:`quick_source_scan` gives PySide6 the same answer from
the file's bytes; a module without a readable ``.py`` file is asked the way PySide6 asks.
"""

from __future__ import annotations

import sys

#: the word PySide6 looks for in a module's source
WORD = b"PySide6"


def quick_source_scan() -> bool:
    """Replace PySide6's source scan with a read of the file's bytes (the same answer for a module
    whose source is a ``.py`` file in an ASCII-compatible encoding, as every one here is).

    Returns:
        True when it was replaced now; False when PySide6 is not loaded, has no such scan (another
        version), or it was replaced already. Never raises.
    """
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or not callable(upstream) or getattr(upstream, "quick", False):
        return False

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as fh:
                    return WORD in fh.read()
            except OSError:
                pass
        return upstream(module)

    uses_pyside.quick = True
    uses_pyside.upstream = upstream
    feature._mod_uses_pyside = uses_pyside
    return True
