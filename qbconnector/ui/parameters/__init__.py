"""The Parameters page: tabs named like the sections of FlowFit's QuickBooks page."""
