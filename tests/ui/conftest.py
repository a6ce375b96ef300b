"""GUI test fixtures: vaults in tmp paths (fast KDF from the root conftest), English by default, no stray jobs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dataroom.core.flows import transfer
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.flows.transfer import PacketExport
from dataroom.core.session import Session
from dataroom.core.users.roles import Role
from tests.conftest import PASSPHRASE, fast_kdf_params

REVIEWER_PASSPHRASE = "reviewer passphrase 42"


@pytest.fixture(autouse=True)
def _gui(qapp, qtbot) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """English at the start of every test; after it, let every worker job finish and deliver its result."""
    from dataroom.ui import i18n, worker

    i18n.apply_language(i18n.ENGLISH)
    yield
    worker.wait_idle()
    qapp.processEvents()
    i18n.apply_language(i18n.ENGLISH)


def make_vault(directory: Path, *, owner: str = "alice", use_keyring: bool = False) -> Path:
    """A closed vault with owner ``alice`` (passphrase :data:`PASSPHRASE`) and reviewer ``rita``."""
    session = vault_flows.create(
        directory, owner=owner, passphrase=PASSPHRASE, kdf_params=fast_kdf_params(), use_keyring=use_keyring
    )
    user_flows.add_user(session, "rita", Role.REVIEWER, REVIEWER_PASSPHRASE)
    vault_flows.lock(session)
    return directory


@pytest.fixture
def closed_vault(tmp_path: Path) -> Path:
    return make_vault(tmp_path / "vault")


@pytest.fixture
def open_session(closed_vault: Path) -> Iterator[Session]:
    """The owner's session on :func:`closed_vault`; locked after the test."""
    session = vault_flows.unlock(closed_vault, passphrase=PASSPHRASE)
    yield session
    if session.vault.is_open:
        session.close()


@pytest.fixture
def sent(tmp_path: Path) -> Iterator[tuple[Session, Session, PacketExport]]:
    """Seller and buyer under a signed NDA (tests/core/test_transfer_helpers.deal), and a redacted packet of the
    customers dataset for the buyer, not yet imported."""
    from dataroom.ui import worker
    from tests.core.test_transfer_helpers import deal, fp

    seller, buyer, nda_id = deal(tmp_path)
    packet = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "customers.drpkt")
    yield seller, buyer, packet
    worker.wait_idle()
    for s in (seller, buyer):
        if s.vault.is_open:
            s.close()
