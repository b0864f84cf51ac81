"""Profile folder, settings file, secret vault and SQLite ledger."""
