"""The floor for launch → first payform (scripts/benchmark.py): the least a PySide6 program can do
to open ePay's card form from the keyboard, and nothing of the till.

    python scripts/bench_floor.py WIDGET_URL

A line edit and a ``QWebEngineView`` built before the window shows; Enter loads a host page with
the emulator's widget script and calls ``halyk.showPaymentWidget`` (the payform is requested);
Esc empties the view and puts the focus back in the line edit. No journal, no token, no bridge.
"""

import sys

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QWidget

PAGE = """<!DOCTYPE html><html><body><script src="%s"></script><script>
halyk.showPaymentWidget({invoiceId: "%s", amount: %s, currency: "KZT", terminal: "t",
  auth: {access_token: "x", expires_in: 1200, token_type: "Bearer"}, language: "rus"},
  function (r) {});
</script></body></html>"""


def main() -> int:
    widget_url = sys.argv[1]
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0]])
    window = QWidget()
    window.setWindowTitle("ePay floor")
    field = QLineEdit(window)
    view = QWebEngineView(window)
    layout = QHBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(view, 1)
    count = [0]

    def pay() -> None:
        count[0] += 1
        page = PAGE % (widget_url, f"{count[0]:06d}", field.text() or "0")
        view.setHtml(page, QUrl("https://pos.invalid/"))

    def escape() -> None:
        view.setHtml("<html></html>", QUrl("https://pos.invalid/"))
        field.clear()
        field.setFocus()

    field.returnPressed.connect(pay)
    QShortcut(QKeySequence(Qt.Key.Key_Escape), window, escape)
    view.setHtml("<html></html>", QUrl("https://pos.invalid/"))  # built and loading before show
    window.resize(1180, 780)
    window.show()
    field.setFocus()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
