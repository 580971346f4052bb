"""The package version, kept in one place for hatchling and ``whymove --version``."""

__version__ = "0.1.0"
