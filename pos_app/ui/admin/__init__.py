"""Administration: settings, first run, kiosk mode (each behind the admin PIN)."""
