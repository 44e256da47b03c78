"""Benchmark: publishing the province as a static site, and serving it (target: build < 2 s,
home page with everything it loads < 100 KB gzip, thousands of requests per second).

Builds the demonstration workspace (35 real Pilpres 2019 certificates), publishes it to a fresh
folder (build time), publishes again unchanged (no file written), changes one certificate and
publishes again (files changed); then serves the site with a throwaway nginx on 127.0.0.1 and
measures, with wrk, requests per second for the home page, a regency page and the province
JSON, and the compressed size of the home page with what it loads. Optionally takes headless
Chromium screenshots (desktop and phone width). Uses only public tools (time.perf_counter,
subprocess, nginx, wrk, chromium); every load is bounded in time and stays on 127.0.0.1.

    .venv/bin/python bench/bench_publish.py [--runs 3] [--seconds 5] [--screenshots docs/screenshots]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from recap_app.core import certificate, publish  # noqa: E402
from recap_app.core.bundle.keys import load_identity  # noqa: E402
from recap_app.core.demo import make_demo  # noqa: E402
from recap_app.core.publish.hosting import nginx_conf  # noqa: E402

SHOTS = [("publikasi-beranda", 1280, 2200, "index.html"), ("publikasi-beranda-ponsel", 390, 2400, "index.html"),
         ("publikasi-kabupaten", 1280, 1700, "wilayah/33.75.html"),
         ("publikasi-kabupaten-ponsel", 390, 2000, "wilayah/33.75.html"),
         ("publikasi-en", 1280, 1400, "en/index.html"), ("publikasi-cara-memeriksa", 1280, 1500, "cara-memeriksa.html")]


def change_one(ws) -> None:
    info, values = ws.latest_values()["33.01"]
    vals = {c: dict(v) for c, v in values.items()}
    first = info.columns[0]
    for c in (first, "JUMLAH"):
        vals[c]["paslon_1"] += 1
        vals[c]["suara_sah"] += 1
    certificate.save(ws, "33.01", list(info.columns), vals, "bench", reason="bench")


def build_times(d: Path, runs: int) -> dict:
    ident = load_identity(d / "kunci.pem")
    best = {"fresh": 1e9, "unchanged": 1e9, "one_change": 1e9}
    for i in range(runs):
        ws = make_demo(d / f"demo{i}.sqlite", actor="bench")
        out = d / f"situs{i}"
        t0 = time.perf_counter()
        r1 = publish.publish(ws, "bench", out, identity=ident)
        t1 = time.perf_counter()
        r2 = publish.publish(ws, "bench", out, identity=ident)
        t2 = time.perf_counter()
        change_one(ws)
        t3 = time.perf_counter()
        r3 = publish.publish(ws, "bench", out, identity=ident)
        t4 = time.perf_counter()
        ws.close()
        assert r2.changed == [] and publish.verify_site(out).ok
        best = {"fresh": min(best["fresh"], t1 - t0), "unchanged": min(best["unchanged"], t2 - t1),
                "one_change": min(best["one_change"], t4 - t3)}
        best.update(files=r1.files, changed=len(r3.changed), removed=len(r3.removed),
                    bytes=sum(p.stat().st_size for p in out.rglob("*") if p.is_file()))
    shown = make_demo(d / "tampil.sqlite", actor="bench")  # the real figures, unchanged, for serving
    publish.publish(shown, "bench", d / "tampil", identity=ident)
    shown.close()
    best["site"] = d / "tampil"
    return best


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_nginx(site: Path, d: Path) -> tuple[subprocess.Popen, str]:
    exe = shutil.which("nginx") or "/usr/sbin/nginx"
    prefix = d / "nginx"
    prefix.mkdir()
    port = free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_conf(str(site), f"127.0.0.1:{port}", str(prefix), run_as_root=os.geteuid() == 0))
    proc = subprocess.Popen([exe, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    return proc, f"http://127.0.0.1:{port}"


def fetch(url: str) -> bytes:
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.read()


def page_weight(base: str, page: str) -> tuple[int, int]:
    """(gzip bytes of the page and what it loads, uncompressed bytes)."""
    body = fetch(f"{base}/{page}")
    html = gzip.decompress(body).decode("utf-8")
    total, raw = len(body), len(html.encode())
    folder = page.rsplit("/", 1)[0] + "/" if "/" in page else ""
    for url in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html):
        got = fetch(f"{base}/{folder}{url}")
        total += len(got)
        raw += len(gzip.decompress(got))
    return total, raw


def wrk(base: str, path: str, seconds: int, gz: bool = True) -> float:
    header = ["-H", "Accept-Encoding: gzip"] if gz else []
    out = subprocess.run(["wrk", "-t2", "-c64", f"-d{seconds}s", "--timeout", "5s", *header, f"{base}/{path}"],
                         capture_output=True, text=True, timeout=seconds + 60).stdout
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    return float(m.group(1)) if m else float("nan")


def screenshots(base: str, folder: Path, d: Path) -> list[Path]:
    exe = shutil.which("chromium")
    folder.mkdir(parents=True, exist_ok=True)
    done = []
    for name, w, h, page in SHOTS:
        out = folder / f"{name}.png"
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--hide-scrollbars", f"--user-data-dir={d / ('chromium-' + name)}",
                        f"--window-size={w},{h}", f"--screenshot={out}", f"{base}/{page}"],
                       capture_output=True, timeout=120, check=True)
        done.append(out)
    return done


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    ap.add_argument("--screenshots", type=Path, default=None, help="folder for Chromium screenshots")
    args = ap.parse_args()
    os.environ.setdefault("RECAP_HOME", tempfile.mkdtemp(prefix="recap-bench-home-"))
    with tempfile.TemporaryDirectory(prefix="recap-bench-publish-") as tmp:
        d = Path(tmp)
        b = build_times(d, args.runs)
        print(f"site: {b['files']} files, {b['bytes'] / 1e6:.2f} MB (35 kabupaten/kota, 573 kecamatan, id + en)")
        print(f"publish, new folder:       {b['fresh']:.2f} s (best of {args.runs})")
        print(f"publish again, unchanged:  {b['unchanged']:.2f} s, 0 files written")
        print(f"publish after one change:  {b['one_change']:.2f} s, {b['changed']} files written, {b['removed']} removed")
        if not shutil.which("nginx") and not os.path.exists("/usr/sbin/nginx"):
            print("nginx is not installed: no serving figures")
            return
        proc, base = start_nginx(b["site"], d)
        try:
            gz, raw = page_weight(base, "index.html")
            print(f"home page with what it loads: {gz / 1024:.1f} KB gzip ({raw / 1024:.1f} KB uncompressed)")
            gz, raw = page_weight(base, "wilayah/33.01.html")
            print(f"regency page with what it loads: {gz / 1024:.1f} KB gzip ({raw / 1024:.1f} KB uncompressed)")
            if shutil.which("wrk"):
                manifest = publish.verify_site(b["site"]).manifest
                for label, path in (("index.html", "index.html"), ("wilayah/33.01.html", "wilayah/33.01.html"),
                                    ("province JSON", manifest["data"]["provinsi"]["json"])):
                    print(f"wrk {label}: {wrk(base, path, args.seconds):.0f} requests/s "
                          f"(2 threads, 64 connections, {args.seconds} s, gzip, one nginx worker)")
                print(f"wrk index.html without gzip: {wrk(base, 'index.html', args.seconds, gz=False):.0f} requests/s "
                      "(the same, sendfile, no compression)")
            else:
                print("wrk is not installed: no requests/s")
            if args.screenshots:
                for p in screenshots(base, args.screenshots, d):
                    print(f"screenshot: {p}")
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
