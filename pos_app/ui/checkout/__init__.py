"""The card checkout: amount entry and keypad, the activity side (progress, the bank's form,
the result), the recent strip, the controller, and the web view with its bridge and policy."""
