"""dragoman: raw news in, PLOVER/CAMEO political event data out."""

from __future__ import annotations

from .errors import DragomanError
from .model import Actor, Article, CleanDoc, Counts, Event, Evidence, Place, When
from .pipeline import BatchSummary, code_articles, code_files, code_text

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "BatchSummary",
    "CleanDoc",
    "Counts",
    "DragomanError",
    "Event",
    "Evidence",
    "Place",
    "When",
    "code_articles",
    "code_files",
    "code_text",
]
