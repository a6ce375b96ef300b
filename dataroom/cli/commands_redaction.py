"""Redaction commands: ``policy show/history/edit/export/import``, ``preview``, ``stats``, ``kanon``, ``export``,
``subject find/export/erase``.

Every command calls one flow of ``core.flows.redaction``. Identifiers of data subjects are personal data: they are
best given through ``--from-file`` or the prompt (no echo, nothing left in shell history); a value typed on the
command line works but draws a warning.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from dataroom.core.cancel import CancelToken
from dataroom.core.errors import InputError
from dataroom.core.flows import redaction as flows
from dataroom.core.redaction import operators as ops
from dataroom.core.redaction.export import LABEL
from dataroom.core.redaction.policy_store import StoredPolicy

from .context import open_session
from .output import emit_json, table
from .progress import ProgressLine

_ASK = "\0ask"  # an identifier flag given without a value: read it from --from-file or the prompt
_KINDS = {"id": ("resident_id", "resident ID number"), "phone": ("mobile", "mobile number"),
          "email": ("email", "e-mail address")}  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    policy = sub.add_parser("policy", help="redaction policies: show, edit, export, import").add_subparsers(
        dest="policy_cmd", required=True
    )
    p = policy.add_parser("show", help="the policy in force (or --version N) and its SHA-256")
    p.add_argument("dataset")
    p.add_argument("--version", type=int, help="a saved version (default: the latest, or the default policy)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_policy_show)

    p = policy.add_parser("history", help="every saved version of a dataset's policy")
    p.add_argument("dataset")
    p.set_defaults(func=cmd_policy_history)

    p = policy.add_parser("edit", help="set one column's operator; saves a new version")
    p.add_argument("dataset")
    p.add_argument("column", help="column name or 1-based position")
    p.add_argument("--op", required=True, choices=ops.OPERATORS,
                   help="; ".join(f"{k}: {v}" for k, v in ops.OPERATOR_HELP.items()))  # fmt: skip
    p.add_argument("--param", action="append", default=[], metavar="K=V", help="operator parameter (repeatable)")
    p.add_argument("--class", dest="data_class", choices=("public", "consent-required", "sensitive"),
                   help="the column's class in the policy (default: its classification)")  # fmt: skip
    p.add_argument("--note", help="why (kept with the version and in the audit log)")
    p.set_defaults(func=cmd_policy_edit)

    p = policy.add_parser("export", help="write a policy version as JSON")
    p.add_argument("dataset")
    p.add_argument("--out", required=True)
    p.add_argument("--version", type=int)
    p.set_defaults(func=cmd_policy_export)

    p = policy.add_parser("import", help="read a policy JSON file (validated strictly); saves a new version")
    p.add_argument("dataset")
    p.add_argument("file")
    p.add_argument("--note")
    p.set_defaults(func=cmd_policy_import)

    p = sub.add_parser("preview", help="rows of the redacted view (de-identified, not anonymised)")
    p.add_argument("dataset")
    p.add_argument("--policy", type=int, metavar="VERSION", help="policy version (default: the one in force)")
    p.add_argument("--rows", default="1:20", metavar="A:B", help="positions A to B, 1-based, inclusive (default 1:20)")
    p.add_argument("--sort", metavar="COL[:desc]", help="sort by an original column, ascending or :desc")
    p.add_argument("--where", metavar="EXPR", help='filter on original values, e.g. "金额 > 100 and 城市 = 上海"')
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_preview)

    p = sub.add_parser("stats", help="statistics of one column of the redacted view")
    p.add_argument("dataset")
    p.add_argument("column", help="a column of the redacted view")
    p.add_argument("--policy", type=int, metavar="VERSION")
    p.add_argument("--where", metavar="EXPR")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("kanon", help="k-anonymity (and l-diversity) of the redacted view, with suggestions")
    p.add_argument("dataset")
    p.add_argument("--qi", required=True, metavar="COL,COL", help="quasi-identifier columns of the redacted view")
    p.add_argument("--k", type=int, default=5, help="target k (default 5)")
    p.add_argument("--sensitive", metavar="COL", help="sensitive column for l-diversity")
    p.add_argument("--l", type=int, default=2, help="target l (default 2)")
    p.add_argument("--policy", type=int, metavar="VERSION")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_kanon)

    p = sub.add_parser("export", help="write the redacted dataset to CSV or XLSX")
    p.add_argument("dataset")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--policy", type=int, metavar="VERSION")
    p.add_argument("--format", choices=("csv", "xlsx"), help="default: from the file name, else csv")
    p.add_argument("--encoding", choices=("utf-8", "gb18030"), default="utf-8",
                   help="CSV text encoding (default UTF-8 with BOM)")  # fmt: skip
    p.set_defaults(func=cmd_export)

    subject = sub.add_parser("subject", help="data-subject requests: find, export or erase one person's rows")
    verbs = subject.add_subparsers(dest="subject_cmd", required=True)
    for verb, helptext, func in (
        ("find", "show every row holding the identifier, in every dataset", cmd_subject_find),
        ("export", "write the person's rows to a CSV for them", cmd_subject_export),
        ("erase", "delete the person's rows from every dataset (secure delete)", cmd_subject_erase),
    ):
        p = verbs.add_parser(verb, help=helptext)
        who = p.add_mutually_exclusive_group(required=True)
        for flag, (_, label) in _KINDS.items():
            who.add_argument(f"--{flag}", nargs="?", const=_ASK, metavar="VALUE",
                             help=f"the {label}; without VALUE it is read from --from-file or asked for")  # fmt: skip
        p.add_argument("--from-file", metavar="FILE", help="file whose first line is the identifier")
        if verb == "export":
            p.add_argument("--out", required=True, metavar="FILE")
        if verb == "erase":
            p.add_argument("--yes", action="store_true", help="erase without asking")
        if verb == "find":
            p.add_argument("--json", action="store_true")
        p.set_defaults(func=func)


# --- helpers ---------------------------------------------------------------------------------------------------


def _params(items: list[str]) -> dict[str, Any]:
    return dict(ops.parse_param(item) for item in items)


def _print_policy(stored: StoredPolicy) -> None:
    state = "default, not saved yet" if stored.version == 0 else f"version {stored.version}"
    print(f"Policy for {stored.policy.dataset!r} ({state}); SHA-256 {stored.sha256}")
    if stored.version:
        print(f"  saved {stored.created_at} by {stored.created_by}" + (f": {stored.note}" if stored.note else ""))
    table(["column", "class", "rule"], [(r.column, r.data_class, r.describe()) for r in stored.policy.rules])
    s = stored.policy.suppression
    if s:
        print(f"Rows whose subject ({s.kind} in {s.subject_column!r}) has no consent for {s.purpose!r}: {s.missing}.")


def _rows(text: str) -> tuple[int, int]:
    first, sep, last = text.partition(":")
    try:
        a = int(first) if first else 1
        b = int(last) if sep and last else (a + 19 if sep else a)
    except ValueError:
        raise InputError(f"--rows takes A:B with whole numbers, e.g. 1:50 (got {text!r}).") from None
    if a < 1 or b < a:
        raise InputError("--rows A:B needs 1 <= A <= B.")
    return a, b


def _sort(text: str | None) -> tuple[str | None, bool]:
    if not text:
        return None, False
    column, sep, direction = text.rpartition(":")
    if sep and direction.lower() in ("asc", "desc"):
        return column, direction.lower() == "desc"
    return text, False


def _identifier(args: argparse.Namespace) -> tuple[str, str]:
    flag = next(f for f in _KINDS if getattr(args, f) is not None)
    kind, label = _KINDS[flag]
    value = getattr(args, flag)
    if value != _ASK:
        if args.from_file:
            raise InputError(f"Give the {label} either after --{flag} or in --from-file, not both.")
        print(f"dataroom: note: a {label} typed on the command line stays in your shell history; "
              f"prefer --{flag} --from-file FILE or the prompt.", file=sys.stderr)  # fmt: skip
        return kind, value
    if args.from_file:
        try:
            lines = Path(args.from_file).read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            raise InputError(f"Cannot read {args.from_file}: {exc.strerror}.") from None
        return kind, lines[0].strip() if lines else ""
    if not sys.stdin.isatty():
        raise InputError(f"Give the {label} with --from-file FILE (there is no terminal to ask on).")
    return kind, getpass.getpass(f"{label.capitalize()} (not shown): ")


# --- commands --------------------------------------------------------------------------------------------------


def cmd_policy_show(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        stored = flows.show_policy(session, args.dataset, args.version)
    finally:
        session.close()
    if args.json:
        emit_json(stored.to_json())
    else:
        _print_policy(stored)
    return 0


def cmd_policy_history(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        versions = flows.policy_versions(session, args.dataset)
    finally:
        session.close()
    if not versions:
        print(f"No policy saved for {args.dataset!r} yet; the default policy applies.")
        return 0
    table(["version", "saved (UTC)", "by", "SHA-256", "note"],
          [(v.version, v.created_at, v.created_by, v.sha256[:16] + "…", v.note or "") for v in versions])  # fmt: skip
    return 0


def cmd_policy_edit(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        stored = flows.edit_policy(session, args.dataset, args.column, args.op, _params(args.param),
                                   data_class=args.data_class, note=args.note)  # fmt: skip
    finally:
        session.close()
    print(f"Saved policy version {stored.version} for {args.dataset!r}; SHA-256 {stored.sha256}")
    return 0


def cmd_policy_export(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        stored = flows.export_policy(session, args.dataset, Path(args.out), version=args.version)
    finally:
        session.close()
    which = "the default policy" if stored.version == 0 else f"policy version {stored.version}"
    print(f"Wrote {which} of {args.dataset!r} to {args.out} (SHA-256 {stored.sha256}).")
    return 0


def cmd_policy_import(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        stored = flows.import_policy(session, args.dataset, Path(args.file), note=args.note)
    finally:
        session.close()
    print(f"Imported as policy version {stored.version} of {args.dataset!r}; SHA-256 {stored.sha256}")
    return 0


def cmd_preview(args: argparse.Namespace) -> int:
    first, last = _rows(args.rows)
    column, descending = _sort(args.sort)
    session = open_session(args)
    try:
        stored = flows.show_policy(session, args.dataset, args.policy)
        view = flows.open_preview(session, args.dataset, version=args.policy, sort=column, descending=descending,
                                  where=args.where)  # fmt: skip
        page = view.page_at(first, last - first + 1)
    finally:
        session.close()
    if args.json:
        emit_json({**page.to_json(), "dataset": args.dataset, "policy_version": stored.version,
                   "policy_sha256": stored.sha256})  # fmt: skip
        return 0
    print(f"{args.dataset}: {LABEL}; policy " + (f"version {stored.version}" if stored.version else "default")
          + f" {stored.sha256[:16]}…")  # fmt: skip
    positions = range(first, first + len(page.rows))
    table(["#", "row", *page.headers], [(p, n, *r) for p, n, r in zip(positions, page.row_numbers, page.rows,
                                                                       strict=False)])  # fmt: skip
    total = f" of {page.total:,}" if page.total is not None else ""
    shown = f"rows {first:,}-{first + len(page.rows) - 1:,}{total}" if page.rows else f"no rows at {first:,}{total}"
    extra = "".join(f"; {n} {w}" for n, w in ((page.blanked, "blanked"), (page.dropped, "dropped")) if n)
    print(f"({shown}{extra})")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    session = open_session(args)
    bar = ProgressLine("Counting")
    try:
        result = flows.column_statistics(session, args.dataset, args.column, version=args.policy, where=args.where,
                                         progress=bar, cancel=CancelToken())  # fmt: skip
    finally:
        bar.done()
        session.close()
    if args.json:
        emit_json(result.to_json())
        return 0
    print(f"{args.column}: {result.rows:,} rows, {result.blanks:,} blank, {result.distinct:,} distinct ({LABEL})")
    table(["top value", "count"], result.top)
    if result.histogram_kind:
        table([f"{result.histogram_kind} bin", "count"], result.histogram)
    return 0


def cmd_kanon(args: argparse.Namespace) -> int:
    qi = [c.strip() for c in args.qi.split(",") if c.strip()]
    session = open_session(args)
    bar = ProgressLine("Grouping")
    try:
        report = flows.kanon_report(session, args.dataset, qi, k=args.k, sensitive=args.sensitive, l=args.l,
                                    version=args.policy, progress=bar, cancel=CancelToken())  # fmt: skip
    finally:
        bar.done()
        session.close()
    if args.json:
        emit_json(report.to_json())
        return 0
    verdict = "meets" if report.satisfied else "does NOT meet"
    print(f"Quasi-identifiers {', '.join(report.quasi_identifiers)}: k = {report.k} over {report.rows:,} rows in "
          f"{report.classes:,} equivalence classes — {verdict} k = {report.target_k}.")  # fmt: skip
    print(f"Rows in classes smaller than {report.target_k}: {report.rows_below:,} ({report.share_below:.2%}).")
    table(["class size", "classes"], report.class_sizes)
    if report.sensitive:
        print(f"l-diversity of {report.sensitive!r}: l = {report.l}; rows in classes with fewer than {report.target_l} "
              f"distinct values: {report.rows_below_l:,}.")  # fmt: skip
    for s in report.suggestions:
        changes = "; ".join(f"{c.column}: {c.label}" for c in s.changes)
        reach = "reaches" if s.k >= report.target_k else f"leaves {s.rows_below:,} rows ({s.share_below:.2%}) below"
        print(f"Suggestion: {changes} → k = {s.k}, {reach} the target.")
    if not report.satisfied and not report.suggestions:
        print("No generalisation of these columns reaches the target" + ("" if report.search_complete else
              " within the search budget") + ".")  # fmt: skip
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    fmt = args.format or ("xlsx" if out.suffix.lower() == ".xlsx" else "csv")
    session = open_session(args)
    bar = ProgressLine(f"Exporting {args.dataset}")
    try:
        result = flows.export_redacted(session, args.dataset, out, version=args.policy, fmt=fmt,
                                       encoding=args.encoding, progress=bar, cancel=CancelToken())  # fmt: skip
    finally:
        bar.done()
        session.close()
    print(f"Wrote {result.rows:,} de-identified rows ({len(result.columns)} columns) to {result.path} — {LABEL}.")
    print(f"  file SHA-256 {result.sha256}")
    if result.blanked or result.dropped:
        print(f"  rows without consent: {result.blanked:,} blanked, {result.dropped:,} dropped")
    return 0


def _print_matches(result: flows.SubjectResult) -> None:
    print(f"Subject {result.token}: {result.rows} row(s) in {len(result.matches)} dataset(s).")
    for m in result.matches:
        print(f"\n{m.dataset.name} (matched in {', '.join(m.columns)}):")
        table(["row", *m.dataset.columns], [tuple("" if v is None else v for v in r) for r in m.rows])


def cmd_subject_find(args: argparse.Namespace) -> int:
    kind, value = _identifier(args)
    session = open_session(args)
    try:
        result = flows.find_subject(session, kind, value)
    finally:
        session.close()
    if args.json:
        emit_json({"subject": result.token, "datasets": [
            {"dataset": m.dataset.name, "matched_columns": m.columns,
             "rows": [{"row": r[0], "values": dict(zip(m.dataset.columns, r[1:], strict=True))} for r in m.rows]}
            for m in result.matches]})  # fmt: skip
    else:
        _print_matches(result)
    return 0


def cmd_subject_export(args: argparse.Namespace) -> int:
    kind, value = _identifier(args)
    session = open_session(args)
    try:
        result = flows.export_subject(session, kind, value, Path(args.out))
    finally:
        session.close()
    print(f"Wrote {result.rows} row(s) of subject {result.token} to {args.out}.")
    return 0


def cmd_subject_erase(args: argparse.Namespace) -> int:
    kind, value = _identifier(args)
    session = open_session(args)
    try:
        if not args.yes:
            found = flows.find_subject(session, kind, value)
            if not found.rows:
                print(f"Subject {found.token}: no rows; nothing to erase.")
                return 0
            counts = ", ".join(f"{n} in {d}" for d, n in found.counts().items())
            if not sys.stdin.isatty():
                print(f"dataroom: would erase {counts}; add --yes to erase.", file=sys.stderr)
                return 2
            if input(f"Erase {counts} for good? Type ERASE to confirm: ").strip() != "ERASE":
                print("Nothing was erased.")
                return 1
        result = flows.erase_subject(session, kind, value)
    finally:
        session.close()
    counts = ", ".join(f"{n} in {d}" for d, n in result.counts().items()) or "no rows"
    print(f"Erased subject {result.token}: {counts}. The erasure is recorded in the audit log.")
    return 0
