"""The HTML pages of the public site, in Indonesian (root) and English (under en/).

Every page is complete HTML: the figures are in the page (no script), the marks CONTOH /
SIMULASI are an element of every page's HTML, links are relative (file:// and any folder of
any host), one stylesheet, charts as inline SVG (:mod:`.chart`). A page shows only what it is
about, so one changed certificate changes only the pages that show it: its kabupaten/kota
page, its dapil page, the home page (province totals, status, data time) and the data list.

Pages (site paths; the same under en/):
    index.html                 province totals, share chart, status of every kabupaten/kota
    wilayah/<kode>.html        one kabupaten/kota: kecamatan figures, revisions, adoption, findings
    dapil/<kode>.html          one dapil (legislative contests): its regencies and sums
    cara-memeriksa.html        how a reader checks the site, the office key
    data.html                  the JSON and CSV files and their layout
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from ..domain import JUMLAH
from ..totals import sum_or_none
from . import chart
from .common import (
    MANIFEST,
    MARK_TEXT,
    PUBLIC_KEY_FILE,
    SIGNATURE,
    SUMS,
    counterpart,
    grouped,
    in_lang,
    number,
    percent,
    rel,
    wib,
)
from .data import paths_of
from .snapshot import DistrictView, RegencyView, Snapshot
from .texts import event_word, status_word, t

INDEX = "index.html"
CHECK = "cara-memeriksa.html"
DATA = "data.html"

#: summary rows of the home page (when the form has them), in this order
SUMMARY_KEYS = ("pemilih", "pengguna_hak_pilih", "suara_sah", "suara_tidak_sah", "jumlah_suara")


def h(text) -> str:
    """HTML-escaped text (quotes too)."""
    return escape("" if text is None else str(text), quote=True)


@dataclass
class Context:
    """What every page needs besides the snapshot.

    Attributes:
        css: site path of the stylesheet (content-addressed).
        files: {(kind, code): {"json": path, "csv": path, "json_size": n, "csv_size": n}} of the data
            files; kind is "provinsi", "kabupaten_kota" or "dapil".
    """

    s: Snapshot
    css: str
    files: dict = field(default_factory=dict)


# ------------------------------------------------------------------------------------------ layout
def _status(status: str, lang: str) -> str:
    return f'<span class="st st-{status.replace(" ", "-")}">{h(status_word(status, lang))}</span>'


def _banners(s: Snapshot, lang: str) -> str:
    out = []
    for m in s.marks:
        out.append(f'<p class="tanda tanda-{m.lower()}" role="note"><strong>{h(m)}</strong> — '
                   f'{h(MARK_TEXT[m][1 if lang == "en" else 0].split(" — ", 1)[1])}</p>')
    return "".join(out)


def _menu(path: str, lang: str, current: str | None) -> str:
    items = [(INDEX, t(lang, "home")), (CHECK, t(lang, "check")), (DATA, t(lang, "data"))]
    out = []
    for target, text in items:
        cur = ' aria-current="page"' if target == current else ""
        out.append(f'<a href="{h(rel(path, in_lang(target, lang)))}"{cur}>{h(text)}</a>')
    other = "en" if lang == "id" else "id"
    out.append(f'<a href="{h(rel(path, counterpart(path, lang)))}" hreflang="{other}" lang="{other}">'
               f'{h(t(lang, "other_lang"))}</a>')
    return f'<nav class="menu" aria-label="menu">{"".join(out)}</nav>'


def layout(c: Context, lang: str, path: str, title: str, body: str, current: str | None = None) -> bytes:
    """A whole page: head, marks, header with the menu and the language switch, body, footer.

    Args:
        path: this page's site path ("en/wilayah/33.01.html"); every link is made relative to it.
        title: the page title (the marks are put before it).
    Returns:
        UTF-8 bytes of the page.
    """
    s = c.s
    e = s.election
    marks = "".join(f"{m} · " for m in s.marks)
    other = "en" if lang == "id" else "id"
    election = e.name_en if lang == "en" else e.name
    head = (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{h(marks + title)} — {h(s.office_name)}</title>\n"
            f'<link rel="stylesheet" href="{h(rel(path, c.css))}">\n'
            '<link rel="icon" href="data:,">\n'
            f'<link rel="alternate" hreflang="{other}" href="{h(rel(path, counterpart(path, lang)))}">\n'
            "</head>\n<body>\n")
    top = (f"{_banners(s, lang)}<header class=\"kepala\"><div class=\"wrap\">"
           f'<p class="kantor">{h(s.office_name)}</p><p class="pemilu">{h(election)}</p>'
           f"{_menu(path, lang, current)}</div></header>\n")
    foot = ('<footer><div class="wrap">'
            + (f"<p><strong>{h(t(lang, 'marked_site', marks=' + '.join(s.marks)))}</strong></p>" if s.marks else "")
            + f"<p>{h(t(lang, 'key_fp'))}: <span class=\"hash\">{h(grouped(s.key_fingerprint))}</span></p>"
            f'<p><a href="{h(rel(path, in_lang(CHECK, lang)))}">{h(t(lang, "how_to_check_link"))}</a> · '
            f'<a href="{h(rel(path, MANIFEST))}">{h(t(lang, "manifest"))}</a> ({MANIFEST}, {SIGNATURE})</p>'
            f"<p>{h(t(lang, 'made_by', version=s.program_version))}</p></div></footer>\n")
    return (head + top + f'<main class="wrap">\n{body}\n</main>\n' + foot + "</body>\n</html>\n").encode("utf-8")


# ------------------------------------------------------------------------------------------ blocks
def _contestant_name(c, lang: str) -> str:
    return c.short


def _number_label(c, lang: str) -> str:
    if c.nomor is None:
        return ""
    return (f"Nomor urut {c.nomor}" if lang == "id" else f"Ballot number {c.nomor}")


def cards(form, fields: dict, lang: str) -> str:
    """One card per contestant (ballot number, name, votes, share of suara sah); a table instead
    when there are more than six (parties)."""
    whole = fields.get("suara_sah")
    shown = [(i, c, form.total_key(c)) for i, c in enumerate(form.contestants) if form.total_key(c) in fields]
    if len(shown) > 6:
        rows = "".join(f'<tr><td class="n">{h(c.nomor or "–")}</td><td>{h(c.nama)}</td>'
                       f'<td class="n">{h(number(fields.get(k), lang))}</td>'
                       f'<td class="n">{h(percent(fields.get(k), whole, lang))}</td></tr>' for _i, c, k in shown)
        return (f'<div class="gulir"><table><thead><tr><th class="n">{h(t(lang, "nomor"))}</th>'
                f'<th>{h(t(lang, "contestant"))}</th><th class="n">{h(t(lang, "suara"))}</th>'
                f'<th class="n">{h(t(lang, "share"))}</th></tr></thead><tbody>{rows}</tbody></table></div>')
    out = ['<div class="kartu">']
    for i, c, k in shown:
        v = fields.get(k)
        out.append(f'<div style="--c:{chart.colour(i)}"><div class="no">{h(_number_label(c, lang))}</div>'
                   f'<div class="nm">{h(_contestant_name(c, lang))}</div>'
                   f'<div class="sr">{h(number(v, lang))}</div>'
                   f'<div class="ps">{h(percent(v, whole, lang))}</div></div>')
    out.append("</div>")
    return "".join(out)


def share_chart(form, fields: dict, lang: str) -> str:
    """The SVG share bars of a form's contestants over ``fields`` (and the scale note for many)."""
    items = [(_contestant_name(c, lang), fields.get(form.total_key(c))) for c in form.contestants
             if form.total_key(c) in fields]
    svg = chart.share_bars(items, fields.get("suara_sah"), t(lang, "chart_share"), lang)
    if len(items) > 6:
        svg += f'<p class="catatan">{h(t(lang, "chart_scaled"))}</p>'
    return svg


