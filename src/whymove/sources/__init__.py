"""Sources: bytes in, RawDocuments out. No NLP here."""

from whymove.sources.files import iter_documents, read_meta, read_text_file

__all__ = ["iter_documents", "read_meta", "read_text_file"]
