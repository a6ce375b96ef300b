"""The NDA export gate: may this dataset, with this policy, go to this recipient under this NDA today?

Every export and packet flow calls :func:`check_export` before writing a byte and refuses with the decision's
:class:`NdaRefusal` (a typed error whose message lists every reason in words). The gate only reads; the calling
flow audits the export or the refusal together with ``decision.audit_details()``.

The policy is passed as a plain mapping ``column -> (class, released)`` so the gate does not depend on the
redaction engine's types: ``released`` means the column leaves the vault in any form (kept, masked,
pseudonymised, generalised); withheld columns are ``released=False`` and are not checked against the scope. The
class is that of what leaves (``Policy.summary`` counts a de-identified sensitive column as consent-required).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from dataroom.core.deal import counterparties, fingerprint, identity
from dataroom.core.deal import nda as ndas
from dataroom.core.deal.nda import Reason
from dataroom.core.errors import DataroomError, InputError, NotFound
from dataroom.core.session import Session

#: ``column name -> (data class, released)``.
PolicySummary = Mapping[str, tuple[str, bool]]


class DatasetLike(Protocol):
    """What the gate needs of a dataset (``DatasetInfo`` has it)."""

    @property
    def name(self) -> str: ...

    @property
    def source_sha256(self) -> str: ...


class NdaRefusal(DataroomError):
    """An export the NDA does not allow; ``reasons`` holds each reason's code and sentence."""

    code = "nda-refused"

    def __init__(self, nda_id: str, reasons: Sequence[Reason]) -> None:
        self.nda_id = nda_id
        self.reasons = tuple(reasons)
        super().__init__(f"Export refused under {nda_id}: " + " ".join(r.message for r in self.reasons))

    @property
    def codes(self) -> list[str]:
        return [r.code for r in self.reasons]


@dataclass(frozen=True)
class GateDecision:
    """The gate's answer: ``ok``, or ``refusal`` with the reasons."""

    ok: bool
    nda_id: str
    content_sha256: str | None
    recipient: str
    dataset: str
    full: bool
    refusal: NdaRefusal | None = None

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return self.refusal.reasons if self.refusal else ()

    @property
    def codes(self) -> list[str]:
        """The reasons' codes (empty when allowed)."""
        return [r.code for r in self.reasons]

    def raise_if_refused(self) -> GateDecision:
        """Raise the :class:`NdaRefusal` when refused; returns ``self`` so calls chain."""
        if self.refusal is not None:
            raise self.refusal
        return self

    def audit_details(self) -> dict[str, Any]:
        """What an export flow records about the decision (no personal data)."""
        return {
            "nda": self.nda_id,
            "nda_sha256": self.content_sha256,
            "recipient": self.recipient,
            "dataset": self.dataset,
            "full": self.full,
            "allowed": self.ok,
            "reasons": [r.code for r in self.reasons],
        }


def _conn(conn_or_session: Any) -> Any:
    return conn_or_session.vault.connection() if isinstance(conn_or_session, Session) else conn_or_session


def check_export(
    conn_or_session: Any,
    nda_id: str,
    dataset_info: DatasetLike,
    policy_summary: PolicySummary,
    recipient_fingerprint: str,
    full: bool,
    *,
    today: dt.date | None = None,
) -> GateDecision:
    """Decide whether exporting ``dataset_info`` under ``policy_summary`` to the recipient is within the NDA."""
    conn = _conn(conn_or_session)
    day = today or dt.date.today()
    try:
        recipient = fingerprint.normalise(recipient_fingerprint)
    except InputError:
        recipient = recipient_fingerprint
    try:
        agreement = ndas.get(conn, nda_id)
    except NotFound:
        reasons = [Reason("unknown-nda", f"There is no NDA {nda_id!r} in this vault.", {"nda": nda_id})]
        return _decide(nda_id, None, recipient, dataset_info.name, full, reasons)
    reasons = list(ndas.status(conn, agreement.id, day).reasons)
    reasons += _recipient_reasons(conn, agreement, recipient)
    reasons += _scope_reasons(agreement, dataset_info, policy_summary, full)
    return _decide(agreement.id, agreement.content_sha256, recipient, dataset_info.name, full, reasons)


