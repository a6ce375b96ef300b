"""Deal documents page: the NDAs with their status (in force or not, and why; each party's signature), drafting a
new NDA, signing, exchanging the signed file with the other party, printing it to PDF, and an in-app preview; and
a second tab for the consent registry (:mod:`dataroom.ui.deal.consents_panel`) and a third for the incident register
(:mod:`dataroom.ui.deal.incidents_panel`).

Listing runs on the GUI thread (one query per NDA, as on the settings page); drafting, signing, importing,
exporting, rendering and the preview run on the worker behind a busy dialog. Signing and importing need the SIGN
permission and are hidden from roles without it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.deal.nda import ImportReport, Nda, NdaStatus
from dataroom.core.errors import DataroomError
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import notice as notice_flows
from dataroom.core.flows import parties as party_flows
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import messages
from dataroom.ui.busy import run_busy
from dataroom.ui.deal import names
from dataroom.ui.deal.consents_panel import ConsentsPanel
from dataroom.ui.deal.incidents_panel import IncidentsPanel
from dataroom.ui.deal.nda_editor import NdaEditorDialog
from dataroom.ui.deal.nda_model import TITLE, NdaModel, signature_text, status_text
from dataroom.ui.deal.nda_preview import Preview, PreviewPane, render_preview
from dataroom.ui.deal.notice_dialog import NoticeDialog
from dataroom.ui.deal.reasons import reason_text
from dataroom.ui.widgets import Badge, PageHeader, Retranslating, label

NDA_SUFFIX = ".drnda"


class DocumentsPage(Retranslating, QWidget):
    """NDA list on top; the selected NDA's status and preview below."""

    changed = Signal()  # something was audited

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._own_fp: str | None = None
        self.editor: NdaEditorDialog | None = None
        self.header = PageHeader()

        self.new_nda = QPushButton()
        self.new_nda.setProperty("primary", True)
        self.sign = QPushButton()
        self.export = QPushButton()
        self.import_nda = QPushButton()
        self.render_pdf = QPushButton()
        self.preview_button = QPushButton()
        self.notice = QPushButton()
        actions = QHBoxLayout()
        buttons = (
            self.new_nda,
            self.sign,
            self.export,
            self.import_nda,
            self.render_pdf,
            self.preview_button,
            self.notice,
        )
        for button in buttons:
            actions.addWidget(button)
        actions.addStretch(1)
        self.new_nda.clicked.connect(self._new_nda)
        self.sign.clicked.connect(self.sign_selected)
        self.export.clicked.connect(self._export)
        self.import_nda.clicked.connect(self._import)
        self.render_pdf.clicked.connect(self._render)
        self.preview_button.clicked.connect(self.preview_selected)
        self.notice.clicked.connect(self.open_notice)
        self.notice_dialog: NoticeDialog | None = None

        self.model = NdaModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # A long title gives way (elided, full text in the model) so that status and signatures stay in view.
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = label("muted", wrap=True)

        self.details = QTabWidget()
        status_tab = QWidget()
        self.status_badge = Badge()
        self.status_text = label("", wrap=True)
        self.status_text.setTextFormat(Qt.TextFormat.PlainText)
        self.status_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status_column = QVBoxLayout(status_tab)
        status_column.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignLeft)
        status_column.addWidget(self.status_text)
        status_column.addStretch(1)
        self.preview = PreviewPane()
        self.details.addTab(status_tab, "")
        self.details.addTab(self.preview, "")

        top = QWidget()
        top_column = QVBoxLayout(top)
        top_column.setContentsMargins(0, 0, 0, 0)
        top_column.addLayout(actions)
        top_column.addWidget(self.table, 1)
        top_column.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        self.consents = ConsentsPanel()
        self.consents.changed.connect(self.changed)
        self.incidents = IncidentsPanel()
        self.incidents.changed.connect(self.changed)
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, "")
        self.tabs.addTab(self.consents, "")
        self.tabs.addTab(self.incidents, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.set_session(None)
        self.retranslate()

    # --- texts -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.header.set_texts(
            self.tr("Deal documents"),
            self.tr(
                "Non-disclosure agreements as signed structured data. Data leaves the vault only under an NDA "
                "that every party signed and that is in force."
            ),
        )
        self.new_nda.setText(self.tr("New NDA…"))
        self.sign.setText(self.tr("Sign"))
        self.export.setText(self.tr("Export for the other party…"))
        self.import_nda.setText(self.tr("Import signed NDA…"))
        self.render_pdf.setText(self.tr("Render PDF…"))
        self.preview_button.setText(self.tr("Preview"))
        self.notice.setText(self.tr("Notice to data subjects…"))
        self.notice.setToolTip(self.tr("PIPL art. 22: tell the data subjects who receives their data"))
        self.empty.setText(self.tr("No NDA yet. Draft one with “New NDA…”, or import the one another party sent."))
        self.tabs.setTabText(0, self.tr("NDAs"))
        self.tabs.setTabText(1, self.tr("Consents"))
        self.tabs.setTabText(2, self.tr("Incidents"))
        self.details.setTabText(0, self.tr("Status"))
        self.details.setTabText(1, self.tr("Preview"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        self._show_selected()

    # --- session -----------------------------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        self._session = session
        for dialog in (self.editor, self.notice_dialog):
            if dialog is not None:
                dialog.reject()
        self.editor = self.notice_dialog = None
        self.notice.setVisible(session is not None and session.can(Permission.EXPORT))
        self.preview.clear()
        self.consents.set_session(session)
        self.incidents.set_session(session)
        can_sign = session is not None and session.can(Permission.SIGN)
        for button in (self.new_nda, self.sign, self.import_nda):
            button.setVisible(can_sign)
        if session is None:
            self._own_fp = None
            self.model.set_items([])
            self._show_selected()
            return
        self.reload()

    def reload(self, select: str | None = None) -> None:
        session = self._session
        if session is None or not session.vault.is_open:
            return
        shown = self.selected()
        current = select or (shown[0].id if shown is not None else None)
        try:
            self._own_fp = party_flows.show_identity(session).fingerprint
        except DataroomError:
            self._own_fp = None
        try:
            self.model.set_items(nda_flows.list_ndas(session))
        except DataroomError as err:
            messages.show_error(self, err)
        row = self.model.find(current) if current else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self.empty.setVisible(self.model.rowCount() == 0)
        self._show_selected()

    def selected(self) -> tuple[Nda, NdaStatus] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: object) -> None:
        self.preview.clear()
        self._show_selected()

    def _signed_by_us(self, status: NdaStatus) -> bool:
        return any(s.valid and s.signer == self._own_fp for s in status.signatures)

    def _show_selected(self) -> None:
        found = self.selected()
        for button in (self.export, self.render_pdf, self.preview_button, self.notice):
            button.setEnabled(found is not None)
        self.sign.setEnabled(found is not None and self._own_fp is not None and not self._signed_by_us(found[1]))
        if found is None:
            self.status_badge.hide()
            self.status_text.setText("")
            return
        nda, status = found
        self.status_badge.show()
        self.status_badge.set_state("ok" if status.in_force else "bad", status_text(status))
        lines = [
            f"{nda.title} ({nda.id})",
            self.tr("Term: {start} – {end}").format(
                start=status.effective_on.isoformat(), end=status.expires_on.isoformat()
            ),
            "",
            self.tr("Signatures:"),
        ]
        lines += [f"  • {signature_text(s)}" for s in status.signatures]
        if status.reasons:
            lines += ["", self.tr("Why it is not in force:")]
            lines += [f"  • {reason_text(r)}" for r in status.reasons]
        scope = nda.content.get("scope", {})
        lines += [
            "",
            self.tr("Scope: {datasets}; classes: {classes}; {data}").format(
                datasets=", ".join(d["name"] for d in scope.get("datasets", [])),
                classes=", ".join(names.data_class(c) for c in scope.get("classes", [])),
                data=self.tr("full data") if scope.get("full_data") else self.tr("de-identified data only"),
            ),
        ]
        self.status_text.setText("\n".join(lines))

    # --- drafting ----------------------------------------------------------------------------------------------
    def _new_nda(self) -> None:
        self.open_editor()

    def open_editor(self) -> NdaEditorDialog | None:
        """The editor, window-modal but not blocking; OK drafts the NDA on the worker."""
        session = self._session
        if session is None:
            return None
        try:
            cards = party_flows.list_cards(session)
            datasets = [
                (info, dataset_flows.column_classes(session, info.name))
                for info in dataset_flows.list_datasets(session)
            ]
        except DataroomError as err:
            messages.show_error(self, err)
            return None
        dialog = NdaEditorDialog(cards, datasets, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.create_nda(dialog))
        dialog.finished.connect(lambda _r: self._forget_editor(dialog))
        self.editor = dialog
        dialog.open()
        return dialog

    def _forget_editor(self, dialog: NdaEditorDialog) -> None:
        if self.editor is dialog:
            self.editor = None

    def create_nda(self, dialog: NdaEditorDialog) -> None:
        session = self._session
        if session is None:
            return
        terms = dialog.terms()
        run_busy(
            self,
            self.tr("Drafting the NDA…"),
            lambda _p, _c: nda_flows.new_nda(session, terms),
            lambda made: self._done(
                self.tr("Drafted {id}. Read it (Preview), sign it, then export it for the other party.").format(
                    id=made.id
                ),
                select=made.id,
            ),
        )

    # --- signing and exchange ----------------------------------------------------------------------------------
    def sign_selected(self) -> None:
        session, found = self._session, self.selected()
        if session is None or found is None:
            return
        nda = found[0]
        if not messages.confirm(
            self,
            self.tr("Sign NDA"),
            self.tr(
                "Sign “{title}” ({id}) with your party's key? The signature covers every clause exactly as "
                "shown in the preview."
            ).format(title=nda.title, id=nda.id),
            self.tr("Sign"),
        ):
            return
        run_busy(
            self,
            self.tr("Signing the NDA…"),
            lambda _p, _c: nda_flows.sign_nda(session, nda.id),
            lambda status: self._done(
                self.tr("Signed {id}: {state}.").format(id=nda.id, state=status_text(status)), select=nda.id
            ),
        )

    def ask_export_path(self, nda: Nda) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export NDA"), str(Path.home() / f"{nda.id}{NDA_SUFFIX}"), self.tr("NDA files (*.drnda)")
        )
        return Path(chosen) if chosen else None

    def _export(self) -> None:
        found = self.selected()
        if found is None:
            return
        path = self.ask_export_path(found[0])
        if path is not None:
            self.export_to(found[0].id, path)

    def export_to(self, nda_id: str, path: Path) -> None:
        session = self._session
        if session is None:
            return
        run_busy(
            self,
            self.tr("Writing the NDA file…"),
            lambda _p, _c: nda_flows.export_nda(session, nda_id, path),
            lambda written: self._done(
                self.tr("Wrote {path} with the signatures collected so far. Send it to the other party.").format(
                    path=written
                ),
                select=nda_id,
            ),
        )

    def ask_import_path(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import NDA"), str(Path.home()), self.tr("NDA files (*.drnda)")
        )
        return Path(chosen) if chosen else None

    def _import(self) -> None:
        path = self.ask_import_path()
        if path is not None:
            self.import_from(path)

    def import_from(self, path: Path) -> None:
        """Import on the worker; a changed clause or a bad signature is refused by core and shown in its words."""
        session = self._session
        if session is None or not session.can(Permission.SIGN):
            return
        run_busy(
            self,
            self.tr("Checking the NDA and its signatures…"),
            lambda _p, _c: nda_flows.import_nda(session, path),
            self._imported,
        )

    def _imported(self, report: ImportReport) -> None:
        nda = report.nda
        lines = [
            (
                self.tr("Imported the new NDA {id} “{title}”.")
                if report.created
                else self.tr("Updated {id} “{title}”.")
            ).format(id=nda.id, title=nda.title),
            self.tr("{count} new signature(s), all verified.").format(count=len(report.added)),
        ]
        lines += report.notes
        self._done("\n".join(lines), select=nda.id)

    # --- printing and preview ----------------------------------------------------------------------------------
    def ask_pdf_path(self, nda: Nda) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Render NDA"), str(Path.home() / f"{nda.id}.pdf"), self.tr("PDF documents (*.pdf)")
        )
        return Path(chosen) if chosen else None

    def _render(self) -> None:
        found = self.selected()
        if found is None:
            return
        path = self.ask_pdf_path(found[0])
        if path is not None:
            self.render_to(found[0].id, path)

    def render_to(self, nda_id: str, path: Path) -> None:
        session = self._session
        if session is None:
            return
        run_busy(
            self,
            self.tr("Rendering the PDF…"),
            lambda _p, _c: nda_flows.render_nda(session, nda_id, path),
            lambda written: self._done(self.tr("Wrote {path}.").format(path=written), select=nda_id),
        )

    def preview_selected(self, *, use_pdftoppm: bool = True) -> None:
        session, found = self._session, self.selected()
        if session is None or found is None:
            return
        nda_id = found[0].id
        run_busy(
            self,
            self.tr("Preparing the preview…"),
            lambda _p, _c: render_preview(session, nda_id, use_pdftoppm=use_pdftoppm),
            self._show_preview,
        )

    def _show_preview(self, preview: Preview) -> None:
        self.preview.show_preview(preview)
        self.details.setCurrentWidget(self.preview)
        self.changed.emit()

    # --- notice to data subjects (PIPL art. 22) ------------------------------------------------------------------
    def open_notice(self) -> NoticeDialog | None:
        session, found = self._session, self.selected()
        if session is None or found is None:
            return None
        try:
            here = [d.name for d in dataset_flows.list_datasets(session)]
        except DataroomError as err:
            messages.show_error(self, err)
            return None
        dialog = NoticeDialog(found[0], self._own_fp, here, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.write_notice(found[0].id, *dialog.values()))
        dialog.finished.connect(lambda _r: setattr(self, "notice_dialog", None))
        self.notice_dialog = dialog
        dialog.open()
        return dialog

    def write_notice(self, nda_id: str, dataset: str, recipient: str, contact: str | None, base: Path) -> None:
        """Write ``base``.pdf, ``base``.txt (e-mail with a merge field) and ``base``-sms.txt on the worker."""
        session = self._session
        if session is None:
            return
        run_busy(
            self,
            self.tr("Writing the notice…"),
            lambda _p, _c: notice_flows.prepare_notice(
                session,
                dataset,
                recipient,
                nda_id=nda_id,
                recipient_contact=contact,
                pdf_path=base.with_name(base.name + ".pdf"),
                text_path=base.with_name(base.name + ".txt"),
                sms_path=base.with_name(base.name + "-sms.txt"),
            ),
            lambda made: self._done(
                self.tr("Notice #{id} written: {files}.").format(
                    id=made.notice_id, files=", ".join(str(p) for p in made.files)
                ),
                select=nda_id,
            ),
        )

    def _done(self, text: str, *, select: str | None = None) -> None:
        messages.show_info(self, text)
        self.reload(select)
        self.changed.emit()
