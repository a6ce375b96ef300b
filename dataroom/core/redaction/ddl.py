"""Schema of the redaction engine, applied as vault migration 3.

* ``redaction_policies`` — every saved version of each dataset's policy (never updated: a save is a new version),
  with its canonical JSON and content hash.
* ``sort_anchors`` — for each sorted column of a dataset, the row number found at every 10,000th position of the
  order ``(column, rn)``, so the preview can jump to any position without counting from the start. Only row
  numbers are kept (never cell values); a set is thrown away whenever its dataset's rows change.
"""

SCHEMA_SQL = """
CREATE TABLE redaction_policies (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    version INTEGER NOT NULL CHECK (version >= 1),
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (dataset_id, version)
);
CREATE INDEX redaction_policies_sha256 ON redaction_policies(sha256);
CREATE TABLE sort_anchor_sets (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    row_count INTEGER NOT NULL,
    step INTEGER NOT NULL,
    built_at TEXT NOT NULL,
    PRIMARY KEY (dataset_id, position)
);
CREATE TABLE sort_anchors (
    dataset_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    rn INTEGER NOT NULL,
    PRIMARY KEY (dataset_id, position, ordinal),
    FOREIGN KEY (dataset_id, position) REFERENCES sort_anchor_sets(dataset_id, position) ON DELETE CASCADE
) WITHOUT ROWID
"""
