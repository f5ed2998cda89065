"""The `dragoman` command: thin wrappers over the library that turn errors into clean messages."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import errno
import functools
import itertools
import json
import logging
import os
import re
import signal
import socket
import sqlite3
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, ParamSpec, TypeVar

import click

from . import export, query, store
from .codes import MODALITIES, PLOVER_TYPES, QUADS
from .errors import ClusterError, DragomanError, EvaluationError, InputError, QueryError, StoreError
from .ingest import DEFAULT_MAX_BYTES, SUPPORTED, display_path

P = ParamSpec("P")
R = TypeVar("R")


def _handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Library errors become one line on stderr and exit 1; --verbose adds the traceback."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except BrokenPipeError:
            # The reader went away (`dragoman events | head`): not an error of ours.
            sys.stderr.close()
            raise SystemExit(0) from None
        except DragomanError as exc:
            if _verbose():
                traceback.print_exc()
            raise click.ClickException(f"[{exc.stage}] {exc}") from None
        except sqlite3.Error as exc:
            if _verbose():
                traceback.print_exc()
            raise click.ClickException(
                f"[store] the database could not be used ({type(exc).__name__}: {exc}); check that --db names a "
                "dragoman database that no other program is changing"
            ) from None
        except (OSError, ValueError) as exc:
            if _verbose():
                traceback.print_exc()
            raise click.ClickException(f"{type(exc).__name__}: {exc}") from None
        except (click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 - the last guard: no traceback reaches the user
            if _verbose():
                traceback.print_exc()
            raise click.ClickException(
                f"[internal] unexpected {type(exc).__name__}: {exc}; rerun with --verbose for the traceback "
                "and report it"
            ) from None

    return wrapper


def _verbose() -> bool:
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.meta.get("dragoman.verbose"):
        return True
    while ctx is not None:
        if ctx.params.get("verbose"):
            return True
        ctx = ctx.parent
    return False


def _set_verbose(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.meta["dragoman.verbose"] = True  # meta is shared by the whole command chain
        logging.getLogger().setLevel(logging.DEBUG)
        for name in _CHATTY_LIBRARIES:
            logging.getLogger(name).setLevel(logging.NOTSET)


# Every command takes --verbose where a user types it: after the command, as the README shows for `code`.
verbose_option = click.option("--verbose", is_flag=True, expose_value=False, callback=_set_verbose,
                              help="Show details and tracebacks.")


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from None


def _cluster(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from .cluster import parse_address

    try:
        return parse_address(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _workers(_ctx: click.Context, _param: click.Parameter, value: str) -> int | Literal["auto"]:
    if value.strip().lower() == "auto":
        return "auto"
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise click.BadParameter(f"{value!r} is not a number of workers: use auto or a whole number from 1")
    return number


db_option = click.option(
    "--db", default=store.DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="SQLite file."
)
format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True
)


@click.group()
@click.version_option(package_name="dragoman")
@click.option("--verbose", is_flag=True, help="Show details and tracebacks.")
def main(verbose: bool) -> None:
    """dragoman: raw news in, PLOVER/CAMEO political event data out."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(message)s")
    if not verbose:
        # Their warnings ("discarding data: None") say nothing a user can act on; our reasons do.
        for name in _CHATTY_LIBRARIES:
            logging.getLogger(name).setLevel(logging.ERROR)


_CHATTY_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer", "readability")


class _Progress:
    """A one-line progress display with documents/s, only on a terminal; keeps the last summary. ``interrupted``
    says whether Ctrl-C was pressed: the batch stops at the next report if the handler's exception was lost."""

    def __init__(self, interrupted: Callable[[], bool] = lambda: False) -> None:
        self.enabled = sys.stderr.isatty()
        self.last: Any = None
        self.interrupted = interrupted

    def __call__(self, summary: Any) -> None:
        self.last = summary
        if self.interrupted():
            raise KeyboardInterrupt
        if not self.enabled:
            return
        done = summary.seen
        rate = done / summary.seconds if summary.seconds > 0 else 0.0
        if summary.expected:
            share = min(1.0, done / summary.expected)
            left = (summary.expected - done) / rate if rate > 0 else 0.0
            head = f"[{'#' * round(30 * share):<30}] {done}/{summary.expected} docs  eta {left:4.0f}s"
        else:
            head = f"{done} docs"
        sys.stderr.write(
            f"\r{head}  {rate:5.1f} docs/s  "
            f"coded {summary.coded}  skipped {summary.skipped}  failed {summary.failed}"
            + (f"  recoded {summary.recoded}" if summary.recoded else "")
        )
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            self.enabled = False  # closed once, even when an interrupt closes it early


def _check_writable_store(db: str) -> None:
    """Refuse, before any work, a --db that cannot be written or belongs to another program."""
    path = Path(db)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise StoreError(f"folder {str(folder)!r} for database {db!r} does not exist: create it or choose another --db")
    # SQLite in WAL mode writes two files beside the database: the folder must be writable too.
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"folder {str(folder)!r} is not writable, so database {db!r} cannot be written there: "
                         "choose another --db or change the folder's permissions")
    if not path.exists():
        return
    if not os.access(path, os.R_OK | os.W_OK):
        raise StoreError(f"database {db!r} is read-only: make it writable (chmod u+w {db}) or choose another --db")
    if path.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{db!r} is not an SQLite database ({exc}): choose another --db; dragoman will not "
                         "overwrite it") from exc
    if tables and not tables & {"documents", "migrations"}:  # a run killed mid-migration left "migrations"
        names = ", ".join(sorted(tables)[:5])
        raise StoreError(f"{db!r} is an SQLite database of another program (tables: {names}): choose another --db; "
                         "dragoman will not add its tables to it")


