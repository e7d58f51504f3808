"""Qt only: widgets, dialogs, the checkout web view and the background-task helper."""

# First, before any other module of the till is imported after PySide6 (see the module).
from pos_app.ui.common import qt_imports as _qt_imports  # noqa: F401
