"""Building the site in memory and writing it to its folder: whole, deterministic, incremental.

:func:`build` turns a workspace into {site path: bytes}: the same workspace state gives the
same bytes (no clock is read; "when published" is the time of the newest data audit record,
and Ed25519 signatures are deterministic). :func:`publish` checks the permission and the
target folder, builds, writes every new or changed file into a temporary folder beside the
target, and only when all of it is written moves those files into place (content-addressed
data first, the home pages and the manifest last), removes the files no longer listed, and
records the act in the audit log ("publication.publish"). Unchanged files are not touched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import auth
from ..errors import os_text
from ..files import fsync_folder
from ..formatting import decimal
from ..outputs import OutputError, check_output_path, write_atomic
from . import data, pages, snapshot
from .assets import CSS
from .common import (
    LANGS,
    MANIFEST,
    PUBLIC_KEY_FILE,
    SIGNATURE,
    SUMS,
    PublishError,
    addressed,
    is_addressed,
    marks_of,
    sha256,
    wib,
)
from .manifest import make_manifest, manifest_bytes, read_manifest, sums_file

#: the audit action of a publication
ACTION = "publication.publish"

Progress = Callable[[int, int, str], None]


@dataclass
class Built:
    """A site built in memory.

    Attributes:
        files: {site path: bytes}, manifest.json and manifest.sig included.
        manifest: the manifest as a dict; manifest_sha256: SHA-256 of manifest.json's bytes.
        snapshot: what it was made from.
    """

    files: dict[str, bytes]
    manifest: dict
    manifest_sha256: str
    snapshot: snapshot.Snapshot


def build(ws, identity=None) -> Built:
    """Make every file of the site from the workspace (reads only, writes nothing).

    Args:
        ws: the open Workspace.
        identity: the office key (bundle.keys.OfficeIdentity); default
            :func:`recap_app.core.office_key.signing_identity` under the workspace's rule for keys.
    Returns:
        A Built site.
    Raises:
        OfficeKeyError: the office key cannot be read or made.
        WorkspaceError: figures changed outside the program.
    """
    if identity is None:
        from ..office_key import signing_identity

        identity = signing_identity(accounts=not auth.open_mode(ws))
    s = snapshot.take(ws, identity)
    files: dict[str, bytes] = {}
    css_bytes = CSS.encode("utf-8")
    css = "aset/" + addressed("gaya", "css", css_bytes)
    files[css] = css_bytes
    ctx = pages.Context(s, css)
    index: dict = {"kabupaten_kota": {}, "dapil": {}}

    def put(kind: str, code: str, stem: str, js: bytes, cs: bytes, page: str) -> None:
        jp = addressed(stem, "json", js)
        cp = addressed(stem, "csv", cs)
        files[jp], files[cp] = js, cs
        ctx.files[(kind, code)] = {"json": jp, "csv": cp, "json_size": len(js), "csv_size": len(cs)}
        if kind == "provinsi":
            index["provinsi"] = {"json": jp, "csv": cp, "page": page}
        else:
            index[kind][code] = {"json": jp, "csv": cp, "page": page}

    for r in s.regencies:
        page, stem = data.paths_of("kabupaten_kota", r.kode)
        put("kabupaten_kota", r.kode, stem, data.dumps(data.regency_json(s, r)), data.regency_csv(s, r), page)
    if s.election.has_districts:
        for d in s.districts:
            page, stem = data.paths_of("dapil", d.kode)
            put("dapil", d.kode, stem, data.dumps(data.district_json(s, d, ctx.files)), data.district_csv(s, d), page)
    put("provinsi", s.office_code, "data/provinsi", data.dumps(data.province_json(s, ctx.files)),
        data.province_csv(s), pages.INDEX)
    for lang in LANGS:
        made = [pages.index(ctx, lang), pages.check_page(ctx, lang), pages.data_page(ctx, lang)]
        made += [pages.regency(ctx, r, lang) for r in s.regencies]
        if s.election.has_districts:
            made += [pages.district(ctx, d, lang) for d in s.districts]
        files.update(made)
    files[PUBLIC_KEY_FILE] = s.public_pem
    files[SUMS] = sums_file(files)
    manifest = make_manifest(s, files, index)
    raw = manifest_bytes(manifest)
    files[MANIFEST] = raw
    files[SIGNATURE] = identity.sign(raw)
    return Built(files, manifest, sha256(raw), s)


# ------------------------------------------------------------------------------------------ the folder
@dataclass
class Previous:
    """What the target folder holds before writing: nothing, or an earlier publication.

    Attributes:
        manifest: the earlier manifest, or None for a missing or empty folder.
        files: every file now in the folder (site paths).
    """

    manifest: dict | None
    files: set[str] = field(default_factory=set)


def _listing(folder: Path) -> set[str]:
    out = set()
    for root, _dirs, names in os.walk(folder):
        for n in names:
            out.add(Path(root, n).relative_to(folder).as_posix())
    return out


def _some(paths, n: int = 5) -> str:
    paths = sorted(paths)
    more = f" dan {len(paths) - n} lainnya" if len(paths) > n else ""
    return ", ".join(paths[:n]) + more


def inspect_folder(out: Path, ws=None) -> Previous:
    """Refuse a target folder that must not receive the site; say what it holds.

    Refused (PublishError): a target that exists and is not a folder; a missing parent folder;
    a folder holding files that are not an earlier publication (no recap manifest, or files the
    manifest does not list); a publication of another election; an official (unmarked)
    publication that a CONTOH or SIMULASI workspace would replace.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise PublishError(f"Tujuan {out} sudah ada dan bukan folder; diharapkan folder kosong, folder baru, atau folder "
                           "publikasi sebelumnya. Tidak ada yang ditulis.", "bad_output")
    parent = out.absolute().parent
    if not parent.is_dir():
        raise PublishError(f"Folder induk {parent} tidak ada; buat dulu atau pilih folder lain. Tidak ada yang ditulis.",
                           "bad_output")
    if not out.exists():
        return Previous(None)
    try:
        present = _listing(out)
    except OSError as exc:
        raise PublishError(f"Folder {out} tidak dapat dibaca: {os_text(exc)}. Tidak ada yang ditulis.",
                           "bad_output") from exc
    if not present:
        return Previous(None)
    manifest, _raw, problem = read_manifest(out)
    if problem:
        raise PublishError(f"Folder {out} berisi berkas lain ({_some(present)}) dan bukan folder publikasi recap_app "
                           f"({problem.message}) Pilih folder kosong atau folder publikasi sebelumnya; tidak ada yang "
                           "ditulis.", "not_a_publication")
    listed = {f.get("path") for f in manifest["files"] if isinstance(f, dict)} | {MANIFEST, SIGNATURE}
    extra = present - listed
    if extra:
        raise PublishError(f"Folder {out} berisi berkas yang bukan bagian publikasi sebelumnya: {_some(extra)}. Berkas "
                           "itu tidak ditimpa atau dihapus; pindahkan dulu atau pilih folder lain. Tidak ada yang ditulis.",
                           "foreign_files")
    if ws is not None:
        if manifest.get("election_id") != ws.election.id:
            raise PublishError(f"Folder {out} memuat publikasi pemilihan {manifest.get('election_id')!r}, bukan "
                               f"{ws.election.id!r}; pilih folder lain. Tidak ada yang ditulis.", "other_election")
        marks = marks_of(ws)
        if marks and not manifest.get("marks"):
            raise PublishError(f"Folder {out} memuat publikasi resmi (tanpa tanda); ruang kerja bertanda "
                               f"{' + '.join(marks)} tidak boleh menggantinya. Pilih folder lain. Tidak ada yang ditulis.",
                               "marked_over_official")
    return Previous(manifest, present)


