"""The catalogue of Accord's errors: each says what failed, what was expected, and how to fix it.

The library raises these; the CLI prints `str(error)` on one line and exits non-zero, and
the API turns them into `application/problem+json`.
"""

from __future__ import annotations


class AccordError(Exception):
    """Base of every error Accord raises on purpose."""


class InputError(AccordError):
    """A document could not be read. `source` names the file; the message says why."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class EmptyDocumentError(InputError):
    """The file holds no readable text."""


class UnsupportedFormatError(InputError):
    """The file is binary or of a format Accord has no reader for."""


class FileTooLargeError(InputError):
    """The file is over the size limit."""


class CorruptFileError(InputError):
    """The file is damaged, encrypted or malformed (a broken PDF, a bad JSONL line)."""


class StoreError(AccordError):
    """The store could not be opened, migrated or written."""


class DocumentNotFoundError(AccordError):
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        super().__init__(
            f"no document id starts with {prefix!r}; `accord documents` lists the stored ids"
        )


class AmbiguousIdError(AccordError):
    def __init__(self, prefix: str, matches: list[str]) -> None:
        self.prefix = prefix
        self.matches = matches
        shown = ", ".join(m[:12] for m in matches[:5])
        super().__init__(
            f"id prefix {prefix!r} matches {len(matches)} documents ({shown}); give more characters"
        )


class ReferenceDataError(AccordError):
    """A packaged or user-supplied data file (countries, lexicons, areas) is malformed."""


class ModelNotInstalledError(AccordError):
    """The pinned spaCy model is missing from the environment."""


class GoldFormatError(ReferenceDataError):
    """A gold file for `accord eval` is malformed. `source` names the file; the message says why."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class EventNotFoundError(AccordError):
    """No commitment (or event) has the id given."""

    def __init__(self, event_id: int) -> None:
        self.event_id = event_id
        super().__init__(
            f"no commitment has id {event_id}; `accord report A B` lists commitments with their ids"
        )


class TokenError(AccordError):
    """An API token could not be created, found or revoked (a name in use, an unknown name)."""


class ClusterError(AccordError):
    """The Dask cluster given with `--scheduler` cannot be reached or lost its workers."""
