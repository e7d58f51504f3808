"""Fixtures for tests through the real parts: QtWebEngine, HTTP to the emulator, SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

# WebEngine must be imported before the QApplication that pytest-qt creates.
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401

from pos_app.store.settings import Settings


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    return tmp_path



@pytest.fixture
def settings() -> Settings:
    return Settings(environment="training", shop_name="Test shop")
