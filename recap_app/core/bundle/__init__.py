"""Sync bundles (docs/bundle-format.md): signed, verifiable, idempotent transfer of recap data between offices.

A bundle is a zip holding ``manifest.json`` (signed with the sending office's Ed25519 key in
``manifest.sig``), ``data.json`` and optionally the original source files. The format is
described in docs/bundle-format.md and resources/bundle.schema.json.

Modules: :mod:`.format` (names and limits), :mod:`.keys` (office identity, trusted keys),
:mod:`.export`, :mod:`.verify` (reads and checks a bundle without writing),
:mod:`.importer` (takes a verified bundle in, in one transaction).
"""
