"""``dataroom --selftest``: a quick end-to-end check that this installation works, from source or in the bundle.

It runs the real flows on throw-away data in a temporary folder (deleted afterwards): two vaults with cheap but
real Argon2id parameters, a tiny synthetic customer table (valid check digits, no real person), classification,
redacted preview and export, party cards, an NDA both sides sign, a bilingual PDF with the bundled CJK font, a
packet from one vault to the other with its signed receipt, the audit chains, and finally the Qt platform and the
translations. It never touches the user's vaults, settings or OS keyring.

One line per check — ``ok  <check>  <ms>`` or ``FAIL <check>: <reason>`` — then a summary; the exit status is 0
only when every check passed. Qt is imported only inside the Qt checks, so importing this module (as the CLI
does) never loads Qt; the Qt checks run last because a Qt platform that cannot start aborts the process.

To add a check: write ``_check_<name>(state)`` (raise or fail an ``_expect`` to fail it) and append a
:class:`Check` to :data:`CHECKS` naming the checks it needs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

if TYPE_CHECKING:
    from dataroom.core.session import Session

#: Published on purpose: the self-test's vaults hold synthetic data and are deleted when it ends.
PASSPHRASE = "dataroom self-test 2026"
DATASET = "selftest customers"

# A few synthetic customers: the resident ID numbers get their check character from the published algorithm at
# run time (checksums.resident_id_check_char), so the classifier sees valid identifiers. None is a real person.
_CUSTOMERS = """\
张伟,13800138000,11010119900307123,北京,1200
李娜,13900139000,31010119851212567,上海,560
王强,13700137000,44010119700101111,广州,80
赵敏,13600136000,33010219880515002,深圳,3000
刘洋,15000150000,51010719930822345,杭州,15
陈静,18600186000,32010219791130678,成都,2400
杨磊,18800188000,42010619950203901,南京,730
黄丽,13500135000,37020219820614234,武汉,99
"""
_HEADER = ("姓名", "手机号", "身份证号", "城市", "消费金额")


class CheckFailed(Exception):
    """A check found something wrong (as opposed to crashing)."""


def _expect(condition: object, reason: str) -> None:
    if not condition:
        raise CheckFailed(reason)


@dataclass
class State:
    """What the checks hand on to one another."""

    tmp: Path
    sessions: dict[str, Session] = field(default_factory=dict)
    rows: list[tuple[str, ...]] = field(default_factory=list)
    nda_id: str = ""
    packet: Any = None
    app: Any = None
    out: TextIO = sys.stdout

    @property
    def seller(self) -> Session:
        return self.sessions["seller"]

    @property
    def buyer(self) -> Session:
        return self.sessions["buyer"]

    def close(self) -> None:
        for session in self.sessions.values():
            try:
                if session.vault.is_open:
                    session.close()
            except Exception:  # cleaning up after a failed check, which is already reported
                pass


@dataclass(frozen=True)
class Check:
    """One named check, and the checks whose results it builds on (it is skipped when one of them failed)."""

    name: str
    run: Callable[[State], None]
    needs: tuple[str, ...] = ()


# --- core checks -----------------------------------------------------------------------------------------------


def _fingerprint(session: Session) -> str:
    from dataroom.core.flows import parties

    return parties.show_identity(session).fingerprint


def _check_vault(state: State) -> None:
    """Two vaults; the seller's is locked and unlocked again (Argon2id, key slot, SQLCipher open) and checked."""
    from dataroom.core.flows import vault as vault_flows
    from dataroom.core.secrets.kdf import KdfParams

    def cheap() -> KdfParams:  # real Argon2id, 8 MiB and 2 passes: milliseconds instead of the calibrated 0.5 s
        return KdfParams(os.urandom(16), 2, 8 * 1024, 1)

    for name in ("seller", "buyer"):
        state.sessions[name] = vault_flows.create(
            state.tmp / name, owner=name, passphrase=PASSPHRASE, use_keyring=False, kdf_params=cheap()
        )
    vault_flows.lock(state.sessions["seller"])
    state.sessions["seller"] = vault_flows.unlock(state.tmp / "seller", user="seller", passphrase=PASSPHRASE)
    _expect(vault_flows.check_integrity(state.seller).ok, "the audit chain of a new vault does not verify")


