"""Regenerate resources/ from ../shared/data (run by a maintainer, never at run time).

Writes the region sets (resources/regions/*.csv), the demonstration data
(resources/demo/*.csv) and the election definitions (resources/elections/*.json).
"""
import csv
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
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


if __name__ == "__main__":
    main()