def summary_table(form, fields: dict, lang: str) -> str:
    """Registered voters, voters who voted, valid, invalid and all votes (the rows the form has)."""
    rows = []
    for k in SUMMARY_KEYS:
        if k in form.field_by_key and k in fields:
            rows.append(f'<tr><td>{h(form.field_label(k, lang))}</td><td class="n">{h(number(fields.get(k), lang))}'
                        "</td></tr>")
    return (f'<div class="gulir"><table><thead><tr><th>{h(t(lang, "figure"))}</th><th class="n">'
            f'{h(t(lang, "value"))}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
            f'<p class="catatan">{h(t(lang, "blank_note"))}</p>')


def _short_region(name: str) -> str:
    return name[len("Kabupaten "):] if name.startswith("Kabupaten ") else name


def _column_name(x, lang: str) -> str:
    """A contestant as a column heading: "Paslon 1" / "Pair 1" for pairs, the short name otherwise."""
    if str(x.kind) == "paslon" and x.nomor is not None:
        return f"Paslon {x.nomor}" if lang == "id" else f"Pair {x.nomor}"
    return x.short


def _findings_cell(r: RegencyView, lang: str) -> str:
    if r.errors is None:
        return h(t(lang, "not_checked")) if r.received else "–"
    return h(t(lang, "errors_warnings", e=r.errors, w=r.warnings))


