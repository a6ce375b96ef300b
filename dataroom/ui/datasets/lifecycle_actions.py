"""Data-subject requests, retention limits and destruction on the Datasets page: opening their dialogs for the
selected dataset, forgetting them when they close, and the reminder of datasets due for destruction.

:class:`LifecycleActions` is a mixin of :class:`~dataroom.ui.pages.datasets_page.DatasetsPage`, which owns the
widgets and the selection."""

from __future__ import annotations

from collections.abc import Callable

from dataroom.core.errors import DataroomError
from dataroom.core.flows import lifecycle
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import messages
from dataroom.ui.datasets.destroy_dialog import DestroyDialog, open_destroy_dialog
from dataroom.ui.datasets.due_notice import DueNotice
from dataroom.ui.datasets.retention_dialog import RetentionDialog
from dataroom.ui.datasets.subject_dialog import SubjectRequestDialog
from dataroom.ui.widgets import Badge


class LifecycleActions:
    """The Datasets page's data-subject, retention and destruction actions (mixed into :class:`DatasetsPage`)."""

    _session: Session | None
    subject_dialog: SubjectRequestDialog | None
    lifecycle_dialog: RetentionDialog | DestroyDialog | None
    due_notice: DueNotice
    due_badge: Badge
    refresh: Callable[..., None]  # the page's: re-read the list, optionally selecting a dataset
    selected_name: Callable[[], str | None]
    _show_dataset: Callable[[str | None], None]

    # --- data-subject requests ---------------------------------------------------------------------------------
    def open_subject_request(self) -> SubjectRequestDialog | None:
        session = self._session
        if session is None or not session.can(Permission.VIEW_RAW):
            return None
        dialog = SubjectRequestDialog(session, self)
        self.subject_dialog = dialog
        dialog.erased.connect(lambda _r: self._after_erase())
        dialog.finished.connect(lambda _r: self._subject_closed(dialog))
        dialog.open()
        return dialog

    def _subject_closed(self, dialog: SubjectRequestDialog) -> None:
        if self.subject_dialog is dialog:
            self.subject_dialog = None
        dialog.deleteLater()

    def _after_erase(self) -> None:
        name = self.selected_name()
        self.refresh(select=name)
        self._show_dataset(name)

    # --- retention and destruction -----------------------------------------------------------------------------
    def _show_due(self, items: list[lifecycle.DueItem]) -> None:
        self.due_notice.show_items(items)
        self.due_badge.set_state("bad" if any(i.overdue for i in items) else "warn", self.due_notice.headline())
        self.due_badge.setVisible(bool(items))

    def open_retention(self) -> RetentionDialog | None:
        """Set or remove the selected dataset's retention limit."""
        session, name = self._session, self.selected_name()
        if session is None or name is None or not session.can(Permission.IMPORT):
            return None
        try:
            current = lifecycle.get_retention(session, name)
        except DataroomError as err:
            messages.show_error(self, err)
            return None
        dialog = RetentionDialog(session, name, current, self)
        dialog.changed.connect(lambda _rule: self.refresh(select=name))
        return self._open_lifecycle(dialog)

    def open_destroy(self) -> DestroyDialog | None:
        """Confirm and destroy the selected dataset (the dialog names exactly what goes)."""
        session, name = self._session, self.selected_name()
        if session is None or name is None or not session.can(Permission.DESTROY):
            return None
        try:
            dialog = open_destroy_dialog(session, name, self)
        except DataroomError as err:
            messages.show_error(self, err)
            return None
        dialog.destroyed.connect(lambda _name: self.refresh())
        return self._open_lifecycle(dialog)

    def _open_lifecycle(self, dialog: RetentionDialog | DestroyDialog) -> RetentionDialog | DestroyDialog:
        self.lifecycle_dialog = dialog
        dialog.finished.connect(lambda _r: self._lifecycle_closed(dialog))
        dialog.open()
        return dialog

    def _lifecycle_closed(self, dialog: RetentionDialog | DestroyDialog) -> None:
        if self.lifecycle_dialog is dialog:
            self.lifecycle_dialog = None
        dialog.deleteLater()
