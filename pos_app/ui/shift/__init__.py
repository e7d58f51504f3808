"""The shift: open and close it, X and Z reports."""
