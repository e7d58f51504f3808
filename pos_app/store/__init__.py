"""Local persistence: the payment journal (sqlite3), non-secret settings (JSON), secrets (keyring).

Imports only :mod:`pos_app.domain`, the standard library, ``platformdirs`` and ``keyring``.
"""
