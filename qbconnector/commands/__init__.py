"""One module per CLI command; each exposes ``register(subparsers)`` and ``run(args, profile)``."""
