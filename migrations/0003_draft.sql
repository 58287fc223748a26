-- 0003: half-written forms, autosaved inside the vault (never in browser storage
-- or a plaintext file), so they come back after a crash.
CREATE TABLE draft (
    key        TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
