"""The site's one stylesheet (served as a content-addressed file, cached for ever).

System fonts only (no web font is loaded), readable from 320 px phones to desktops, wide
tables scroll sideways inside their box, the marks (CONTOH, SIMULASI) stand out in print too.
"""

CSS = """\
:root{--ink:#1b1f24;--muted:#4f5964;--line:#d5dae0;--soft:#f3f5f7;--head:#6b0f1a;--link:#0b57a4}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;
color:var(--ink);background:#fff}
a{color:var(--link)}
.wrap{max-width:66rem;margin:0 auto;padding:0 1rem}
.tanda{margin:0;padding:.55rem 1rem;text-align:center;font-weight:700;color:#fff;background:#b3261e;
letter-spacing:.01em;border-bottom:3px solid #7a1a14}
.tanda-simulasi{background:#5b2a86;border-color:#3d1c5a}
.kepala{background:var(--head);color:#fff;padding:.6rem 0 .5rem}
.kepala a{color:#fff}
.kepala p{margin:0}
.kantor{font-size:.9rem;opacity:.9}
.pemilu{font-weight:700;font-size:1.05rem}
nav.menu{margin-top:.35rem;font-size:.95rem;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
nav.menu a[aria-current]{font-weight:700;text-decoration:none}
.jalur{font-size:.9rem;color:var(--muted);margin:.8rem 0 0}
h1{font-size:1.55rem;line-height:1.25;margin:.7rem 0 .3rem}
h2{font-size:1.2rem;margin:1.6rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid var(--line)}
h3{font-size:1.05rem;margin:1.1rem 0 .4rem}
.waktu{margin:.2rem 0;color:var(--muted)}
.catatan{font-size:.9rem;color:var(--muted)}
.info{background:var(--soft);border-left:4px solid #8a6d00;padding:.5rem .8rem;margin:.8rem 0}
.info.selesai{border-color:#1e7b34}
.kartu{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.7rem;margin:.8rem 0}
.kartu>div{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;border-top:6px solid var(--c,#888)}
.kartu .no{font-size:.85rem;color:var(--muted)}
.kartu .nm{font-weight:700;line-height:1.3}
.kartu .sr{font-size:1.6rem;font-weight:700;font-variant-numeric:tabular-nums;line-height:1.2;margin-top:.2rem}
.kartu .ps{font-size:1.05rem;color:var(--muted)}
.gulir{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.4rem 0;border:1px solid var(--line);border-radius:4px}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;font-size:.93rem}
th,td{padding:.3rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:var(--soft);position:sticky;top:0;font-weight:600}
td.n,th.n{text-align:right;white-space:nowrap}
tr.jml td{font-weight:700;background:#fafbfc}
tr.beda td{background:#fff4e5}
td.beda{outline:2px solid #c26100;outline-offset:-2px}
code,.hash{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.85em;word-break:break-all}
pre{background:var(--soft);padding:.6rem .8rem;overflow-x:auto;border-radius:4px;font-size:.85rem}
.st{display:inline-block;padding:0 .45rem;border-radius:1rem;font-size:.82rem;white-space:nowrap;border:1px solid}
.st-ditetapkan{background:#1e7b34;color:#fff;border-color:#1e7b34}
.st-sesuai{background:#e7f5ea;color:#14532d;border-color:#7cc38d}
.st-ada-peringatan{background:#fff6d6;color:#5c4400;border-color:#d9b44a}
.st-ada-kesalahan{background:#fde7e6;color:#8c1d18;border-color:#e58a84}
.st-draf{background:#eef1f4;color:#3a4450;border-color:#b7c0ca}
.st-belum-masuk{background:#fff;color:#5b6470;border-color:#b7c0ca;border-style:dashed}
svg.grafik{display:block;width:100%;max-width:36rem;height:auto;margin:.6rem 0;font-size:11px}
svg .gl{font-weight:700;fill:var(--ink)}
svg .gv,svg .gs{fill:var(--ink)}
svg .gi{fill:#fff;font-size:10px;font-weight:700}
svg .gb{fill:#e9ecef}
svg .gm{stroke:#1b1f24;stroke-width:1;stroke-dasharray:3 2}
svg a .gs{fill:var(--link)}
details{margin:.6rem 0}
summary{cursor:pointer;font-weight:600}
dl.sidik{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:.4rem 0}
dl.sidik dt{color:var(--muted)}
dl.sidik dd{margin:0}
footer{margin:2.5rem 0 0;padding:1rem 0 1.5rem;border-top:1px solid var(--line);font-size:.88rem;color:var(--muted)}
footer p{margin:.25rem 0}
@media (max-width:40rem){
 body{font-size:15px}
 h1{font-size:1.3rem}
 .opsi{display:none}
 table{font-size:.84rem}
 th,td{padding:.26rem .3rem}
 thead th{overflow-wrap:anywhere}
 .st{font-size:.7rem;padding:0 .3rem;white-space:normal;text-align:center;border-radius:.4rem}
 dl.sidik{grid-template-columns:1fr}
 .kartu .sr{font-size:1.4rem}
 svg.grafik{font-size:12.5px}
}
@media print{
 .kepala{background:none;color:#000}.kepala a{color:#000}
 .tanda{color:#000;background:none;border:3px solid #000}
 .gulir{overflow:visible;border:0}
 nav.menu{display:none}
}
"""
