"""`recap tps import`: a polling-station (TPS) source file read, checked and stored (docs/tps-data.md).

Two shapes are read, plain or gzip-compressed (``.csv``, ``.csv.gz``, ``.json``, ``.json.gz``):

- **CSV** as Situng extracts hold it: one row per TPS, columns ``kode_kecamatan``, ``kode_desa``
  (may be blank), ``desa_kelurahan``, ``no_tps`` and figure columns named by the form's field keys,
  optionally after a source prefix (``situng_paslon_1``: the source is then "situng");
  comma, semicolon or tab separated, UTF-8 with or without BOM. A figure is a non-negative
  integer; blank, or ``-1`` (the extracts' mark for a figure not typed), is blank, never zero.
- **JSON** (Sirekap-shaped): ``{"format": "recap_app.tps", "format_version": 1, "sumber": ...,
  "tps": [{"kode_kecamatan", "kode_desa", "desa_kelurahan", "no_tps", "c_hasil": {field: figure}}]}``,
  validated against resources/tps.schema.json.

A file is taken whole or not at all: the first problem refuses it with an Indonesian sentence
naming the file, the line (JSON: the path), the column, what was found and what was expected, and
nothing is written. A kecamatan code outside the workspace's region set is kept and reported
(``kecamatan_tak_dikenal``), never dropped. The set is stored by :func:`recap_app.core.tps.replace_set`
(one transaction, one audit record "tps.import"); the same content again writes nothing.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
import zlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jsonschema

from . import files, tps
from .bundle.schema import describe_error, json_path
from .bundle.schema import shown as shown_json
from .domain import MAX_FIGURE
from .election import RESOURCES, Election
from .errors import ImportRefused, os_text
from .formatting import figure as fmt
from .store import Workspace
from .text import CONTROL, INVISIBLE, shown

#: the largest file read (after decompression): a national set of ~820.000 TPS is ~50 MB of CSV
MAX_FILE_BYTES = 512 * 1024 * 1024
#: the most TPS in one file (Indonesia had ~820.000 TPS in 2019 and 2024)
MAX_TPS = 2_000_000
SCHEMA_PATH = RESOURCES / "tps.schema.json"

#: the columns that place a TPS (CSV header names; the JSON keys are the same)
ID_COLUMNS = ("kode_kecamatan", "kode_desa", "desa_kelurahan", "no_tps")
KEC = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")
DESA = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")
SOURCE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
#: the source name when neither the file nor ``--source`` names one
DEFAULT_SOURCE = "tps"
BLANKS = ("", "-1")

ACCEPTED, UNCHANGED, REFUSED = "diterima", "sama", "ditolak"


@dataclass
class Parsed:
    """A TPS file read and checked: its set, its source and format, what was read as blank."""

    data: tps.TpsData
    sumber: str
    format: str
    minus_one: int = 0


@dataclass
class TpsImportReport:
    """What happened to one TPS file (`recap tps import --format json`).

    Attributes:
        file: the file's name; berkas_sha256: SHA-256 of its bytes (as read, compressed or not).
        status: "diterima" (stored), "sama" (the source's current set already holds this content:
            nothing written) or "ditolak" (refused: nothing written); code, message: the refusal.
        sumber, format: the source ("situng") and "csv" / "json"; impor: the import number stored
            (or the current one when unchanged); mengganti: the import it replaced.
        jumlah_tps, isian: TPS count and field keys; sha256: SHA-256 of the stored content.
        kecamatan_tak_dikenal: [{"kode", "tps"}] kecamatan codes outside the region set, with their TPS count.
        angka_kosong: {field: TPS with that figure blank}; minus_satu: figures "-1" read as blank.
    """

    file: str
    berkas_sha256: str = ""
    status: str = REFUSED
    code: str | None = None
    message: str | None = None
    sumber: str | None = None
    format: str | None = None
    impor: int | None = None
    mengganti: int | None = None
    jumlah_tps: int = 0
    isian: list[str] = field(default_factory=list)
    sha256: str = ""
    kecamatan_tak_dikenal: list[dict] = field(default_factory=list)
    angka_kosong: dict[str, int] = field(default_factory=dict)
    minus_satu: int = 0

    @property
    def ok(self) -> bool:
        return self.status != REFUSED

    def to_dict(self) -> dict:
        """JSON-ready form; keys as the attributes, plus ``ok``."""
        return {"ok": self.ok, "status": self.status, "file": self.file, "berkas_sha256": self.berkas_sha256,
                "code": self.code, "message": self.message, "sumber": self.sumber, "format": self.format,
                "impor": self.impor, "mengganti": self.mengganti, "jumlah_tps": self.jumlah_tps,
                "isian": self.isian, "sha256": self.sha256, "kecamatan_tak_dikenal": self.kecamatan_tak_dikenal,
                "angka_kosong": self.angka_kosong, "minus_satu": self.minus_satu}

    def to_text(self) -> str:
        """The report as the CLI prints it (Indonesian)."""
        if not self.ok:
            return f"Berkas {self.file} DITOLAK: {self.message}"
        if self.status == UNCHANGED:
            return (f"Berkas {self.file}: isinya sama dengan data TPS sumber {self.sumber} yang tersimpan (impor "
                    f"#{self.impor}, {fmt(self.jumlah_tps)} TPS); tidak ada yang diubah.")
        lines = [f"Berkas {self.file} diterima: {fmt(self.jumlah_tps)} TPS sumber {self.sumber} disimpan sebagai impor "
                 f"#{self.impor}" + (f", menggantikan impor #{self.mengganti}." if self.mengganti else ".")
                 + " Data TPS adalah bahan pembanding, bukan hasil resmi.",
                 f"Isian: {', '.join(self.isian)}.", f"SHA-256 berkas {self.berkas_sha256}; SHA-256 isi {self.sha256}."]
        if self.angka_kosong:
            lines.append("Angka kosong (kosong bukan nol): " + ", ".join(
                f"{k} {fmt(n)} TPS" for k, n in self.angka_kosong.items())
                + (f"; {fmt(self.minus_satu)} angka -1 dibaca sebagai kosong." if self.minus_satu else "."))
        if self.kecamatan_tak_dikenal:
            n = sum(k["tps"] for k in self.kecamatan_tak_dikenal)
            first = ", ".join(f"{k['kode']} ({fmt(k['tps'])} TPS)" for k in self.kecamatan_tak_dikenal[:10])
            more = f" dan {fmt(len(self.kecamatan_tak_dikenal) - 10)} lainnya" if len(self.kecamatan_tak_dikenal) > 10 else ""
            lines.append(f"Kecamatan tidak dikenal dalam himpunan wilayah pemilihan ini: "
                         f"{fmt(len(self.kecamatan_tak_dikenal))} kecamatan, {fmt(n)} TPS (disimpan, tidak dibuang): "
                         f"{first}{more}.")
        return "\n".join(lines)


def _refuse(name: str, where: str, code: str, what: str) -> ImportRefused:
    """The refusal "Berkas <name>, <where>: <what>. Tidak ada yang disimpan." (``where``: "baris 3, kolom
    no_tps", or a JSON path "di $.tps[2].no_tps")."""
    at = f", {where}" if where and not where.startswith("di ") else (f": {where}" if where else "")
    return ImportRefused(f"Berkas {name}{at}: {what}. Tidak ada yang disimpan.", code)


# --------------------------------------------------------------------------- the file
def read_source_file(path: Path) -> bytes:
    """The bytes of a TPS file: a regular file of at most :data:`MAX_FILE_BYTES` (core/files.py).

    Raises:
        ImportRefused: "not_regular_file", "too_large"; OSError: cannot be opened or read.
    """
    try:
        return files.read_regular(path, MAX_FILE_BYTES)
    except files.NotRegular as exc:
        raise _refuse(path.name, "", "not_regular_file",
                      f"{exc.what}, bukan berkas biasa; diharapkan berkas TPS .csv, .csv.gz, .json atau .json.gz") from exc
    except files.TooLarge as exc:
        raise _too_large(path.name) from exc


def _too_large(name: str) -> ImportRefused:
    return _refuse(name, "", "too_large", f"lebih besar dari batas {fmt(MAX_FILE_BYTES)} bita")


def _text(name: str, raw: bytes) -> str:
    """The file's text: gunzipped when it is gzip (bounded), decoded as UTF-8 (BOM allowed)."""
    if raw[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(raw)) as gz:
                raw = gz.read(MAX_FILE_BYTES + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise _refuse(name, "", "unreadable", f"arsip gzip rusak atau terpotong ({exc.__class__.__name__}); "
                                                  "diharapkan berkas .gz yang utuh") from exc
        if len(raw) > MAX_FILE_BYTES:
            raise _too_large(name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise _refuse(name, f"baris {line}", "encoding",
                      f"bita ke-{exc.start + 1} ({raw[exc.start]:#04x}) bukan teks UTF-8; diharapkan UTF-8 (simpan "
                      "sebagai CSV UTF-8)") from exc


def parse(name: str, raw: bytes, election: Election, sumber: str | None = None) -> Parsed:
    """Read a TPS file's bytes (CSV or JSON, plain or gzip) into a checked :class:`Parsed`.

    Args:
        name: the file's name (messages; ``.json``/``.json.gz`` is read as JSON, anything else
            by its first character: ``{`` JSON, else CSV).
        election: the workspace's election: its forms' field keys are the figures accepted.
        sumber: the source's name (``--source``) for a file that names none; a file that names
            another is refused (code "usage").
    Raises:
        ImportRefused: with the Indonesian sentence naming file, line (JSON: path), column, what
            was found and what was expected; codes in docs/errors.md.
    """
    if sumber is not None and not SOURCE.match(sumber):
        raise ImportRefused(f"Nama sumber {sumber!r} tidak sah; diharapkan huruf kecil, angka dan garis bawah, "
                            "diawali huruf (mis. situng, sirekap).", "usage")
    text = _text(name, raw)
    stripped = text.lstrip()
    if not stripped:
        raise _refuse(name, "", "empty", "berkas kosong; diharapkan data TPS (CSV dengan baris judul, atau JSON)")
    lower = name.lower()
    if lower.endswith((".json", ".json.gz")) or (not lower.endswith((".csv", ".csv.gz")) and stripped[0] in "{["):
        return _parse_json(name, text, election, sumber)
    return _parse_csv(name, text, election, sumber)


class _Rows:
    """Collects the TPS of a file into columns, checking each TPS's place (codes, name, number)
    and that no TPS comes twice. ``at(ref, column)`` words a place for a message."""

    def __init__(self, name: str, isian: tuple[str, ...], at):
        self.name, self.at = name, at
        self.data = tps.TpsData(isian)
        self.columns = [self.data.angka.setdefault(k, []) for k in isian]
        self.codes: dict[str, str] = {}  # checked kecamatan/desa codes and names, one object each
        self.seen: dict[tuple[str, str], dict[int, int]] = {}

    def add(self, ref: int, baris: int, kec: str, desa_kode: str | None, desa: str, no: int, figures) -> None:
        kec = self.codes.get(kec) or self._code(ref, "kode_kecamatan", kec, KEC, "kode kecamatan seperti 33.01.02")
        if desa_kode is not None:
            desa_kode = self.codes.get(desa_kode) or self._code(ref, "kode_desa", desa_kode, DESA,
                                                                "kode desa seperti 33.01.02.2001, atau kosong")
            if not desa_kode.startswith(kec + "."):
                raise _refuse(self.name, self.at(ref, "kode_desa"), "bad_code",
                              f"kode desa {desa_kode} bukan desa kecamatan {kec}; diharapkan kode yang diawali {kec}")
        desa = self.codes.get(desa) or self._name(ref, desa)
        if desa_kode is None and not desa:
            raise _refuse(self.name, self.at(ref, "desa_kelurahan"), "bad_code",
                          "kode_desa dan desa_kelurahan keduanya kosong; diharapkan kode desa atau nama desa")
        earlier = self.seen.setdefault((kec, desa_kode or "nama:" + desa.upper()), {}).setdefault(no, ref)
        if earlier != ref:
            raise _refuse(self.name, self.at(ref, "no_tps"), "duplicate_tps",
                          f"TPS {no} desa {shown(desa or desa_kode)} kecamatan {kec} sudah ada sebelumnya "
                          f"({self.at(earlier, '')}); diharapkan setiap TPS sekali")
        d = self.data
        d.baris.append(baris)
        d.kode_kecamatan.append(kec)
        d.kode_desa.append(desa_kode)
        d.desa.append(desa)
        d.no_tps.append(no)
        for col, v in zip(self.columns, figures, strict=True):
            col.append(v)
        if len(d.baris) > MAX_TPS:
            raise _refuse(self.name, "", "too_large",
                          f"lebih dari {fmt(MAX_TPS)} TPS; diharapkan paling banyak satu pemilihan nasional")

    def _code(self, ref: int, column: str, value: str, pattern: re.Pattern, expected: str) -> str:
        if not pattern.match(value):
            raise _refuse(self.name, self.at(ref, column), "bad_code",
                          f"ditemukan {shown_json(value)}; diharapkan {expected}")
        return self.codes.setdefault(value, value)

    def _name(self, ref: int, value: str) -> str:
        m = CONTROL.search(value) or INVISIBLE.search(value)
        if m or len(value) > 200:
            found = f"karakter kendali U+{ord(m.group()):04X}" if m else f"nama sepanjang {len(value)} karakter"
            raise _refuse(self.name, self.at(ref, "desa_kelurahan"), "control_character" if m else "too_long",
                          f"ditemukan {found}; diharapkan nama desa biasa (paling banyak 200 karakter)")
        return self.codes.setdefault(value, value)


# --------------------------------------------------------------------------- CSV
def _header(name: str, header: list[str], keys: tuple[str, ...], sumber: str | None):
    """The header's columns: ({id column: index}, [(index, field key)] in form order, source or None).

    Raises ImportRefused "bad_header" (a required column missing, an unknown or doubled column,
    no figure column, two source prefixes) or "usage" (another source than ``--source``)."""
    known = set(keys)
    ids: dict[str, int] = {}
    figures: dict[str, tuple[int, str]] = {}
    prefixes: set[str] = set()
    for i, raw in enumerate(header):
        h = raw.strip().lower()
        where = f"baris 1, kolom {i + 1} ({shown_json(raw.strip())})"
        key, prefix = h, None
        if h not in ID_COLUMNS and h not in known:
            cut = next((j for j in range(1, len(h)) if h[j] == "_" and h[j + 1:] in known), None)
            if cut is None:
                raise _refuse(name, where, "bad_header",
                              "kolom tidak dikenal; diharapkan kode_kecamatan, kode_desa, desa_kelurahan, no_tps dan "
                              "isian formulir pemilihan ini (mis. dpt_l, paslon_1, suara_sah), boleh dengan awalan "
                              "sumber (situng_paslon_1)")
            key, prefix = h[cut + 1:], h[:cut]
            prefixes.add(prefix)
        if key in ids or key in figures:
            first = ids[key] if key in ids else figures[key][0]
            raise _refuse(name, where, "bad_header",
                          f"kolom {key} sudah ada di kolom {first + 1}; diharapkan setiap kolom sekali")
        if key in ID_COLUMNS:
            ids[key] = i
        else:
            figures[key] = (i, key)
    for need in ("kode_kecamatan", "no_tps"):
        if need not in ids:
            raise _refuse(name, "baris 1", "bad_header",
                          f"kolom {need} tidak ada; diharapkan baris judul dengan kode_kecamatan, kode_desa, "
                          "desa_kelurahan, no_tps dan kolom angka")
    if not figures:
        raise _refuse(name, "baris 1", "bad_header",
                      "tidak ada kolom angka; diharapkan isian formulir (mis. paslon_1, suara_sah)")
    if len(prefixes) > 1:
        raise _refuse(name, "baris 1", "bad_header",
                      f"kolom angka dari beberapa sumber ({', '.join(sorted(prefixes))}); diharapkan satu sumber per "
                      "berkas")
    found = next(iter(prefixes), None)
    if found is not None and not SOURCE.match(found):
        raise _refuse(name, "baris 1", "bad_header",
                      f"awalan sumber {shown_json(found)} tidak sah; diharapkan huruf kecil, angka dan garis bawah, "
                      "diawali huruf")
    if found is not None and sumber is not None and found != sumber:
        raise ImportRefused(f"Berkas {name} berisi angka sumber {found} (awalan kolom {found}_), bukan {sumber}; "
                            "jalankan lagi tanpa --source atau dengan --source " + found + ". Tidak ada yang disimpan.",
                            "usage")
    order = {k: n for n, k in enumerate(keys)}
    return ids, sorted(figures.values(), key=lambda t: order[t[1]]), found


def _parse_csv(name: str, text: str, election: Election, sumber: str | None) -> Parsed:
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
        ids, figures, found = _header(name, header, election.all_field_keys, sumber)
        isian = tuple(k for _i, k in figures)
        header_names = [h.strip() for h in header]
        rows = _Rows(name, isian, lambda line, col: f"baris {line}" + (f", kolom {col}" if col else ""))
        width = len(header)
        ik, it = ids["kode_kecamatan"], ids["no_tps"]
        idk, idn = ids.get("kode_desa"), ids.get("desa_kelurahan")
        cols = [i for i, _k in figures]
        conv: dict[str, int | None] = {b: None for b in BLANKS}
        minus = 0
        for row in reader:
            line = reader.line_num
            if len(row) != width:
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                raise _refuse(name, f"baris {line}", "bad_row",
                              f"{len(row)} kolom; diharapkan {width} kolom seperti baris judul")
            values = []
            for i in cols:
                s = row[i]
                v = conv.get(s, conv)
                if v is conv:
                    v = conv[s] = _figure(name, line, header_names[i], s)
                if v is None and s.strip() == "-1":
                    minus += 1
                values.append(v)
            no = row[it].strip()
            if not (no.isascii() and no.isdigit() and 1 <= int(no) <= 9999):
                raise _refuse(name, f"baris {line}, kolom {header_names[it]}", "bad_value",
                              f"ditemukan {shown_json(row[it])}; diharapkan nomor TPS 1 sampai 9999")
            desa_kode = row[idk].strip() if idk is not None else ""
            rows.add(line, line, row[ik].strip(), desa_kode or None, row[idn].strip() if idn is not None else "",
                     int(no), values)
    except csv.Error as exc:
        raise _refuse(name, f"baris {reader.line_num}", "not_csv",
                      f"CSV tidak dapat dibaca ({exc}); diharapkan CSV dengan tanda kutip yang berpasangan") from exc
    except StopIteration as exc:  # pragma: no cover - an empty text is refused before
        raise _refuse(name, "", "empty", "berkas kosong") from exc
    if not len(rows.data):
        raise _refuse(name, "", "empty", "hanya baris judul, tidak ada TPS; diharapkan satu baris per TPS")
    return Parsed(rows.data, found or sumber or DEFAULT_SOURCE, "csv", minus)


def _figure(name: str, line: int, column: str, s: str) -> int | None:
    t = s.strip()
    if t in BLANKS:
        return None
    if t.isdigit() and t.isascii() and int(t) <= MAX_FIGURE:
        return int(t)
    raise _refuse(name, f"baris {line}, kolom {column}", "bad_value",
                  f"ditemukan {shown_json(s)}; diharapkan bilangan bulat 0 sampai {fmt(MAX_FIGURE)} (angka saja, tanpa "
                  "titik), kosong, atau -1 untuk angka yang tidak ada")


# --------------------------------------------------------------------------- JSON
@cache
def _validators() -> tuple[jsonschema.Draft202012Validator, jsonschema.Draft202012Validator]:
    """(the document without its TPS items, one TPS item): the items are checked by hand first (fast)
    and by the schema only when the hand check doubts one, for the message."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    doc = json.loads(json.dumps(defs["document"]))
    doc["properties"]["tps"].pop("items")
    item = {**defs["tps"], "$defs": defs}
    return jsonschema.Draft202012Validator(doc), jsonschema.Draft202012Validator(item)


_ITEM_KEYS = frozenset(ID_COLUMNS + ("c_hasil",))


def _item_ok(t) -> bool:
    """A quick check, at least as strict as ``$defs/tps`` (the schema describes what it doubts)."""
    if type(t) is not dict or not t.keys() <= _ITEM_KEYS:
        return False
    kec, kode, desa, no, ch = (t.get(k) for k in ("kode_kecamatan", "kode_desa", "desa_kelurahan", "no_tps", "c_hasil"))
    return (type(kec) is str and bool(KEC.match(kec)) and (kode is None or (type(kode) is str and bool(DESA.match(kode))))
            and (desa is None or (type(desa) is str and len(desa) <= 200)) and type(no) is int and 1 <= no <= 9999
            and type(ch) is dict and 1 <= len(ch) <= 2000
            and all(v is None or (type(v) is int and 0 <= v <= MAX_FIGURE) for v in ch.values()))


def _parse_json(name: str, text: str, election: Election, sumber: str | None) -> Parsed:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        got = text[exc.pos:exc.pos + 12]
        found = f"ditemukan {shown_json(got)}" if got else "berkas berakhir di tengah dokumen"
        raise _refuse(name, f"baris {exc.lineno}, kolom {exc.colno}", "not_json",
                      f"JSON tidak dapat dibaca: {found}; diharapkan dokumen JSON yang sah (docs/tps-data.md)") from exc
    except RecursionError as exc:
        raise _refuse(name, "", "not_json",
                      "JSON bersarang terlalu dalam; diharapkan dokumen format recap_app.tps") from exc
    whole, one = _validators()
    err = next(iter(whole.iter_errors(doc)), None)
    if err is not None:
        raise _not_schema(name, describe_error(err))
    if "pemilihan" in doc and doc["pemilihan"] != election.id:
        raise _refuse(name, "di $.pemilihan", "wrong_election",
                      f"ditemukan {shown_json(doc['pemilihan'])}; diharapkan {election.id} (pemilihan ruang kerja ini)")
    if sumber is not None and doc["sumber"] != sumber:
        raise ImportRefused(f"Berkas {name} menyebut sumber {doc['sumber']} ($.sumber), bukan {sumber}; jalankan lagi "
                            f"tanpa --source atau dengan --source {doc['sumber']}. Tidak ada yang disimpan.", "usage")
    items = doc["tps"]
    keys = election.all_field_keys
    known = set(keys)
    present: set[str] = set()
    for i, t in enumerate(items):
        if not _item_ok(t):
            e = next(iter(one.iter_errors(t)), None)
            if e is not None:  # the hand check may doubt what the schema accepts; the schema decides
                raise _not_schema(name, describe_error(e, ("tps", i)))
        present.update(t["c_hasil"])
    unknown = sorted(present - known)
    if unknown:
        i = next(n for n, t in enumerate(items) if unknown[0] in t["c_hasil"])
        raise _refuse(name, f"di {json_path(['tps', i, 'c_hasil', unknown[0]])}", "unknown_field",
                      f"isian {unknown[0]!r} tidak ada dalam formulir {election.name}; diharapkan kunci isian formulir "
                      f"(mis. {', '.join(k for k in keys if k in ('dpt_l', 'paslon_1', 'suara_sah')) or keys[0]})")
    isian = tuple(k for k in keys if k in present)
    rows = _Rows(name, isian, lambda i, col: f"di {json_path(['tps', i - 1] + ([col] if col else []))}")
    for i, t in enumerate(items, 1):
        ch = t["c_hasil"]
        rows.add(i, i, t["kode_kecamatan"], t.get("kode_desa"), (t.get("desa_kelurahan") or "").strip(),
                 t["no_tps"], [ch.get(k) for k in isian])
    return Parsed(rows.data, doc["sumber"], "json")


def _not_schema(name: str, what: str) -> ImportRefused:
    return ImportRefused(f"Berkas {name} tidak sesuai skema resources/tps.schema.json — {what}. Tidak ada yang "
                         "disimpan.", "bad_tps_json")


# --------------------------------------------------------------------------- the import
def unknown_kecamatan(ws: Workspace, data: tps.TpsData) -> list[dict]:
    """[{"kode", "tps"}] the kecamatan codes of ``data`` that are not in the workspace's region set, by code."""
    known = {r.kode for r in ws.regions("kecamatan")}
    counts: dict[str, int] = {}
    for k in data.kode_kecamatan:
        if k not in known:
            counts[k] = counts.get(k, 0) + 1
    return [{"kode": k, "tps": n} for k, n in sorted(counts.items())]


def import_tps(ws: Workspace, path: str | Path, actor: str, sumber: str | None = None) -> TpsImportReport:
    """Import one TPS file as the current set of its source (`recap tps import`).

    Args:
        path: a .csv, .csv.gz, .json or .json.gz file (see the module docstring).
        actor: the acting user (permission "import").
        sumber: the source's name when the file names none (CSV without a column prefix).
    Returns:
        A :class:`TpsImportReport`: "diterima" (stored in one transaction with its audit record,
        the source's previous rows replaced, then an automatic backup), "sama" (nothing written) or
        "ditolak" (nothing written; ``code`` and ``message`` say why). Bad input never raises.
    Raises:
        NotAllowed: the actor may not import; WorkspaceError: the workspace cannot be written
            (read-only, disk full, locked) or was changed outside the program ("tampered").
    """
    from . import auth, backup

    auth.require(ws, actor, "import")
    path = Path(path)
    rep = TpsImportReport(path.name)
    try:
        raw = read_source_file(path)
        rep.berkas_sha256 = hashlib.sha256(raw).hexdigest()
        parsed = parse(path.name, raw, ws.election, sumber)
    except ImportRefused as exc:
        rep.code, rep.message = exc.code, exc.message
        return rep
    except OSError as exc:
        rep.code, rep.message = "unreadable", (f"Berkas {path.name} tidak dapat dibaca ({os_text(exc)}). "
                                               "Tidak ada yang disimpan.")
        return rep
    data = parsed.data
    rep.sumber, rep.format, rep.jumlah_tps, rep.isian = parsed.sumber, parsed.format, len(data), list(data.isian)
    rep.minus_satu = parsed.minus_one
    rep.angka_kosong = {k: n for k in data.isian if (n := data.angka[k].count(None))}
    rep.kecamatan_tak_dikenal = unknown_kecamatan(ws, data)
    texts = data.figures_texts()
    rep.sha256 = tps.content_sha256(data, texts)
    cur = tps.current(ws, parsed.sumber)
    if cur is not None and cur.content_sha256 == rep.sha256:
        rep.status, rep.impor = UNCHANGED, cur.id
        return rep
    note = {"kecamatan_tak_dikenal": len(rep.kecamatan_tak_dikenal),
            "tps_di_kecamatan_tak_dikenal": sum(k["tps"] for k in rep.kecamatan_tak_dikenal),
            "angka_kosong": rep.angka_kosong}
    info = tps.replace_set(ws, data, sumber=parsed.sumber, format=parsed.format, berkas=path.name,
                           berkas_size=len(raw), berkas_sha256=rep.berkas_sha256, actor=actor, note=note, texts=texts)
    rep.status, rep.impor, rep.mengganti = ACCEPTED, info.id, None if cur is None else cur.id
    backup.auto_backup(ws, "tps_import", actor)  # after the commit; never raises (docs/security.md)
    return rep
