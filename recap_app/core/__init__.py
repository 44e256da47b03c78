"""The core of recap_app: domain, rules, storage, import/export, documents. Never imports Qt."""
