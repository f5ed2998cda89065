"""`dragoman export`: the events matching a filter written to one file or Parquet folder, in one of five formats.

parquet (columnar.py), csv and jsonl (export.py: the bytes `dragoman events --format csv|jsonl` print), acled
and gdelt (export_styles.py). The export is written beside --out and moved into place once complete.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import query
from .columnar import write_parquet
from .errors import ExportError, StoreError
from .export import ExportAborted, write_export
from .export_styles import write_style

FILE_FORMATS: tuple[str, ...] = ("parquet", "csv", "jsonl", "acled", "gdelt")  # cli.FILE_FORMATS too
# The order records are read in: Parquet by date (a month's rows arrive together, so its row groups are whole);
# the others in the order of `dragoman events` (document by document).
_SORT = {"parquet": "date"}


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What `dragoman export` wrote."""

    path: str
    format: str
    rows: int
    months: tuple[str, ...] = ()  # Parquet: the month partitions written


def check_out(out: Path, fmt: str, *, force: bool) -> None:
    """Refuse, before reading the store, an --out that cannot be written or would be overwritten without --force."""
    if fmt not in FILE_FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: use one of {', '.join(FILE_FORMATS)}")
    folder = out.parent
    if not folder.is_dir():
        raise ExportError(f"folder {str(folder)!r} for --out {str(out)!r} does not exist: create it or choose "
                          "another --out")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"folder {str(folder)!r} is not writable, so --out {str(out)!r} cannot be written: "
                          "choose another --out or change the folder's permissions")
    if not (out.exists() or out.is_symlink()):
        return
    what = "a folder" if fmt == "parquet" else "a file"
    if not force:
        raise ExportError(f"--out {str(out)!r} already exists: pass --force to replace it, or choose another --out")
    if (fmt == "parquet") != out.is_dir() or out.is_symlink():
        raise ExportError(f"--out {str(out)!r} is not {what} (a {fmt} export writes {what}): choose another --out; "
                          "--force replaces only an earlier export of the same kind")
    if fmt == "parquet" and not _is_parquet_export(out):
        raise ExportError(f"--out {str(out)!r} holds files other than a Parquet export's month=... folders: "
                          "choose another --out; --force will not delete them")


def _is_parquet_export(folder: Path) -> bool:
    for child in folder.iterdir():
        if not (child.is_dir() and not child.is_symlink() and child.name.startswith("month=")):
            return False
        if any(not (part.is_file() and part.suffix == ".parquet") for part in child.iterdir()):
            return False
    return True


def export_to_path(conn: sqlite3.Connection, event_filter: query.EventFilter, fmt: str, out: Path, *,
                   force: bool = False, source: str = "") -> ExportSummary:
    """Write the events matching ``event_filter`` to ``out`` in ``fmt``: a file (csv, jsonl, acled, gdelt) or a
    Parquet folder. The export is written beside ``out`` and moved into place once complete, so ``out`` is never a
    cut-short file: a store failing mid-way leaves the old ``out`` (or none) and raises StoreError.
    ``--force`` (``force``) replaces an earlier export of the same kind, never anything else."""
    check_out(out, fmt, force=force)
    partial = out.with_name(f".{out.name}.partial-{os.getpid()}")
    records = _Counter(query.iter_events(conn, event_filter, sort=_SORT.get(fmt, "doc")))
    months: tuple[str, ...] = ()
    try:
        if fmt == "parquet":
            months = write_parquet(conn, records, partial).months
        else:
            _write_file(conn, records, fmt, partial, source=source)
        _move_into_place(partial, out, folder=fmt == "parquet")
    except StoreError as exc:
        _remove(partial)
        said = str(exc)
        if "stopped after" not in said:  # the CSV/JSONL writer says how far it got, the others do here
            said = f"the export{source} stopped after {records.n} events and is incomplete: {said}"
        raise StoreError(f"{said}; nothing was written to {str(out)!r}") from exc
    except BaseException:
        _remove(partial)
        raise
    return ExportSummary(path=str(out), format=fmt, rows=records.n, months=months)


def _write_file(conn: sqlite3.Connection, records: Iterable[dict[str, Any]], fmt: str, path: Path, *,
                source: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        if fmt in ("csv", "jsonl"):  # the bytes of `dragoman events --format csv|jsonl`
            try:
                write_export(conn, records, "csv" if fmt == "csv" else "jsonl", handle, source=source)
            except ExportAborted as exc:
                raise StoreError(str(exc)) from exc
        else:
            write_style(conn, records, "acled" if fmt == "acled" else "gdelt", handle)


class _Counter:
    """The records, counted as they are read."""

    def __init__(self, records: Iterable[dict[str, Any]]) -> None:
        self.records = records
        self.n = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for record in self.records:
            self.n += 1
            yield record


def _move_into_place(partial: Path, out: Path, *, folder: bool) -> None:
    if folder:
        partial.mkdir(exist_ok=True)  # no matching event: an empty folder (pyarrow writes none)
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        if out.exists():
            out.rename(old)
        partial.rename(out)
        shutil.rmtree(old, ignore_errors=True)
        return
    os.replace(partial, out)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
