"""The bundle container: the zip read with every limit (size, members, paths, compression ratio)."""

from __future__ import annotations

import io
import json
import re
import stat
import zipfile
import zlib
from typing import Any

from .format import (
    MANIFEST,
    MAX_MEMBER_BYTES,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    RATIO_FLOOR,
    BundleRefused,
    DuplicateKey,
    loads,
)

_DRIVE = re.compile(r"^[A-Za-z]:")


def refuse(name: str, message: str, code: str) -> BundleRefused:
    return BundleRefused(f"Bundel {name} ditolak: {message}", code)


def check_member_name(name: str, where: str) -> None:
    bad = None
    if "\\" in name:
        bad = "memakai garis miring terbalik"
    elif name.startswith("/") or _DRIVE.match(name):
        bad = "berupa jalur absolut"
    elif any(part in ("", ".", "..") for part in name.split("/")):
        bad = "keluar dari folder bundel atau memakai bagian jalur kosong"
    elif any(ord(ch) < 32 for ch in name):
        bad = "memuat karakter kendali"
    if bad:
        raise refuse(where, f"anggota {name!r} {bad}; yang diterima hanya nama relatif seperti 'data.json'.",
                      "unsafe_path")


def read_zip(blob: bytes, where: str) -> dict[str, bytes]:
    """Every member's bytes, after the container checks. Raises BundleRefused."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(blob))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise refuse(where, f"berkas ini bukan arsip zip yang utuh ({exc}).", "not_zip") from exc
    if len(infos) > MAX_MEMBERS:
        raise refuse(where, f"berisi {len(infos)} anggota; paling banyak {MAX_MEMBERS}.", "too_many_members")
    names: set[str] = set()
    total = 0
    for info in infos:
        check_member_name(info.filename, where)
        if info.filename in names:
            raise refuse(where, f"anggota {info.filename!r} muncul dua kali.", "duplicate_member")
        names.add(info.filename)
        if info.is_dir() or stat.S_ISLNK(info.external_attr >> 16):
            raise refuse(where, f"anggota {info.filename!r} adalah folder atau tautan; diharapkan berkas biasa.",
                          "unsafe_path")
        if info.flag_bits & 0x1:
            raise refuse(where, f"anggota {info.filename!r} terenkripsi.", "not_zip")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(where, f"anggota {info.filename!r} memakai kompresi yang tidak didukung "
                          f"({info.compress_type}); diharapkan deflate atau tanpa kompresi.", "not_zip")
        if info.file_size > MAX_MEMBER_BYTES:
            raise refuse(where, f"anggota {info.filename!r} berukuran {info.file_size} bita setelah dibuka; "
                          f"paling besar {MAX_MEMBER_BYTES} bita.", "bomb")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise refuse(where, f"anggota {info.filename!r} mengembang {info.file_size} bita dari "
                          f"{info.compress_size} bita (rasio di atas {MAX_RATIO}); diduga bom zip.", "bomb")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise refuse(where, f"total isi setelah dibuka melebihi {MAX_TOTAL_BYTES} bita.", "bomb")
    out: dict[str, bytes] = {}
    for info in infos:
        try:
            with zf.open(info) as fh:
                content = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError,
                NotImplementedError) as exc:
            raise refuse(where, f"anggota {info.filename!r} rusak dan tidak dapat dibuka ({exc}).", "bad_hash") from exc
        if len(content) != info.file_size:
            raise refuse(where, f"anggota {info.filename!r} berisi {len(content)} bita, padahal tercatat "
                          f"{info.file_size} bita.", "bad_size")
        out[info.filename] = content
    return out


def parse_json(raw: bytes, what: str, where: str) -> Any:
    code = "bad_manifest" if what == MANIFEST else "bad_data"
    try:
        return loads(raw)
    except DuplicateKey as exc:
        raise refuse(where, f"{what} bukan JSON yang sah: kunci {exc.args[0]!r} muncul dua kali dalam satu objek; "
                      "setiap kunci hanya boleh muncul sekali.", code) from exc
    except UnicodeDecodeError as exc:
        raise refuse(where, f"{what} bukan teks UTF-8 yang sah (bita ke-{exc.start + 1} tidak dapat dibaca).",
                      code) from exc
    except json.JSONDecodeError as exc:
        raise refuse(where, f"{what} bukan JSON yang sah: rusak di baris {exc.lineno} kolom {exc.colno}.",
                      code) from exc
    except RecursionError as exc:
        raise refuse(where, f"{what} bukan JSON yang sah: susunan bersarang terlalu dalam.", code) from exc
    except ValueError as exc:  # NaN/Infinity (format.loads gives an Indonesian text)
        raise refuse(where, f"{what} bukan JSON yang sah: {exc}.", code) from exc