def _order(path: str) -> tuple[int, str]:
    """Move order: content-addressed files, other pages, home pages, sums and key, manifest, signature."""
    if is_addressed(path):
        rank = 0
    elif path in (MANIFEST,):
        rank = 4
    elif path == SIGNATURE:
        rank = 5
    elif path in (SUMS, PUBLIC_KEY_FILE):
        rank = 3
    elif path in (pages.INDEX, f"en/{pages.INDEX}"):
        rank = 2
    else:
        rank = 1
    return rank, path


def _write_file(path: Path, data_: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data_)
        fh.flush()
        os.fsync(fh.fileno())


def _move(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(src, dst)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        tmp = dst.with_name(f".{dst.name}.{secrets.token_hex(4)}.sementara")
        shutil.copyfile(src, tmp)
        os.replace(tmp, dst)


def _storage(out: Path, exc: OSError, stage: str) -> PublishError:
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return PublishError(f"Disk penuh saat {stage} untuk {out}: situs tidak diterbitkan, folder {out} tetap seperti "
                            "sebelumnya. Kosongkan ruang disk lalu coba lagi.", "disk_full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return PublishError(f"Folder {out.absolute().parent} tidak dapat ditulis ({os_text(exc)}) saat {stage}: situs "
                            f"tidak diterbitkan, folder {out} tetap seperti sebelumnya. Pilih folder yang dapat ditulis.",
                            "unwritable")
    return PublishError(f"Situs tidak dapat ditulis ke {out} saat {stage} ({os_text(exc)}); folder {out} tetap "
                        "seperti sebelumnya.", "write_failed")


def _clean_leftovers(out: Path) -> None:
    """Remove temporary folders an interrupted publication left beside ``out`` (our own names only)."""
    parent = out.absolute().parent
    with contextlib.suppress(OSError):
        for p in parent.glob(f".{out.name}.baru-*"):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)


