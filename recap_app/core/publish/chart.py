"""Charts of the public site, drawn here as SVG (no script, no font, nothing from outside).

Two charts: :func:`share_bars` (one horizontal bar per contestant, its share of the valid
votes) and :func:`regency_rows` (one stacked bar per kabupaten/kota, each contestant's
share there). Both are inline SVG with a ``<title>`` and the figures written as text, so they
read without colour too; the same figures are in the page's tables. Colours come from the
Okabe–Ito palette, which stays distinguishable for colour-blind readers.
"""

from __future__ import annotations

from html import escape

from .common import number, percent, share

#: Okabe–Ito colours, then darker tones for contests with many parties
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7A6A00", "#000000",
           "#004F7C", "#8F3E00", "#00694D", "#8E4F7C", "#9A6B00", "#2E7FA8", "#5B5B5B", "#A33B3B")

WIDTH = 400


def colour(i: int) -> str:
    """The colour of the i-th contestant (0-based, ballot order)."""
    return PALETTE[i % len(PALETTE)]


def share_bars(items: list[tuple[str, int | None]], whole: int | None, title: str, lang: str = "id") -> str:
    """Horizontal bars, one per contestant, proportional to its share of ``whole``.

    Up to six contestants: a bar the full width is 100 % (label above each bar). More (parties):
    one line each, label at the left, and the longest bar is the largest share (the caption of
    the page says so), so that shares of a few percent stay visible.

    Args:
        items: [(label, votes or None)] in ballot order.
        whole: the valid votes (the 100 %); bars are empty when it is blank or 0.
        title: the chart's accessible name.
    Returns:
        An ``<svg>`` element (text), width 400 user units, scaled by the page.
    """
    compact = len(items) > 6
    shares = [share(v, whole) for _, v in items]
    scale = max([float(x) for x in shares if x is not None] or [0]) if compact else 100.0
    row, top = (20, 4) if compact else (40, 6)
    height = top + row * len(items) + 4
    out = [f'<svg class="grafik" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}">',
           f"<title>{escape(title)}</title>"]
    label_w = 96 if compact else 0
    value_w = 118 if compact else 0
    bar_x, bar_w = 1 + label_w, WIDTH - 2 - label_w - value_w
    for i, ((label, votes), s) in enumerate(zip(items, shares, strict=True)):
        y = top + i * row
        w = 0.0 if s is None or not scale else float(s) / scale * bar_w
        text = f"{number(votes, lang)} · {percent(votes, whole, lang)}" if s is not None else number(votes, lang)
        if compact:
            out.append(f'<text x="{label_w - 3}" y="{y + 13}" class="gs" text-anchor="end">{escape(label)}</text>')
            out.append(f'<rect x="{bar_x}" y="{y + 3}" width="{bar_w:.1f}" height="13" rx="2" class="gb"/>')
            out.append(f'<rect x="{bar_x}" y="{y + 3}" width="{w:.1f}" height="13" rx="2" fill="{colour(i)}"/>')
            out.append(f'<text x="{WIDTH - 1}" y="{y + 13}" class="gs" text-anchor="end">{escape(text)}</text>')
            continue
        out.append(f'<text x="1" y="{y + 12}" class="gl">{escape(label)}</text>')
        out.append(f'<rect x="1" y="{y + 17}" width="{bar_w:.1f}" height="16" rx="2" class="gb"/>')
        out.append(f'<rect x="1" y="{y + 17}" width="{w:.1f}" height="16" rx="2" fill="{colour(i)}"/>')
        out.append(f'<text x="{WIDTH - 1}" y="{y + 12}" class="gv" text-anchor="end">{escape(text)}</text>')
    out.append("</svg>")
    return "".join(out)


def regency_rows(rows: list[tuple[str, str | None, list[int | None]]], names: list[str], title: str,
                 lang: str = "id") -> str:
    """One stacked bar per region: each contestant's share of that region's votes.

    Args:
        rows: [(region label, link to its page or None, [votes per contestant])], official order;
            a region whose votes are all blank gets an empty bar and "belum masuk"/"not received".
        names: the contestants' short names (legend), ballot order.
        title: the chart's accessible name.
    Returns:
        An ``<svg>`` element (text) with a legend row on top and a line at 50 %.
    """
    label_w, row, legend = 118, 18, 17
    top = 8 + legend * len(names)
    bar_x, bar_w = label_w + 4, WIDTH - label_w - 6
    height = top + row * len(rows) + 4
    out = [f'<svg class="grafik" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}">',
           f"<title>{escape(title)}</title>"]
    for i, name in enumerate(names):
        y = 4 + i * legend
        out.append(f'<rect x="{bar_x}" y="{y}" width="11" height="11" fill="{colour(i)}"/>')
        out.append(f'<text x="{bar_x + 16}" y="{y + 10}" class="gs">{escape(name)}</text>')
    for j, (label, href, votes) in enumerate(rows):
        y = top + j * row
        whole = sum(v for v in votes if v is not None) if any(v is not None for v in votes) else None
        text = f'<text x="{label_w}" y="{y + 12}" class="gs" text-anchor="end">{escape(label)}</text>'
        out.append(f'<a href="{escape(href)}">{text}</a>' if href else text)
        out.append(f'<rect x="{bar_x}" y="{y + 2}" width="{bar_w}" height="13" class="gb"/>')
        if not whole:
            empty = "belum masuk" if lang == "id" else "not received"
            out.append(f'<text x="{bar_x + 4}" y="{y + 12}" class="gs">{empty}</text>')
            continue
        x = float(bar_x)
        for i, v in enumerate(votes):
            w = (v or 0) / whole * bar_w
            if w > 0:
                pct = percent(v, whole, lang)
                out.append(f'<rect x="{x:.1f}" y="{y + 2}" width="{w:.1f}" height="13" fill="{colour(i)}">'
                           f"<title>{escape(names[i])}: {escape(number(v, lang))} ({escape(pct)})</title></rect>")
                if w > 44:
                    out.append(f'<text x="{x + 3:.1f}" y="{y + 12}" class="gi">{escape(pct)}</text>')
            x += w
    mid = bar_x + bar_w / 2
    out.append(f'<line x1="{mid:.1f}" y1="{top - 2}" x2="{mid:.1f}" y2="{height - 2}" class="gm"/>')
    out.append("</svg>")
    return "".join(out)
