"""Read and check a bundle without writing anything (issue 6 §3, §4).

:func:`verify_bundle` checks the container (size, member count, paths, compression ratios),
the manifest (JSON, schema, key fingerprint, Ed25519 signature), every member (listed, size,
SHA-256) and data.json (JSON, schema, consistency with the manifest, revision hashes).
:func:`check_against` then checks the bundle against a workspace: trusted key, election,
simulation flag, tier and region codes, field keys. Both raise :class:`BundleRefused` with
a stable code and an Indonesian sentence naming what was found and what was expected.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .. import formatting
from ..domain import JUMLAH
from ..election import RESOURCES
from ..store import Workspace, values_sha256
from . import keys
from .format import (
    DATA,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MAX_BUNDLE_BYTES,
    MAX_FIGURE,
    MAX_MANIFEST_BYTES,
    MAX_MEMBER_BYTES,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    RATIO_FLOOR,
    SIGNATURE,
    SIGNATURE_BYTES,
    SOURCES_DIR,
    BundleRefused,
    DuplicateKey,
    loads,
)

SCHEMA_PATH = RESOURCES / "bundle.schema.json"
_DRIVE = re.compile(r"^[A-Za-z]:")


_FIELD_KEY = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_COLUMN = re.compile(r"^([0-9]{2}(\.[0-9]{1,4}){0,3}|JUMLAH)$")


def load_schema() -> dict:
    """The published JSON Schema (resources/bundle.schema.json)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _inline(node: Any, defs: dict) -> Any:
    """The schema with every local ``$ref`` replaced by its definition (the schema has no cycles)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline(defs[ref[len("#/$defs/"):]], defs)
        return {k: _inline(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


@cache
def _validator(definition: str, fast: bool = True) -> jsonschema.Draft202012Validator:
    schema = load_schema()
    if not fast:
        return jsonschema.Draft202012Validator({**schema, "$ref": f"#/$defs/{definition}"})
    # Same constraints, 4x faster: references inlined; the figure maps ($defs/values, ~25,000
    # cells for a province) are checked by values_errors() and the findings/objections items
    # (objects) by schema_errors() itself.
    defs = schema["$defs"]
    defs["values"] = {"type": "object", "maxProperties": defs["values"]["maxProperties"]}
    for key in ("findings", "objections"):
        defs["data"]["properties"][key] = {k: v for k, v in defs["data"]["properties"][key].items() if k != "items"}
    return jsonschema.Draft202012Validator(_inline(defs[definition], defs))


_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: JSON Schema type names in Indonesian
_TYPES = {"object": "objek", "array": "daftar (array)", "string": "teks", "integer": "bilangan bulat",
          "number": "bilangan", "boolean": "true/false", "null": "null"}


def json_path(parts: Any) -> str:
    """A JSON path such as ``$.certificates[0].values['33.01']`` for a sequence of keys/indexes."""
    out = "$"
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        elif _IDENT.match(str(p)):
            out += f".{p}"
        else:
            out += f"[{json.dumps(str(p), ensure_ascii=False)}]"
    return out


def _shown(value: Any) -> str:
    """A short rendering of a JSON value for a message (at most ~60 characters)."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True)
    return text if len(text) <= 60 else text[:57] + "…"


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "bilangan bulat"
    if isinstance(value, float):
        return "bilangan pecahan"
    if isinstance(value, str):
        return "teks"
    if isinstance(value, list):
        return "daftar (array)"
    return "objek"


def _expected_type(t: Any) -> str:
    names = [t] if isinstance(t, str) else list(t)
    return " atau ".join(_TYPES.get(n, n) for n in names)