def write_folder(out: Path, files: dict[str, bytes], previous: Previous) -> tuple[list[str], list[str]]:
    """Write the site to ``out``: new and changed files only, through a temporary folder beside it.

    Returns:
        (changed, removed): site paths written (new or different bytes) and removed (no longer listed).
    Raises:
        PublishError: disk full, folder not writable; ``out`` is then as before.
    """
    out = Path(out)
    _clean_leftovers(out)
    changed = []
    for p in sorted(files):
        if p in previous.files:
            try:
                if sha256((out / p).read_bytes()) == sha256(files[p]):
                    continue
            except OSError:
                pass
        changed.append(p)
    removed = sorted(previous.files - set(files))
    if not changed and not removed:
        return [], []
    fresh = not out.exists()
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.baru-", dir=out.absolute().parent))
    except OSError as exc:
        raise _storage(out, exc, "membuat folder sementara") from exc
    try:
        for p in (sorted(files) if fresh else changed):
            _write_file(tmp / p, files[p])
        if fresh:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it 0700: a web server must read it
            os.rename(tmp, out)
            fsync_folder(out.absolute().parent)
            return sorted(files), []
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise _storage(out, exc, "menulis berkas") from exc
    try:
        for p in sorted(changed, key=_order):
            _move(tmp / p, out / p)
        for p in removed:
            with contextlib.suppress(FileNotFoundError):
                (out / p).unlink()
            parent = (out / p).parent
            while parent != out and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
    except OSError as exc:
        raise PublishError(f"Memindahkan berkas ke {out} terhenti ({os_text(exc)}); sebagian berkas sudah baru. "
                           "Jalankan publikasi lagi untuk menyelesaikannya.", "move_failed") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    fsync_folder(out)
    return changed, removed


