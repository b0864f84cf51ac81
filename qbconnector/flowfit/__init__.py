"""FlowFit document sources: local store, JSON/CSV import, connector API client."""
