"""The Parameters page: six tabs named like the sections of FlowFit's QuickBooks page."""
