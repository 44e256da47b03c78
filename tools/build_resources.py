"""Regenerate resources/ from the project's source data (run by a maintainer, never at run time).

Usage: ``python tools/build_resources.py DATA_DIR`` where DATA_DIR holds the public source files
(wilayah/jateng_kabupaten_kota.csv, wilayah/jateng_kecamatan_2024.csv, wilayah/dapil_jateng_2024.csv,
hasil/pilpres2019_jateng_*.csv, hasil/dpr2024_*.csv; their origins are named in resources/demo/README.md
and docs/elections.md). The program itself reads only resources/.

Writes the region sets (resources/regions/*.csv), the demonstration data
(resources/demo/*.csv) and the legislative election definitions in format 2
(resources/elections/dpr-2024-jateng.json, dpd-2024-jateng.json, dprd-provinsi-2024-jateng.json).
The format 1 definitions (pilpres, pilgub) are kept by hand and not rewritten here.
"""
import csv
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data")
RES = ROOT / "resources"


def write_regions(name, kabupaten, kecamatan):
    path = RES / "regions" / f"{name}.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["kode", "kode_induk", "tingkat", "nama"])
        for k in kabupaten:
            w.writerow([k["kode"], "33", "kabupaten_kota", k["nama"]])
        for k in kecamatan:
            w.writerow(k)


# --- Legislative election definitions (format 2) -------------------------------------------

SHORT_NAMES = {
    1: "PKB", 2: "Gerindra", 3: "PDI Perjuangan", 4: "Golkar", 5: "NasDem", 6: "Partai Buruh",
    7: "Gelora", 8: "PKS", 9: "PKN", 10: "Hanura", 11: "Garuda", 12: "PAN", 13: "PBB",
    14: "Demokrat", 15: "PSI", 16: "Perindo", 17: "PPP", 24: "Ummat",
}

# The 11 DPD candidates of Jawa Tengah 2024, alphabetical. Ballot numbers are not held.
# Sexes set from the names (not checked against the DCT): Casytha, Denty and Lamaatus are women.
DPD_CANDIDATES = [
    ("Abdul Kholik", "L"), ("Agus Mujayanto", "L"), ("Ahmad Baligh Mu'aidi", "L"),
    ("Bambang Sutrisno", "L"), ("Casytha A. Kathmandu", "P"), ("Denty Eka Widi Pratiwi", "P"),
    ("Joko Dalmadyo", "L"), ("Kodirin", "L"), ("Lamaatus Shobah Dimyati Rois", "P"),
    ("Muhdi", "L"), ("Taj Yasin", "L"),
]

FORM_NAMES_NOTE = (
    "Certificate names D.HASIL KABKO-/D.HASIL PROV- as Perbawaslu 4/2024 art. 45-46 names them. "
    "No 2024 model name was found for the minutes (berita acara) of the province recap, so "
    "berita_acara is a descriptive name; the kejadian khusus name is unconfirmed (Pilkada 2024 "
    "uses 'Model D Kejadian Khusus dan/atau Keberatan Saksi-KWK'). Check both against the forms "
    "the office holds."
)
PENETAPAN_KURSI_NOTE = (
    " penetapan_kursi is a descriptive title of the KPU Provinsi seat decision (Jawa Tengah 2024: "
    "decision 40/2024), unconfirmed; PKPU 6/2024 art. 39 has the seats and elected candidates of "
    "each dapil put in minutes written to the KPU rules on official correspondence (no model "
    "number) and the elected candidates on MODEL E.TERPILIH DPRD PROV-KPU."
)


def read_csv(rel):
    with (SHARED / rel).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def region_order():
    """Kabupaten/kota codes of region set jateng-2024, in file order."""
    with (RES / "regions" / "jateng-2024.csv").open(encoding="utf-8") as fh:
        return [r["kode"] for r in csv.DictReader(fh) if r["tingkat"] == "kabupaten_kota"]


def load_districts(lembaga, order):
    """Districts of one contest from wilayah/dapil_jateng_2024.csv, regions in region-set order."""
    districts = {}
    for r in read_csv("wilayah/dapil_jateng_2024.csv"):
        if r["lembaga"] != lembaga:
            continue
        d = districts.setdefault(r["kode_dapil"], {
            "kode": r["kode_dapil"], "nama": r["nama_dapil"], "kursi": int(r["kursi"]), "wilayah": [],
        })
        if d["nama"] != r["nama_dapil"] or d["kursi"] != int(r["kursi"]):
            raise ValueError(f"dapil {r['kode_dapil']}: name or seats differ between rows")
        d["wilayah"].append(r["kode_kabupaten_kota"])
    for d in districts.values():
        d["wilayah"].sort(key=order.index)
    return list(districts.values())


