"""qbconnector: pushes FlowFit invoices and quotes to QuickBooks Online."""

__version__ = "0.1.0"