def regency_table(c: Context, lang: str, path: str, regencies: list[RegencyView], form, with_votes: bool) -> str:
    """The status table: code, name (link), status, revision, votes (few contestants), suara sah, findings."""
    shown = [(x, form.total_key(x)) for x in form.contestants] if with_votes else []
    sah_class = " opsi" if shown else ""
    head = (f'<tr><th class="opsi">{h(t(lang, "kode"))}</th><th>{h(t(lang, "regency")).replace("/", "/<wbr>")}</th>'
            f'<th>{h(t(lang, "status"))}</th><th class="n opsi">{h(t(lang, "revision"))}</th>'
            + "".join(f'<th class="n" title="{h(x.nama)}">{h(_column_name(x, lang))}</th>' for x, _ in shown)
            + f'<th class="n{sah_class}">{h(t(lang, "suara_sah"))}</th><th class="opsi">{h(t(lang, "open_findings"))}</th></tr>')
    rows = []
    for r in regencies:
        page = rel(path, in_lang(paths_of("kabupaten_kota", r.kode)[0], lang))
        tot = r.total
        rows.append(f'<tr><td class="opsi">{h(r.kode)}</td><td><a href="{h(page)}">{h(r.nama)}</a></td>'
                    f"<td>{_status(r.status, lang)}</td><td class=\"n opsi\">{h(r.revision or '–')}</td>"
                    + "".join(f'<td class="n">{h(number(tot.get(k), lang))}</td>' for _, k in shown)
                    + f'<td class="n{sah_class}">{h(number(tot.get("suara_sah"), lang))}</td>'
                    f'<td class="opsi">{_findings_cell(r, lang)}</td></tr>')
    return f'<div class="gulir"><table><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div>'


def regency_chart(c: Context, lang: str, path: str, regencies: list[RegencyView], form) -> str:
    """One stacked SVG bar per kabupaten/kota (each linked to its page), with its caption."""
    rows = []
    for r in regencies:
        href = rel(path, in_lang(paths_of("kabupaten_kota", r.kode)[0], lang))
        rows.append((_short_region(r.nama), href, [r.total.get(form.total_key(x)) for x in form.contestants]))
    return (chart.regency_rows(rows, [x.short for x in form.contestants], t(lang, "chart_regencies"), lang)
            + f'<p class="catatan">{h(t(lang, "chart_note"))}</p>')


