"""The workspace: one SQLite file per election (sqlite-utils, WAL, STRICT, migrations).

Every write goes through :meth:`Workspace.transaction` (``BEGIN IMMEDIATE``) and leaves an
audit record in the same transaction (:meth:`Workspace.record`). The audit log is append-only
(triggers refuse UPDATE and DELETE) and hash-chained: each record carries the SHA-256 of the
one before (see docs/schema.md).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from . import continuity, faults, files, headlog, schema, state
from .clock import default_actor, now_iso
from .domain import ContestantKind, Region
from .election import Election, load_election
from .errors import WorkspaceError, os_text
from .schema import register_functions
from .text import plain, shown

#: Values of one certificate revision: {column code: {field key: int or None}}.
Values = dict[str, dict[str, "int | None"]]

GENESIS_HASH = "0" * 64


def audit_hash(prev_hash: str, row: dict) -> str:
    """SHA-256 (hex) chaining one audit record to the one before.

    Args:
        prev_hash: hash of the previous record (64 hex digits; GENESIS_HASH for the first).
        row: the record's id, at, actor, action, entity, before, after, and state (the digests of
            the protected state the write changed, JSON; hashed only when present, so records
            written before it existed keep their hash).
    """
    fields = [row["id"], row["at"], row["actor"], row["action"], row["entity"], row["before"], row["after"]]
    if row.get("state") is not None:
        fields.append(row["state"])
    payload = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def complete(values: Values, columns, keys) -> bool:
    """True when ``values`` holds exactly ``columns``, each with every field of ``keys`` in that
    order: the shape a revision is stored in (nothing to fill in or reorder)."""
    keys = list(keys)
    return len(values) == len(columns) and all(list(values.get(c, ())) == keys for c in columns)


def stored_shape(values: Values, columns, keys) -> Values:
    """``values`` as a revision stores them: exactly ``columns``, each with every field of ``keys``
    in that order, a missing one blank (None); ``values`` itself when already so (:func:`complete`)."""
    if complete(values, columns, keys):
        return values
    return {c: {k: values.get(c, {}).get(k) for k in keys} for c in columns}


def values_sha256(columns: list[str], values: Values) -> str:
    """Canonical SHA-256 of a certificate's content (column order and every field value)."""
    canon = json.dumps([columns, {c: dict(sorted(values.get(c, {}).items())) for c in columns}],
                       sort_keys=False, separators=(",", ":"))
    return hashlib.sha256(canon.encode()).hexdigest()


class RevisionInfo(NamedTuple):
    """Metadata of one stored certificate revision."""

    id: int
    region_kode: str
    kind: str
    number: int
    columns: tuple[str, ...]
    created_at: str
    created_by: str
    source_file_id: int | None
    reason: str | None
    content_sha256: str


