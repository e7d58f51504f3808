"""Receipt printers (ESC/POS through python-escpos). No Qt."""