def _data_links(c: Context, lang: str, path: str, kind: str, code: str) -> str:
    f = c.files.get((kind, code), {})
    links = []
    for ext in ("json", "csv"):
        if f.get(ext):
            links.append(f'<a href="{h(rel(path, f[ext]))}">{ext.upper()}</a> '
                         f'<span class="catatan">({h(number(f.get(ext + "_size"), lang))} {h(t(lang, "bytes"))})</span>')
    return f'<h2>{h(t(lang, "data_files"))}</h2><p>{" · ".join(links)}</p>'


# ------------------------------------------------------------------------------------------ pages
def index(c: Context, lang: str) -> tuple[str, bytes]:
    """The home page: province totals, share chart, status of every kabupaten/kota, data time."""
    s = c.s
    path = in_lang(INDEX, lang)
    province = s.province_name.title()
    title = t(lang, "province_recap", province=province)
    body = [f"<h1>{h(title)}</h1>"]
    if s.head["at"]:
        body.append(f'<p class="waktu">{h(t(lang, "data_as_of", time=wib(s.head["at"], lang), id=s.head["id"]))}</p>')
    else:
        body.append(f'<p class="waktu">{h(t(lang, "no_data_yet"))}</p>')
    body.append(f'<p class="waktu">{h(t(lang, "received_adopted", received=s.received, expected=s.expected, adopted=s.adopted))}</p>')
    body.append(f'<p class="info selesai">{h(t(lang, "final"))}</p>' if s.final
                else f'<p class="info">{h(t(lang, "provisional"))}</p>')
    body.append(f"<h2>{h(t(lang, 'votes'))}</h2>")
    body.append(cards(s.form, s.fields, lang))
    body.append(share_chart(s.form, s.fields, lang))
    body.append(f"<h3>{h(t(lang, 'summary'))}</h3>")
    body.append(summary_table(s.form, s.fields, lang))
    few = len(s.form.contestants) <= 6
    if few:
        body.append(f"<h2>{h(t(lang, 'chart_regencies'))}</h2>")
        body.append(regency_chart(c, lang, path, s.regencies, s.form))
    body.append(f"<h2>{h(t(lang, 'regencies'))}</h2>")
    body.append(regency_table(c, lang, path, s.regencies, s.form, with_votes=len(s.form.contestants) <= 3
                              and not s.election.has_districts))
    if s.election.has_districts:
        body.append(f"<h2>{h(t(lang, 'dapil'))}</h2>")
        rows = []
        for d in s.districts:
            page = rel(path, in_lang(paths_of("dapil", d.kode)[0], lang))
            rows.append(f'<tr><td><a href="{h(page)}">{h(d.nama)}</a></td><td class="n">{h(d.kursi or "–")}</td>'
                        f'<td class="n">{d.received}/{d.expected}</td>'
                        f'<td class="n">{h(number(d.fields.get("suara_sah"), lang))}</td></tr>')
        body.append(f'<div class="gulir"><table><thead><tr><th>{h(t(lang, "dapil_one"))}</th>'
                    f'<th class="n">{h(t(lang, "kursi"))}</th><th class="n">{h(t(lang, "regencies"))}</th>'
                    f'<th class="n">{h(t(lang, "suara_sah"))}</th></tr></thead><tbody>{"".join(rows)}</tbody>'
                    "</table></div>")
    body.append(_verify_box(c, lang, path))
    body.append(f'<p class="catatan">{h(t(lang, "legal", office=s.office_name))}</p>')
    return path, layout(c, lang, path, title, "\n".join(body), INDEX)