def _check_import(state: State) -> None:
    import csv

    from dataroom.core.flows import datasets as dataset_flows
    from dataroom.core.ingest.parallel import ParallelTableReader
    from dataroom.core.ingest.table import sniff
    from dataroom.core.pii import checksums

    rows: list[tuple[str, ...]] = []
    for line in _CUSTOMERS.splitlines():
        name, mobile, id17, city, amount = line.split(",")
        resident_id = id17 + checksums.resident_id_check_char(id17)
        _expect(checksums.resident_id_valid(resident_id), f"check character of {id17}… is wrong")
        rows.append((name, mobile, resident_id, city, amount))
    path = state.tmp / "customers.csv"  # synthetic data only, so a plaintext temporary file is fine
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(_HEADER)
        writer.writerows(rows)
    info = dataset_flows.import_dataset(state.seller, path, name=DATASET, classify=False)
    _expect(info.row_count == len(rows), f"imported {info.row_count} rows of {len(rows)}")
    # Big files are parsed by a second process, started from the bundle's own executable: check it runs here.
    with ParallelTableReader(path, sniff(path)) as reader:
        parsed = [row for batch in reader.batches() for row in batch]
    _expect(parsed == rows, "the reading process of big imports returned other rows")
    _expect(tuple(info.columns) == _HEADER, f"columns read as {info.columns}")
    state.rows = rows


def _check_classify(state: State) -> None:
    from dataroom.core.flows import datasets as dataset_flows

    found = {c.name: c for c in dataset_flows.classify_dataset(state.seller, DATASET)}
    for column, type_, data_class in (("手机号", "mobile", None), ("身份证号", "resident_id", "sensitive")):
        got = found[column]
        _expect(got.type == type_, f"{column} classified as {got.type}, expected {type_}")
        _expect(data_class is None or got.data_class == data_class, f"{column} is {got.data_class}")


def _check_redact(state: State) -> None:
    from dataroom.core.flows import redaction as redaction_flows

    secrets = [value for row in state.rows for value in (row[1], row[2])]
    page = redaction_flows.open_preview(state.seller, DATASET).page_at(1)
    _expect(len(page.rows) == len(state.rows), f"preview shows {len(page.rows)} rows of {len(state.rows)}")
    shown = "\n".join("|".join(map(str, row)) for row in page.rows)
    _expect(not any(s in shown for s in secrets), "the redacted preview shows a raw mobile or ID number")
    result = redaction_flows.export_redacted(state.seller, DATASET, state.tmp / "redacted.csv")
    text = result.path.read_text(encoding="utf-8-sig")
    _expect(result.rows == len(state.rows), f"exported {result.rows} rows of {len(state.rows)}")
    _expect(not any(s in text for s in secrets), "the redacted export contains a raw mobile or ID number")
    # Big exports are redacted by helper processes started from this installation: run one on this table.
    from dataroom.core.redaction import export_chunks, export_workers

    by_count, chunk_rows = export_workers.worker_count, export_chunks.CHUNK_ROWS
    export_workers.worker_count = lambda rows: 1  # type: ignore[assignment]
    export_chunks.CHUNK_ROWS = 2  # so the helper gets rows of this small table to redact
    try:
        shared = redaction_flows.export_redacted(state.seller, DATASET, state.tmp / "redacted-2.csv")
    finally:
        export_workers.worker_count, export_chunks.CHUNK_ROWS = by_count, chunk_rows  # type: ignore[assignment]
    body = [line for line in shared.path.read_text(encoding="utf-8-sig").splitlines() if "exported (UTC)" not in line]
    _expect(body == [line for line in text.splitlines() if "exported (UTC)" not in line],
            "an export made by a helper process differs from one made alone")  # fmt: skip


