"""What a checked packet declares, in the user's language: the facts of :class:`~dataroom.core.transfer.receiving.
Inspection` (the CLI prints the core's English ``describe()`` of the same object)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dataroom.core.deal import fingerprint
from dataroom.core.transfer.receiving import Inspection
from dataroom.ui.datasets import names as dataset_names
from dataroom.ui.deal import names as deal_names
from dataroom.ui.pages.audit_model import local_time


def packet_facts(checked: Inspection) -> list[str]:
    """One line per fact, for a packet whose signature verified (empty when it did not: nothing is trusted then)."""
    m = checked.manifest
    if m is None:
        return []
    s, r = m.sender, m.recipient
    card = checked.sender
    if card is not None and card.confirmed_method is not None:
        confirmed = QCoreApplication.translate("PacketFacts", "card confirmed ({how}, by {user} on {day})").format(
            how=deal_names.method(card.confirmed_method), user=card.confirmed_by or "?",
            day=(card.confirmed_at or "")[:10],
        )  # fmt: skip
    else:
        confirmed = QCoreApplication.translate("PacketFacts", "card not confirmed")
    release = (
        QCoreApplication.translate("PacketFacts", "FULL data")
        if m.full
        else QCoreApplication.translate("PacketFacts", "de-identified, policy v{version}").format(
            version=m.policy_version
        )
    )
    lines = [
        QCoreApplication.translate("PacketFacts", "packet id: {id}, made {when}").format(
            id=m.packet_id, when=local_time(m.created_at)
        ),
        QCoreApplication.translate("PacketFacts", "sender: {org} ({person}), signature valid; {confirmed}").format(
            org=s["organisation"], person=s["person"], confirmed=confirmed
        ),
        "    " + QCoreApplication.translate("PacketFacts", "fingerprint {digits}").format(
            digits=" / ".join(fingerprint.lines(m.sender_fingerprint))
        ),
        QCoreApplication.translate("PacketFacts", "recipient: {org} ({person})").format(
            org=r["organisation"], person=r["person"]
        ),
        QCoreApplication.translate("PacketFacts", "NDA: {id}").format(id=m.nda_id),
        QCoreApplication.translate(
            "PacketFacts", "dataset: {name}, {rows} rows × {columns} columns — {release}"
        ).format(name=m.dataset, rows=m.rows, columns=len(m.columns), release=release),
        QCoreApplication.translate("PacketFacts", "columns (class, how it was released):"),
    ]
    lines += [
        f"    {c.name}: {deal_names.data_class(c.data_class)}, {dataset_names.describe_rule(c.operator, c.params)}"
        for c in m.columns
    ]
    lines += [
        QCoreApplication.translate("PacketFacts", "policy SHA-256: {sha}").format(sha=m.policy_sha256),
        QCoreApplication.translate("PacketFacts", "manifest SHA-256: {sha}").format(sha=m.sha256),
    ]
    if checked.packet_sha256:
        lines.append(QCoreApplication.translate("PacketFacts", "packet file SHA-256: {sha}").format(
            sha=checked.packet_sha256))  # fmt: skip
    lines.append(QCoreApplication.translate("PacketFacts", "sender's audit head: #{seq} {hash}…").format(
        seq=m.anchor[0], hash=m.anchor[1][:16]))  # fmt: skip
    return lines