def describe_error(e: jsonschema.ValidationError, prefix: tuple = ()) -> str:
    """One schema violation in Indonesian: "di <JSON path>: <what was found>; diharapkan <what>".

    Covers required, type, minimum/maximum, minLength/maxLength, pattern, enum/const,
    additionalProperties, minItems/maxItems/uniqueItems, maxProperties; anything else gets a
    generic sentence with the path (jsonschema's own English text is never shown). ``prefix``
    is the path of the validated part inside the whole document.
    """
    v, inst, want = e.validator, e.instance, e.validator_value
    where = f"di {json_path([*prefix, *e.absolute_path])}"
    if v == "required":
        missing = [k for k in want if isinstance(inst, dict) and k not in inst]
        return f"{where}: kunci wajib {', '.join(repr(k) for k in missing)} tidak ada"
    if v == "type":
        return f"{where}: ditemukan {_kind(inst)} {_shown(inst)}; diharapkan {_expected_type(want)}"
    if v in ("minimum", "exclusiveMinimum"):
        return f"{where}: nilai {_shown(inst)} terlalu kecil; diharapkan paling kecil {want}" + (
            " (tidak termasuk)" if v == "exclusiveMinimum" else "")
    if v in ("maximum", "exclusiveMaximum"):
        return f"{where}: nilai {_shown(inst)} terlalu besar; diharapkan paling besar {want}" + (
            " (tidak termasuk)" if v == "exclusiveMaximum" else "")
    if v == "minLength":
        return (f"{where}: teks {_shown(inst)} terlalu pendek ({len(inst)} karakter); diharapkan paling sedikit "
                f"{want} karakter")
    if v == "maxLength":
        return (f"{where}: teks sepanjang {len(inst)} karakter terlalu panjang; diharapkan paling banyak "
                f"{want} karakter")
    if v == "pattern":
        return f"{where}: teks {_shown(inst)} tidak berbentuk yang diharapkan (pola {want})"
    if v == "enum":
        return (f"{where}: nilai {_shown(inst)} tidak dikenal; diharapkan salah satu dari "
                f"{', '.join(_shown(x) for x in want)}")
    if v == "const":
        return f"{where}: nilai {_shown(inst)}; diharapkan tepat {_shown(want)}"
    if v == "additionalProperties" and isinstance(inst, dict):
        known = set(e.schema.get("properties", {}))
        extra = sorted(k for k in inst if k not in known)
        allowed = ", ".join(sorted(known)) or "(tidak ada)"
        return (f"{where}: kunci tak dikenal {', '.join(repr(k) for k in extra)}; kunci yang diperbolehkan: "
                f"{allowed}")
    if v == "minItems":
        return f"{where}: daftar berisi {len(inst)} butir; diharapkan paling sedikit {want}"
    if v == "maxItems":
        return f"{where}: daftar berisi {len(inst)} butir; diharapkan paling banyak {want}"
    if v == "uniqueItems":
        return f"{where}: daftar memuat butir yang sama lebih dari sekali; diharapkan setiap butir berbeda"
    if v == "maxProperties":
        return f"{where}: objek berisi {len(inst)} kunci; diharapkan paling banyak {want}"
    return f"{where}: nilai {_shown(inst)} tidak sesuai bentuk yang diharapkan skema (aturan {v})"


def values_errors(values: dict, where: list) -> list[str]:
    """Violations of ``$defs/values`` (column codes, field keys, figures 0..MAX_FIGURE or null),
    as Indonesian lines like those of :func:`describe_error`; ``where`` is the path to ``values``."""
    out = []
    for col, fields in values.items():
        at = json_path([*where, col])
        if not _COLUMN.match(col) or len(col) > 32:
            out.append(f"di {json_path(where)}: kode kolom {_shown(col)} tidak sah; diharapkan kode wilayah "
                       f"seperti \"33.01\" atau {JUMLAH}")
        elif not isinstance(fields, dict) or len(fields) > 500:
            out.append(f"di {at}: ditemukan {_kind(fields)}; diharapkan objek isian (paling banyak 500 kunci)")
        else:
            for k, v in fields.items():
                if not _FIELD_KEY.match(k):
                    out.append(f"di {at}: kunci isian {_shown(k)} tidak sah; diharapkan huruf kecil, angka dan "
                               "garis bawah, diawali huruf")
                elif v is not None and (type(v) is not int or not 0 <= v <= MAX_FIGURE):
                    out.append(f"di {json_path([*where, col, k])}: ditemukan {_shown(v)}; diharapkan bilangan "
                               f"bulat 0 sampai {formatting.number(MAX_FIGURE)} atau null (kosong)")
        if len(out) >= 5:
            break
    return out[:5]


_KODE = re.compile(r"^[0-9]{2}(\.[0-9]{1,4}){0,3}$")
_RULE_CODE = re.compile(r"^[A-Z]\.[0-9]{1,4}$")


def _text(v: Any, most: int, least: int = 0) -> bool:
    return isinstance(v, str) and least <= len(v) <= most


def _signoff(v: Any, text_key: str) -> bool:
    return v is None or (isinstance(v, dict) and _text(v.get(text_key), 5000) and _text(v.get("by"), 500)
                         and _text(v.get("at"), 40, 10))