def _check_parties(state: State) -> None:
    from dataroom.core.flows import parties

    parties.create_identity(state.seller, "自检卖方 Self-test Seller Ltd", "王芳", "seller@example.invalid", "seller")
    parties.create_identity(state.buyer, "自检买方 Self-test Buyer Ltd", "John Smith", "buyer@example.invalid", "buyer")
    for src, dst in ((state.seller, state.buyer), (state.buyer, state.seller)):
        card = parties.export_card(src, state.tmp / f"{src.user}.drcard")
        _expect(parties.verify_card_file(card).ok, f"the {src.user}'s card does not verify on its own")
        imported = parties.import_card(dst, card)
        parties.confirm_card(dst, imported.card.fingerprint, "in-person", "self-test")


def _check_nda(state: State) -> None:
    import datetime as dt

    from dataroom.core.deal.nda import DatasetScope, NdaTerms
    from dataroom.core.documents.blocks import Bilingual
    from dataroom.core.flows import nda as nda_flows

    today = dt.date.today()
    terms = NdaTerms(
        title="自检保密协议 Self-test NDA",
        counterparties=(_fingerprint(state.buyer),),
        purpose=Bilingual("安装自检", "checking this installation"),
        datasets=(DatasetScope(DATASET),),
        effective_on=today - dt.timedelta(days=1),
        expires_on=today + dt.timedelta(days=30),
    )
    seller, buyer = state.seller, state.buyer
    nda = nda_flows.new_nda(seller, terms)
    nda_flows.sign_nda(seller, nda.id)
    nda_flows.import_nda(buyer, nda_flows.export_nda(seller, nda.id, state.tmp / "nda-1.drnda"))
    nda_flows.sign_nda(buyer, nda.id)
    nda_flows.import_nda(seller, nda_flows.export_nda(buyer, nda.id, state.tmp / "nda-2.drnda"))
    _expect(nda_flows.nda_status(seller, nda.id).in_force, "the NDA signed by both parties is not in force")
    state.nda_id = nda.id


def _check_pdf(state: State) -> None:
    """The NDA as a bilingual PDF: the bundled CJK font must be found and embedded (as a subset)."""
    import re

    from dataroom.core.flows import nda as nda_flows

    path = nda_flows.render_nda(state.seller, state.nda_id, state.tmp / "nda.pdf")
    data = path.read_bytes()
    _expect(data.startswith(b"%PDF-") and b"%%EOF" in data[-64:], "the PDF is incomplete")
    fonts = set(re.findall(rb"/BaseFont\s*/\w{6}\+(\w+)", data))
    _expect(any(f.startswith(b"WenQuanYi") for f in fonts), f"the CJK font is not embedded (fonts: {fonts or 'none'})")
    _expect(b"/FontFile2" in data, "no TrueType font program is embedded")


def _check_packet(state: State) -> None:
    from dataroom.core.flows import redaction as redaction_flows
    from dataroom.core.flows import transfer, verify

    seller, buyer = state.seller, state.buyer
    # The NDA covers consent-required data only, so the sensitive ID column is withheld, as a preparer would.
    redaction_flows.edit_policy(seller, DATASET, "身份证号", "withhold")
    sent = transfer.export_packet(seller, DATASET, _fingerprint(buyer), state.nda_id, out=state.tmp / "p.drpkt")
    raw = sent.path.read_bytes()
    _expect(not any(row[1].encode() in raw or row[2].encode() in raw for row in state.rows), "plaintext in packet")
    checked = transfer.inspect_packet(buyer, sent.path)
    _expect(checked.ok, "the recipient refuses the packet: " + "; ".join(p.code for p in checked.problems))
    got = transfer.import_packet(buyer, sent.path)
    _expect(got.info.row_count == sent.rows, f"received {got.info.row_count} rows of {sent.rows}")
    report = verify.verify_file(sent.path, buyer)
    _expect(report.authentic and report.trust == verify.CONFIRMED, "; ".join(report.describe()))
    state.packet = sent


