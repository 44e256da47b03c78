"""The bundle's JSON schema (resources/bundle.schema.json) and the Indonesian description of every violation."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import jsonschema

from .. import formatting
from ..domain import JUMLAH, MAX_FIGURE
from ..election import RESOURCES
from ..text import CONTROL, CONTROL_FREE

SCHEMA_PATH = RESOURCES / "bundle.schema.json"
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
def validator(definition: str, fast: bool = True) -> jsonschema.Draft202012Validator:
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


def shown(value: Any) -> str:
    """A short rendering of a JSON value for a message (at most ~60 characters)."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True)
    return text if len(text) <= 60 else text[:57] + "…"


def kind_of(value: Any) -> str:
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
        return f"{where}: ditemukan {kind_of(inst)} {shown(inst)}; diharapkan {_expected_type(want)}"
    if v in ("minimum", "exclusiveMinimum"):
        return f"{where}: nilai {shown(inst)} terlalu kecil; diharapkan paling kecil {want}" + (
            " (tidak termasuk)" if v == "exclusiveMinimum" else "")
    if v in ("maximum", "exclusiveMaximum"):
        return f"{where}: nilai {shown(inst)} terlalu besar; diharapkan paling besar {want}" + (
            " (tidak termasuk)" if v == "exclusiveMaximum" else "")
    if v == "minLength":
        return (f"{where}: teks {shown(inst)} terlalu pendek ({len(inst)} karakter); diharapkan paling sedikit "
                f"{want} karakter")
    if v == "maxLength":
        return (f"{where}: teks sepanjang {len(inst)} karakter terlalu panjang; diharapkan paling banyak "
                f"{want} karakter")
    if v == "pattern":
        return f"{where}: teks {shown(inst)} tidak berbentuk yang diharapkan (pola {want})"
    if v == "enum":
        return (f"{where}: nilai {shown(inst)} tidak dikenal; diharapkan salah satu dari "
                f"{', '.join(shown(x) for x in want)}")
    if v == "const":
        return f"{where}: nilai {shown(inst)}; diharapkan tepat {shown(want)}"
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
    return f"{where}: nilai {shown(inst)} tidak sesuai bentuk yang diharapkan skema (aturan {v})"


def values_errors(values: dict, where: list) -> list[str]:
    """Violations of ``$defs/values`` (column codes, field keys, figures 0..MAX_FIGURE or null),
    as Indonesian lines like those of :func:`describe_error`; ``where`` is the path to ``values``."""
    out = []
    for col, fields in values.items():
        at = json_path([*where, col])
        if not _COLUMN.match(col) or len(col) > 32:
            out.append(f"di {json_path(where)}: kode kolom {shown(col)} tidak sah; diharapkan kode wilayah "
                       f"seperti \"33.01\" atau {JUMLAH}")
        elif not isinstance(fields, dict) or len(fields) > 500:
            out.append(f"di {at}: ditemukan {kind_of(fields)}; diharapkan objek isian (paling banyak 500 kunci)")
        else:
            for k, v in fields.items():
                if not _FIELD_KEY.match(k):
                    out.append(f"di {at}: kunci isian {shown(k)} tidak sah; diharapkan huruf kecil, angka dan "
                               "garis bawah, diawali huruf")
                elif v is not None and (type(v) is not int or not 0 <= v <= MAX_FIGURE):
                    out.append(f"di {json_path([*where, col, k])}: ditemukan {shown(v)}; diharapkan bilangan "
                               f"bulat 0 sampai {formatting.number(MAX_FIGURE)} atau null (kosong)")
        if len(out) >= 5:
            break
    return out[:5]


_KODE = re.compile(r"^[0-9]{2}(\.[0-9]{1,4}){0,3}$")
_RULE_CODE = re.compile(r"^[A-Z]\.[0-9]{1,4}$")


def is_text(v: Any, most: int, least: int = 0) -> bool:
    return isinstance(v, str) and least <= len(v) <= most


def _signoff(v: Any, text_key: str) -> bool:
    return v is None or (isinstance(v, dict) and is_text(v.get(text_key), 5000) and is_text(v.get("by"), 500)
                         and is_text(v.get("at"), 40, 10))


def _finding_ok(f: Any) -> bool:
    """A quick check, at least as strict as ``$defs/finding`` and ~50x faster than jsonschema
    for a province's ~1,200 findings; a finding it doubts is checked by the schema itself."""
    return (isinstance(f, dict) and is_text(f.get("key"), 300, 1) and isinstance(f.get("code"), str)
            and bool(_RULE_CODE.match(f["code"])) and f.get("severity") in ("error", "warning")
            and is_text(f.get("region"), 32) and bool(_KODE.match(f["region"])) and is_text(f.get("column"), 32)
            and isinstance(f.get("columns"), list) and len(f["columns"]) <= 5000
            and all(is_text(c, 32) for c in f["columns"]) and is_text(f.get("field"), 64)
            and all(k in f and (f[k] is None or type(f[k]) is int) for k in ("expected", "actual"))
            and is_text(f.get("message"), 5000) and "explanation" in f and "override" in f
            and _signoff(f["explanation"], "text") and _signoff(f["override"], "reason"))


def finding_errors(findings: list) -> list[str]:
    """Violations of ``$defs/finding`` by the items of data.json ``findings``, plus a ``key``
    that is not "code|region|column|field" (explanations are matched by key); at most 5."""
    out: list[str] = []
    check = validator("finding")
    for i, f in enumerate(findings):
        before = len(out)
        for e in () if _finding_ok(f) else check.iter_errors(f):
            line = describe_error(e, ("findings", i))
            if line not in out:
                out.append(line)
        if len(out) == before and f["key"] != f"{f['code']}|{f['region']}|{f['column']}|{f['field']}":
            out.append(f"di {json_path(['findings', i, 'key'])}: kunci temuan {shown(f['key'])}; diharapkan "
                       f"{shown(f['code'] + '|' + f['region'] + '|' + f['column'] + '|' + f['field'])} "
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
    for e in validator(definition, fast).iter_errors(doc):
        line = describe_error(e)
        if line not in out:
            out.append(line)
        if len(out) >= 5:
            break
    if fast and not out and definition == "data":
        bad = next((i for i, item in enumerate(doc["objections"] or []) if not isinstance(item, dict)), None)
        if bad is not None:
            item = doc["objections"][bad]
            out.append(f"di {json_path(['objections', bad])}: ditemukan {kind_of(item)} {shown(item)}; "
                       "diharapkan objek")
        out += finding_errors(doc["findings"] or [])
        for i, c in enumerate(doc["certificates"]):
            for j, r in enumerate(c["revisions"]):
                out += values_errors(r["values"], ["certificates", i, "revisions", j, "values"])
        if doc["result"] is not None:
            out += values_errors(doc["result"]["values"], ["result", "values"])
    return out[:5]


#: control characters: one rule for what a clerk may type and what a bundle may carry (core/text.py)
_CONTROL = CONTROL
_CONTROL_FREE = CONTROL_FREE


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
                    out.append(f"di {json_path(path)}: nama kunci {shown(k)} memuat karakter kendali "
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