class Workspace:
    """An open workspace (one election, one SQLite file, one write connection).

    Use :meth:`create` or :meth:`open`; close with :meth:`close` or as a context manager.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, election: Election, readonly: bool = False):
        self.path = Path(path)
        self.conn = conn
        self._held = files.hold(self.path)  # this process now has the file open (files.held)
        self._db = None
        self.election = election
        self.readonly = readonly
        #: tables this connection wrote to since the last audit record (see core/state.py)
        self._touched: set[str] = set()
        #: note each committed chain head in the head log outside the file (core/headlog.py)
        self.log_heads = not readonly
        #: Indonesian warnings for the person acting (an automatic backup that failed, ...):
        #: the CLI prints them after the command, the window shows them
        self.warnings: list[str] = []
        self._identity: tuple[str, str | None] | None = None
        #: called with one argument once the connection is closed: True when nobody but this
        #: connection wrote the file since it was opened (its last commit left it as it is)
        self.close_hooks: list[Callable[[bool], object]] = []
        self._stamp: list[int] | None = None  # the file as this connection last left it (files.stamp)
        if not readonly:
            conn.set_trace_callback(self._trace)

    @property
    def db(self):
        """The ``sqlite_utils.Database`` over the one connection (made when a write first needs it)."""
        if self._db is None:
            from .loading import import_sqlite_utils

            sqlite_utils = import_sqlite_utils()
            # no plugins: sqlite-utils would scan every installed package's entry points for them
            # (~80 ms) and let any of them register SQL functions on the workspace's connection
            self._db = sqlite_utils.Database(self.conn, strict=True, execute_plugins=False)
        return self._db

    def insert_row(self, table: str, row: dict[str, Any]) -> int:
        """INSERT one row into an existing table (inside the caller's transaction) and return its
        rowid: the plain statement ``sqlite_utils``' ``insert`` makes for a table that exists, without
        loading sqlite-utils for it (the import writes a few rows per file).

        Args:
            table: table name (a program constant, never input); row: {column: value}, values as
                SQLite stores them (int, float, str, bytes, None).
        """
        cols = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" * len(row))
        return self.conn.execute(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})', list(row.values())).lastrowid

    def _trace(self, sql: str) -> None:
        """Note the table a statement of this connection writes to (the digests follow them)."""
        if sql[:1] in "SsPpBbCcRr" and not sql[:7].upper().startswith("REPLACE"):
            return  # SELECT, PRAGMA, BEGIN, COMMIT, RELEASE/ROLLBACK: the quick way out for most statements
        table = state.written_table(sql)
        if table is not None:
            self._touched.add(table)

    @contextlib.contextmanager
    def bulk_writes(self, table: str) -> Iterator[None]:
        """Many rows written to ``table`` at once (``executemany``), without the statement trace:
        SQLite calls it once per row, which doubles the time of a 100,000-row insert. The table is
        noted as written all the same, so the state digests follow it (core/state.py)."""
        if self.readonly:
            yield
            return
        self.conn.set_trace_callback(None)
        try:
            yield
        finally:
            self._touched.add(table)
            self.conn.set_trace_callback(self._trace)

    # ----------------------------------------------------------------- lifecycle
    @staticmethod
    def _connect(path: Path, readonly: bool = False, existing: bool = False) -> sqlite3.Connection:
        """Open the one connection. ``existing``: the file must already be a workspace, and is
        checked (header, meta table) before anything could change it (WAL switch, migrations)."""
        if existing:
            try:
                if files.held(path):  # open here already (the window's jobs): never opened and closed again
                    head = files.SQLITE_MAGIC
                else:
                    with open(path, "rb") as fh:
                        head = fh.read(16)
            except OSError as exc:
                raise WorkspaceError(f"Berkas {path} tidak dapat dibaca: {os_text(exc)}.", "unreadable") from exc
            if head != files.SQLITE_MAGIC:
                raise WorkspaceError(f"Berkas {path} bukan ruang kerja recap_app (bukan basis data SQLite); "
                                     "berkas itu tidak diubah.", "not_a_workspace")
        if existing and not readonly:  # a read-only open cannot change it: on_connection looks for meta there
            try:
                probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
                try:
                    has_meta = probe.execute(
                        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
                finally:
                    probe.close()
            except sqlite3.DatabaseError:
                has_meta = True  # cannot probe read-only (e.g. WAL without -shm): the full open decides
            if not has_meta:
                raise _other_database(path)
        conn = None
        low = faults.low_space(path.parent)
        try:
            if readonly:
                # almost no space and nothing in the WAL: read the file as it is (immutable), so no
                # -shm has to be made or grown (a memory-mapped -shm that cannot grow is SIGBUS)
                wal = Path(f"{path}-wal")
                still = low and (not wal.exists() or wal.stat().st_size == 0)
                conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro{'&immutable=1' if still else ''}",
                                       uri=True, isolation_level=None, check_same_thread=False)
            else:
                conn = sqlite3.connect(str(path), isolation_level=None, timeout=30, check_same_thread=False)
            conn.execute("PRAGMA mmap_size=0")  # no memory-mapped I/O: a failing disk is an error, never SIGBUS
            if low and not readonly:
                # almost no space: exclusive locking keeps the WAL index in this process's memory
                # instead of a shared -shm file; writes still fail cleanly with "disk full"
                conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            if not readonly:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            register_functions(conn)  # the audit seal triggers need it
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # the first read happens here
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            kind = faults.classify(exc, path)
            if kind in ("damaged", "storage"):
                raise WorkspaceError(f"Berkas {path} bukan ruang kerja recap_app yang dapat dibuka: {exc}.",
                                     "not_a_workspace") from exc
            raise faults.fault_error(path, exc, kind) from exc
        return conn

    @classmethod
    def create(cls, path: str | Path, election_id: str, *, actor: str | None = None,
               simulation: bool = False, office: str | None = None) -> Workspace:
        """Create a new workspace file for an election, for the office of region ``office``.

        Args:
            office: the office's region code: None or the province code ("33") for the province,
                a kabupaten/kota code ("33.73") for a regency office (docs/tiers.md). Stored in the
                meta key ``office`` (under the state digests) with its tier and name.
        Raises:
            WorkspaceError: the path already exists (never overwritten) or cannot be written.
            ElectionError: unknown election id; "unknown_office" for an office code outside the region set.
        """
        path = Path(path)
        election = load_election(election_id).at_office(office)
        if path.exists():
            raise WorkspaceError(
                f"Berkas {path} sudah ada; ruang kerja tidak ditimpa. Pilih nama lain atau hapus berkas itu sendiri.",
                "exists")
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise WorkspaceError(f"Folder {path.parent} tidak dapat dibuat: {os_text(exc)}.") from exc
        actor = actor or default_actor()
        tmp = path.with_name(path.name + f".baru-{os.urandom(4).hex()}")
        conn = None
        made = None
        try:
            conn = cls._connect(tmp)
            ws = made = cls(tmp, conn, election)
            ws.log_heads = False  # noted under its final name below
            schema.migration_set().apply(ws.db)
            with ws.transaction():
                ws._seed(election, simulation)
                ws.record(actor, "workspace.create", f"election:{election.id}", None,
                          {"election": election.id, "simulation": simulation, "office": election.office_code,
                           "tingkat": election.tier, "workspace_id": ws.meta("workspace_id")}, baseline=True)
            genesis, wsid = ws.chain_identity()
            head = ws.chain_head()
            conn.close()
            conn = None
            files.release(made._held)  # closed: the file is no longer held by this connection (files.held)
            made._held = None
            continuity.done(path, genesis, wsid, head, force=True)  # this path's workspace is this one now
            os.replace(tmp, path)
        except BaseException as exc:  # a failure, or Ctrl+C: the half-made file is not left behind
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.close()
            if made is not None:
                files.release(made._held)
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.remove(str(tmp) + suffix)
            if isinstance(exc, OSError):
                raise WorkspaceError(f"Ruang kerja {path} tidak dapat dibuat: {os_text(exc)}.") from exc
            raise
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.remove(str(tmp) + suffix)
        ws = cls.open(path)
        genesis, wsid = ws.chain_identity()
        headlog.append("workspace", path, genesis=genesis, workspace_id=wsid)
        ws._log_head()
        return ws

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> Workspace:
        """Open an existing workspace, applying pending migrations (unless read-only).

        Raises:
            WorkspaceError: missing file, not a workspace, or damaged.
        """
        path = Path(path)
        if not path.is_file():
            raise WorkspaceError(
                f"Ruang kerja {path} tidak ditemukan. Buat dulu dengan: recap init --election ID --db {path}",
                "missing")
        ws = cls.on_connection(path, cls._connect(path, readonly, existing=True), readonly)
        if not readonly:
            pending = schema.pending_names(ws.conn)
            if pending:
                try:
                    ws.guard()  # an upgrade records the state as it is: only state the chain vouches for
                except WorkspaceError:
                    ws.close()
                    raise
                schema.migration_set().apply(ws.db)
                ws._migrated = True  # guarded just before the migrations: their new schema is ours
                try:
                    with ws.transaction():  # the new schema's state, as it now is, under the chain
                        ws.record("sistem", "schema.migrate", "workspace", None, {"migrations": pending},
                                  baseline=True)
                finally:
                    ws._migrated = False
        return ws

    @classmethod
    def on_connection(cls, path: Path, conn: sqlite3.Connection, readonly: bool) -> Workspace:
        """A workspace over a connection already open on ``path``: its stored election definition is read.

        Raises:
            WorkspaceError: "not_a_workspace" (the connection is closed then).
        """
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'election'").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            if "no such table: meta" in str(exc):
                raise _other_database(path) from exc
            raise WorkspaceError(f"Berkas {path} bukan ruang kerja recap_app atau rusak ({exc}).",
                                 "not_a_workspace") from exc
        if row is None:
            conn.close()
            raise WorkspaceError(f"Berkas {path} bukan ruang kerja recap_app (definisi pemilihan tidak ada).",
                                 "not_a_workspace")
        election = Election.from_dict(json.loads(row[0]))
        try:
            office = conn.execute("SELECT value FROM meta WHERE key = 'office'").fetchone()
            if office is not None:
                election = election.at_office(json.loads(office[0])["kode"])
        except (sqlite3.DatabaseError, ValueError, KeyError, TypeError) as exc:
            conn.close()
            raise WorkspaceError(f"Berkas {path}: data kantor ruang kerja (meta 'office') tidak sah ({exc}).",
                                 "not_a_workspace") from exc
        return cls(path, conn, election, readonly)

    def close(self) -> None:
        """Close the connection (checkpointing the WAL), then run :attr:`close_hooks`."""
        hooks, self.close_hooks = self.close_hooks, []
        ours = bool(hooks) and self._stamp is not None and files.stamp(self.path) == self._stamp
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        files.release(getattr(self, "_held", None))
        self._held = None
        for hook in hooks:
            with contextlib.suppress(Exception):
                hook(ours)

    def note_stamp(self) -> None:
        """Remember the file as it is now as this connection's own state (at open, after a commit)."""
        self._stamp = files.stamp(self.path)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _seed(self, election: Election, simulation: bool) -> None:
        meta = self.db["meta"]
        meta.insert_all([
            {"key": "election_id", "value": election.id},
            {"key": "election", "value": json.dumps(election.raw, ensure_ascii=False)},
            {"key": "created_at", "value": now_iso()},
            {"key": "simulation", "value": "1" if simulation else "0"},
            {"key": "workspace_id", "value": os.urandom(16).hex()},
            {"key": "office", "value": json.dumps({"kode": election.office_code, "tingkat": election.tier,
                                                   "nama": election.office_name}, ensure_ascii=False)},
        ])
        self.db["region"].insert_all(
            {"kode": r.kode, "kode_induk": r.kode_induk, "tingkat": r.tingkat, "nama": r.nama, "urutan": i}
            for i, r in enumerate(election.regions)
        )
        self.db["contestant"].insert_all(  # the pairs (legislative lists live in the stored definition)
            {"nomor_urut": c.nomor, "nama": c.nama, "nama_singkat": c.short}
            for c in election.contestants if c.kind == ContestantKind.PASLON)

    # ----------------------------------------------------------------- transactions and audit
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Workspace]:
        """One write transaction (``BEGIN IMMEDIATE``); nested calls use savepoints.

        Everything inside commits together or not at all. Raises WorkspaceError for a
        read-only workspace or a full disk (the database is left as before).
        """
        if self.readonly:
            raise WorkspaceError(f"Ruang kerja {self.path} dibuka hanya-baca; perubahan tidak dapat disimpan.",
                                 "readonly")
        if self.conn.in_transaction:
            name = f"sp_{os.urandom(6).hex()}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _storage_error(self.path, exc) from exc
        self._touched.clear()
        self._head_before = None
        try:
            if not self._migrated:
                self.guard()  # never build on state changed outside the program: it would be recorded as ours
            self._writing = True  # from here on the lock is ours: what changes is our own doing
            yield self
            if self._state_changes(peek=True):  # state changed after the last record: record it too
                self.record(self._last_actor or "sistem", "state.digest", "workspace")
            head = self._head_before
            if head is not None and self.log_heads:  # on the disk before the commit is
                if self._synced_later is None:
                    self._note_pending(head, self.chain_head())
                else:  # a run of commits: noted once, again when another process's commit replaced the note
                    genesis, wsid = self.chain_identity()
                    continuity.batch(self.path, genesis, wsid, head, self._batch_token, only_if_not=True)
            seen = self._version()  # read under the write lock: nobody else can commit in between
            self.conn.execute("COMMIT")
            self._guarded_at = seen  # what we committed is recorded: the guard need not look again
            if self.close_hooks:
                self.note_stamp()
            if head is not None:
                self._log_head()
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise _storage_error(self.path, exc) from exc
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        finally:
            self._writing = False
            self._touched.clear()

    def record(self, actor: str, action: str, entity: str, before: Any = None, after: Any = None, *,
               baseline: bool = False) -> int:
        """Append an audit record (must run inside :meth:`transaction`).

        The record also carries the digests of the protected state this transaction changed so far
        (core/state.py), so the chain covers accounts, keys, notes, adoptions, the stored
        definition and settings, not only the figures.

        Args:
            actor: user name of whoever acts.
            action: stable event id, dotted ("certificate.import", "finding.explain").
            entity: what was acted on ("certificate:33.01", "workspace").
            before, after: JSON-serialisable states (or None).
            baseline: record the digest of every unit of protected state (a new workspace, a
                new schema), not only of what changed.
        Returns:
            The audit record id.
        """
        if not self.conn.in_transaction:
            raise WorkspaceError("Catatan audit hanya boleh ditulis di dalam transaksi.")
        changes = self._state_changes(everything=baseline)
        self._last_actor = actor
        last = self.conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        if self._head_before is None:  # the head moves: noted outside the file around the commit
            self._head_before = (last[0], last[1]) if last else (0, GENESIS_HASH)
        prev_hash = last[1] if last else GENESIS_HASH
        row = {
            "id": (last[0] + 1) if last else 1,
            "at": now_iso(),
            "actor": actor,
            "action": action,
            "entity": entity,
            "before": None if before is None else json.dumps(before, ensure_ascii=False, sort_keys=True),
            "after": None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True),
            "state": json.dumps(changes, sort_keys=True, separators=(",", ":")) if changes else None,
        }
        row["prev_hash"] = prev_hash
        row["hash"] = audit_hash(prev_hash, row)
        self.insert_row("audit", row)
        return row["id"]

    _last_actor: str | None = None
    #: inside a transaction that records: the chain's head before its first record
    _head_before: tuple[int, str] | None = None
    #: inside :meth:`synced_at_end`: [a head is to be noted at its end], and the run's note token
    _synced_later: list | None = None
    _batch_token: str | None = None

    @contextlib.contextmanager
    def synced_at_end(self) -> Iterator[None]:
        """Many transactions in a row (an import of many files) made durable together at the end.

        Each transaction inside still commits or rolls back whole; only the disk flush of each
        commit is left out (SQLite's ``synchronous=NORMAL``, which in WAL mode never damages the
        file). On the way out — also after an error or Ctrl+C — the WAL is flushed to the disk
        once, which makes every commit of the batch durable, and only then is the chain's head
        noted in the head log, which therefore never names a head a power cut could take back.
        A program that is killed loses nothing either way: its commits are in the WAL. A power cut
        during the batch can lose its last files (never half a file; the command had not yet said
        they were stored). Outside WAL mode, or nested, or read-only, nothing changes.

        Raises:
            WorkspaceError: the flush at the end failed (the disk reported an error): the files
                of the batch may not be on the disk.
        """
        if self.readonly or self._synced_later is not None or self.conn.in_transaction:
            yield
            return
        try:
            mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
        except sqlite3.Error:
            mode = None
        if mode != "wal":
            yield
            return
        self._batch_token = os.urandom(8).hex()
        if self.log_heads:  # this PC's note: the run's commits continue the chain from its head now
            with contextlib.suppress(sqlite3.Error):
                genesis, wsid = self.chain_identity()
                continuity.batch(self.path, genesis, wsid, self.chain_head(), self._batch_token)
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self._synced_later = held = [False]
        try:
            yield
        except BaseException:
            problem = self._flush_batch(held)
            if problem is not None:
                self.warnings.append(problem.message)  # the error on its way out says what stopped
            raise
        problem = self._flush_batch(held)
        if problem is not None:
            raise problem

    def flush_wal(self) -> None:
        """Put every commit of this workspace so far on the disk, whoever made it: the WAL SQLite
        writes, beside the file it really opened (links followed, as ``PRAGMA database_list``
        names it), flushed with ``fsync``. Without a WAL there (not WAL mode, or every commit
        already checkpointed into the file, which a checkpoint flushes itself) there is nothing to do.

        Raises:
            OSError: the disk refused the flush.
        """
        row = self.conn.execute("PRAGMA database_list").fetchone()
        wal = Path(f"{row[2] if row and row[2] else os.path.realpath(self.path)}-wal")
        try:
            fd = os.open(wal, os.O_RDONLY)
        except FileNotFoundError:
            return
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def _flush_batch(self, held: list) -> WorkspaceError | None:
        """The end of :meth:`synced_at_end`: full flushes again, the WAL on the disk, the head noted."""
        self._synced_later = None
        try:
            if self.conn.in_transaction:  # left open by an interruption between BEGIN and its guard: nothing of it is kept
                self.conn.execute("ROLLBACK")
            self.conn.execute("PRAGMA synchronous=FULL")
            self.flush_wal()
        except sqlite3.Error as exc:
            return _storage_error(self.path, exc)
        except OSError as exc:
            return WorkspaceError(
                f"Ruang kerja {self.path}: isi yang baru disimpan tidak dapat dipastikan tertulis ke disk "
                f"({os_text(exc)}). Periksa disk, lalu periksa ruang kerja dengan: recap audit verify.", "io_error")
        if held[0]:
            self._log_head()
        elif self.log_heads:  # nothing stored: the run's note is settled at the head it started from
            with contextlib.suppress(sqlite3.Error):
                genesis, wsid = self.chain_identity()
                continuity.done(self.path, genesis, wsid, self.chain_head())
        return None

    def chain_identity(self) -> tuple[str, str | None]:
        """(genesis: the hash of audit record #1, the workspace id), which name this chain."""
        if self._identity is None or self._identity[0] == GENESIS_HASH:
            row = self.conn.execute("SELECT hash FROM audit WHERE id = 1").fetchone()
            self._identity = (row[0] if row else GENESIS_HASH, self.meta("workspace_id"))
        return self._identity

    def _log_head(self) -> None:
        """Append the committed head to the head log (best effort, never raises)."""
        if not self.log_heads:
            return
        if self._synced_later is not None:
            self._synced_later[0] = True  # noted once the batch's commits are on the disk
            return
        try:
            genesis, wsid = self.chain_identity()
            last = self.chain_head()
        except sqlite3.Error:
            return
        if last[0]:
            headlog.head(self.path, genesis, wsid, last[0], last[1])
            continuity.done(self.path, genesis, wsid, last)

    def _note_pending(self, start: tuple[int, str], head: tuple[int, str]) -> None:
        """This PC's note that a commit from ``start`` to ``head`` (read just before it: a record of
        a savepoint rolled back is not in it) is under way (core/continuity.py)."""
        if head == start or not head[0]:
            return
        try:
            genesis, wsid = self.chain_identity() if start[0] else (head[1], self.meta("workspace_id"))
        except sqlite3.Error:
            return
        continuity.pending(self.path, genesis, wsid, start, head)

    def chain_head(self) -> tuple[int, str]:
        """(id, hash) of the chain's last record; (0, "") for none."""
        last = self.conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        return (last[0], last[1]) if last else (0, "")

    def _state_changes(self, everything: bool = False, peek: bool = False) -> dict[str, str | None]:
        """{unit: new SHA-256, or None when removed} of the protected state changed since the last
        record (every unit with ``everything``); updates the digest cache unless ``peek``."""
        if not self._has_state_cache():
            return {}
        schema = self._protected_schema()
        tables = None if everything else self._touched & set(schema[0])
        if not everything and state.SCHEMA not in self._recorded_units():
            tables = (tables or set()) | {state.SCHEMA}  # the schema joins the chain at the first write
        if not everything and not tables:
            return {}
        now = state.current_units(self.conn, tables, schema)
        cached = {u: sha for u, sha in self.conn.execute("SELECT unit, sha FROM state_digest")
                  if everything or u.split("/", 1)[0] in tables}
        changes: dict[str, str | None] = {u: sha for u, sha in now.items() if cached.get(u) != sha}
        changes.update({u: None for u in cached if u not in now})
        if everything:
            changes.update(now)
        if not peek:
            self._touched.clear()
            if changes:
                self.conn.executemany("INSERT INTO state_digest (unit, sha) VALUES (?, ?) ON CONFLICT(unit) DO "
                                      "UPDATE SET sha = excluded.sha",
                                      [(u, sha) for u, sha in changes.items() if sha is not None])
                self.conn.executemany("DELETE FROM state_digest WHERE unit = ?",
                                      [(u,) for u, sha in changes.items() if sha is None])
        return changes

    _schema_seen: tuple[int, list[str], dict[str, list[tuple]]] | None = None

    def _protected_schema(self) -> tuple[list[str], dict[str, list[tuple]]]:
        """(protected tables, their columns) at the schema version of this moment, read again
        only when the schema changed (SQLite's ``schema_version`` moves with every change of it).
        Used inside this connection's own write transactions: nobody else changes the schema then,
        and the schema unit itself is always read afresh (core/state.py)."""
        version = self.conn.execute("PRAGMA schema_version").fetchone()[0]
        seen = self._schema_seen
        if seen is None or seen[0] != version:
            tables = state.protected_tables(self.conn)
            seen = self._schema_seen = (version, tables, state.table_columns(self.conn, tables))
        return seen[1], seen[2]

    def _recorded_units(self) -> dict[str, str | None]:
        """{unit: SHA-256 (None: removed)} as the chain last recorded them, read incrementally
        (only records newer than the last reading are parsed). The reading is kept only while the
        last record it read is still there with the same hash (a rolled-back transaction's
        records are gone and their ids are used again): else everything is read afresh."""
        upto = getattr(self, "_recorded_upto", 0)
        rec = getattr(self, "_recorded", None)
        if rec is not None and upto:
            row = self.conn.execute("SELECT hash FROM audit WHERE id = ?", (upto,)).fetchone()
            if row is None or row[0] != getattr(self, "_recorded_hash", None):
                rec = None
        if rec is None:
            rec, upto = {}, 0
        top, top_hash = upto, getattr(self, "_recorded_hash", None) if upto else None
        for rid, raw, h in self.conn.execute("SELECT id, state, hash FROM audit WHERE id > ? ORDER BY id", (upto,)):
            top, top_hash = rid, h
            if raw is None:
                continue
            try:
                units = json.loads(raw)
            except ValueError:
                continue
            if isinstance(units, dict):
                rec.update(units)
        self._recorded, self._recorded_upto, self._recorded_hash = rec, top, top_hash
        return rec

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads that must see one moment of the file (a read transaction): another process that
        commits meanwhile is not seen half-way. Inside a transaction of this connection: that one."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def guard(self, tables: tuple[str, ...] | None = None) -> None:
        """Refuse to go on when protected state that decides authority or figures (accounts, trusted
        keys, explanations and overrides, adoptions, revisions and who entered them, the plenary,
        settings, the stored definition: every table under the chain, core/state.py) differs from
        what the audit chain last recorded for it: it was changed outside the program, and a write
        now would record the forgery as the program's own. Read-only; a few milliseconds, and
        skipped while nothing was committed since the last full check.

        ``tables``: only these (a read that depends on them); None: every protected table. A
        workspace whose chain recorded state but whose digest cache (``state_digest``) is gone
        was changed outside the program too: without the cache no later write would record its
        state, so that is refused as well.

        Raises:
            WorkspaceError: code "tampered", naming what differs.
        """
        if self._writing:
            return  # inside our own write transaction: checked at its BEGIN, nobody else can write since
        with self.snapshot():  # the chain and the tables read at one moment, whoever commits meanwhile
            self._guard(tables)

    def _guard(self, tables: tuple[str, ...] | None) -> None:
        everything = tables is None
        version = self._version()
        if version == self._guarded_at:
            return  # nothing was committed since the last full check or our own recorded commit
        rec = self._recorded_units()
        if not rec:
            return  # never recorded (a workspace from before the state digests, until its baseline)
        if not self._has_state_cache():
            raise WorkspaceError(
                f"Ruang kerja {self.path} telah diubah di luar program: tabel sidik keadaan (state_digest) dihapus, "
                "padahal log audit mencatat sidik keadaan. Tidak ada yang dilakukan. Periksa dengan: recap audit "
                f"verify --db {self.path}, lalu pulihkan cadangan yang baik.", "tampered")
        now = state.current_units(self.conn, tables)
        if state.SCHEMA not in rec:  # a workspace from before the schema was a unit: recorded at its next write
            now.pop(state.SCHEMA, None)
        for table in state.not_yet_protected(self.conn):  # protected from its upgrade on, recorded by it
            if table not in rec:
                now.pop(table, None)
        wanted = set(tables) if tables is not None else set(state.protected_tables(self.conn)) | {state.SCHEMA}
        bad = sorted({u for u, sha in now.items() if rec.get(u) != sha}
                     | {u for u, sha in rec.items() if sha is not None and u.split("/", 1)[0] in wanted
                        and u not in now})
        if everything:  # a protected table the chain never recorded (added outside the program)
            bad = sorted(set(bad) | {u for u in now if u not in rec})
        if bad:
            words = "; ".join(f"{state.unit_word(u)} ({u})" for u in bad[:4]) + (f" dan {len(bad) - 4} lainnya"
                                                                                 if len(bad) > 4 else "")
            raise WorkspaceError(
                f"Ruang kerja {self.path} telah diubah di luar program: {words} tidak sama dengan yang tercatat di "
                f"log audit. Tidak ada yang dilakukan. Periksa dengan: recap audit verify --db {self.path}, lalu "
                "pulihkan cadangan yang baik.", "tampered")
        if everything:
            self._guarded_at = version

    _guarded_at: tuple[int, int] | None = None
    _migrated = False
    _writing = False

    def _version(self) -> tuple[int, int]:
        """(PRAGMA data_version: moves when another connection commits, this connection's changes)."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes

    def _has_state_cache(self) -> bool:
        """Whether the digest cache table exists (looked up each time: it may be dropped under us)."""
        return self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'state_digest'").fetchone() is not None

    # ----------------------------------------------------------------- settings
    def meta(self, key: str, default: str | None = None) -> str | None:
        """A raw workspace meta value."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def setting(self, key: str, default: Any = None) -> Any:
        """An office setting (JSON value stored under meta key ``setting.<key>``)."""
        raw = self.meta(f"setting.{key}")
        return default if raw is None else json.loads(raw)

    def set_setting(self, key: str, value: Any, actor: str) -> None:
        """Change an office setting, with an audit record.

        Raises:
            TextError: a text of the value breaks the text rule (core/text.py).
            ElectionError: "unknown_office" for an ``office_code`` that is not a region of this
                workspace at its office's tier (a province office: the province's code; the code
                a received bundle's sender is checked against, core/bundle/against.py).
        """
        _check_setting_text(key, value)
        if key == "office_code":
            self._check_office_code(value)
        with self.transaction():
            before = self.setting(key)
            self.db["meta"].upsert({"key": f"setting.{key}", "value": json.dumps(value, ensure_ascii=False)},
                                   pk="key")
            self.record(actor, "setting.change", f"setting:{key}", before, value)

    def _check_office_code(self, value: Any) -> None:
        """The ``office_code`` setting names a region of this workspace at its office's tier."""
        from .domain import tier_word
        from .errors import ElectionError

        tier = self.election.tier
        if value == self.office_code:
            return
        region = self.region(value) if isinstance(value, str) else None
        if region is None or region.tingkat != tier:
            own = self.region(self.office_code)
            expected = f"{self.office_code} ({own.nama})" if own else self.office_code
            raise ElectionError(f"Kode kantor {shown(str(value))!r} bukan kode {tier_word(tier)} dalam daftar wilayah "
                                f"ruang kerja ini; diharapkan {expected}. Pengaturan tidak diubah.", "unknown_office",
                                english=f"Office code {shown(str(value))!r} is no {tier} code of this workspace's "
                                        f"regions; expected {expected}. The settings are unchanged.")

    @property
    def simulation(self) -> bool:
        """True for a training/rehearsal workspace (docs/security.md)."""
        return self.meta("simulation") == "1"

    # ----------------------------------------------------------------- regions
    def regions(self, tingkat: str | None = None, parent: str | None = None) -> list[Region]:
        """Regions of the workspace's region set, in official order."""
        wanted = [(col, v) for col, v in (("tingkat", tingkat), ("kode_induk", parent)) if v]
        where = "".join(f" AND {col} = ?" for col, _ in wanted)
        return [Region(*r) for r in self.conn.execute(
            f"SELECT kode, kode_induk, tingkat, nama FROM region WHERE 1=1{where} ORDER BY urutan",
            [v for _, v in wanted])]

    @property
    def office_code(self) -> str:
        """This office's region code ("33", "33.73"; meta ``office``, docs/tiers.md)."""
        return self.election.office_code

    def regencies(self) -> list[Region]:
        """The submitting regions: those that send certificates to this office (the 35 kabupaten/kota
        at a province, the kecamatan at a kabupaten/kota office; the name is the province's)."""
        return self.regions(self.election.child_tier)

    def region(self, kode: str) -> Region | None:
        row = self.conn.execute("SELECT kode, kode_induk, tingkat, nama FROM region WHERE kode = ?",
                                (kode,)).fetchone()
        return Region(*row) if row else None

    def columns_of(self, kode: str) -> list[Region]:
        """The column regions of a certificate (the kecamatan of a kabupaten/kota; the desa/kelurahan
        of a kecamatan at a regency office)."""
        return self.regions(self.election.column_tier, kode)

    def aliases(self) -> dict[str, str]:
        """Accepted spellings: {normalised alias: region code}."""
        return {a: k for k, a in self.conn.execute("SELECT kode, alias_norm FROM region_alias")}

    def add_alias(self, kode: str, alias: str, alias_norm: str, actor: str) -> None:
        """Remember an accepted spelling for a region (inside the caller's transaction)."""
        self.db["region_alias"].upsert({"kode": kode, "alias": alias, "alias_norm": alias_norm,
                                        "accepted_by": actor, "accepted_at": now_iso()},
                                       pk=("kode", "alias_norm"))
        self.record(actor, "region.alias_accept", f"region:{kode}", None, {"alias": alias})

    # ----------------------------------------------------------------- source files
    def find_source_file(self, sha256: str) -> int | None:
        row = self.conn.execute("SELECT id FROM source_file WHERE sha256 = ? ORDER BY id LIMIT 1",
                                (sha256,)).fetchone()
        return row[0] if row else None

    def store_source_file(self, name: str, content: bytes, actor: str) -> int:
        """Keep an imported file's original bytes with its SHA-256 (inside a transaction)."""
        sha = hashlib.sha256(content).hexdigest()
        return self.insert_row("source_file", {
            "name": shown(name), "size": len(content), "sha256": sha, "imported_at": now_iso(),
            "imported_by": actor, "content": content})  # a file name with control characters is escaped

    # ----------------------------------------------------------------- certificates
    def _certificate_id(self, kode: str, create: bool) -> int | None:
        row = self.conn.execute("SELECT id FROM certificate WHERE region_kode = ?", (kode,)).fetchone()
        if row:
            return row[0]
        if not create:
            return None
        return self.insert_row("certificate", {"region_kode": kode})

    def revisions(self, kode: str, kind: str | None = "resmi") -> list[RevisionInfo]:
        """Stored revisions of a region's certificate, oldest first."""
        sql = """SELECT r.id, c.region_kode, r.kind, r.number, r.columns, r.created_at, r.created_by,
                        r.source_file_id, r.reason, r.content_sha256
                 FROM revision r JOIN certificate c ON c.id = r.certificate_id WHERE c.region_kode = ?"""
        args: list = [kode]
        if kind:
            sql += " AND r.kind = ?"
            args.append(kind)
        return [RevisionInfo(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), *r[5:])
                for r in self.conn.execute(sql + " ORDER BY r.kind, r.number", args)]

    def latest_revisions(self, kind: str = "resmi") -> dict[str, RevisionInfo]:
        """{region code: its latest revision of ``kind``} for every certificate that has one (one query)."""
        rows = self.conn.execute(
            """SELECT r.id, c.region_kode, r.kind, r.number, r.columns, r.created_at, r.created_by,
                      r.source_file_id, r.reason, r.content_sha256
               FROM revision r JOIN certificate c ON c.id = r.certificate_id
               WHERE r.kind = ? AND r.number = (SELECT MAX(number) FROM revision r2
                   WHERE r2.certificate_id = r.certificate_id AND r2.kind = r.kind)""", (kind,)).fetchall()
        return {r[1]: RevisionInfo(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), *r[5:]) for r in rows}

    def latest_revision(self, kode: str, kind: str = "resmi") -> RevisionInfo | None:
        revs = self.revisions(kode, kind)
        return revs[-1] if revs else None

    def revision_info(self, revision_id: int) -> RevisionInfo:
        r = self.conn.execute(
            """SELECT r.id, c.region_kode, r.kind, r.number, r.columns, r.created_at, r.created_by,
                      r.source_file_id, r.reason, r.content_sha256
               FROM revision r JOIN certificate c ON c.id = r.certificate_id WHERE r.id = ?""",
            (revision_id,)).fetchone()
        if r is None:
            raise WorkspaceError(f"Revisi {revision_id} tidak ada.")
        return RevisionInfo(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), *r[5:])

    def revision_values(self, revision_id: int) -> Values:
        """Every stored figure of a revision: {column: {field: int or None}}, checked against its
        SHA-256 and its audit record (WorkspaceError "tampered")."""
        with self.snapshot():
            return self._revision_values(revision_id)

    def _revision_values(self, revision_id: int) -> Values:
        info = self.revision_info(revision_id)
        out: Values = {c: {} for c in info.columns}
        texts: dict[tuple[int, str], str] = {}
        for _rid, kolom, col in cells_by_column(self.conn, "revision_id = ?", (revision_id,), texts):
            out[kolom] = col
        self._check_content(info, out, self._audited([info.region_kode]), texts)
        return out

    def check_revisions(self, revisions: list[tuple[RevisionInfo, Values]],
                        texts: dict[tuple[int, str], str] | None = None) -> None:
        """Refuse unless every given revision's cells are the program's own: each hashes to its
        revision's content SHA-256 and that SHA-256 is the one its audit record carries (what every
        read of figures checks, for revisions read by other queries: a bundle's carried revisions).

        Args:
            revisions: [(info, values)] as read; texts: :func:`cells_by_column`'s JSON of each column.
        Raises:
            WorkspaceError: "tampered", naming the revision and certificate.
        """
        audited = self._audited(sorted({info.region_kode for info, _ in revisions}))
        for info, values in revisions:
            self._check_content(info, values, audited, texts)

    def _audited(self, kodes: list[str]) -> dict[tuple[str, str, int], str]:
        """{(region code, kind, revision number): content SHA-256} as the audit records of those
        certificates' revisions say (the chain protects them; index ``audit_entity``)."""
        out: dict[tuple[str, str, int], str] = {}
        for i in range(0, len(kodes), 500):
            chunk = [f"certificate:{k}" for k in kodes[i:i + 500]]
            for entity, after in self.conn.execute(
                    f"SELECT entity, after FROM audit WHERE entity IN ({','.join('?' * len(chunk))})", chunk):
                try:
                    a = json.loads(after) if after else None
                except ValueError:
                    continue
                if isinstance(a, dict) and "revision" in a and "sha256" in a:
                    out[(entity.split(":", 1)[1], a.get("kind", "resmi"), a["revision"])] = a["sha256"]
        return out

    def _check_content(self, info: RevisionInfo, values: Values, audited: dict[tuple[str, str, int], str],
                       texts: dict[tuple[int, str], str] | None = None) -> None:
        """Refuse figures changed outside the program: the stored cells must still hash to the
        revision's content SHA-256, and that SHA-256 must be the one its audit record carries
        (a person with the file who rewrites cells and the revision's hash together is caught by
        the second: the audit record is under the chain). ``texts``: SQLite's JSON of each column as
        :func:`cells_by_column` read it, from which the content hash is put together
        (:func:`_content_sha256`); when that is not the stored one the hash is computed from
        ``values`` before anything is refused."""
        quick = _content_sha256(info.id, info.columns, texts) if texts else None
        if set(values) != set(info.columns) or (
                quick != info.content_sha256 and values_sha256(list(info.columns), values) != info.content_sha256):
            raise WorkspaceError(
                f"Angka revisi {info.number} sertifikat {info.region_kode} telah diubah di luar program (SHA-256 isi "
                "tidak cocok). Angka ini tidak dipakai; jalankan 'recap audit verify' dan pulihkan cadangan yang baik.",
                "tampered")
        logged = audited.get((info.region_kode, info.kind, info.number))
        if logged != info.content_sha256:
            why = "tidak tercatat di log audit" if logged is None else "SHA-256-nya berbeda dari yang tercatat di log audit"
            raise WorkspaceError(
                f"Angka revisi {info.number} sertifikat {info.region_kode} {why} (diubah atau disisipkan di luar "
                "program). Angka ini tidak dipakai; jalankan 'recap audit verify' dan pulihkan cadangan yang baik.",
                "tampered")

    def latest_values(self) -> dict[str, tuple[RevisionInfo, Values]]:
        """Latest official revision of every certificate: {region code: (info, values)}.

        One query for all cells (used by totals, rules and documents). Each revision's cells are
        checked against its own SHA-256 and against its audit record, and every protected table
        (the stored definition, the pairs, the regions, adoptions, the plenary...) against the
        chain (:meth:`guard`), so a sum, a document or an export is never made of figures, names
        or plenary records changed outside the program.

        Raises:
            WorkspaceError: "tampered".
        """
        with self.snapshot():  # revisions, cells and their audit records of one moment
            return self._latest_values()

    def _latest_values(self) -> dict[str, tuple[RevisionInfo, Values]]:
        self.guard()
        rows = self.conn.execute(
            """SELECT r.id, c.region_kode, r.kind, r.number, r.columns, r.created_at, r.created_by,
                      r.source_file_id, r.reason, r.content_sha256
               FROM revision r JOIN certificate c ON c.id = r.certificate_id
               WHERE r.kind = 'resmi' AND r.number = (
                   SELECT MAX(number) FROM revision r2 WHERE r2.certificate_id = r.certificate_id
                   AND r2.kind = 'resmi')""").fetchall()
        infos = {r[0]: RevisionInfo(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), *r[5:]) for r in rows}
        values: dict[int, Values] = {i: {c: {} for c in info.columns} for i, info in infos.items()}
        texts: dict[tuple[int, str], str] = {}
        if infos:
            q = ",".join("?" * len(infos))
            for rid, kolom, col in cells_by_column(self.conn, f"revision_id IN ({q})", list(infos), texts):
                values[rid][kolom] = col
        audited = self._audited(sorted({info.region_kode for info in infos.values()}))
        for info in infos.values():
            self._check_content(info, values[info.id], audited, texts)
        return {info.region_kode: (info, values[rid]) for rid, info in infos.items()}

    def insert_revision(self, kode: str, columns: list[str], values: Values, *, actor: str,
                        source_file_id: int | None = None, reason: str | None = None,
                        kind: str = "resmi", action: str = "certificate.revision",
                        content_sha256: str | None = None, cells_json: str | None = None,
                        before_record: Callable[[int, list[str], Values], object] | None = None) -> int:
        """Store a new revision of a region's certificate with its audit record (storage only).

        This writes figures and nothing else: the lifecycle (permissions, the adoption lock,
        findings, drafts) is :func:`recap_app.core.certificate.record_revision`, which every
        face calls. Runs inside the caller's transaction or as its own.

        Args:
            kode: the submitting region (a kabupaten/kota code at a province office).
            columns: column codes present, in order (kecamatan codes, then JUMLAH).
            values: {column: {field: int or None}}; missing fields are stored as blank (NULL).
            actor: acting user; reason: why; kind: "resmi" or "entri_kedua"; action: the audit event id.
            content_sha256: :func:`values_sha256` of exactly these columns and values, when the
                caller already has it and ``values`` holds every field of the form in the form's
                order (the importer's plan); computed here otherwise.
            cells_json: :func:`cells_json` of these columns and values, made by the same caller
                under the same condition (the importer's plan, in the read-ahead child); made here otherwise.
            before_record: called as ``before_record(revision id, columns, values as stored)`` once the
                revision and its cells are written and before its audit record, so what it writes in
                the same transaction (the findings and their stored check) is under that record's
                state digests.
        Returns:
            The new revision id.
        """
        keys = self.election.form_of_region(kode).field_keys
        with self.transaction():
            cert_id = self._certificate_id(kode, create=True)
            number = self.conn.execute(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM revision WHERE certificate_id = ? AND kind = ?",
                (cert_id, kind)).fetchone()[0]
            shaped = stored_shape(values, columns, keys)
            if shaped is not values:  # filled in or reordered: its hash and text are not the caller's
                values, content_sha256, cells_json = shaped, None, None
            sha = content_sha256 or values_sha256(list(columns), values)
            rid = self.insert_row("revision", {
                "certificate_id": cert_id, "kind": kind, "number": number,
                "columns": json.dumps(list(columns)), "created_at": now_iso(), "created_by": actor,
                "source_file_id": source_file_id, "reason": reason, "content_sha256": sha})
            with self.bulk_writes("cell"):  # one statement for every cell, noted as written all the same
                _insert_cells(self.conn, rid, columns, values, cells_json)
            if before_record is not None:
                before_record(rid, list(columns), values)
            self.record(actor, action, f"certificate:{kode}", None,
                        {"revision": number, "kind": kind, "sha256": sha, "reason": reason,
                         "source_file_id": source_file_id})
        return rid

    def adoption(self, kode: str) -> dict | None:
        """Adoption state of a certificate: {revision_id, at, by} or None when not adopted."""
        row = self.conn.execute(
            "SELECT adopted_revision_id, adopted_at, adopted_by FROM certificate WHERE region_kode = ?",
            (kode,)).fetchone()
        if not row or row[0] is None:
            return None
        return {"revision_id": row[0], "at": row[1], "by": row[2]}