def _check_receipt(state: State) -> None:
    from dataroom.core.flows import transfer, verify

    seller, buyer = state.seller, state.buyer
    issued = transfer.make_receipt(seller, state.packet.packet_id, out=state.tmp / "receipt.pdf")
    countersigned = transfer.countersign_receipt(buyer, issued.path)
    _expect(transfer.record_receipt(seller, countersigned.path).ok, "the counter-signed receipt is not accepted")
    report = verify.verify_file(countersigned.path, seller)
    _expect(report.authentic and report.trust == verify.CONFIRMED, "; ".join(report.describe()))


def _check_audit(state: State) -> None:
    from dataroom.core.audit import log as audit_log

    for name, session in state.sessions.items():
        status = audit_log.verify(session.vault.connection())
        _expect(status.ok, f"the {name}'s audit chain does not verify")


# --- Qt checks (last: a Qt platform that cannot start aborts the process) --------------------------------------


def _no_display() -> bool:
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False  # Windows and macOS always have their native platform
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _platform_load_error() -> str:
    """Why the platform plugin Qt wanted does not load, in the dynamic loader's words (Qt itself only says so with
    QT_DEBUG_PLUGINS=1): usually a system library that is missing, which names the package to install."""
    import ctypes

    from PySide6.QtCore import QLibraryInfo

    wanted = os.environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0]
    if not wanted:
        wanted = "wayland" if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY") else "xcb"
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    for plugin in sorted(folder.glob(f"*q{wanted.split('-')[0]}*")):
        try:
            ctypes.CDLL(str(plugin))
        except OSError as exc:
            return str(exc.__cause__ or exc)  # a frozen build wraps the loader's message; it is the cause
    return ""


