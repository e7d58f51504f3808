"""Webkassa API v4 (reference §2): client, adapter, hosts."""
