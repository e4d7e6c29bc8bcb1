"""SQLite storage: connection, migrations, content tables, settings, backups. Imports nothing from the UI."""