def _install_fatal_handler(state: State) -> Callable[[], None]:
    """Turn Qt's fatal messages (no usable platform plugin, ...) into a FAIL line, with the warning that explains
    them (a missing library, say), and clean up, instead of a bare abort. Returns the function that puts Qt's own
    handler back (a Python handler left installed would be called during interpreter shutdown)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    warnings: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        text = " ".join(message.split())
        if kind != QtMsgType.QtFatalMsg:
            warnings.append(text)
            print(text, file=sys.stderr)
            return
        why = _platform_load_error() or "; ".join(warnings[-2:])
        why = f" ({why})" if why else ""
        print(f"FAIL qt: {text or 'fatal error'}{why}", file=state.out)
        print("self-test FAILED: Qt aborted; the remaining checks did not run", file=state.out, flush=True)
        state.close()
        shutil.rmtree(state.tmp, ignore_errors=True)
        os._exit(1)

    qInstallMessageHandler(handler)

    def restore() -> None:
        qInstallMessageHandler(None)

    return restore


def _check_qt(state: State) -> None:
    """The GUI's own start-up path on the offscreen platform (or the real display): every GUI module imports,
    the window icon renders (SVG plugin), the bundled CJK font registers and a widget paints Chinese text."""
    if _no_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    restore = _install_fatal_handler(state)
    try:
        from dataroom.ui.app import make_application

        state.app = app = make_application([])
    finally:
        restore()
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QLabel

    from dataroom.ui.resources import icon

    _expect(app.platformName(), "no Qt platform")
    _expect(not icon("vault").pixmap(32, 32).isNull(), "the SVG icons do not render (imageformats/iconengines)")
    families = [f for f in QFontDatabase.families() if "WenQuanYi" in f]
    _expect(families, "the bundled CJK font did not register")
    label = QLabel("数据室 Dataroom 自检")
    label.adjustSize()
    image = label.grab().toImage()
    _expect(not image.isNull() and image.width() > 0, "a widget did not paint")
    label.deleteLater()
    _expect(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)).is_dir(), "Qt plugins folder missing")


def _check_translations(state: State) -> None:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    from dataroom.ui import i18n
    from dataroom.ui.resources import translations_dir

    ours = QTranslator()
    folder = translations_dir()
    _expect(ours.load(f"dataroom_{i18n.CHINESE}", str(folder)), f"no dataroom_{i18n.CHINESE}.qm in {folder}")
    _expect(not ours.isEmpty(), "dataroom_zh_CN.qm is empty")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _expect(QTranslator().load(f"qtbase_{i18n.CHINESE}", qt_dir), f"Qt's own qtbase_zh_CN.qm is missing from {qt_dir}")
    try:
        _expect(i18n.apply_language(i18n.CHINESE), "switching the interface to Chinese failed")
        cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
        _expect(cancel != "Cancel", "Qt's standard buttons stay in English after switching to Chinese")
    finally:
        i18n.apply_language(i18n.ENGLISH)


CHECKS: list[Check] = [
    Check("vault", _check_vault),
    Check("import", _check_import, ("vault",)),
    Check("classify", _check_classify, ("import",)),
    Check("redact", _check_redact, ("classify",)),
    Check("parties", _check_parties, ("vault",)),
    Check("nda", _check_nda, ("parties", "import")),
    Check("pdf-cjk", _check_pdf, ("nda",)),
    Check("packet", _check_packet, ("nda", "classify")),
    Check("receipt", _check_receipt, ("packet",)),
    Check("audit", _check_audit, ("vault",)),
    Check("qt", _check_qt),
    Check("translations", _check_translations, ("qt",)),
]


def _reason(exc: BaseException) -> str:
    """One line: the message, plus where it came from when it is not a plain check failure (e.g. a module a bundle
    left out)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, CheckFailed):
        return text
    from dataroom.core.errors import DataroomError

    if isinstance(exc, DataroomError):
        return text
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {text}{where}"


def run(checks: Sequence[Check] | None = None, out: TextIO | None = None) -> int:
    """Run the checks in order; returns 0 when all passed, 1 otherwise."""
    checks = CHECKS if checks is None else checks
    out = out or sys.stdout
    started = time.perf_counter()
    failed: list[str] = []
    state = State(Path(tempfile.mkdtemp(prefix="dataroom-selftest-")), out=out)
    try:
        for check in checks:
            missing = [n for n in check.needs if n in failed]
            if missing:
                failed.append(check.name)
                print(f"FAIL {check.name}: not run, needs {', '.join(missing)}", file=out, flush=True)
                continue
            t0 = time.perf_counter()
            try:
                check.run(state)
            except Exception as exc:
                failed.append(check.name)
                print(f"FAIL {check.name}: {_reason(exc)}", file=out, flush=True)
            else:
                print(f"ok  {check.name}  {(time.perf_counter() - t0) * 1000:.0f}", file=out, flush=True)
    finally:
        state.close()
        shutil.rmtree(state.tmp, ignore_errors=True)
    total = (time.perf_counter() - started) * 1000
    if failed:
        print(f"self-test FAILED: {len(failed)} of {len(checks)} checks ({total:.0f} ms)", file=out, flush=True)
        return 1
    print(f"self-test passed: {len(checks)} checks in {total:.0f} ms", file=out, flush=True)
    return 0


class SelftestAction(argparse.Action):
    """``--selftest`` for an argparse parser: runs the self-test and exits with its status (like ``--version``)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        kwargs.setdefault("help", "check this installation end to end on throw-away data, then exit")
        super().__init__(option_strings, dest=dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        parser.exit(run())


if __name__ == "__main__":
    raise SystemExit(run())
