"""The head-office sync in the till's background, and its lag indicator in the status bar."""