def _finding_ok(f: Any) -> bool:
    """A quick check, at least as strict as ``$defs/finding`` and ~50x faster than jsonschema
    for a province's ~1,200 findings; a finding it doubts is checked by the schema itself."""
    return (isinstance(f, dict) and _text(f.get("key"), 300, 1) and isinstance(f.get("code"), str)
            and bool(_RULE_CODE.match(f["code"])) and f.get("severity") in ("error", "warning")
            and _text(f.get("region"), 32) and bool(_KODE.match(f["region"])) and _text(f.get("column"), 32)
            and isinstance(f.get("columns"), list) and len(f["columns"]) <= 5000
            and all(_text(c, 32) for c in f["columns"]) and _text(f.get("field"), 64)
            and all(k in f and (f[k] is None or type(f[k]) is int) for k in ("expected", "actual"))
            and _text(f.get("message"), 5000) and "explanation" in f and "override" in f
            and _signoff(f["explanation"], "text") and _signoff(f["override"], "reason"))


def finding_errors(findings: list) -> list[str]:
    """Violations of ``$defs/finding`` by the items of data.json ``findings``, plus a ``key``
    that is not "code|region|column|field" (explanations are matched by key); at most 5."""
    out: list[str] = []
    check = _validator("finding")
    for i, f in enumerate(findings):
        before = len(out)
        for e in () if _finding_ok(f) else check.iter_errors(f):
            line = describe_error(e, ("findings", i))
            if line not in out:
                out.append(line)
        if len(out) == before and f["key"] != f"{f['code']}|{f['region']}|{f['column']}|{f['field']}":
            out.append(f"di {json_path(['findings', i, 'key'])}: kunci temuan {_shown(f['key'])}; diharapkan "
                       f"{_shown(f['code'] + '|' + f['region'] + '|' + f['column'] + '|' + f['field'])} "
                       "(kode|wilayah|kolom|isian)")
        if len(out) >= 5:
            break
    return out[:5]


def schema_errors(doc: Any, definition: str, fast: bool = True) -> list[str]:
    """Schema violations of ``doc`` against ``$defs/<definition>`` ("manifest" or "data"), as
    Indonesian lines "di <JSON path>: <found>; diharapkan <expected>" (:func:`describe_error`),
    at most 5. ``fast`` checks the figure maps by hand (:func:`values_errors`); ``fast=False``
    uses the published schema alone."""
    out: list[str] = []
    for e in _validator(definition, fast).iter_errors(doc):
        line = describe_error(e)
        if line not in out:
            out.append(line)
        if len(out) >= 5:
            break
    if fast and not out and definition == "data":
        bad = next((i for i, item in enumerate(doc["objections"] or []) if not isinstance(item, dict)), None)
        if bad is not None:
            item = doc["objections"][bad]
            out.append(f"di {json_path(['objections', bad])}: ditemukan {_kind(item)} {_shown(item)}; "
                       "diharapkan objek")
        out += finding_errors(doc["findings"] or [])
        for i, c in enumerate(doc["certificates"]):
            for j, r in enumerate(c["revisions"]):
                out += values_errors(r["values"], ["certificates", i, "revisions", j, "values"])
        if doc["result"] is not None:
            out += values_errors(doc["result"]["values"], ["result", "values"])
    return out[:5]


#: every control character (Unicode category Cc: C0, DEL, C1)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: the same, but newline and tab allowed (free text: reasons, explanations, objections)
_CONTROL_FREE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _is_free_text(path: tuple) -> bool:
    """Free-text places where newline and tab are allowed: a revision's ``reason``, any text
    inside a finding or an objection (messages, explanations, override reasons), and an audit
    record's ``before``/``after`` (JSON texts)."""
    if not path:
        return False
    if path[0] in ("findings", "objections"):
        return True
    if path[0] == "certificates":
        return path[-1] == "reason"
    return path[0] == "audit" and path[-1] in ("before", "after")


