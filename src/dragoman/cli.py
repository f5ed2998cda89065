"""The `dragoman` command: thin wrappers over the library that turn errors into clean messages."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import logging
import sys
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import query, store
from .errors import DragomanError, QueryError
from .ingest import DEFAULT_MAX_BYTES

F = TypeVar("F", bound=Callable[..., Any])


def _handle_errors(func: F) -> F:
    """Library errors become one line on stderr and exit 1; --verbose adds the traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
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
        except (OSError, ValueError) as exc:
            if _verbose():
                traceback.print_exc()
            raise click.ClickException(f"{type(exc).__name__}: {exc}") from None

    return wrapper  # type: ignore[return-value]


def _verbose() -> bool:
    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if ctx.params.get("verbose"):
            return True
        ctx = ctx.parent
    return False


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from None


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


class _Progress:
    """A one-line progress display with documents/s, only on a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()

    def __call__(self, summary: Any) -> None:
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
        )
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--published", callback=_iso_date, help="Publication date (YYYY-MM-DD) for inputs with none.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Inputs larger than this are skipped.")
@click.option("--strict", is_flag=True, help="Exit non-zero when any document failed.")
@click.option("--verbose", is_flag=True, help="Show details and tracebacks.")
@_handle_errors
def code(paths: tuple[Path, ...], db: str, published: str | None, workers: int, max_bytes: int,
         strict: bool, verbose: bool) -> None:
    """Code news files and folders into events stored in the database."""
    from .pipeline import code_files

    if verbose:
        logging.getLogger().setLevel(logging.DEBUG)
    progress = _Progress()
    try:
        summary = code_files(paths, db=db, published=published, workers=workers, max_bytes=max_bytes,
                             progress=progress)
    finally:
        progress.close()
    rate = summary.seen / summary.seconds if summary.seconds else 0.0
    click.echo(
        f"coded {summary.coded}, skipped {summary.skipped}, failed {summary.failed}, "
        f"already stored {summary.already_stored}; {summary.events} events "
        f"in {summary.seconds:.1f}s ({rate:.1f} docs/s) -> {db}"
    )
    for reason, n in sorted(summary.reasons.items()):
        click.echo(f"  {n} x {reason}")
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
            writer.writerow({k: _flat(record.get(k)) for k in columns})
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
@_handle_errors
def docs(db: str, status: str | None, fmt: str) -> None:
    """List stored documents."""
    conn = store.connect(db, read_only=True)
    columns = list(query.DOC_FIELDS)
    if fmt == "table":
        columns = ["doc_id", "status", "title", "dateline", "agency", "published", "error", "source_id"]
    _emit(query.iter_documents(conn, status=status), fmt, columns)


EVENT_COLUMNS = [
    "event_id", "doc_id", "source_id", "type", "mode", "cameo", "quad", "modality", "actor", "recipient",
    "date", "date_precision", "date_text", "location", "counts", "attribution", "evidence",
]


def _event_table_rows(records: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    for r in records:
        def who(actor: dict[str, Any] | None) -> str:
            if not actor:
                return ""
            code = "/".join(x for x in (actor.get("country"), actor.get("sector")) if x)
            return f"{actor.get('name') or actor.get('text')} [{code}]" if code else str(actor.get("name"))

        yield {
            "type": r["type"], "cameo": r["cameo"], "modality": r["modality"], "actor": who(r["actor"]),
            "recipient": who(r["recipient"]), "date": r["date"],
            "place": (r["location"] or {}).get("name"), "trigger": r["evidence"]["trigger"],
        }


@main.command()
@db_option
@click.option("--type", "type_", help="PLOVER event type, e.g. ASSAULT.")
@click.option("--country", help="ISO 3166-1 alpha-3 code of actor or recipient.")
@click.option("--since", callback=_iso_date, help="Events on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=_iso_date, help="Events on or before this date (YYYY-MM-DD).")
@format_option
@_handle_errors
def events(db: str, type_: str | None, country: str | None, since: str | None, until: str | None,
           fmt: str) -> None:
    """List coded events."""
    from .plover import PLOVER_TYPES

    if type_ is not None and type_.upper() not in PLOVER_TYPES:
        raise QueryError(f"unknown event type {type_!r}: use one of {', '.join(PLOVER_TYPES)}")
    event_filter = query.EventFilter(
        type=type_.upper() if type_ else None,
        country=country.upper() if country else None,
        date_from=since,
        date_to=until,
    )
    conn = store.connect(db, read_only=True)
    records = query.iter_events(conn, event_filter)
    if fmt == "table":
        _emit(_event_table_rows(records), fmt,
              ["type", "cameo", "modality", "actor", "recipient", "date", "place", "trigger"])
    else:
        _emit(records, fmt, EVENT_COLUMNS)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--published", callback=_iso_date, help="Publication date (YYYY-MM-DD).")
@_handle_errors
def places(file: Path, published: str | None) -> None:
    """Print the toponyms found in FILE and the GeoNames entries chosen for them (for debugging)."""
    from .extract.places import toponyms_for_file

    for record in toponyms_for_file(file, published=published):
        click.echo(json.dumps(record, ensure_ascii=False))


@main.group()
def evaluate() -> None:
    """Score dragoman against gold-standard data."""


def _print_scores(scores: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(scores, indent=2, ensure_ascii=False))
    else:
        for key, value in scores.items():
            click.echo(f"{key}: {value}")


@evaluate.command("extraction")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True)
@_handle_errors
def evaluate_extraction(gold: Path, as_json: bool) -> None:
    """HTML article extraction, token-overlap P/R/F1 (article-extraction-benchmark layout)."""
    from .evaluate.extraction import score_extraction

    _print_scores(score_extraction(gold), as_json)


@evaluate.command("events")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", required=True, type=click.Choice(["plover-gsr", "cameo-class", "cameo-ner", "ipe"]))
@click.option("--use-model", is_flag=True, help="Gate and rank the rule events with the packaged classifier.")
@click.option("--split", type=click.Choice(["heldout", "train"]),
              help="Score only the classifier's held-out (or training) part of the gold set.")
@click.option("--json", "as_json", is_flag=True)
@_handle_errors
def evaluate_events(gold: Path, fmt: str, use_model: bool, split: str | None, as_json: bool) -> None:
    """Event coding against the gold event sets."""
    from .evaluate.events import score_events

    _print_scores(score_events(gold, format=fmt, use_model=use_model, split=split), as_json)


@evaluate.command("geo")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--oracle-spans", is_flag=True, help="Geocode the gold toponym spans only.")
@click.option("--json", "as_json", is_flag=True)
@_handle_errors
def evaluate_geo(gold: Path, oracle_spans: bool, as_json: bool) -> None:
    """Toponym detection and geocoding (LGL / GeoWebNews XML)."""
    from .evaluate.geo import score_geo

    _print_scores(score_geo(gold, oracle_spans=oracle_spans), as_json)


@evaluate.command("timex")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True)
@_handle_errors
def evaluate_timex(gold: Path, as_json: bool) -> None:
    """Temporal expressions against TimeML folders (TempEval-3 scoring)."""
    from .evaluate.timex import score_timex

    _print_scores(score_timex(gold), as_json)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@_handle_errors
def serve(db: str, host: str, port: int) -> None:
    """Serve the HTTP API and the web UI over the database (read-only)."""
    import uvicorn

    from .api import create_app

    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


if __name__ == "__main__":  # pragma: no cover
    main()