def _check_healthy_store(db: str) -> None:
    """Refuse a damaged store before coding into it: a rerun whose inputs are all stored must not report success.

    SQLite's quick_check reads every page once (about 2 s per GB, measured on a 45 MB store), far less than coding.
    """
    path = Path(db)
    if not path.is_file() or path.stat().st_size == 0:
        return
    fix = f"restore {db} from a backup, or code the inputs again into a new --db; dragoman will not add to it"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check") if row[0] != "ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"database {db!r} is damaged (SQLite's quick_check: {exc}): {fix}") from exc
    if problems:
        more = f" and {len(problems) - 1} more problems" if len(problems) > 1 else ""
        first = " ".join(problems[0].split())
        raise StoreError(f"database {db!r} is damaged (SQLite's quick_check: {first}{more}): {fix}")


def _stop_on_sigint() -> tuple[Callable[[], None], Callable[[], bool]]:
    """Ctrl-C stops the batch in this process only; worker processes leave it to us (no tracebacks from them).

    Returns the function that puts the previous handler back, and one that says whether Ctrl-C was pressed: the
    handler's KeyboardInterrupt is lost when the signal lands in a finalizer or a garbage-collector callback (as seen
    in a Dask client's ``Future.__del__`` and ``distributed.gc``), so the progress report raises it again. Python
    would print such a lost interrupt as "Exception ignored in ..." with a traceback; it is no error, so it is not
    shown.
    """
    parent = os.getpid()
    pressed: list[bool] = []

    def handler(_signum: int, _frame: Any) -> None:
        if os.getpid() == parent:  # a forked worker inherits this handler and ignores the signal
            pressed.append(True)
            raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread: leave signals alone
        return (lambda: None), (lambda: False)
    previous_hook = sys.unraisablehook

    def quiet_lost_interrupt(unraisable: Any) -> None:
        if not (pressed and isinstance(unraisable.exc_value, KeyboardInterrupt)):
            previous_hook(unraisable)

    sys.unraisablehook = quiet_lost_interrupt

    def restore() -> None:
        signal.signal(signal.SIGINT, previous)
        sys.unraisablehook = previous_hook

    return restore, lambda: bool(pressed)


CODE_EXIT_CODES = """\b
Exit codes:
  0    every input given was read (documents that failed are stored with their reasons)
  1    an error stopped the batch: no input exists (no database is created), the database is unusable or
       damaged, the installation is broken; one line says the fix, documents stored before it are complete
  2    with --strict: some documents failed; the --cluster scheduler cannot be reached or used (2 is also
       click's code for a bad option)
  3    some inputs do not exist: the others were coded, the missing ones are named on stderr (before --strict)
  130  interrupted (Ctrl-C): every stored document is complete; run the same command again to finish"""