# ------------------------------------------------------------------------------------------ publish
@dataclass
class PublishResult:
    """What a publication did.

    Attributes:
        out: the folder; files: how many files the site has; changed / removed: site paths
        written and removed (for uploaders); unchanged: files left as they were;
        manifest_sha256: SHA-256 of manifest.json; chain_head {id, hash, at}; data_time (UTC ISO);
        marks; seconds: wall time of the build and write; audit_id: the audit record;
        push: the rclone push result when a remote was given; push_error: why the push failed;
        key_created / key_protected / key_notes: the signing key made now, with a passphrase, and
        what the clerk is told about it (:func:`recap_app.core.office_key.key_notes`).
        open_errors: the certificates published with errors not yet resolved, [{kode, nama,
            errors}] in the official order (published as they are; the clerk is told).
    """

    out: Path
    files: int
    changed: list[str]
    removed: list[str]
    unchanged: int
    manifest_sha256: str
    chain_head: dict
    data_time: str | None
    marks: tuple[str, ...]
    seconds: float
    audit_id: int = 0
    push: object = None
    push_error: str | None = None
    key_created: bool = False
    key_protected: bool = True
    key_notes: tuple[str, ...] = ()
    open_errors: tuple[dict, ...] = ()

    def lines(self) -> list[str]:
        """The result in Indonesian, for the clerk (CLI and window)."""
        out = [f"Situs diterbitkan ke {self.out}: {self.files} berkas; {len(self.changed)} baru/berubah, "
               f"{len(self.removed)} dihapus, {self.unchanged} tetap ({decimal(self.seconds)} detik).",
               f"Data per {wib(self.data_time)} (kepala rantai audit #{self.chain_head['id']}).",
               f"SHA-256 manifest: {self.manifest_sha256}"]
        if self.marks:
            out.append(f"Bertanda {' + '.join(self.marks)}: setiap halaman dan berkas data memuat tanda itu.")
        if not self.changed and not self.removed:
            out.append("Tidak ada yang berubah sejak publikasi sebelumnya.")
        if self.open_errors:
            names = ", ".join(f"{r['nama']} ({r['errors']} kesalahan)" for r in self.open_errors[:6])
            more = f" dan {len(self.open_errors) - 6} lainnya" if len(self.open_errors) > 6 else ""
            out.append(f"Catatan: {len(self.open_errors)} sertifikat terbit dengan kesalahan yang belum diselesaikan: "
                       f"{names}{more}. Angkanya terbit apa adanya, belum ditetapkan; selesaikan (recap check) lalu "
                       "terbitkan lagi.")
        return out + list(self.key_notes)

    def to_dict(self) -> dict:
        """JSON-ready form (``recap publish --format json``)."""
        d = {k: getattr(self, k) for k in ("files", "changed", "removed", "unchanged", "manifest_sha256", "chain_head",
                                           "data_time", "seconds", "audit_id", "key_created", "key_protected")}
        d.update(out=str(self.out), marks=list(self.marks), push=None if self.push is None else self.push.to_dict(),
                 push_error=self.push_error, key_notes=list(self.key_notes), open_errors=list(self.open_errors))
        return d


