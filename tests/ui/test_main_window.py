"""Main window: pages, status bar, audit page with a broken chain, roles in Settings, language switch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dataroom.core.audit import log as audit_log
from dataroom.core.flows import vault as vault_flows
from dataroom.core.session import Session
from dataroom.core.users.roles import Role
from dataroom.ui import i18n, theme, worker
from dataroom.ui.main_window import AUDIT, DATASETS, SETTINGS, MainWindow
from dataroom.ui.settings import Settings
from tests.ui.conftest import REVIEWER_PASSPHRASE


def _window(qtbot, session: Session | None, settings: Settings | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(settings or Settings())
    window.settings_page._save = lambda _s: None  # tests never write the settings file
    qtbot.addWidget(window)
    window.set_session(session)
    window.show()
    return window


def _fill(session: Session, n: int = 5) -> None:
    for i in range(n):
        with session.vault.transaction() as tx:
            audit_log.append(tx, session.user, "test.event", f"object-{i}", {"i": i, "text": "中文"})


def test_status_bar_and_navigation(qtbot, open_session: Session) -> None:
    window = _window(qtbot, open_session)
    qtbot.waitUntil(lambda: window.chain_status is not None, timeout=5_000)
    assert "Audit chain intact" in window.chain_badge.text()
    assert "alice (Owner)" in window.user_label.text() and window.lock_badge.text() == "Unlocked"
    assert window.nav.count() == 6 and window.stack.currentIndex() == DATASETS
    for index, action in enumerate(window.page_actions):
        assert action.shortcut().toString() == f"Ctrl+{index + 1}"
    window.page_actions[AUDIT].trigger()
    assert window.stack.currentWidget() is window.audit_page
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.datasets_page.import_button.text() == "Import…"  # the datasets page, not a placeholder

    window.set_session(None)  # locking: nothing of the vault stays on screen
    assert window.audit_page.model.rowCount() == 0 and window.vault_label.text() == ""
    assert window.lock_badge.text() == "Locked"


def test_audit_page_highlights_the_first_bad_record(qtbot, open_session: Session) -> None:
    _fill(open_session)
    conn = open_session.vault.connection()
    conn.execute("DROP TRIGGER audit_no_update")  # what an attacker holding the key could do
    conn.execute("UPDATE audit SET details = replace(details, '\"i\":2', '\"i\":9') WHERE seq = 7")
    window = _window(qtbot, open_session)
    window.resize(1000, 300)  # small, so the bad record has to be scrolled to
    window.show_page(AUDIT)
    page = window.audit_page
    qtbot.waitUntil(lambda: window.chain_status is not None, timeout=5_000)
    assert not window.chain_status.ok and window.chain_status.first_bad == 7
    assert "BROKEN at #7" in window.chain_badge.text()
    assert page.chain_badge.text() == "Chain broken" and "#7" in page.chain_text.text()

    row = page.model.row_of(7)
    assert row is not None
    brush = page.model.data(page.model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == QColor(theme.BAD_BG)
    assert page.model.data(page.model.index(row - 1, 0), Qt.ItemDataRole.BackgroundRole) is None
    qtbot.waitUntil(lambda: page.table.currentIndex().row() == row, timeout=2_000)
    rect = page.table.visualRect(page.model.index(row, 0))
    assert page.table.viewport().rect().intersects(rect)  # scrolled into view


def test_audit_filters_and_export(qtbot, open_session: Session, tmp_path: Path) -> None:
    _fill(open_session, 3)
    window = _window(qtbot, open_session)
    window.show_page(AUDIT)
    page = window.audit_page
    total = page.model.rowCount()
    page.action.setText("test.")
    page.apply_button.click()
    assert page.model.rowCount() == 3 and "3 records shown" in page.count.text()
    page.object.setText("object-1")
    page.refresh()
    assert page.model.rowCount() == 1 and page.model.record(0).object == "object-1"
    page.clear_filters()
    assert page.model.rowCount() == total

    target = tmp_path / "audit.jsonl"
    page.export_to(target, 1, None)
    qtbot.waitUntil(lambda: target.exists() and page.model.rowCount() == total + 1, timeout=5_000)
    assert page.model.record(page.model.rowCount() - 1).action == "audit.export"


def test_reviewer_does_not_see_owner_actions(qtbot, closed_vault: Path) -> None:
    reviewer = vault_flows.unlock(closed_vault, user="rita", passphrase=REVIEWER_PASSPHRASE)
    try:
        window = _window(qtbot, reviewer)
        window.show_page(SETTINGS)
        page = window.settings_page
        assert page.users_group.isHidden() and page.keys_group.isHidden()
        assert not page.account.isHidden()  # own passphrase and authenticator stay available
        assert "Reviewer" in page.signed_in.text()
        window.show_page(AUDIT)
        assert window.audit_page.stack.currentWidget() is window.audit_page.not_allowed
        assert "not in your role" in window.chain_badge.text()
    finally:
        vault_flows.lock(reviewer)


def test_owner_manages_users_from_settings(qtbot, open_session: Session) -> None:
    window = _window(qtbot, open_session)
    window.show_page(SETTINGS)
    page = window.settings_page
    assert not page.users_group.isHidden() and not page.keys_group.isHidden()
    assert page.users_table.rowCount() == 2
    page.add_user_now("bob", Role.PREPARER, "bob's passphrase 7")
    qtbot.waitUntil(lambda: page.users_table.rowCount() == 3, timeout=5_000)
    assert page.users_table.item(2, 0).text() == "bob" and page.users_table.item(2, 1).text() == "Preparer"
    page.users_table.selectRow(0)  # alice herself: cannot be removed from her own window
    assert not page.remove_user.isEnabled()
    page.users_table.selectRow(2)
    assert page.remove_user.isEnabled()


def test_backup_from_settings_runs_on_the_worker(qtbot, open_session: Session, tmp_path: Path) -> None:
    window = _window(qtbot, open_session)
    target = tmp_path / "backup.drbak"
    window.settings_page.backup_now(target, "backup passphrase 9")
    assert worker.busy()
    qtbot.waitUntil(lambda: target.exists() and not worker.busy(), timeout=10_000)


def test_language_switch_changes_visible_labels_to_chinese(qtbot, open_session: Session) -> None:
    settings = Settings()
    window = _window(qtbot, open_session, settings)
    page = window.settings_page
    assert window.nav.item(DATASETS).text() == "Datasets"
    page.language.setCurrentIndex(page.language.findData(i18n.CHINESE))
    assert settings.language == i18n.CHINESE and i18n.current_language() == i18n.CHINESE
    qtbot.waitUntil(lambda: window.nav.item(DATASETS).text() == "数据集", timeout=2_000)
    assert page.header.title.text() == "设置"
    assert window.lock_button.text() == "锁定"
    assert "所有者" in window.user_label.text()
    page.language.setCurrentIndex(page.language.findData(i18n.ENGLISH))
    qtbot.waitUntil(lambda: window.nav.item(DATASETS).text() == "Datasets", timeout=2_000)


def test_demo_title_is_marked(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dataroom.core.flows import demo

    base = demo.prepare_dir(tmp_path / "demo")
    session = demo.build_seller(base)
    try:
        window = _window(qtbot, session)
        assert window.windowTitle().startswith("[DEMO]") and not window.demo_badge.isHidden()
        i18n.apply_language(i18n.CHINESE)
        qtbot.waitUntil(lambda: window.windowTitle().startswith("【演示】"), timeout=2_000)
    finally:
        vault_flows.lock(session)
