"""A verified bundle checked against a workspace: trusted key, election, simulation flag, tier, regions, fields."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import JUMLAH
from ..store import Workspace
from . import keys
from .container import refuse
from .verify import VerifiedBundle


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
        BundleRefused: wrong_election, simulation_mismatch, untrusted_key, another_key (``accept_key``
            for a key of an office that already has another trusted key), key_office_mismatch,
            wrong_tier, unknown_region, bad_data (a field key this election does not have),
            missing_jumlah (a carried certificate revision or result without its JUMLAH column).
    """
    m, s = vb.manifest, vb.sender
    name = vb.path.name if vb.path else "(bundel)"
    if m["election_id"] != ws.election.id:
        raise refuse(name, f"bundel untuk pemilihan {m['election_id']!r}, ruang kerja ini untuk "
                      f"{ws.election.id!r}.", "wrong_election")
    if m["simulation"] != ws.simulation:
        what = "data SIMULASI" if m["simulation"] else "data resmi"
        here = "ruang kerja simulasi" if ws.simulation else "ruang kerja resmi"
        raise refuse(name, f"bundel berisi {what} tetapi ini {here}; keduanya tidak boleh bercampur.",
                      "simulation_mismatch")
    trusted = keys.trusted_key(ws, s["fingerprint"])
    if trusted is None and accept_key:  # trusting at first sight: only an office without a trusted key
        held = [k for k in keys.trusted_keys(ws) if k.office_code == s["office_code"]]
        if held:
            raise refuse(name, f"kantor {s['office_code']} sudah memiliki kunci dipercaya (sidik "
                          f"{keys.grouped(held[0].fingerprint)}, sejak {held[0].added_at[:10]} oleh {held[0].added_by}), "
                          f"tetapi bundel ini ditandatangani kunci lain (sidik {keys.grouped(s['fingerprint'])}). "
                          "--accept-key hanya menerima kunci pertama sebuah kantor; siapa pun yang membawa bundel "
                          "dapat membuat kunci baru. Bila kantor itu memang berganti kunci, cocokkan sidik baru "
                          f"dengan kantor pengirim lewat jalur lain, lalu admin menjalankan: recap keys trust "
                          f"{s['public_key']} --office {s['office_code']}.", "another_key")
    if trusted is None and not accept_key:
        raise refuse(name, f"kunci pengirim {s['office_name']} (kode {s['office_code']}, sidik "
                      f"{keys.grouped(s['fingerprint'])}) belum dipercaya. Cocokkan sidiknya dengan kantor "
                      f"pengirim lalu jalankan: recap keys trust {s['public_key']} --office {s['office_code']} "
                      "(atau impor dengan --accept-key).", "untrusted_key")
    if trusted is not None and trusted.office_code != s["office_code"]:
        raise refuse(name, f"kunci ini dipercaya untuk kantor {trusted.office_code}, tetapi bundel mengaku dari "
                      f"kantor {s['office_code']}.", "key_office_mismatch")
    if s["tier"] == ws.election.tier:
        mode = "mirror"
        own = (ws.election.office_code if ws.election.office is not None else
               ws.setting("office_code") or (ws.election.province_code if ws.election.tier == "provinsi" else None))
        if own and s["office_code"] != own:
            raise refuse(name, f"bundel dari kantor setingkat lain ({s['office_code']}); ruang kerja ini milik "
                          f"kantor {own}.", "wrong_tier")
        regions = {r.kode for r in ws.regencies()}
        for cert in vb.data["certificates"]:
            if cert["region_kode"] not in regions:
                raise refuse(name, f"sertifikat wilayah {cert['region_kode']} tidak ada di daftar wilayah "
                              f"pemilihan ini.", "unknown_region")
            allowed = {r.kode for r in ws.columns_of(cert["region_kode"])} | {JUMLAH}
            for rev in cert["revisions"]:
                what = f"sertifikat {region_label(ws, cert['region_kode'])} revisi {rev['number']}"
                check_jumlah(rev, what, name)
                check_columns(ws, cert["region_kode"], rev, allowed, what, name)
    elif s["tier"] == ws.election.child_tier:
        mode = "upstream"
        result = vb.data["result"]
        if result is not None:
            if result["region_kode"] != s["office_code"] or ws.region(s["office_code"]) is None or \
                    ws.region(s["office_code"]).tingkat != ws.election.child_tier:
                raise refuse(name, f"wilayah pengirim {s['office_code']} bukan {ws.election.child_tier} "
                              "dalam pemilihan ini.", "unknown_region")
            allowed = {r.kode for r in ws.columns_of(s["office_code"])} | {JUMLAH}
            what = f"hasil kantor {region_label(ws, s['office_code'])}"
            check_jumlah(result, what, name)
            check_columns(ws, s["office_code"], result, allowed, what, name)
    else:
        raise refuse(name, f"pengirim bertingkat {s['tier']}, ruang kerja ini bertingkat {ws.election.tier}; "
                      f"yang diterima hanya bundel dari tingkat {ws.election.tier} atau {ws.election.child_tier}.",
                      "wrong_tier")
    return Plan(mode, trusted is not None)


def region_label(ws: Workspace, kode: str) -> str:
    """ "33.05 (KAB. KEBUMEN)" when the region is known here, else the bare code."""
    region = ws.region(kode)
    return f"{kode} ({region.nama})" if region is not None else kode


def check_jumlah(rev: dict, what: str, name: str) -> None:
    """A received certificate must carry its submitted JUMLAH column (docs/domain.md: the province
    total is the sum of the regencies' JUMLAH columns; without it the total silently drops)."""
    if JUMLAH not in rev["columns"]:
        raise refuse(name, f"{what} tidak memuat kolom {JUMLAH}; setiap sertifikat yang diterima harus membawa "
                      f"kolom {JUMLAH} yang diserahkan wilayah itu. Minta kantor pengirim membuat ulang bundelnya.",
                      "missing_jumlah")


def check_columns(ws: Workspace, kode: str, rev: dict, allowed: set[str], what: str, name: str) -> None:
    keys_ = set(ws.election.form_of_region(kode).field_keys)
    for col in rev["columns"]:
        if col not in allowed:
            raise refuse(name, f"{what}: kolom {col} bukan wilayah bawahan yang dikenal.", "unknown_region")
        for fld in rev["values"][col]:
            if fld not in keys_:
                raise refuse(name, f"{what}, kolom {col}: isian {fld!r} tidak ada pada formulir pemilihan ini.",
                              "bad_data")
