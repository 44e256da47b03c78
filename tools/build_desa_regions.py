"""Write the desa/kelurahan region sets (resources/regions/<set>-desa.csv) from the source data.

Usage: ``python tools/build_desa_regions.py DATA_DIR`` (the project's shared data: wilayah/ and
hasil/, README there). Run by a maintainer, never at run time; the program reads only resources/.

- ``jateng-2024-desa.csv``: the 8,563 desa/kelurahan of wilayah/jateng_desa_kelurahan_2024.csv
  (codes and names as given), under the kecamatan of resources/regions/jateng-2024.csv.
- ``jateng-2019-desa.csv``: the desa/kelurahan of the Pilpres 2019 polling-station file
  (hasil/pilpres2019_jateng_tps_situng.csv.gz): names as that file spells them, codes from it. The
  file leaves the code blank for about 100 desa whose names differ from the 2024 list; such a desa
  takes the code of the one unused 2024 desa of its kecamatan whose name nearly matches (the
  importer's near-name rule, core/importer/names.py), else a provisional code ``<kecamatan>.9NNN``
  (no Kemendagri desa code starts with 9), so every code is unique text.

Columns: kode, kode_induk (the kecamatan), tingkat ("desa"), nama. Order: kecamatan in region-set
order, then desa by code.
"""
import csv
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from recap_app.core.importer.names import NEAR_RATIO, _likeness, compact  # noqa: E402

SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data")
RES = ROOT / "resources" / "regions"


def kecamatan_order(name: str) -> list[str]:
    with (RES / f"{name}.csv").open(encoding="utf-8") as fh:
        return [r["kode"] for r in csv.DictReader(fh) if r["tingkat"] == "kecamatan"]


def write(name: str, rows: list[tuple[str, str, str]], order: list[str]) -> None:
    rank = {k: i for i, k in enumerate(order)}
    missing = sorted({k for _, k, _ in rows if k not in rank})
    if missing:
        raise SystemExit(f"{name}: kecamatan not in the region set: {missing[:5]}")
    rows.sort(key=lambda r: (rank[r[1]], r[0]))
    with (RES / f"{name}-desa.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["kode", "kode_induk", "tingkat", "nama"])
        w.writerows((kode, induk, "desa", nama) for kode, induk, nama in rows)
    print(f"{name}-desa.csv: {len(rows)} desa/kelurahan")


def main() -> None:
    with (SHARED / "wilayah" / "jateng_desa_kelurahan_2024.csv").open(encoding="utf-8") as fh:
        d2024 = [(r["kode"], r["kode_kecamatan"], r["nama"]) for r in csv.DictReader(fh)]
    write("jateng-2024", list(d2024), kecamatan_order("jateng-2024"))

    seen: dict[tuple[str, str], str] = {}
    with gzip.open(SHARED / "hasil" / "pilpres2019_jateng_tps_situng.csv.gz", "rt", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            seen.setdefault((r["kode_kecamatan"], r["desa_kelurahan"]), r["kode_desa"])
    used = {code for code in seen.values() if code}
    by_kec: dict[str, list[tuple[str, str]]] = {}
    for kode, kec, nama in d2024:
        by_kec.setdefault(kec, []).append((kode, nama))
    rows, provisional, matched = [], {}, 0
    for (kec, nama), code in sorted(seen.items()):
        if not code:
            near = [(k, n) for k, n in by_kec.get(kec, []) if k not in used
                    and _likeness(compact(nama), compact(n)) >= NEAR_RATIO]
            if len(near) == 1:
                code, matched = near[0][0], matched + 1
                used.add(code)
            else:
                provisional[kec] = provisional.get(kec, 0) + 1
                code = f"{kec}.9{provisional[kec]:03d}"
        rows.append((code, kec, nama))
    write("jateng-2019", rows, kecamatan_order("jateng-2019"))
    print(f"  blank codes: {matched} matched to a 2024 code by near name, "
          f"{sum(provisional.values())} provisional")


if __name__ == "__main__":
    main()