def _other_database(path: Path) -> WorkspaceError:
    """The refusal of an SQLite file that holds no workspace (no ``meta`` table); it is not changed."""
    return WorkspaceError(f"Berkas {path} adalah basis data SQLite lain, bukan ruang kerja recap_app; "
                          "berkas itu tidak diubah.", "not_a_workspace")


def cells_json(columns: list[str], values: Values) -> str:
    """The JSON document of a revision's cells as :func:`_insert_cells` sends it to SQLite:
    {column: {field: int or None}} for ``columns`` in order, compact."""
    return json.dumps({c: values[c] for c in columns}, separators=(",", ":"))


def _insert_cells(conn: sqlite3.Connection, rid: int, columns: list[str], values: Values,
                  doc: str | None = None) -> None:
    """Write every cell of revision ``rid`` (``values``: {column: {field: int or None}}, every field
    present) in one statement: the figures go to SQLite as one JSON document and ``json_each``
    unpacks them into rows (about half the time of binding ~700 rows one by one from Python; the
    same rows, integers and NULLs as given). An SQLite built without its JSON functions gets them
    row by row. ``doc``: :func:`cells_json` of these columns and values, when already made."""
    if len(set(columns)) != len(columns):
        raise ValueError(f"duplicate column codes in {columns!r}")
    doc = cells_json(columns, values) if doc is None else doc
    try:
        conn.execute("INSERT INTO cell (revision_id, kolom, field, value) "
                     "SELECT ?, col.key, f.key, f.value FROM json_each(?) AS col, json_each(col.value) AS f",
                     (rid, doc))
    except sqlite3.OperationalError as exc:
        if "json_each" not in str(exc):
            raise
        conn.executemany("INSERT INTO cell (revision_id, kolom, field, value) VALUES (?, ?, ?, ?)",
                         [(rid, c, k, v) for c in columns for k, v in values[c].items()])