@main.command(epilog=CODE_EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--published", callback=_iso_date, help="Publication date (YYYY-MM-DD) for inputs with none.")
@click.option("--workers", callback=_workers, default="auto", show_default=True,
              help="Worker processes: a number, or auto (one per core; a batch of under 24 inputs stays in-process).")
@click.option("--cluster", callback=_cluster, metavar="ADDRESS",
              help="Code on a Dask cluster instead of --workers: a scheduler's tcp://HOST:8786, or local:N to start "
                   "N single-threaded worker processes here. This process still reads and writes the database.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Inputs larger than this are skipped.")
@click.option("--recode", is_flag=True,
              help="Code documents already stored again (e.g. with a corrected --published), replacing their events; "
                   "without it they are left as stored.")
@click.option("--strict", is_flag=True, help="Exit non-zero when any document failed.")
@click.option("--verbose", is_flag=True, help="Show details and tracebacks.")
@_handle_errors
def code(paths: tuple[Path, ...], db: str, published: str | None, workers: int | Literal["auto"], cluster: str | None,
         max_bytes: int, recode: bool, strict: bool, verbose: bool) -> None:
    """Code news files and folders into events stored in the database."""
    from .pipeline import code_files

    if verbose:
        logging.getLogger().setLevel(logging.DEBUG)
    # A path given by name that is not there is the user's mistake, not a document: name it, store nothing for it.
    missing = [path for path in paths if not os.path.lexists(path)]
    paths = tuple(path for path in paths if os.path.lexists(path))
    for path in missing:
        click.echo(f"[ingest] {display_path(path)}: no such file or folder; check the path (not coded)", err=True)
    if not paths:
        names = ", ".join(display_path(path) for path in missing)
        raise InputError(f"no input exists ({names}): check the paths; nothing was coded and no database was "
                         "created")
    _check_writable_store(db)
    _check_healthy_store(db)
    restore, interrupted = _stop_on_sigint()
    progress = _Progress(interrupted)
    try:
        summary = code_files(paths, db=db, published=published, workers=workers, max_bytes=max_bytes,
                             progress=progress, recode=recode, cluster=cluster)
        if interrupted():  # pressed after the last report, its exception lost: the batch is whole, still say so
            raise KeyboardInterrupt
    except ClusterError as exc:
        progress.close()
        click.echo(f"Error: [{exc.stage}] {exc}", err=True)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        progress.close()
        done = progress.last
        so_far = (f"coded {done.coded}, skipped {done.skipped}, failed {done.failed}, "
                  f"{f'recoded {done.recoded}, ' if recode else ''}already stored {done.already_stored}"
                  if done is not None else "nothing stored yet")
        state = ("each document is either recoded or as it was" if recode else
                 "every stored document is complete")
        click.echo(f"interrupted: {so_far}; {state}. Run the same command again to finish the batch.", err=True)
        raise SystemExit(130) from None
    finally:
        restore()
    progress.close()
    if summary.seen == 0:
        click.echo(f"no input files found under {', '.join(str(p) for p in paths)}; dragoman reads {SUPPORTED}",
                   err=True)
    rate = summary.seen / summary.seconds if summary.seconds else 0.0
    click.echo(
        f"coded {summary.coded}, skipped {summary.skipped}, failed {summary.failed}, "
        f"{f'recoded {summary.recoded}, ' if recode else ''}already stored {summary.already_stored}; "
        f"{summary.events} events "
        f"in {summary.seconds:.1f}s ({rate:.1f} docs/s) -> {db}"
    )
    for reason, n in sorted(summary.reasons.items()):
        click.echo(f"  {n} x {reason}")
    if missing:
        click.echo(f"{len(missing)} of the inputs given do not exist (named above): the others were coded", err=True)
        raise SystemExit(3)
    if strict and summary.failed:
        raise SystemExit(2)


def _emit(records: Iterable[dict[str, Any]], fmt: str, columns: list[str]) -> None:
    out = sys.stdout
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for record in records:
            writer.writerow({k: query.csv_cell(record[k]) if isinstance(record.get(k), str) else _flat(record.get(k))
                             for k in columns})
        return
    rows = [[_short(_flat(record.get(k))) for k in columns] for record in records]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
    for row in rows:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")
    if not rows:
        out.write("(none)\n")


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _short(value: str, width: int = 48) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 1] + "…"


@main.command()
@db_option
@click.option("--status", type=click.Choice(["ok", "skipped", "failed"]))
@format_option
@verbose_option
@_handle_errors
def docs(db: str, status: str | None, fmt: str) -> None:
    """List stored documents."""
    conn = store.connect_existing(db)
    columns = list(query.DOC_FIELDS)
    if fmt == "table":
        columns = ["doc_id", "status", "title", "dateline", "agency", "published", "error", "source_id"]
    records = query.iter_documents(conn, status=status)
    _emit(records if fmt == "table" else _export_guard(records, fmt, db, what="documents"), fmt, columns)


EVENT_COLUMNS = [
    "event_id", "doc_id", "source_id", "type", "mode", "cameo", "quad", "modality", "actor", "recipient",
    "date", "date_precision", "date_text", "location", "counts", "attribution", "evidence",
    "confidence",
]


def _who(actor: dict[str, Any] | None) -> str:
    """An actor for the table: its name (else its text) and its codes."""
    if not actor:
        return ""
    label = actor.get("name") or actor.get("text") or ""
    code = "/".join(x for x in (actor.get("country"), actor.get("sector")) if x)
    return f"{label} [{code}]" if code else label


def _event_table_rows(records: Iterable[dict[str, Any]], *, modality: bool) -> Iterable[dict[str, Any]]:
    for r in records:
        row = {
            "type": r["type"], "cameo": r["cameo"], "actor": _who(r["actor"]),
            "recipient": _who(r["recipient"]), "date": r["date"],
            "place": (r["location"] or {}).get("name"), "trigger": r["evidence"]["trigger"],
        }
        if modality:
            row["modality"] = r["modality"]
        row["_event_id"] = r["event_id"]
        yield row


# `events --modality`: the stored modalities, "all" for every one; the default shows what the text asserts.
MODALITY_CHOICES = ("asserted", *(m for m in MODALITIES if m != "asserted"), "all")
DEFAULT_MODALITY = "asserted"


def _country_code(option: str, value: str | None) -> str | None:
    """An alpha-3 code, upper-cased; QueryError naming the option otherwise."""
    if value is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{3}", value):
        raise QueryError(
            f"{option} {value!r} is not a code: use an ISO 3166-1 alpha-3 code such as COD or MLI"
            + (", or IGO, UNO, EUR, NGO, MNC" if option == "--country" else "")
        )
    return value.upper()


