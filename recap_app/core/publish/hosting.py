"""How to serve the site: the nginx configuration the documentation recommends (and the tests run).

Content-addressed files (``name.<16 hex>.ext``: data, stylesheet) never change, so caches may
keep them for a year (``immutable``); pages, the manifest and its signature change with the
data, so caches keep them a minute and ask again. Text is sent gzip-compressed. Nothing else
is needed: the site is plain files.
"""

from __future__ import annotations

from .common import CACHE_IMMUTABLE, CACHE_SHORT

#: MIME types of the site's files
TYPES = {"html": "text/html", "css": "text/css", "json": "application/json", "csv": "text/csv",
         "svg": "image/svg+xml", "pem": "application/x-pem-file", "sig": "application/octet-stream"}


def server_block(root: str, listen: str = "80", server_name: str = "_") -> str:
    """An nginx ``server { }`` block serving the site folder ``root`` (paste into nginx's sites-enabled).

    Args:
        root: absolute path of the published folder; listen: nginx listen value ("80", "127.0.0.1:8080").
    """
    return f"""server {{
    listen {listen};
    server_name {server_name};
    root {root};
    index index.html;
    charset utf-8;
    charset_types text/css application/json text/csv text/plain;
    gzip on;
    gzip_vary on;
    gzip_min_length 256;
    gzip_types text/css application/json text/csv image/svg+xml text/plain;
    # content-addressed files (name.<16 hex digits>.ext) never change: cache for a year
    location ~ "\\.[0-9a-f]{{16}}\\.(json|csv|css|svg)$" {{
        add_header Cache-Control "{CACHE_IMMUTABLE}";
        try_files $uri =404;
    }}
    # pages, manifest.json, manifest.sig, SHA256SUMS: change with the data
    location / {{
        add_header Cache-Control "{CACHE_SHORT}";
        try_files $uri $uri/ =404;
    }}
}}
"""


def nginx_conf(root: str, listen: str, prefix: str, run_as_root: bool = False) -> str:
    """A whole nginx.conf for one site, with every run-time file under ``prefix`` (a throwaway
    server for previews, tests and benchmarks: ``nginx -p PREFIX -c nginx.conf -e PREFIX/error.log``).

    Args:
        root: the published folder; listen: "127.0.0.1:PORT"; prefix: folder for pid, logs, temp files.
        run_as_root: keep worker processes as root (nginx started by root, site in a private folder).
    """
    types = " ".join(f"{mime} {ext};" for ext, mime in TYPES.items())
    user = "user root;\n" if run_as_root else ""
    return f"""{user}worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    types {{ {types} }}
    default_type text/plain;
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
{server_block(root, listen, "localhost")}}}
"""
