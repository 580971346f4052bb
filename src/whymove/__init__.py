"""whymove: explains why stocks move."""
from whymove.__about__ import __version__

__all__ = ["__version__"]
