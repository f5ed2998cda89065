"""Every error dragoman raises, in one hierarchy.

    DragomanError                 base: .stage names where it happened, str() says the fix
    ├── InputError                an input file or record cannot be read (stage "ingest")
    │   ├── EmptyInputError       empty or whitespace-only
    │   ├── BinaryInputError      binary bytes behind a text extension
    │   ├── TooLargeError         over --max-bytes
    │   ├── UnsupportedFormatError  extension/content we do not read
    │   ├── BadRecordError        a JSONL line that is not JSON, not an object, or has no text
    │   ├── NoArticleError        an HTML page with no article body
    │   ├── NotCodedError         code_text on a text it skips (not English, no article text after cleaning)
    │   ├── WarcRecordError       a WARC record cut off or damaged (the next records are read)
    │   └── FeedError             a feed or an item's page that cannot be fetched or read (stage "feeds")
    ├── CleaningError             the cleaner could not produce a body (stage "clean")
    ├── CodingError               one document could not be coded (stage "code"; the Python API's code_text)
    ├── DateError                 a publication date that is not an ISO date (stage "dates")
    ├── ModelError                the spaCy model or a packaged trained model is missing or broken (stage "parse")
    ├── StoreError                the SQLite store cannot be opened or written (stage "store")
    ├── GazetteerError            the place index or geo ranker cannot be built or read (stage "geo")
    ├── LexiconError              a lexicon file of the installation is unreadable or invalid (stage "lexicon")
    ├── EvaluationError           gold data missing or in an unexpected layout (stage "evaluate")
    ├── QueryError                a bad filter value for events/docs/API (stage "query")
    ├── ClusterError              the Dask cluster of --cluster cannot be reached or used (stage "cluster")
    └── ExportError               `dragoman export` cannot write its --out (stage "export")

A document that fails is stored with ``status`` and the error's message as its reason;
the batch goes on. A broken installation (``BROKEN_INSTALLATION``: model, gazetteer, lexicon, store) is not
the document's fault: it stops the batch with its fix instead of failing every document.
The CLI prints messages, never tracebacks (``--verbose`` shows them).
"""

from __future__ import annotations


class DragomanError(Exception):
    """Base class. Messages name the value, the stage and the fix."""

    stage = "dragoman"

    def __init__(self, message: str, *, stage: str | None = None) -> None:
        super().__init__(message)
        if stage is not None:
            self.stage = stage

    @property
    def reason(self) -> str:
        """The message stored as a document's error reason."""
        return str(self)


class InputError(DragomanError):
    stage = "ingest"
    status = "failed"


class EmptyInputError(InputError):
    status = "skipped"


class BinaryInputError(InputError):
    pass


class TooLargeError(InputError):
    status = "skipped"


class UnsupportedFormatError(InputError):
    status = "skipped"


class BadRecordError(InputError):
    pass


class NoArticleError(InputError):
    status = "skipped"


class NotCodedError(InputError):
    """``code_text`` on a text the pipeline skips (not English, no article text): said, not an empty list."""

    status = "skipped"


class CleaningError(DragomanError):
    stage = "clean"


class ModelError(DragomanError):
    stage = "parse"


class StoreError(DragomanError):
    stage = "store"


class GazetteerError(DragomanError):
    stage = "geo"


class EvaluationError(DragomanError):
    stage = "evaluate"


class QueryError(DragomanError):
    stage = "query"


class CodingError(DragomanError):
    stage = "code"


class DateError(DragomanError):
    stage = "dates"


class LexiconError(DragomanError):
    stage = "lexicon"


# Errors of the machine or the installation, not of one document: a batch stops on them.
BROKEN_INSTALLATION: tuple[type[DragomanError], ...] = (GazetteerError, LexiconError, ModelError, StoreError)


class ClusterError(DragomanError):
    """The Dask scheduler of ``--cluster`` does not answer, has no workers, or its workers cannot run dragoman."""

    stage = "cluster"


class WarcRecordError(InputError):
    """A WARC record that is cut off or damaged (the archive is truncated or corrupt); the next records are read."""


class FeedError(InputError):
    """An RSS/Atom feed or an item's page that cannot be fetched or read (404, timeout, not a feed)."""

    stage = "feeds"


class ExportError(DragomanError):
    """``dragoman export`` cannot write where --out says (no such folder, not writable, exists without --force)."""

    stage = "export"
