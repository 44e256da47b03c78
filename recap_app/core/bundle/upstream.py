"""An office's bundle received one tier up: its adoption and its findings, checked (docs/tiers.md).

A kabupaten/kota office's bundle carries, besides its result (one column per kecamatan holding that
kecamatan's JUMLAH, then JUMLAH: the DB1 the province takes in as that regency's certificate
revision), every kecamatan certificate it received (desa/kelurahan columns), their adoption in the
regency's plenary and the regency's findings with their explanations. The receiver does not take
the sender's word for any of it:

- the result must be the sum of the certificates it carries: each kecamatan column equal to the
  JUMLAH column of that kecamatan's latest carried revision (else the bundle is refused);
- the result is *adopted at the sender* when every kecamatan certificate of the region set is
  adopted there at its latest revision (the adoption the bundle carries for it);
- the rules of the form (core/rules.py) run again on the carried kecamatan certificates, against
  the sender's own region set (the desa/kelurahan of resources/regions), and every error found
  must be among the findings the sender lists; an error it does not list is named.

The province never adopts on the sender's behalf: adopting the regency certificate is its own
plenary's act (docs/domain.md §2); the sender's adoption is recorded with the revision and reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import rules
from ..domain import JUMLAH
from ..election import Election
from ..errors import ElectionError
from .format import BundleRefused

#: the rule codes recomputed: the form's identities and bounds, and the JUMLAH hierarchy
CHECKED = ("F.1", "F.2", "F.3", "F.4", "F.5")


@dataclass
class SenderCheck:
    """What the receiver found about an upstream bundle's sender.

    Attributes:
        adopted: True when every kecamatan certificate is adopted at the sender at its latest revision.
        adopted_at, adopted_by: the last of those adoptions (time, person), or "".
        not_adopted: codes of the sender's certificates not (or no longer) adopted there.
        errors_listed: errors among the sender's findings; explained: of them, explained or overridden.
        errors_recomputed: errors the rules find again in the carried certificates.
        unlisted: keys of recomputed errors the sender does not list (a finding hidden or lost).
    """

    adopted: bool = False
    adopted_at: str = ""
    adopted_by: str = ""
    not_adopted: list[str] = field(default_factory=list)
    errors_listed: int = 0
    explained: int = 0
    errors_recomputed: int = 0
    unlisted: list[str] = field(default_factory=list)

    def lines(self, sender: str) -> list[str]:
        """Indonesian lines for the import summary."""
        out = []
        if self.adopted:
            out.append(f"Hasil {sender} ditetapkan di sana ({self.adopted_at}, {self.adopted_by}); penetapan di sini "
                       "tetap keputusan rapat pleno kantor ini.")
        else:
            out.append(f"Hasil {sender} belum ditetapkan di sana: {len(self.not_adopted)} sertifikat belum ditetapkan "
                       f"({', '.join(self.not_adopted[:6])}{' …' if len(self.not_adopted) > 6 else ''}).")
        out.append(f"Temuan {sender}: {self.errors_listed} kesalahan ({self.explained} dijelaskan atau "
                   f"dikesampingkan); dihitung ulang di sini dari sertifikat yang dibawa: {self.errors_recomputed}.")
        for key in self.unlisted[:10]:
            out.append(f"  PERINGATAN: kesalahan {key} ada di sertifikat yang dibawa tetapi tidak ada di daftar temuan "
                       "pengirim.")
        return out

    def to_dict(self) -> dict:
        return {"adopted": self.adopted, "adopted_at": self.adopted_at, "adopted_by": self.adopted_by,
                "not_adopted": self.not_adopted, "errors_listed": self.errors_listed, "explained": self.explained,
                "errors_recomputed": self.errors_recomputed, "unlisted": self.unlisted}


def sender_election(election: Election, office_code: str) -> Election | None:
    """The election as the sending office sees it (its kecamatan and desa/kelurahan), or None when the
    region set shipped here has no desa/kelurahan list for it (the checks that need it are skipped)."""
    try:
        return election.base.at_office(office_code)
    except ElectionError:
        return None


def check_sender(election: Election, data: dict, name: str) -> SenderCheck:
    """Check an upstream bundle's result, adoption and findings against what it carries.

    Args:
        election: the receiving workspace's election.
        data: the verified data.json (its sender, result, certificates and findings).
        name: the bundle file's name (for refusals).
    Returns:
        :class:`SenderCheck`.
    Raises:
        BundleRefused: "result_mismatch" when a kecamatan column of the result differs from the JUMLAH
        column of that kecamatan's latest carried revision (naming kecamatan, field, both values).
    """
    out = SenderCheck()
    result = data.get("result")
    certs = {c["region_kode"]: c for c in data.get("certificates") or []}
    if result is not None:
        for c in certs.values():
            latest = c["revisions"][-1] if c["revisions"] else None
            if latest is None or not c["history"] or latest["content_sha256"] != c["history"][-1]:
                continue  # its latest revision travelled in an earlier bundle
            mine = latest["values"].get(JUMLAH, {})
            theirs = result["values"].get(c["region_kode"])
            if theirs is None:
                continue
            for key, v in theirs.items():
                if mine.get(key) != v:
                    raise BundleRefused(
                        f"Bundel {name} ditolak: hasil pengirim kolom {c['region_kode']} isian {key} = {v}, tetapi kolom JUMLAH "
                        f"sertifikat {c['region_kode']} yang dibawa = {mine.get(key)}; diharapkan hasil yang sama "
                        "dengan sertifikat yang diterimanya. Tidak ada yang diimpor.", "result_mismatch")
    sender = sender_election(election, data["sender"]["office_code"])
    expected = [r.kode for r in sender.regions if r.tingkat == sender.child_tier] if sender else sorted(certs)
    last = ("", "")
    for kode in expected:
        c = certs.get(kode)
        a = c.get("adoption") if c else None
        if not a or not c["history"] or a["content_sha256"] != c["history"][-1]:
            out.not_adopted.append(kode)
        elif (a["at"], a["by"]) > last:
            last = (a["at"], a["by"])
    out.adopted = bool(expected) and not out.not_adopted
    out.adopted_at, out.adopted_by = last if out.adopted else ("", "")
    listed = {f["key"]: f for f in data.get("findings") or [] if isinstance(f, dict) and f.get("severity") == "error"
              and isinstance(f.get("key"), str)}
    out.errors_listed = len(listed)
    out.explained = sum(1 for f in listed.values() if f.get("explanation") or f.get("override"))
    if sender is None:
        return out
    by_code = {r.kode: r for r in sender.regions}
    found: set[str] = set()
    for kode, c in certs.items():
        region = by_code.get(kode)
        latest = c["revisions"][-1] if c["revisions"] else None
        if region is None or latest is None or latest["content_sha256"] != c["history"][-1]:
            continue
        columns = [r for r in sender.regions if r.kode_induk == kode]
        for f in rules.check_certificate(sender.form_of_region(kode), region, columns, latest["columns"],
                                         latest["values"], column_tier=sender.column_tier, office_tier=sender.tier):
            if f.severity == "error" and f.code.startswith(CHECKED):
                found.add(f.key)
    out.errors_recomputed = len(found)
    out.unlisted = sorted(found - set(listed))
    return out


def is_bundle(path) -> bool:
    """True when ``path`` is a zip holding a bundle manifest (``manifest.json``), so `recap compare`
    can take a bundle where it takes a spreadsheet."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            return "manifest.json" in zf.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def bundle_figures(ws, path) -> tuple[dict[str, dict[str, int | None]], list[str], str]:
    """The figures an upstream bundle carries, as a comparison source (core/compare.py
    ``compare_external``): {kecamatan code: its column of the sender's result, sender's code: the
    result's JUMLAH}, with notes and the source's name ("bundel KPU Kota Salatiga nomor 1").

    The bundle's signature, members and schema are checked (verify_bundle); whether its key is
    trusted here is said in the notes (a comparison writes nothing). A bundle of this office's own
    tier (a mirror) gives the latest carried revision of each certificate instead.

    Raises:
        BundleRefused: the file is not a valid bundle, or is for another election.
    """
    from . import keys
    from .verify import verify_bundle

    vb = verify_bundle(path)
    if vb.data["election_id"] != ws.election.id:
        raise BundleRefused(f"Bundel {vb.path.name}: untuk pemilihan {vb.data['election_id']!r}, ruang kerja ini untuk "
                            f"{ws.election.id!r}; tidak dibandingkan.", "wrong_election")
    s = vb.sender
    trusted = keys.trusted_key(ws, vb.fingerprint)
    notes = [f"bundel ditandatangani {s['office_name']} ({s['office_code']}), sidik {keys.grouped(vb.fingerprint)}"
             + ("" if trusted is not None and trusted.office_code == s["office_code"]
                else "; kunci ini BELUM dipercaya untuk kantor itu di sini")]
    figures: dict[str, dict[str, int | None]] = {}
    result = vb.data.get("result")
    if s["tier"] == ws.election.child_tier and result is not None:
        for col in result["columns"]:
            figures[s["office_code"] if col == JUMLAH else col] = dict(result["values"].get(col, {}))
    else:
        for c in vb.data["certificates"]:
            if c["revisions"]:
                rev = c["revisions"][-1]
                for col in rev["columns"]:
                    figures[c["region_kode"] if col == JUMLAH else col] = dict(rev["values"].get(col, {}))
    return figures, notes, f"bundel {s['office_name']} nomor {vb.sequence}"