def _bbox_option(value: str | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat`` as the API reads it; QueryError with an example otherwise."""
    if value is None:
        return None
    hint = "use --bbox min_lon,min_lat,max_lon,max_lat in degrees, e.g. --bbox 28,-3,30,-1"
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in value.split(","))
    except ValueError:
        raise QueryError(f"--bbox {value!r} is not four numbers: {hint}") from None
    box = (min_lon, min_lat, max_lon, max_lat)
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):  # NaN fails every comparison
        raise QueryError(f"--bbox {value!r} is out of range or inverted (longitudes -180..180, latitudes -90..90, "
                         f"min before max): {hint}")
    return box


# The filters of `events`, shared with `export` (one list, one EventFilter construction).
_EVENT_FILTER_OPTIONS = (
    click.option("--type", "type_", help="PLOVER event type, e.g. ASSAULT."),
    click.option("--mode", help="PLOVER mode, e.g. heavy-weapons."),
    click.option("--quad", type=click.Choice(QUADS, case_sensitive=False), help="Quad class."),
    click.option("--modality", type=click.Choice(MODALITY_CHOICES, case_sensitive=False), default=DEFAULT_MODALITY,
                 show_default=True,
                 help="Events the text asserts (default), another modality, or all; the table gets a modality "
                      "column when it can show others."),
    click.option("--country", help="ISO 3166-1 alpha-3 code of the actor or the recipient."),
    click.option("--place-country",
                 help="ISO 3166-1 alpha-3 code of the event's place: what happened in that country."),
    click.option("--actor", help="Actor name (substring) or country code."),
    click.option("--recipient", help="Recipient name (substring) or country code."),
    click.option("--q", "q", help="Text in the evidence sentence."),
    click.option("--since", "--date-from", "since", callback=_iso_date,
                 help="Events on or after this date (YYYY-MM-DD)."),
    click.option("--until", "--date-to", "until", callback=_iso_date,
                 help="Events on or before this date (YYYY-MM-DD)."),
    click.option("--bbox", help="Events placed in min_lon,min_lat,max_lon,max_lat."),
    click.option("--doc-id", help="Events of one document."),
    click.option("--distinct", is_flag=True,
                 help="One row per happening: the first stored report of each (same type, modality, actor and "
                      "recipient country and sector, day and place); events with no day date or no place all "
                      "stay."),
)


def event_filter_options(func: Callable[P, R]) -> Callable[P, R]:
    """The event filter options of `events` and `export`, in the order --help lists them."""
    for option in reversed(_EVENT_FILTER_OPTIONS):
        func = option(func)
    return func


def _event_filter(*, type_: str | None, mode: str | None, quad: str | None, modality: str, country: str | None,
                  place_country: str | None, actor: str | None, recipient: str | None, q: str | None,
                  since: str | None, until: str | None, bbox: str | None, doc_id: str | None,
                  distinct: bool) -> query.EventFilter:
    """The EventFilter of the filter options' values; QueryError naming the option for a bad one."""
    if type_ is not None and type_.upper() not in PLOVER_TYPES:
        raise QueryError(f"unknown event type {type_!r}: use one of {', '.join(PLOVER_TYPES)}")
    for option, value in (("--mode", mode), ("--actor", actor), ("--recipient", recipient), ("--q", q),
                          ("--doc-id", doc_id)):
        if value is not None and not value.strip():
            raise QueryError(f"{option} is empty: give a value or leave the option out")
    if since and until and since > until:
        raise QueryError(f"--since {since} is after --until {until}: swap them")
    modality = modality.lower()
    return query.EventFilter(
        type=type_.upper() if type_ else None,
        mode=mode,
        quad=quad.lower() if quad else None,
        modality=None if modality == "all" else modality,
        country=_country_code("--country", country),
        place_country=_country_code("--place-country", place_country),
        actor=actor,
        recipient=recipient,
        q=q,
        date_from=since,
        date_to=until,
        bbox=_bbox_option(bbox),
        doc_id=doc_id,
        distinct=distinct,
    )


@main.command()
@db_option
@event_filter_options
@format_option
@verbose_option
@_handle_errors
def events(db: str, type_: str | None, mode: str | None, quad: str | None, modality: str, country: str | None,
           place_country: str | None, actor: str | None, recipient: str | None, q: str | None, since: str | None,
           until: str | None, bbox: str | None, doc_id: str | None, distinct: bool, fmt: str) -> None:
    """List coded events (those the text asserts unless --modality says otherwise).

    With --distinct the table also gives each happening's evidence: reports, independent sources (a near-duplicate
    counts as its original's outlet), documents, first and last report date.
    """
    event_filter = _event_filter(type_=type_, mode=mode, quad=quad, modality=modality, country=country,
                                 place_country=place_country, actor=actor, recipient=recipient, q=q, since=since,
                                 until=until, bbox=bbox, doc_id=doc_id, distinct=distinct)
    conn = store.connect_existing(db)
    records = query.iter_events(conn, event_filter)
    if fmt == "table":
        # A modality column only when rows of several modalities can show: asserted alone needs none.
        shows_modality = event_filter.modality != DEFAULT_MODALITY
        columns = ["type", "cameo", *(["modality"] if shows_modality else []), "actor", "recipient", "date", "place",
                   "trigger"]
        rows = _event_table_rows(records, modality=shows_modality)
        if distinct:  # each happening's evidence and claims; csv keeps the plain records
            columns += ["claims", *_EVIDENCE_COLUMNS.values()]
            rows = _with_evidence(conn, rows)
        _emit(rows, fmt, columns)
    elif fmt == "csv":  # the flattened layout of export.py, byte for byte the API's
        try:
            export.write_export(conn, records, "csv", sys.stdout, source=f" from {db!r}")
        except export.ExportAborted as exc:
            raise StoreError(str(exc)) from exc
    else:
        guarded = _export_guard(records, fmt, db)
        _emit(_with_happening(conn, guarded) if distinct else guarded, fmt, EVENT_COLUMNS)
    if fmt == "table" and event_filter.modality == DEFAULT_MODALITY:  # a note for people; exports stay bare
        _note_hidden(conn, event_filter)


_EVIDENCE_COLUMNS = {"reports": "reports", "sources": "sources", "documents": "docs", "first_report": "first",
                     "last_report": "last"}


_CLAIM_BATCH = 100  # rows whose happenings' claims are read together (claims.claims_by_event: two queries)


def _happening_batches(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]],
                       key: str) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Each row with its happening (evidence counts, ``disputed``, ``figures``), read a batch of rows at a time."""
    batch: list[dict[str, Any]] = []
    for row in itertools.chain(rows, [None]):
        if row is not None:
            batch.append(row)
        if batch and (row is None or len(batch) >= _CLAIM_BATCH):
            found = query.happenings_with_claims(conn, [r[key] for r in batch])
            yield from ((r, found.get(r[key], {})) for r in batch)
            batch = []


def _figures_cell(figures: list[dict[str, Any]]) -> str:
    """The claims compact: "dead 12–30 (disputed)", "injured 4"."""
    return "; ".join(f"{f['figure']} {f['low']}–{f['high']} (disputed)" if f["disputed"] else
                     f"{f['figure']} {f['low']}" for f in figures)


def _with_evidence(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for row, found in _happening_batches(conn, rows, "_event_id"):
        row.pop("_event_id")
        yield {**row, "claims": _figures_cell(found.get("figures", [])),
               **{short: found.get(key) for key, short in _EVIDENCE_COLUMNS.items()}}


def _with_happening(conn: sqlite3.Connection, records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """``--distinct --format jsonl``: each record with its ``happening``, the API's evidence=true entry in full."""
    for record, found in _happening_batches(conn, records, "event_id"):
        yield {**record, "happening": found}


