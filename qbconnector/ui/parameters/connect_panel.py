"""The Connect to QuickBooks row: its buttons, the waiting state with Cancel, the paste box."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ConnectPanel(QWidget):
    """Signals: connectRequested(), disconnectRequested(), cancelRequested(),
    urlPasted(str redirect URL) when the user hands over the address the browser showed."""

    connectRequested = Signal()
    disconnectRequested = Signal()
    cancelRequested = Signal()
    urlPasted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectPanel")
        self.connect_button = QPushButton(self.tr("Connect to &QuickBooks"))
        self.connect_button.setObjectName("serverConnect")
        self.connect_button.clicked.connect(self.connectRequested)
        self.disconnect_button = QPushButton(self.tr("Dis&connect"))
        self.disconnect_button.setObjectName("serverDisconnect")
        self.disconnect_button.clicked.connect(self.disconnectRequested)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("serverConnectCancel")
        self.cancel_button.clicked.connect(self.cancelRequested)
        buttons = QHBoxLayout()
        for button in (self.connect_button, self.disconnect_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("serverConnectStatus")
        self.status.setWordWrap(True)
        self.paste_box = QWidget()
        self.paste = QLineEdit()
        self.paste.setObjectName("serverRedirectPaste")
        self.paste.setPlaceholderText(self.tr("https://… ?code=…&state=…&realmId=…"))
        self.paste.setAccessibleName(self.tr("Address shown after approving"))
        self.paste.returnPressed.connect(self._use_pasted)
        self.use_button = QPushButton(self.tr("&Use this address"))
        self.use_button.setObjectName("serverRedirectUse")
        self.use_button.clicked.connect(self._use_pasted)
        paste_row = QVBoxLayout(self.paste_box)
        paste_row.setContentsMargins(0, 0, 0, 0)
        paste_row.addWidget(
            QLabel(
                self.tr(
                    "After approving, paste here the whole address the browser shows "
                    "(your app's redirect page or Intuit's OAuth Playground):"
                ),
                wordWrap=True,
            )
        )
        line = QHBoxLayout()
        line.addWidget(self.paste, 1)
        line.addWidget(self.use_button)
        paste_row.addLayout(line)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.paste_box)
        self.show_idle(connected=False)

    def show_idle(self, *, connected: bool, reconnect: bool = False) -> None:
        """No attempt running; ``reconnect``: QuickBooks refused the saved connection."""
        label = (
            self.tr("Re&connect to QuickBooks") if reconnect else self.tr("Connect to &QuickBooks")
        )
        self.connect_button.setText(label)
        self.connect_button.setEnabled(True)
        self.disconnect_button.setVisible(connected)
        self.disconnect_button.setEnabled(True)
        self.cancel_button.hide()
        self.paste_box.hide()
        self.paste.clear()

    def show_busy(self, text: str) -> None:
        self.connect_button.setEnabled(False)
        self.disconnect_button.setEnabled(False)
        self.set_status(text)

    def show_waiting(self, text: str, *, loopback: bool) -> None:
        """The browser is open; a loopback listener waits (Cancel) or the user pastes."""
        self.show_busy(text)
        self.cancel_button.show()
        self.paste_box.show()  # also offered with a listener: the browser may be elsewhere
        if not loopback:
            self.paste.setFocus()

    def set_status(self, text: str, ok: bool | None = None) -> None:
        """``ok``: None for a neutral line, True for success, False for an error."""
        self.status.setText(text)
        self.status.setProperty("role", "" if ok is None else ("success" if ok else "error"))
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _use_pasted(self) -> None:
        text = self.paste.text().strip()
        if text:
            self.urlPasted.emit(text)
