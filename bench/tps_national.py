"""A synthetic national TPS set (~820.000 TPS) in the shape of the real Jawa Tengah file, for bench/bench_tps.py.

Indonesia had about 810.000 TPS in the Pilpres 2019 and 820.000 in 2024; no national per-TPS file
ships with the program, so one is made from the real one (tests/data/tps): the 115.401 TPS of Jawa
Tengah (province 33) as they are, then copies under other province codes (31, 32, 34, ...) until the
set holds :data:`TARGET` TPS. A copy keeps the regency, kecamatan and desa numbering under its
province code and changes every figure a little (a fixed shift per copy, the identities and the
typing faults of the real rows kept: paslon 1 and suara sah and jumlah suara move together), so no
two provinces hold the same figures. Same columns, same order, same blanks ("-1").

Not real data: the numbers of the other provinces mean nothing. A Jawa Tengah workspace reads the
other provinces' kecamatan as outside its region set (reported, never dropped), and checks every
TPS of them with the form's identities.

Run: .venv/bin/python bench/tps_national.py OUT.csv.gz [--tps N]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
from pathlib import Path

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "tps" / "pilpres2019_jateng_tps_situng.csv.gz"
#: the TPS of the synthetic set (Pilpres 2024: 820.161 TPS in Indonesia)
TARGET = 820_161
#: province codes the copies take, in order (Kemendagri codes; 33 is the real file itself)
PROVINCES = ("33", "31", "32", "35", "36", "34", "51", "11", "12", "13")
#: columns moved together by a copy's shift (the identities paslon_1 + paslon_2 = suara_sah and
#: suara_sah + suara_tidak_sah = jumlah_suara hold, or stay broken by the same amount)
SHIFTED = ("situng_paslon_1", "situng_suara_sah", "situng_jumlah_suara")


def build(out: Path, n: int = TARGET, real: Path = REAL) -> int:
    """Write the synthetic set (gzip CSV, the real file's header) to ``out``; return its TPS count.

    Raises:
        ValueError: ``n`` needs more copies than :data:`PROVINCES` has codes.
    """
    with gzip.open(real, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    copies = -(-n // len(rows))
    if copies > len(PROVINCES):
        raise ValueError(f"{n} TPS need {copies} copies; at most {len(PROVINCES)} province codes")
    ik, idesa = header.index("kode_kecamatan"), header.index("kode_desa")
    shift = [header.index(c) for c in SHIFTED]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    written = 0
    for c, prov in enumerate(PROVINCES[:copies]):
        for row in rows[: n - written]:
            if c:
                row = list(row)
                row[ik] = prov + row[ik][2:]
                if row[idesa]:
                    row[idesa] = prov + row[idesa][2:]
                for j in shift:
                    v = row[j]
                    if v not in ("", "-1"):
                        row[j] = str(int(v) + c)
            w.writerow(row)
        written = min(n, written + len(rows))
    with gzip.open(out, "wt", encoding="utf-8", newline="", compresslevel=6) as g:
        g.write(buf.getvalue())
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--tps", type=int, default=TARGET)
    args = ap.parse_args()
    n = build(args.out, args.tps)
    print(f"{args.out}: {n} TPS, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
