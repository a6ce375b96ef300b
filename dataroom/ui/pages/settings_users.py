"""The users-and-roles part of the Settings page (owners): the table of users, adding and removing a user and
changing a role, each through ``flows.users`` on the worker.

A mixin of :class:`~dataroom.ui.pages.settings_page.SettingsPage`, which builds the widgets; its texts keep the
``SettingsPage`` translation context, so the catalogue's translations apply unchanged."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from dataroom.core.flows import users as user_flows
from dataroom.core.session import Session
from dataroom.core.users.roles import Role
from dataroom.core.users.store import User
from dataroom.ui import labels, messages
from dataroom.ui.busy import run_busy
from dataroom.ui.dialogs.add_user_dialog import AddUserDialog
from dataroom.ui.pages.audit_model import local_time


class UserActions:
    """The Settings page's user and role actions (mixed into :class:`SettingsPage`, which owns the widgets)."""

    _session: Session | None
    _users: list[User]
    users_table: QTableWidget
    remove_user: QPushButton
    role_picker: QComboBox
    change_role: QPushButton
    _done: Callable[[str], None]  # the page's: show the message, reload users, announce the audited change

    def _fill_users(self) -> None:
        self.users_table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            cells = [
                user.name,
                labels.role_name(user.role),
                QCoreApplication.translate("SettingsPage", "on")
                if user.totp_enabled
                else QCoreApplication.translate("SettingsPage", "off"),
                local_time(user.created_at)[:10],
            ]
            for column, text in enumerate(cells):
                self.users_table.setItem(row, column, QTableWidgetItem(text))
        # As tall as its rows (the page scrolls, not the table), with room for one more.
        rows = max(len(self._users), 2) + 1
        height = (
            self.users_table.horizontalHeader().sizeHint().height()
            + rows * self.users_table.verticalHeader().defaultSectionSize()
        )
        self.users_table.setFixedHeight(height + 2 * self.users_table.frameWidth())
        self._selection_changed()

    def _selected(self) -> User | None:
        rows = self.users_table.selectionModel().selectedRows()
        return self._users[rows[0].row()] if rows and rows[0].row() < len(self._users) else None

    def _selected_user(self) -> str | None:
        selected = self._selected()
        return selected.name if selected is not None else None

    def _selection_changed(self) -> None:
        selected = self._selected_user()
        # Removing yourself would leave this window acting for a user who no longer exists.
        self.remove_user.setEnabled(
            selected is not None and self._session is not None and selected != self._session.user
        )
        user = self._selected()
        if user is not None:
            self.role_picker.setCurrentIndex(self.role_picker.findData(user.role))
        self._update_change_role()

    def _update_change_role(self) -> None:
        user = self._selected()
        self.role_picker.setEnabled(user is not None)
        self.change_role.setEnabled(user is not None and self.role_picker.currentData() != user.role)

    # --- users -------------------------------------------------------------------------------------------------
    def _add_user(self) -> None:
        session = self._session
        if session is None:
            return
        dialog = AddUserDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, role, passphrase = dialog.values()
        self.add_user_now(name, role, passphrase)

    def add_user_now(self, name: str, role: object, passphrase: str) -> None:
        """Run ``add_user`` on the worker (the dialog is separate so tests can call this directly)."""
        session = self._session
        if session is None:
            return
        run_busy(
            self,
            QCoreApplication.translate("SettingsPage", "Adding {user}…").format(user=name),
            lambda _p, _c: user_flows.add_user(session, name, role, passphrase),  # type: ignore[arg-type]
            lambda _r: self._done(
                QCoreApplication.translate(
                    "SettingsPage",
                    "{user} was added. Give them the initial passphrase in person and ask them to change it.",
                ).format(user=name)
            ),
        )

    def _remove_user(self) -> None:
        session, name = self._session, self._selected_user()
        if session is None or name is None:
            return
        if not messages.confirm(
            self,
            QCoreApplication.translate("SettingsPage", "Remove user"),
            QCoreApplication.translate(
                "SettingsPage",
                "Remove {user} from this vault? Their key slots are deleted; they can no longer unlock it.",
            ).format(user=name),
            QCoreApplication.translate("SettingsPage", "Remove"),
            destructive=True,
        ):
            return
        run_busy(
            self,
            QCoreApplication.translate("SettingsPage", "Removing {user}…").format(user=name),
            lambda _p, _c: user_flows.remove_user(session, name),
            lambda _r: self._done(QCoreApplication.translate("SettingsPage", "{user} was removed.").format(user=name)),
        )

    def _change_role(self) -> None:
        user, role = self._selected(), self.role_picker.currentData()
        if self._session is None or user is None or role is None or role == user.role:
            return
        if not messages.confirm(
            self,
            QCoreApplication.translate("SettingsPage", "Change role"),
            QCoreApplication.translate(
                "SettingsPage",
                "Make {user} {role} ({hint})? The new role applies from their next unlock; a window already open, "
                "yours included, keeps its role until it is locked.",
            ).format(user=user.name, role=labels.role_name(Role(role)), hint=labels.role_hint(Role(role))),
            QCoreApplication.translate("SettingsPage", "Change role"),
        ):
            return
        self.set_role_now(user.name, Role(role))

    def set_role_now(self, name: str, role: Role) -> None:
        """Run ``set_role`` on the worker; core refuses non-owners and demoting the last owner, in words."""
        session = self._session
        if session is None:
            return
        run_busy(
            self,
            QCoreApplication.translate("SettingsPage", "Changing the role of {user}…").format(user=name),
            lambda _p, _c: user_flows.set_role(session, name, role),
            lambda changed: self._done(
                QCoreApplication.translate(
                    "SettingsPage", "{user} is now {role}. The new role applies from their next unlock."
                ).format(user=changed.name, role=labels.role_name(changed.role))
            ),
        )
