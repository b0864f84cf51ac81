"""Qt-free domain: documents, templates, settings schema, errors."""
