"""QuickBooks Online HTTP client, OAuth tokens, faults, payloads and rate limiter."""
