"""The Finance page: quotes and invoices, their QuickBooks state, and Synchronize."""