def control_errors(doc: Any) -> list[str]:
    """Texts (and object keys) holding control characters, as Indonesian lines naming the JSON
    path and the character; at most 5. NUL, ESC, CR, DEL and the rest are refused everywhere
    (they corrupt screens, printed documents and exports); newline and tab are allowed only in
    free text (:func:`_is_free_text`)."""
    out: list[str] = []
    stack: list[tuple[tuple, Any]] = [((), doc)]
    while stack and len(out) < 5:
        path, node = stack.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                if _CONTROL.search(k):
                    out.append(f"di {json_path(path)}: nama kunci {_shown(k)} memuat karakter kendali "
                               f"U+{ord(_CONTROL.search(k).group()):04X}; diharapkan teks biasa")
                if isinstance(v, (dict, list, str)):
                    stack.append(((*path, k), v))
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in enumerate(node) if isinstance(v, (dict, list, str)))
        else:
            m = (_CONTROL_FREE if _is_free_text(path) else _CONTROL).search(node)
            if m:
                allowed = " (di teks bebas hanya baris baru dan tab yang boleh)" if _is_free_text(path) else ""
                out.append(f"di {json_path(path)}: teks memuat karakter kendali U+{ord(m.group()):04X}; "
                           f"diharapkan teks biasa tanpa karakter kendali{allowed}")
    return out


@dataclass
class VerifiedBundle:
    """A bundle whose signature, members and schema were all checked.

    Attributes:
        path: the file read (None when checked from bytes).
        file_sha256: SHA-256 of the whole file.
        manifest: the parsed manifest; manifest_sha256: SHA-256 of its signed bytes (the
            bundle's identity for "already imported").
        data: the parsed data.json; sources: {sha256: bytes} of carried source files.
        public_key: the sender's key (its fingerprint matches the manifest).
    """

    path: Path | None
    file_sha256: str
    manifest: dict
    manifest_sha256: str
    data: dict
    public_key: Ed25519PublicKey
    sources: dict[str, bytes] = field(default_factory=dict)

    @property
    def sender(self) -> dict:
        return self.manifest["sender"]

    @property
    def fingerprint(self) -> str:
        return self.manifest["sender"]["fingerprint"]

    @property
    def sequence(self) -> int:
        return self.manifest["sequence"]

    @property
    def base_sequence(self) -> int:
        return self.manifest["base_sequence"]

    def describe(self) -> list[str]:
        """Indonesian lines: who sent it and what it holds (for `recap bundle verify`)."""
        m, s, c = self.manifest, self.manifest["sender"], self.manifest["contents"]
        findings = self.data["findings"]
        lines = [
            f"Pengirim: {s['office_name']} (kode {s['office_code']}, tingkat {s['tier']})",
            f"Sidik kunci: {keys.grouped(s['fingerprint'])}",
            f"Pemilihan: {m['election_name']} ({m['election_id']})" + (" — SIMULASI" if m["simulation"] else ""),
            f"Nomor urut bundel: {m['sequence']} (dibangun di atas {m['base_sequence']}"
            + (", lengkap)" if m["base_sequence"] == 0 else ")"),
            f"Dibuat: {m['created_at']} dengan recap_app {m['program_version']}",
            f"Isi: {c['certificates']} sertifikat, {c['revisions']} revisi, {c['audit']} catatan audit, "
            f"{c['sources']} berkas sumber" + (", hasil rekap kantor pengirim" if c["result"] else ""),
            "Temuan: " + ("tidak disertakan" if findings is None else f"{len(findings)}"),
            f"SHA-256 manifest: {self.manifest_sha256}",
        ]
        return lines


def _refuse(name: str, message: str, code: str) -> BundleRefused:
    return BundleRefused(f"Bundel {name} ditolak: {message}", code)


def _check_member_name(name: str, where: str) -> None:
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
        raise _refuse(where, f"anggota {name!r} {bad}; yang diterima hanya nama relatif seperti 'data.json'.",
                      "unsafe_path")