def _verify_box(c: Context, lang: str, path: str) -> str:
    s = c.s
    form_name = s.election.form_name("provinsi")
    fp = (f'<span class="hash">{h(s.data_fingerprint)}</span><br><span class="catatan">'
          f'{h(t(lang, "data_fp_note", form=form_name))}</span>' if s.data_fingerprint else h(t(lang, "no_data_fp")))
    return (f"<h2>{h(t(lang, 'verify_box'))}</h2><dl class=\"sidik\">"
            f"<dt>{h(t(lang, 'key_fp'))}</dt><dd class=\"hash\">{h(grouped(s.key_fingerprint))}</dd>"
            f"<dt>{h(t(lang, 'chain_head'))}</dt><dd>#{s.head['id']} <span class=\"hash\">{h(s.head['hash'])}</span></dd>"
            f"<dt>{h(t(lang, 'data_fp'))}</dt><dd>{fp}</dd></dl>"
            f'<p><a href="{h(rel(path, in_lang(CHECK, lang)))}">{h(t(lang, "how_to_check_link"))}</a></p>')


def regency(c: Context, r: RegencyView, lang: str) -> tuple[str, bytes]:
    """One kabupaten/kota: status, adoption, votes, kecamatan figures, all fields, findings, history."""
    s = c.s
    path = in_lang(paths_of("kabupaten_kota", r.kode)[0], lang)
    body = [f'<p class="jalur"><a href="{h(rel(path, in_lang(INDEX, lang)))}">{h(t(lang, "home"))}</a> › '
            f"{h(t(lang, 'regency'))} › {h(r.nama)}</p>",
            f"<h1>{h(r.nama)} <span class=\"catatan\">{h(r.kode)}</span></h1>"]
    facts = [_status(r.status, lang)]
    if r.received:
        rev = r.revisions[-1] if r.revisions else {}
        facts.append(h(t(lang, "latest_revision", n=r.revision, time=wib(rev.get("created_at"), lang))))
        facts.append(h(t(lang, "adopted_at", time=wib(r.adopted["at"], lang), revision=r.adopted["revision"]))
                     if r.adopted else h(t(lang, "not_adopted")))
        facts.append(f"{h(t(lang, 'open_findings'))}: {_findings_cell(r, lang)}.")
    body.append(f'<p class="waktu">{" ".join(facts)}</p>')
    if r.district:
        d = s.election.district_by_code[r.district]
        link = f'<a href="{h(rel(path, in_lang(paths_of("dapil", d.kode)[0], lang)))}">{h(d.nama)}</a>'
        body.append(f"<p>{t(lang, 'in_dapil', dapil=link)}</p>")
    if not r.received:
        body.append(f'<p class="info">{h(t(lang, "not_received"))}</p>')
    else:
        body.append(f"<h2>{h(t(lang, 'votes'))}</h2>")
        body.append(cards(r.form, r.total, lang))
        body.append(share_chart(r.form, r.total, lang))
        body.append(f"<h2>{h(t(lang, 'kecamatan_figures'))}</h2>")
        body.append(_kecamatan_table(r, lang))
        body.append(f'<p class="catatan">{h(t(lang, "blank_note"))}</p>')
        body.append(f"<details><summary>{h(t(lang, 'all_fields'))}</summary>{_all_fields(r.form, r.total, lang)}"
                    "</details>")
    body.append(f"<h2>{h(t(lang, 'findings_list'))}</h2>")
    body.append(_findings(r, lang))
    body.append(f"<h2>{h(t(lang, 'history'))}</h2>")
    body.append(_history(r, lang))
    body.append(_data_links(c, lang, path, "kabupaten_kota", r.kode))
    return path, layout(c, lang, path, r.nama, "\n".join(body))


def _vote_columns(form, r_values: dict) -> list[str]:
    keys = [form.total_key(x) for x in form.contestants] + ["suara_sah"]
    for extra in ("suara_tidak_sah", "jumlah_suara", "dpt"):
        if extra in form.field_by_key and any(col.get(extra) is not None for col in r_values.values()):
            keys.append(extra)
    return keys


def _column_label(form, key: str, lang: str) -> str:
    for x in form.contestants:
        if form.total_key(x) == key:
            return _column_name(x, lang)
    return {"suara_sah": t(lang, "suara_sah")}.get(key) or form.label(key, lang)


