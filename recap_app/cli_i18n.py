"""Indonesian for click's own messages (usage errors, help headings).

click marks its texts with gettext (``_`` and ``ngettext`` bound in each of its modules) but
ships no Indonesian catalogue. :func:`install` points those names at this catalogue; a text
it does not hold stays as click wrote it. Set RECAP_LANG=en for click's English.
"""

from __future__ import annotations

import os
import re

ID = {
    "Usage:": "Cara pakai:",
    "Options": "Pilihan",
    "Commands": "Perintah",
    "Positional arguments": "Argumen",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Error: {message}": "Galat: {message}",
    "Try '{command} {option}' for help.": "Lihat '{command} {option}' untuk bantuan.",
    "Missing command.": "Perintah belum disebut.",
    "No such command {name!r}.": "Perintah {name!r} tidak ada.",
    "No such option {name!r}.": "Pilihan {name!r} tidak ada untuk perintah ini.",
    "Option {name!r} does not take a value.": "Pilihan {name!r} tidak memakai nilai.",
    "Missing argument": "Argumen belum diisi",
    "Missing option": "Pilihan wajib belum diisi",
    "Missing parameter": "Parameter belum diisi",
    "Missing parameter: {param_name}": "Parameter belum diisi: {param_name}",
    "Missing {param_type}": "{param_type} belum diisi",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Choose from:\n\t{choices}": "Pilih salah satu:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder, bukan berkas.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas, bukan folder.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulis.",
    "Could not open file {filename!r}: {message}": "Berkas {filename!r} tidak dapat dibuka: {message}",
    "file": "berkas",
    "directory": "folder",
    "path": "jalur",
    "Aborted!": "Dibatalkan.",
    "Do you want to continue?": "Lanjutkan?",
    "Repeat for confirmation": "Ulangi untuk konfirmasi",
    "Error: The two entered values do not match.": "Galat: kedua isian tidak sama.",
    "Error: invalid input": "Galat: isian tidak sah",
    "default: {default}": "bawaan: {default}",
    "env var: {var}": "variabel lingkungan: {var}",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "required": "wajib",
    # the usage line's placeholders (click writes them without gettext: given to each command, cli.py)
    "[OPTIONS]": "[PILIHAN]",
    "COMMAND [ARGS]...": "PERINTAH [ARGUMEN]...",
}


#: the placeholders click writes for values (a type's name, an argument's name), in Indonesian
METAVARS = {"FILE": "BERKAS", "FILES": "BERKAS", "FILENAME": "BERKAS", "TEXT": "TEKS", "INTEGER": "BILANGAN",
            "FLOAT": "DESIMAL", "PATH": "JALUR", "DIRECTORY": "FOLDER", "NAME": "NAMA", "KEY": "KUNCI",
            "REASON": "ALASAN", "ITEMS": "ISIAN", "BERKAS": "BERKAS", "JALUR": "JALUR"}

_WORD = re.compile(r"\b[A-Z][A-Z_]*\b")


def metavar(shown: str) -> str:
    """A value placeholder as click wrote it ("FILE", "[FILE]", "FILES...", "INTEGER") in the command
    line's language ("BERKAS", "[BERKAS]", "BERKAS...", "BILANGAN"); choices and unknown words stay."""
    if os.environ.get("RECAP_LANG", "id").lower().startswith("en"):
        return shown
    return _WORD.sub(lambda m: METAVARS.get(m.group(0), m.group(0)), shown)


def text(message: str) -> str:
    """``message`` in the command line's language: Indonesian unless RECAP_LANG=en."""
    if os.environ.get("RECAP_LANG", "id").lower().startswith("en"):
        return message
    return ID.get(message, message)

ID_PLURAL = {
    "Got unexpected extra argument ({args})": "Argumen berlebih yang tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Argumen berlebih yang tidak dikenal ({args})",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "Option {name!r} requires an argument.": "Pilihan {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Pilihan {name!r} memerlukan {nargs} nilai.",
    "Did you mean {possibility}?": "Maksudnya {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksudnya salah satu dari: {possibilities}?)",
    "Takes {nargs} values but 1 was given.": "Memerlukan {nargs} nilai, tetapi hanya 1 diberikan.",
    "Takes {nargs} values but {len} were given.": "Memerlukan {nargs} nilai, tetapi {len} diberikan.",
}


def gettext_id(message: str) -> str:
    """Indonesian for a click message, or the message itself."""
    return ID.get(message, message)


def ngettext_id(singular: str, plural: str, n: int) -> str:
    """Indonesian for a click message with a count, or click's own choice."""
    chosen = singular if n == 1 else plural
    return ID_PLURAL.get(chosen, chosen)


def install() -> None:
    """Route click's messages through the Indonesian catalogue (unless RECAP_LANG=en)."""
    if os.environ.get("RECAP_LANG", "id").lower().startswith("en"):
        return
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.termui
    import click.types
    import click.utils

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser,
                   click.termui, click.types, click.utils):
        if hasattr(module, "_"):
            module._ = gettext_id
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext_id