def _note_hidden(conn: sqlite3.Connection, shown: query.EventFilter) -> None:
    """On stderr, how many matching events of other modalities the default left out, and the flag showing them."""
    hidden = {}
    for modality in MODALITIES:
        if modality != shown.modality:
            n = query.count_events(conn, dataclasses.replace(shown, modality=modality), cap=query.COUNT_CAP)
            if n:
                hidden[modality] = f"{n if n <= query.COUNT_CAP else f'{query.COUNT_CAP}+'} {modality}"
    if hidden:
        click.echo(f"not shown: {', '.join(hidden.values())} events (--modality all lists them too, "
                   "--modality NAME one kind)", err=True)


def _export_guard(records: Iterable[dict[str, Any]], fmt: str, db: str, *,
                  what: str = "events") -> Iterator[dict[str, Any]]:
    """The records; when the store fails mid-export, a last line no reader takes for an event (the API's), then
    the error, so the output is never a clean-looking but cut-short file."""
    sent = 0
    try:
        for record in records:
            yield record
            sent += 1
    except (DragomanError, sqlite3.Error) as exc:
        reason = str(exc) if isinstance(exc, DragomanError) else (
            f"{exc} (the database is damaged or another program changed it: restore it from a backup or code the "
            "inputs again into a new --db)")
        message = f"the export from {db!r} stopped after {sent} {what} and is incomplete: {reason}"
        sys.stdout.write(query.export_error_line(fmt, message))
        sys.stdout.flush()
        raise StoreError(message) from exc


# The formats of `dragoman export` (export_files.FILE_FORMATS; named here so that --help needs no pyarrow).
FILE_FORMATS = ("parquet", "csv", "jsonl", "acled", "gdelt")
EXPORT_EPILOG = """\b
Formats (the README's "Parquet, ACLED-style and GDELT-style exports" documents every column and mapping):
  parquet  a folder of Parquet files partitioned by the event's month (month=2024-01/, month=unknown/),
           typed columns of the CSV layout
  csv      the file `dragoman events --format csv` prints
  jsonl    the file `dragoman events --format jsonl` prints
  acled    an ACLED-style CSV (event_date, event_type, sub_event_type, actor1, ... fatalities)
  gdelt    a GDELT-2.0-style TSV (GlobalEventID, Day, Actor1Code, ... GoldsteinScale, ActionGeo_*, SOURCEURL)
An existing --out is replaced only with --force, and only by an export of the same kind; the export is written
beside --out and moved into place when complete."""


@main.command("export", epilog=EXPORT_EPILOG)
@db_option
@click.option("--format", "fmt", required=True, type=click.Choice(FILE_FORMATS, case_sensitive=False),
              help="What to write (see below).")
@click.option("--out", required=True, type=click.Path(path_type=Path),
              help="The file to write (a folder for parquet).")
@click.option("--force", is_flag=True, help="Replace an earlier export at --out.")
@event_filter_options
@verbose_option
@_handle_errors
def export_command(db: str, fmt: str, out: Path, force: bool, **filters: Any) -> None:
    """Export the events matching the filters to a file: Parquet, CSV, JSONL, ACLED- or GDELT-style."""
    import time

    from .export_files import check_out, export_to_path

    fmt = fmt.lower()
    event_filter = _event_filter(**filters)
    check_out(out, fmt, force=force)  # before opening the store: a wrong --out costs nothing
    conn = store.connect_existing(db)
    started = time.perf_counter()
    summary = export_to_path(conn, event_filter, fmt, out, force=force, source=f" from {db!r}")
    months = f" in {len(summary.months)} month partitions" if fmt == "parquet" else ""
    click.echo(f"exported {summary.rows} events{months} as {fmt} to {summary.path} "
               f"in {time.perf_counter() - started:.1f}s", err=True)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--published", callback=_iso_date, help="Publication date (YYYY-MM-DD).")
