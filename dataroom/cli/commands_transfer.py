"""``packet``, ``receipt``, ``destroy``, ``verify`` and ``trace``: moving data between the parties and proving it."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dataroom.core.cancel import CancelToken
from dataroom.core.errors import InputError
from dataroom.core.flows import transfer
from dataroom.core.flows import verify as verify_flows
from dataroom.core.session import Session
from dataroom.core.vault.layout import VaultLayout

from .context import open_session, vault_dir, with_session
from .output import emit_json, table
from .progress import ProgressLine


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    packet = sub.add_parser("packet", help="encrypted, signed transfer packets for one recipient")
    cmds = packet.add_subparsers(dest="packet_cmd", required=True, metavar="ACTION")
    p = cmds.add_parser("export", help="write a packet of a dataset for a recipient, under an NDA (gate checked)")
    p.add_argument("dataset")
    p.add_argument("--to", required=True, metavar="FINGERPRINT", help="recipient's card fingerprint (10+ digits)")
    p.add_argument("--nda", required=True, metavar="ID", help="the NDA the transfer happens under")
    p.add_argument("--full", action="store_true", help="every column unchanged (only if the NDA allows full data)")
    p.add_argument("--policy", type=int, metavar="VERSION", help="redaction policy version (default: the latest)")
    p.add_argument("--out", metavar="FILE", help="output file (default: a name from dataset, recipient and packet id)")
    p.set_defaults(func=with_session(cmd_packet_export))
    p = cmds.add_parser("import", help="verify a packet, then decrypt it into a new dataset")
    p.add_argument("file")
    p.add_argument("--name", help="dataset name (default: the sender's dataset name)")
    p.set_defaults(func=with_session(cmd_packet_import))
    p = cmds.add_parser("inspect", help="verify a packet without decrypting or importing it")
    p.add_argument("file")
    p.set_defaults(func=with_session(cmd_packet_inspect))
    p = cmds.add_parser("list", help="packets sent and received, with the state of their receipts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_session(cmd_packet_list))

    receipt = sub.add_parser("receipt", help="signed PDF receipts of transfers")
    cmds = receipt.add_subparsers(dest="receipt_cmd", required=True, metavar="ACTION")
    p = cmds.add_parser("make", help="issue the signed receipt of a packet you sent")
    p.add_argument("packet_id", metavar="PACKET_ID", help="the packet id (or a unique prefix)")
    p.add_argument("--out", metavar="FILE", help="output file (default receipt-<packet id>.pdf here)")
    p.set_defaults(func=with_session(cmd_receipt_make))
    p = cmds.add_parser("countersign", help="check a receipt of a packet you imported and counter-sign it")
    p.add_argument("file")
    p.add_argument("--out", metavar="FILE", help="output file (default <name>-countersigned.pdf)")
    p.set_defaults(func=with_session(cmd_receipt_countersign))
    p = cmds.add_parser("record", help="check a counter-signed receipt of a packet you sent and record it")
    p.add_argument("file")
    p.set_defaults(func=with_session(cmd_receipt_record))
    p = cmds.add_parser("show", help="check a receipt and show what it covers")
    p.add_argument("file")
    p.add_argument("--standalone", action="store_true", help="do not open the vault (nobody's card is confirmed)")
    p.set_defaults(func=cmd_receipt_show)

    p = sub.add_parser("destroy", help="destroy a dataset; received data gets a signed certificate of destruction")
    p.add_argument("dataset")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--out", metavar="FILE", help="certificate file (default destruction-<id>.pdf here)")
    p.set_defaults(func=with_session(cmd_destroy))
    p = sub.add_parser("destruction", help="certificates of destruction from the other party")
    cmds = p.add_subparsers(dest="destruction_cmd", required=True, metavar="ACTION")
    p = cmds.add_parser("record", help="check a counterparty's certificate of destruction and record it")
    p.add_argument("file")
    p.set_defaults(func=with_session(cmd_destruction_record))

    p = sub.add_parser("verify", help="check any Dataroom file: packet, receipt, certificate, card, audit export, NDA")
    p.add_argument("file")
    p.add_argument("--standalone", action="store_true", help="do not open the vault (nobody's card is confirmed)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("trace", help="find which recipient's packet a leaked CSV/XLSX came from")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_session(cmd_trace))


def _print(lines: list[str]) -> None:
    print("\n".join(lines))


def cmd_packet_export(session: Session, args: argparse.Namespace) -> int:
    bar = ProgressLine(f"Packing {args.dataset}")
    start = time.monotonic()
    done = transfer.export_packet(
        session, args.dataset, args.to, args.nda, full=args.full, policy_version=args.policy,
        out=Path(args.out) if args.out else None, progress=bar, cancel=CancelToken(),
    )  # fmt: skip
    bar.done()
    m = done.manifest
    what = "FULL data" if m.full else f"redacted with policy v{m.policy_version}"
    print(f"Wrote packet {m.packet_id} to {done.path} in {time.monotonic() - start:.1f} s:")
    print(f"  {m.dataset}, {m.rows:,} rows × {len(m.columns)} columns, {what}")
    print(f"  for {m.recipient['organisation']} ({m.recipient['person']}) under {m.nda_id}")
    print(f"  manifest SHA-256 {m.sha256}")
    print(f"  packet SHA-256   {done.packet_sha256}")
    print(f"Next: give the file to the recipient, then `dataroom receipt make {m.packet_id}`.")
    return 0


def cmd_packet_inspect(session: Session, args: argparse.Namespace) -> int:
    checked = transfer.inspect_packet(session, Path(args.file))
    _print(checked.describe())
    return 0 if checked.ok else 1


def cmd_packet_import(session: Session, args: argparse.Namespace) -> int:
    checked = transfer.inspect_packet(session, Path(args.file))
    _print(checked.describe())
    if not checked.ok:
        checked.raise_if_refused()
    bar = ProgressLine("Decrypting and importing")
    got = transfer.import_packet(session, Path(args.file), name=args.name, progress=bar, cancel=CancelToken())
    bar.done()
    print(f"Imported as dataset {got.info.name!r}: {got.info.row_count:,} rows × {got.info.column_count} columns; "
          "content matches the signed manifest.")  # fmt: skip
    print("Next: counter-sign the sender's receipt with `dataroom receipt countersign FILE` when it arrives.")
    return 0


def cmd_packet_list(session: Session, args: argparse.Namespace) -> int:
    packets = transfer.list_packets(session)
    if args.json:
        emit_json([p.to_json() for p in packets])
        return 0
    if not packets:
        print("No packets sent or received yet.")
        return 0
    rows = [
        (p.direction, p.packet_id, p.dataset, p.counterparty, p.nda_id, f"{p.rows:,}", "full" if p.full else "redacted",
         p.at[:16].replace("T", " "), p.receipt + (", destroyed" if p.destroyed else ""))
        for p in packets
    ]  # fmt: skip
    table(["", "packet", "dataset", "counterparty", "NDA", "rows", "data", "when (UTC)", "receipt"], rows)
    return 0


def cmd_receipt_make(session: Session, args: argparse.Namespace) -> int:
    done = transfer.make_receipt(session, args.packet_id, out=Path(args.out) if args.out else None)
    print(f"Wrote the signed receipt of {done.reference} to {done.path} (SHA-256 {done.sha256}).")
    print("Next: send it to the recipient to counter-sign, then `dataroom receipt record FILE`.")
    return 0


def cmd_receipt_countersign(session: Session, args: argparse.Namespace) -> int:
    done = transfer.countersign_receipt(session, Path(args.file), out=Path(args.out) if args.out else None)
    print(f"Counter-signed the receipt of {done.reference}: {done.path} (SHA-256 {done.sha256}).")
    print("Next: send it back to the sender.")
    return 0


def cmd_receipt_record(session: Session, args: argparse.Namespace) -> int:
    result = transfer.record_receipt(session, Path(args.file))
    _print(result.describe())
    print("Recorded: the recipient acknowledged this packet.")
    return 0


def _session_if_vault(args: argparse.Namespace) -> Session | None:
    if args.standalone or not VaultLayout(vault_dir(args)).db.exists():
        return None
    return open_session(args)


def cmd_receipt_show(args: argparse.Namespace) -> int:
    session = _session_if_vault(args)
    try:
        result = transfer.show_receipt(Path(args.file), session)
    finally:
        if session is not None:
            session.close()
    _print(result.describe())
    if session is None:
        print("(checked without a vault: nobody's card is confirmed here)")
    return 0 if result.ok else 1


def _confirm(args: argparse.Namespace) -> None:
    if args.yes:
        return
    if not sys.stdin.isatty():
        raise InputError("Destroying a dataset cannot be undone; add --yes to confirm.")
    answer = input(f"Destroy dataset {args.dataset!r} for good? Type its name to confirm: ")
    if answer.strip() != args.dataset:
        raise InputError("Not confirmed; nothing was destroyed.")


def cmd_destroy(session: Session, args: argparse.Namespace) -> int:
    _confirm(args)
    result = transfer.destroy_dataset(session, args.dataset, out=Path(args.out) if args.out else None)
    print(f"Destroyed dataset {result.dataset!r} ({result.rows:,} rows).")
    for line in result.method:
        print(f"  {line}")
    if result.certificate is not None:
        print(f"Certificate of destruction {result.certificate.reference}: {result.certificate.path} "
              f"(SHA-256 {result.certificate.sha256}).")  # fmt: skip
        print("Next: send it to the party that sent the data; they record it with `dataroom destruction record`.")
    return 0


def cmd_destruction_record(session: Session, args: argparse.Namespace) -> int:
    done = transfer.record_destruction(session, Path(args.file))
    _print(done.check.describe())
    if done.discharged:
        print("Recorded; the NDA's destruction duty is fulfilled.")
    else:
        print(f"Recorded; packets still awaiting a certificate: {', '.join(done.outstanding)}.")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    session = _session_if_vault(args)
    try:
        report = verify_flows.verify_file(Path(args.file), session)
    finally:
        if session is not None:
            session.close()
    if args.json:
        emit_json(report.to_json())
    else:
        _print(report.describe())
        if session is None:
            print("(checked without a vault: nobody's card is confirmed here)")
    return 0 if report.authentic else 1


def cmd_trace(session: Session, args: argparse.Namespace) -> int:
    bar = ProgressLine(f"Reading {Path(args.file).name}")
    report = transfer.trace_file(session, Path(args.file), progress=bar, cancel=CancelToken())
    bar.done()
    if args.json:
        emit_json(report.to_json())
    else:
        _print(report.describe())
    return 0