def _kecamatan_table(r: RegencyView, lang: str) -> str:
    form = r.form
    keys = _vote_columns(form, r.values)
    head = (f'<tr><th class="opsi">{h(t(lang, "kode"))}</th><th>{h(t(lang, "kecamatan"))}</th>'
            + "".join(f'<th class="n">{h(_column_label(form, k, lang))}</th>' for k in keys) + "</tr>")
    rows = []
    kec = [col for col in r.columns if col.kode != JUMLAH]
    for col in kec:
        vals = r.values.get(col.kode, {})
        name = col.nama if col.tingkat != "tidak_dikenal" else f"{col.kode} ({t(lang, 'unknown_column')})"
        rows.append(f'<tr><td class="opsi">{h(col.kode)}</td><td>{h(name)}</td>'
                    + "".join(f'<td class="n">{h(number(vals.get(k), lang))}</td>' for k in keys) + "</tr>")
    tot = r.total
    rows.append(f'<tr class="jml"><td class="opsi">{JUMLAH}</td><td>{h(t(lang, "jumlah_certified"))}</td>'
                + "".join(f'<td class="n">{h(number(tot.get(k), lang))}</td>' for k in keys) + "</tr>")
    sums = {k: sum_or_none(r.values.get(col.kode, {}).get(k) for col in kec) for k in keys}
    note = ""
    if kec and any(sums[k] != tot.get(k) for k in keys):
        rows.append(f'<tr class="beda"><td class="opsi">Σ</td><td>{h(t(lang, "column_sum"))}</td>'
                    + "".join(f'<td class="n{" beda" if sums[k] != tot.get(k) else ""}">{h(number(sums[k], lang))}</td>'
                              for k in keys) + "</tr>")
        note = f'<p class="catatan">{h(t(lang, "column_sum_note"))}</p>'
    return f'<div class="gulir"><table><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div>{note}'


def _all_fields(form, fields: dict, lang: str) -> str:
    rows = "".join(f'<tr><td>{h(form.field_label(k, lang))}</td><td class="n">{h(number(fields.get(k), lang))}</td>'
                   f'<td class="opsi"><code>{h(k)}</code></td></tr>' for k in form.field_keys)
    return (f'<div class="gulir"><table><thead><tr><th>{h(t(lang, "figure"))}</th><th class="n">{h(t(lang, "value"))}'
            f'</th><th class="opsi">{h(t(lang, "key"))}</th></tr></thead><tbody>{rows}</tbody></table></div>')


def _findings(r: RegencyView, lang: str) -> str:
    if not r.received:
        return f"<p>{h(t(lang, 'not_received'))}</p>"
    if not r.findings:
        return f"<p>{h(t(lang, 'no_findings') if r.errors is not None else t(lang, 'not_checked'))}</p>"
    rows = "".join(f'<tr><td><code>{h(f["code"])}</code></td><td class="opsi">{h(f["column"] or "–")}</td>'
                   f'<td>{h(f["message"])}</td></tr>' for f in r.findings)
    note = f'<p class="catatan">{h(t(lang, "findings_note"))}</p>' if lang == "en" else ""
    return (f"<p>{h(t(lang, 'errors_warnings', e=r.errors, w=r.warnings))}</p>"
            f"<details><summary>{h(t(lang, 'findings_list'))} ({len(r.findings)})</summary>{note}"
            f'<div class="gulir"><table><thead><tr><th>{h(t(lang, "code"))}</th><th class="opsi">{h(t(lang, "column"))}'
            f'</th><th>{h(t(lang, "message"))}</th></tr></thead><tbody>{rows}</tbody></table></div></details>')


