"""Why an NDA is not in force or an export is refused, in the user's language.

The core gives each reason a stable code, an English sentence and the sentence's values (``Reason.params``); the
templates below say the same sentence by code, so the Chinese app does not show the core's English. A reason
without its values (or with a code added later) falls back to the core's sentence.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from dataroom.core.deal.nda import Reason
from dataroom.ui.deal import names

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


#: A data class named inside a value: ``consent-required, public`` or ``身份证号 (sensitive)``.
_CLASS_NAME = re.compile(r"(?<![\w-])(public|consent-required|sensitive)(?![\w-])")


def _values(reason: Reason) -> dict[str, str]:
    """The sentence's values, with the data classes of ``class-out-of-scope`` in the user's language."""
    if reason.code != "class-out-of-scope":
        return reason.params
    return {key: _CLASS_NAME.sub(lambda m: names.data_class(m.group(1)), value) for key, value in reason.params.items()}


def reason_text(reason: Reason) -> str:
    """The reason's sentence in the user's language (the core's English when no template fits)."""
    variant = reason.params.get("kind") or reason.params.get("how")
    template = TEMPLATES.get(f"{reason.code}:{variant}") or TEMPLATES.get(reason.code)
    if template is None or not _has_values(template, reason):
        return reason.message
    translated = QCoreApplication.translate("Reasons", template)
    # Untranslated (English) the values stay as the core wrote them, so the sentence is exactly the core's.
    return translated.format(**(reason.params if translated == template else _values(reason)))


def _has_values(template: str, reason: Reason) -> bool:
    """Whether ``reason`` carries every value ``template`` names (one stored before values existed may not)."""
    return all(field in reason.params for field in re.findall(r"{(\w+)}", template))
