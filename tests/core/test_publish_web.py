"""The site with real parts: a real nginx serves it on 127.0.0.1, a real headless Chromium shows
the figures and every regency, wrk measures it; the home page with everything it loads stays
under 100 KB compressed. Each part is skipped only when its program is not installed
(scripts/bootstrap.sh installs Debian's nginx, chromium and wrk)."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import socket
import struct
import subprocess
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from publish_helpers import identity

from recap_app.core import publish
from recap_app.core.demo import make_demo
from recap_app.core.publish.hosting import nginx_conf

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
WRK = shutil.which("wrk")
needs_nginx = pytest.mark.skipif(NGINX is None, reason="nginx is not installed (scripts/bootstrap.sh installs it)")
needs_chromium = pytest.mark.skipif(CHROMIUM is None,
                                    reason="chromium is not installed (scripts/bootstrap.sh installs it)")
needs_wrk = pytest.mark.skipif(WRK is None, reason="wrk is not installed (scripts/bootstrap.sh installs it)")

BUDGET = 100 * 1024  # the home page with everything it needs, gzip-compressed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    """The 35 real Pilpres 2019 certificates (CONTOH) published once for this module."""
    base = tmp_path_factory.mktemp("web")
    ws = make_demo(base / "demo.sqlite", actor="tester")
    regencies = [r.nama for r in ws.regencies()]
    publish.publish(ws, "tester", base / "situs", identity=identity(base))
    ws.close()
    return base / "situs", regencies


@pytest.fixture(scope="module")
def nginx(demo_site, tmp_path_factory):
    """nginx serving the site on a free high port of 127.0.0.1 (own nginx.conf, stopped after)."""
    if NGINX is None:
        pytest.skip("nginx is not installed (scripts/bootstrap.sh installs it)")
    site, _ = demo_site
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_conf(str(site), f"127.0.0.1:{port}", str(prefix), run_as_root=os.geteuid() == 0),
                    encoding="utf-8")
    proc = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"nginx did not start: {proc.stderr.read().decode(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover
        proc.kill()


def chromium(args: list[str], tmp_path: Path, timeout: int = 90) -> subprocess.CompletedProcess:
    """Headless Chromium with a fresh profile and no network of its own."""
    profile = tmp_path / f"chromium-{time.monotonic_ns()}"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage", "--hide-scrollbars", f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def fetch(url: str, gz: bool = True) -> tuple[bytes, dict]:
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gz else {})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.read(), {k.lower(): v for k, v in r.headers.items()}


class Needs(HTMLParser):
    """What a page makes the browser load: stylesheets, images, scripts, icons."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") in ("stylesheet", "icon") and a.get("href"):
            self.urls.append(a["href"])
        elif tag in ("img", "script", "iframe", "source", "video", "audio") and a.get("src"):
            self.urls.append(a["src"])


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", head[16:24])


# ------------------------------------------------------------------------------------------ tests
@needs_nginx
def test_nginx_serves_the_site_with_cache_headers(nginx, demo_site):
    site, _ = demo_site
    body, headers = fetch(f"{nginx}/index.html")
    assert headers.get("content-encoding") == "gzip" and "16.825.511" in gzip.decompress(body).decode("utf-8")
    assert headers["cache-control"] == "public, max-age=60, must-revalidate"
    _, headers = fetch(f"{nginx}/manifest.json")
    assert headers["cache-control"] == "public, max-age=60, must-revalidate"
    css = next(site.glob("aset/gaya.*.css")).relative_to(site).as_posix()
    data = next(site.glob("data/provinsi.*.json")).relative_to(site).as_posix()
    for path in (css, data):
        _, headers = fetch(f"{nginx}/{path}")
        assert headers["cache-control"] == "public, max-age=31536000, immutable", path
    _, headers = fetch(f"{nginx}/")
    assert headers["content-type"].startswith("text/html")


@needs_nginx
def test_home_page_with_everything_it_loads_is_under_100_kb_compressed(nginx, demo_site):
    body, headers = fetch(f"{nginx}/index.html")
    assert headers.get("content-encoding") == "gzip"
    html = gzip.decompress(body).decode("utf-8")
    parser = Needs()
    parser.feed(html)
    total = len(body)
    for url in parser.urls:
        if url.startswith("data:"):
            continue
        assert not re.match(r"^[a-z]+:|^//", url), url  # nothing from another host
        got, _ = fetch(f"{nginx}/{url}")
        total += len(got)
    print(f"\nhome page with what it loads: {total} bytes gzip ({len(parser.urls)} resources)")
    assert total < BUDGET


@needs_nginx
@needs_chromium
def test_chromium_shows_the_figures_and_every_regency(nginx, demo_site, tmp_path):
    _site, regencies = demo_site
    r = chromium(["--dump-dom", f"{nginx}/index.html"], tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    dom = r.stdout
    assert "16.825.511" in dom and "4.944.447" in dom and "CONTOH" in dom
    missing = [name for name in regencies if name not in dom]
    assert missing == []
    r = chromium(["--dump-dom", f"{nginx}/en/wilayah/33.75.html"], tmp_path)
    assert r.returncode == 0 and "Kota Pekalongan" in r.stdout and "138,319" in r.stdout


@needs_chromium
def test_chromium_reads_the_site_from_file_urls(demo_site, tmp_path):
    site, regencies = demo_site
    r = chromium(["--dump-dom", (site / "wilayah" / "33.01.html").as_uri()], tmp_path)
    assert r.returncode == 0 and "Kabupaten Cilacap" in r.stdout and "775.304" in r.stdout


@needs_nginx
@needs_chromium
@pytest.mark.parametrize("name,width,height,page", [
    ("publikasi-beranda", 1280, 2200, "index.html"),
    ("publikasi-beranda-ponsel", 390, 2400, "index.html"),
    ("publikasi-kabupaten", 1280, 1700, "wilayah/33.75.html"),
    ("publikasi-kabupaten-ponsel", 390, 2000, "wilayah/33.75.html"),
    ("publikasi-en", 1280, 1400, "en/index.html"),
    ("publikasi-cara-memeriksa", 1280, 1500, "cara-memeriksa.html"),
])
def test_screenshots(nginx, tmp_path, name, width, height, page):
    """Screenshots of the served site, desktop and phone width (RECAP_SCREENSHOTS=DIR keeps them)."""
    folder = Path(os.environ.get("RECAP_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{name}.png"
    r = chromium([f"--window-size={width},{height}", f"--screenshot={out}", f"{nginx}/{page}"], tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    assert png_size(out) == (width, height) and out.stat().st_size > 20_000


@needs_nginx
@needs_wrk
def test_wrk_load_on_the_home_page(nginx):
    """A short, bounded load test of 127.0.0.1 only: wrk reports requests per second."""
    r = subprocess.run([WRK, "-t2", "-c32", "-d3s", "--timeout", "5s", "-H", "Accept-Encoding: gzip",
                        f"{nginx}/index.html"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    m = re.search(r"Requests/sec:\s+([\d.]+)", r.stdout)
    assert m, r.stdout
    rps = float(m.group(1))
    print(f"\nwrk index.html: {rps:.0f} requests/s")
    assert "Non-2xx" not in r.stdout and "Socket errors" not in r.stdout
    assert rps > 500
