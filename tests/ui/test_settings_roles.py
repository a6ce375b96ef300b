"""Changing a user's role from Settings: the picker follows the selected user, the change runs on the worker and is
shown in the table; demoting the last owner is refused in words; non-owners do not see the section."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from dataroom.core.flows import vault as vault_flows
from dataroom.core.session import Session
from dataroom.core.users.roles import Role
from dataroom.ui import messages, worker
from dataroom.ui.pages.settings_page import SettingsPage
from dataroom.ui.settings import Settings
from tests.ui.conftest import REVIEWER_PASSPHRASE


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(messages, "show_info", lambda _parent, text, *a, **k: texts.append(text))
    monkeypatch.setattr(messages, "show_error", lambda _parent, err, *a, **k: texts.append(messages.error_text(err)))
    monkeypatch.setattr(messages, "confirm", lambda _parent, _title, text, *a, **k: texts.append(text) or True)
    return texts


def _page(qtbot, session: Session) -> SettingsPage:  # type: ignore[no-untyped-def]
    page = SettingsPage(Settings(), save=lambda _s: None)
    qtbot.addWidget(page)
    page.set_session(session)
    return page


def _wait(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not worker.busy(), timeout=10_000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_owner_promotes_a_reviewer(qtbot, open_session: Session, shown: list[str]) -> None:
    page = _page(qtbot, open_session)
    assert not page.change_role.isEnabled()  # nothing selected
    assert "next unlock" in page.role_note.text()
    page.users_table.selectRow(1)
    assert page.role_picker.currentData() == Role.REVIEWER and not page.change_role.isEnabled()
    page.role_picker.setCurrentIndex(page.role_picker.findData(Role.PREPARER))
    assert page.change_role.isEnabled()
    page.change_role.click()
    _wait(qtbot)
    assert "Make rita Preparer" in shown[0] and "yours included" in shown[0]
    assert shown[-1] == "rita is now Preparer. The new role applies from their next unlock."
    assert page.users_table.item(1, 1).text() == "Preparer"
    assert open_session.role is Role.OWNER


def test_demoting_the_last_owner_is_refused(qtbot, open_session: Session, shown: list[str]) -> None:
    page = _page(qtbot, open_session)
    page.users_table.selectRow(0)
    page.role_picker.setCurrentIndex(page.role_picker.findData(Role.REVIEWER))
    page.change_role.click()
    _wait(qtbot)
    assert shown[-1] == "alice is the last owner; make another user an owner first."
    assert page.users_table.item(0, 1).text() == "Owner"


def test_a_reviewer_has_no_role_picker(qtbot, closed_vault: Path) -> None:
    reviewer = vault_flows.unlock(closed_vault, user="rita", passphrase=REVIEWER_PASSPHRASE)
    try:
        page = _page(qtbot, reviewer)
        assert page.users_group.isHidden()
    finally:
        vault_flows.lock(reviewer)
