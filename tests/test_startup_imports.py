"""What the ePay client costs to import: httpx must not bring its command-line client (click,
rich, pygments) along, as it does whenever they are installed (a developer's environment has
them; ~90 ms of every start, on the way to the first payment). ``pos_app/__init__.py``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = """
import json, sys
import pos_app.epay.client
import httpx
print(json.dumps({"loaded": sorted(m for m in ("click", "rich", "pygments", "httpx._main")
                                   if sys.modules.get(m) is not None),
                  "blocked": "httpx._main" in sys.modules and sys.modules["httpx._main"] is None,
                  "stub": httpx.main.__module__}))
"""


def test_the_epay_client_does_not_import_httpx_command_line_client() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"loaded": [], "blocked": True, "stub": "httpx"}
