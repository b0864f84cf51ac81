"""The first-run welcome: three ways to start instead of empty forms full of red."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """Signals: connectChosen(), tokensChosen(), demoChosen()."""

    connectChosen = Signal()
    tokensChosen = Signal()
    demoChosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(self.tr("Welcome to qbconnector"))
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "qbconnector pushes FlowFit client invoices and quotes to QuickBooks Online. "
                "How do you want to start?"
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(intro)
        self.connect_button = self._choice(
            layout,
            "welcomeConnect",
            self.tr("Connect a QuickBooks company"),
            self.tr(
                "Sign in to QuickBooks in your browser and approve the connection. You need your "
                "app's client ID and client secret from developer.intuit.com."
            ),
        )
        self.tokens_button = self._choice(
            layout,
            "welcomeTokens",
            self.tr("Paste tokens"),
            self.tr(
                "FlowFit's way: the Realm ID and an access/refresh token pair from Intuit's "
                "OAuth Playground."
            ),
        )
        self.demo_button = self._choice(
            layout,
            "welcomeDemo",
            self.tr("Open the demo"),
            self.tr(
                "A sample FlowFit company and a local QuickBooks stand-in, in a separate window; "
                "nothing is sent anywhere."
            ),
        )
        layout.addStretch(1)
        self.connect_button.clicked.connect(self.connectChosen)
        self.tokens_button.clicked.connect(self.tokensChosen)
        self.demo_button.clicked.connect(self.demoChosen)
        self.connect_button.setDefault(True)
        self.connect_button.setFocus()

    def _choice(self, layout: QVBoxLayout, name: str, label: str, detail: str) -> QPushButton:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(frame)
        button = QPushButton(label)
        button.setObjectName(name)
        button.setMinimumHeight(36)
        explanation = QLabel(detail)
        explanation.setWordWrap(True)
        explanation.setProperty("role", "help")
        explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(button)
        inner.addWidget(explanation)
        layout.addWidget(frame)
        return button
