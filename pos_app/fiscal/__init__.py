"""Fiscal receipts through a cloud cash register (reference: docs/fiscal-reference.md).

No Qt here. :mod:`.adapter` is the interface, :mod:`.receipt` the data, :mod:`.errors` the one
error tree; :mod:`.webkassa` is the first adapter (Webkassa API v4 on httpx).
"""
