"""What every feature folder of ``ui/`` may use: languages, icons, sentences for the cashier,
status colours, background tasks, the admin PIN guard, documents (receipts, reports)."""
