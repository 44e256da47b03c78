"""Double entry (placeholder until written below)."""


def pending_second_entry(ws, kode):
    return False
