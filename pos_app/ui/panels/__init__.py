"""The panels the main window composes; each renders a small view model and emits intents."""
