"""Qt only: widgets, dialogs, the checkout web view and the background-task helper."""
