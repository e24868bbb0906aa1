"""Content model, content file format, catalogue queries and the search index (no Qt, no network)."""