@verbose_option
@_handle_errors
def places(file: Path, published: str | None) -> None:
    """Print the toponyms found in FILE and the GeoNames entries chosen for them (for debugging)."""
    from .extract.places.resolver import toponyms_for_file

    read = rejected = 0
    for record in toponyms_for_file(file, published=published):
        click.echo(json.dumps(record, ensure_ascii=False))
        if "error" in record and "text" not in record:
            rejected += 1
            click.echo(f"[ingest] {record['error']}", err=True)
        else:
            read += 1
    if rejected and not read:
        raise SystemExit(1)


@main.group(invoke_without_command=True)
@db_option
@click.option("--since", callback=_iso_date, help="Stories reported on or after this day (YYYY-MM-DD).")
@click.option("--until", callback=_iso_date, help="Stories reported on or before this day (YYYY-MM-DD).")
@click.option("--country", help="ISO alpha-3 code of a country the story's events are in.")
@click.option("--q", help="Text in the story's title.")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@verbose_option
@click.pass_context
@_handle_errors
def stories(ctx: click.Context, db: str, since: str | None, until: str | None, country: str | None, q: str | None,
            limit: int, fmt: str) -> None:
    """Stories: documents about the same happening across outlets and days, latest first. `stories show ID`: one
    story with its reports, outlets, places and conflicting figures side by side."""
    from . import stories as story_lib

    ctx.obj = {"db": db, "fmt": fmt}
    if ctx.invoked_subcommand is not None:
        return
    conn = _story_store(db)
    flt = story_lib.StoryFilter(since=since, until=until, country=_country_code("--country", country), q=q)
    page, total = story_lib.story_page(conn, flt, limit=limit)
    records = [story_lib.summary_record(item) for item in page]
    _emit(records, fmt, ["story_id", "first_date", "last_date", "documents", "outlets", "title"])
    if fmt == "table" and total > len(records):
        click.echo(f"{len(records)} of {total} stories shown; --limit shows more", err=True)


def _story_store(db: str) -> sqlite3.Connection:
    from . import stories as story_lib

    conn = store.connect_existing(db)
    if not story_lib.has_stories(conn):
        raise StoreError(f"database {db!r} was written before stories (migration 10): open it once for writing "
                         f"(dragoman stories rebuild --db {db})")
    return conn


@stories.command("rebuild")
@click.option("--db", default=None, type=click.Path(dir_okay=False), help="SQLite file (default: the group's).")
@verbose_option
@click.pass_context
@_handle_errors
def stories_rebuild(ctx: click.Context, db: str | None) -> None:
    """Link every stored document into stories again, in stored order (a store coded before stories existed)."""
    from . import stories as story_lib

    db = db or ctx.obj["db"]
    store.connect_existing(db).close()
    click.echo(f"{story_lib.rebuild(store.connect(db))} documents linked into stories", err=True)


