"""Genuine PDFs built by hand for the readers' tests (text, no-text, encrypted)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter


def _escape(line: str) -> bytes:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")


def build_pdf(pages: Sequence[str], *, title: str | None = None) -> bytes:
    """A minimal valid PDF: one Helvetica text object per page, a correct xref table.

    An empty string makes a page with no text (what a scanned page looks like to pypdf).
    """
    objects: list[bytes] = [b"", b""]  # catalog and page tree, filled in below
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    font_id = len(objects)
    kids: list[int] = []
    for text in pages:
        ops = [b"BT /F1 12 Tf 14 TL 72 720 Td"]
        ops += [b"(" + _escape(line) + b") Tj T*" for line in text.split("\n") if text]
        ops.append(b"ET")
        content = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n%b\nendstream" % (len(content), content))
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font_id, content_id)
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%b] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    info_id = None
    if title is not None:
        objects.append(b"<< /Title (" + _escape(title) + b") >>")
        info_id = len(objects)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%b\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if info_id is not None:
        trailer += b" /Info %d 0 R" % info_id
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def encrypt_pdf(data: bytes, *, user_password: str, owner_password: str | None = None) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, owner_password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
