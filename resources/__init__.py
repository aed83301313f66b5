"""Data files shipped with Penholder: phrase lists, registries, dictionaries, styles."""
