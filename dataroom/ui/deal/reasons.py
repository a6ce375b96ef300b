"""Why an NDA is not in force or an export is refused, in the user's language.

The core gives each reason a stable code, an English sentence and the sentence's values (``Reason.params``); the
templates below say the same sentence by code, so the Chinese app does not show the core's English. A reason
without its values (or with a code added later) falls back to the core's sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from dataroom.core.deal.nda import Reason

#: By code, or ``code:variant`` where the sentence depends on a value (``kind``, ``how``).
TEMPLATES: dict[str, str] = {
    "unknown-nda": QT_TRANSLATE_NOOP("Reasons", "There is no NDA '{nda}' in this vault."),
    "recipient-unknown:own": QT_TRANSLATE_NOOP("Reasons", "The recipient {recipient}… is this vault's own identity."),
    "recipient-unknown:not-imported": QT_TRANSLATE_NOOP(
        "Reasons", "The recipient {recipient}… is an identity card that is not imported here."
    ),
    "recipient-not-permitted": QT_TRANSLATE_NOOP(
        "Reasons", "{name} ({recipient}…) is not a permitted recipient under this NDA (permitted: {allowed})."
    ),
    "recipient-superseded": QT_TRANSLATE_NOOP(
        "Reasons", "The card of {name} was replaced by a newer one; send to the current card."
    ),
    "recipient-suspect": QT_TRANSLATE_NOOP(
        "Reasons", "The card of {name} is suspect (fingerprint mismatch with another card of the same party)."
    ),
    "recipient-unconfirmed": QT_TRANSLATE_NOOP(
        "Reasons", "The card of {name} was never confirmed out of band; compare its fingerprint with them first."
    ),
    "dataset-out-of-scope": QT_TRANSLATE_NOOP(
        "Reasons", "Dataset '{dataset}' is outside the NDA's scope (covers: {covered})."
    ),
    "dataset-changed": QT_TRANSLATE_NOOP(
        "Reasons",
        "Dataset '{dataset}' is not the data the NDA names: its source file differs (re-imported or replaced).",
    ),
    "column-out-of-scope": QT_TRANSLATE_NOOP(
        "Reasons", "Columns outside the NDA's scope would be released: {columns}."
    ),
    "class-out-of-scope": QT_TRANSLATE_NOOP(
        "Reasons", "The NDA allows only {classes} data; these columns would be released: {columns}."
    ),
    "full-not-allowed": QT_TRANSLATE_NOOP(
        "Reasons", "The NDA allows de-identified (redacted) data only, not the full data."
    ),
    "tampered": QT_TRANSLATE_NOOP("Reasons", "The stored NDA text does not match its recorded hash: it was altered."),
    "bad-signature": QT_TRANSLATE_NOOP("Reasons", "The signature of {org} is not valid: {problem}."),
    "not-signed": QT_TRANSLATE_NOOP("Reasons", "Not signed by {org}."),
    "card-unknown": QT_TRANSLATE_NOOP("Reasons", "The identity card of {org} is not imported here."),
    "card-suspect": QT_TRANSLATE_NOOP(
        "Reasons", "The identity card of {org} is suspect (fingerprint mismatch with another card of the same party)."
    ),
    "card-unconfirmed": QT_TRANSLATE_NOOP("Reasons", "The identity card of {org} was never confirmed out of band."),
    "not-yet-effective": QT_TRANSLATE_NOOP("Reasons", "It takes effect only on {day}."),
    "expired": QT_TRANSLATE_NOOP("Reasons", "It expired on {day}."),
    "ended:closed": QT_TRANSLATE_NOOP("Reasons", "It ended on {day} (the deal closed)."),
    "ended:terminated": QT_TRANSLATE_NOOP("Reasons", "It ended on {day} (negotiations were terminated)."),
}


def reason_text(reason: Reason) -> str:
    """The reason's sentence in the user's language (the core's English when no template fits)."""
    variant = reason.params.get("kind") or reason.params.get("how")
    template = TEMPLATES.get(f"{reason.code}:{variant}") or TEMPLATES.get(reason.code)
    if template is None:
        return reason.message
    try:
        return QCoreApplication.translate("Reasons", template).format(**reason.params)
    except (KeyError, IndexError):  # a reason stored without the values its sentence needs
        return reason.message