def cells_by_column(conn: sqlite3.Connection, where: str, args, texts: dict | None = None
                    ) -> Iterator[tuple[int, str, dict[str, int | None]]]:
    """(revision id, column, {field: value}) of the cells matching ``where`` (SQL over table
    ``cell``, a program constant with ``?`` for ``args``), a column at a time. Not checked against
    the revision's SHA-256: :meth:`Workspace.revision_values` and ``latest_values`` do that.

    SQLite groups each column into JSON (``json_group_object``: ~2.5x faster than one Python row per
    cell; the fields come in the table's key order, as the per-cell read gave them); an SQLite built
    without its JSON functions is read cell by cell. ``texts``: filled with {(revision id, column):
    that JSON text} (:func:`_content_sha256`)."""
    try:
        rows = conn.execute("SELECT revision_id, kolom, json_group_object(field, value) FROM cell "
                            f"WHERE {where} GROUP BY revision_id, kolom", args)
    except sqlite3.OperationalError as exc:
        if "json_group_object" not in str(exc):
            raise
        grouped: dict[tuple[int, str], dict[str, int | None]] = {}
        for rid, kolom, fld, value in conn.execute(f"SELECT revision_id, kolom, field, value FROM cell WHERE {where}",
                                                   args):
            grouped.setdefault((rid, kolom), {})[fld] = value
        yield from ((rid, kolom, col) for (rid, kolom), col in grouped.items())
        return
    for rid, kolom, col in rows:
        if texts is not None:
            texts[(rid, kolom)] = col
        yield rid, kolom, json.loads(col)