def _read_zip(blob: bytes, where: str) -> dict[str, bytes]:
    """Every member's bytes, after the container checks. Raises BundleRefused."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(blob))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise _refuse(where, f"berkas ini bukan arsip zip yang utuh ({exc}).", "not_zip") from exc
    if len(infos) > MAX_MEMBERS:
        raise _refuse(where, f"berisi {len(infos)} anggota; paling banyak {MAX_MEMBERS}.", "too_many_members")
    names: set[str] = set()
    total = 0
    for info in infos:
        _check_member_name(info.filename, where)
        if info.filename in names:
            raise _refuse(where, f"anggota {info.filename!r} muncul dua kali.", "duplicate_member")
        names.add(info.filename)
        if info.is_dir() or stat.S_ISLNK(info.external_attr >> 16):
            raise _refuse(where, f"anggota {info.filename!r} adalah folder atau tautan; diharapkan berkas biasa.",
                          "unsafe_path")
        if info.flag_bits & 0x1:
            raise _refuse(where, f"anggota {info.filename!r} terenkripsi.", "not_zip")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(where, f"anggota {info.filename!r} memakai kompresi yang tidak didukung "
                          f"({info.compress_type}); diharapkan deflate atau tanpa kompresi.", "not_zip")
        if info.file_size > MAX_MEMBER_BYTES:
            raise _refuse(where, f"anggota {info.filename!r} berukuran {info.file_size} bita setelah dibuka; "
                          f"paling besar {MAX_MEMBER_BYTES} bita.", "bomb")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(where, f"anggota {info.filename!r} mengembang {info.file_size} bita dari "
                          f"{info.compress_size} bita (rasio di atas {MAX_RATIO}); diduga bom zip.", "bomb")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _refuse(where, f"total isi setelah dibuka melebihi {MAX_TOTAL_BYTES} bita.", "bomb")
    out: dict[str, bytes] = {}
    for info in infos:
        try:
            with zf.open(info) as fh:
                content = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError,
                NotImplementedError) as exc:
            raise _refuse(where, f"anggota {info.filename!r} rusak dan tidak dapat dibuka ({exc}).", "bad_hash") from exc
        if len(content) != info.file_size:
            raise _refuse(where, f"anggota {info.filename!r} berisi {len(content)} bita, padahal tercatat "
                          f"{info.file_size} bita.", "bad_size")
        out[info.filename] = content
    return out


def _parse(raw: bytes, what: str, where: str) -> Any:
    code = "bad_manifest" if what == MANIFEST else "bad_data"
    try:
        return loads(raw)
    except DuplicateKey as exc:
        raise _refuse(where, f"{what} bukan JSON yang sah: kunci {exc.args[0]!r} muncul dua kali dalam satu objek; "
                      "setiap kunci hanya boleh muncul sekali.", code) from exc
    except UnicodeDecodeError as exc:
        raise _refuse(where, f"{what} bukan teks UTF-8 yang sah (bita ke-{exc.start + 1} tidak dapat dibaca).",
                      code) from exc
    except json.JSONDecodeError as exc:
        raise _refuse(where, f"{what} bukan JSON yang sah: rusak di baris {exc.lineno} kolom {exc.colno}.",
                      code) from exc
    except RecursionError as exc:
        raise _refuse(where, f"{what} bukan JSON yang sah: susunan bersarang terlalu dalam.", code) from exc
    except ValueError as exc:  # NaN/Infinity (format.loads gives an Indonesian text)
        raise _refuse(where, f"{what} bukan JSON yang sah: {exc}.", code) from exc


def verify_bytes(blob: bytes, name: str = "(bundel)", path: Path | None = None) -> VerifiedBundle:
    """Check a bundle given as bytes. See :func:`verify_bundle`."""
    if len(blob) > MAX_BUNDLE_BYTES:
        raise _refuse(name, f"berkas berukuran {len(blob)} bita; paling besar {MAX_BUNDLE_BYTES} bita.", "too_large")
    members = _read_zip(blob, name)
    for required in (MANIFEST, SIGNATURE):
        if required not in members:
            raise _refuse(name, f"anggota {required} tidak ada; setiap bundel harus memuatnya.", "missing_member")
    manifest_bytes = members[MANIFEST]
    if len(manifest_bytes) > MAX_MANIFEST_BYTES:
        raise _refuse(name, f"{MANIFEST} berukuran {len(manifest_bytes)} bita; paling besar {MAX_MANIFEST_BYTES}.",
                      "bad_manifest")
    manifest = _parse(manifest_bytes, MANIFEST, name)
    if isinstance(manifest, dict) and manifest.get("format") == FORMAT_NAME and \
            "format_version" in manifest and manifest["format_version"] != FORMAT_VERSION:
        raise _refuse(name, f"versi format {manifest.get('format_version')!r} tidak dikenal; program ini membaca "
                      f"versi {FORMAT_VERSION}. Perbarui recap_app.", "bad_format_version")
    errors = schema_errors(manifest, "manifest") or control_errors(manifest)
    if errors:
        raise _refuse(name, f"{MANIFEST} tidak sesuai skema: " + "; ".join(errors) + ".", "bad_manifest")
    sender = manifest["sender"]
    raw_key = base64.b64decode(sender["public_key"][len(keys.KEY_PREFIX):])
    public_key = keys.parse_public_key(sender["public_key"])
    if hashlib.sha256(raw_key).hexdigest() != sender["fingerprint"]:
        raise _refuse(name, "sidik kunci di manifest tidak cocok dengan kunci publiknya.", "bad_manifest")
    signature = members[SIGNATURE]
    if len(signature) != SIGNATURE_BYTES or not keys.verify_signature(public_key, signature, manifest_bytes):
        raise _refuse(name, f"tanda tangan {SIGNATURE} tidak sah untuk kunci {keys.grouped(sender['fingerprint'])[:19]}… "
                      f"({sender['office_name']}); manifest diubah atau ditandatangani kunci lain.", "bad_signature")
    listed: dict[str, dict] = {}
    for m in manifest["members"]:
        _check_member_name(m["path"], name)
        if m["path"] in listed or m["path"] in (MANIFEST, SIGNATURE):
            raise _refuse(name, f"manifest mencantumkan {m['path']!r} lebih dari sekali.", "bad_manifest")
        listed[m["path"]] = m
    present = set(members) - {MANIFEST, SIGNATURE}
    for extra in sorted(present - set(listed)):
        raise _refuse(name, f"anggota {extra!r} ada di arsip tetapi tidak tercantum di manifest.", "unlisted_member")
    for missing in sorted(set(listed) - present):
        raise _refuse(name, f"anggota {missing!r} tercantum di manifest tetapi tidak ada di arsip.", "missing_member")
    for member, m in listed.items():
        content = members[member]
        if len(content) != m["size"]:
            raise _refuse(name, f"anggota {member!r} berukuran {len(content)} bita; manifest mencatat {m['size']}.",
                          "bad_size")
        digest = hashlib.sha256(content).hexdigest()
        if digest != m["sha256"]:
            raise _refuse(name, f"SHA-256 anggota {member!r} adalah {digest[:16]}…, manifest mencatat "
                          f"{m['sha256'][:16]}…; isinya diubah.", "bad_hash")
    if DATA not in listed:
        raise _refuse(name, f"anggota {DATA} tidak ada.", "missing_member")
    data = _parse(members[DATA], DATA, name)
    errors = schema_errors(data, "data") or control_errors(data)
    if errors:
        raise _refuse(name, f"{DATA} tidak sesuai skema: " + "; ".join(errors) + ".", "bad_data")
    _check_data(manifest, data, listed, name)
    sources = {s["sha256"]: members[s["path"]] for s in data["sources"]}
    return VerifiedBundle(path, hashlib.sha256(blob).hexdigest(), manifest,
                          hashlib.sha256(manifest_bytes).hexdigest(), data, public_key, sources)


#: manifest "contents" keys in words
_CONTENT_LABELS = {"certificates": "jumlah sertifikat", "revisions": "jumlah revisi", "audit": "jumlah catatan audit",
                   "sources": "jumlah berkas sumber", "result": "hasil rekap kantor"}


def _check_data(manifest: dict, data: dict, listed: dict[str, dict], name: str) -> None:
    if data["election_id"] != manifest["election_id"]:
        raise _refuse(name, f"{DATA} untuk pemilihan {data['election_id']!r}, manifest untuk "
                      f"{manifest['election_id']!r}.", "bad_data")
    if data["sender"] != {"office_code": manifest["sender"]["office_code"], "tier": manifest["sender"]["tier"]}:
        raise _refuse(name, f"pengirim di {DATA} berbeda dengan pengirim di manifest.", "bad_data")
    source_paths = {s["path"] for s in data["sources"]}
    for s in data["sources"]:
        if s["path"] != SOURCES_DIR + s["sha256"] or s["path"] not in listed or listed[s["path"]]["sha256"] != s["sha256"]:
            raise _refuse(name, f"berkas sumber {s['name']!r} tidak cocok dengan anggota {s['path']!r}.", "bad_data")
    for path in listed:
        if path != DATA and path not in source_paths:
            raise _refuse(name, f"anggota {path!r} tidak dikenal (bukan {DATA} dan bukan berkas sumber yang tercatat).",
                          "unlisted_member")
    contents = manifest["contents"]
    counted = {"certificates": len(data["certificates"]),
               "revisions": sum(len(c["revisions"]) for c in data["certificates"]),
               "audit": len(data["audit"]), "sources": len(data["sources"]), "result": data["result"] is not None}
    if counted != contents:
        diffs = []
        for key, label in _CONTENT_LABELS.items():
            if counted[key] != contents[key]:
                if key == "result":
                    said = "ada" if contents[key] else "tidak ada"
                    found = "ada" if counted[key] else "tidak ada"
                    diffs.append(f"{label}: manifest mencatat {said}, {DATA} {found}")
                else:
                    diffs.append(f"{label}: manifest mencatat {contents[key]}, {DATA} memuat {counted[key]}")
        raise _refuse(name, f"ringkasan isi di manifest tidak cocok dengan {DATA} ({'; '.join(diffs)}).", "bad_data")
    seen = set()
    for cert in data["certificates"]:
        kode = cert["region_kode"]
        if kode in seen:
            raise _refuse(name, f"sertifikat {kode} muncul dua kali.", "bad_data")
        seen.add(kode)
        for rev in cert["revisions"]:
            _check_values(rev, f"sertifikat {kode} revisi {rev['number']}", name)
        _check_history(cert["history"], cert["revisions"], f"sertifikat {kode}", name)
    if data["result"] is not None:
        _check_values(data["result"], f"hasil kantor {data['result']['region_kode']}", name)
        _check_history(data["result"]["history"], [data["result"]], f"hasil kantor {data['result']['region_kode']}",
                       name)


def _check_history(history: list[str], revisions: list[dict], what: str, name: str) -> None:
    """The carried revisions are the newest entries of the sender's history, in order."""
    shas = [r["content_sha256"] for r in revisions]
    if shas and (len(shas) > len(history) or history[-len(shas):] != shas):
        raise _refuse(name, f"{what}: riwayat revisi tidak cocok dengan revisi yang dibawa.", "bad_data")


