"""The environment of a till subprocess that talks to a test's emulator."""

from __future__ import annotations

import os
from pathlib import Path

from pos_app.training import Emulator


def till_env(home: Path, emulator: Emulator, **extra: str) -> dict[str, str]:
    """This process's environment with ``POS_APP_HOME`` and the ``POS_APP_EPAY_*`` hosts of
    ``emulator`` (the contract variables), plus ``extra``."""
    env = dict(os.environ)
    env.update(POS_APP_HOME=str(home), **epay_hosts_env(emulator), **extra)
    return env


def epay_hosts_env(emulator: Emulator) -> dict[str, str]:
    """The ``POS_APP_EPAY_*`` contract variables that point a test till at ``emulator``."""
    return {
        "POS_APP_EPAY_OAUTH_URL": emulator.urls["oauth_url"],
        "POS_APP_EPAY_API_URL": emulator.urls["api"],
        "POS_APP_EPAY_WIDGET_URL": emulator.urls["widget_url"],
    }
