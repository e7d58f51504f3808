"""PyInstaller runtime hook: make sure ``keyring`` finds its OS backend in the bundle.

keyring discovers backends through the ``keyring.backends`` entry points in its package
metadata. ``build.spec`` copies that metadata (``copy_metadata("keyring")``); should it ever be
missing (a stripped bundle, another freezer), the backend is named explicitly for this OS
instead of silently falling back to the ``fail`` keyring. A user's own choice
(``PYTHON_KEYRING_BACKEND`` or keyringrc.cfg) is never overridden.
"""

import os
import sys


def _select_backend() -> None:
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return
    try:
        from importlib.metadata import entry_points

        if list(entry_points(group="keyring.backends")):
            return  # metadata present: keyring's own discovery and priorities apply
    except Exception:  # noqa: S110 - fall through to the explicit choice
        pass
    if sys.platform == "win32":
        backend = "keyring.backends.Windows.WinVaultKeyring"
    elif sys.platform == "darwin":
        backend = "keyring.backends.macOS.Keyring"
    else:
        backend = "keyring.backends.SecretService.Keyring"
    os.environ["PYTHON_KEYRING_BACKEND"] = backend


_select_backend()