def _content_sha256(rid: int, columns, texts: dict) -> str | None:
    """:func:`values_sha256` of a revision's cells written from SQLite's own JSON of each column
    (``texts`` from :func:`cells_by_column`): the cell table's key order sorts the fields as
    values_sha256 does, and an INTEGER or NULL is written as Python's json writes it, so the
    canonical text is put together without parsing and writing the figures again. None when the
    columns repeat. A result that does not match is only a hint: the caller computes
    values_sha256 before it calls anything changed."""
    columns = list(columns)
    if len(set(columns)) != len(columns):
        return None
    body = ",".join(f"{json.dumps(c)}:{texts.get((rid, c), '{}')}" for c in columns)
    canon = f"[{json.dumps(columns, separators=(',', ':'))},{{{body}}}]"
    return hashlib.sha256(canon.encode()).hexdigest()


def _check_setting_text(key: str, value: Any) -> None:
    """Every text inside a setting's value passes the text rule (core/text.py). Raises TextError."""
    if isinstance(value, str):
        plain(value, f"Pengaturan {key}")
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_setting_text(key, k)
            _check_setting_text(key, v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _check_setting_text(key, v)


def _storage_error(path: Path, exc: sqlite3.Error) -> WorkspaceError:
    """The clerk's message for a storage fault while writing (core/faults.py names the kind)."""
    return faults.fault_error(path, exc)