def _decide(
    nda_id: str, sha: str | None, recipient: str, dataset: str, full: bool, reasons: list[Reason]
) -> GateDecision:
    refusal = NdaRefusal(nda_id, reasons) if reasons else None
    return GateDecision(not reasons, nda_id, sha, recipient, dataset, full, refusal)


def _recipient_reasons(conn: Any, agreement: ndas.Nda, recipient: str) -> list[Reason]:
    card = counterparties.find(conn, recipient)
    if card is None:
        own = identity.by_fingerprint(conn, recipient)
        what = "this vault's own identity" if own else "an identity card that is not imported here"
        return [Reason("recipient-unknown", f"The recipient {recipient[:11]}… is {what}.",
                       {"recipient": recipient[:11], "kind": "own" if own else "not-imported"})]  # fmt: skip
    name = card.card.party.organisation
    permitted = {r["fingerprint"]: r for r in agreement.content["recipients"]}
    lineage = counterparties.lineage(conn, recipient)
    out: list[Reason] = []
    if not any(fp in permitted for fp in lineage):
        allowed = ", ".join(r["organisation"] for r in permitted.values()) or "nobody"
        out.append(Reason("recipient-not-permitted", f"{name} ({recipient[:11]}…) is not a permitted recipient "
                          f"under this NDA (permitted: {allowed}).",
                          {"name": name, "recipient": recipient[:11], "allowed": allowed}))  # fmt: skip
    if card.status == "superseded":
        out.append(Reason("recipient-superseded", f"The card of {name} was replaced by a newer one; send to the "
                          "current card.", {"name": name}))  # fmt: skip
    elif card.status == "suspect":
        out.append(Reason("recipient-suspect", f"The card of {name} is suspect (fingerprint mismatch with another "
                          "card of the same party).", {"name": name}))  # fmt: skip
    elif not card.confirmed:
        out.append(Reason("recipient-unconfirmed", f"The card of {name} was never confirmed out of band; compare "
                          "its fingerprint with them first.", {"name": name}))  # fmt: skip
    return out


def _scope_reasons(agreement: ndas.Nda, info: DatasetLike, policy: PolicySummary, full: bool) -> list[Reason]:
    scope = agreement.content["scope"]
    entry = next((d for d in scope["datasets"] if d["name"] == info.name), None)
    if entry is None:
        covered = ", ".join(d["name"] for d in scope["datasets"])
        return [Reason("dataset-out-of-scope", f"Dataset {info.name!r} is outside the NDA's scope (covers: "
                       f"{covered}).", {"dataset": info.name, "covered": covered})]  # fmt: skip
    out: list[Reason] = []
    if entry["sha256"] != info.source_sha256:
        out.append(Reason("dataset-changed", f"Dataset {info.name!r} is not the data the NDA names: its source "
                          "file differs (re-imported or replaced).", {"dataset": info.name}))  # fmt: skip
    released = {col: cls for col, (cls, is_released) in policy.items() if is_released}
    allowed_cols = entry["columns"]
    if allowed_cols is not None:
        outside = [c for c in released if c not in allowed_cols]
        if outside:
            out.append(Reason("column-out-of-scope", "Columns outside the NDA's scope would be released: "
                              + ", ".join(outside) + ".", {"columns": ", ".join(outside)}))  # fmt: skip
    classes = set(scope["classes"])
    # An unknown or missing class counts as sensitive: when in doubt, the stricter class (GB/T 43697-2024).
    wrong = {c: (k if k in ndas.CLASSES else "sensitive") for c, k in released.items()}
    wrong = {c: k for c, k in wrong.items() if k not in classes}
    if wrong:
        listed = ", ".join(f"{c} ({k})" for c, k in wrong.items())
        allowed_classes = ", ".join(sorted(classes))
        out.append(Reason("class-out-of-scope", f"The NDA allows only {allowed_classes} data; these columns would be "
                          f"released: {listed}.", {"classes": allowed_classes, "columns": listed}))  # fmt: skip
    if full and not scope["full_data"]:
        out.append(Reason("full-not-allowed", "The NDA allows de-identified (redacted) data only, not the full data."))
    return out
