"""The main window: navigation sidebar, stacked pages, menu bar with shortcuts, and a status bar saying which
vault is open, as whom, whether it is locked and whether its audit chain verifies."""

from __future__ import annotations

import base64

from PySide6.QtCore import QByteArray, QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import dataroom
from dataroom.core.audit.log import ChainStatus
from dataroom.core.flows import audit as audit_flows
from dataroom.core.flows.demo import is_demo_vault
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import labels, messages, verify_file, worker
from dataroom.ui.pages.audit_page import AuditPage
from dataroom.ui.pages.datasets_page import DatasetsPage
from dataroom.ui.pages.documents_page import DocumentsPage
from dataroom.ui.pages.parties_page import PartiesPage
from dataroom.ui.pages.settings_page import SettingsPage
from dataroom.ui.pages.transfers_page import TransfersPage
from dataroom.ui.resources import icon
from dataroom.ui.settings import Settings
from dataroom.ui.widgets import Badge, Retranslating, label

DATASETS, DOCUMENTS, PARTIES, TRANSFERS, AUDIT, SETTINGS = range(6)
_ICONS = ("datasets", "documents", "parties", "transfers", "audit", "settings")


def _b64(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _unb64(text: str) -> QByteArray | None:
    try:
        return QByteArray(base64.b64decode(text.encode("ascii"), validate=True)) if text else None
    except ValueError:
        return None


class MainWindow(Retranslating, QMainWindow):
    """The shell. It never holds data itself: on :meth:`set_session(None) <set_session>` every page drops its own."""

    lock_requested = Signal()
    new_vault_requested = Signal()
    open_vault_requested = Signal()
    quit_requested = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.session: Session | None = None
        self.vault_name = ""
        self.chain_status: ChainStatus | None = None
        self._verify_pending = False
        self._allow_close = False
        self.setWindowIcon(icon("vault"))
        self.resize(1180, 760)
        self.setMinimumSize(QSize(900, 600))
        self.setAcceptDrops(True)  # any Dataroom file dropped on the window is verified

        # sidebar
        self.sidebar = QFrame()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(220)
        self.brand = label("")
        self.brand.setObjectName("brand")
        self.brand_sub = label("", wrap=True)
        self.brand_sub.setObjectName("brandSub")
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(18, 18))
        for name in _ICONS:
            QListWidgetItem(icon(f"{name}-light"), "", self.nav)
        self.lock_button = QPushButton(icon("lock-light"), "")
        self.lock_button.setObjectName("lockButton")
        self.lock_button.clicked.connect(self.lock_requested)
        side = QVBoxLayout(self.sidebar)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        side.addWidget(self.brand)
        side.addWidget(self.brand_sub)
        side.addWidget(self.nav, 1)
        side.addWidget(self.lock_button)

        # pages
        self.datasets_page = DatasetsPage()
        self.documents_page = DocumentsPage()
        self.parties_page = PartiesPage()
        self.transfers_page = TransfersPage()
        self.audit_page = AuditPage()
        self.settings_page = SettingsPage(settings)
        self.pages: list[QWidget] = [
            self.datasets_page,
            self.documents_page,
            self.parties_page,
            self.transfers_page,
            self.audit_page,
            self.settings_page,
        ]
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.audit_page.verify_requested.connect(self.refresh_chain_status)
        for page in (self.audit_page, self.settings_page, self.documents_page, self.parties_page, self.transfers_page):
            page.changed.connect(self.refresh_chain_status)  # it audited something: the chain has grown

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # status bar
        self.vault_label = label("")
        self.user_label = label("")
        self.lock_badge = Badge()
        self.chain_badge = Badge()
        self.demo_badge = Badge()
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        bar.addWidget(self.vault_label)
        bar.addWidget(self.user_label)
        bar.addPermanentWidget(self.demo_badge)
        bar.addPermanentWidget(self.lock_badge)
        bar.addPermanentWidget(self.chain_badge)

        self._build_menus()
        self.nav.setCurrentRow(DATASETS)
        self.restore_window_state()
        self.retranslate()

    # --- menus -------------------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.new_action = QAction(self, shortcut=QKeySequence.StandardKey.New)
        self.open_action = QAction(self, shortcut=QKeySequence.StandardKey.Open)
        self.lock_action = QAction(icon("lock"), "", self, shortcut=QKeySequence("Ctrl+L"))
        self.quit_action = QAction(self, shortcut=QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.verify_action = QAction(icon("audit"), "", self)
        self.verify_action.triggered.connect(lambda: verify_file.choose_and_verify(self, self.session))
        self.new_action.triggered.connect(self.new_vault_requested)
        self.open_action.triggered.connect(self.open_vault_requested)
        self.lock_action.triggered.connect(self.lock_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self.file_menu.addActions([self.new_action, self.open_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.verify_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.view_menu = self.menuBar().addMenu("")
        self.page_actions: list[QAction] = []
        for index in range(len(self.pages)):
            action = QAction(self, shortcut=QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.show_page(i))
            self.view_menu.addAction(action)
            self.page_actions.append(action)

        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def page_names(self) -> list[str]:
        return [
            self.tr("Datasets"),
            self.tr("Deal documents"),
            self.tr("Parties"),
            self.tr("Transfers"),
            self.tr("Audit"),
            self.tr("Settings"),
        ]

    def retranslate(self) -> None:
        names = self.page_names()
        for index, name in enumerate(names):
            self.nav.item(index).setText(name)
            self.page_actions[index].setText(name)
        self.brand.setText(labels.app_name())
        self.brand_sub.setText(self.tr("Offline data room"))
        self.lock_button.setText(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Lock the vault (Ctrl+L)"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.new_action.setText(self.tr("&New vault…"))
        self.open_action.setText(self.tr("&Open vault…"))
        self.lock_action.setText(self.tr("&Lock"))
        self.verify_action.setText(self.tr("&Verify a file…"))
        self.verify_action.setToolTip(self.tr("Check a packet, receipt, certificate, card or audit export"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Dataroom"))
        self._update_title()
        self.update_status()

    # --- session -----------------------------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        """Show ``session``'s vault, or (``None``) drop everything shown: the vault is being locked."""
        self.session = session
        self.vault_name = (session.vault.meta("name") or session.vault.path.name) if session is not None else ""
        self.chain_status = None
        for page in self.pages:
            page.set_session(session)  # type: ignore[attr-defined]
        self.audit_page.set_chain_status(None)
        self.lock_action.setEnabled(session is not None)
        self.lock_button.setEnabled(session is not None)
        self._update_title()
        self.update_status()
        if session is not None:
            self.refresh_chain_status()

    def is_demo(self) -> bool:
        return self.session is not None and is_demo_vault(self.session.vault.path)

    def _update_title(self) -> None:
        session = self.session
        title = labels.app_name()
        if session is not None and session.vault.is_open:
            title = f"{self.vault_name} — {title}"
            if self.is_demo():
                title = f"{labels.demo_tag()} {title}"
        self.setWindowTitle(title)

    def update_status(self) -> None:
        session = self.session
        if session is None or not session.vault.is_open:
            self.vault_label.setText("")
            self.user_label.setText("")
            self.lock_badge.set_state("warn", self.tr("Locked"))
            self.chain_badge.hide()
            self.demo_badge.hide()
            return
        self.vault_label.setText(self.tr("Vault: {name}").format(name=self.vault_name))
        self.vault_label.setToolTip(str(session.vault.path))
        self.user_label.setText(
            self.tr("User: {user} ({role})").format(user=session.user, role=labels.role_name(session.role))
        )
        minutes = self.settings.idle_lock_minutes
        self.lock_badge.set_state(
            "ok",
            self.tr("Unlocked"),
            self.tr("Locks after {minutes} min without input").format(minutes=minutes)
            if minutes
            else self.tr("Idle locking is off"),
        )
        self.demo_badge.setVisible(self.is_demo())
        self.demo_badge.set_state("demo", self.tr("Demo: synthetic data"))
        self.chain_badge.show()
        status = self.chain_status
        if not session.can(Permission.VIEW_AUDIT):
            self.chain_badge.set_state("info", self.tr("Audit: not in your role"))
        elif status is None:
            self.chain_badge.set_state("info", self.tr("Audit: checking…"))
        elif status.ok:
            self.chain_badge.set_state(
                "ok",
                self.tr("Audit chain intact ({count})").format(count=status.count),
                self.tr("Head #{seq} {hash}…").format(seq=status.head_seq, hash=status.head_hash[:16]),
            )
        else:
            self.chain_badge.set_state(
                "bad",
                self.tr("Audit chain BROKEN at #{seq}").format(seq=status.first_bad),
                messages.chain_reason_text(status.reason),
            )

    def refresh_chain_status(self) -> None:
        """Verify the chain on the worker (it reads every record); the status bar and audit page follow."""
        session = self.session
        if session is None or not session.can(Permission.VIEW_AUDIT):
            return
        if self._verify_pending:
            return
        self._verify_pending = True
        task = worker.Task(lambda _p, _c: audit_flows.verify(session))
        task.succeeded.connect(lambda status: self._chain_verified(session, status))
        task.failed.connect(lambda _err: self._chain_verified(session, None))
        task.start()

    def _chain_verified(self, session: Session, status: ChainStatus | None) -> None:
        self._verify_pending = False
        if session is not self.session:
            return  # locked or switched vault meanwhile
        self.chain_status = status
        self.audit_page.set_chain_status(status)
        self.update_status()

    # --- navigation --------------------------------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Dataroom"),
            self.tr(
                "<b>Dataroom {version}</b><br>An offline, encrypted data room for the parties to a company transfer."
                "<br><br>Everything stays on this computer; every action is recorded in a hash-chained audit log. "
                "Shared data is de-identified, not anonymised (PIPL art. 73)."
            ).format(version=dataroom.__version__),
        )

    # --- window state ------------------------------------------------------------------------------------------
    def restore_window_state(self) -> None:
        geometry = _unb64(self.settings.geometry)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = _unb64(self.settings.window_state)
        if state is not None:
            self.restoreState(state)

    def remember_window_state(self) -> None:
        """Copy geometry and state into the settings (the controller saves them)."""
        self.settings.geometry = _b64(self.saveGeometry())
        self.settings.window_state = _b64(self.saveState())

    def allow_close(self) -> None:
        self._allow_close = True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt override
        if verify_file.dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override
        files = verify_file.dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            verify_file.verify_paths(files, self, self.session)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        # The window's close button means "quit": the controller locks the vault and saves the settings first.
        if self._allow_close:
            event.accept()
            return
        event.ignore()
        self.quit_requested.emit()
