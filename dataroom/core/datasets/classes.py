"""Stored column classifications: what the classifier detected, and a reviewer's override kept beside it.

Detection and override are separate columns so re-classifying refreshes the detection without losing the
override; the effective type/class is the override when there is one.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, is_dataclass
from typing import Any

from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.pii.classifier import ColumnClassification
from dataroom.core.timeutil import utc_now

Connection = Any


@dataclass(frozen=True)
class ColumnClass:
    """One column's classification as shown to users and exported with ``--json``."""

    position: int
    name: str
    detected_type: str
    detected_class: str
    confidence: float
    evidence: dict[str, Any]
    override_type: str | None = None
    override_class: str | None = None
    override_by: str | None = None
    override_at: str | None = None
    override_note: str | None = None

    @property
    def type(self) -> str:
        return self.override_type or self.detected_type

    @property
    def data_class(self) -> str:
        return self.override_class or self.detected_class

    @property
    def overridden(self) -> bool:
        return self.override_type is not None or self.override_class is not None

    def to_json(self) -> dict[str, Any]:
        """Plain keys: ``name``, ``type``, ``class``, ``confidence`` (a public contract), then the details."""
        doc: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "class": self.data_class,
            "confidence": round(self.confidence, 3),
            "position": self.position,
            "detected_type": self.detected_type,
            "detected_class": self.detected_class,
            "overridden": self.overridden,
            "evidence": self.evidence,
        }
        if self.overridden:
            doc["override"] = {"by": self.override_by, "at": self.override_at, "note": self.override_note}
        return doc


def _plain(value: Any) -> Any:
    """Evidence dataclasses (with enum keys) → plain JSON values."""
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value))
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value.value if hasattr(value, "value") and not isinstance(value, (int, float, str)) else value


def save_detection(conn: Connection, dataset_id: int, position: int, result: ColumnClassification) -> None:
    """Store (or refresh) the detected type/class of one column; an override stays untouched."""
    conn.execute(
        "INSERT INTO column_classes(dataset_id, position, detected_type, detected_class, confidence, evidence,"
        " classified_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dataset_id, position) DO UPDATE SET"
        " detected_type = excluded.detected_type, detected_class = excluded.detected_class,"
        " confidence = excluded.confidence, evidence = excluded.evidence, classified_at = excluded.classified_at",
        (
            dataset_id,
            position,
            str(result.type),
            str(result.data_class),
            float(result.confidence),
            json.dumps(_plain(result.evidence), ensure_ascii=False),
            utc_now(),
        ),
    )


def set_override(
    conn: Connection, dataset_id: int, position: int, type_: str | None, class_: str | None, by: str, note: str | None
) -> None:
    conn.execute(
        "UPDATE column_classes SET override_type = ?, override_class = ?, override_by = ?, override_at = ?,"
        " override_note = ? WHERE dataset_id = ? AND position = ?",
        (type_, class_, by, utc_now(), note, dataset_id, position),
    )


def load(conn: Connection, info: DatasetInfo) -> list[ColumnClass]:
    """Classifications of every column in order (empty when never classified)."""
    rows = conn.execute(
        "SELECT position, detected_type, detected_class, confidence, evidence, override_type, override_class,"
        " override_by, override_at, override_note FROM column_classes WHERE dataset_id = ? ORDER BY position",
        (info.id,),
    ).fetchall()
    return [
        ColumnClass(r[0], info.columns[r[0] - 1], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7], r[8], r[9])
        for r in rows
    ]