def _check_values(rev: dict, what: str, name: str) -> None:
    cols = rev["columns"]
    if set(rev["values"]) != set(cols):
        raise _refuse(name, f"{what}: kolom nilai tidak sama dengan daftar kolom.", "bad_data")
    if values_sha256(cols, rev["values"]) != rev["content_sha256"]:
        raise _refuse(name, f"{what}: SHA-256 isi tidak cocok dengan angka-angkanya.", "bad_hash")


def verify_bundle(path: str | Path) -> VerifiedBundle:
    """Read and check a bundle file; nothing is written anywhere.

    Returns:
        :class:`VerifiedBundle`.
    Raises:
        BundleRefused: with codes not_zip, too_large, too_many_members, unsafe_path, bomb,
            duplicate_member, missing_member, unlisted_member, bad_manifest, bad_format_version,
            bad_signature, bad_size, bad_hash, bad_data.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BUNDLE_BYTES:
            raise _refuse(path.name, f"berkas berukuran {size} bita; paling besar {MAX_BUNDLE_BYTES} bita.",
                          "too_large")
        blob = path.read_bytes()
    except OSError as exc:
        raise BundleRefused(f"Berkas bundel {path} tidak dapat dibaca: {exc.strerror or exc}.", "unreadable") from exc
    return verify_bytes(blob, path.name, path)


# --------------------------------------------------------------------- against a workspace
@dataclass(frozen=True)
class Plan:
    """How a verified bundle maps onto a workspace.

    Attributes:
        mode: "mirror" (same tier: the sender's received certificates, by region code) or
            "upstream" (the sender is one tier down: its result becomes the certificate of its
            region here).
        trusted: the key was already trusted (False: accepted now with --accept-key).
    """

    mode: str
    trusted: bool


def check_against(ws: Workspace, vb: VerifiedBundle, accept_key: bool = False) -> Plan:
    """Check a verified bundle against a workspace (no writes).

    Raises:
        BundleRefused: wrong_election, simulation_mismatch, untrusted_key, key_office_mismatch,
            wrong_tier, unknown_region, bad_data (a field key this election does not have),
            missing_jumlah (a carried certificate revision or result without its JUMLAH column).
    """
    m, s = vb.manifest, vb.sender
    name = vb.path.name if vb.path else "(bundel)"
    if m["election_id"] != ws.election.id:
        raise _refuse(name, f"bundel untuk pemilihan {m['election_id']!r}, ruang kerja ini untuk "
                      f"{ws.election.id!r}.", "wrong_election")
    if m["simulation"] != ws.simulation:
        what = "data SIMULASI" if m["simulation"] else "data resmi"
        here = "ruang kerja simulasi" if ws.simulation else "ruang kerja resmi"
        raise _refuse(name, f"bundel berisi {what} tetapi ini {here}; keduanya tidak boleh bercampur.",
                      "simulation_mismatch")
    trusted = keys.trusted_key(ws, s["fingerprint"])
    if trusted is None and not accept_key:
        raise _refuse(name, f"kunci pengirim {s['office_name']} (kode {s['office_code']}, sidik "
                      f"{keys.grouped(s['fingerprint'])}) belum dipercaya. Cocokkan sidiknya dengan kantor "
                      f"pengirim lalu jalankan: recap keys trust {s['public_key']} --office {s['office_code']} "
                      "(atau impor dengan --accept-key).", "untrusted_key")
    if trusted is not None and trusted.office_code != s["office_code"]:
        raise _refuse(name, f"kunci ini dipercaya untuk kantor {trusted.office_code}, tetapi bundel mengaku dari "
                      f"kantor {s['office_code']}.", "key_office_mismatch")
    if s["tier"] == ws.election.tier:
        mode = "mirror"
        own = ws.setting("office_code") or (ws.election.province_code if ws.election.tier == "provinsi" else None)
        if own and s["office_code"] != own:
            raise _refuse(name, f"bundel dari kantor setingkat lain ({s['office_code']}); ruang kerja ini milik "
                          f"kantor {own}.", "wrong_tier")
        regions = {r.kode for r in ws.regencies()}
        for cert in vb.data["certificates"]:
            if cert["region_kode"] not in regions:
                raise _refuse(name, f"sertifikat wilayah {cert['region_kode']} tidak ada di daftar wilayah "
                              f"pemilihan ini.", "unknown_region")
            allowed = {r.kode for r in ws.columns_of(cert["region_kode"])} | {JUMLAH}
            for rev in cert["revisions"]:
                what = f"sertifikat {_region_label(ws, cert['region_kode'])} revisi {rev['number']}"
                _check_jumlah(rev, what, name)
                _check_columns(ws, cert["region_kode"], rev, allowed, what, name)
    elif s["tier"] == ws.election.child_tier:
        mode = "upstream"
        result = vb.data["result"]
        if result is not None:
            if result["region_kode"] != s["office_code"] or ws.region(s["office_code"]) is None or \
                    ws.region(s["office_code"]).tingkat != ws.election.child_tier:
                raise _refuse(name, f"wilayah pengirim {s['office_code']} bukan {ws.election.child_tier} "
                              "dalam pemilihan ini.", "unknown_region")
            allowed = {r.kode for r in ws.columns_of(s["office_code"])} | {JUMLAH}
            what = f"hasil kantor {_region_label(ws, s['office_code'])}"
            _check_jumlah(result, what, name)
            _check_columns(ws, s["office_code"], result, allowed, what, name)
    else:
        raise _refuse(name, f"pengirim bertingkat {s['tier']}, ruang kerja ini bertingkat {ws.election.tier}; "
                      f"yang diterima hanya bundel dari tingkat {ws.election.tier} atau {ws.election.child_tier}.",
                      "wrong_tier")
    return Plan(mode, trusted is not None)


def _region_label(ws: Workspace, kode: str) -> str:
    """ "33.05 (KAB. KEBUMEN)" when the region is known here, else the bare code."""
    region = ws.region(kode)
    return f"{kode} ({region.nama})" if region is not None else kode


def _check_jumlah(rev: dict, what: str, name: str) -> None:
    """A received certificate must carry its submitted JUMLAH column (DOMAIN.md: the province
    total is the sum of the regencies' JUMLAH columns; without it the total silently drops)."""
    if JUMLAH not in rev["columns"]:
        raise _refuse(name, f"{what} tidak memuat kolom {JUMLAH}; setiap sertifikat yang diterima harus membawa "
                      f"kolom {JUMLAH} yang diserahkan wilayah itu. Minta kantor pengirim membuat ulang bundelnya.",
                      "missing_jumlah")


def _check_columns(ws: Workspace, kode: str, rev: dict, allowed: set[str], what: str, name: str) -> None:
    keys_ = set(ws.election.form_of_region(kode).field_keys)
    for col in rev["columns"]:
        if col not in allowed:
            raise _refuse(name, f"{what}: kolom {col} bukan wilayah bawahan yang dikenal.", "unknown_region")
        for fld in rev["values"][col]:
            if fld not in keys_:
                raise _refuse(name, f"{what}, kolom {col}: isian {fld!r} tidak ada pada formulir pemilihan ini.",
                              "bad_data")
