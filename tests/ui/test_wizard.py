"""First-run wizard: creates a vault with identity, passphrase and (optionally) an authenticator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard

from dataroom.core.flows import parties as party_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.secrets import totp
from dataroom.core.users.roles import Role
from dataroom.core.vault.layout import VaultLayout
from dataroom.ui.party import DealRole
from dataroom.ui.wizard import DONE, IDENTITY, KEYS, START, TOTP, FirstRunWizard


def _fill_identity(wizard: FirstRunWizard) -> None:
    page = wizard.identity_page
    page.organisation.setText("上海示例科技有限公司")
    page.full_name.setText("Li Wei")
    page.full_name.textEdited.emit("Li Wei")  # as if typed: suggests the user name
    page.email.setText("li.wei.example.com")
    assert not page.isComplete() and "not an e-mail address" in page.problem.text()  # the core's check, inline
    page.email.setText("li.wei@example.com")
    page.deal_role.setCurrentIndex(page.deal_role.findData(DealRole.BUYER))


def test_wizard_creates_a_vault_with_totp(qtbot, tmp_path: Path) -> None:
    target = tmp_path / "new-vault"
    wizard = FirstRunWizard(target)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentId() == START and wizard.start_page.isComplete()
    wizard.next()
    assert wizard.currentId() == IDENTITY and not wizard.identity_page.isComplete()
    _fill_identity(wizard)
    assert wizard.identity_page.user_name.text() == "li.wei"
    assert wizard.identity_page.isComplete()
    wizard.next()
    assert wizard.currentId() == KEYS

    keys = wizard.key_page
    keys.fields.passphrase.setText("short")
    assert not keys.isComplete() and "8 characters" in keys.fields.problem.text()
    keys.fields.passphrase.setText("violet Tractor 42 umbrellas")
    keys.fields.confirmation.setText("violet Tractor 42 umbrella")
    assert not keys.isComplete() and "differ" in keys.fields.problem.text()
    keys.fields.confirmation.setText("violet Tractor 42 umbrellas")
    assert keys.isComplete() and keys.fields.meter.value() >= 3

    wizard.button(QWizard.WizardButton.CommitButton).click()  # creation runs on the worker
    qtbot.waitUntil(lambda: wizard.currentId() == TOTP, timeout=10_000)
    session = keys.session
    assert session is not None and session.user == "li.wei" and session.role is Role.OWNER
    assert VaultLayout(target).exists()
    assert session.vault.meta("name") == "上海示例科技有限公司"
    assert keys.fields.text() == ""  # the passphrase does not linger in the widget
    assert keys.identity is not None and keys.identity_error is None  # party keys made with the vault
    party = party_flows.show_identity(session).card.party
    assert (party.organisation, party.person, party.email, party.role) == (
        "上海示例科技有限公司",
        "Li Wei",
        "li.wei@example.com",
        "buyer",
    )

    page = wizard.totp_page
    assert page.isComplete()  # optional
    page.enable.setChecked(True)
    assert not page.isComplete()
    enrolment = page.enrol._enrolment
    assert enrolment is not None and not page.enrol.qr.pixmap().isNull()
    page.enrol.code.setText("000000" if totp.code_at(enrolment.secret) != "000000" else "111111")
    page.enrol.check.click()
    assert not page.enrol.done and page.enrol.result.text()
    page.enrol.code.setText(totp.code_at(enrolment.secret))
    page.enrol.check.click()
    assert page.enrol.done and page.isComplete()
    wizard.next()
    assert wizard.currentId() == DONE
    assert "li.wei" in wizard.done_page.summary.text()
    assert keys.identity.fingerprint in wizard.done_page.summary.text()
    wizard.accept()

    result = wizard.result_value
    assert result.session is session and result.identity is not None
    assert result.identity.organisation == "上海示例科技有限公司" and result.identity.deal_role is DealRole.BUYER
    vault_flows.lock(session)


def test_wizard_offers_the_keyring_only_when_there_is_one(qtbot, no_keyring) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    assert not wizard.key_page.keyring_available
    assert wizard.key_page.use_keyring.isHidden()
    assert "no secure keyring" in wizard.key_page.explain.text()


def test_wizard_opens_an_existing_vault(qtbot, closed_vault: Path) -> None:
    wizard = FirstRunWizard(closed_vault)
    qtbot.addWidget(wizard)
    wizard.show()
    start = wizard.start_page
    assert not start.isComplete() and "already a vault" in start.problem.text()
    start.open.setChecked(True)
    assert start.isComplete() and start.nextId() == -1
    wizard.accept()
    assert wizard.result_value.session is None and wizard.result_value.vault_dir == closed_vault


def test_wizard_refuses_a_non_empty_folder(qtbot, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    wizard = FirstRunWizard(tmp_path)
    qtbot.addWidget(wizard)
    assert not wizard.start_page.isComplete() and "not empty" in wizard.start_page.problem.text()