@stories.command("show")
@click.argument("story_id")
@click.option("--db", default=None, type=click.Path(dir_okay=False), help="SQLite file (default: the group's).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default=None)
@verbose_option
@click.pass_context
@_handle_errors
def stories_show(ctx: click.Context, story_id: str, db: str | None, fmt: str | None) -> None:
    """One story: its reports, outlets, places, date span and happenings with their claims."""
    from . import stories as story_lib

    db = db or ctx.obj["db"]
    fmt = fmt or ctx.obj["fmt"]
    found = story_lib.story(_story_store(db), story_id)
    if found is None:
        raise QueryError(f"no story {story_id!r} in {db}: list them with `dragoman stories --db {db}`")
    record = story_lib.story_record(found)
    if fmt == "jsonl":
        click.echo(json.dumps(record, ensure_ascii=False))
        return
    click.echo(f"{record['story_id']}  {record['first_date']} .. {record['last_date']}  {record['title'] or ''}")
    click.echo(f"outlets: {', '.join(record['outlets'])}")
    click.echo("places: " + ", ".join(f"{p['name']} ({p['country'] or '?'})" for p in record["places"]))
    for doc in record["documents"]:
        click.echo(f"  {doc['date']}  {doc['outlet']}  {doc['doc_id']}  {_short(doc['title'] or '', 60)}")
    for happening in record["happenings"]:
        for figure in happening["figures"]:
            mark = "DISPUTED " if figure["disputed"] else ""
            claims = "; ".join(f"{c['value']} ({c['claimant']}, {c['outlet']})" for c in figure["claims"])
            click.echo(f"  {mark}{happening['type']} {happening['place'] or ''} {figure['figure']}: default "
                       f"{figure['default']}, range {figure['low']}-{figure['high']}: {claims}")


@main.group()
def evaluate() -> None:
    """Score dragoman against gold-standard data."""


_LAYOUTS = {
    "extraction": "a folder with ground-truth.json and html/<id>.html.gz (the article-extraction-benchmark layout)",
    "plover-gsr": "the PLOVER GSR JSON list of records (PLOVER_GSR_CAMEO.txt)",
    "cameo-class": "a TSV file of text<TAB>label (0-4) lines",
    "cameo-ner": "CoNLL lines 'token TAG' (O, B-/I-S|T|R), a blank line between sentences",
    "ipe": "a TSV file of text and five 0/1 columns (KILL ARREST ANY_ACTION FAIL FORCE)",
    "geo": "the LGL or GeoWebNews XML file (lgl.xml, GWN.xml)",
    "timex": "a folder of TimeML .tml files (TBAQ-cleaned) or of MEANTIME CAT .xml files",
}
# Top-level counts of what a scorer read; all zero means the gold layout was not recognised.
_COUNT_KEYS = ("n", "records", "sentences", "documents", "articles", "pages")


def _scored(gold: Path, layout: str, run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run a scorer; a gold file in another layout is one line naming the expected layout, never a traceback."""
    expected = _LAYOUTS[layout]
    try:
        scores = run()
    except DragomanError:
        raise
    except OSError as exc:
        raise EvaluationError(f"cannot read gold data {str(gold)!r} ({exc.strerror or exc}); expected {expected}") \
            from exc
    except Exception as exc:  # noqa: BLE001 - any parse failure of foreign data means a wrong layout
        raise EvaluationError(
            f"{gold} is not in the expected layout ({type(exc).__name__}: {exc}); expected {expected}"
        ) from exc
    counts = [scores[k] for k in _COUNT_KEYS if isinstance(scores.get(k), int)]
    if counts and not any(counts):
        raise EvaluationError(f"no gold records found in {gold}; expected {expected}")
    return scores


def _print_scores(scores: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(scores, indent=2, ensure_ascii=False))
    else:
        for key, value in scores.items():
            click.echo(f"{key}: {value}")


@evaluate.command("story-groups")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="eval/story_groups/groups.jsonl")
@click.option("--texts", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("../shared/gold"),
              show_default=True, help="The shared gold folder holding time/TBAQ-cleaned and geo/LGL, geo/GeoWebNews.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Store to code the texts into (kept for reruns); default a temporary file.")
@click.option("--json", "as_json", is_flag=True)
@verbose_option
@_handle_errors
def evaluate_story_groups(gold: Path, texts: Path, db: Path | None, as_json: bool) -> None:
    """Story grouping against hand-made groups: B-cubed precision, recall and F1 on dev and held-out."""
    import tempfile

    from . import pipeline
    from . import stories as story_lib
    from .evaluate import story_groups

    groups = story_groups.read_groups(gold)
    records = story_groups.gold_records(texts, [ref for g in groups for ref in g.refs])
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "story_groups.jsonl"
        story_groups.write_jsonl(records, source)
        target = db or Path(tmp) / "story_groups.db"
        pipeline.code_files([source], db=target, workers="auto")
        conn = store.connect(target)
        story_lib.rebuild(conn)  # the stored order, linked by the current thresholds
        system = story_groups.predicted(conn, records)
        scores: dict[str, Any] = {f"{split}{'_multi' if multi else ''}": dataclasses.asdict(
            story_groups.score(groups, system, split, multi_only=multi)) for split in ("dev", "heldout")
            for multi in (False, True)}
        disputes_file = gold.parent / "disputes.jsonl"  # annotated disputes beside the groups, when there are
        if disputes_file.is_file():
            disputes = story_groups.read_disputes(disputes_file)
            found = {d.dispute: story_groups.dispute_found(conn, d, records) for d in disputes}
            scores["disputes"] = {"annotated": len(found), "found_with_both_claimants": sum(found.values()),
                                  "each": found}
        conn.close()
    _print_scores(scores, as_json)


@evaluate.command("extraction")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True)
@verbose_option
@_handle_errors
def evaluate_extraction(gold: Path, as_json: bool) -> None:
    """HTML article extraction, token-overlap P/R/F1 (article-extraction-benchmark layout)."""
    from .evaluate.extraction import score_extraction

    _print_scores(_scored(gold, "extraction", lambda: score_extraction(gold)), as_json)


@evaluate.command("events")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", required=True, type=click.Choice(["plover-gsr", "cameo-class", "cameo-ner", "ipe"]))
@click.option("--use-model", is_flag=True, help="Gate and rank the rule events with the packaged classifier.")
@click.option("--detector", is_flag=True,
              help="Apply the whole trained event detector to the rule events: its keep-filter too (opt-in).")
@click.option("--rules-only", is_flag=True, help="Code with the rules alone (no trained detector).")
@click.option("--split", type=click.Choice(["heldout", "train"]),
              help="Score only the classifier's held-out (or training) part of the gold set.")
@click.option("--json", "as_json", is_flag=True)
@verbose_option
@_handle_errors
def evaluate_events(gold: Path, fmt: str, use_model: bool, detector: bool, rules_only: bool, split: str | None,
                    as_json: bool) -> None:
    """Event coding against the gold event sets."""
    from .evaluate.events import score_events

    _print_scores(_scored(gold, fmt, lambda: score_events(gold, format=fmt, use_model=use_model, split=split,
                                                          detector=detector, rules_only=rules_only)), as_json)


@evaluate.command("geo")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--oracle-spans", is_flag=True, help="Geocode the gold toponym spans only.")
@click.option("--json", "as_json", is_flag=True)
@verbose_option
@_handle_errors
def evaluate_geo(gold: Path, oracle_spans: bool, as_json: bool) -> None:
    """Toponym detection and geocoding (LGL / GeoWebNews XML)."""
    from .evaluate.geo import score_geo

    _print_scores(_scored(gold, "geo", lambda: score_geo(gold, oracle_spans=oracle_spans)), as_json)


@evaluate.command("timex")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True)
@verbose_option
@_handle_errors
def evaluate_timex(gold: Path, as_json: bool) -> None:
    """Temporal expressions against TimeML folders (TempEval-3 scoring)."""
    from .evaluate.timex import score_timex

    _print_scores(_scored(gold, "timex", lambda: score_timex(gold)), as_json)


@evaluate.command("stories")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The story gold file (eval/stories/stories.jsonl).")
@click.option("--split", type=click.Choice(["dev", "heldout"]), help="Score only the stories of this split.")
@click.option("--texts", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="The folder holding the stories' source files (default: ../shared/gold beside the checkout).")
@click.option("--json", "as_json", is_flag=True)
@verbose_option
@_handle_errors
def evaluate_stories(gold: Path, split: str | None, texts: Path | None, as_json: bool) -> None:
    """Whole stories: facts an analyst codes found, spurious events per story, per-field accuracy."""
    from .evaluate.stories import score_stories

    _print_scores(score_stories(gold, split=split, texts=texts), as_json)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--allowed-host", "allowed_hosts", multiple=True,
              help="Another host name requests may use (repeatable); the bound host, localhost and 127.0.0.1 always "
                   "are. Others get a 400 (DNS rebinding).")
@verbose_option
@_handle_errors
def serve(db: str, host: str, port: int, allowed_hosts: tuple[str, ...]) -> None:
    """Serve the HTTP API and the web UI over the database (read-only)."""
    import uvicorn

    from .api import LOCAL_HOSTS, create_app

    app = create_app(db, allowed_hosts=(host, *LOCAL_HOSTS, *allowed_hosts))
    sock = _bind(host, port)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"serving {db} at http://{shown}:{sock.getsockname()[1]}/ (API at /api/events); Ctrl-C stops",
               err=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn shuts down on Ctrl-C, then passes the signal on
        click.echo("stopped", err=True)
    finally:
        sock.close()


def _bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that a busy port or a bad host is one clear line."""
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise click.ClickException(
            f"[serve] --host {host!r} is not an address of this machine ({exc.strerror}); use 127.0.0.1, "
            "0.0.0.0 or a host name that resolves"
        ) from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            fix = "another program is listening there: stop it or choose another --port"
        elif exc.errno == errno.EACCES:
            fix = "ports below 1024 need privileges: choose a --port above 1024"
        else:
            fix = "choose another --host or --port"
        raise click.ClickException(f"[serve] cannot listen on {host}:{port} ({exc.strerror}); {fix}") from None
    return sock


WATCH_EXIT_CODES = """\b
Exit codes:
  0    stopped (Ctrl-C, SIGTERM) or, with --once, every feed was read
  1    an error stopped the watch (the database is unusable, the installation is broken)
  3    with --once: some feed could not be read (named on stderr); the others were coded"""


def _every(_ctx: click.Context, _param: click.Parameter, value: str) -> float:
    from .watch import parse_every

    try:
        return parse_every(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command(epilog=WATCH_EXIT_CODES)
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option("--every", callback=_every, default="10m", show_default=True,
              help="Time between polls: 30s, 10m, 1h.")
@click.option("--once", is_flag=True, help="Poll once and exit.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds to wait for a feed or a page.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Feeds and pages larger than this are not read.")
@verbose_option
@_handle_errors
def watch(feeds: tuple[str, ...], db: str, every: float, once: bool, timeout: float, max_bytes: int) -> None:
    """Poll RSS/Atom feeds (URLs or files) and code their new items; stop and restart at will.

    Items are new when neither their link nor their content is stored. One line per poll: new, seen, failed.
    """
    import threading

    from .watch import PollSummary
    from .watch import watch as run_watch

    _check_writable_store(db)
    _check_healthy_store(db)
    stop = threading.Event()

    def on_signal(_signum: int, _frame: Any) -> None:
        if stop.is_set():  # asked twice: stop now; the document being written is rolled back
            raise KeyboardInterrupt
        stop.set()  # the poll ends after the batch being coded is stored

    try:
        previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread (an embedding program): its signals stay its own
        previous = {}
    failed_feeds = 0

    def report(summary: PollSummary) -> None:
        nonlocal failed_feeds
        failed_feeds = summary.feeds_failed
        click.echo(summary.line())
        for problem in summary.problems:
            click.echo(f"  [feeds] {problem}", err=True)

    try:
        run_watch(list(feeds), db=db, every=every, once=once, timeout=timeout, max_bytes=max_bytes, report=report,
                  stop=stop)
    except KeyboardInterrupt:
        click.echo("stopped; every stored document is complete. Run the same command again to go on.", err=True)
        return
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if stop.is_set():
        click.echo("stopped; every stored document is complete. Run the same command again to go on.", err=True)
    elif once and failed_feeds:
        raise SystemExit(3)


if __name__ == "__main__":  # pragma: no cover
    main()
