"""Fiscal receipts on screen (issue 15): "being registered…", the fiscal number and the OFD QR
on the result page and the customer display, the register banner, reprints from history."""