def _history(r: RegencyView, lang: str) -> str:
    if not r.revisions:
        return f"<p>{h(t(lang, 'not_received'))}</p>"
    rows = "".join(
        f'<tr><td class="n">{rv["number"]}</td><td>{h(wib(rv["created_at"], lang))}</td><td>{h(rv["reason"] or "–")}</td>'
        f'<td class="opsi"><span class="hash" title="{h(rv["content_sha256"])}">{h(rv["content_sha256"][:16])}</span></td>'
        f'<td class="opsi">{_short_hash(rv["source_sha256"], t(lang, "typed"))}</td></tr>'
        for rv in r.revisions)
    out = (f'<h3>{h(t(lang, "revisions"))}</h3><div class="gulir"><table><thead><tr><th class="n">{h(t(lang, "revision"))}</th>'
           f'<th>{h(t(lang, "time"))}</th><th>{h(t(lang, "reason"))}</th><th class="opsi">{h(t(lang, "content_sha"))}</th>'
           f'<th class="opsi">{h(t(lang, "source_sha"))}</th></tr></thead><tbody>{rows}</tbody></table></div>')
    out += f"<h3>{h(t(lang, 'adoption'))}</h3>"
    if r.events:
        rows = "".join(f'<tr><td>{h(wib(ev["at"], lang))}</td><td>{h(event_word(ev["action"], lang))}</td>'
                       f'<td class="n">{h(ev["revision"] or "–")}</td><td>{h(ev["reason"] or "–")}</td></tr>'
                       for ev in r.events)
        out += (f'<div class="gulir"><table><thead><tr><th>{h(t(lang, "time"))}</th><th>{h(t(lang, "event"))}</th>'
                f'<th class="n">{h(t(lang, "revision"))}</th><th>{h(t(lang, "reason"))}</th></tr></thead>'
                f"<tbody>{rows}</tbody></table></div>")
    out += f"<p>{h(t(lang, 'adopted_at', time=wib(r.adopted['at'], lang), revision=r.adopted['revision']) if r.adopted else t(lang, 'not_adopted'))}</p>"
    return out


def _short_hash(value: str | None, blank: str) -> str:
    if not value:
        return h(blank)
    return f'<span class="hash" title="{h(value)}">{h(value[:16])}</span>'


def district(c: Context, d: DistrictView, lang: str) -> tuple[str, bytes]:
    """One dapil: seats, its kabupaten/kota, the sums over its own form (any form kind)."""
    s = c.s
    path = in_lang(paths_of("dapil", d.kode)[0], lang)
    body = [f'<p class="jalur"><a href="{h(rel(path, in_lang(INDEX, lang)))}">{h(t(lang, "home"))}</a> › '
            f"{h(t(lang, 'dapil_one'))} › {h(d.nama)}</p>", f"<h1>{h(d.nama)}</h1>"]
    facts = [t(lang, "received_n", received=d.received, expected=d.expected)]
    if d.kursi:
        facts.insert(0, t(lang, "kursi_n", n=d.kursi) + ".")
    body.append(f'<p class="waktu">{h(" ".join(facts))}</p>')
    body.append(f"<h2>{h(t(lang, 'votes'))}</h2>")
    body.append(cards(d.form, d.fields, lang))
    body.append(share_chart(d.form, d.fields, lang))
    body.append(f"<h3>{h(t(lang, 'summary'))}</h3>")
    body.append(summary_table(d.form, d.fields, lang))
    members = [s.regency(k) for k in d.regencies]
    body.append(f"<h2>{h(t(lang, 'dapil_regencies'))}</h2>")
    body.append(regency_table(c, lang, path, members, d.form, with_votes=len(d.form.contestants) <= 3))
    body.append(_data_links(c, lang, path, "dapil", d.kode))
    return path, layout(c, lang, path, d.nama, "\n".join(body))


