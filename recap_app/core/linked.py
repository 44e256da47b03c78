"""Linked workspaces: the other contests of the same polling day at the same office (rule W.105).

In a general election one voter receives every ballot of the day (PPWP, DPR, DPD, DPRD
Provinsi), so the voter, turnout, ballot and disability figures of blocks I–III of a region
should be the same in each contest's certificate; a difference may be legitimate (a DPTb voter
entitled to some ballots only), hence a warning that needs an explanation, not an error.

Each contest has its own workspace (one file per election). ``recap link --db A --with B``
stores B's path, election id and workspace id in A's office settings (``setting.linked``,
audited); the comparison opens B read-only whenever A's findings are computed
(:func:`linked_findings`), so it always uses B's latest figures and never writes to B. A link
whose file is missing or no longer the same workspace gives a note, not a finding.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import auth
from .errors import RecapError, WorkspaceError
from .rules import Finding, check_linked, shared_keys
from .store import Workspace

SETTING = "linked"


class LinkError(RecapError):
    """A link between workspaces was refused; nothing was written."""


def links(ws: Workspace) -> list[dict]:
    """The linked workspaces: [{"path", "election_id", "workspace_id", "name"}] (as stored)."""
    return list(ws.setting(SETTING) or [])


def _identity(path: Path) -> tuple[str, str, str, str]:
    """(election id, workspace id, polling day, election name) of a workspace file, read-only."""
    other = Workspace.open(path, readonly=True)
    try:
        return other.election.id, other.meta("workspace_id") or "", other.election.polling_day, other.election.name
    finally:
        other.close()


def link(ws: Workspace, other: str | Path, actor: str) -> dict:
    """Link another contest's workspace of the same polling day and region set.

    Returns:
        The stored link {path, election_id, workspace_id, name}.
    Raises:
        NotAllowed: permission "settings" missing.
        LinkError: "link_self" (the same workspace), "link_other_day" (another polling day or
            region set), "link_exists" (already linked); WorkspaceError: not a workspace.
    """
    auth.require(ws, actor, "settings")
    path = Path(other).resolve()
    if path == Path(ws.path).resolve() or (path.exists() and os.path.samefile(path, ws.path)):
        raise LinkError(f"{path.name} adalah ruang kerja ini sendiri; tautkan ruang kerja pemilihan lain.", "link_self")
    eid, wid, day, name = _identity(path)
    e = ws.election
    if wid and wid == ws.meta("workspace_id"):
        raise LinkError(f"{path.name} adalah salinan ruang kerja ini (id ruang kerja sama); tautkan ruang kerja "
                        "pemilihan lain.", "link_self")
    if day != e.polling_day:
        raise LinkError(f"{path.name} ({name}) dipungut {day}, sedangkan {e.name} {e.polling_day}; hanya pemilihan "
                        "pada hari pemungutan yang sama yang dibandingkan.", "link_other_day")
    other_ws = Workspace.open(path, readonly=True)
    try:
        if other_ws.election.region_set != e.region_set:
            raise LinkError(f"{path.name} memakai daftar wilayah {other_ws.election.region_set}, sedangkan ruang kerja "
                            f"ini {e.region_set}; diharapkan daftar wilayah yang sama.", "link_other_day")
    finally:
        other_ws.close()
    current = links(ws)
    if any(x["workspace_id"] == wid or Path(x["path"]) == path for x in current):
        raise LinkError(f"{path.name} ({name}) sudah ditautkan.", "link_exists")
    new = {"path": str(path), "election_id": eid, "workspace_id": wid, "name": name}
    ws.set_setting(SETTING, current + [new], actor)
    return new


def unlink(ws: Workspace, other: str | Path, actor: str) -> dict:
    """Remove a link (by path or election id). Raises LinkError("link_missing") when there is none."""
    auth.require(ws, actor, "settings")
    current = links(ws)
    target = str(Path(other).resolve())
    gone = [x for x in current if x["election_id"] == str(other) or x["path"] == target]
    if not gone:
        raise LinkError(f"{other} tidak ditautkan ke ruang kerja ini.", "link_missing")
    ws.set_setting(SETTING, [x for x in current if x not in gone], actor)
    return gone[0]


def _shared_values(w: Workspace, keys: list[str]) -> dict[str, dict[str, dict]]:
    """{regency: {column: {key: value}}} of the latest official revisions, blocks I–III keys only."""
    if not keys:
        return {}
    q = ",".join("?" * len(keys))
    out: dict[str, dict[str, dict]] = {}
    for kode, kolom, fld, value in w.conn.execute(
            f"""SELECT c.region_kode, x.kolom, x.field, x.value FROM revision r
                JOIN certificate c ON c.id = r.certificate_id JOIN cell x ON x.revision_id = r.id
                WHERE r.kind = 'resmi' AND x.field IN ({q}) AND r.number = (SELECT MAX(number) FROM revision r2
                    WHERE r2.certificate_id = r.certificate_id AND r2.kind = 'resmi')""", keys):
        out.setdefault(kode, {}).setdefault(kolom, {})[fld] = value
    return out


def linked_findings(ws: Workspace, notes: list[str] | None = None) -> list[Finding]:
    """W.105 for every regency received in this workspace and a linked one (reads only; the
    other workspaces are opened read-only). ``notes`` receives one sentence per link that could
    not be read (missing file, another workspace now at that path)."""
    out: list[Finding] = []
    current = links(ws)
    if not current:
        return out
    e = ws.election
    regencies = {r.kode: r for r in ws.regencies()}
    names = {r.kode: r.nama for r in ws.regions(e.column_tier)}
    forms = {k: e.form_of_region(k) for k in regencies if e.district_of(k) is not None}
    any_form = next(iter(forms.values()), None)
    if any_form is None:
        return out
    for x in current:
        try:
            other = Workspace.open(x["path"], readonly=True)
        except WorkspaceError as exc:
            if notes is not None:
                notes.append(f"Ruang kerja tertaut {x['name']} ({x['path']}) tidak dapat dibuka: {exc.message}")
            continue
        try:
            if x["workspace_id"] and other.meta("workspace_id") != x["workspace_id"]:
                if notes is not None:
                    notes.append(f"{x['path']} bukan lagi ruang kerja {x['name']} yang ditautkan; tidak dibandingkan.")
                continue
            oe = other.election
            other_form = next((oe.form_of_region(k) for k in regencies if oe.district_of(k) is not None), None)
            if other_form is None:
                continue
            keys = shared_keys(any_form, other_form)
            mine, theirs = _shared_values(ws, keys), _shared_values(other, keys)
        finally:
            other.close()
        label = f"{oe.name} ({Path(x['path']).name})"
        for kode in regencies:
            if kode in mine and kode in theirs and kode in forms:
                out.extend(check_linked(forms[kode], regencies[kode], names, mine[kode], theirs[kode], keys, label))
    return _merge(out)


def _merge(fs: list[Finding]) -> list[Finding]:
    """One finding per region and field over every link (the first link's figures; the columns of all)."""
    merged: dict[tuple[str, str], Finding] = {}
    for f in fs:
        got = merged.get((f.region, f.field))
        if got is None:
            merged[(f.region, f.field)] = f
            continue
        cols = tuple(dict.fromkeys(got.columns + f.columns))
        merged[(f.region, f.field)] = Finding(got.code, got.severity, got.region, got.column, got.field, got.expected,
                                              got.actual, f"{got.message} {f.message}", cols)
    return list(merged.values())


def describe(ws: Workspace) -> list[dict]:
    """The links with whether each can be read now: [{..., "ok": bool, "note": str}] (for `recap link`)."""
    out = []
    for x in links(ws):
        try:
            eid, wid, _, _ = _identity(Path(x["path"]))
            ok = (not x["workspace_id"] or wid == x["workspace_id"]) and eid == x["election_id"]
            note = "" if ok else "berkas di jalur itu sekarang ruang kerja lain"
        except WorkspaceError as exc:
            ok, note = False, exc.message
        out.append({**x, "ok": ok, "note": note})
    return out