def load_parties():
    """The 18 national parties of 2024 in ballot order, from hasil/dpr2024_nasional_partai.csv."""
    rows = sorted(read_csv("hasil/dpr2024_nasional_partai.csv"), key=lambda r: int(r["nomor_partai"]))
    parties = [{"nomor": int(r["nomor_partai"]), "nama": r["nama_partai"],
                "nama_singkat": SHORT_NAMES[int(r["nomor_partai"])]} for r in rows]
    votes = {str(int(r["nomor_partai"])): int(r["suara_sah_nasional"]) for r in rows}
    return parties, votes


def load_dpr_candidates(parties):
    """The DPR DCT of Jawa Tengah: the calon rows of hasil/dpr2024_jateng_caleg.csv, lists only
    (no votes, no elected flag), ordered by dapil, party ballot order and nomor urut."""
    rank = {p["nomor"]: i for i, p in enumerate(parties)}
    cands = [{
        "dapil": r["kode_dapil"], "partai": int(r["nomor_partai"]), "nomor_urut": int(r["nomor_urut"]),
        "nama": r["nama"], "jenis_kelamin": r["jenis_kelamin"], "tempat_tinggal": r["tempat_tinggal"],
    } for r in read_csv("hasil/dpr2024_jateng_caleg.csv") if r["jenis"] == "calon"]
    cands.sort(key=lambda c: (c["dapil"], rank[c["partai"]], c["nomor_urut"]))
    return cands


def voter_categories():
    """DPT, DPTb, DPK exactly as in the Pilpres 2024 definition (same polling day, same registers)."""
    with (RES / "elections" / "pilpres-2024-jateng.json").open(encoding="utf-8") as fh:
        return json.load(fh)["voter_categories"]


def legislative_definition(ident, name, name_en, kind, suffix, contest, extra_forms=None):
    forms = {
        "kabupaten_kota": f"D.HASIL KABKO-{suffix}",
        "provinsi": f"D.HASIL PROV-{suffix}",
        "berita_acara": f"BERITA ACARA D.HASIL PROV-{suffix}",
        "kejadian_khusus": f"D.KEJADIAN KHUSUS DAN/ATAU KEBERATAN-{suffix}",
        # a kabupaten/kota office (docs/tiers.md): the kecamatan certificate it receives, its own minutes
        "kecamatan": f"D.HASIL KECAMATAN-{suffix}",
        "berita_acara.kabupaten_kota": f"BERITA ACARA D.HASIL KABKO-{suffix}",
        "kejadian_khusus.kabupaten_kota": f"D.KEJADIAN KHUSUS DAN/ATAU KEBERATAN-{suffix}",
    }
    forms.update(extra_forms or {})
    forms["note"] = FORM_NAMES_NOTE + (PENETAPAN_KURSI_NOTE if "penetapan_kursi" in forms else "")
    return {
        "format": 2,
        "id": ident,
        "name": name,
        "name_en": name_en,
        "kind": kind,
        "polling_day": "2024-02-14",
        "province_code": "33",
        "province_name": "JAWA TENGAH",
        "tier": "provinsi",
        "form_names": forms,
        "voter_categories": voter_categories(),
        "reserve_percent": 2.0,
        "region_set": "jateng-2024",
        "contest": contest,
    }


