"""``import``, ``datasets``, ``classify``, ``override``, ``quality``."""

from __future__ import annotations

import argparse
import dataclasses
import time

from dataroom.core.cancel import CancelToken
from dataroom.core.datasets.classes import ColumnClass
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.ingest.table import sniff
from dataroom.core.pii.types import DataClass, PiiType

from .context import open_session
from .output import emit_json, table
from .progress import ProgressLine


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help="import a CSV/XLSX/XLS table as a dataset (atomic; then classified)")
    p.add_argument("file")
    p.add_argument("--name", help="dataset name (default: the file name, plus the sheet name)")
    p.add_argument("--sheet", action="append", help="sheet to import (repeatable); default: the first sheet")
    p.add_argument("--all-sheets", action="store_true", help="import every sheet as its own dataset")
    p.add_argument("--encoding", help="override the detected text encoding (e.g. gbk, utf-8, utf-16)")
    p.add_argument("--delimiter", help="override the detected delimiter (use \\t for tab)")
    p.add_argument("--no-header", action="store_true", help="the first row is data, not column names")
    p.add_argument("--no-classify", action="store_true", help="do not classify columns after importing")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("datasets", help="list datasets")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_datasets)

    p = sub.add_parser("classify", help="classify every column of a dataset (overrides are kept)")
    p.add_argument("dataset")
    p.add_argument("--json", action="store_true", help="print name/type/class/confidence per column as JSON")
    p.add_argument("--sample", type=int, default=dataset_flows.DEFAULT_SAMPLE, help="rows sampled (default 1000)")
    p.set_defaults(func=cmd_classify)

    p = sub.add_parser("override", help="set a reviewer's type and/or class for one column")
    p.add_argument("dataset")
    p.add_argument("column", help="column name or 1-based position")
    p.add_argument("--type", dest="type_", choices=[t.value for t in PiiType], metavar="TYPE")
    p.add_argument("--class", dest="data_class", choices=[c.value for c in DataClass])
    p.add_argument("--note", help="why (kept in the audit log)")
    p.add_argument("--clear", action="store_true", help="remove the override")
    p.set_defaults(func=cmd_override)

    p = sub.add_parser("quality", help="quality report: blanks, distinct, invalid checksums, duplicates, Excel damage")
    p.add_argument("dataset")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_quality)


def _classes_table(cols: list[ColumnClass]) -> None:
    rows = [
        (
            c.position,
            c.name,
            c.type,
            c.data_class,
            f"{c.confidence:.2f}",
            f"override by {c.override_by}" if c.overridden else "; ".join(c.evidence.get("notes", [])[:1]),
        )
        for c in cols
    ]
    table(["#", "column", "type", "class", "conf.", "note"], rows)


def _describe(info: DatasetInfo) -> str:
    source = info.source_kind.upper()
    if info.encoding:
        source += f", {info.encoding}"
    if info.delimiter:
        source += f", delimiter {info.delimiter!r}"
    if info.sheet:
        source += f", sheet {info.sheet!r}"
    return f"{info.row_count:,} rows × {info.column_count} columns from {info.source_name} ({source})"


def cmd_import(args: argparse.Namespace) -> int:
    base = sniff(args.file)
    sheets: list[str | None] = list(base.sheets) if args.all_sheets else (args.sheet or [base.sheet])
    session = open_session(args)
    try:
        for sheet in sheets:
            fmt = sniff(args.file, sheet=sheet) if sheet != base.sheet else base
            changes: dict[str, object] = {}
            if args.encoding:
                changes["encoding"] = args.encoding
            if args.delimiter:
                changes["delimiter"] = args.delimiter.replace("\\t", "\t")
            if args.no_header:
                changes["has_header"] = False
            fmt = dataclasses.replace(fmt, **changes) if changes else fmt
            name = args.name if args.name and len(sheets) == 1 else None
            if args.name and len(sheets) > 1:
                name = f"{args.name} – {sheet}"
            bar = ProgressLine(f"Importing {sheet or args.file}")
            start = time.monotonic()
            info = dataset_flows.import_dataset(
                session,
                args.file,
                name=name,
                fmt=fmt,
                classify=not args.no_classify,
                progress=bar,
                cancel=CancelToken(),
            )
            bar.done()
            print(f"Imported dataset {info.name!r}: {_describe(info)} in {time.monotonic() - start:.1f} s.")
            print(f"  source SHA-256 {info.source_sha256}")
            for warning in info.warnings:
                print(f"  warning: {warning['message']}")
            if not args.no_classify:
                _classes_table(dataset_flows.column_classes(session, info.name))
        others = [s for s in base.sheets if s not in sheets]
        if others and not args.all_sheets:
            print(f"The workbook has other sheets too ({', '.join(others)}); import them with --sheet or --all-sheets.")
    finally:
        session.close()
    return 0


def cmd_datasets(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        found = dataset_flows.list_datasets(session)
    finally:
        session.close()
    if args.json:
        emit_json(
            [
                {
                    "name": d.name,
                    "rows": d.row_count,
                    "columns": list(d.columns),
                    "source": d.source_name,
                    "sha256": d.source_sha256,
                    "imported_by": d.imported_by,
                    "imported_at": d.imported_at,
                }
                for d in found
            ]
        )
    else:
        table(
            ["dataset", "rows", "cols", "source", "imported (UTC)", "by"],
            [(d.name, f"{d.row_count:,}", d.column_count, d.source_name, d.imported_at, d.imported_by) for d in found],
        )
    return 0


def cmd_classify(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        cols = dataset_flows.classify_dataset(session, args.dataset, sample_size=args.sample)
    finally:
        session.close()
    if args.json:
        emit_json([c.to_json() for c in cols])
    else:
        _classes_table(cols)
    return 0


def cmd_override(args: argparse.Namespace) -> int:
    if not args.clear and args.type_ is None and args.data_class is None:
        print("dataroom: give --type and/or --class (or --clear).")
        return 2
    session = open_session(args)
    try:
        col = dataset_flows.override_column(
            session, args.dataset, args.column, type_=args.type_, data_class=args.data_class, note=args.note
        )
    finally:
        session.close()
    print(
        f"Column {col.name!r} is now {col.type} / {col.data_class}"
        + (" (override recorded)." if col.overridden else ".")
    )
    return 0


def cmd_quality(args: argparse.Namespace) -> int:
    session = open_session(args)
    bar = ProgressLine("Checking")
    try:
        report = dataset_flows.quality_report(session, args.dataset, progress=bar)
    finally:
        bar.done()
        session.close()
    if args.json:
        emit_json(report.to_json())
        return 0
    print(f"Dataset {report.dataset!r}: {report.rows:,} rows, {report.duplicate_rows:,} duplicate rows")

    def opt(v: int | None) -> str:
        return "" if v is None else f"{v:,}"

    table(
        ["column", "type", "filled", "blank", "distinct", "invalid", "duplicates", "Excel-damaged"],
        [
            (c.name, c.type, f"{c.filled:,}", f"{c.blanks:,}", f"{c.distinct:,}", opt(c.invalid), opt(c.duplicates),
             opt(c.excel_damaged))
            for c in report.columns
        ],
    )  # fmt: skip
    return 0