def check_page(c: Context, lang: str) -> tuple[str, bytes]:
    """How a reader checks the site: the key, recap publish verify, OpenSSL and sha256sum, the paper."""
    s = c.s
    path = in_lang(CHECK, lang)
    files = " · ".join(f'<a href="{h(rel(path, f))}">{f}</a>' for f in (MANIFEST, SIGNATURE, SUMS, PUBLIC_KEY_FILE))
    body = [f"<h1>{h(t(lang, 'check_title'))}</h1>",
            f"<p>{h(t(lang, 'check_intro', office=s.office_name))}</p>",
            f"<p>{files}</p>",
            "<ol>",
            f"<li><p>{h(t(lang, 'step_key', office=s.office_name))}</p><dl class=\"sidik\">"
            f"<dt>{h(t(lang, 'key_fp'))}</dt><dd class=\"hash\">{h(grouped(s.key_fingerprint))}</dd>"
            f"<dt>{h(t(lang, 'public_key'))}</dt><dd class=\"hash\">{h(s.public_key)}</dd></dl></li>",
            f"<li><p>{h(t(lang, 'step_download'))}</p></li>",
            f"<li><p>{h(t(lang, 'step_recap'))}</p><pre>recap publish verify FOLDER --key {h(s.key_fingerprint)}</pre></li>",
            f"<li><p>{h(t(lang, 'step_tools'))}</p><pre>cd FOLDER\n"
            f"openssl pkeyutl -verify -pubin -inkey {PUBLIC_KEY_FILE} -rawin -in {MANIFEST} -sigfile {SIGNATURE}\n"
            f"sha256sum -c {SUMS}\n"
            f"openssl pkey -pubin -in {PUBLIC_KEY_FILE} -outform DER | tail -c 32 | sha256sum</pre>"
            f"<p>{h(t(lang, 'step_tools_note'))}</p></li>",
            f"<li><p>{h(t(lang, 'step_paper'))}</p></li>",
            f"<li><p>{h(t(lang, 'step_chain'))}</p></li>",
            "</ol>"]
    return path, layout(c, lang, path, t(lang, "check_title"), "\n".join(body), CHECK)


def data_page(c: Context, lang: str) -> tuple[str, bytes]:
    """The JSON and CSV files of every region, with sizes, and the layout of the data."""
    s = c.s
    path = in_lang(DATA, lang)
    entries = [(t(lang, "province_data"), "provinsi", s.office_code)]
    entries += [(f"{d.nama}", "dapil", d.kode) for d in s.districts] if s.election.has_districts else []
    entries += [(f"{r.kode} {r.nama}", "kabupaten_kota", r.kode) for r in s.regencies]
    rows = []
    for label, kind, code in entries:
        f = c.files.get((kind, code), {})
        cells = "".join(f'<td><a href="{h(rel(path, f[ext]))}">{ext.upper()}</a> '
                        f'<span class="catatan">{h(number(f.get(ext + "_size"), lang))} {h(t(lang, "bytes"))}</span></td>'
                        if f.get(ext) else "<td>–</td>" for ext in ("json", "csv"))
        rows.append(f"<tr><td>{h(label)}</td>{cells}</tr>")
    keys = "".join(f"<tr><td><code>{h(k)}</code></td><td>{h(s.form.field_label(k, lang))}</td></tr>"
                   for k in s.form.field_keys if k in s.fields)
    body = [f"<h1>{h(t(lang, 'data'))}</h1>", f"<p>{h(t(lang, 'data_intro'))}</p>",
            f'<div class="gulir"><table><thead><tr><th>{h(t(lang, "what"))}</th><th>JSON</th><th>CSV</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>',
            f"<h2>{h(t(lang, 'schema'))}</h2>", f"<p>{h(t(lang, 'schema_intro'))}</p>",
            f"<p>{h(t(lang, 'csv_cols'))}</p>",
            f'<details><summary>{h(t(lang, "key"))} / {h(t(lang, "meaning"))}</summary><div class="gulir"><table><thead><tr>'
            f'<th>{h(t(lang, "key"))}</th><th>{h(t(lang, "meaning"))}</th></tr></thead><tbody>{keys}</tbody></table>'
            "</div></details>"]
    return path, layout(c, lang, path, t(lang, "data"), "\n".join(body), DATA)