def write_definition(defn):
    path = RES / "elections" / f"{defn['id']}.json"
    path.write_text(json.dumps(defn, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_legislative():
    order = region_order()
    parties, national = load_parties()
    kab = read_csv("wilayah/jateng_kabupaten_kota.csv")
    if [k["kode"] for k in kab] != order:
        raise ValueError("region set jateng-2024 and wilayah/jateng_kabupaten_kota.csv disagree")

    dpr = legislative_definition(
        "dpr-2024-jateng",
        "Pemilihan Umum Anggota Dewan Perwakilan Rakyat Tahun 2024",
        "2024 House of Representatives (DPR) Election",
        "dpr", "DPR",
        {
            "form": "partai",
            "body": "DPR",
            "seats": {"method": "sainte_lague", "threshold_percent": 4, "decided_by": "KPU RI"},
            "districts": load_districts("DPR", order),
            "parties": parties,
            "candidates": load_dpr_candidates(parties),
            "national_votes": {
                "source": (
                    "Valid DPR votes per party over all 84 dapils (shared data "
                    "hasil/dpr2024_nasional_partai.csv, official pre-MK figures, KPU decision "
                    "360/2024); sum 151,796,539, while KPU reported 151,796,631: the PKN (9) figure "
                    "here is 92 below KPU's reported total"
                ),
                "votes": national,
            },
        },
    )
    dpd = legislative_definition(
        "dpd-2024-jateng",
        "Pemilihan Umum Anggota Dewan Perwakilan Daerah Tahun 2024",
        "2024 Regional Representative Council (DPD) Election",
        "dpd", "DPD",
        {
            "form": "perseorangan",
            "body": "DPD",
            "seats": {"method": "suara_terbanyak", "decided_by": "KPU RI"},
            "districts": [{"kode": "33", "nama": "JAWA TENGAH", "kursi": 4, "wilayah": order}],
            "parties": [],
            "candidates": [{"dapil": "33", "partai": None, "nomor_urut": None, "nama": n,
                            "jenis_kelamin": s, "tempat_tinggal": None} for n, s in DPD_CANDIDATES],
            "note": (
                "Ballot numbers (nomor_urut) and residences are not held: the office confirms or sets "
                "the numbers before the first certificate. Sexes were set from the names (Casytha, "
                "Denty and Lamaatus women, the others men), not checked against the DCT."
            ),
        },
    )
    dprd = legislative_definition(
        "dprd-provinsi-2024-jateng",
        "Pemilihan Umum Anggota Dewan Perwakilan Rakyat Daerah Provinsi Tahun 2024",
        "2024 Provincial Legislative Council (DPRD Provinsi) Election",
        "dprd_provinsi", "DPRD PROV",
        {
            "form": "partai",
            "body": "DPRD_PROVINSI",
            "seats": {"method": "sainte_lague", "threshold_percent": 0, "decided_by": "KPU Provinsi"},
            "districts": load_districts("DPRD_PROVINSI", order),
            "parties": parties,
            "candidates": [],
            "note": (
                "The DCT of 1,473 DPRD Provinsi Jawa Tengah candidates is not held here: the office "
                "loads it before the first certificate."
            ),
        },
        extra_forms={
            "penetapan_kursi": (
                "KEPUTUSAN KPU PROVINSI TENTANG PENETAPAN PEROLEHAN KURSI PARTAI POLITIK DAN "
                "PENETAPAN CALON TERPILIH ANGGOTA DPRD PROVINSI"
            ),
        },
    )
    for defn in (dpr, dpd, dprd):
        write_definition(defn)
    return dpr, dpd, dprd


def main():
    kab = list(csv.DictReader((SHARED / "wilayah/jateng_kabupaten_kota.csv").open(encoding="utf-8")))
    kec2024 = [
        [r["kode"], r["kode_kabupaten_kota"], "kecamatan", r["nama"]]
        for r in csv.DictReader((SHARED / "wilayah/jateng_kecamatan_2024.csv").open(encoding="utf-8"))
    ]
    kec2019 = [
        [r["kode_kecamatan"], r["kode_kabupaten_kota"], "kecamatan", r["kecamatan"]]
        for r in csv.DictReader((SHARED / "hasil/pilpres2019_jateng_kecamatan.csv").open(encoding="utf-8"))
    ]
    write_regions("jateng-2019", kab, kec2019)
    write_regions("jateng-2024", kab, kec2024)
    for f in ["pilpres2019_jateng_kecamatan.csv", "pilpres2019_jateng_kabupaten_kota.csv"]:
        shutil.copy(SHARED / "hasil" / f, RES / "demo" / f)
    print("regions:", len(kec2019), len(kec2024))
    dpr, dpd, dprd = write_legislative()
    for d in (dpr, dpd, dprd):
        c = d["contest"]
        print(f"{d['id']}: {len(c['districts'])} dapil, {sum(x['kursi'] for x in c['districts'])} kursi, "
              f"{len(c['parties'])} partai, {len(c['candidates'])} calon")


if __name__ == "__main__":
    main()
