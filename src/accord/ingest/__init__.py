"""Reading documents: find files, read each format into RawDocuments, prepare them for analysis.

`discover` expands the paths a user gives, `read_file`/`read_bytes` pick the reader for a
file's format and return what they read with the problems they met (never raising for bad
input), and `prepare` normalizes a RawDocument into the Document every later stage uses.
"""

from __future__ import annotations

from accord.ingest.base import ReadResult
from accord.ingest.discover import discover
from accord.ingest.metadata import parse_date
from accord.ingest.prepare import prepare
from accord.ingest.read import read_bytes, read_file

__all__ = ["ReadResult", "discover", "parse_date", "prepare", "read_bytes", "read_file"]
