"""Incident register tab: log an incident through the dialog (people counted from the data on the worker), see it
in the register, write the notification drafts into a folder with a preview; incomplete facts are refused in words
before anything is recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from dataroom.core.audit import log as audit_log
from dataroom.core.flows import incidents as incident_flows
from dataroom.core.flows import parties
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.users.roles import Role
from dataroom.ui import messages, worker
from dataroom.ui.deal import nda_preview
from dataroom.ui.deal.incident_dialog import IncidentDialog
from dataroom.ui.pages.documents_page import DocumentsPage
from tests.conftest import fast_kdf_params
from tests.core.test_deal_helpers import add_dataset


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(messages, "show_info", lambda _parent, text, *a, **k: texts.append(text))
    monkeypatch.setattr(messages, "show_error", lambda _parent, err, *a, **k: texts.append(messages.error_text(err)))
    return texts


@pytest.fixture
def data(session):  # type: ignore[no-untyped-def]
    parties.create_identity(session, "上海示例科技有限公司", "王芳", "wang.fang@example.cn", "seller")
    add_dataset(session)
    return session


def _page(qtbot, session) -> DocumentsPage:  # type: ignore[no-untyped-def]
    page = DocumentsPage()
    qtbot.addWidget(page)
    page.set_session(session)
    return page


def _wait(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not worker.busy(), timeout=20_000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _fill(dialog: IncidentDialog, rows: str = "1-3") -> None:
    dialog.title.setText("Export file sent to the wrong address")
    dialog.kind.setCurrentIndex(dialog.kind.findData("leak"))
    dialog.check_dataset("customers", ["姓名", "手机号"], rows)
    dialog.cause.setPlainText("An unredacted export was e-mailed outside the company.")
    dialog.containment.setPlainText("The recipient deleted it and confirmed in writing.")
    dialog.harm.setPlainText("Nuisance calls.")
    dialog.remedies.setPlainText("Ignore calls that ask for codes.")
    dialog.contact.setText("privacy@seller.example")


def test_log_an_incident_then_write_the_drafts(qtbot, data, tmp_path: Path, shown: list[str]) -> None:
    page = _page(qtbot, data)
    panel = page.incidents
    assert page.tabs.tabText(2) == "Incidents" and page.tabs.widget(2) is panel
    assert not panel.empty.isHidden() and not panel.drafts_button.isEnabled()
    dialog = panel.open_dialog()
    assert dialog is not None and not dialog.ok.isEnabled() and dialog.problem.text() == "Record a short title."
    _fill(dialog)
    assert dialog.problem.text() == "" and dialog.ok.isEnabled()
    dialog.ok.click()
    _wait(qtbot)
    assert panel.table.rowCount() == 1 and panel.empty.isHidden()
    assert [panel.table.item(0, c).text() for c in (2, 3, 4, 5)] == [
        "Leak", "Export file sent to the wrong address", "3", "3",
    ]  # fmt: skip
    assert "about 3 people affected" in shown[-1]
    incident = incident_flows.list_incidents(data)[0]
    assert incident.content["measured"]["datasets"][0]["columns"] == ["姓名", "手机号"]
    assert panel.selected_id() == incident.id and panel.drafts_button.isEnabled()

    panel.language.setCurrentIndex(panel.language.findData("en"))
    panel.write_drafts(incident.id, tmp_path / "letters", use_pdftoppm=False)
    _wait(qtbot)
    assert sorted(p.name for p in (tmp_path / "letters").iterdir()) == [
        f"incident-{incident.id}-{name}" for name in ("authority.pdf", "authority.txt", "persons.pdf", "persons.txt")
    ]
    assert panel.result.text().startswith("Wrote 4 files")
    assert panel.preview.currentWidget() is panel.preview.text
    assert "People affected (upper estimate): 3" in panel.preview.text.toPlainText()
    assert "涉及人数" not in panel.preview.text.toPlainText()  # English only, as chosen
    assert audit_log.records(data.vault.connection(), action="incident.render")
    if nda_preview.pdftoppm() is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    panel.write_drafts(incident.id, tmp_path / "letters")
    _wait(qtbot)
    assert panel.preview.currentWidget() is panel.preview.pages_scroll
    assert len(panel.preview.page_labels) == 1 and not panel.preview.page_labels[0].pixmap().isNull()


def test_incomplete_facts_are_refused_in_words(qtbot, data, shown: list[str]) -> None:
    page = _page(qtbot, data)
    panel = page.incidents
    dialog = panel.open_dialog()
    assert dialog is not None
    _fill(dialog, rows="1-99")
    assert not dialog.ok.isEnabled() and dialog.problem.text() == "Row range 1-99 is outside 1–5."
    dialog.rows["customers"].setText("2, 4")
    assert dialog.ok.isEnabled()
    dialog.check_dataset("customers", [])
    assert not dialog.ok.isEnabled() and dialog.problem.text() == "Name at least one affected dataset."
    dialog.check_dataset("customers")
    dialog.containment.setPlainText("  ")
    assert dialog.problem.text() == "Record the measures taken."
    dialog.reject()
    assert panel.table.rowCount() == 0 and incident_flows.list_incidents(data) == [] and shown == []


def test_a_reviewer_may_log_incidents_too(qtbot, data, vault_dir: Path) -> None:
    user_flows.add_user(data, "rita", Role.REVIEWER, "rita passphrase 42", kdf_params=fast_kdf_params())
    data.close()
    reviewer = vault_flows.unlock(vault_dir, user="rita", passphrase="rita passphrase 42")
    try:
        page = _page(qtbot, reviewer)
        assert not page.incidents.log_button.isHidden() and not page.incidents.drafts_button.isHidden()
        assert page.sign.isHidden()  # the NDA tab still hides what the role may not do
        page.set_session(None)
        assert page.incidents.log_button.isHidden() and page.incidents.table.rowCount() == 0
    finally:
        vault_flows.lock(reviewer)
