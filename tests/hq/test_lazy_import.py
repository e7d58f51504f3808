"""The till's start-up, the CLI and doctor never load psycopg unless head office is used."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
from pos_app import cli
cli.parser()
import pos_app.doctor, pos_app.hq.doctor, pos_app.hq.sync, pos_app.ui.app, pos_app.ui.headoffice.sync
print(sorted(m for m in sys.modules if m.split('.')[0] in ('psycopg', 'psycopg_binary')))
"""


def test_psycopg_is_not_imported_until_head_office_is_used() -> None:
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == "[]"