def publish(ws, actor: str, out: str | os.PathLike, *, identity=None, changed_list: str | os.PathLike | None = None,
            progress: Progress | None = None, key_path: str | os.PathLike | None = None) -> PublishResult:
    """Publish the workspace as a static site in ``out`` and record it in the audit log.

    Args:
        ws: the open Workspace (writable: the publication is audited).
        actor: acting user; needs permission "publish".
        out: the site folder: new, empty, or an earlier publication of this election.
        identity: the office key, unlocked (default: the office's, made on first use: never without a
            passphrase where the workspace has accounts, :func:`recap_app.core.office_key.signing_identity`),
            loaded only once the permission and the folder are checked (a refused publication makes no key).
        key_path: the key file when ``identity`` is not given (default: RECAP_KEY_FILE or the
            user's data folder).
        changed_list: a file to write the changed site paths to, one per line (rclone --files-from).
        progress: progress(done, total, text) between steps.
    Returns:
        A PublishResult.
    Raises:
        NotAllowed: no permission "publish"; PublishError: the folder is refused, the disk is full,
        it cannot be written (nothing changed then); OutputError: the changed list cannot be written;
        WorkspaceError: read-only workspace, figures changed outside the program; OfficeKeyError: the
            key cannot be used ("no_key" / "key_unprotected" where the workspace has accounts).
    """
    step = progress or (lambda *_a: None)
    auth.require(ws, actor, "publish")
    out = Path(out)
    listing = None
    if changed_list is not None:
        try:
            listing = check_output_path(changed_list, ws)
        except OutputError as exc:
            raise PublishError(exc.message, exc.code) from exc
    from .. import reconcile
    from ..office_key import key_notes, signing_identity

    inspect_folder(out, ws)  # a folder that will be refused: refused before a key is made (again below, in the lock)
    try:  # and one that cannot be written (write_folder's temporary folder beside it)
        os.rmdir(tempfile.mkdtemp(prefix=f".{out.name}.baru-", dir=out.absolute().parent))
    except OSError as exc:
        raise _storage(out, exc, "membuat folder sementara") from exc
    identity = signing_identity(key_path, accounts=not auth.open_mode(ws), given=identity)
    reconcile.refresh_stale(ws, actor)  # findings checked by an older version of the rules, say: checked again first
    t0 = time.perf_counter()
    with ws.transaction():
        step(0, 3, "Memeriksa folder tujuan…")
        previous = inspect_folder(out, ws)
        step(1, 3, "Menyusun halaman, data dan manifest bertanda tangan…")
        built = build(ws, identity)
        step(2, 3, "Menulis berkas yang berubah…")
        changed, removed = write_folder(out, built.files, previous)
        seconds = time.perf_counter() - t0
        head = built.snapshot.head
        audit_id = ws.record(actor, ACTION, f"publication:{out.absolute()}", None, {
            "out": str(out.absolute()), "manifest_sha256": built.manifest_sha256, "files": len(built.files),
            "changed": len(changed), "removed": len(removed), "chain_head": {"id": head["id"], "hash": head["hash"]},
            "data_time": head["at"], "marks": list(built.snapshot.marks)})
    step(3, 3, "")
    if listing is not None:
        write_atomic(listing, "".join(f"{p}\n" for p in changed).encode("utf-8"), ws)
    return PublishResult(out, len(built.files), changed, removed, len(built.files) - len(changed),
                         built.manifest_sha256, dict(head), head["at"], built.snapshot.marks, seconds, audit_id,
                         key_created=identity.created, key_protected=identity.protected,
                         key_notes=tuple(key_notes(identity)),
                         open_errors=tuple({"kode": r.kode, "nama": r.nama, "errors": r.errors}
                                           for r in built.snapshot.regencies if r.errors))


# ------------------------------------------------------------------------------------------ history
def last_publication(ws) -> dict | None:
    """The newest "publication.publish" record: {id, at, actor, out, manifest_sha256, files, changed,
    removed, chain_head, data_time, marks}, or None when the workspace was never published."""
    import json

    row = ws.conn.execute("SELECT id, at, actor, after FROM audit WHERE action = ? ORDER BY id DESC LIMIT 1",
                          (ACTION,)).fetchone()
    if row is None:
        return None
    try:
        after = json.loads(row[3]) if row[3] else {}
    except ValueError:
        after = {}
    return {"id": row[0], "at": row[1], "actor": row[2], **(after if isinstance(after, dict) else {})}


def changes_since(ws, head_id: int) -> dict:
    """What changed in the data since audit record ``head_id`` (the chain head a publication showed).

    Returns:
        {"records": n, "certificates": [kode, ...], "actions": {action: count}}: the audit
        records after ``head_id`` that change published data (snapshot.NON_DATA_ACTIONS excluded),
        the certificates they concern (official order) and how many of each action.
    """
    records, certs, actions = 0, set(), {}
    for action, entity in ws.conn.execute("SELECT action, entity FROM audit WHERE id > ? ORDER BY id", (head_id,)):
        if action.startswith(snapshot.NON_DATA_ACTIONS):
            continue
        records += 1
        actions[action] = actions.get(action, 0) + 1
        if entity.startswith("certificate:"):
            certs.add(entity.split(":", 1)[1])
    order = [r.kode for r in ws.regencies()]
    return {"records": records, "certificates": [k for k in order if k in certs], "actions": actions}
