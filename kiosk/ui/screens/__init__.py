"""One module per screen. Each screen is handed the content it shows and asks the navigator to move."""
