"""The PDF reader: the text layer of every page through pypdf, title from /Title."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from accord.errors import CorruptFileError, EmptyDocumentError
from accord.ingest.base import require_text
from accord.records import DocumentMetadata, RawDocument

__all__ = ["read_pdf"]

log = logging.getLogger("accord")

ENCRYPTED = "PDF is encrypted; decrypt it first"
NO_TEXT_LAYER = "PDF has no text layer (a scanned image?); run OCR on it first"


def _open(data: bytes, *, source: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as e:
        # pypdf reports damage as its own errors and, for some breakage, as plain ones.
        raise CorruptFileError(source, f"not a readable PDF: {e}") from e
    if reader.is_encrypted:
        # Many PDFs are encrypted only to set permissions, with an empty user password.
        try:
            opened = reader.decrypt("")
        except DependencyError as e:
            raise CorruptFileError(
                source, f"{ENCRYPTED} (reading its cipher needs the 'cryptography' package)"
            ) from e
        except (PyPdfError, ValueError, KeyError, TypeError, NotImplementedError) as e:
            raise CorruptFileError(source, ENCRYPTED) from e
        if not opened:
            raise CorruptFileError(source, ENCRYPTED)
    return reader


def read_pdf(data: bytes, *, source: str) -> RawDocument:
    """A .pdf document: text of all pages, a blank line between pages."""
    reader = _open(data, source=source)
    pages: list[str] = []
    try:
        for page in reader.pages:
            pages.append(page.extract_text() or "")
    except FileNotDecryptedError as e:
        raise CorruptFileError(source, ENCRYPTED) from e
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as e:
        raise CorruptFileError(source, f"not a readable PDF: {e}") from e
    if not pages:
        raise EmptyDocumentError(source, "PDF has no pages")
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    require_text(text, source=source, problem=NO_TEXT_LAYER)
    title = None
    try:
        info = reader.metadata
        title = " ".join(str(info.title).split()) if info and info.title else None
    except (PyPdfError, ValueError, KeyError, TypeError) as e:
        log.debug("%s: unreadable PDF metadata: %s", source, e)
    return RawDocument(
        text=text, source=source, format="pdf", metadata=DocumentMetadata(title=title or None)
    )
