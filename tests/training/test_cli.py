"""``python -m pos_app.training``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def test_cli_prints_urls_first() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "pos_app.training"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        urls = json.loads(line)
        assert set(urls) == {"api", "form", "oauth_url", "widget_url", "payform_url"}
        assert urls["api"].startswith("http://127.0.0.1:") and urls["api"] != urls["form"]
        assert httpx.get(urls["widget_url"], timeout=5).status_code == 200
    finally:
        proc.terminate()
        assert proc.wait(10) == 0


def test_cli_refuses_public_host() -> None:
    done = subprocess.run([sys.executable, "-m", "pos_app.training", "--host", "0.0.0.0"],
                          cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert done.returncode != 0 and "loopback" in done.stderr
