"""Showing errors and asking for confirmation: the user sees a sentence, never a traceback.

Core errors carry an English message fit to show and a stable ``code``; where the code alone says what happened,
the message is replaced by its translation. Otherwise (details like paths or counts matter) the core text is shown.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from dataroom.core.errors import DataroomError, storage_error

log = logging.getLogger(__name__)

_CONTEXT = "Messages"

#: Codes whose meaning does not depend on details in the message.
_BY_CODE = {
    "wrong-passphrase": QT_TRANSLATE_NOOP("Messages", "The passphrase is wrong."),
    "passphrase-required": QT_TRANSLATE_NOOP(
        "Messages", "Enter the passphrase: the system keyring holds no key for this vault and user."
    ),
    "totp-required": QT_TRANSLATE_NOOP("Messages", "Enter the 6-digit code from your authenticator app."),
    "totp-wrong": QT_TRANSLATE_NOOP("Messages", "The authenticator code is wrong or has expired."),
    "vault-in-use": QT_TRANSLATE_NOOP(
        "Messages", "The vault is open in another Dataroom window or command. Close it there and try again."
    ),
    "permission": QT_TRANSLATE_NOOP("Messages", "Your role in this vault does not allow this action."),
    "cancelled": QT_TRANSLATE_NOOP("Messages", "The operation was cancelled; nothing was changed."),
    "keyslot-missing": QT_TRANSLATE_NOOP("Messages", "The key-slot file beside the vault database is missing."),
    "keyslot-tampered": QT_TRANSLATE_NOOP("Messages", "The key-slot file fails its integrity check."),
    "disk-full": QT_TRANSLATE_NOOP(
        "Messages",
        "Writing to the disk failed: it is full, or a file grew past the size allowed. Nothing half-done was kept; "
        "free some space and try again.",
    ),
}

#: Exact core messages with more than one variant per code.
_BY_MESSAGE = {
    "The passphrase must be at least 8 characters long.": QT_TRANSLATE_NOOP(
        "Messages", "The passphrase must be at least 8 characters long."
    ),
    "The passphrase repeats too few different characters.": QT_TRANSLATE_NOOP(
        "Messages", "The passphrase repeats too few different characters."
    ),
    "A user name must be 1–64 letters, digits or . @ + - _ (no spaces).": QT_TRANSLATE_NOOP(
        "Messages", "A user name must be 1–64 letters, digits or . @ + - _ (no spaces)."
    ),
    "That code does not match; check the time on this computer and on the phone.": QT_TRANSLATE_NOOP(
        "Messages", "That code does not match; check the time on this computer and on the phone."
    ),
    "The last owner cannot be removed; make another user an owner first.": QT_TRANSLATE_NOOP(
        "Messages", "The last owner cannot be removed; make another user an owner first."
    ),
    "Give the organisation's name (at most 200 characters).": QT_TRANSLATE_NOOP(
        "Messages", "Give the organisation's name (at most 200 characters)."
    ),
    "Give the person's name (at most 100 characters).": QT_TRANSLATE_NOOP(
        "Messages", "Give the person's name (at most 100 characters)."
    ),
}

#: Core messages carrying one value: (pattern, translatable text with ``{value}``).
_BY_PATTERN = [
    (
        re.compile(r"'(.*)' is not an e-mail address\."),
        QT_TRANSLATE_NOOP("Messages", "{value} is not an e-mail address."),
    ),
]


_UNEXPECTED = QT_TRANSLATE_NOOP(
    "Messages", "Something unexpected went wrong and the action did not complete. Technical details are in the log."
)


def _translate(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def error_text(err: BaseException) -> str:
    """The sentence to show for ``err``: translated when we can, the core message otherwise, generic if unexpected."""
    if isinstance(err, DataroomError):
        message = str(err)
        if message in _BY_MESSAGE:
            return _translate(_BY_MESSAGE[message])
        for pattern, text in _BY_PATTERN:
            found = pattern.fullmatch(message)
            if found:
                return _translate(text).format(value=found.group(1))
        source = _BY_CODE.get(err.code)
        if source is not None:
            translated = _translate(source)
            # In English the core's own sentence is more precise (it may add a hint), so keep it.
            if translated != source:
                return translated
        return message
    full = storage_error(err)  # a failed write surfaces as OSError or a SQLite error from deep inside a flow
    if full is not None:
        return error_text(full)
    log.error("unexpected error", exc_info=err)
    return _translate(_UNEXPECTED)


#: Boxes shown without a parent window: Python would delete them as soon as the caller's frame ends.
_parentless: set[QMessageBox] = set()


def show_message(
    parent: QWidget | None, text: str, *, details: str = "", warning: bool = False, title: str | None = None
) -> QMessageBox:
    """Window-modal, non-blocking message box (``open()``, not ``exec()``: the event loop keeps running)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
    box.setWindowTitle(title or _translate(QT_TRANSLATE_NOOP("Messages", "Dataroom")))
    box.setText(text)
    if details:
        box.setInformativeText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        _parentless.add(box)
        box.finished.connect(lambda _result: _parentless.discard(box))
    box.open()
    return box


def show_error(parent: QWidget | None, err: BaseException, title: str | None = None) -> QMessageBox:
    """An error in words (never a traceback)."""
    return show_message(parent, error_text(err), warning=True, title=title)


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> QMessageBox:
    """A piece of information."""
    return show_message(parent, text, title=title)


def confirm(parent: QWidget | None, title: str, text: str, action: str, *, destructive: bool = False) -> bool:
    """Ask before an irreversible step; the default button is the safe one. Tests replace this function."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    ok = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


#: Reasons :func:`dataroom.core.audit.log.verify` gives for a broken chain.
_CHAIN_REASONS = {
    "the record is not valid JSON": QT_TRANSLATE_NOOP("Messages", "the record is not valid JSON"),
    "it does not link to the previous record": QT_TRANSLATE_NOOP("Messages", "it does not link to the previous record"),
    "its content was changed after it was written": QT_TRANSLATE_NOOP(
        "Messages", "its content was changed after it was written"
    ),
    "its authentication code does not match": QT_TRANSLATE_NOOP("Messages", "its authentication code does not match"),
}
_MISSING = re.compile(r"this record is missing \(the next one present is #(\d+)\)")


def chain_reason_text(reason: str) -> str:
    """The translated reason a chain check failed (the core's English words when unknown)."""
    if reason in _CHAIN_REASONS:
        return _translate(_CHAIN_REASONS[reason])
    missing = _MISSING.fullmatch(reason)
    if missing:
        return _translate(
            QT_TRANSLATE_NOOP("Messages", "this record is missing (the next one present is #{seq})")
        ).format(seq=missing.group(1))
    return reason
