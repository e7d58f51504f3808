"""The till's log file: rotation by size and the redactor."""

from __future__ import annotations

import logging
from pathlib import Path

from pos_app.logsetup import RedactingFilter, RotatingFile


def _logger(handler: logging.Handler) -> logging.Logger:
    logger = logging.getLogger(f"test.logsetup.{id(handler)}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    return logger


def test_rotates_by_size_and_keeps_the_newest_backups(tmp_path: Path) -> None:
    handler = RotatingFile(tmp_path / "pos-app.log", max_bytes=1000, backups=3)
    logger = _logger(handler)
    try:
        for n in range(200):
            logger.info("line %03d %s", n, "x" * 40)
    finally:
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["pos-app.log", "pos-app.log.1", "pos-app.log.2", "pos-app.log.3"]
    for path in tmp_path.iterdir():
        assert path.stat().st_size <= 1000 + 60  # one line past the limit at most
    newest = (tmp_path / "pos-app.log").read_text(encoding="utf-8").splitlines()
    assert newest[-1].startswith("line 199")
    # backups are in order: .1 holds the lines just before the current file
    previous = (tmp_path / "pos-app.log.1").read_text(encoding="utf-8").splitlines()
    assert int(previous[-1].split()[1]) + 1 == int(newest[0].split()[1])


def test_an_existing_big_file_is_rotated_on_the_first_record(tmp_path: Path) -> None:
    log = tmp_path / "pos-app.log"
    log.write_text("old\n" * 500, encoding="utf-8")
    handler = RotatingFile(log, max_bytes=1000, backups=2)
    logger = _logger(handler)
    try:
        logger.info("fresh")
    finally:
        handler.close()
    assert log.read_text(encoding="utf-8") == "fresh\n"
    assert (tmp_path / "pos-app.log.1").read_text(encoding="utf-8").startswith("old\n")


def test_no_backups_truncates(tmp_path: Path) -> None:
    handler = RotatingFile(tmp_path / "pos-app.log", max_bytes=100, backups=0)
    logger = _logger(handler)
    try:
        for n in range(20):
            logger.info("line %d %s", n, "y" * 20)
    finally:
        handler.close()
    assert [p.name for p in tmp_path.iterdir()] == ["pos-app.log"]
    assert (tmp_path / "pos-app.log").stat().st_size <= 100 + 40


def test_card_numbers_and_tokens_are_redacted(tmp_path: Path) -> None:
    handler = RotatingFile(tmp_path / "pos-app.log")
    handler.addFilter(RedactingFilter())
    logger = _logger(handler)
    try:
        logger.info("card %s auth %s", "4405 6397 0401 5096", "Bearer abc.def")
    finally:
        handler.close()
    text = (tmp_path / "pos-app.log").read_text(encoding="utf-8")
    assert "4405" not in text and "abc.def" not in text
    assert "[card number]" in text and "[redacted]" in text
